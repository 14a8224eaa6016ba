"""`python -m branchcheck.cli ...`: the same as the `branchcheck` command."""

import sys

from branchcheck.cli import main

sys.exit(main())
