"""The steps of a finding's loop (TRANSITIONS: from which states, to which, who may — from the
matrix of roles × actions), and each step taken as a new append-only row (finding_step): the database lets a
finding change state only together with such a step (migration 0005's triggers), so what happened
to a finding after its record was sealed is added, never written over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import clock
from branchcheck.db.models import Finding, FindingStep, Staff
from branchcheck.people.permissions import PERMISSIONS
from branchcheck.taxonomy import FINDING_STATES


def _who(action: str) -> tuple[str, ...]:
    return PERMISSIONS[action].who


def _never(action: str) -> tuple[str, ...]:
    return PERMISSIONS[action].not_the


@dataclass(frozen=True)
class Transition:
    """One step of the loop: the states it starts from, the state it leads to, what it needs
    besides the actor, what the audit log calls it, the words of a refusal, who may take it
    and who never may — both from the one matrix of roles × actions (people/permissions.py:
    roles, "branch_head", "recheck_roles", "close_roles", "responsible"; "result_by")."""

    from_states: tuple[str, ...]
    to_state: str
    needs: tuple[str, ...]
    audit_action: str
    doing: str
    who: tuple[str, ...]
    not_the: tuple[str, ...] = ()


TRANSITIONS: dict[str, Transition] = {
    "start_rectification": Transition(
        ("open",),
        "rectifying",
        ("action",),
        "finding.rectify",
        "start rectification",
        _who("rectify"),
    ),
    "record_result": Transition(
        ("rectifying",),
        "rectifying",
        ("result",),
        "finding.result",
        "record a result",
        _who("record_result"),
    ),
    "verify": Transition(
        ("rectifying",),
        "verified",
        ("recheck_date",),
        "finding.verify",
        "verify",
        _who("recheck"),
        _never("recheck"),
    ),
    "close": Transition(("verified",), "closed", (), "finding.close", "close", _who("close")),
    "accept_exception": Transition(
        ("open", "rectifying"),
        "exception",
        ("reason", "until"),
        "finding.exception",
        "accept as an exception",
        _who("accept_exception"),
    ),
}
# steps that change no state but follow the same rule
ADD_EVIDENCE = Transition(
    ("rectifying",),
    "rectifying",
    ("file",),
    "finding.evidence",
    "add evidence",
    _who("add_evidence"),
)
LINK_MISSED = Transition(
    tuple(FINDING_STATES),
    "",
    ("inspection",),
    "finding.missed",
    "link a missed problem",
    _who("link_missed"),
)


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
