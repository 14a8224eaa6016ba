# longer than 500 lines: the report's six aggregate queries and the arithmetic that turns them into each branch's figures, kept together
"""Head office's consolidated report (`branchcheck headoffice report`): each branch's compliance
index over a period, scored exactly as the branch scores itself (branchcheck.score.indicators
with the default settings), its rank, its change against the same period a year earlier, and
per branch and checklist the checks due and done, the records received and the findings.

Everything is read by a few aggregate queries (SQLAlchemy Core, GROUP BY branch and checklist),
never one per record, and never the record's file columns; the same SQL runs on SQLite and
PostgreSQL (dates are 'YYYY-MM-DD' text, compared as text).

What counts, as the branch counts it (branchcheck.score.gather):

- A finding or an obligation appears in every package that lists it: the row of the branch's
  package received last (received_at, then its id) is the one read.
- Records: received, dated in the period, current (not superseded by a correction).
- Checks due: obligations of the weekly, pre-holiday, periodic and event schedules due in the
  period whose outcome is known (done, overdue, missed, explained); on time: done on or before
  the due day; late: done after it; missed: missed or explained (an explained miss is a miss).
  Teller coverage: Σ min(count, expected) / Σ expected over the period's coverage obligations.
- Findings of the period: found in it and standing (their record, if any, not superseded).
  Findings due in the period count for "rectified on time" once their due day has passed (before
  as_of) or once rectified; on time when rectified on or before the due day.
- 核查问责: findings of the period an earlier record passed (missed_record_id), per inspector.

A branch with nothing in the period (no record, no check due, no finding) is listed unranked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from branchcheck import clock
from branchcheck.headoffice.models import HoBranch, HoFinding, HoObligation, HoPackage, HoRecord
from branchcheck.headoffice.store import HeadOffice
from branchcheck.score.gather import CHANGE_NAMES, KNOWN, SCHEDULED, change, year_earlier
from branchcheck.score.indicators import PeriodFacts, compute
from branchcheck.settings import Settings
from branchcheck.taxonomy import OTHER_CHECKLISTS, SEVERITIES, risk_driver_label
from branchcheck.views import ComplianceIndex, PeriodChange

OTHER = {"zh": "其他", "en": "Other"}
UNKNOWN = {"zh": "未注明", "en": "Not stated"}


@dataclass(frozen=True)
class Counts:
    """One branch's (or one branch and checklist's) counts of a period."""

    due: int = 0  # scheduled checks whose outcome is known
    on_time: int = 0
    late: int = 0  # done after the due day
    overdue: int = 0  # past the due day, not done yet (the window still open)
    missed: int = 0  # missed or explained
    tellers_expected: int = 0
    tellers_covered: int = 0
    records: int = 0  # current records dated in the period
    check_findings: int = 0  # findings those records made
    findings: int = 0  # findings of the period that stand
    repeats: int = 0
    missed_problems: int = 0  # 应发现未发现 (核查问责)
    findings_due: int = 0  # due in the period, due day passed or rectified
    rectified_on_time: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            **{k: getattr(self, k) + getattr(other, k) for k in self.__dataclass_fields__}
        )

    @property
    def measured(self) -> bool:
        """Anything to score: a check due or done, a record, a finding."""
        return bool(
            self.due or self.tellers_expected or self.records or self.findings or self.findings_due
        )

    def facts(self, first: date, last: date) -> PeriodFacts:
        return PeriodFacts(
            first=first.isoformat(),
            last=last.isoformat(),
            scheduled=self.due,
            on_time=self.on_time,
            tellers_expected=self.tellers_expected,
            tellers_covered=self.tellers_covered,
            checks=self.records,
            check_findings=self.check_findings,
            findings_due=self.findings_due,
            rectified_on_time=self.rectified_on_time,
            findings=self.findings,
            repeats=self.repeats,
            missed=self.missed_problems,
        )


@dataclass(frozen=True)
class ChecklistRow:
    """One branch's counts for one checklist over the period."""

    branch_code: str
    branch_name: str
    checklist: str  # "" for findings no checklist names
    checklist_name: dict[str, str]
    counts: Counts


@dataclass(frozen=True)
class BranchScore:
    """One branch's compliance index over the period, its rank (None: nothing in the period) and
    its change against the same period a year earlier (previous None: nothing then)."""

    code: str
    name: str
    rank: int | None
    index: float
    compliance: ComplianceIndex
    counts: Counts
    previous_index: float | None
    previous: ComplianceIndex | None
    previous_counts: Counts | None
    change: float | None  # index − previous index
    changes: tuple[PeriodChange, ...]

    @property
    def reported(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True)
class Tally:
    """Findings of the period of one branch under one key (a severity or a risk driver)."""

    branch_code: str
    key: str
    name: dict[str, str]
    findings: int


@dataclass(frozen=True)
class InspectorRow:
    """核查问责: an inspector of a branch and the period's problems a record of theirs passed."""

    branch_code: str
    branch_name: str
    employee_no: str
    name: str
    missed: int


@dataclass(frozen=True)
class HeadOfficeReport:
    first: str
    last: str
    as_of: str
    previous_first: str
    previous_last: str
    branches: tuple[BranchScore, ...]  # ranked first, then the branches with nothing
    checklists: tuple[ChecklistRow, ...]  # by branch code, then checklist
    severities: tuple[Tally, ...]
    risk_drivers: tuple[Tally, ...]
    inspectors: tuple[InspectorRow, ...]  # most first
    totals: Counts = field(default_factory=Counts)

    def totals_by(self, tallies: Iterable[Tally]) -> list[tuple[str, dict[str, str], int]]:
        """(key, name, findings) over every branch: severities in their order (critical first),
        risk drivers most first (ties by key)."""
        out: dict[str, tuple[dict[str, str], int]] = {}
        for t in tallies:
            name, n = out.get(t.key, (t.name, 0))
            out[t.key] = (name, n + t.findings)
        order = list(reversed(SEVERITIES))  # taxonomy lists them low → critical

        def sort_key(item: tuple[str, dict[str, str], int]) -> tuple[int, int, str]:
            key, _, n = item
            if key in SEVERITIES:
                return (0, order.index(key), key)
            return (1, -n, key)

        return sorted(((k, name, n) for k, (name, n) in out.items()), key=sort_key)

    def matrix(
        self, tallies: Iterable[Tally]
    ) -> tuple[list[tuple[str, dict[str, str]]], dict[str, dict[str, int]]]:
        """The keys (as totals_by orders them) and each branch code's findings under each."""
        items = list(tallies)
        keys = [(k, name) for k, name, _ in self.totals_by(items)]
        cells: dict[str, dict[str, int]] = {b.code: {} for b in self.branches}
        for t in items:
            cells.setdefault(t.branch_code, {})[t.key] = t.findings
        return keys, cells


# ---------------------------------------------------------------- names


@cache
def _checklist_titles() -> dict[str, dict[str, str]]:
    """Each shipped (or $BRANCHCHECK_CHECKLISTS) template's key → its title."""
    import yaml

    from branchcheck.paths import checklists_dir

    titles: dict[str, dict[str, str]] = {}
    folder = checklists_dir()
    for path in sorted(folder.glob("*.y*ml")):
        try:
            content = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(content, dict) and isinstance(content.get("title"), dict):
            title = content["title"]
            key = str(content.get("key") or path.stem)
            titles[key] = {"zh": str(title.get("zh", key)), "en": str(title.get("en", key))}
    return titles


def checklist_name(key: str) -> dict[str, str]:
    if not key:
        return OTHER
    return _checklist_titles().get(key) or OTHER_CHECKLISTS.get(key) or {"zh": key, "en": key}


def severity_name(key: str) -> dict[str, str]:
    return SEVERITIES.get(key) or (UNKNOWN if not key else {"zh": key, "en": key})


def risk_driver_name(key: str) -> dict[str, str]:
    if not key:
        return UNKNOWN
    label = risk_driver_label(key)
    return {"zh": label.zh, "en": label.en}


# ---------------------------------------------------------------- the queries


def _n(expr: ColumnElement[bool]) -> Any:
    """SUM(CASE WHEN expr THEN 1 ELSE 0 END), 0 when there is no row."""
    return func.coalesce(func.sum(case((expr, 1), else_=0)), 0)


def _between(column: Any, first: str, last: str) -> ColumnElement[bool]:
    return column.between(first, last)


def _latest_findings(first: str, last: str, *, with_due: bool) -> Any:
    """The latest package's row of each finding found (or, `with_due`, due) in [first, last] or
    made by a record dated in it: a subquery with the finding's columns and the branch."""
    f, p = HoFinding.__table__, HoPackage.__table__
    r = HoRecord.__table__
    wanted: list[ColumnElement[bool]] = [
        _between(f.c.found_on, first, last),
        f.c.record_id.in_(select(r.c.record_id).where(_between(r.c.local_date, first, last))),
    ]
    if with_due:
        wanted.append(_between(f.c.due_date, first, last))
    ids = select(f.c.finding_id).where(or_(*wanted))
    rank = (
        func.row_number()
        .over(
            partition_by=(p.c.branch_id, f.c.finding_id),
            order_by=(p.c.received_at.desc(), p.c.id.desc()),
        )
        .label("rn")
    )
    ranked = (
        select(
            p.c.branch_id.label("branch_id"),
            f.c.finding_id,
            f.c.record_id,
            f.c.checklist,
            f.c.severity,
            f.c.risk_driver,
            f.c.repeat,
            f.c.missed_record_id,
            f.c.missed_by,
            f.c.found_on,
            f.c.due_date,
            f.c.rectified_on,
            rank,
        )
        .select_from(f.join(p, p.c.id == f.c.package_id))
        .where(f.c.finding_id.in_(ids))
        .subquery("ranked_finding")
    )
    return select(ranked).where(ranked.c.rn == 1).subquery("latest_finding")


def _latest_obligations(first: str, last: str) -> Any:
    o, p = HoObligation.__table__, HoPackage.__table__
    keys = select(o.c.key).where(_between(o.c.due_on, first, last))
    rank = (
        func.row_number()
        .over(
            partition_by=(o.c.branch_id, o.c.key),
            order_by=(p.c.received_at.desc(), p.c.id.desc()),
        )
        .label("rn")
    )
    ranked = (
        select(
            o.c.branch_id,
            o.c.key,
            o.c.checklist,
            o.c.reason,
            o.c.due_on,
            o.c.status,
            o.c.done_on,
            o.c.expected,
            o.c["count"].label("done_count"),
            rank,
        )
        .select_from(o.join(p, p.c.id == o.c.package_id))
        .where(o.c.key.in_(keys))
        .subquery("ranked_obligation")
    )
    return select(ranked).where(ranked.c.rn == 1).subquery("latest_obligation")


Key = tuple[int, str]  # (branch id, checklist)


def _obligation_counts(conn: Connection, first: str, last: str) -> dict[Key, dict[str, int]]:
    lo = _latest_obligations(first, last)
    scheduled = and_(lo.c.reason.in_(SCHEDULED), lo.c.status.in_(KNOWN))
    on_time = and_(
        scheduled, lo.c.status == "done", lo.c.done_on.is_not(None), lo.c.done_on <= lo.c.due_on
    )
    late = and_(
        scheduled,
        lo.c.status == "done",
        or_(lo.c.done_on.is_(None), lo.c.done_on > lo.c.due_on),
    )
    coverage = and_(lo.c.reason == "teller_coverage", lo.c.status.in_(KNOWN))
    covered = case((lo.c.done_count < lo.c.expected, lo.c.done_count), else_=lo.c.expected)
    query = (
        select(
            lo.c.branch_id,
            lo.c.checklist,
            _n(scheduled).label("due"),
            _n(on_time).label("on_time"),
            _n(late).label("late"),
            _n(and_(scheduled, lo.c.status == "overdue")).label("overdue"),
            _n(and_(scheduled, lo.c.status.in_(("missed", "explained")))).label("missed"),
            func.coalesce(func.sum(case((coverage, lo.c.expected), else_=0)), 0).label(
                "tellers_expected"
            ),
            func.coalesce(func.sum(case((coverage, covered), else_=0)), 0).label("tellers_covered"),
        )
        .where(_between(lo.c.due_on, first, last))
        .group_by(lo.c.branch_id, lo.c.checklist)
    )
    return _keyed(conn, query)


def _record_counts(conn: Connection, first: str, last: str) -> dict[Key, dict[str, int]]:
    r = HoRecord.__table__
    query = (
        select(r.c.branch_id, r.c.checklist, func.count().label("records"))
        .where(_between(r.c.local_date, first, last), r.c.superseded_by.is_(None))
        .group_by(r.c.branch_id, r.c.checklist)
    )
    return _keyed(conn, query)


def _finding_counts(
    conn: Connection, first: str, last: str, as_of: str
) -> dict[Key, dict[str, int]]:
    lf = _latest_findings(first, last, with_due=True)
    r = HoRecord.__table__.alias("own_record")
    standing = r.c.superseded_by.is_(None)  # no record (NULL from the outer join) stands too
    found = and_(_between(lf.c.found_on, first, last), standing)
    by_check = and_(
        r.c.id.is_not(None), r.c.superseded_by.is_(None), _between(r.c.local_date, first, last)
    )
    due = and_(
        _between(lf.c.due_date, first, last),
        or_(lf.c.due_date < as_of, lf.c.rectified_on.is_not(None)),
        standing,
    )
    query = (
        select(
            lf.c.branch_id,
            lf.c.checklist,
            _n(found).label("findings"),
            _n(and_(found, lf.c.repeat.is_(True))).label("repeats"),
            _n(and_(found, lf.c.missed_record_id.is_not(None))).label("missed_problems"),
            _n(by_check).label("check_findings"),
            _n(due).label("findings_due"),
            _n(and_(due, lf.c.rectified_on.is_not(None), lf.c.rectified_on <= lf.c.due_date)).label(
                "rectified_on_time"
            ),
        )
        .select_from(lf.outerjoin(r, r.c.record_id == lf.c.record_id))
        .group_by(lf.c.branch_id, lf.c.checklist)
    )
    return _keyed(conn, query)


def _keyed(conn: Connection, query: Select[Any]) -> dict[Key, dict[str, int]]:
    out: dict[Key, dict[str, int]] = {}
    for row in conn.execute(query).mappings():
        values = dict(row)
        key = (int(values.pop("branch_id")), str(values.pop("checklist") or ""))
        out[key] = {k: int(v or 0) for k, v in values.items()}
    return out


def _standing_found(first: str, last: str) -> tuple[Any, Any, ColumnElement[bool]]:
    lf = _latest_findings(first, last, with_due=False)
    r = HoRecord.__table__.alias("own_record")
    where = and_(_between(lf.c.found_on, first, last), r.c.superseded_by.is_(None))
    return lf, lf.outerjoin(r, r.c.record_id == lf.c.record_id), where


def _tallies(conn: Connection, first: str, last: str, column: str) -> list[tuple[int, str, int]]:
    lf, joined, where = _standing_found(first, last)
    query = (
        select(lf.c.branch_id, lf.c[column].label("key"), func.count().label("n"))
        .select_from(joined)
        .where(where)
        .group_by(lf.c.branch_id, lf.c[column])
    )
    return [(int(b), str(k or ""), int(n)) for b, k, n in conn.execute(query)]


def _inspectors(conn: Connection, first: str, last: str) -> list[tuple[int, str, str, int]]:
    """(branch id, employee no., a name the missed records were signed under, count)."""
    lf, joined, where = _standing_found(first, last)
    missed = HoRecord.__table__.alias("missed_record")
    query = (
        select(
            lf.c.branch_id,
            lf.c.missed_by,
            func.max(missed.c.signer).label("signer"),
            func.count().label("n"),
        )
        .select_from(joined.outerjoin(missed, missed.c.record_id == lf.c.missed_record_id))
        .where(where, lf.c.missed_record_id.is_not(None), lf.c.missed_by.is_not(None))
        .group_by(lf.c.branch_id, lf.c.missed_by)
    )
    return [
        (int(b), str(no), str(signer or no), int(n)) for b, no, signer, n in conn.execute(query)
    ]


def _with_records(conn: Connection, first: str, last: str) -> set[int]:
    """The branches holding any record (of any version) dated in [first, last]."""
    r = HoRecord.__table__
    query = (
        select(r.c.branch_id).where(_between(r.c.local_date, first, last)).group_by(r.c.branch_id)
    )
    return {int(b) for (b,) in conn.execute(query)}


def _period_counts(conn: Connection, first: str, last: str, as_of: str) -> dict[Key, Counts]:
    parts = (
        _obligation_counts(conn, first, last),
        _record_counts(conn, first, last),
        _finding_counts(conn, first, last, as_of),
    )
    keys = set().union(*parts)
    out: dict[Key, Counts] = {}
    for key in keys:
        merged: dict[str, int] = {}
        for part in parts:
            merged.update(part.get(key, {}))
        out[key] = Counts(**merged)
    return out


def _by_branch(counts: dict[Key, Counts]) -> dict[int, Counts]:
    out: dict[int, Counts] = {}
    for (branch, _), c in counts.items():
        out[branch] = out.get(branch, Counts()) + c
    return out


# ---------------------------------------------------------------- the report


def _today() -> date:
    return clock.now().date()


def _figures(c: Counts, index: ComplianceIndex) -> dict[str, float]:
    return {
        "index": index.index,
        "checks": c.records,
        "findings": c.findings,
        "repeats": c.repeats,
        "missed": c.missed_problems,
        "scheduled": c.due,
        "on_time": c.on_time,
        "findings_due": c.findings_due,
        "rectified_on_time": c.rectified_on_time,
    }


def head_office_report(
    db: HeadOffice,
    first: date,
    last: date,
    *,
    as_of: date | None = None,
    settings: Settings | None = None,
) -> HeadOfficeReport:
    """Every branch's compliance index of [first, last] as head office's store stands, scored
    with the default settings (as the branch scores itself), ranked (highest first, ties by
    branch code), against the same period a year earlier. `as_of` (today by default) is the day
    the findings' due days are judged by."""
    today = as_of or _today()
    clock.check_period(first, last, today)
    settings = settings or Settings()
    a, b = first.isoformat(), last.isoformat()
    before_first, before_last = year_earlier(first), year_earlier(last)
    pa, pb = before_first.isoformat(), before_last.isoformat()
    day = today.isoformat()
    with db.engine.connect() as conn:
        branches = [
            (int(i), str(code), str(name))
            for i, code, name in conn.execute(
                select(HoBranch.id, HoBranch.code, HoBranch.name).order_by(HoBranch.code)
            )
        ]
        current = _period_counts(conn, a, b, day)
        earlier = _period_counts(conn, pa, pb, day)
        earlier_records = _with_records(conn, pa, pb)
        severities = _tallies(conn, a, b, "severity")
        drivers = _tallies(conn, a, b, "risk_driver")
        inspectors = _inspectors(conn, a, b)
    now_by, then_by = _by_branch(current), _by_branch(earlier)
    names = {i: (code, name) for i, code, name in branches}

    scored = []
    for branch_id, code, name in branches:
        counts = now_by.get(branch_id, Counts())
        index = compute(counts.facts(first, last), settings)
        previous_counts = then_by.get(branch_id) if branch_id in earlier_records else None
        previous = (
            compute(previous_counts.facts(before_first, before_last), settings)
            if previous_counts is not None
            else None
        )
        now: dict[str, float | None] = dict(_figures(counts, index))
        if not counts.measured:
            now["index"] = None  # nothing in the period: no index to compare
        then = _figures(previous_counts, previous) if previous and previous_counts else {}
        changes = tuple(change(k, now[k], then.get(k)) for k in CHANGE_NAMES)
        scored.append(
            (
                counts.measured,
                branch_id,
                code,
                name,
                counts,
                index,
                previous_counts,
                previous,
                changes,
            )
        )
    ranked = sorted((s for s in scored if s[0]), key=lambda s: (-s[5].index, s[2]))
    unranked = [s for s in scored if not s[0]]
    rows = []
    for rank, s in enumerate(ranked + unranked, start=1):
        _, _, code, name, counts, index, previous_counts, previous, changes = s
        rows.append(
            BranchScore(
                code=code,
                name=name,
                rank=rank if s[0] else None,
                index=index.index,
                compliance=index,
                counts=counts,
                previous_index=previous.index if previous else None,
                previous=previous,
                previous_counts=previous_counts,
                change=changes[0].change,
                changes=changes,
            )
        )

    checklist_rows = tuple(
        ChecklistRow(names[bid][0], names[bid][1], key, checklist_name(key), c)
        for (bid, key), c in sorted(current.items(), key=lambda kv: (names[kv[0][0]][0], kv[0][1]))
        if bid in names
    )
    total = Counts()
    for c in current.values():
        total = total + c

    def tallies(found: list[tuple[int, str, int]], namer: Any) -> tuple[Tally, ...]:
        return tuple(
            Tally(names[bid][0], key, namer(key), n)
            for bid, key, n in sorted(found, key=lambda t: (names[t[0]][0], t[1]))
            if bid in names
        )

    inspector_rows = tuple(
        sorted(
            (
                InspectorRow(names[bid][0], names[bid][1], no, person, n)
                for bid, no, person, n in inspectors
                if bid in names
            ),
            key=lambda m: (-m.missed, m.branch_code, m.employee_no),
        )
    )
    return HeadOfficeReport(
        first=a,
        last=b,
        as_of=day,
        previous_first=pa,
        previous_last=pb,
        branches=tuple(rows),
        checklists=checklist_rows,
        severities=tallies(severities, severity_name),
        risk_drivers=tallies(drivers, risk_driver_name),
        inspectors=inspector_rows,
        totals=total,
    )
