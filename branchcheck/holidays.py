"""Working days and holiday blocks of the branch's calendar.

Sources, in order: a holiday table head office distributes (holidays.json in the data home:
{"holidays": [dates], "workdays": [make-up working days]}), then the chinese-calendar package
(2004–2026), then plain weekends — and that last case is reported as a warning, because a
statutory holiday may be missed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from branchcheck.errors import InputFileError


@dataclass
class HolidayCalendar:
    holidays: set[date] = field(default_factory=set)
    workdays: set[date] = field(default_factory=set)
    warnings: set[int] = field(default_factory=set)  # years with no holiday data at all

    def is_workday(self, d: date) -> bool:
        if d in self.holidays:
            return False
        if d in self.workdays:
            return True
        try:
            import chinese_calendar

            return chinese_calendar.is_workday(d)
        except NotImplementedError:
            self.warnings.add(d.year)
            return d.weekday() < 5

    def covered(self, d: date) -> bool:
        """True when the table or the package knows this date's year."""
        if any(h.year == d.year for h in self.holidays | self.workdays):
            return True
        try:
            import chinese_calendar

            chinese_calendar.is_workday(d)
            return True
        except NotImplementedError:
            return False

    def warning_text(self) -> str | None:
        if not self.warnings:
            return None
        years = ", ".join(str(y) for y in sorted(self.warnings))
        return (
            f"没有 {years} 年的节假日数据，按周末推算；请导入总行下发的节假日表。"
            f" / No holiday data for {years}: weekends assumed; import head office's holiday table."
        )

    def last_workday_before(self, d: date) -> date:
        day = d - timedelta(days=1)
        while not self.is_workday(day):
            day -= timedelta(days=1)
        return day

    def block_from(self, start: date) -> int:
        """Length of the run of non-working days beginning at start."""
        n = 0
        while not self.is_workday(start + timedelta(days=n)) and n < 60:
            n += 1
        return n

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
