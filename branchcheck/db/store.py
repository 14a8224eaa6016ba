"""Opening the store and keeping its schema current; a read-only peek for callers without the ORM.

SQLAlchemy is imported when a store is opened, Alembic only when the schema must be created or
upgraded: importing this module costs the standard library alone, so a command that only peeks
(verify reading the trusted CAs) never loads the ORM."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
        self.engine.dispose()


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
    """Open (and create or upgrade) the store at path; None = the data home's database."""
    from sqlalchemy import create_engine, event

    if path is None:
        from branchcheck.paths import database_path

        path = database_path()
    path = Path(path)
    from branchcheck.paths import make_private_file, make_private_folder

    # private before SQLite opens it: SQLite gives the -wal and -shm files the database's mode
    make_private_folder(path.parent)
    make_private_file(path)
    current = schema_revision(path)  # the common case, current, needs no Alembic import
    # the pool hands a connection to one thread at a time; the GUI runs store work on a worker thread
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    if current != _head_revision():
        upgrade(engine)
    return Store(engine, path)
