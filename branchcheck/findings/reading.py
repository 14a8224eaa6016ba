"""Reading the branch's findings: the list with its filters, one finding, the dashboard counts.

Read-only SQL through SQLAlchemy Core (db/read.py), no ORM: the list command and the window's
findings screen read the same way."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from branchcheck import clock
from branchcheck.db import Store
from branchcheck.db.read import json_value, like_literal, one, rows, search_text
from branchcheck.errors import AnswerError, NotFoundError
from branchcheck.taxonomy import FINDING_STATES, OTHER_CHECKLISTS, SEVERITIES, risk_driver_label
from branchcheck.views import (
    EvidenceView,
    FindingsSummary,
    FindingView,
    PersonName,
    RiskDriverCount,
)

STATES = tuple(FINDING_STATES)  # open, rectifying, verified, closed, exception
DONE_STATES = ("verified", "closed")  # rectified: no longer overdue
MIN_PREFIX = 4

_SELECT = """
SELECT f.id, f.inspection_id, f.checklist_key, f.item_key, f.title, f.severity, f.risk_driver,
       f.due_date, f.state, f.repeat, f.action, f.result, f.recheck_date, f.created_at,
       f.origin, f.obligation_key, f.rectified_on, f.closed_on,
       f.exception_reason, f.exception_until, f.missed_by_inspection_id,
       i.status AS record_status, i.local_date AS record_date,
       tv.key AS template_key, tv.content AS template_content,
       rs.employee_no AS responsible_no, rs.name AS responsible_name,
       rc.employee_no AS rechecker_no, rc.name AS rechecker_name,
       rb.employee_no AS result_by_no, rb.name AS result_by_name,
       cb.employee_no AS closed_by_no, cb.name AS closed_by_name,
       eb.employee_no AS exception_by_no, eb.name AS exception_by_name,
       mi.local_date AS missed_record_date,
       mb.employee_no AS missed_by_no, mb.name AS missed_by_name
FROM finding f
LEFT JOIN inspection i ON i.id = f.inspection_id
LEFT JOIN template_version tv ON tv.id = COALESCE(
    i.template_id, (SELECT max(t.id) FROM template_version t WHERE t.key = f.checklist_key))
LEFT JOIN staff rs ON rs.id = f.responsible_id
LEFT JOIN staff rc ON rc.id = f.rechecker_id
LEFT JOIN staff rb ON rb.id = f.result_by_id
LEFT JOIN staff cb ON cb.id = f.closed_by_id
LEFT JOIN staff eb ON eb.id = f.exception_by_id
LEFT JOIN inspection mi ON mi.id = f.missed_by_inspection_id
LEFT JOIN staff mb ON mb.id = f.missed_by_id
"""
# a record replaced by a sealed correction: its findings live on in the correction
_CURRENT = (
    "NOT EXISTS (SELECT 1 FROM inspection c WHERE c.supersedes_id = i.id AND c.status = 'sealed')"
)
_LIKE = "LIKE :text ESCAPE '\\'"  # a part of the text (db.read.like_literal)
_TEXT = (
    f"(json_extract(f.title, '$.zh') {_LIKE} OR json_extract(f.title, '$.en') {_LIKE} "
    f"OR rs.name {_LIKE} OR rs.employee_no {_LIKE})"
)
_ORDER = " ORDER BY f.created_at DESC, f.item_key, f.id"
_EVIDENCE = """
SELECT e.id, e.finding_id, e.filename, e.media_type, e.size, e.sha256, e.added_at,
       s.employee_no, s.name
FROM finding_evidence e JOIN staff s ON s.id = e.added_by_id
"""


def state_on(state: str, action: str | None, exception_until: str | None, as_of: date) -> str:
    """The state as of `as_of`: an accepted exception past its expiry is open again (rectifying
    if an action was recorded), whether or not reopen_expired has made it so in the store."""
    if state == "exception" and exception_until and date.fromisoformat(exception_until) < as_of:
        return "rectifying" if action else "open"
    return state


def overdue(state: str, due_date: str, as_of: date) -> bool:
    """Past its due date and not rectified (verified or closed) nor an accepted exception; pass
    the state as of `as_of` (state_on)."""
    return state not in (*DONE_STATES, "exception") and date.fromisoformat(due_date) < as_of


def lateness(
    state: str, due_date: str, rectified_on: str | None, as_of: date
) -> tuple[bool | None, int]:
    """On time (rectified on or before the due date; None while not rectified) and the days late:
    by which it was rectified late, or (not rectified) by which it is overdue."""
    due = date.fromisoformat(due_date)
    if rectified_on:  # a result is recorded: the date it was, re-checked or not yet
        late = (date.fromisoformat(rectified_on) - due).days
        return late <= 0, max(0, late)
    return None, max(0, (as_of - due).days) if overdue(state, due_date, as_of) else 0


def _person(no: str | None, name: str | None) -> PersonName | None:
    return PersonName(no, name or "") if no else None


def _title(key: str | None, content: Any, fallback: str) -> dict[str, str]:
    if key is None:
        return OTHER_CHECKLISTS.get(fallback, {"zh": fallback, "en": fallback})
    title = json_value(content).get("title") or {}
    return {"zh": title.get("zh", key), "en": title.get("en", key)}


def _evidence(conn: Any, ids: list[str] | None) -> dict[str, list[EvidenceView]]:
    """The evidence of the findings `ids` (all when None), without the files' bytes."""
    where = "" if ids is None else " WHERE e.finding_id IN (SELECT value FROM json_each(:ids))"
    params = {} if ids is None else {"ids": json.dumps(ids)}
    out: dict[str, list[EvidenceView]] = {}
    for r in rows(conn, _EVIDENCE + where + " ORDER BY e.id", **params):
        out.setdefault(r["finding_id"], []).append(
            EvidenceView(
                id=r["id"],
                filename=r["filename"],
                media_type=r["media_type"],
                size=r["size"],
                sha256=r["sha256"],
                added_by=PersonName(r["employee_no"], r["name"]),
                added_at=r["added_at"],
            )
        )
    return out


def _view(r: dict[str, Any], as_of: date, evidence: list[EvidenceView]) -> FindingView:
    state = state_on(r["state"], r["action"], r["exception_until"], as_of)
    on_time, late_days = lateness(state, r["due_date"], r["rectified_on"], as_of)
    return FindingView(
        id=r["id"],
        record_id=r["inspection_id"],
        record_status=r["record_status"],
        record_date=r["record_date"],
        checklist=r["checklist_key"],
        checklist_title=_title(r["template_key"], r["template_content"], r["checklist_key"]),
        item_key=r["item_key"],
        title=dict(json_value(r["title"])),
        severity=r["severity"],
        risk_driver=risk_driver_label(r["risk_driver"]),
        responsible=_person(r["responsible_no"], r["responsible_name"]),
        due_date=r["due_date"],
        state=state,
        repeat=bool(r["repeat"]),
        overdue=overdue(state, r["due_date"], as_of),
        action=r["action"] or "",
        result=r["result"] or "",
        rechecker=_person(r["rechecker_no"], r["rechecker_name"]),
        recheck_date=r["recheck_date"],
        created_at=r["created_at"],
        origin=r["origin"] or "inspection",
        obligation_key=r["obligation_key"],
        result_by=_person(r["result_by_no"], r["result_by_name"]),
        rectified_on=r["rectified_on"],
        closed_by=_person(r["closed_by_no"], r["closed_by_name"]),
        closed_on=r["closed_on"],
        on_time=on_time,
        late_days=late_days,
        exception_reason=r["exception_reason"] or "",
        exception_until=r["exception_until"],
        exception_by=_person(r["exception_by_no"], r["exception_by_name"]),
        exception_expired=r["state"] == "exception" and state != "exception",
        missed_record_id=r["missed_by_inspection_id"],
        missed_record_date=r["missed_record_date"],
        missed_by=_person(r["missed_by_no"], r["missed_by_name"]),
        evidence=tuple(evidence),
    )


def _today() -> date:
    return clock.now().date()


OPEN_STATES = ("open", "rectifying", "verified")  # not closed, not an accepted exception


def list_findings(
    store: Store,
    *,
    state: str | None = None,
    overdue_on: date | None = None,
    repeat_only: bool = False,
    responsible: str | None = None,
    origin: str | None = None,
    severity: str | None = None,
    record: str | None = None,
    text: str | None = None,
    as_of: date | None = None,
) -> list[FindingView]:
    """The branch's findings, newest first.

    state: one of STATES as of the reading date; "open" means not closed and not an accepted
    exception (an expired exception is open again). overdue_on: only findings overdue on that
    date (not verified, closed or excepted; due date before it). repeat_only: only repeat
    findings (屡查屡犯). responsible: only this person's (employee number). origin: inspection,
    schedule, rotation or headoffice. severity: one of SEVERITIES. record: only the findings of
    this inspection (its full ID). text: part of the finding's title (either language) or of the
    responsible person's name or employee number. Each finding's state and `overdue` flag are worked out as
    of `overdue_on`, else `as_of`, else today."""
    if state is not None and state not in STATES:
        raise AnswerError(f"unknown finding state '{state}' (known: {', '.join(STATES)})")
    if severity is not None and severity not in SEVERITIES:
        raise AnswerError(f"unknown severity '{severity}' (known: {', '.join(SEVERITIES)})")
    search = search_text(text)
    as_of = overdue_on or as_of or _today()
    where, params = [_CURRENT], {}
    if repeat_only:
        where.append("f.repeat")
    for clause, key, value in (
        ("f.origin = :origin", "origin", origin),
        ("f.severity = :severity", "severity", severity),
        ("f.inspection_id = :record", "record", record),
    ):
        if value:
            where.append(clause)
            params[key] = value
    if search:
        where.append(_TEXT)
        params["text"] = f"%{like_literal(search)}%"
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
        evidence = _evidence(conn, None)
    views = [_view(r, as_of, evidence.get(r["id"], [])) for r in found]
    wanted = OPEN_STATES if state == "open" else (state,)
    return [
        v
        for v in views
        if (state is None or v.state in wanted) and (overdue_on is None or v.overdue)
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
        evidence = _evidence(conn, [full])
    assert r is not None  # resolved just now, in the same transaction
    return _view(r, as_of or _today(), evidence.get(full, []))


def expired_exceptions(store: Store, as_of: date) -> list[str]:
    """IDs of the findings still stored as an exception whose expiry date is before `as_of`."""
    with store.read() as conn:
        found = rows(
            conn,
            "SELECT id FROM finding WHERE state = 'exception' AND exception_until < :day "
            "ORDER BY id",
            day=as_of.isoformat(),
        )
    return [r["id"] for r in found]


def summary(store: Store, *, as_of: date) -> FindingsSummary:
    """Counts for a dashboard, as of `as_of` (an expired exception is open again): open (not
    closed, not an accepted exception), overdue, repeat (open repeats), exception (accepted, not
    expired), by state (all current findings) and by risk driver (open findings, with names)."""
    with store.read() as conn:
        found = rows(
            conn,
            "SELECT f.state, f.repeat, f.risk_driver, f.due_date, f.action, f.exception_until "
            "FROM finding f LEFT JOIN inspection i ON i.id = f.inspection_id WHERE " + _CURRENT,
        )
    states = [state_on(f["state"], f["action"], f["exception_until"], as_of) for f in found]
    unclosed = [f for f, st in zip(found, states, strict=True) if st in OPEN_STATES]
    drivers = Counter(f["risk_driver"] for f in unclosed)
    return FindingsSummary(
        as_of=as_of.isoformat(),
        total=len(found),
        open=len(unclosed),
        overdue=sum(
            1 for f, st in zip(found, states, strict=True) if overdue(st, f["due_date"], as_of)
        ),
        repeat=sum(1 for f in unclosed if f["repeat"]),
        by_state={st: states.count(st) for st in STATES},
        by_risk_driver=tuple(
            RiskDriverCount(label.key, label.zh, label.en, n)
            for label, n in (
                (risk_driver_label(key), n)
                for key, n in sorted(drivers.items(), key=lambda kv: (-kv[1], kv[0]))
            )
        ),
        exception=states.count("exception"),
    )
