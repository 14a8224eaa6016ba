"""`branchcheck audit check`: every link of the hash-chained audit log."""

from __future__ import annotations

import argparse
import sys

from branchcheck.cli.common import SubParsers, store


def cmd_check(args: argparse.Namespace) -> int:
    from branchcheck import audit

    with store().read() as conn:
        result = audit.check_chain(conn)
    if result.ok:
        print(f"audit log intact: {result.entries} entries")
        return 0
    print(f"audit log BROKEN at entry {result.broken_at}", file=sys.stderr)
    return 6


def register(sub: SubParsers) -> None:
    au = sub.add_parser("audit", help="the hash-chained audit log")
    ausub = au.add_subparsers(dest="sub", required=True)
    x = ausub.add_parser("check", help="check every link of the chain")
    x.set_defaults(func=cmd_check)
