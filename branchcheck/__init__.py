"""BranchCheck core: checklists, inspections, findings, sealed records. Never imports Qt."""

__version__ = "0.1.0"
