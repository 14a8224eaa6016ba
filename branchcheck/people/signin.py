"""Sign-in with the standard library only: who may sign in, the password hashes, and the lock.

Passwords are hashed with scrypt, N=16384 (2**14), r=8, p=1, a 16-byte random salt and a 32-byte
key, stored as `scrypt$N$r$p$salt$key` (base64): about 16 MiB and 50 ms per check, so guessing is
slow even with the database file in hand.

After `Settings.signin_max_failures` wrong passwords in a row a person is locked for
`Settings.signin_lock_minutes`: while locked no password is even checked. The audit log is where
attempts live (`user.sign_in`, `user.sign_in_failed`, `user.sign_in_locked` with the time the lock
ends, `user.sign_in_refused` for an attempt while locked); `lock_state` reads the person's latest
entries, so the lock holds for the window and the CLI alike and survives a restart.

The sign-in screen is usable before SQLAlchemy and the rest of the core are imported: the list of
people is read with `sqlite3` straight from the store's file, and only once that file's schema is
current (a store to create or upgrade is opened by `branchcheck.db.open_store` first)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from branchcheck.taxonomy import STAFF_ROLES

if TYPE_CHECKING:
    from branchcheck.views import PersonRef

_N, _R, _P = 2**14, 8, 1
# the same folder branchcheck.db.store migrates from; its newest file is the schema in use
_VERSIONS = Path(__file__).resolve().parent.parent / "db" / "migrations" / "versions"


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def check_password(password: str, stored: str | None) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    got = hashlib.scrypt(
        password.encode("utf-8"),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=32,
    )
    return hmac.compare_digest(got, base64.b64decode(digest))


SIGNED_IN = "user.sign_in"
FAILED = "user.sign_in_failed"
LOCKED = "user.sign_in_locked"
REFUSED = "user.sign_in_refused"  # an attempt while locked: audited, not counted, not checked
# an administrator set a new password (people.admin.reset_password): earlier failures and a lock
# they caused no longer count
PASSWORD_RESET = "user.password_reset"
COUNTED = (
    SIGNED_IN,
    FAILED,
    LOCKED,
    PASSWORD_RESET,
)  # the entries `lock_state` reads, newest first


@dataclass(frozen=True)
class Attempt:
    """One audited sign-in event of a person (an entry whose action is in COUNTED)."""

    action: str
    until: datetime | None = None  # LOCKED: when the lock ends


@dataclass(frozen=True)
class LockState:
    locked_until: datetime | None  # set while the person is locked
    failures: int  # wrong passwords in a row since the last success or lock


def lock_state(recent: Sequence[Attempt], now: datetime) -> LockState:
    """The lock as the person's latest attempts (newest first) leave it at `now`."""
    failures = 0
    for attempt in recent:
        if attempt.action == FAILED:
            failures += 1
            continue
        if attempt.action == LOCKED and attempt.until is not None and attempt.until > now:
            return LockState(attempt.until, 0)
        break
    return LockState(None, failures)


def lock_after(failures: int, max_failures: int, now: datetime, minutes: int) -> datetime | None:
    """When a lock that this failure starts ends; None when it starts none."""
    return now + timedelta(minutes=minutes) if failures >= max_failures else None


@dataclass(frozen=True)
class StaffInfo:
    employee_no: str
    name: str
    roles: tuple[str, ...]
    external: bool
    organisation: str
    id_number: str
    active: bool
    can_sign_in: bool

    def ref(self) -> PersonRef:
        from branchcheck.views import PersonRef

        return PersonRef(self.employee_no, self.name, self.roles, self.external)

    def role_names(self, lang: str = "zh") -> str:
        separator = ", " if lang == "en" else "、"
        return separator.join(STAFF_ROLES[r][lang] for r in self.roles if r in STAFF_ROLES)


def _head_revision() -> str:
    return max(p.stem.split("_", 1)[0] for p in _VERSIONS.glob("*.py"))


def _schema_current(con: sqlite3.Connection) -> bool:
    has_table = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return False
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is not None and row[0] == _head_revision()


def sign_in_list(path: Path) -> list[StaffInfo] | None:
    """The active branch staff who can sign in, by employee number; None when the store at `path`
    does not exist yet or its schema is not current (open it with `open_store` first)."""
    if not path.is_file():
        return None
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        if not _schema_current(con):
            return None
        rows = con.execute(
            "SELECT employee_no, name, roles, organisation, id_number FROM staff "
            "WHERE active AND NOT external AND password_hash IS NOT NULL ORDER BY employee_no"
        ).fetchall()
    finally:
        con.close()
    return [
        StaffInfo(no, name, tuple(json.loads(roles or "[]")), False, org, id_no, True, True)
        for no, name, roles, org, id_no in rows
    ]
