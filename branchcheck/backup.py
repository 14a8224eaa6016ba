"""Backups of the store through SQLite's online backup API, each verified after writing, and
restoring one: the current store is kept aside, never deleted.

A backup is `<branch code>-<local time>.sqlite3` (0600) with a side file `<name>.sqlite3.json`
holding its time, branch, audit entry count and last hash: the anchor it carries. The newest
`backup_keep` are kept; older ones are deleted only once the new one verified."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from branchcheck import clock
from branchcheck.db.store import (
    BACKUP_SUFFIX,
    Store,
    StoreError,
    audit_tip,
    open_store,
    read_anchor,
    write_anchor,
)
from branchcheck.paths import (
    anchor_path,
    backup_folder,
    database_path,
    make_private_file,
    make_private_folder,
    write_private,
)
from branchcheck.settings import Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

SIDE_SUFFIX = ".json"
ASIDE_MARK = ".before-restore-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    at: str  # branch-local time it was taken, ISO with offset
    branch: str
    entries: int  # audit entries it holds
    last_hash: str | None
    seconds: float = 0.0  # how long writing and verifying took (0 when listed)


@dataclass(frozen=True)
class RestoreInfo:
    restored: BackupInfo
    database: Path
    kept_aside: Path | None  # where the store that was there now is (None: there was none)


def _settings(home: Path) -> Settings:
    return load_settings(home)


def folder_of(database: Path) -> Path:
    """The backup folder configured for the store in its data home."""
    return backup_folder(database.parent, _settings(database.parent).backup_folder)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in folder with their side files, newest first."""
    found = []
    for side in folder.glob(f"*{BACKUP_SUFFIX}{SIDE_SUFFIX}") if folder.is_dir() else ():
        file = side.with_suffix("")
        try:
            data = json.loads(side.read_text(encoding="utf-8"))
            info = BackupInfo(
                file, str(data["at"]), str(data["branch"]), int(data["entries"]), data["last_hash"]
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if file.is_file():
            found.append(info)
    # taken in the same second: the later written first
    return sorted(found, key=lambda b: (b.at, b.path.stat().st_mtime_ns), reverse=True)


@contextmanager
def _read_only(path: Path) -> Iterator[Connection]:
    from sqlalchemy import create_engine

    uri = f"sqlite:///file:{path.resolve()}?mode=ro&uri=true"
    engine = create_engine(uri)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def verify(path: Path) -> BackupInfo:
    """Check a backup file: an SQLite database passing integrity_check whose audit chain holds
    (and, with a side file, as many entries as it says). StoreError says what is wrong."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from branchcheck import audit

    if not path.is_file():
        raise StoreError(f"{path}: no such backup / 找不到该备份文件")
    with path.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise StoreError(
                f"{path}: not a BranchCheck backup (not an SQLite database) / 不是备份文件"
            )
    try:
        with _read_only(path) as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if rows != ["ok"]:
                raise StoreError(
                    f"{path}: the backup is damaged ({'; '.join(rows[:3])}) / 备份已损坏"
                )
            chain = audit.check_chain(conn)
            branch = conn.execute(text("SELECT code FROM branch ORDER BY id LIMIT 1")).scalar()
    except DBAPIError as exc:
        raise StoreError(f"{path}: the backup is damaged ({exc.orig}) / 备份已损坏") from None
    if not chain.ok:
        raise StoreError(
            f"{path}: the backup's audit log is broken at entry {chain.broken_at} / 备份的审计日志已断链"
        )
    count, last = audit_tip(path)
    side = _side_data(path)
    if side is not None and (side.get("entries"), side.get("last_hash")) != (count, last):
        raise StoreError(
            f"{path}: the backup holds {count} audit entries, its side file says "
            f"{side.get('entries')} / 备份与其记录不符"
        )
    at = str(side.get("at", "")) if side else ""
    return BackupInfo(path, at, str(branch or ""), count, last)


def _side_data(path: Path) -> dict | None:
    side = path.with_name(path.name + SIDE_SUFFIX)
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise StoreError(
            f"{side}: the backup's side file cannot be read / 备份记录无法读取"
        ) from None
    return data if isinstance(data, dict) else None


def _safe(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", code) or "branch"


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy while others may write; one file (no WAL)."""
    make_private_file(target)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    with closing(src), closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    with target.open("rb") as f:
        os.fsync(f.fileno())


def run(store: Store, folder: Path | None = None, *, actor: str | None = None) -> BackupInfo:
    """Back the store up to folder (default: the configured backup folder), verify the copy, keep
    the newest `backup_keep`, and update the store's anchor. `actor` None is the automatic daily
    backup; a person must be one the matrix lets back up (people/permissions.py "backup")."""
    if store.path is None:
        raise StoreError("an in-memory store cannot be backed up")
    if actor is not None:
        from branchcheck.people.permissions import require

        with store.session() as s:
            require(s, actor, "backup", _settings(store.path.parent))
    started = time.perf_counter()
    settings = _settings(store.path.parent)
    folder = folder if folder is not None else folder_of(store.path)
    make_private_folder(folder)
    with _read_only(store.path) as conn:
        from sqlalchemy import text

        branch = conn.execute(text("SELECT code FROM branch ORDER BY id LIMIT 1")).scalar()
    at = clock.now(settings.timezone)
    name = f"{_safe(str(branch or ''))}-{at:%Y%m%d-%H%M%S}"
    target = folder / f"{name}{BACKUP_SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{name}-{n}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(store.path, partial)
        checked = verify(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    side = {"at": clock.iso(at), "branch": checked.branch, "entries": checked.entries}
    side["last_hash"] = checked.last_hash
    write_private(target.with_name(target.name + SIDE_SUFFIX), json.dumps(side))
    _prune(folder, settings.backup_keep)
    write_anchor(store.path)
    return BackupInfo(
        target,
        clock.iso(at),
        checked.branch,
        checked.entries,
        checked.last_hash,
        time.perf_counter() - started,
    )


def _prune(folder: Path, keep: int) -> None:
    for old in list_backups(folder)[keep:]:
        old.path.unlink(missing_ok=True)
        old.path.with_name(old.path.name + SIDE_SUFFIX).unlink(missing_ok=True)


def due(store: Store, today: date | None = None) -> bool:
    """True when the newest backup was taken before the branch's today (or there is none)."""
    if store.path is None:
        return False
    settings = _settings(store.path.parent)
    today = today or clock.now(settings.timezone).date()
    backups = list_backups(folder_of(store.path))
    return not backups or clock.parse_iso(backups[0].at).date() < today


def run_if_due(store: Store, today: date | None = None) -> BackupInfo | None:
    """The automatic daily backup (the window on opening, the CLI after a change)."""
    return run(store) if due(store, today) else None


def after_command(databases: list[Path]) -> list[BackupInfo]:
    """The end of a CLI command that changed these stores: record each one's anchor and take the
    day's backup if there is none yet."""
    taken = []
    for database in databases:
        write_anchor(database)
        store = open_store(database)
        try:
            info = run_if_due(store)
        finally:
            store.dispose()
        if info is not None:
            taken.append(info)
    return taken


def _restorer(file: Path, actor: str, password: str, settings: Settings) -> None:
    """Refuse unless `actor` is, in the backup's own staff register (the store in place may be
    the broken one), a person the matrix lets restore, proven by their password there."""
    from sqlalchemy import text

    from branchcheck.db.models import Staff
    from branchcheck.errors import AuthError
    from branchcheck.people.permissions import refusal
    from branchcheck.people.signin import check_password

    with _read_only(file) as conn:
        row = conn.execute(
            text(
                "SELECT employee_no, name, roles, external, active, password_hash FROM staff "
                "WHERE employee_no = :no"
            ),
            {"no": actor},
        ).first()
    if row is None or not check_password(password, row.password_hash):
        raise AuthError(
            f"{actor} 的登录密码不正确（按备份中的人员名册核对）/ wrong sign-in password for "
            f"{actor} (checked against the backup's staff register)"
        )
    roles = json.loads(row.roles) if isinstance(row.roles, str) else row.roles
    person = Staff(
        employee_no=row.employee_no,
        name=row.name,
        roles=roles,
        external=bool(row.external),
        active=bool(row.active),
    )
    why = refusal("restore", person, settings)
    if why is not None:
        raise AuthError(why)


def restore(file: Path, database: Path | None = None, *, actor: str, password: str) -> RestoreInfo:
    """Put a verified backup in the store's place, by a person the matrix lets restore (proven
    against the backup's register). The store there (and its anchor) is renamed aside with a
    time stamp, never deleted; a backup that does not verify changes nothing."""
    from branchcheck import audit

    database = database if database is not None else database_path()
    checked = verify(file)
    settings = _settings(database.parent)
    _restorer(file, actor, password, settings)
    now = clock.now(settings.timezone)
    stamp = f"{ASIDE_MARK}{now:%Y%m%d-%H%M%S}"
    make_private_folder(database.parent)
    aside: Path | None = None
    if database.exists():
        aside = database.with_name(database.name + stamp)
        for suffix in ("-wal", "-shm", ""):
            part = database.with_name(database.name + suffix)
            if part.exists():
                os.replace(part, aside.with_name(aside.name + suffix))
    anchor = anchor_path(database)
    old_anchor = read_anchor(database) if anchor.exists() else None
    if anchor.exists():
        os.replace(anchor, anchor.with_name(anchor.name + stamp))
    _copy(file, database)
    store = open_store(database)
    try:
        with store.session() as session:
            audit.append(
                session,
                at=clock.iso(now),
                actor=actor,
                action="store.restored",
                subject=str(database),
                detail={
                    "from": str(file),
                    "backup_at": checked.at,
                    "entries": checked.entries,
                    "kept_aside": str(aside) if aside else None,
                    "anchor_before": old_anchor,
                },
            )
    finally:
        store.dispose()  # writes the new anchor
    return RestoreInfo(checked, database, aside)
