"""`branchcheck package --from DATE --to DATE --out DIR`: the period's upload package for head
office (branchcheck.upload.package)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from branchcheck.cli.common import SubParsers, actor, add_actor, key_password, print_json, store


def cmd_package(args: argparse.Namespace) -> int:
    from branchcheck.clock import parse_date
    from branchcheck.upload.package import make_package

    first, last = parse_date(args.from_, field="--from"), parse_date(args.to, field="--to")
    who = actor(args)
    done = make_package(
        store(),
        first=first,
        last=last,
        out=Path(args.out).expanduser(),
        actor=who,
        key_password=key_password(args, f"signing key password of {who}: "),
    )
    if args.json:
        print_json(dataclasses.asdict(done) | {"folder": str(done.folder)})
        return 0
    print(f"package {done.package_id[:12]}: {len(done.records)} records, {done.files} files")
    print(f"  {done.folder}")
    if done.repeated:
        print("  the same package was made before (same content, same ID) / 与之前打包内容相同")
    return 0


def register(sub: SubParsers) -> None:
    x = sub.add_parser("package", help="the period's signed upload package for head office")
    x.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD")
    x.add_argument("--to", required=True, metavar="YYYY-MM-DD")
    x.add_argument("--out", required=True, metavar="DIR", help="folder to write the package in")
    add_actor(x, "your employee number (an administrator, with a signing key)")
    x.add_argument(
        "--key-password-env", metavar="VAR", help="environment variable holding your key password"
    )
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_package)
