"""`branchcheck records list` and `branchcheck export`: the records in the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from branchcheck.cli.common import SubParsers, print_json, store


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck import inspections

    rows = inspections.list_records(store())
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r.id}  {r.local_date}  {r.status:<11} {r.checklist:<20} "
            f"{r.inspector_name}  findings: {r.findings}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from branchcheck import inspections

    for path in inspections.export(store(), args.record_id, Path(args.out)):
        print(path)
    return 0


def register(sub: SubParsers) -> None:
    rec = sub.add_parser("records", help="inspection records in the store")
    recsub = rec.add_subparsers(dest="sub", required=True)
    x = recsub.add_parser("list", help="all inspections and records, newest first")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)

    x = sub.add_parser(
        "export", help="copy a sealed record's signed PDF and workbook into a folder"
    )
    x.add_argument("record_id")
    x.add_argument("--out", required=True)
    x.set_defaults(func=cmd_export)
