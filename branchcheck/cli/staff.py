"""`branchcheck staff list`: the staff register."""

from __future__ import annotations

import argparse

from branchcheck.cli.common import SubParsers, print_json, store


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck.people.roster import list_staff

    rows = list_staff(store())
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r.employee_no:<8} {r.name:<6} {r.role_names()}{'  (external: ' + r.organisation + ')' if r.external else ''}"
        )
    return 0


def register(sub: SubParsers) -> None:
    st = sub.add_parser("staff", help="the staff register")
    stsub = st.add_subparsers(dest="sub", required=True)
    x = stsub.add_parser("list")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
