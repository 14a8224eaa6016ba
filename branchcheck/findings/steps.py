"""Each step of a finding's loop as a new append-only row (finding_step): the database lets a
finding change state only together with such a step (migration 0005's triggers), so what happened
to a finding after its record was sealed is added, never written over."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import clock
from branchcheck.db.models import Finding, FindingStep, Staff


def record_step(
    s: Session,
    f: Finding,
    step: str,
    to_state: str,
    *,
    actor: str,
    now: datetime,
    fields: dict[str, Any],
) -> None:
    """The step as a new append-only row (finding_step), written before the finding's own row
    changes: the database lets a finding change state only by such a step."""
    person = s.scalar(select(Staff).where(Staff.employee_no == actor))
    s.add(
        FindingStep(
            finding_id=f.id,
            step=step,
            from_state=f.state,
            to_state=to_state or f.state,
            actor_id=person.id if person is not None else None,
            actor=actor,
            on_date=now.date().isoformat(),
            fields=fields,
            recorded_at=clock.iso(now),
        )
    )
    s.flush()
