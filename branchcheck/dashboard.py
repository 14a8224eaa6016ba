"""The branch head's desk (工作台): what is due, what was missed, the findings still open, the
compliance index and the last twelve months, each number with the list it opens.

The findings and records figures come from a few GROUP BY queries (read-only SQL through
SQLAlchemy Core, as findings/reading.py reads), never from a loop over rows: the desk stays fast
with years of records. The obligations and the index are worked out elsewhere and passed in.

Each number is a `Figure` whose `opens` is a typed query: `FindingsQuery` (run by
`findings_for`), `RecordsQuery` (applied by `select_records` to the list of records),
`ObligationsQuery` (applied by `select_obligations`) or `IndexQuery` (the index's parts). The SQL
conditions of a count and of the list it opens are the same fragments below, so they agree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from branchcheck.db import Store
from branchcheck.db.read import rows
from branchcheck.taxonomy import SEVERITIES
from branchcheck.views import (
    FindingView,
    Obligation,
    PersonName,
    RecordSummary,
    ScoreReport,
)

if TYPE_CHECKING:
    from branchcheck.people.rotation import RotationReminder

MONTHS = 12
OPEN_OBLIGATION = ("due", "overdue")
MISSED_OBLIGATION = ("missed", "explained")  # an explained miss is still a miss

# --------------------------------------------------------------------------- the SQL fragments

# a record replaced by a sealed correction: its findings live on in the correction (reading.py);
# the replaced records are listed once (not per row: supersedes_id has no index)
_REPLACED = (
    "SELECT supersedes_id FROM inspection WHERE status = 'sealed' AND supersedes_id IS NOT NULL"
)
_CURRENT_FINDING = f"(f.inspection_id IS NULL OR f.inspection_id NOT IN ({_REPLACED}))"
_CURRENT_RECORD = f"i.id NOT IN ({_REPLACED})"
_OPEN = "f.state != 'closed'"
_OVERDUE = "f.state NOT IN ('verified', 'closed') AND f.due_date < :as_of"
_REPEAT = "f.state != 'closed' AND f.repeat"
# the day the 整改结果 was in: recorded since schema 0003, else the re-check's date
_RECTIFIED = "COALESCE(f.rectified_on, f.recheck_date)"
_ON_TIME = f"{_RECTIFIED} <= f.due_date"
_LATE = f"{_RECTIFIED} > f.due_date"

_BY_SEVERITY = f"""
SELECT f.severity,
       SUM(CASE WHEN {_OPEN} THEN 1 ELSE 0 END) AS open,
       SUM(CASE WHEN {_OVERDUE} THEN 1 ELSE 0 END) AS overdue,
       SUM(CASE WHEN {_REPEAT} THEN 1 ELSE 0 END) AS repeat
FROM finding f
WHERE {_CURRENT_FINDING}
GROUP BY f.severity
"""
_MADE_BY_MONTH = f"""
SELECT substr(f.created_at, 1, 7) AS month, COUNT(*) AS n
FROM finding f
WHERE {_CURRENT_FINDING} AND substr(f.created_at, 1, 7) BETWEEN :first AND :last
GROUP BY month
"""
_RECTIFIED_BY_MONTH = f"""
SELECT substr({_RECTIFIED}, 1, 7) AS month,
       SUM(CASE WHEN {_ON_TIME} THEN 1 ELSE 0 END) AS on_time,
       SUM(CASE WHEN {_LATE} THEN 1 ELSE 0 END) AS late
FROM finding f
WHERE {_CURRENT_FINDING} AND substr({_RECTIFIED}, 1, 7) BETWEEN :first AND :last
GROUP BY month
"""
_CHECKS_BY_MONTH = f"""
SELECT substr(i.local_date, 1, 7) AS month, COUNT(*) AS n
FROM inspection i
WHERE i.status = 'sealed' AND {_CURRENT_RECORD}
  AND substr(i.local_date, 1, 7) BETWEEN :first AND :last
GROUP BY month
"""
QUERIES = (_BY_SEVERITY, _MADE_BY_MONTH, _RECTIFIED_BY_MONTH, _CHECKS_BY_MONTH)  # for the bench


# --------------------------------------------------------------------------- what a number opens


@dataclass(frozen=True)
class FindingsQuery:
    """The findings behind a number. state "open": every state but closed; overdue: not verified
    or closed and past the due date (as of the desk's day); repeat: open repeats (屡查屡犯);
    made_in / rectified_in: a month "YYYY-MM"; on_time: with rectified_in, on time or late."""

    state: str | None = None
    severity: str | None = None
    overdue: bool = False
    repeat: bool = False
    made_in: str | None = None
    rectified_in: str | None = None
    on_time: bool | None = None


@dataclass(frozen=True)
class RecordsQuery:
    """Sealed, current records (a record replaced by a sealed correction is left out), of one
    month "YYYY-MM" and/or one checklist."""

    month: str | None = None
    checklist: str | None = None


@dataclass(frozen=True)
class ObligationsQuery:
    keys: tuple[str, ...]


@dataclass(frozen=True)
class IndexQuery:
    """The compliance index's parts."""


@dataclass(frozen=True)
class RotationQuery:
    """The key posts held and ATM routes kept too long (Desk.rotation)."""


Opens = FindingsQuery | RecordsQuery | ObligationsQuery | IndexQuery | RotationQuery
ROTATION_NAME = {"zh": "轮岗提醒", "en": "Rotation due"}


@dataclass(frozen=True)
class Figure:
    key: str
    name: dict[str, str]
    value: int
    opens: Opens


@dataclass(frozen=True)
class MonthTrend:
    month: str  # YYYY-MM
    checks: Figure  # sealed records dated in the month
    findings: Figure  # findings made in the month
    rectified_on_time: Figure  # rectified in the month, on or before the due date
    rectified_late: Figure
    missed: Figure  # obligations due in the month and missed (explained or not)


@dataclass(frozen=True)
class Desk:
    as_of: str
    week_first: str  # Monday of as_of's week
    week_last: str  # its Sunday
    due_today: Figure
    due_this_week: Figure
    to_cover: tuple[PersonName, ...]  # tellers still to cover, of the open coverage obligations
    overdue_obligations: Figure
    missed_obligations: Figure
    open_findings: Figure
    overdue_findings: Figure
    repeat_findings: Figure
    open_by_severity: tuple[Figure, ...]  # one per severity, most severe first
    overdue_by_severity: tuple[Figure, ...]
    score: ScoreReport | None  # as passed in; the index card opens IndexQuery()
    months: tuple[MonthTrend, ...]  # oldest first, as_of's month last
    obligations: tuple[Obligation, ...]  # as passed in: what the obligation numbers open
    # key posts held and routes kept too long (seed 000: 三年轮岗), as passed in
    rotation: Figure = field(
        default_factory=lambda: Figure("rotation", ROTATION_NAME, 0, RotationQuery())
    )
    rotation_reminders: tuple[RotationReminder, ...] = ()
    # each checklist's title by its key, for the lists the numbers open
    checklist_titles: dict[str, dict[str, str]] = field(default_factory=dict)


def _name(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def last_months(as_of: date, n: int = MONTHS) -> list[str]:
    """The n months ending with as_of's, oldest first, as "YYYY-MM"."""
    months = []
    year, month = as_of.year, as_of.month
    for _ in range(n):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _keys(obligations: Sequence[Obligation]) -> ObligationsQuery:
    return ObligationsQuery(tuple(o.key for o in obligations))


def _obligation_figures(
    obligations: Sequence[Obligation], as_of: date, week_last: date
) -> tuple[Figure, Figure, Figure, Figure, tuple[PersonName, ...]]:
    def due_by(day: date) -> list[Obligation]:
        return [o for o in obligations if o.status == "due" and date.fromisoformat(o.due_on) <= day]

    today, week = due_by(as_of), due_by(week_last)
    overdue = [o for o in obligations if o.status == "overdue"]
    missed = [o for o in obligations if o.status in MISSED_OBLIGATION]
    to_cover: dict[str, PersonName] = {}
    for o in obligations:
        if o.reason == "teller_coverage" and o.status in OPEN_OBLIGATION:
            to_cover.update((p.employee_no, p) for p in o.uncovered)

    def figure(key: str, name: dict[str, str], chosen: list[Obligation]) -> Figure:
        return Figure(key, name, len(chosen), _keys(chosen))

    return (
        figure("due_today", _name("今日应做", "Due today"), today),
        figure("due_this_week", _name("本周应做", "Due this week"), week),
        figure("overdue_obligations", _name("已逾期", "Overdue"), overdue),
        figure("missed_obligations", _name("已漏做", "Missed"), missed),
        tuple(sorted(to_cover.values(), key=lambda p: p.employee_no)),
    )


def _severity_figures(counts: dict[str, dict[str, int]], column: str) -> tuple[Figure, ...]:
    order = list(SEVERITIES)[::-1]  # critical, high, medium, low
    known = order + sorted(set(counts) - set(order))
    return tuple(
        Figure(
            f"{column}:{sev}",
            dict(SEVERITIES.get(sev, {"zh": sev, "en": sev})),
            counts.get(sev, {}).get(column, 0),
            FindingsQuery(state="open", severity=sev)
            if column == "open"
            else FindingsQuery(overdue=True, severity=sev),
        )
        for sev in known
    )


def _by_month(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["month"]: r for r in found}


def _month_trends(
    months: list[str], read: dict[str, list[dict[str, Any]]], obligations: Sequence[Obligation]
) -> tuple[MonthTrend, ...]:
    checks, made = _by_month(read["checks"]), _by_month(read["made"])
    rectified = _by_month(read["rectified"])
    missed: dict[str, list[Obligation]] = {m: [] for m in months}
    for o in obligations:
        if o.status in MISSED_OBLIGATION and o.due_on[:7] in missed:
            missed[o.due_on[:7]].append(o)

    def count(table: dict[str, dict[str, Any]], month: str, column: str) -> int:
        return int(table.get(month, {}).get(column) or 0)

    return tuple(
        MonthTrend(
            month=m,
            checks=Figure(
                f"checks:{m}",
                _name("完成检查", "Checks done"),
                count(checks, m, "n"),
                RecordsQuery(month=m),
            ),
            findings=Figure(
                f"findings:{m}",
                _name("发现问题", "Findings made"),
                count(made, m, "n"),
                FindingsQuery(made_in=m),
            ),
            rectified_on_time=Figure(
                f"on_time:{m}",
                _name("按期整改", "Rectified on time"),
                count(rectified, m, "on_time"),
                FindingsQuery(rectified_in=m, on_time=True),
            ),
            rectified_late=Figure(
                f"late:{m}",
                _name("逾期整改", "Rectified late"),
                count(rectified, m, "late"),
                FindingsQuery(rectified_in=m, on_time=False),
            ),
            missed=Figure(f"missed:{m}", _name("漏做", "Missed"), len(missed[m]), _keys(missed[m])),
        )
        for m in months
    )


def _read(store: Store, as_of: date, months: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The four aggregate queries, in one read transaction."""
    span = {"first": months[0], "last": months[-1]}
    with store.read() as conn:
        return {
            "severity": rows(conn, _BY_SEVERITY, as_of=as_of.isoformat()),
            "made": rows(conn, _MADE_BY_MONTH, **span),
            "rectified": rows(conn, _RECTIFIED_BY_MONTH, **span),
            "checks": rows(conn, _CHECKS_BY_MONTH, **span),
        }


def desk(
    store: Store,
    as_of: date,
    *,
    obligations: Sequence[Obligation],
    score: ScoreReport | None,
    rotation: Sequence[RotationReminder] = (),
    titles: dict[str, dict[str, str]] | None = None,
) -> Desk:
    """The desk as of `as_of` (the branch's local date)."""
    months = last_months(as_of)
    read = _read(store, as_of, months)
    week_first = as_of - timedelta(days=as_of.weekday())
    week_last = week_first + timedelta(days=6)
    due_today, due_week, overdue, missed, to_cover = _obligation_figures(
        obligations, as_of, week_last
    )
    counts = {r["severity"]: r for r in read["severity"]}

    def total(column: str) -> int:
        return sum(int(r[column] or 0) for r in counts.values())

    return Desk(
        as_of=as_of.isoformat(),
        week_first=week_first.isoformat(),
        week_last=week_last.isoformat(),
        due_today=due_today,
        due_this_week=due_week,
        to_cover=to_cover,
        overdue_obligations=overdue,
        missed_obligations=missed,
        open_findings=Figure(
            "open_findings",
            _name("未关闭问题", "Open findings"),
            total("open"),
            FindingsQuery(state="open"),
        ),
        overdue_findings=Figure(
            "overdue_findings",
            _name("逾期未整改", "Overdue findings"),
            total("overdue"),
            FindingsQuery(overdue=True),
        ),
        repeat_findings=Figure(
            "repeat_findings",
            _name("屡查屡犯", "Repeat findings"),
            total("repeat"),
            FindingsQuery(state="open", repeat=True),
        ),
        open_by_severity=_severity_figures(counts, "open"),
        overdue_by_severity=_severity_figures(counts, "overdue"),
        score=score,
        months=_month_trends(months, read, obligations),
        obligations=tuple(obligations),
        rotation=Figure("rotation", ROTATION_NAME, len(rotation), RotationQuery()),
        rotation_reminders=tuple(rotation),
        checklist_titles=dict(titles or {}),
    )


# --------------------------------------------------------------------------- the lists they open


def _where(query: FindingsQuery) -> tuple[list[str], dict[str, Any]]:
    where, params = [_CURRENT_FINDING], {}
    if query.state == "open":
        where.append(_OPEN)
    elif query.state is not None:
        where.append("f.state = :state")
        params["state"] = query.state
    if query.severity is not None:
        where.append("f.severity = :severity")
        params["severity"] = query.severity
    if query.overdue:
        where.append(_OVERDUE)
    if query.repeat:
        where.append(_REPEAT)
    if query.made_in is not None:
        where.append("substr(f.created_at, 1, 7) = :made_in")
        params["made_in"] = query.made_in
    if query.rectified_in is not None:
        where.append(f"substr({_RECTIFIED}, 1, 7) = :rectified_in")
        params["rectified_in"] = query.rectified_in
        if query.on_time is not None:
            where.append(_ON_TIME if query.on_time else _LATE)
    return where, params


def findings_for(store: Store, query: FindingsQuery, *, as_of: date) -> list[FindingView]:
    """The findings a number of the desk counts, newest first, as the findings list shows them."""
    from branchcheck.findings import list_findings

    where, params = _where(query)
    with store.read() as conn:
        chosen = {
            r["id"]
            for r in rows(
                conn,
                "SELECT f.id FROM finding f WHERE " + " AND ".join(where),
                as_of=as_of.isoformat(),
                **params,
            )
        }
    return [f for f in list_findings(store, as_of=as_of) if f.id in chosen]


def select_records(records: Sequence[RecordSummary], query: RecordsQuery) -> list[RecordSummary]:
    """The records (from inspections.list_records) a number of the desk counts, in list order."""
    replaced = {r.supersedes for r in records if r.status == "sealed" and r.supersedes}
    return [
        r
        for r in records
        if r.status == "sealed"
        and r.id not in replaced
        and (query.month is None or r.local_date[:7] == query.month)
        and (query.checklist is None or r.checklist == query.checklist)
    ]


def select_obligations(desk: Desk, query: ObligationsQuery) -> list[Obligation]:
    keys = set(query.keys)
    return [o for o in desk.obligations if o.key in keys]


# --------------------------------------------------------------------------- the desk, whole


def load(store: Store, as_of: date) -> Desk:
    """The desk as the branch head opens it: windows that have closed become their findings first
    (missed checks, key posts held too long), then the last twelve months' obligations with what
    is due now, and the compliance index of the year so far against a year earlier."""
    from branchcheck import schedule
    from branchcheck.people import rotation
    from branchcheck.score.period import period_report

    schedule.sweep(store, as_of)
    rotation.sweep(store, as_of)
    first = date.fromisoformat(last_months(as_of)[0] + "-01")
    found = {o.key: o for o in schedule.obligations(store, first, as_of, as_of=as_of)}
    for o in schedule.due(store, as_of):
        found.setdefault(o.key, o)
    ordered = sorted(found.values(), key=lambda o: (o.due_on, o.key))
    score = period_report(store, date(as_of.year, 1, 1), as_of, as_of=as_of).score
    from branchcheck.engine.validate import load_all

    titles = {key: t.template.title.as_dict() for key, t in load_all().items()}
    return desk(
        store,
        as_of,
        obligations=ordered,
        score=score,
        rotation=rotation.reminders(store, as_of),
        titles=titles,
    )
