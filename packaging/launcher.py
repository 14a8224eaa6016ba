"""The bundle's entry point, behind both of its programs: `branchcheck-gui` (the window; on Windows
without a console) and `branchcheck` (the command line) are this script, told apart by name."""

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable).stem == "branchcheck-gui":
        from ui.app import main as run
    else:
        from branchcheck.cli import main as run
    return run()


if __name__ == "__main__":
    sys.exit(main())
