"""`branchcheck settings show | set | holidays`: the branch's settings, each change checked and
audited (an administrator's action, proven by their sign-in password), and head office's
holiday table imported."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from branchcheck.cli.common import SubParsers, actor, add_actor, print_json, store


def _home() -> Path:
    from branchcheck.paths import data_home

    return data_home()


def _shown(value: object) -> str:
    return "（默认 / default）" if value == "" else str(value)


def cmd_show(args: argparse.Namespace) -> int:
    from branchcheck.holiday_table import holiday_table
    from branchcheck.settings import load_settings
    from branchcheck.settings_admin import describe_settings

    home = _home()
    infos = describe_settings(load_settings(home))
    table = holiday_table(home)
    if args.json:
        print_json({"settings": infos, "holiday_table": table})
        return 0
    for info in infos:
        changed = "" if info.current == info.default else f"  (默认 / default {info.default})"
        label = f"{info.label['zh']} / {info.label['en']}"
        print(f"{info.name:<22} {_shown(info.current):<12} {label}{changed}")
    years = ", ".join(map(str, table.years)) or "—"
    print(
        f"节假日表 / holiday table: {years} ({table.holidays} 休息日 / holidays, "
        f"{table.workdays} 调休上班日 / working days)"
    )
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    from branchcheck.errors import EntryError
    from branchcheck.settings_admin import change_settings, value_of

    who = actor(args)
    try:
        new = change_settings(store(), _home(), actor=who, changes={args.name: args.value})
    except EntryError as exc:
        for message in exc.fields.values():
            print(f"error: {message}", file=sys.stderr)
        return exc.exit_code
    print(f"已保存 / saved: {args.name} = {_shown(value_of(new, args.name))}")
    return 0


def cmd_holidays(args: argparse.Namespace) -> int:
    from branchcheck.holiday_table import import_holidays

    who = actor(args)
    table = import_holidays(store(), _home(), actor=who, path=Path(args.file))
    print(
        f"已导入节假日表 / holiday table imported: {', '.join(map(str, table.years))} "
        f"({table.holidays} 休息日 / holidays, {table.workdays} 调休上班日 / working days)"
    )
    return 0


def register(sub: SubParsers) -> None:
    p = sub.add_parser("settings", help="the branch's settings and holiday table")
    psub = p.add_subparsers(dest="sub", required=True)
    x = psub.add_parser("show", help="every setting a branch may change, current and default")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_show)
    x = psub.add_parser("set", help="change one setting (checked, audited; an administrator)")
    x.add_argument("name", metavar="NAME", help="as `settings show` names it, e.g. due_days.high")
    x.add_argument("value", metavar="VALUE")
    add_actor(x)
    x.set_defaults(func=cmd_set)
    x = psub.add_parser("holidays", help="import head office's holiday table (holidays.json)")
    x.add_argument("file", metavar="FILE", help='{"holidays": [dates], "workdays": [dates]}')
    add_actor(x)
    x.set_defaults(func=cmd_holidays)
