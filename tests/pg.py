"""A throwaway PostgreSQL server for the tests: Debian's (or PATH's) initdb and pg_ctl, a data
folder in a temporary directory, listening on 127.0.0.1 on a free port, stopped and deleted at
the end. PostgreSQL refuses to run as root, so as root the server runs as an unprivileged user
(PG_USER, created if missing). No server installed: the tests that need it are skipped, unless
BRANCHCHECK_REQUIRE_PG is set (`make test` sets it), when they fail.

Under pytest-xdist each worker starts its own server: nothing is shared, nothing to lock.
Outside pytest (a benchmark): `with throwaway_server() as server: url = server.url()`."""

from __future__ import annotations

import fcntl
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
from psycopg import sql

PG_USER = "branchcheck-pg"  # the system account the server runs as when the tests run as root
ROLE = "branchcheck"  # the database superuser the tests connect as
DATABASE = "branchcheck"
BIN_GLOB = "/usr/lib/postgresql/*/bin"  # Debian's postgresql-NN packages
REQUIRE_ENV = "BRANCHCHECK_REQUIRE_PG"
NOT_FOUND = f"no initdb/pg_ctl in {BIN_GLOB} or on PATH"
# a throwaway server: durability off, small memory, loopback only
SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c shared_buffers=32MB -c max_connections=50"
)


class ServerError(RuntimeError):
    """The throwaway server could not be made or started (the message holds its output)."""


def find_bin_dir(pattern: str = BIN_GLOB) -> Path | None:
    """The folder holding initdb and pg_ctl: the newest Debian version, else the ones on PATH."""

    def version(folder: Path) -> tuple[int, ...]:
        name = folder.parent.name
        return tuple(int(p) for p in name.split(".")) if name.replace(".", "").isdigit() else ()

    folders = [Path(p) for p in sorted(Path("/").glob(pattern.lstrip("/")))]
    found = [f for f in folders if (f / "initdb").is_file() and (f / "pg_ctl").is_file()]
    if found:
        return max(found, key=version)
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).resolve().parent == Path(pg_ctl).resolve().parent:
        return Path(initdb).resolve().parent
    return None


def unavailable(reason: str, *, required: bool) -> NoReturn:
    """Skip the test for want of a server, or fail it when a server is required."""
    if required:
        pytest.fail(f"PostgreSQL required ({REQUIRE_ENV} is set): {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_account() -> str | None:
    """The account to run the server as: None when not root; PG_USER (created if missing)."""
    if os.geteuid() != 0:
        return None
    # a lock: two xdist workers may both find the account missing
    with open(os.path.join(tempfile.gettempdir(), "branchcheck-pg.useradd.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            pwd.getpwnam(PG_USER)
        except KeyError:
            argv = ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin"]
            done = subprocess.run([*argv, PG_USER], capture_output=True, text=True)
            if done.returncode != 0:
                raise ServerError(f"useradd {PG_USER} failed: {done.stderr.strip()}") from None
    return PG_USER


@dataclass
class PgServer:
    """A throwaway server (its cluster made by start_server)."""

    bin_dir: Path
    folder: Path  # holds data/, the unix socket and the log
    port: int
    account: str | None
    _names: Iterator[int] = field(default_factory=count)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = DATABASE) -> str:
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.port}/{database}"

    def _admin(self, statement: str, database: str) -> None:
        """Run CREATE/DROP DATABASE (outside a transaction) with the database's name quoted."""
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=ROLE, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql.SQL(statement).format(sql.Identifier(database)))

    def create_database(self, name: str | None = None) -> str:
        """A new empty database (named, or t0, t1, ...); returns its name."""
        name = name or f"t{next(self._names)}"
        self._admin("CREATE DATABASE {} TEMPLATE template0 STRATEGY FILE_COPY", name)
        return name

    def drop_database(self, name: str) -> None:
        """Drop it, closing any connection a test left open."""
        self._admin("DROP DATABASE {} WITH (FORCE)", name)

    def run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        argv = [str(self.bin_dir / tool), *args]
        if self.account:
            argv = ["runuser", "-u", self.account, "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=self.folder)

    def start(self) -> subprocess.CompletedProcess[str]:
        """Exit 0 once the server accepts connections; not 0 e.g. when its port was taken."""
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} {SERVER_OPTIONS}"
        return self.run(
            "pg_ctl", "start", "-w", "-t", "30", "-D", str(self.data), "-l", str(self.log),
            "-o", options,
        )  # fmt: skip

    def close(self) -> None:
        """Stop the server at once (nothing in it is kept) and delete its folder."""
        self.run("pg_ctl", "stop", "-m", "immediate", "-D", str(self.data))
        shutil.rmtree(self.folder, ignore_errors=True)


def _failed(step: str, done: subprocess.CompletedProcess[str], log: str = "") -> ServerError:
    detail = (done.stdout + done.stderr + log).strip()
    return ServerError(f"PostgreSQL {step} failed (exit {done.returncode}):\n{detail}")


def start_server(bin_dir: Path, attempts: int = 3) -> PgServer:
    """initdb a throwaway cluster, start it on a free loopback port, create DATABASE in it."""
    account = _server_account()
    # not under pytest's basetemp: that folder is private to root, the server's account must enter
    folder = Path(tempfile.mkdtemp(prefix="branchcheck-pg-"))
    if account:
        shutil.chown(folder, account)
    server = PgServer(bin_dir, folder, 0, account)
    done = server.run(
        "initdb", "-D", str(server.data), "-U", ROLE, "--auth=trust", "--encoding=UTF8",
        "--locale=C", "--no-sync", "--no-instructions",
    )  # fmt: skip
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise _failed("initdb", done)
    for _ in range(attempts):  # another process may take the free port before the server does
        server = PgServer(bin_dir, folder, free_port(), account)
        done = server.start()
        if done.returncode == 0:
            try:
                server.create_database(DATABASE)
            except BaseException:
                server.close()
                raise
            return server
    detail = server.log.read_text(errors="replace")[-2000:] if server.log.exists() else ""
    shutil.rmtree(folder, ignore_errors=True)
    raise _failed("start", done, detail)


@contextmanager
def throwaway_server() -> Iterator[PgServer]:
    """A server for the length of a with block (ServerError when none is installed)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise ServerError(NOT_FOUND)
    server = start_server(bin_dir)
    try:
        yield server
    finally:
        server.close()


def pg_server_session() -> Iterator[PgServer]:
    """The generator behind the session fixture `pg_server` (tests/conftest.py)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        unavailable(NOT_FOUND, required=bool(os.environ.get(REQUIRE_ENV)))
    try:
        server = start_server(bin_dir)
    except ServerError as exc:  # installed but broken: always a failure
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.close()
