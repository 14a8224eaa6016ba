"""`branchcheck demo`: a demo branch with staff, keys and signed records."""

from __future__ import annotations

import argparse
from pathlib import Path

from branchcheck.cli.common import SubParsers, store


def cmd_demo(args: argparse.Namespace) -> int:
    from branchcheck import demo

    st = store()
    weeks = demo.WEEKS if args.weeks is None else args.weeks
    result = demo.setup_demo(st, weeks=weeks, if_empty=args.if_empty)
    if result.created:
        print(f"demo branch created in {st.path}: {result.records} sealed records")
        print("sign in as E001 王建国 (branch head) with password demo1234")
    else:
        print(f"store {st.path} already has data: demo not created")
    if args.out:
        paths, results = demo.export_and_verify(st, Path(args.out))
        for p, r in zip(paths, results, strict=True):
            print(f"{r.status.upper():<8} {p}")
        if not all(r.status == "ok" for r in results):
            return 6
    return 0


def register(sub: SubParsers) -> None:
    x = sub.add_parser("demo", help="create a demo branch with staff, keys and signed records")
    x.add_argument("--weeks", type=int, help="weeks of history (default: about half a year)")
    x.add_argument("--if-empty", action="store_true", help="do nothing when the store has data")
    x.add_argument("--out", help="also export the newest records here and verify them")
    x.set_defaults(func=cmd_demo)
