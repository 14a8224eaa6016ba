"""Branch-local time. Dates are the branch's local dates; times keep their offset."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

DEFAULT_TZ = "Asia/Shanghai"


def now(tz: str = DEFAULT_TZ) -> datetime:
    return datetime.now(ZoneInfo(tz)).replace(microsecond=0)


def local(dt: datetime, tz: str = DEFAULT_TZ) -> datetime:
    if dt.tzinfo is None:
        return dt.replace(tzinfo=ZoneInfo(tz))
    return dt.astimezone(ZoneInfo(tz))


def local_or_now(dt: datetime | None, tz: str = DEFAULT_TZ) -> datetime:
    """The branch-local time of an action: `dt` when given (a late entry, the demo's history), else
    now."""
    return local(dt, tz) if dt else now(tz)


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def parse_date(text: str, *, field: str = "date") -> date:
    from branchcheck.errors import AnswerError

    typed = str(text).strip()
    try:
        if not _ISO_DAY.fullmatch(typed):  # fromisoformat also takes 20261201 or 2026-W48-1
            raise ValueError(typed)
        return date.fromisoformat(typed)
    except ValueError:
        raise AnswerError(f"{field}: '{text}' is not a date (YYYY-MM-DD)") from None


def check_period(first: date, last: date, today: date) -> None:
    """A period a report or package can cover: first ≤ last, last not after today (AnswerError,
    in the words of the --from / --to options)."""
    from branchcheck.errors import AnswerError

    if first > last:
        raise AnswerError(
            f"起始日期 {first} 晚于截止日期 {last} / --from {first} is after --to {last}"
        )
    if last > today:
        raise AnswerError(
            f"截止日期 {last} 在未来（今天是 {today}）/ --to {last} is in the future (today is "
            f"{today})"
        )
