"""The staff register as the administration screen and `branchcheck staff list` show it: everyone,
deactivated people and external people (escorts) included, with whether each can sign in and has
a signing key. Read-only SQL through SQLAlchemy Core (no ORM), so listing stays cheap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from branchcheck.db.read import json_value, rows
from branchcheck.taxonomy import STAFF_ROLES

if TYPE_CHECKING:
    from branchcheck.db import Store


@dataclass(frozen=True)
class PersonRow:
    """One person as the administration screen lists them."""

    employee_no: str
    name: str
    roles: tuple[str, ...]
    external: bool
    organisation: str
    active: bool
    deactivated_on: str | None
    has_password: bool
    has_key: bool
    id_number: str = ""

    def role_names(self, lang: str = "zh") -> str:
        return "、".join(STAFF_ROLES[r][lang] for r in self.roles if r in STAFF_ROLES)


_PEOPLE = """
SELECT s.employee_no, s.name, s.roles, s.external, s.organisation, s.active, s.deactivated_on,
       s.password_hash IS NOT NULL AS has_password, s.id_number,
       EXISTS (SELECT 1 FROM credential c WHERE c.staff_id = s.id AND c.active) AS has_key
FROM staff s {where} ORDER BY s.external, s.employee_no
"""


def people(store: Store, *, include_inactive: bool = True) -> list[PersonRow]:
    """Everyone in the register, branch staff first, then external people, by number."""
    where = "" if include_inactive else "WHERE s.active"
    with store.read() as conn:
        found = rows(conn, _PEOPLE.format(where=where))
    return [
        PersonRow(
            r["employee_no"],
            r["name"],
            tuple(json_value(r["roles"]) or ()),
            bool(r["external"]),
            r["organisation"] or "",
            bool(r["active"]),
            r["deactivated_on"],
            bool(r["has_password"]),
            bool(r["has_key"]),
            r["id_number"] or "",
        )
        for r in found
    ]
