"""Branch-local time. Dates are the branch's local dates; times keep their offset."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

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

    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise AnswerError(f"{field}: '{text}' is not a date (YYYY-MM-DD)") from None
