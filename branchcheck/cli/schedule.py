"""`branchcheck due | explain | absences`: what the schedule asks, explaining a miss, absences."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchcheck.cli.common import SubParsers, actor, add_actor, print_json, store

if TYPE_CHECKING:
    from datetime import date

    from branchcheck.views import Obligation


def _day(text: str | None, name: str) -> date | None:
    from branchcheck.clock import parse_date

    return parse_date(text, field=name) if text else None


def _today() -> date:
    from branchcheck import clock
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    return clock.now(load_settings(data_home()).timezone).date()


def _pad(text: str, width: int) -> str:
    """text padded to `width` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 1)


COLUMNS = (("应办日期", 12), ("状态", 18), ("检查", 34))


def _line(ob: Obligation, titles: dict[str, dict[str, str]]) -> str:
    from branchcheck.schedule.ledger import REASON_NAMES, STATUS_NAMES

    what = (
        f"{titles.get(ob.checklist, {}).get('zh', ob.checklist)} · {REASON_NAMES[ob.reason]['zh']}"
    )
    extra = [ob.key]
    if ob.reason in ("teller_coverage", "events"):
        extra.append(f"{ob.count}/{ob.expected}")
    if ob.uncovered:
        extra.append("未覆盖：" + "、".join(f"{p.name}({p.employee_no})" for p in ob.uncovered))
    if ob.explanation:
        extra.append(f"说明：{ob.explanation}")
    if ob.calendar_note:
        extra.append(ob.calendar_note["zh"])
    cells = (ob.due_on, STATUS_NAMES[ob.status]["zh"], what)
    return "".join(_pad(c, w) for c, (_, w) in zip(cells, COLUMNS, strict=True)) + "  ".join(extra)


def cmd_due(args: argparse.Namespace) -> int:
    import sys

    from branchcheck.engine.validate import load_all
    from branchcheck.schedule import due, sweep

    as_of = _day(args.as_of, "--as-of") or _today()
    st = store()
    made = sweep(st, as_of)
    if made:
        print(f"未履行的检查已列为问题 / new findings from misses: {len(made)}", file=sys.stderr)
    rows = due(st, as_of)
    if args.json:
        print_json(rows)
        return 0
    titles = {k: t.template.title.as_dict() for k, t in load_all().items()}
    print(f"截至 {as_of.isoformat()} 的应办检查 / due as of {as_of.isoformat()}")
    print("".join(_pad(name, w) for name, w in COLUMNS) + "编号与说明")
    for ob in rows:
        print(_line(ob, titles))
    if not rows:
        print("（无）")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from branchcheck.schedule import explain

    print_json(explain(store(), args.key, reason=args.reason, actor=actor(args)))
    return 0


def cmd_absences(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from branchcheck.people.absence import list_absences

    today = _today()
    first = _day(args.from_, "--from") or today - timedelta(days=30)
    last = _day(args.to, "--to") or today + timedelta(days=90)
    rows = list_absences(store(), first, last)
    if args.json:
        print_json(rows)
        return 0
    for a in rows:
        print(
            f"{a.employee_no:<8} {a.name:<6} {a.first_day} — {a.last_day}  "
            f"{a.kind_name['zh']:<4} {a.reason}"
        )
    if not rows:
        print(f"{first.isoformat()} — {last.isoformat()}：无缺勤记录 / no absences")
    return 0


def register(sub: SubParsers) -> None:
    x = sub.add_parser(
        "due",
        help="what the schedule asks: due, overdue, done and recently missed checks",
        description="Lists the obligations whose window is open on the day (due, overdue or "
        "done), the pre-holiday checks ahead, and the misses of the last four weeks. It first "
        "makes every miss whose window has closed a finding (once), so a missed week becomes "
        "its finding as soon as anyone looks.",
    )
    x.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day (default: the branch's today)")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_due)
    x = sub.add_parser("explain", help="the branch head explains a missed obligation (说明)")
    x.add_argument("key", help="the obligation's key, e.g. vault_check:weekly:2026-W46")
    x.add_argument("--reason", required=True, help="why it was missed")
    add_actor(x)
    x.set_defaults(func=cmd_explain)
    x = sub.add_parser("absences", help="staff absences (leave, sick, training) in a period")
    x.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="default: 30 days ago")
    x.add_argument("--to", metavar="YYYY-MM-DD", help="default: 90 days ahead")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_absences)
