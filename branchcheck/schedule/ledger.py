"""What the schedule asks of the branch, period by period, and how each obligation stands.

Each template's `schedule:` (the setting schedule_periods overrides a periodic one's period;
expected_events gives an events checklist an expected count per day or week) makes obligations:

- weekly (vault check): one per ISO week (Monday–Sunday) that has a working day; due on the week's
  last working day, overdue after it while the week lasts, missed once the week is over. A week
  of holidays only asks nothing.
- teller coverage: the tellers on duty that week — on duty on at least one of its working days:
  holding the teller post that day (StaffPost history where the person has one, else every day
  for active staff with the role teller) and not absent (StaffAbsence) — each named in the tellers
  slot of a vault check of that week. A teller who takes the post mid-week is on duty from that
  day; one absent on every working day of the week is not. expected = tellers on duty, count =
  those covered, uncovered = the rest. Same window as the weekly check.
- pre-holiday: on the last working day before each block of ≥ settings.pre_holiday_min_days
  non-working days, a vault check on that very day (due that day, missed the day after).
- periodic: one per period; due on its last working day, overdue until the period ends.
- events: only where expected_events names the checklist: expected = the count per day or week,
  count = the records; a day's window is that day, a week's as the weekly check's.

A record counts when completed or sealed (branchcheck.schedule.facts) and dated on or before
as_of. An obligation whose window closed before the branch's first record (any status) is none:
a new branch has no history of misses; with no record at all, only windows still open on as_of
count. A missed obligation the branch head explained (ObligationNote) is "explained", still a miss.
Where a date depends on the estimated holiday calendar, calendar_note says so."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from branchcheck.checklists.schema import PERIODS, Schedule
from branchcheck.db import Store
from branchcheck.errors import InputFileError
from branchcheck.holidays import HolidayCalendar, load_calendar
from branchcheck.schedule.facts import CountedRecord, ScheduleFacts, read_facts
from branchcheck.schedule.periods import Period, periods
from branchcheck.settings import Settings
from branchcheck.taxonomy import OBLIGATION_REASONS, OBLIGATION_STATUSES
from branchcheck.views import Obligation, PersonName

VAULT = "vault_check"
TELLERS_SLOT = "tellers"
RECENT_MISS_DAYS = 28  # `due` lists misses whose window closed this many days before as_of
REASON_NAMES = OBLIGATION_REASONS  # the taxonomy's words, shared with the window
STATUS_NAMES = OBLIGATION_STATUSES


@dataclass(frozen=True)
class Entry:
    """An obligation with what its view leaves out: when its window closes, the block it is the
    eve of (pre-holiday)."""

    ob: Obligation
    closes: date
    detail: dict[str, str | int] = field(default_factory=dict)


@dataclass
class Env:
    settings: Settings
    calendar: HolidayCalendar
    schedules: dict[str, Schedule]
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # checklist → its title


def env_for(settings: Settings | None, home: Path | None) -> Env:
    from branchcheck.engine.validate import load_all
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    home = home or data_home()
    templates = load_all()
    schedules = {k: t.template.schedule for k, t in templates.items() if t.template.schedule}
    titles = {k: t.template.title.as_dict() for k, t in templates.items()}
    return Env(settings or load_settings(home), load_calendar(home), schedules, titles)


# ---------------------------------------------------------------- public


def obligations(
    store: Store,
    first: date,
    last: date,
    *,
    as_of: date,
    settings: Settings | None = None,
    home: Path | None = None,
) -> list[Obligation]:
    """Every obligation whose period overlaps [first, last], its status as of as_of."""
    env = env_for(settings, home)
    with store.session() as s:
        facts = read_facts(s)
    return [e.ob for e in entries(facts, env, first, last, as_of)]


def due(
    store: Store, as_of: date, *, settings: Settings | None = None, home: Path | None = None
) -> list[Obligation]:
    """What the `due` command lists on as_of: every obligation whose window is open on as_of
    (due, overdue or already done), the pre-holiday checks of the next
    settings.pre_holiday_lookahead_days days, and the misses (missed or explained) whose window
    closed in the RECENT_MISS_DAYS days before as_of."""
    env = env_for(settings, home)
    with store.session() as s:
        facts = read_facts(s)
    ahead = as_of + timedelta(days=env.settings.pre_holiday_lookahead_days)
    out = []
    for e in entries(facts, env, as_of - timedelta(days=RECENT_MISS_DAYS + 92), ahead, as_of):
        start = date.fromisoformat(e.ob.period_start)
        if (
            start <= as_of <= e.closes
            or (e.ob.reason == "pre_holiday" and as_of <= e.closes <= ahead)
            or (
                e.ob.status in ("missed", "explained")
                and as_of - timedelta(days=RECENT_MISS_DAYS) <= e.closes < as_of
            )
        ):
            out.append(e.ob)
    return out


# ---------------------------------------------------------------- computing


def entries(facts: ScheduleFacts, env: Env, first: date, last: date, as_of: date) -> list[Entry]:
    """The obligations of [first, last] with their windows, in order of due date."""
    made: list[Entry] = []
    for checklist, sched in sorted(env.schedules.items()):
        if sched.kind == "weekly":
            made += _weekly(facts, env, checklist, sched, first, last, as_of)
        elif sched.kind == "periodic":
            made += _periodic(
                facts, env, checklist, _period(env, checklist, sched), first, last, as_of
            )
        else:
            made += _events(facts, env, checklist, first, last, as_of)
    start = facts.first_record or as_of
    kept = [_finish(e, facts, as_of) for e in made if e.closes >= start]
    return sorted(kept, key=lambda e: (e.ob.due_on, e.ob.checklist, e.ob.reason))


def _period(env: Env, checklist: str, sched: Schedule) -> str:
    """A periodic checklist's period: the setting schedule_periods, else its template's."""
    chosen = env.settings.schedule_periods.get(checklist)
    if chosen is None:
        return sched.period or "monthly"
    if chosen not in PERIODS:
        raise InputFileError(
            f"settings schedule_periods: {checklist}: '{chosen}' is not one of {', '.join(PERIODS)}"
        )
    return chosen


def _finish(e: Entry, facts: ScheduleFacts, as_of: date) -> Entry:
    """Status from the dates, the explanation and the finding made of a miss."""
    ob = e.ob
    if ob.count >= ob.expected:
        status = "done"
    elif as_of <= date.fromisoformat(ob.due_on):
        status = "due"
    elif as_of <= e.closes:
        status = "overdue"
    else:
        status = "explained" if ob.key in facts.notes else "missed"
    note = facts.notes.get(ob.key)
    return replace(
        e,
        ob=replace(
            ob,
            status=status,
            explanation=note.reason if note else "",
            finding_id=facts.findings.get(ob.key),
        ),
    )


def _base(
    env: Env,
    checklist: str,
    reason: str,
    period: Period,
    due_on: date,
    calendar_days: list[date],
    done: list[CountedRecord],
) -> Obligation:
    cal = env.calendar
    return Obligation(
        key=f"{checklist}:{reason}:{period.label}",
        checklist=checklist,
        reason=reason,
        period_start=period.first.isoformat(),
        due_on=due_on.isoformat(),
        status="due",
        records=tuple(r.id for r in done),
        done_on=done[0].local_date.isoformat() if done else None,
        expected=1,
        count=min(len(done), 1),
        calendar_source=cal.worst_source(calendar_days),
        calendar_note=cal.note(calendar_days),
    )


def _weekly(
    facts: ScheduleFacts,
    env: Env,
    checklist: str,
    sched: Schedule,
    first: date,
    last: date,
    as_of: date,
) -> list[Entry]:
    cal = env.calendar
    out: list[Entry] = []
    for week in periods("weekly", first, last):
        work = cal.workdays_between(week.first, week.last)
        if not work:
            continue
        done = facts.of(checklist, week.first, min(week.last, as_of))
        out.append(
            Entry(_base(env, checklist, "weekly", week, work[-1], week.days(), done), week.last)
        )
        if sched.teller_coverage:
            coverage = _coverage(facts, env, checklist, week, work, done)
            if coverage is not None:
                out.append(coverage)
    if sched.pre_holiday:
        out += _pre_holiday(facts, env, checklist, first, last, as_of)
    return out


def _coverage(
    facts: ScheduleFacts,
    env: Env,
    checklist: str,
    week: Period,
    work: list[date],
    done: list[CountedRecord],
) -> Entry | None:
    on_duty = [t for t in facts.tellers if any(t.on_duty(d) for d in work)]
    if not on_duty:
        return None
    wanted = {t.employee_no for t in on_duty}
    covered: set[str] = set()
    done_on: str | None = None
    for r in done:
        covered |= r.people.get(TELLERS_SLOT, frozenset())
        if done_on is None and wanted <= covered:
            done_on = r.local_date.isoformat()
    base = _base(env, checklist, "teller_coverage", week, work[-1], week.days(), done)
    ob = replace(
        base,
        records=tuple(r.id for r in done if r.people.get(TELLERS_SLOT, frozenset()) & wanted),
        done_on=done_on,
        expected=len(wanted),
        count=len(wanted & covered),
        uncovered=tuple(
            PersonName(t.employee_no, t.name) for t in on_duty if t.employee_no not in covered
        ),
    )
    return Entry(ob, week.last)


def _pre_holiday(
    facts: ScheduleFacts, env: Env, checklist: str, first: date, last: date, as_of: date
) -> list[Entry]:
    cal = env.calendar
    out = []
    min_days = env.settings.pre_holiday_min_days
    for start, days in cal.holiday_blocks(
        first + timedelta(days=1), last + timedelta(days=1), min_days
    ):
        eve = cal.last_workday_before(start)
        done = facts.of(checklist, eve, eve) if eve <= as_of else []
        block = cal.block_days(start)
        ob = _base(
            env,
            checklist,
            "pre_holiday",
            Period(eve.isoformat(), eve, eve),
            eve,
            [eve, *block],
            done,
        )
        out.append(Entry(ob, eve, {"holiday_start": start.isoformat(), "days": days}))
    return out


def _periodic(
    facts: ScheduleFacts, env: Env, checklist: str, kind: str, first: date, last: date, as_of: date
) -> list[Entry]:
    cal = env.calendar
    out = []
    for p in periods(kind, first, last):
        work = cal.workdays_between(p.first, p.last)
        if not work:
            continue
        done = facts.of(checklist, p.first, min(p.last, as_of))
        out.append(Entry(_base(env, checklist, "periodic", p, work[-1], p.days(), done), p.last))
    return out


def _events(
    facts: ScheduleFacts, env: Env, checklist: str, first: date, last: date, as_of: date
) -> list[Entry]:
    spec = env.settings.expected_events.get(checklist)
    if not spec:
        return []
    per = "day" if spec.get("per") == "day" else "weekly"
    expected = int(spec.get("count", 1))
    cal = env.calendar
    out = []
    for p in periods(per, first, last):
        work = cal.workdays_between(p.first, p.last)
        if not work:
            continue
        done = facts.of(checklist, p.first, min(p.last, as_of))
        base = _base(env, checklist, "events", p, work[-1], p.days(), done)
        done_on = done[expected - 1].local_date.isoformat() if len(done) >= expected else None
        ob = replace(base, expected=expected, count=len(done), done_on=done_on)
        out.append(Entry(ob, p.last))
    return out
