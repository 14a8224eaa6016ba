"""Opening the store and keeping its schema current."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _on_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


class Store:
    """The engine and a session factory. One short session per unit of work."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _head_revision() -> str:
    heads = sorted(p.stem.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("*.py"))
    return heads[-1]


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; a branch that upgrades keeps every record."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        current = (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if has_table
            else None
        )
    if current == _head_revision():
        return  # the common case: no Alembic import at start-up
    from alembic import command

    command.upgrade(_alembic_config(engine), "head")


def open_store(path: Path | str | None = None) -> Store:
    """Open (and create or upgrade) the store at path; None = the data home's database."""
    if path is None:
        from branchcheck.paths import database_path

        path = database_path()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the pool hands a connection to one thread at a time; the GUI runs store work on a worker thread
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    upgrade(engine)
    return Store(engine, path)
