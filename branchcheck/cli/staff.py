"""`branchcheck staff list`: the staff register; `staff post add | end | list`: who held which
post when (the key-post rotation reads it); `staff absence add`: absences (leave, sick, training)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchcheck.cli.common import SubParsers, actor, add_actor, print_json, store

if TYPE_CHECKING:
    from branchcheck.people.posts import PostView


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


def _post_line(p: PostView) -> str:
    held = f"{p.from_date} 至 {p.to_date or '今'}"
    route = f"  线路 {p.route}" if p.route else ""
    return f"{p.employee_no:<8} {p.name:<6} {p.role_name['zh']:<6} {held}{route}"


def _shown(view: PostView, as_json: bool) -> int:
    if as_json:
        print_json(view)
    else:
        print(_post_line(view))
    return 0


def cmd_post_add(args: argparse.Namespace) -> int:
    from branchcheck import clock
    from branchcheck.people.posts import record_post

    view = record_post(
        store(),
        employee_no=args.employee_no,
        role=args.role,
        from_date=clock.parse_date(args.from_date, field="--from"),
        route=args.route,
        actor=actor(args),
    )
    return _shown(view, args.json)


def cmd_post_end(args: argparse.Namespace) -> int:
    from branchcheck import clock
    from branchcheck.people.posts import end_post

    view = end_post(
        store(),
        employee_no=args.employee_no,
        role=args.role,
        to_date=clock.parse_date(args.to_date, field="--to"),
        actor=actor(args),
    )
    return _shown(view, args.json)


def cmd_post_list(args: argparse.Namespace) -> int:
    from branchcheck.people.posts import post_history

    found = post_history(store(), args.employee_no)
    if args.json:
        print_json(found)
    else:
        for p in found:
            print(_post_line(p))
    return 0


def register(sub: SubParsers) -> None:
    st = sub.add_parser("staff", help="the staff register")
    stsub = st.add_subparsers(dest="sub", required=True)
    x = stsub.add_parser("list")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
    posts = stsub.add_parser("post", help="who held which post when (key-post rotation)")
    psub = posts.add_subparsers(dest="post_command", required=True)
    x = psub.add_parser("add", help="a person takes a post (or an ATM loader a new route)")
    x.add_argument("employee_no")
    x.add_argument("role", help="e.g. vault_keeper, atm_loader")
    x.add_argument("--from", dest="from_date", required=True, help="first day, YYYY-MM-DD")
    x.add_argument("--route", default="", help="the ATM route (线路)")
    add_actor(x)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_post_add)
    x = psub.add_parser("end", help="a person leaves a post")
    x.add_argument("employee_no")
    x.add_argument("role")
    x.add_argument("--to", dest="to_date", required=True, help="last day held, YYYY-MM-DD")
    add_actor(x)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_post_end)
    x = psub.add_parser("list", help="the post history")
    x.add_argument("employee_no", nargs="?")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_post_list)
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
        actor=actor(args),
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
    add_actor(x)
    x.set_defaults(func=cmd_absence_add)
