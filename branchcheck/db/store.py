"""Opening the store and keeping its schema current; a read-only peek for callers without the ORM.

SQLAlchemy is imported when a store is opened, Alembic only when the schema must be created or
upgraded: importing this module costs the standard library alone, so a command that only peeks
(verify reading the trusted CAs) never loads the ORM."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchcheck.errors import BranchCheckError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_SUFFIX = ".sqlite3"


class StoreError(BranchCheckError):
    """The store cannot be used as it is: damaged, gone, or older than its anchor. Nothing was
    changed; the hint names the latest backup to restore from."""

    exit_code = 7


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


class Store:
    """The engine and a session factory. One short session per unit of work.

    The ORM loads with the first session: read-only paths that query through `read()` (SQLAlchemy
    Core, see db/read.py) never pay for it."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions: sessionmaker[Session] | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for read-only Core queries, in one transaction (a consistent snapshot)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        """Close the connections and record the audit log's tip in the anchor."""
        self.engine.dispose()
        if self.path is not None:
            write_anchor(self.path)


# each store opened in this process, in order: its file and audit tip then
_OPENED: list[tuple[Path, tuple[int, str | None]]] = []


def opened_count() -> int:
    """How many stores this process has opened so far (a mark for `changed_since`)."""
    return len(_OPENED)


def changed_since(mark: int) -> list[Path]:
    """The store files opened since the mark (`opened_count()`) whose audit log has grown or
    changed since they were opened, each once: what a CLI command changed."""
    first: dict[Path, tuple[int, str | None]] = {}
    for path, tip in _OPENED[mark:]:
        first.setdefault(path, tip)
    changed = []
    for path, tip in first.items():
        try:
            if audit_tip(path) != tip:
                changed.append(path)
        except sqlite3.DatabaseError:
            continue
    return changed


# ---------------------------------------------------------------- the anchor outside the store


def audit_tip(path: Path, entries: int | None = None) -> tuple[int, str | None]:
    """The store file's audit entry count and the hash of its entry number `entries` (its last
    when None); plain sqlite3, read-only."""
    with _peek(path) as conn:
        if conn is None or not _table_exists(conn, "audit_log"):
            return 0, None
        (count,) = conn.execute("SELECT count(*) FROM audit_log").fetchone()
        position = count if entries is None else entries
        if position < 1 or position > count:
            return count, None
        row = conn.execute(
            "SELECT hash FROM audit_log ORDER BY id LIMIT 1 OFFSET ?", (position - 1,)
        ).fetchone()
    return count, row[0]


def read_anchor(path: Path) -> dict[str, Any] | None:
    """The anchor of the store at path ({"entries", "last_hash", "at"}), None when there is none."""
    from branchcheck.paths import anchor_path

    try:
        data = json.loads(anchor_path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{anchor_path(path)}: cannot read the store's anchor ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), int):
        raise StoreError(f"{anchor_path(path)}: the store's anchor is not an anchor")
    return data


def write_anchor(path: Path) -> bool:
    """Record the store's audit tip beside it (0600, replaced whole); True when it changed.
    Nothing for a store without audit entries (nothing to lose) or a store file that is gone."""
    from branchcheck.paths import anchor_path, write_private

    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        count, last = audit_tip(path)
    except sqlite3.DatabaseError:
        return False  # a damaged store keeps the anchor it had
    if count == 0:
        return False
    anchor = anchor_path(path)
    old = read_anchor(path)
    if old is not None and old.get("entries") == count and old.get("last_hash") == last:
        return False
    at = datetime.now(UTC).isoformat(timespec="seconds")
    tmp = anchor.with_name(anchor.name + ".tmp")
    write_private(tmp, json.dumps({"entries": count, "last_hash": last, "at": at}))
    os.replace(tmp, anchor)
    return True


def latest_backup(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """The newest backup in folder and its side file's data ("at", "entries", "last_hash"), or
    None."""
    newest: tuple[tuple[str, int], Path, dict[str, Any]] | None = None
    for side in folder.glob(f"*{BACKUP_SUFFIX}.json") if folder.is_dir() else ():
        try:
            data = json.loads(side.read_text(encoding="utf-8"))
            at, entries = str(data["at"]), data["entries"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        file = side.with_suffix("")
        if not isinstance(entries, int) or not file.is_file():
            continue
        key = (at, file.stat().st_mtime_ns)  # taken in the same second: the later written
        if newest is None or key > newest[0]:
            newest = (key, file, data)
    return None if newest is None else (newest[1], newest[2])


def _backups_of(path: Path) -> Path:
    from branchcheck.paths import backup_folder
    from branchcheck.settings import load_settings

    try:
        return backup_folder(path.parent, load_settings(path.parent).backup_folder)
    except BranchCheckError:
        return backup_folder(path.parent)


def _restore_hint(path: Path) -> str:
    folder = _backups_of(path)
    found = latest_backup(folder)
    if found is None:
        return f"no backup found in {folder}; the file was left as it is / 文件未作改动"
    file, data = found
    return (
        f"restore the latest backup ({data['at']}): branchcheck restore {file} / "
        f"从最近的备份恢复：branchcheck restore {file}"
    )


def _last_anchor(path: Path) -> dict[str, Any] | None:
    """The anchor beside the store, else the one the newest backup carries."""
    anchor = read_anchor(path)
    if anchor is None:
        found = latest_backup(_backups_of(path))
        anchor = found[1] if found else None
    return anchor


def check_store_file(path: Path) -> None:
    """Refuse a store that is damaged, gone, or older than its anchor (StoreError naming the file
    and the latest backup); never changes the file. A missing store without an anchor (beside it
    or in a backup) is a new one."""
    anchor = _last_anchor(path)
    if not path.is_file() or path.stat().st_size == 0:
        if anchor is not None:
            raise StoreError(
                f"{path}: the store has disappeared (the anchor saw {anchor['entries']} audit "
                f"entries) / 数据库文件已丢失",
                hint=_restore_hint(path),
            )
        return
    problem = _damage(path)
    if problem:
        raise StoreError(
            f"{path}: the store is damaged ({problem}) / 数据库文件已损坏", hint=_restore_hint(path)
        )
    if anchor is not None:
        count, hash_there = audit_tip(path, anchor["entries"])
        if count < anchor["entries"] or hash_there != anchor.get("last_hash"):
            raise StoreError(
                f"{path}: the store went back in time: {count} audit entries, the last anchor saw "
                f"{anchor['entries']} ({anchor.get('at', '?')}) / 数据库被回退到了更早的状态",
                hint=_restore_hint(path),
            )


def _damage(path: Path) -> str | None:
    """What is wrong with the store file, or None: its header, then SQLite's quick_check."""
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return "not an SQLite database"
    try:
        with _peek(path) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")] if conn else ["missing"]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


# ---------------------------------------------------------------- plain SQL, read-only


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
    ).fetchone()
    return row is not None


@contextmanager
def _peek(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection to the store file, or None when there is no such file yet."""
    if not path.is_file():
        yield None
        return
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    with closing(conn):
        conn.execute("PRAGMA busy_timeout=5000")
        yield conn


def schema_revision(path: Path) -> str | None:
    """The store's Alembic revision, or None for a new (or not yet migrated) store."""
    with _peek(path) as conn:
        if conn is None or not _table_exists(conn, "alembic_version"):
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def trusted_ca_pems(path: Path) -> list[str]:
    """The PEM certificates of every CA the branch trusts; none for a store not yet made."""
    with _peek(path) as conn:
        if conn is None or not _table_exists(conn, "trusted_ca"):
            return []
        return [pem for (pem,) in conn.execute("SELECT certificate_pem FROM trusted_ca")]


# ---------------------------------------------------------------- schema


def _head_revision() -> str:
    heads = sorted(p.stem.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("*.py"))
    return heads[-1]


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; a branch that upgrades keeps every record."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, "head")


def open_store(path: Path | str | None = None) -> Store:
    """Open (and create or upgrade) the store at path; None = the data home's database.
    A damaged store, or one that disappeared or went back in time, is refused (StoreError)."""
    from sqlalchemy import create_engine, event

    if path is None:
        from branchcheck.paths import database_path

        path = database_path()
    path = Path(path)
    from branchcheck.paths import make_private_file, make_private_folder

    # private before SQLite opens it: SQLite gives the -wal and -shm files the database's mode
    make_private_folder(path.parent)
    check_store_file(path)
    make_private_file(path)
    current = schema_revision(path)  # the common case, current, needs no Alembic import
    # the pool hands a connection to one thread at a time; the GUI runs store work on a worker thread
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    if current != _head_revision():
        upgrade(engine)
    _OPENED.append((path, audit_tip(path)))
    return Store(engine, path)
