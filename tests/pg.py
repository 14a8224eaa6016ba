"""A throwaway PostgreSQL server for the tests: Debian's (or PATH's) initdb and postgres, a data
folder in a temporary directory, listening on 127.0.0.1 on a free port, stopped and deleted at
the end. PostgreSQL refuses to run as root, so as root the server runs as an unprivileged user
(PG_USER, created if missing, through util-linux's setpriv). No server installed: the tests that need it are skipped, unless
BRANCHCHECK_REQUIRE_PG is set (`make test` sets it), when they fail.

Under pytest-xdist each worker starts its own server: nothing is shared, nothing to lock.
Outside pytest (a benchmark): `with throwaway_server() as server: url = server.url()`."""

from __future__ import annotations

import fcntl
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
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
TOOLS = ("initdb", "postgres")
NOT_FOUND = f"no initdb/postgres in {BIN_GLOB} or on PATH"
# a throwaway server: durability off, small memory, loopback only
SERVER_OPTIONS = [
    *("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"),
    *("-c", "shared_buffers=32MB", "-c", "max_connections=50"),
]
START_SECONDS = 30


class ServerError(RuntimeError):
    """The throwaway server could not be made or started (the message holds its output)."""


def find_bin_dir(pattern: str = BIN_GLOB) -> Path | None:
    """The folder holding initdb and postgres: the newest Debian version, else PATH's."""

    def version(folder: Path) -> tuple[int, ...]:
        name = folder.parent.name
        return tuple(int(p) for p in name.split(".")) if name.replace(".", "").isdigit() else ()

    folders = [Path(p) for p in sorted(Path("/").glob(pattern.lstrip("/")))]
    found = [f for f in folders if all((f / tool).is_file() for tool in TOOLS)]
    if found:
        return max(found, key=version)
    paths = [shutil.which(tool) for tool in TOOLS]
    folders_on_path = {Path(p).resolve().parent for p in paths if p}
    return folders_on_path.pop() if all(paths) and len(folders_on_path) == 1 else None


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


def _as_account(argv: list[str], account: str | None, death_signal: str = "") -> list[str]:
    """argv run as the server's account (setpriv); with death_signal, the process receives it when
    the process that started it dies: a test run killed outright leaves no server running."""
    options = ["--reuid", account, "--regid", account, "--clear-groups"] if account else []
    options += ["--pdeathsig", death_signal] if death_signal else []
    return ["setpriv", *options, "--", *argv] if options else argv


@dataclass
class PgServer:
    """A throwaway server (made by start_server)."""

    bin_dir: Path
    folder: Path  # holds data/, the unix socket and the log
    account: str | None
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
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
        self._admin("CREATE DATABASE {} TEMPLATE template0", name)
        return name

    def drop_database(self, name: str) -> None:
        """Drop it, closing any connection a test left open."""
        self._admin("DROP DATABASE {} WITH (FORCE)", name)

    def initdb(self) -> subprocess.CompletedProcess[str]:
        argv = [
            str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", ROLE, "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ]  # fmt: skip
        return subprocess.run(
            _as_account(argv, self.account),
            capture_output=True,
            text=True,
            timeout=60,
            cwd=self.folder,
        )

    def start(self, port: int) -> bool:
        """Start the server on port: True once it accepts connections, False when it stopped
        (another process took the port meanwhile)."""
        argv = [
            str(self.bin_dir / "postgres"), "-D", str(self.data), "-p", str(port),
            "-c", "listen_addresses=127.0.0.1", "-k", str(self.folder), *SERVER_OPTIONS,
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                _as_account(argv, self.account, death_signal="QUIT"),
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder,
            )  # fmt: skip
        self.port = port
        deadline = time.monotonic() + START_SECONDS
        while self.process.poll() is None:
            try:  # through its own unix socket: a server of someone else on the port cannot answer
                psycopg.connect(
                    host=str(self.folder), port=port, user=ROLE, dbname="postgres"
                ).close()
                return True
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise ServerError(
                        f"no connection after {START_SECONDS} s:\n{self.tail()}"
                    ) from None
                time.sleep(0.02)
        return False

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""

    def close(self) -> None:
        """Stop the server at once (nothing in it is kept) and delete its folder."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # immediate shutdown
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server(bin_dir: Path, attempts: int = 3) -> PgServer:
    """initdb a throwaway cluster, start it on a free loopback port, create DATABASE in it."""
    account = _server_account()
    # not under pytest's basetemp: that folder is private to root, the server's account must enter
    folder = Path(tempfile.mkdtemp(prefix="branchcheck-pg-"))
    if account:
        shutil.chown(folder, account)
    server = PgServer(bin_dir, folder, account)
    try:
        done = server.initdb()
        if done.returncode != 0:
            raise ServerError(
                f"initdb failed (exit {done.returncode}):\n{done.stdout}{done.stderr}"
            )
        # another process may take the free port before the server does: try another one
        if not any(server.start(free_port()) for _ in range(attempts)):
            raise ServerError(f"the server stopped at start ({attempts} ports):\n{server.tail()}")
        server.create_database(DATABASE)
    except BaseException:
        server.close()
        raise
    return server


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
