"""The branch head's explanation of a missed obligation (explain).

Only an active person with the role branch_head may explain, only a missed obligation (its window
closed without it), and only once: a second explanation is refused, the first stays as recorded
(ObligationNote, unique per obligation). The reason is required. The explanation is audited in the
same transaction; the obligation's status becomes "explained", and it still counts as missed in
every report."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import ObligationNote
from branchcheck.errors import AnswerError, NotFoundError, StateError
from branchcheck.people.permissions import require
from branchcheck.schedule.facts import read_facts
from branchcheck.schedule.ledger import entries, env_for
from branchcheck.schedule.periods import parse_label
from branchcheck.settings import Settings
from branchcheck.views import Obligation


def explain(
    store: Store,
    key: str,
    *,
    reason: str,
    actor: str,
    now: datetime | None = None,
    settings: Settings | None = None,
    home: Path | None = None,
) -> Obligation:
    """Record why the obligation `key` was missed; returns it as it now stands (explained)."""
    text = (reason or "").strip()
    if not text:
        raise AnswerError("说明理由不能为空 / the reason is required and cannot be empty")
    env = env_for(settings, home)
    when = clock.local_or_now(now, env.settings.timezone)
    as_of = when.date()
    period = parse_label(key.rsplit(":", 1)[-1])
    with store.session() as s:
        person = require(s, actor, "explain_missed", env.settings)
        facts = read_facts(s)
        found = {e.ob.key: e.ob for e in entries(facts, env, period.first, period.last, as_of)}
        ob = found.get(key)
        if ob is None:
            raise NotFoundError(f"no obligation '{key}' in the branch's schedule")
        if ob.status == "explained":
            note = facts.notes[key]
            raise StateError(
                f"{key} 已于 {note.at[:10]} 由 {note.by} 说明，不能再次说明 / already explained "
                f"on {note.at[:10]} by {note.by}",
                hint="the first explanation stands as recorded",
            )
        if ob.status != "missed":
            raise StateError(
                f"{key} 未被判定为未履行（当前：{ob.status}），无需说明 / only a missed obligation "
                f"can be explained (this one is {ob.status})"
            )
        s.add(
            ObligationNote(
                branch_id=facts.branch_id,
                obligation_key=key,
                reason=text,
                explained_by_id=person.id,
                explained_at=clock.iso(when),
            )
        )
        audit.append(
            s,
            at=clock.iso(when),
            actor=actor,
            action="obligation.explain",
            subject=key,
            detail={"reason": text, "finding": ob.finding_id},
        )
    return replace(ob, status="explained", explanation=text)
