"""`branchcheck receipts import FILE`: head office's signed receipt taken in at the branch
(branchcheck.upload.receipts)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from branchcheck.cli.common import SubParsers, actor, add_actor, print_json, store


def cmd_import(args: argparse.Namespace) -> int:
    from branchcheck.upload.receipts import import_receipt

    done = import_receipt(store(), Path(args.file).expanduser(), actor=actor(args))
    if args.json:
        print_json(dataclasses.asdict(done))
        return 0
    print(
        f"receipt for package {done.package_id[:12]}: {done.status}, head office received it "
        f"{done.received_at} / 总行接收时间"
    )
    print(
        f"  accepted {len(done.accepted)}, duplicate {len(done.duplicate)}, "
        f"rejected {len(done.rejected)}"
    )
    for record_id, reason in done.rejected:
        print(f"  rejected {record_id}: {reason}")
    if done.already_imported:
        print("  this receipt was imported before: nothing added / 该回执已导入过")
    return 0


def register(sub: SubParsers) -> None:
    r = sub.add_parser("receipts", help="head office's receipts for the packages sent")
    rs = r.add_subparsers(dest="receipts_command", required=True)
    x = rs.add_parser("import", help="verify head office's signed receipt and record it")
    x.add_argument("file", metavar="FILE", help="receipt.json (receipt.json.p7s beside it)")
    add_actor(x, "your employee number (an administrator)")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_import)
