"""Sign-in with the standard library only: who may sign in, and the password hashes (scrypt).

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
from dataclasses import dataclass
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
        return "、".join(STAFF_ROLES[r][lang] for r in self.roles if r in STAFF_ROLES)


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
