"""Opening head office's store by URL and keeping its schema current (its own Alembic
migrations). A plain path or `sqlite:///…` is SQLite; `postgresql+psycopg://…` is PostgreSQL:
the same models, migrations and queries serve both."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class HeadOffice:
    """Head office's engine and a session factory; one short session per unit of work."""

    def __init__(self, engine: Engine) -> None:
        from sqlalchemy.orm import sessionmaker

        self.engine = engine
        self._sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def database_url(url: str | Path) -> str:
    """A URL as given, or a file path made an SQLite URL."""
    text = str(url)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions begin in _sqlite_begin, not in the driver
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    """Take SQLite's write lock at the start of every transaction: two ingests at once then wait
    for each other (busy_timeout) instead of failing on a stale snapshot."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring head office's schema to its newest migration (or to `revision`)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, revision)


def open_headoffice(url: str | Path) -> HeadOffice:
    """Open head office's store at `url` (made and upgraded to the newest schema)."""
    from sqlalchemy import create_engine, event

    full = database_url(url)
    engine = create_engine(full)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    upgrade(engine)
    return HeadOffice(engine)
