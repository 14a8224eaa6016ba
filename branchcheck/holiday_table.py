"""Head office's holiday table (holidays.json in the data folder, read by branchcheck.holidays):
what the branch has, and a new table imported after checking every date, written atomically and
audited (permission change_settings, like the settings)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.errors import InputFileError
from branchcheck.people.permissions import require
from branchcheck.settings import load_settings, write_atomically

MAX_HOLIDAY_FILE = 256 * 1024  # bytes: a table of a few years is a few kilobytes
MAX_HOLIDAY_DATES = 2000
HOLIDAY_YEARS = (2000, 2100)


@dataclass(frozen=True)
class HolidayTable:
    """The head office's holiday table in the data folder: the years it names and its counts
    (none: no table imported yet)."""

    years: list[int]
    holidays: int
    workdays: int


def holiday_table(home: Path) -> HolidayTable:
    from branchcheck.holidays import load_calendar

    cal = load_calendar(home)
    years = sorted({d.year for d in cal.holidays | cal.workdays})
    return HolidayTable(years, len(cal.holidays), len(cal.workdays))


def _dates(raw: Any, key: str, words: tuple[str, str]) -> set[date]:
    if not isinstance(raw, list):
        raise InputFileError(f"“{key}”须为日期列表 / '{key}' must be a list of dates")
    out: set[date] = set()
    for n, item in enumerate(raw, 1):
        try:
            day = date.fromisoformat(item) if isinstance(item, str) and len(item) == 10 else None
        except ValueError:
            day = None
        if day is None:
            shown = repr(item)[:30]
            raise InputFileError(
                f"第 {n} 个{words[0]} {shown} 不是日期（YYYY-MM-DD） / {words[1]} {n}: {shown} "
                "is not a date (YYYY-MM-DD)"
            )
        if not HOLIDAY_YEARS[0] <= day.year <= HOLIDAY_YEARS[1]:
            raise InputFileError(
                f"第 {n} 个{words[0]} {day} 不在 {HOLIDAY_YEARS[0]}–{HOLIDAY_YEARS[1]} 年 / "
                f"{words[1]} {n}: {day} is outside {HOLIDAY_YEARS[0]}–{HOLIDAY_YEARS[1]}"
            )
        out.add(day)
    return out


def read_holiday_table(path: Path) -> tuple[set[date], set[date]]:
    """The days off and make-up working days of a head-office table ({"holidays": [dates],
    "workdays": [dates]}), every date checked; an InputFileError naming the file and entry."""
    try:
        if path.stat().st_size > MAX_HOLIDAY_FILE:
            raise InputFileError(
                f"{path}: 节假日表过大 / the holiday table is larger than "
                f"{MAX_HOLIDAY_FILE // 1024} KB"
            )
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputFileError(
            f"{path}: 无法读取节假日表 / cannot read the holiday table ({exc})"
        ) from None
    if not isinstance(raw, dict) or not set(raw) <= {"holidays", "workdays"} or not raw:
        raise InputFileError(
            f'{path}: 节假日表须为 {{"holidays": [...], "workdays": [...]}} / the holiday table '
            'must be {"holidays": [dates], "workdays": [dates]}'
        )
    try:
        holidays = _dates(raw.get("holidays", []), "holidays", ("休息日", "holiday"))
        workdays = _dates(raw.get("workdays", []), "workdays", ("调休上班日", "working day"))
        if len(holidays) + len(workdays) > MAX_HOLIDAY_DATES:
            raise InputFileError(f"more than {MAX_HOLIDAY_DATES} dates")
    except InputFileError as exc:
        raise InputFileError(f"{path}: {exc.message}") from None
    both = sorted(holidays & workdays)
    if both:
        raise InputFileError(
            f"{path}: {both[0]} 既是休息日又是上班日 / {both[0]} is both a holiday and a working day"
        )
    return holidays, workdays


def import_holidays(store: Store, home: Path, *, actor: str, path: Path) -> HolidayTable:
    """Check head office's holiday table at `path` and make it the branch's (home/holidays.json,
    written atomically), audited (settings.holidays: the file's SHA-256 and what it names) when
    `actor` may change settings. A refused file changes nothing."""
    settings = load_settings(home)
    with store.session() as s:
        require(s, actor, "change_settings", settings)
    holidays, workdays = read_holiday_table(Path(path))
    text = json.dumps(
        {"holidays": sorted(map(str, holidays)), "workdays": sorted(map(str, workdays))},
        indent=1,
    )
    table = HolidayTable(
        sorted({d.year for d in holidays | workdays}), len(holidays), len(workdays)
    )
    with store.session() as s:
        require(s, actor, "change_settings", settings)
        audit.append(
            s,
            at=clock.iso(clock.now(settings.timezone)),
            actor=actor,
            action="settings.holidays",
            subject="holidays",
            detail={
                "file": Path(path).name,
                "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest(),
                "years": table.years,
                "holidays": table.holidays,
                "workdays": table.workdays,
            },
        )
        write_atomically(home / "holidays.json", text)
    return table
