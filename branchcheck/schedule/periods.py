"""The periods of a schedule and their labels: ISO weeks (2026-W05), months (2026-11), quarters
(2026-Q4), years (2026) and days (2026-11-19). A label names its period both ways."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from branchcheck.errors import NotFoundError


@dataclass(frozen=True)
class Period:
    label: str
    first: date
    last: date

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]


def week_of(d: date) -> Period:
    monday = d - timedelta(days=d.weekday())
    year, week, _ = d.isocalendar()
    return Period(f"{year}-W{week:02d}", monday, monday + timedelta(days=6))


def _month(year: int, month: int) -> Period:
    first = date(year, month, 1)
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return Period(f"{year}-{month:02d}", first, nxt - timedelta(days=1))


def _quarter(year: int, q: int) -> Period:
    first = date(year, 3 * q - 2, 1)
    last = _month(year, 3 * q).last
    return Period(f"{year}-Q{q}", first, last)


def period_of(kind: str, d: date) -> Period:
    """The period of `kind` (day, weekly, monthly, quarterly, yearly) that holds `d`."""
    if kind == "day":
        return Period(d.isoformat(), d, d)
    if kind == "weekly":
        return week_of(d)
    if kind == "monthly":
        return _month(d.year, d.month)
    if kind == "quarterly":
        return _quarter(d.year, (d.month - 1) // 3 + 1)
    if kind == "yearly":
        return Period(str(d.year), date(d.year, 1, 1), date(d.year, 12, 31))
    raise NotFoundError(
        f"no such schedule period '{kind}' (day, weekly, monthly, quarterly, yearly)"
    )


def periods(kind: str, first: date, last: date) -> list[Period]:
    """Every period of `kind` that overlaps [first, last], in order."""
    out: list[Period] = []
    day = first
    while day <= last:
        p = period_of(kind, day)
        out.append(p)
        day = p.last + timedelta(days=1)
    return out


_LABELS = (
    (re.compile(r"(\d{4})-W(\d{2})"), "weekly"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarterly"),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"(\d{4})-(\d{2})"), "monthly"),
    (re.compile(r"(\d{4})"), "yearly"),
)


def parse_label(label: str) -> Period:
    """The period a label names; NotFoundError for anything else."""
    for pattern, kind in _LABELS:
        m = pattern.fullmatch(label)
        if not m:
            continue
        try:
            if kind == "weekly":
                return week_of(date.fromisocalendar(int(m[1]), int(m[2]), 1))
            if kind == "quarterly":
                return _quarter(int(m[1]), int(m[2]))
            if kind == "day":
                return period_of("day", date(int(m[1]), int(m[2]), int(m[3])))
            if kind == "monthly":
                return _month(int(m[1]), int(m[2]))
            return period_of("yearly", date(int(m[1]), 1, 1))
        except ValueError:
            break
    raise NotFoundError(f"'{label}' names no period (e.g. 2026-W05, 2026-11, 2026-Q4, 2026-11-19)")
