"""BranchCheck's PySide6 desktop front end. Imports `branchcheck`; the core never imports `ui`."""
