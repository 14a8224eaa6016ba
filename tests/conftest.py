"""Shared test set-up: headless Qt, a fresh store per test, factory fixtures for people."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from branchcheck.db import open_store  # noqa: E402
from branchcheck.people import register as staff  # noqa: E402

PASSWORD = "demo1234"

PEOPLE = [
    # employee_no, name, roles
    ("E001", "王建国", ["branch_head"]),
    ("E002", "陈静", ["deputy_head", "authorised_deputy"]),
    ("E003", "李梅", ["vault_keeper"]),
    ("E004", "张伟", ["teller"]),
    ("E005", "刘芳", ["teller"]),
    ("E006", "赵磊", ["teller", "atm_loader"]),
    ("E007", "孙丽", ["atm_loader"]),
    ("E008", "周强", ["sorter"]),
    ("E009", "吴敏", ["bookkeeper"]),
    ("E010", "郑华", ["supervisor"]),
]


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh data home per test (BRANCHCHECK_HOME)."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("BRANCHCHECK_HOME", str(path))
    return path


@pytest.fixture
def store(home):
    """A fresh, empty SQLite store."""
    st = open_store(home / "branchcheck.sqlite3")
    yield st
    st.dispose()


@pytest.fixture
def people_store(store):
    """A store with a branch and its staff register; every person's password is PASSWORD."""
    staff.add_branch(store, code="GZ0101", name="赣州分行营业部", name_en="Ganzhou Branch")
    for no, name, roles in PEOPLE:
        staff.add_staff(store, employee_no=no, name=name, roles=roles, password=PASSWORD)
    return store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """One demo store (3 weeks: sealed records, findings, one repeat), made once per run."""
    from branchcheck.demo import setup_demo

    folder = tmp_path_factory.mktemp("demo_store")
    st = open_store(folder / "branchcheck.sqlite3")
    setup_demo(st, weeks=3)
    st.dispose()
    return folder / "branchcheck.sqlite3"


@pytest.fixture
def demo(demo_db, home):
    """A copy of the demo store in this test's data home: a test may change it freely."""
    import shutil

    for suffix in ("", "-wal", "-shm"):
        src = demo_db.with_name(demo_db.name + suffix)
        if src.exists():
            shutil.copy(src, home / ("branchcheck.sqlite3" + suffix))
    st = open_store(home / "branchcheck.sqlite3")
    yield st
    st.dispose()


# PostgreSQL: a throwaway server on loopback (tests/pg.py), started once per session (per xdist
# worker) by the first test that asks for it


@pytest.fixture(scope="session")
def pg_server():
    """The throwaway PostgreSQL server (tests/pg.py's PgServer); skips or fails without one."""
    from tests.pg import pg_server_session

    yield from pg_server_session()


@pytest.fixture(scope="session")
def pg_url(pg_server) -> str:
    """The SQLAlchemy URL (postgresql+psycopg://…) of the session's database on that server."""
    return pg_server.url()


@pytest.fixture
def pg_fresh_url(pg_server):
    """The URL of a new empty database for this test alone, dropped after it."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)
