"""Findings made when an inspection is completed, and the steps of their closed loop.

- 开始整改 needs the 整改措施 (action); 登记整改结果 stores the 整改结果 (result), which verification
  requires; 复查确认 names the 复查人 — a person in the staff register who is NOT the finding's
  整改责任人 (the person who rectified) — and the 复查日期, neither before the finding was made nor
  in the future; only a verified finding is closed. TRANSITIONS is the one table of these steps.
- Any other step is refused with a StateError naming the current state and the allowed next step;
  bad input is refused before anything changes. Every change is one transaction with its entry in
  the hash-chained audit log; the step returns the finding as read afterwards.
- Only findings of a sealed record move through the loop: until then an inspection may be reopened
  and its findings made anew, so work on them could be lost.
- The findings of a sealed record are outside the seal: the sealed record keeps each finding as it
  was at sealing (state 待整改), and the rectification recorded here never changes the record, its
  PDF or its workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, aliased

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Finding, Inspection
from branchcheck.errors import AnswerError, PeopleRuleError, StateError
from branchcheck.findings.reading import get_finding, resolve_id
from branchcheck.people.register import find_staff
from branchcheck.taxonomy import FINDING_STATES
from branchcheck.views import FindingView

if TYPE_CHECKING:
    from branchcheck.engine.evaluate import FindingDraft

NEXT_STEP = {
    "open": "开始整改 (start the rectification with its action)",
    "rectifying": "登记整改结果, then 复查确认 (record the result, then have it re-checked)",
    "verified": "关闭 (close)",
    "closed": "none: the finding is closed",
}


@dataclass(frozen=True)
class Transition:
    """One step of the loop: the state it starts from, the state it leads to, what it needs
    besides the actor, what the audit log calls it, and the words of a refusal."""

    from_state: str
    to_state: str
    needs: tuple[str, ...]
    audit_action: str
    doing: str


TRANSITIONS: dict[str, Transition] = {
    "start_rectification": Transition(
        "open", "rectifying", ("action",), "finding.rectify", "start rectification"
    ),
    "record_result": Transition(
        "rectifying", "rectifying", ("result",), "finding.result", "record a result"
    ),
    "verify": Transition(
        "rectifying", "verified", ("rechecker", "recheck_date"), "finding.verify", "verify"
    ),
    "close": Transition("verified", "closed", (), "finding.close", "close"),
}


def _state_name(state: str) -> str:
    names = FINDING_STATES.get(state, {"zh": state, "en": state})
    return f"{names['zh']} ({names['en'].lower()})"


# ---------------------------------------------------------------- making (on complete)


def record_findings(
    s: Session, insp: Inspection, drafts: list[FindingDraft], *, now: datetime
) -> list[Finding]:
    """The findings of a completed inspection, made anew. The same problem in an earlier version of
    this record is the same finding, carried over with its rectification; in another record of the
    branch it is a repeat (屡查屡犯) — a sealed record, as it stands (not replaced by a sealed
    correction), dated no later than this one. A draft, in progress or completed, may still change
    or be thrown away: it is no earlier occurrence."""
    s.execute(delete(Finding).where(Finding.inspection_id == insp.id))
    versions = earlier_versions(s, insp)
    correction = aliased(Inspection)
    earlier_records = select(Inspection.id).where(
        Inspection.branch_id == insp.branch_id,
        Inspection.status == "sealed",
        Inspection.local_date <= insp.local_date,
        Inspection.id.not_in([insp.id, *versions]),
        ~exists().where(correction.supersedes_id == Inspection.id, correction.status == "sealed"),
    )
    made = []
    for draft in drafts:
        carried = s.scalars(
            select(Finding)
            .where(Finding.inspection_id.in_(versions), Finding.problem_key == draft.problem_key)
            .order_by(Finding.created_at.desc())
            .limit(1)
        ).first()
        earlier = s.scalars(
            select(Finding.id)
            .where(
                Finding.problem_key == draft.problem_key,
                Finding.inspection_id.in_(earlier_records),
            )
            .limit(1)
        ).first()
        finding = Finding(
            inspection_id=insp.id,
            branch_id=insp.branch_id,
            checklist_key=insp.template.key,
            item_key=draft.item_key,
            problem_key=draft.problem_key,
            title=draft.title,
            severity=draft.severity,
            risk_driver=draft.risk_driver,
            responsible_id=find_staff(s, draft.responsible).id if draft.responsible else None,
            due_date=draft.due_date,
            repeat=earlier is not None,
            created_at=clock.iso(now),
        )
        if carried is not None:
            finding.state, finding.action, finding.result = (
                carried.state,
                carried.action,
                carried.result,
            )
            finding.rechecker_id, finding.recheck_date = carried.rechecker_id, carried.recheck_date
            finding.due_date, finding.repeat = carried.due_date, carried.repeat
        s.add(finding)
        made.append(finding)
    return made


def earlier_versions(s: Session, insp: Inspection) -> list[str]:
    """IDs of the records this one corrects, directly or through earlier corrections."""
    out: list[str] = []
    current = insp.supersedes_id
    while current and current not in out:
        out.append(current)
        current = s.scalar(select(Inspection.supersedes_id).where(Inspection.id == current))
    return out


# ---------------------------------------------------------------- changing


def _get(s: Session, finding_id: str) -> Finding:
    found = s.get(Finding, resolve_id(s, finding_id))
    assert found is not None  # resolved just now, in the same transaction
    return found


def _refuse(f: Finding, doing: str) -> StateError:
    return StateError(
        f"finding {f.id[:8]} is {_state_name(f.state)}: cannot {doing}",
        hint=f"next step: {NEXT_STEP.get(f.state, '?')}",
    )


def _load(s: Session, finding_id: str, step: Transition) -> Finding:
    doing = step.doing
    f = _get(s, finding_id)
    insp = s.get(Inspection, f.inspection_id)
    if insp is None or insp.status != "sealed":
        raise StateError(
            f"finding {f.id[:8]} belongs to an inspection that is not sealed yet: cannot {doing}",
            hint="the rectification starts once the people involved have signed and the record "
            "is sealed (风险认定)",
        )
    if f.state != step.from_state:
        raise _refuse(f, doing)
    return f


def _text(value: str | None, name: str) -> str:
    text = (value or "").strip()
    if not text:
        raise AnswerError(f"{name} is required and cannot be empty")
    return text


def _change(
    s: Session, f: Finding, step: Transition, *, actor: str, now: datetime, detail: dict[str, Any]
) -> None:
    old = f.state
    f.state = step.to_state
    audit.append(
        s,
        at=clock.iso(now),
        actor=actor,
        action=step.audit_action,
        subject=f.id,
        detail={"from": old, "to": step.to_state} | detail,
    )


def _record_text(
    store: Store,
    finding_id: str,
    step: str,
    field: str,
    name: str,
    value: str,
    actor: str,
    now: datetime | None,
) -> FindingView:
    """The two steps that record a text on the finding: its 整改措施 or its 整改结果."""
    now = clock.local_or_now(now)
    text = _text(value, name)
    with store.session() as s:
        find_staff(s, actor)
        f = _load(s, finding_id, TRANSITIONS[step])
        setattr(f, field, text)
        _change(s, f, TRANSITIONS[step], actor=actor, now=now, detail={field: text})
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


def start_rectification(
    store: Store, finding_id: str, *, action: str, actor: str, now: datetime | None = None
) -> FindingView:
    """开始整改: open → rectifying, with the 整改措施 (what will be done)."""
    return _record_text(
        store, finding_id, "start_rectification", "action", "整改措施 (action)", action, actor, now
    )


def record_result(
    store: Store, finding_id: str, *, result: str, actor: str, now: datetime | None = None
) -> FindingView:
    """登记整改结果: the finding stays rectifying; the result is what verification checks."""
    return _record_text(
        store, finding_id, "record_result", "result", "整改结果 (result)", result, actor, now
    )


def verify(
    store: Store,
    finding_id: str,
    *,
    rechecker: str,
    recheck_date: date,
    actor: str,
    now: datetime | None = None,
) -> FindingView:
    """复查确认: rectifying → verified. The re-checker is in the staff register and is not the
    person responsible for the rectification; the result is recorded; the date is neither before
    the finding was made nor in the future."""
    now = clock.local_or_now(now)
    with store.session() as s:
        find_staff(s, actor)
        f = _load(s, finding_id, TRANSITIONS["verify"])
        if not f.result.strip():
            raise StateError(
                f"finding {f.id[:8]} has no 整改结果 (result) yet: cannot verify",
                hint="record the result first (登记整改结果)",
            )
        checker = find_staff(s, rechecker)
        if not checker.active or checker.external:
            raise PeopleRuleError(
                f"复查人 {checker.name} ({checker.employee_no}) is not active branch staff",
                hint="the re-check is done by a member of the branch's staff",
            )
        if f.responsible is not None and checker.id == f.responsible.id:
            raise PeopleRuleError(
                f"复查人 {checker.name} ({checker.employee_no}) is the 整改责任人 "
                f"{f.responsible.name} ({f.responsible.employee_no}) of this finding: the person "
                "who rectified cannot re-check their own rectification",
                hint="choose another person as 复查人",
            )
        created = clock.parse_iso(f.created_at).date()
        if recheck_date < created:
            raise AnswerError(
                f"复查日期 {recheck_date.isoformat()} is before the finding was made "
                f"({created.isoformat()})"
            )
        if recheck_date > now.date():
            raise AnswerError(
                f"复查日期 {recheck_date.isoformat()} is in the future (today is "
                f"{now.date().isoformat()})"
            )
        f.rechecker = checker
        f.recheck_date = recheck_date.isoformat()
        _change(
            s,
            f,
            TRANSITIONS["verify"],
            actor=actor,
            now=now,
            detail={"rechecker": checker.employee_no, "recheck_date": f.recheck_date},
        )
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


def close(store: Store, finding_id: str, *, actor: str, now: datetime | None = None) -> FindingView:
    """关闭: verified → closed; the loop of this finding is complete."""
    now = clock.local_or_now(now)
    with store.session() as s:
        find_staff(s, actor)
        f = _load(s, finding_id, TRANSITIONS["close"])
        _change(s, f, TRANSITIONS["close"], actor=actor, now=now, detail={})
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


# ---------------------------------------------------------------- what may come next


@dataclass(frozen=True)
class Step:
    """A step a finding may take next: the function above that takes it, the state it leads to,
    what it needs besides the actor, and whether the person it names (the 复查人) must not be the
    finding's 整改责任人."""

    action: str  # start_rectification, record_result, verify or close
    to_state: str
    needs: tuple[str, ...]
    not_the_responsible: bool = False


def next_steps(state: str, *, has_result: bool, record_sealed: bool) -> tuple[Step, ...]:
    """The steps the functions above accept for a finding in `state` (from TRANSITIONS), the usual
    one first; none before its record is sealed or once it is closed. `has_result`: a 整改结果 is
    recorded (verification needs it)."""
    if not record_sealed:
        return ()
    usual_first = ("start_rectification", "verify", "record_result", "close")
    return tuple(
        Step(name, step.to_state, step.needs, not_the_responsible=name == "verify")
        for name in usual_first
        if (step := TRANSITIONS[name]).from_state == state and (name != "verify" or has_result)
    )
