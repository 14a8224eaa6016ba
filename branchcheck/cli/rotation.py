"""`branchcheck rotation [--as-of D] [--json]`: key posts held and ATM routes kept too long
(seed 000: 三年轮岗); first makes findings of those past their grace period."""

from __future__ import annotations

import argparse
import sys

from branchcheck.cli.common import SubParsers, print_json, store


def cmd_rotation(args: argparse.Namespace) -> int:
    from branchcheck import clock
    from branchcheck.people.rotation import reminders, sweep

    as_of = clock.parse_date(args.as_of, field="--as-of") if args.as_of else clock.now().date()
    st = store()
    made = sweep(st, as_of)
    found = reminders(st, as_of)
    if args.json:
        print_json(found)
    else:
        for r in found:
            what = f"线路 {r.route} 自 {r.since}" if r.kind == "route" else f"自 {r.since}"
            mark = "逾期" if r.status == "overdue" else "提醒"
            finding = f"  问题 {r.finding_id[:8]}" if r.finding_id else ""
            print(
                f"{mark}  {r.employee_no:<8} {r.name:<6} {r.role_name['zh']:<6} {what}  "
                f"到期 {r.due_on}{finding}"
            )
        if not found:
            print("没有需要轮岗或换线的岗位 / no post or route is due for rotation")
    if made:
        print(f"新问题 / new findings: {len(made)}", file=sys.stderr)
    return 0


def register(sub: SubParsers) -> None:
    x = sub.add_parser("rotation", help="key-post rotation and route-change reminders")
    x.add_argument("--as-of", help="the day to judge, YYYY-MM-DD (default: today)")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_rotation)
