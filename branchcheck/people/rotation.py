"""Key-post rotation (seed 000: 加钞、管库人员三年轮岗; where a loader cannot rotate, the route is
changed monthly or quarterly): reminders from the post history, and the sweep that makes a
finding of a reminder left past its grace period.

- A post of settings.rotation_roles held without a break (a new route continues the post) for
  longer than settings.rotation_years: held exactly three years on the anniversary is not yet
  longer; from the next day it is a reminder.
- A route (any post row with a route) unchanged for longer than settings.route_change_days.
- A reminder is "overdue" once settings.rotation_grace_days have passed after its due day; the
  sweep then makes it a finding once (origin "rotation", no inspection, the branch head
  responsible), keyed by obligation_key, so running it again makes nothing new."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Finding, Staff
from branchcheck.db.read import json_value, rows
from branchcheck.people.register import get_branch
from branchcheck.settings import Settings
from branchcheck.taxonomy import STAFF_ROLES

CHECKLIST = "key_post_rotation"
SEVERITY = "medium"
RISK_DRIVER = "supervision_lacking"  # 现场管理审核不到位: the branch did not rotate its people


@dataclass(frozen=True)
class RotationReminder:
    """A post held too long (kind "post") or a route unchanged too long (kind "route")."""

    employee_no: str
    name: str
    role: str
    role_name: dict[str, str]
    kind: str
    route: str
    since: str  # the post's (or the route's) first day
    days_held: int
    years_held: float
    due_on: str  # the last day within the period: the anniversary, or since + route_change_days
    grace_until: str  # the last day before it becomes a finding
    status: str  # "reminder" or "overdue"
    obligation_key: str
    finding_id: str | None = None  # the finding the sweep made of it


_POSTS = """
SELECT s.employee_no, s.name, p.role, p.from_date, p.to_date, p.route
FROM staff_post p JOIN staff s ON s.id = p.staff_id
WHERE s.active AND p.from_date <= :as_of
ORDER BY s.employee_no, p.role, p.from_date, p.id
"""
_MADE = "SELECT obligation_key, id FROM finding WHERE obligation_key LIKE 'rotation:%'"


def _settings(settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    return load_settings(data_home())


def add_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _tenure_start(chain: list[dict[str, Any]], held: int) -> str:
    """The first day of the unbroken run of rows ending with chain[held]."""
    start = held
    while start > 0:
        before, row = chain[start - 1], chain[start]
        if before["to_date"] is None:
            break
        next_day = date.fromisoformat(before["to_date"]) + timedelta(days=1)
        if next_day.isoformat() != row["from_date"]:
            break
        start -= 1
    return str(chain[start]["from_date"])


def _reminder(
    row: dict[str, Any], kind: str, since: str, due: date, as_of: date, settings: Settings
) -> RotationReminder | None:
    if as_of <= due:
        return None
    grace = due + timedelta(days=settings.rotation_grace_days)
    days = (as_of - date.fromisoformat(since)).days
    role = row["role"]
    suffix = ":route" if kind == "route" else ""
    return RotationReminder(
        employee_no=row["employee_no"],
        name=row["name"],
        role=role,
        role_name=dict(STAFF_ROLES.get(role, {"zh": role, "en": role})),
        kind=kind,
        route=row["route"] or "",
        since=since,
        days_held=days,
        years_held=round(days / 365.25, 2),
        due_on=due.isoformat(),
        grace_until=grace.isoformat(),
        status="overdue" if as_of > grace else "reminder",
        obligation_key=f"rotation:{row['employee_no']}:{role}{suffix}:{since}",
    )


def _found(chain: list[dict[str, Any]], as_of: date, settings: Settings) -> list[RotationReminder]:
    day = as_of.isoformat()
    held = next(
        (i for i, r in enumerate(chain) if r["to_date"] is None or r["to_date"] >= day), None
    )
    if held is None:
        return []
    row, out = chain[held], []
    if row["role"] in settings.rotation_roles:
        since = _tenure_start(chain, held)
        due = add_years(date.fromisoformat(since), settings.rotation_years)
        out.append(_reminder(row, "post", since, due, as_of, settings))
    if row["route"]:
        since = row["from_date"]
        due = date.fromisoformat(since) + timedelta(days=settings.route_change_days)
        out.append(_reminder(row, "route", since, due, as_of, settings))
    return [r for r in out if r is not None]


def reminders(
    store: Store, as_of: date, *, settings: Settings | None = None
) -> list[RotationReminder]:
    """The posts held and routes kept too long on `as_of`, by person and role."""
    settings = _settings(settings)
    with store.read() as conn:
        posts = rows(conn, _POSTS, as_of=as_of.isoformat())
        made = {r["obligation_key"]: r["id"] for r in rows(conn, _MADE)}
    chains: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in posts:
        chains.setdefault((r["employee_no"], r["role"]), []).append(r)
    out = [rem for chain in chains.values() for rem in _found(chain, as_of, settings)]
    return [replace(rem, finding_id=made.get(rem.obligation_key)) for rem in out]


def _title(r: RotationReminder, settings: Settings) -> dict[str, str]:
    zh, en = r.role_name["zh"], r.role_name["en"].lower()
    if r.kind == "route":
        days = settings.route_change_days
        return {
            "zh": f"{r.name}（{r.employee_no}）{zh}线路 {r.route} 超过{days}天未更换（自{r.since}起）",
            "en": f"{r.name} ({r.employee_no}), {en}: route {r.route} unchanged for more than "
            f"{days} days (since {r.since})",
        }
    years = settings.rotation_years
    return {
        "zh": f"{r.name}（{r.employee_no}）任{zh}已超过{years}年未轮岗（自{r.since}起）",
        "en": f"{r.name} ({r.employee_no}) has held the post of {en} for more than {years} "
        f"years without rotation (since {r.since})",
    }


def _branch_head(staff: list[Staff]) -> Staff | None:
    heads = [p for p in staff if p.active and "branch_head" in (json_value(p.roles) or [])]
    return min(heads, key=lambda p: p.employee_no) if heads else None


def sweep(
    store: Store,
    as_of: date,
    now: datetime | None = None,
    *,
    settings: Settings | None = None,
) -> list[str]:
    """Make a finding of every overdue reminder not made one yet; returns the new findings' IDs.
    Audited as "system"; running it again on the same day makes nothing."""
    settings = _settings(settings)
    due = [r for r in reminders(store, as_of, settings=settings) if r.status == "overdue"]
    new = [r for r in due if r.finding_id is None]
    if not new:
        return []
    at = clock.local_or_now(now, settings.timezone)
    made: list[str] = []
    with store.session() as s:
        branch = get_branch(s)
        head = _branch_head(list(s.scalars(select(Staff))))
        for r in new:
            problem = f"rotation:{r.employee_no}:{r.role}" + (":route" if r.kind == "route" else "")
            earlier = s.scalars(
                select(Finding.id).where(
                    Finding.branch_id == branch.id, Finding.problem_key == problem
                )
            ).first()
            finding = Finding(
                inspection_id=None,
                branch_id=branch.id,
                checklist_key=CHECKLIST,
                item_key="route_change" if r.kind == "route" else "post_rotation",
                problem_key=problem,
                title=_title(r, settings),
                severity=SEVERITY,
                risk_driver=RISK_DRIVER,
                responsible_id=head.id if head else None,
                due_date=(as_of + timedelta(days=settings.due_days_for(SEVERITY))).isoformat(),
                repeat=earlier is not None,
                created_at=clock.iso(at),
                origin="rotation",
                obligation_key=r.obligation_key,
            )
            s.add(finding)
            s.flush()
            audit.append(
                s,
                at=clock.iso(at),
                actor="system",
                action="finding.rotation",
                subject=finding.id,
                detail={
                    "obligation_key": r.obligation_key,
                    "employee_no": r.employee_no,
                    "role": r.role,
                    "since": r.since,
                    "due_date": finding.due_date,
                },
            )
            made.append(finding.id)
    return made
