"""`python -m branchcheck.cli ...`: the same as the `branchcheck` command."""

import sys

from branchcheck.cli import main

if __name__ == "__main__":  # importing this module (as every-module tests do) runs nothing
    sys.exit(main())
