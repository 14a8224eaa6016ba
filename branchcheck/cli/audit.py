"""`branchcheck audit verify` (alias `audit check`): the hash-chained audit log, its signed
anchors and every sealed record's stored files."""

from __future__ import annotations

import argparse
import sys

from branchcheck.cli.common import SubParsers, print_json, store


def cmd_verify(args: argparse.Namespace) -> int:
    from branchcheck import audit

    with store().read() as conn:
        result = audit.verify(conn)
    if args.json:
        print_json(result.as_dict())
    else:
        for line in result.lines():
            print(line, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 6


def register(sub: SubParsers) -> None:
    au = sub.add_parser("audit", help="the hash-chained audit log")
    ausub = au.add_subparsers(dest="sub", required=True)
    for name in ("verify", "check"):
        x = ausub.add_parser(
            name,
            help="check every link of the chain, every signed anchor and every sealed record's "
            "files" + (" (alias of verify)" if name == "check" else ""),
        )
        x.add_argument("--json", action="store_true", help="the result as JSON")
        x.set_defaults(func=cmd_verify)
