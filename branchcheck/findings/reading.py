"""Reading the branch's findings: the list with its filters, one finding, the dashboard counts.

Read-only SQL through SQLAlchemy Core (db/read.py), no ORM: the list command and the window's
findings screen read the same way."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from branchcheck import clock
from branchcheck.db import Store
from branchcheck.db.read import json_value, one, rows
from branchcheck.errors import AnswerError, NotFoundError
from branchcheck.taxonomy import FINDING_STATES, risk_driver_label
from branchcheck.views import FindingsSummary, FindingView, PersonName, RiskDriverCount

STATES = tuple(FINDING_STATES)  # open, rectifying, verified, closed
DONE_STATES = ("verified", "closed")  # rectified: no longer overdue
MIN_PREFIX = 4

_SELECT = """
SELECT f.id, f.inspection_id, f.checklist_key, f.item_key, f.title, f.severity, f.risk_driver,
       f.due_date, f.state, f.repeat, f.action, f.result, f.recheck_date, f.created_at,
       i.status AS record_status, i.local_date AS record_date,
       tv.key AS template_key, tv.content AS template_content,
       rs.employee_no AS responsible_no, rs.name AS responsible_name,
       rc.employee_no AS rechecker_no, rc.name AS rechecker_name
FROM finding f
JOIN inspection i ON i.id = f.inspection_id
JOIN template_version tv ON tv.id = i.template_id
LEFT JOIN staff rs ON rs.id = f.responsible_id
LEFT JOIN staff rc ON rc.id = f.rechecker_id
"""
# a record replaced by a sealed correction: its findings live on in the correction
_CURRENT = (
    "NOT EXISTS (SELECT 1 FROM inspection c WHERE c.supersedes_id = i.id AND c.status = 'sealed')"
)
_ORDER = " ORDER BY f.created_at DESC, f.item_key, f.id"


def overdue(state: str, due_date: str, as_of: date) -> bool:
    return state not in DONE_STATES and date.fromisoformat(due_date) < as_of


def _person(no: str | None, name: str | None) -> PersonName | None:
    return PersonName(no, name or "") if no else None


def _title(key: str, content: Any) -> dict[str, str]:
    title = json_value(content).get("title") or {}
    return {"zh": title.get("zh", key), "en": title.get("en", key)}


def _view(r: dict[str, Any], as_of: date) -> FindingView:
    return FindingView(
        id=r["id"],
        record_id=r["inspection_id"],
        record_status=r["record_status"],
        record_date=r["record_date"],
        checklist=r["checklist_key"],
        checklist_title=_title(r["template_key"], r["template_content"]),
        item_key=r["item_key"],
        title=dict(json_value(r["title"])),
        severity=r["severity"],
        risk_driver=risk_driver_label(r["risk_driver"]),
        responsible=_person(r["responsible_no"], r["responsible_name"]),
        due_date=r["due_date"],
        state=r["state"],
        repeat=bool(r["repeat"]),
        overdue=overdue(r["state"], r["due_date"], as_of),
        action=r["action"] or "",
        result=r["result"] or "",
        rechecker=_person(r["rechecker_no"], r["rechecker_name"]),
        recheck_date=r["recheck_date"],
        created_at=r["created_at"],
    )


def _today() -> date:
    return clock.now().date()


def list_findings(
    store: Store,
    *,
    state: str | None = None,
    overdue_on: date | None = None,
    repeat_only: bool = False,
    responsible: str | None = None,
    as_of: date | None = None,
) -> list[FindingView]:
    """The branch's findings, newest first.

    state: one of open/rectifying/verified/closed; "open" means every state except closed.
    overdue_on: only findings overdue on that date (not verified or closed, due date before it).
    repeat_only: only repeat findings (屡查屡犯). responsible: only this person's (employee number).
    Each finding's `overdue` flag is worked out as of `overdue_on`, else `as_of`, else today."""
    if state is not None and state not in STATES:
        raise AnswerError(f"unknown finding state '{state}' (known: {', '.join(STATES)})")
    as_of = overdue_on or as_of or _today()
    where, params = [_CURRENT], {}
    if state == "open":
        where.append("f.state != 'closed'")
    elif state is not None:
        where.append("f.state = :state")
        params["state"] = state
    if repeat_only:
        where.append("f.repeat")
    with store.read() as conn:
        if responsible:
            person = one(conn, "SELECT id FROM staff WHERE employee_no = :no", no=responsible)
            if person is None:
                raise NotFoundError(
                    f"no person with employee number '{responsible}' in the staff register"
                )
            where.append("f.responsible_id = :responsible")
            params["responsible"] = person["id"]
        found = rows(conn, _SELECT + " WHERE " + " AND ".join(where) + _ORDER, **params)
    return [
        _view(r, as_of)
        for r in found
        if overdue_on is None or overdue(r["state"], r["due_date"], overdue_on)
    ]


def resolve_id(conn: Any, finding_id: str) -> str:
    """The full ID of the one finding whose ID is `finding_id` or starts with it (at least
    MIN_PREFIX characters), on a Core connection or an ORM session."""
    from sqlalchemy import text

    finding_id = (finding_id or "").strip()

    def ids(sql: str, **params: Any) -> list[str]:
        return [r[0] for r in conn.execute(text(sql), params)]

    if finding_id and ids("SELECT id FROM finding WHERE id = :id", id=finding_id):
        return finding_id
    if len(finding_id) < MIN_PREFIX:
        raise NotFoundError(
            f"no finding with ID '{finding_id}'",
            hint=f"give the ID or at least {MIN_PREFIX} of its first characters",
        )
    matches = ids(
        "SELECT id FROM finding WHERE substr(id, 1, :n) = :prefix",
        n=len(finding_id),
        prefix=finding_id,
    )
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NotFoundError(
            f"'{finding_id}' matches {len(matches)} findings",
            hint="give more characters of the ID",
        )
    raise NotFoundError(f"no finding with ID '{finding_id}'", hint="see: branchcheck findings list")


def get_finding(store: Store, finding_id: str, *, as_of: date | None = None) -> FindingView:
    with store.read() as conn:
        full = resolve_id(conn, finding_id)
        r = one(conn, _SELECT + " WHERE f.id = :id", id=full)
    assert r is not None  # resolved just now, in the same transaction
    return _view(r, as_of or _today())


def summary(store: Store, *, as_of: date) -> FindingsSummary:
    """Counts for a dashboard: open (not closed), overdue, repeat (open repeats), by state (all
    findings) and by risk driver (open findings, with their names)."""
    with store.read() as conn:
        found = rows(conn, "SELECT state, repeat, risk_driver, due_date FROM finding")
    unclosed = [f for f in found if f["state"] != "closed"]
    drivers = Counter(f["risk_driver"] for f in unclosed)
    return FindingsSummary(
        as_of=as_of.isoformat(),
        total=len(found),
        open=len(unclosed),
        overdue=sum(1 for f in found if overdue(f["state"], f["due_date"], as_of)),
        repeat=sum(1 for f in unclosed if f["repeat"]),
        by_state={st: sum(1 for f in found if f["state"] == st) for st in STATES},
        by_risk_driver=tuple(
            RiskDriverCount(label.key, label.zh, label.en, n)
            for label, n in (
                (risk_driver_label(key), n)
                for key, n in sorted(drivers.items(), key=lambda kv: (-kv[1], kv[0]))
            )
        ),
    )
