"""The staff register as read: the active people, by role. Read-only SQL through SQLAlchemy Core
(no ORM), so `branchcheck staff list` and the window's pickers read it cheaply."""

from __future__ import annotations

from branchcheck.db import Store
from branchcheck.db.read import json_value, rows
from branchcheck.people.signin import StaffInfo

_ACTIVE = """
SELECT employee_no, name, roles, external, organisation, id_number, active,
       password_hash IS NOT NULL AS can_sign_in
FROM staff WHERE active ORDER BY employee_no
"""


def list_staff(
    store: Store, *, role: str | None = None, include_external: bool = True
) -> list[StaffInfo]:
    with store.read() as conn:
        found = rows(conn, _ACTIVE)
    out = [
        StaffInfo(
            r["employee_no"],
            r["name"],
            tuple(json_value(r["roles"]) or ()),
            bool(r["external"]),
            r["organisation"] or "",
            r["id_number"] or "",
            bool(r["active"]),
            bool(r["can_sign_in"]),
        )
        for r in found
    ]
    if role:
        out = [p for p in out if role in p.roles]
    if not include_external:
        out = [p for p in out if not p.external]
    return out
