"""Working days and holiday blocks of the branch's calendar, and which source answered each date.

Sources, by year:
1. official — the chinese-calendar package (the State Council's published schedules, ≤ 2026);
2. head_office — the holiday table head office distributes (holidays.json in the data home:
   {"holidays": [dates], "workdays": [make-up working days]}) for the years it names;
3. estimate — for a year neither covers, the `holidays` package's China calendar: the statutory
   days from the holiday law and the lunar calendar, with its substituted days off, but without
   the make-up working days the State Council announces each year. Every date that depends on it
   carries ESTIMATE_NOTE;
4. weekends — nothing knows the year (outside the estimate's range): Monday–Friday are working
   days, and WEEKENDS_NOTE says so.

A date the head-office table names explicitly is head office's decision (a bank-wide working
Saturday, an extra day off) and wins even in a year chinese-calendar covers; the table's other
days of such a year stay official. In a year only the table covers, the days it does not name
follow the week (Monday–Friday work). For 2025 and 2026 the estimate agrees with chinese-calendar
on every day (the package ships those years' official schedules; tests/branchcheck/test_holidays.py);
for 2027 it has the statutory days and substitutes but no make-up working Saturdays yet."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from branchcheck.errors import InputFileError

OFFICIAL, HEAD_OFFICE, ESTIMATE, WEEKENDS = "official", "head_office", "estimate", "weekends"
ESTIMATE_NOTE = {
    "zh": "按法定假日推算，以正式安排为准",
    "en": "estimated from the statutory holidays; the official schedule prevails",
}
WEEKENDS_NOTE = {
    "zh": "无节假日数据，按周末推算；请导入总行下发的节假日表",
    "en": "no holiday data: weekends assumed; import head office's holiday table",
}
LONGEST_BLOCK = 60  # days: a run of non-working days is never followed further


@dataclass(frozen=True)
class _Estimate:
    holidays: frozenset[date]
    workdays: frozenset[date]


@dataclass
class HolidayCalendar:
    holidays: set[date] = field(default_factory=set)  # the head-office table's days off
    workdays: set[date] = field(default_factory=set)  # the table's make-up working days
    warnings: set[int] = field(default_factory=set)  # years answered by weekends alone
    estimated: set[int] = field(default_factory=set)  # years answered by the estimate
    _years: dict[int, str] = field(default_factory=dict, repr=False)
    _estimates: dict[int, _Estimate] = field(default_factory=dict, repr=False)
    _days: dict[date, bool] = field(default_factory=dict, repr=False)  # is_workday, computed once

    # ------------------------------------------------------------ which source answers

    def year_source(self, year: int) -> str:
        """The source that answers the dates of `year` the table does not name."""
        known = self._years.get(year)
        if known is None:
            known = self._find_source(year)
            self._years[year] = known
        return known

    def _find_source(self, year: int) -> str:
        import chinese_calendar

        try:
            chinese_calendar.is_workday(date(year, 7, 1))
            return OFFICIAL
        except NotImplementedError:
            pass
        if any(d.year == year for d in self.holidays | self.workdays):
            return HEAD_OFFICE
        if self._estimate(year).holidays:
            return ESTIMATE
        return WEEKENDS

    def _estimate(self, year: int) -> _Estimate:
        est = self._estimates.get(year)
        if est is None:
            import holidays as statutory

            cn = statutory.China(years=year)
            est = _Estimate(
                frozenset(d for d in cn if d.year == year),
                frozenset(d for d in cn.weekend_workdays if d.year == year),
            )
            self._estimates[year] = est
        return est

    def source(self, d: date) -> str:
        """official, head_office, estimate or weekends: what answered whether `d` is a working day."""
        if d in self.holidays or d in self.workdays:
            return HEAD_OFFICE
        return self.year_source(d.year)

    def note(self, days: Iterable[date]) -> dict[str, str] | None:
        """The words to show where a result depends on `days`: None when every one is official or
        head office's; else the estimate's note, or the weekends' note when that is worse."""
        sources = {self.source(d) for d in days}
        if WEEKENDS in sources:
            return WEEKENDS_NOTE
        if ESTIMATE in sources:
            return ESTIMATE_NOTE
        return None

    def worst_source(self, days: Iterable[date]) -> str:
        order = (OFFICIAL, HEAD_OFFICE, ESTIMATE, WEEKENDS)
        return max((self.source(d) for d in days), key=order.index, default=OFFICIAL)

    # ------------------------------------------------------------ the days

    def is_workday(self, d: date) -> bool:
        known = self._days.get(d)
        if known is None:
            known = self._days[d] = self._workday(d)
        return known

    def _workday(self, d: date) -> bool:
        if d in self.holidays:
            return False
        if d in self.workdays:
            return True
        src = self.year_source(d.year)
        if src == OFFICIAL:
            import chinese_calendar

            return bool(chinese_calendar.is_workday(d))
        if src == ESTIMATE:
            self.estimated.add(d.year)
            est = self._estimate(d.year)
            return d in est.workdays or (d.weekday() < 5 and d not in est.holidays)
        if src == WEEKENDS:
            self.warnings.add(d.year)
        return d.weekday() < 5

    def covered(self, d: date) -> bool:
        """True when official data or the head-office table knows this date's year."""
        return self.source(d) in (OFFICIAL, HEAD_OFFICE)

    def warning_text(self) -> str | None:
        """One line about the years answered so far by the estimate or by weekends alone."""
        parts = []
        if self.estimated:
            years = ", ".join(str(y) for y in sorted(self.estimated))
            parts.append(f"{years} 年{ESTIMATE_NOTE['zh']} / {years}: {ESTIMATE_NOTE['en']}")
        if self.warnings:
            years = ", ".join(str(y) for y in sorted(self.warnings))
            parts.append(f"{years} 年{WEEKENDS_NOTE['zh']} / {years}: {WEEKENDS_NOTE['en']}")
        return "；".join(parts) or None

    def last_workday_before(self, d: date) -> date:
        day = d - timedelta(days=1)
        while not self.is_workday(day):
            day -= timedelta(days=1)
        return day

    def block_from(self, start: date) -> int:
        """Length of the run of non-working days beginning at start."""
        n = 0
        while not self.is_workday(start + timedelta(days=n)) and n < LONGEST_BLOCK:
            n += 1
        return n

    def block_days(self, start: date) -> list[date]:
        return [start + timedelta(days=i) for i in range(self.block_from(start))]

    def holiday_blocks(self, first: date, last: date, min_days: int) -> list[tuple[date, int]]:
        """(start, length) of each run of ≥ min_days non-working days that starts in [first, last]."""
        out = []
        day = first
        while day <= last:
            if not self.is_workday(day) and self.is_workday(day - timedelta(days=1)):
                n = self.block_from(day)
                if n >= min_days:
                    out.append((day, n))
                day += timedelta(days=max(n, 1))
            else:
                day += timedelta(days=1)
        return out

    def workdays_between(self, first: date, last: date) -> list[date]:
        return [
            first + timedelta(days=i)
            for i in range((last - first).days + 1)
            if self.is_workday(first + timedelta(days=i))
        ]

    def last_workday_of_week(self, d: date) -> date:
        monday = d - timedelta(days=d.weekday())
        day = monday + timedelta(days=6)
        while day >= monday and not self.is_workday(day):
            day -= timedelta(days=1)
        return day if day >= monday else monday + timedelta(days=4)


def load_calendar(home: Path | None) -> HolidayCalendar:
    cal = HolidayCalendar()
    if home is None:
        return cal
    path = home / "holidays.json"
    if not path.exists():
        return cal
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        cal.holidays = {date.fromisoformat(x) for x in raw.get("holidays", [])}
        cal.workdays = {date.fromisoformat(x) for x in raw.get("workdays", [])}
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise InputFileError(f"{path}: cannot read the holiday table ({exc})") from None
    return cal
