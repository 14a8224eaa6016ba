"""`branchcheck backup [--to DIR]`, `branchcheck backup list`, `branchcheck restore FILE`."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchcheck.cli.common import SubParsers, actor, actor_password, add_actor, print_json, store

if TYPE_CHECKING:
    from branchcheck.backup import BackupInfo


def _plain(value: Any) -> Any:
    """A backup view as JSON data: paths as text."""
    data = dataclasses.asdict(value)
    return {k: _plain_value(v) for k, v in data.items()}


def _plain_value(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain_value(v) for k, v in value.items()}
    return value


def _line(info: BackupInfo) -> str:
    return f"{info.at}  {info.branch or '-'}  {info.entries} audit entries  {info.path}"


def cmd_backup(args: argparse.Namespace) -> int:
    from branchcheck import backup

    if not args.as_:
        from branchcheck.errors import InputFileError

        raise InputFileError("backup needs --as EMPLOYEE_NO (and --password-env VAR)")
    st = store()
    info = backup.run(st, Path(args.to).expanduser() if args.to else None, actor=actor(args))
    if args.json:
        print_json(_plain(info))
    else:
        print(f"backup written and verified in {info.seconds:.2f} s: {info.path}")
        print(f"  {info.entries} audit entries / 审计日志 {info.entries} 条")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck import backup
    from branchcheck.paths import database_path

    folder = Path(args.to).expanduser() if args.to else backup.folder_of(database_path())
    found = backup.list_backups(folder)
    if args.json:
        print_json([_plain(b) for b in found])
    elif not found:
        print(f"no backups in {folder} / 没有备份")
    else:
        for info in found:
            print(_line(info))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from branchcheck import backup

    done = backup.restore(
        Path(args.file).expanduser(), actor=args.as_, password=actor_password(args)
    )
    if args.json:
        print_json(_plain(done))
        return 0
    print(f"restored {done.restored.path} ({done.restored.at}) to {done.database}")
    if done.kept_aside is not None:
        print(f"  the store that was there is kept as {done.kept_aside} / 原数据库已另存")
    return 0


def register(sub: SubParsers) -> None:
    bk = sub.add_parser("backup", help="back the store up (verified), or list the backups")
    bk.add_argument("--to", metavar="DIR", help="backup folder (default: settings backup_folder)")
    bk.add_argument("--json", action="store_true")
    bk.add_argument("--as", dest="as_", metavar="EMPLOYEE_NO", help="your employee number")
    bk.add_argument(
        "--password-env", metavar="VAR", help="environment variable holding your sign-in password"
    )
    bk.set_defaults(func=cmd_backup)
    bksub = bk.add_subparsers(dest="sub")
    x = bksub.add_parser("list", help="the backups, newest first")
    x.add_argument("--to", metavar="DIR", help="backup folder (default: settings backup_folder)")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
    rs = sub.add_parser("restore", help="put a verified backup in the store's place")
    rs.add_argument("file", help="the backup file (.sqlite3)")
    rs.add_argument("--json", action="store_true")
    add_actor(rs, "your employee number (checked against the backup's staff register)")
    rs.set_defaults(func=cmd_restore)
