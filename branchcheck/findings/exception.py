"""例外接受: the branch head accepts a finding as an exception, with a reason, until a date; at
expiry it reopens.

- Taken from open or rectifying (a finding already re-checked or closed needs no exception);
  the reason is required; the expiry is after today and at most MAX_DAYS (one year) ahead: an
  exception is a decision for a while, reviewed at least yearly, never forever.
- Reopening is computed on read (reading.state_on: past its expiry a finding reads and counts as
  open again, overdue by its due date) and made real by reopen_expired, which the findings list
  command and the window's findings screen call before they read; any loop step on an expired
  exception reopens it first (loop.load).

The ORM loads only when something is written: the findings list command calls reopen_expired
and stays a read-only SQL path while no exception has expired."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from branchcheck import clock
from branchcheck.db import Store
from branchcheck.errors import AnswerError
from branchcheck.findings.reading import expired_exceptions, get_finding

if TYPE_CHECKING:
    from branchcheck.db.models import Finding
    from branchcheck.views import FindingView

MAX_DAYS = 366
SYSTEM_ACTOR = "system"


def accept_exception(
    store: Store,
    finding_id: str,
    *,
    reason: str,
    until: date,
    actor: str,
    now: datetime | None = None,
) -> FindingView:
    """open or rectifying → exception, by the branch head, with a reason, until `until`."""
    from branchcheck.findings.loop import TRANSITIONS, change, load, text_of
    from branchcheck.people.register import find_staff

    now = clock.local_or_now(now)
    text = text_of(reason, "例外接受理由 (reason)")
    today = now.date()
    if until <= today:
        raise AnswerError(
            f"例外接受到期日 {until.isoformat()} 须晚于今天 {today.isoformat()} / the expiry "
            "date (--until) must be after today"
        )
    if until > today + timedelta(days=MAX_DAYS):
        raise AnswerError(
            f"例外接受到期日 {until.isoformat()} 超过一年 / the expiry date (--until) is more "
            f"than {MAX_DAYS} days ahead (latest {(today + timedelta(days=MAX_DAYS)).isoformat()})"
        )
    step = TRANSITIONS["accept_exception"]
    with store.session() as s:
        f = load(s, finding_id, step, actor, now)
        f.exception_reason = text
        f.exception_until = until.isoformat()
        f.exception_by = find_staff(s, actor)
        change(
            s,
            f,
            step,
            actor=actor,
            now=now,
            detail={"reason": text, "until": f.exception_until},
        )
        fid = f.id
    return get_finding(store, fid, as_of=today)


def reopen_expired(store: Store, as_of: date, now: datetime | None = None) -> list[str]:
    """Reopen every accepted exception whose expiry date is before `as_of` (to the state it was
    taken from, with an audit entry each); returns their IDs."""
    ids = expired_exceptions(store, as_of)
    if not ids:
        return []
    from branchcheck.db.models import Finding
    from branchcheck.findings.loop import reopen_if_expired

    now = clock.local_or_now(now)
    with store.session() as s:
        return [
            fid
            for fid in ids
            if reopen_if_expired(
                s, _found(s.get(Finding, fid)), as_of=as_of, now=now, actor=SYSTEM_ACTOR
            )
        ]


def _found(f: Finding | None) -> Finding:
    assert f is not None  # listed just now
    return f
