"""`branchcheck findings list | rectify | result | verify | close`: the closed loop (整改闭环)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchcheck.cli.common import SubParsers, print_json, store

if TYPE_CHECKING:
    from branchcheck.views import FindingView


def _line(f: FindingView) -> str:
    from branchcheck.taxonomy import FINDING_STATES

    who = f.responsible
    marks = ("  逾期" if f.overdue else "") + ("  ⚠屡查屡犯" if f.repeat else "")
    return (
        f"{f.id[:8]}  {FINDING_STATES[f.state]['zh']:<4} {f.due_date}  "
        f"{(who.name + ' (' + who.employee_no + ')') if who else '—':<14} "
        f"{f.title['zh']}{marks}"
    )


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck import clock, findings

    today = clock.now().date()
    rows = findings.list_findings(
        store(),
        state="open" if args.open else None,
        overdue_on=today if args.overdue else None,
        repeat_only=args.repeat,
        responsible=args.responsible,
        as_of=today,
    )
    if args.json:
        print_json(rows)
    else:
        for f in rows:
            print(_line(f))
    return 0


def _changed(f: FindingView) -> int:
    print_json(f)
    return 0


def cmd_rectify(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(
        findings.start_rectification(store(), args.finding_id, action=args.action, actor=args.as_)
    )


def cmd_result(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(
        findings.record_result(store(), args.finding_id, result=args.result, actor=args.as_)
    )


def cmd_verify(args: argparse.Namespace) -> int:
    from branchcheck import clock, findings

    return _changed(
        findings.verify(
            store(),
            args.finding_id,
            rechecker=args.rechecker,
            recheck_date=clock.parse_date(args.date, field="--date"),
            actor=args.as_,
        )
    )


def cmd_close(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(findings.close(store(), args.finding_id, actor=args.as_))


def register(sub: SubParsers) -> None:
    fi = sub.add_parser("findings", help="findings and their rectification (整改闭环)")
    fisub = fi.add_subparsers(dest="sub", required=True)
    x = fisub.add_parser("list", help="the branch's findings, newest first")
    x.add_argument("--open", action="store_true", help="only findings not closed")
    x.add_argument("--overdue", action="store_true", help="only findings past their due date")
    x.add_argument("--repeat", action="store_true", help="only repeat findings (屡查屡犯)")
    x.add_argument("--responsible", metavar="EMPLOYEE_NO", help="only this person's findings")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
    x = fisub.add_parser("rectify", help="开始整改: open → rectifying, with the action taken")
    x.add_argument("finding_id", help="the finding's ID or a unique prefix (8 characters)")
    x.add_argument("--action", required=True, help="整改措施")
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_rectify)
    x = fisub.add_parser("result", help="登记整改结果 of a finding being rectified")
    x.add_argument("finding_id")
    x.add_argument("--result", required=True, help="整改结果")
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_result)
    x = fisub.add_parser("verify", help="复查确认: rectifying → verified")
    x.add_argument("finding_id")
    x.add_argument(
        "--rechecker", required=True, metavar="EMPLOYEE_NO", help="复查人, not the 整改责任人"
    )
    x.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="复查日期")
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_verify)
    x = fisub.add_parser("close", help="关闭: verified → closed")
    x.add_argument("finding_id")
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_close)
