"""`branchcheck score`: the compliance index of a period against the same period a year earlier,
and the period report's files."""

from __future__ import annotations

import argparse
from pathlib import Path

from branchcheck.cli.common import SubParsers, print_json, store


def cmd_score(args: argparse.Namespace) -> int:
    from branchcheck.clock import parse_date
    from branchcheck.score.gather import to_text
    from branchcheck.score.period import export_period_report, period_report

    first = parse_date(args.from_, field="--from")
    last = parse_date(args.to, field="--to")
    as_of = parse_date(args.as_of, field="--as-of") if args.as_of else None
    st = store()
    made = period_report(st, first, last, as_of=as_of)
    if args.json:
        print_json(made)
    else:
        print(to_text(made.score, args.lang))
        title = (
            "核查问责：应发现未发现（按检查人）"
            if args.lang == "zh"
            else "Missed problems by inspector"
        )
        print(title)
        for m in made.missed_by_inspector:
            print(f"  {m.name} ({m.employee_no})  {m.missed}")
        if not made.missed_by_inspector:
            print("  —")
    if args.out:
        for path in export_period_report(
            st, first, last, Path(args.out), as_of=as_of, lang=args.lang
        ):
            print(f"已导出 / written: {path}")
    return 0


def register(sub: SubParsers) -> None:
    x = sub.add_parser(
        "score",
        help="compliance index (合规性指数) of a period against the same period a year earlier",
    )
    x.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD")
    x.add_argument("--to", required=True, metavar="YYYY-MM-DD")
    x.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="as the store stands on this day (default today)"
    )
    x.add_argument(
        "--out", metavar="DIR", help="also write the period report (.xlsx with charts, .pdf)"
    )
    x.add_argument("--lang", choices=("zh", "en"), default="zh")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_score)
