"""Who held which post when: the staff register's post history (seed 000: 管库、加钞人员三年轮岗,
routes changed monthly or quarterly), which the rotation reminders read.

A post is a role held from one day (to another, once left). An ATM loader's new route is a new
row of the same post: the open row is ended the day before, so the post's tenure goes on while the
route's age starts again. Dates are the branch's local dates, never in the future; every change is
audited in its own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Staff, StaffPost
from branchcheck.db.read import rows
from branchcheck.errors import AnswerError, NotFoundError, StateError
from branchcheck.people.permissions import require, settings_for
from branchcheck.people.register import find_staff
from branchcheck.taxonomy import STAFF_ROLES


@dataclass(frozen=True)
class PostView:
    """One row of a person's post history; to_date None while the post is held."""

    employee_no: str
    name: str
    role: str
    role_name: dict[str, str]
    from_date: str
    to_date: str | None
    route: str


_HISTORY = """
SELECT s.employee_no, s.name, p.role, p.from_date, p.to_date, p.route
FROM staff_post p JOIN staff s ON s.id = p.staff_id
{where}
ORDER BY s.employee_no, p.role, p.from_date, p.id
"""


def _view(staff: Staff, row: StaffPost) -> PostView:
    return PostView(
        staff.employee_no,
        staff.name,
        row.role,
        dict(STAFF_ROLES[row.role]),
        row.from_date,
        row.to_date,
        row.route,
    )


def _role(role: str) -> str:
    if role not in STAFF_ROLES:
        raise AnswerError(f"岗位 / role: unknown '{role}' (known: {', '.join(STAFF_ROLES)})")
    return role


def _not_future(day: date, today: date, field: str) -> None:
    if day > today:
        raise AnswerError(f"{field}: {day} is in the future (today is {today})")


def _rows(s: Session, staff: Staff, role: str) -> list[StaffPost]:
    return list(
        s.scalars(
            select(StaffPost)
            .where(StaffPost.staff_id == staff.id, StaffPost.role == role)
            .order_by(StaffPost.from_date, StaffPost.id)
        )
    )


def record_post(
    store: Store,
    *,
    employee_no: str,
    role: str,
    from_date: date,
    route: str = "",
    actor: str,
    now: datetime | None = None,
) -> PostView:
    """Record that `employee_no` holds `role` from `from_date` (on `route`, for an ATM loader).
    The person's open row for the role, on another route, is ended the day before; the same
    route again, or a start inside a period already recorded, is refused."""
    _role(role)
    route = (route or "").strip()
    at = clock.local_or_now(now)
    _not_future(from_date, at.date(), "from / 起始日期")
    start = from_date.isoformat()
    with store.session() as s:
        require(s, actor, "manage_posts", settings_for(store))
        staff = find_staff(s, employee_no)
        history = _rows(s, staff, role)
        held = next((r for r in history if r.to_date is None), None)
        for r in history:
            if r is not held and r.to_date is not None and start <= r.to_date:
                raise AnswerError(
                    f"from / 起始日期: {start} falls in the period {r.from_date} to {r.to_date} "
                    f"already recorded for {employee_no} as {role}"
                )
        ended = None
        if held is not None:
            if held.route == route:
                raise StateError(
                    f"{employee_no} holds {role} since {held.from_date}"
                    + (f" on route {route}" if route else ""),
                    hint="end the post first, or give the new route",
                )
            if start <= held.from_date:
                raise AnswerError(
                    f"from / 起始日期: {start} must be after {held.from_date}, when the post "
                    "now held began"
                )
            held.to_date = ended = (from_date - timedelta(days=1)).isoformat()
        row = StaffPost(staff_id=staff.id, role=role, from_date=start, route=route)
        s.add(row)
        audit.append(
            s,
            at=clock.iso(at),
            actor=actor,
            action="staff.post",
            subject=employee_no,
            detail={"role": role, "from": start, "route": route, "ended_previous_on": ended},
        )
        return _view(staff, row)


def end_post(
    store: Store,
    *,
    employee_no: str,
    role: str,
    to_date: date,
    actor: str,
    now: datetime | None = None,
) -> PostView:
    """Record that `employee_no` left `role` on `to_date` (the last day held)."""
    _role(role)
    at = clock.local_or_now(now)
    _not_future(to_date, at.date(), "to / 截止日期")
    with store.session() as s:
        require(s, actor, "manage_posts", settings_for(store))
        staff = find_staff(s, employee_no)
        held = next((r for r in _rows(s, staff, role) if r.to_date is None), None)
        if held is None:
            raise NotFoundError(f"{employee_no} holds no {role} post to end")
        if to_date.isoformat() < held.from_date:
            raise AnswerError(
                f"to / 截止日期: {to_date} is before the post began on {held.from_date}"
            )
        held.to_date = to_date.isoformat()
        audit.append(
            s,
            at=clock.iso(at),
            actor=actor,
            action="staff.post_end",
            subject=employee_no,
            detail={"role": role, "from": held.from_date, "to": held.to_date},
        )
        return _view(staff, held)


def post_history(store: Store, employee_no: str | None = None) -> list[PostView]:
    """Every post row, by person, role and start (one person's with `employee_no`)."""
    where, params = "", {}
    if employee_no:
        where, params = "WHERE s.employee_no = :no", {"no": employee_no}
    with store.read() as conn:
        found = rows(conn, _HISTORY.format(where=where), **params)
        if employee_no and not found:
            if not rows(conn, "SELECT 1 FROM staff WHERE employee_no = :no", no=employee_no):
                raise NotFoundError(
                    f"no person with employee number '{employee_no}' in the staff register"
                )
    return [
        PostView(
            r["employee_no"],
            r["name"],
            r["role"],
            dict(STAFF_ROLES.get(r["role"], {"zh": r["role"], "en": r["role"]})),
            r["from_date"],
            r["to_date"],
            r["route"] or "",
        )
        for r in found
    ]
