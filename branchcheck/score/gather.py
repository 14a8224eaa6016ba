"""A period's counts from the store, the compliance index against the same period a year earlier,
and the report as text.

Findings and inspections are counted by aggregate SQL (Core, no ORM); the schedule's obligations
come in as a list (branchcheck.schedule computes them), so the counts of one list can be taken
for any period inside it. Only what stands counts: a sealed inspection not replaced by a sealed
correction, its findings, and the findings without an inspection (missed obligations, rotation).
A finding's date is its inspection's date, or the day it was made. A finding due in the period
counts for "rectified on time" once its due day has passed (before `as_of`, today by default) or
once it is rectified: a finding still within its time is not late yet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from branchcheck.db import Store
from branchcheck.db.read import one
from branchcheck.errors import AnswerError
from branchcheck.i18n import pick
from branchcheck.score.indicators import PeriodFacts, compute
from branchcheck.settings import Settings
from branchcheck.views import ComplianceIndex, Obligation, PeriodChange, ScoreReport

SCHEDULED = ("weekly", "pre_holiday", "periodic", "events")
# an obligation still "due" (its window open, its day not passed) has no outcome yet
KNOWN = ("done", "overdue", "missed", "explained")

_CURRENT_RECORD = (
    "NOT EXISTS (SELECT 1 FROM inspection c WHERE c.supersedes_id = i.id AND c.status = 'sealed')"
)
_CHECKS = f"""
SELECT COUNT(*) AS checks,
       (SELECT COUNT(*) FROM finding f WHERE f.inspection_id IN (
            SELECT i.id FROM inspection i
            WHERE i.status = 'sealed' AND i.local_date BETWEEN :first AND :last
              AND {_CURRENT_RECORD})) AS check_findings
FROM inspection i
WHERE i.status = 'sealed' AND i.local_date BETWEEN :first AND :last AND {_CURRENT_RECORD}
"""
# a finding that stands: made without an inspection, or by a sealed record not replaced; this
# test goes last in a WHERE (SQLite takes the terms in order: the cheap date test first)
_STANDING = f"(f.inspection_id IS NULL OR (i.status = 'sealed' AND {_CURRENT_RECORD}))"
_FINDINGS = f"""
SELECT COUNT(*) AS findings,
       COALESCE(SUM(CASE WHEN f.repeat THEN 1 ELSE 0 END), 0) AS repeats,
       COALESCE(SUM(CASE WHEN f.missed_by_inspection_id IS NOT NULL THEN 1 ELSE 0 END), 0)
           AS missed
FROM finding f LEFT JOIN inspection i ON i.id = f.inspection_id
WHERE COALESCE(i.local_date, substr(f.created_at, 1, 10)) BETWEEN :first AND :last
  AND {_STANDING}
"""
_DUE = f"""
SELECT COUNT(*) AS findings_due,
       COALESCE(SUM(CASE WHEN f.rectified_on IS NOT NULL AND f.rectified_on <= f.due_date
                         THEN 1 ELSE 0 END), 0) AS rectified_on_time
FROM finding f LEFT JOIN inspection i ON i.id = f.inspection_id
WHERE f.due_date BETWEEN :first AND :last
  AND (f.due_date < :as_of OR f.rectified_on IS NOT NULL)
  AND {_STANDING}
"""
_ANY_INSPECTION = (
    "SELECT 1 AS found FROM inspection WHERE local_date BETWEEN :first AND :last LIMIT 1"
)

CHANGE_NAMES: dict[str, dict[str, str]] = {
    "index": {"zh": "合规性指数", "en": "Compliance index"},
    "checks": {"zh": "检查次数", "en": "Checks"},
    "findings": {"zh": "发现问题", "en": "Findings"},
    "repeats": {"zh": "屡查屡犯", "en": "Repeat findings"},
    "missed": {"zh": "应发现未发现", "en": "Missed problems"},
    "scheduled": {"zh": "应做检查", "en": "Scheduled checks"},
    "on_time": {"zh": "按时完成", "en": "Done on time"},
    "findings_due": {"zh": "到期问题", "en": "Findings due"},
    "rectified_on_time": {"zh": "按期整改", "en": "Rectified on time"},
}


@dataclass(frozen=True)
class InspectorMisses:
    """核查问责: an inspector and the period's problems an earlier check of theirs passed."""

    employee_no: str
    name: str
    missed: int


def missed_by_inspector(store: Store, first: date, last: date) -> list[InspectorMisses]:
    """Each inspector with problems of [first, last] linked to a check of theirs as 应发现未发现,
    most first (the findings loop's missed_counts, with the names)."""
    from branchcheck.findings.missed import missed_counts
    from branchcheck.people.roster import list_staff

    counts = missed_counts(store, first, last)
    names = {p.employee_no: p.name for p in list_staff(store) if p.employee_no in counts}
    return sorted(
        (InspectorMisses(no, names.get(no, no), n) for no, n in counts.items()),
        key=lambda m: (-m.missed, m.employee_no),
    )


@dataclass(frozen=True)
class MonthRow:
    """One calendar month of a period: its index and its counts (the report's monthly chart)."""

    month: str  # YYYY-MM
    index: float | None  # None: nothing to measure that month (no check due or done, no finding)
    checks: int
    findings: int


def _settings(settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    return load_settings(data_home())


def _check_period(first: date, last: date) -> None:
    if first > last:
        raise AnswerError(f"period: the first day {first} is after the last day {last}")


def _in(o: Obligation, first: date, last: date) -> bool:
    return first.isoformat() <= o.due_on <= last.isoformat() and o.status in KNOWN


def obligation_counts(obligations: Sequence[Obligation], first: date, last: date) -> dict[str, int]:
    """scheduled / on_time and tellers_expected / tellers_covered over the obligations due in the
    period whose outcome is known. On time: done, on or before its due day; an explained miss
    is a miss."""
    scheduled = [o for o in obligations if o.reason in SCHEDULED and _in(o, first, last)]
    coverage = [o for o in obligations if o.reason == "teller_coverage" and _in(o, first, last)]
    return {
        "scheduled": len(scheduled),
        "on_time": sum(
            1
            for o in scheduled
            if o.status == "done" and o.done_on is not None and o.done_on <= o.due_on
        ),
        "tellers_expected": sum(o.expected for o in coverage),
        "tellers_covered": sum(min(o.count, o.expected) for o in coverage),
    }


def _today() -> date:
    from branchcheck import clock

    return clock.now().date()


def gather(
    store: Store,
    first: date,
    last: date,
    *,
    obligations: Sequence[Obligation],
    as_of: date | None = None,
) -> PeriodFacts:
    """The counts of the period from `first` to `last` (both included), as they stand on `as_of`
    (today by default)."""
    _check_period(first, last)
    params = {"first": first.isoformat(), "last": last.isoformat()}
    day = (as_of or _today()).isoformat()
    with store.read() as conn:
        checks = one(conn, _CHECKS, **params) or {}
        found = one(conn, _FINDINGS, **params) or {}
        due = one(conn, _DUE, **params, as_of=day) or {}
    return PeriodFacts(
        first=params["first"],
        last=params["last"],
        checks=int(checks.get("checks") or 0),
        check_findings=int(checks.get("check_findings") or 0),
        findings=int(found.get("findings") or 0),
        repeats=int(found.get("repeats") or 0),
        missed=int(found.get("missed") or 0),
        findings_due=int(due.get("findings_due") or 0),
        rectified_on_time=int(due.get("rectified_on_time") or 0),
        **obligation_counts(obligations, first, last),
    )


def year_earlier(day: date) -> date:
    """The same day a year earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _has_inspection(store: Store, first: date, last: date) -> bool:
    with store.read() as conn:
        found = one(conn, _ANY_INSPECTION, first=first.isoformat(), last=last.isoformat())
    return found is not None


def change(
    key: str, current: float | None, previous: float | None, *, places: int = 2
) -> PeriodChange:
    """A figure against a year earlier: the change and the change in percent of the earlier
    figure (seed 000: "down 13,469 or 36.04%"); no percent when the earlier figure is 0."""
    diff = None if current is None or previous is None else round(current - previous, 4)
    percent = None if diff is None or not previous else round(diff / previous * 100, places)
    return PeriodChange(key, CHANGE_NAMES[key], current, previous, diff, percent)


def _figures(facts: PeriodFacts, index: ComplianceIndex) -> dict[str, float]:
    return {
        "index": index.index,
        "checks": facts.checks,
        "findings": facts.findings,
        "repeats": facts.repeats,
        "missed": facts.missed,
        "scheduled": facts.scheduled,
        "on_time": facts.on_time,
        "findings_due": facts.findings_due,
        "rectified_on_time": facts.rectified_on_time,
    }


def report(
    store: Store,
    first: date,
    last: date,
    *,
    obligations: Sequence[Obligation],
    previous_obligations: Sequence[Obligation],
    settings: Settings | None = None,
    as_of: date | None = None,
) -> ScoreReport:
    """The period's index against the same period a year earlier (previous None when the store
    holds no inspection dated in that earlier period), as the store stands on `as_of` (today by
    default)."""
    settings = _settings(settings)
    facts = gather(store, first, last, obligations=obligations, as_of=as_of)
    current = compute(facts, settings)
    now = _figures(facts, current)
    before_first, before_last = year_earlier(first), year_earlier(last)
    previous = None
    then: dict[str, float] = {}
    if _has_inspection(store, before_first, before_last):
        earlier = gather(
            store, before_first, before_last, obligations=previous_obligations, as_of=as_of
        )
        previous = compute(earlier, settings)
        then = _figures(earlier, previous)
    changes = tuple(change(key, now[key], then.get(key), places=2) for key in CHANGE_NAMES)
    return ScoreReport(current=current, previous=previous, changes=changes)


def _months(first: date, last: date) -> list[tuple[date, date]]:
    out = []
    start = first
    while start <= last:
        nxt = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
        out.append((start, min(nxt - timedelta(days=1), last)))
        start = nxt
    return out


def monthly(
    store: Store,
    first: date,
    last: date,
    *,
    obligations: Sequence[Obligation],
    settings: Settings | None = None,
    as_of: date | None = None,
) -> list[MonthRow]:
    """The index and counts of each calendar month of the period (the first and last months cut
    to the period), as the store stands on `as_of` (today by default)."""
    _check_period(first, last)
    settings = _settings(settings)
    rows = []
    for start, end in _months(first, last):
        facts = gather(store, start, end, obligations=obligations, as_of=as_of)
        measured = facts.scheduled or facts.checks or facts.findings or facts.findings_due
        rows.append(
            MonthRow(
                start.strftime("%Y-%m"),
                compute(facts, settings).index if measured else None,
                facts.checks,
                facts.findings,
            )
        )
    return rows


# ---------------------------------------------------------------- as text

_WORDS = {
    "zh": {
        "title": "合规性指数 {first} 至 {last}：{index:.2f}（满分 3）",
        "head": "指标  权重  实际值  档位  得分",
        "compare": "与上年同期（{first} 至 {last}）比较：",
        "none": "上年同期无检查记录，不作比较。",
        "up": "上升",
        "down": "下降",
        "same": "持平",
        "rate_up": "升幅",
        "rate_down": "降幅",
        "rate_sep": "，",
        "earlier": "上年同期",
    },
    "en": {
        "title": "Compliance index {first} to {last}: {index:.2f} (of 3)",
        "head": "indicator  weight  value  band  score",
        "compare": "Against the same period a year earlier ({first} to {last}):",
        "none": "No inspection in the same period a year earlier: no comparison.",
        "up": "up",
        "down": "down",
        "same": "unchanged",
        "rate_up": "or",
        "rate_down": "or",
        "rate_sep": " ",
        "earlier": "a year earlier",
    },
}


def _number(value: float) -> str:
    return f"{value:,.2f}" if not float(value).is_integer() else f"{int(value):,}"


def change_words(c: PeriodChange, lang: str = "zh") -> str:
    """E.g. "发现问题 8（上年同期 12，下降 4，降幅 33.33%）" / "Findings 8 (a year earlier 12,
    down 4 or 33.33%)"."""
    w = _WORDS[lang if lang in _WORDS else "zh"]
    name, current = pick(c.name, lang), _number(c.current or 0)
    if c.previous is None or c.change is None:
        return f"{name} {current}"
    previous = _number(c.previous)
    if c.change == 0:
        move = w["same"]
    else:
        up = c.change > 0
        move = f"{w['up'] if up else w['down']} {_number(abs(c.change))}"
        if c.percent is not None:
            rate = w["rate_up"] if up else w["rate_down"]
            move += f"{w['rate_sep']}{rate} {abs(c.percent):.2f}%"
    sep = "，" if lang == "zh" else ", "
    opened, closed = ("（", "）") if lang == "zh" else (" (", ")")
    return f"{name} {current}{opened}{w['earlier']} {previous}{sep}{move}{closed}"


def to_text(result: ScoreReport, lang: str = "zh") -> str:
    """The index, each indicator's raw value, band and score, and the comparison."""
    w = _WORDS[lang if lang in _WORDS else "zh"]
    cur = result.current
    lines = [w["title"].format(first=cur.first, last=cur.last, index=cur.index), w["head"]]
    for ind in cur.indicators:
        lines.append(
            f"  {pick(ind.name, lang)}  {ind.weight:.2f}  {ind.display}  {ind.band}  {ind.score}"
        )
    if result.previous is None:
        lines.append(w["none"])
    else:
        prev = result.previous
        lines.append(w["compare"].format(first=prev.first, last=prev.last))
    lines.extend("  " + change_words(c, lang) for c in result.changes)
    return "\n".join(lines)
