"""`branchcheck staff list | absence add`: the staff register and absences."""

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
    register_absence(stsub)


# ---------------------------------------------------------------- absences (issue 9)


def cmd_absence_add(args: argparse.Namespace) -> int:
    from branchcheck.clock import parse_date
    from branchcheck.people.absence import record_absence

    record_absence(
        store(),
        employee_no=args.employee_no,
        first_day=parse_date(args.from_, field="--from"),
        last_day=parse_date(args.to, field="--to"),
        kind=args.kind,
        reason=args.reason,
        actor=args.as_,
    )
    print(f"已登记缺勤 / absence recorded: {args.employee_no} {args.from_} — {args.to}")
    return 0


def register_absence(stsub: SubParsers) -> None:
    ab = stsub.add_parser("absence", help="record a person's absence (leave, sick, training)")
    absub = ab.add_subparsers(dest="absence", required=True)
    x = absub.add_parser("add", help="an absence from --from to --to, both days included")
    x.add_argument("employee_no")
    x.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD")
    x.add_argument("--to", required=True, metavar="YYYY-MM-DD")
    x.add_argument(
        "--kind",
        required=True,
        choices=("leave", "sick", "training", "other"),
        help="leave 休假, sick 病假, training 培训, other 其他",
    )
    x.add_argument("--reason", required=True)
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_absence_add)
