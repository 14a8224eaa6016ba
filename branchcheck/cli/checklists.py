"""`branchcheck checklists list | validate | show`: the checklist templates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from branchcheck.cli.common import SubParsers, print_json
from branchcheck.errors import InputFileError


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck.engine.validate import load_all

    rows: list[dict[str, Any]] = [
        {
            "key": lt.template.key,
            "version": lt.template.version,
            "title": lt.template.title.as_dict(),
            "items": len(lt.template.items()),
            "file": Path(lt.source_name).name,
            "sha256": lt.sha256,
        }
        for lt in load_all().values()
    ]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(
                f"{r['key']:<22} v{r['version']}  {r['items']:>3} items  {r['title']['zh']} / {r['title']['en']}"
            )
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from branchcheck.engine.validate import validate_paths
    from branchcheck.paths import checklists_dir

    paths = [Path(p) for p in args.paths] or [checklists_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise InputFileError("no such file or folder: " + ", ".join(str(p) for p in missing))
    results = validate_paths(paths)
    bad = 0
    for path, message in results:
        if message is None:
            print(f"ok      {path}")
        else:
            bad += 1
            print(f"BROKEN  {message}", file=sys.stderr)
    if not results:
        print("no checklist files found", file=sys.stderr)
        return 2
    return 2 if bad else 0


def cmd_show(args: argparse.Namespace) -> int:
    from branchcheck.engine.validate import load_all
    from branchcheck.errors import NotFoundError

    templates = load_all()
    if args.key not in templates:
        raise NotFoundError(f"no checklist '{args.key}' (have: {', '.join(templates)})")
    lt = templates[args.key]
    if args.json:
        print_json(lt.content | {"sha256": lt.sha256})
        return 0
    t = lt.template
    print(f"{t.title.zh} / {t.title.en}  ({t.key} v{t.version})")
    for section in t.sections:
        print(f"\n[{section.title.zh} / {section.title.en}]")
        for n, item in enumerate(section.items, 1):
            req = "*" if item.required else " "
            print(
                f" {req}{n:>2}. {item.text.zh}  ({item.key}: {item.type}, {item.severity}; {item.source})"
            )
    return 0


def register(sub: SubParsers) -> None:
    cl = sub.add_parser("checklists", help="list, validate and show checklist templates")
    clsub = cl.add_subparsers(dest="sub", required=True)
    x = clsub.add_parser("list", help="the checklists this installation has")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
    x = clsub.add_parser(
        "validate", help="validate template files or folders (default: checklists/)"
    )
    x.add_argument("paths", nargs="*")
    x.set_defaults(func=cmd_validate)
    x = clsub.add_parser("show", help="show one checklist")
    x.add_argument("key")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_show)
