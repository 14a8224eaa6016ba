"""The throwaway PostgreSQL server of tests/pg.py: SQLAlchemy talks to it through psycopg 3, the
database enforces a unique key under concurrent writers, JSON and bytes come back as stored."""

from __future__ import annotations

import os
import socket
import threading
import time

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from tests import pg

metadata = sa.MetaData()
records = sa.Table(
    "records",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("record_id", sa.String(64), nullable=False, unique=True),
    sa.Column("meta", sa.JSON, nullable=False),
    sa.Column("body", sa.LargeBinary, nullable=False),
)


@pytest.fixture
def engine(pg_fresh_url):
    eng = sa.create_engine(pg_fresh_url)
    metadata.create_all(eng)
    yield eng
    eng.dispose()


def test_the_url_is_postgresql_through_psycopg_on_loopback(pg_url, pg_server):
    assert pg_url == f"postgresql+psycopg://branchcheck@127.0.0.1:{pg_server.port}/branchcheck"
    eng = sa.create_engine(pg_url)
    with eng.connect() as conn:
        version = conn.execute(sa.text("SHOW server_version_num")).scalar_one()
        address = conn.execute(sa.text("SELECT host(inet_server_addr())")).scalar_one()
        listens = conn.execute(sa.text("SHOW listen_addresses")).scalar_one()
        fsync = conn.execute(sa.text("SHOW fsync")).scalar_one()
    eng.dispose()
    assert eng.dialect.driver == "psycopg"
    assert int(version) >= 130000  # DROP DATABASE … WITH (FORCE)
    assert address == "127.0.0.1" and listens == "127.0.0.1"  # loopback only
    assert fsync == "off"


def _waiting_on_a_lock(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(
            sa.text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar_one()


def test_two_concurrent_inserts_of_one_key_store_one_row(engine):
    """The second writer blocks on the first one's uncommitted key, then is refused."""
    row = {"record_id": "GZ0101-20261119-vault", "meta": {}, "body": b"x"}
    outcome: list[BaseException | None] = []

    def second_writer() -> None:
        try:
            with engine.begin() as conn:
                conn.execute(records.insert(), row)
            outcome.append(None)
        except IntegrityError as exc:
            outcome.append(exc)

    with engine.begin() as first:
        first.execute(records.insert(), row)
        writer = threading.Thread(target=second_writer)
        writer.start()
        deadline = time.monotonic() + 10
        while _waiting_on_a_lock(engine) == 0:  # the second insert waits for this transaction
            assert time.monotonic() < deadline, "the second insert never waited for the first"
            time.sleep(0.01)
        assert outcome == []
    writer.join(10)

    assert len(outcome) == 1 and isinstance(outcome[0], IntegrityError)
    assert isinstance(outcome[0].orig, psycopg.errors.UniqueViolation)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)).scalar_one() == 1


def test_json_and_bytes_round_trip(engine):
    meta = {
        "branch": "赣州分行营业部",
        "amount_fen": 12_030_000,
        "items": [{"key": "cash_count", "ok": True}, {"key": "keys_codes", "ok": None}],
    }
    body = bytes(range(256)) + os.urandom(1 << 20)  # every byte value, then 1 MiB
    with engine.begin() as conn:
        conn.execute(records.insert(), {"record_id": "r1", "meta": meta, "body": body})
    with engine.connect() as conn:
        got = conn.execute(sa.select(records.c.meta, records.c.body)).one()
        column_types = dict(
            conn.execute(
                sa.text(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = 'records'"
                )
            ).all()
        )
    assert got.meta == meta
    assert got.body == body
    assert column_types["meta"] == "json" and column_types["body"] == "bytea"


def test_each_fresh_database_starts_empty(pg_fresh_url):
    eng = sa.create_engine(pg_fresh_url)
    with eng.connect() as conn:
        name = conn.execute(sa.text("SELECT current_database()")).scalar_one()
        tables = conn.execute(
            sa.text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        ).scalar_one()
    eng.dispose()
    assert name == sa.make_url(pg_fresh_url).database
    assert tables == 0


def _databases(url: str) -> set[str]:
    eng = sa.create_engine(url)
    with eng.connect() as conn:
        names = set(conn.execute(sa.text("SELECT datname FROM pg_database")).scalars())
    eng.dispose()
    return names


def test_a_database_is_dropped_even_with_a_connection_left_open(pg_server, pg_url):
    name = pg_server.create_database()
    eng = sa.create_engine(pg_server.url(name))
    held = eng.connect()
    held.execute(sa.text("SELECT 1"))
    assert name in _databases(pg_url)
    pg_server.drop_database(name)
    assert name not in _databases(pg_url)
    held.invalidate()
    eng.dispose()


def test_a_server_outside_pytest_survives_a_taken_port_and_is_gone_after(pg_server, monkeypatch):
    """throwaway_server() (for a benchmark): its own cluster; when its first port is taken it
    starts on another; stopped and deleted at the end of the with block."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = iter([taken.getsockname()[1], pg.free_port()])
        monkeypatch.setattr(pg, "free_port", lambda: next(ports))
        with pg.throwaway_server() as server:
            assert server.port not in (taken.getsockname()[1], pg_server.port)
            assert "could not bind" in server.tail()
            assert pg.DATABASE in _databases(server.url())
            folder = server.folder
    assert not folder.exists()
    assert server.process is not None and server.process.poll() is not None
    with pytest.raises(sa.exc.OperationalError):
        _databases(server.url())


def test_no_server_skips_unless_one_is_required():
    with pytest.raises(pytest.skip.Exception, match="not available: none here"):
        pg.unavailable("none here", required=False)
    with pytest.raises(pytest.fail.Exception, match="BRANCHCHECK_REQUIRE_PG is set"):
        pg.unavailable("none here", required=True)


def test_the_newest_server_binaries_are_found(tmp_path):
    for version in ("9.6", "15", "16"):
        folder = tmp_path / version / "bin"
        folder.mkdir(parents=True)
        for tool in ("initdb", "postgres"):
            (folder / tool).write_text("")
    (tmp_path / "17" / "bin").mkdir(parents=True)  # a client-only install: no initdb
    assert pg.find_bin_dir(str(tmp_path / "*" / "bin")) == tmp_path / "16" / "bin"


def test_without_debian_folders_the_tools_on_path_are_found(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in ("initdb", "postgres"):
        (folder / tool).write_text("#!/bin/sh\n")
        (folder / tool).chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    nowhere = str(tmp_path / "none" / "*" / "bin")
    assert pg.find_bin_dir(nowhere) == folder
    (folder / "postgres").unlink()  # a client-only install
    assert pg.find_bin_dir(nowhere) is None
