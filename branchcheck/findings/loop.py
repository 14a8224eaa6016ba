"""Findings made when an inspection is completed, and the steps of their closed loop.

- 开始整改 needs the 整改措施 (action); 登记整改结果 stores the 整改结果 (result), who recorded it
  and on which local date (rectified_on: on time when it is no later than the due date);
  复查确认 is signed by the 复查人 as actor — a person holding a supervising role
  (settings.recheck_roles) who is neither the 整改责任人 nor the one who recorded the result — on a
  复查日期 neither before the finding was made nor in the future; only a verified finding is
  closed, by a person of settings.close_roles. TRANSITIONS is the one table of these steps and of
  who may take each (rules.py); external people take none.
- Any other step is refused with a StateError naming the current state and the allowed next step;
  a person who may not take it with a PeopleRuleError naming them and the rule; bad input is
  refused before anything changes. Every change is one transaction with its entry in the
  hash-chained audit log; the step returns the finding as read afterwards.
- Only findings of a sealed record move through the loop: until then an inspection may be reopened
  and its findings made anew, so work on them could be lost. A finding of the schedule or of
  key-post rotation has no record and moves at once.
- An accepted exception past its expiry is reopened (to the state it was taken from) before any
  step, in the same transaction (see exception.py).
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
from branchcheck.db.models import Finding, FindingEvidence, Inspection, Staff
from branchcheck.errors import AnswerError, PeopleRuleError, StateError
from branchcheck.findings.reading import get_finding, resolve_id
from branchcheck.findings.rules import Actor, Involved, refusal
from branchcheck.findings.steps import ADD_EVIDENCE as ADD_EVIDENCE  # re-exported
from branchcheck.findings.steps import LINK_MISSED as LINK_MISSED  # re-exported
from branchcheck.findings.steps import TRANSITIONS, Transition, record_step
from branchcheck.people.register import find_staff
from branchcheck.settings import Settings
from branchcheck.taxonomy import FINDING_STATES
from branchcheck.views import FindingView

if TYPE_CHECKING:
    from branchcheck.engine.evaluate import FindingDraft

NEXT_STEP = {
    "open": "开始整改 (start the rectification with its action)",
    "rectifying": "登记整改结果, then 复查确认 (record the result, then have it re-checked)",
    "verified": "关闭 (close)",
    "closed": "none: the finding is closed",
    "exception": "none until the exception expires (例外接受到期后重新打开)",
}


def _state_name(state: str) -> str:
    names = FINDING_STATES.get(state, {"zh": state, "en": state})
    return f"{names['zh']} ({names['en'].lower()})"


def settings() -> Settings:
    """The branch's settings (who may re-check and close)."""
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    return load_settings(data_home())


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
            _carry(carried, finding)
        s.add(finding)
        made.append(finding)
    return made


CARRIED = (
    "state",
    "action",
    "result",
    "rechecker_id",
    "recheck_date",
    "due_date",
    "repeat",
    "result_by_id",
    "rectified_on",
    "closed_by_id",
    "closed_on",
    "exception_reason",
    "exception_until",
    "exception_by_id",
    "missed_by_inspection_id",
    "missed_by_id",
)


def _carry(old: Finding, new: Finding) -> None:
    """The rectification of `old` (an earlier version's finding) carried to `new`, its evidence
    copied with it."""
    for name in CARRIED:
        setattr(new, name, getattr(old, name))
    new.evidence = [
        FindingEvidence(
            filename=e.filename,
            media_type=e.media_type,
            size=e.size,
            sha256=e.sha256,
            content=e.content,
            added_by_id=e.added_by_id,
            added_at=e.added_at,
        )
        for e in old.evidence
    ]


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


def actor_of(person: Staff) -> Actor:
    return Actor(
        person.employee_no, person.name, tuple(person.roles or ()), person.external, person.active
    )


def involved_in(f: Finding) -> Involved:
    return Involved(
        f.responsible.employee_no if f.responsible else None,
        f.result_by.employee_no if f.result_by else None,
    )


def check_actor(f: Finding, step: Transition, person: Staff) -> None:
    """Refuse `person` as the actor of `step` on `f` unless the rule of the step allows them."""
    why = refusal(step.doing, step.who, step.not_the, actor_of(person), involved_in(f), settings())
    if why is not None:
        raise PeopleRuleError(why, hint=f"finding {f.id[:8]}: sign in as a person who may")


def prior_state(f: Finding) -> str:
    """The state an accepted exception was taken from: rectifying once an action is recorded."""
    return "rectifying" if f.action else "open"


def reopen_if_expired(s: Session, f: Finding, *, as_of: date, now: datetime, actor: str) -> bool:
    """An exception whose expiry date is before `as_of` goes back to the state it was taken
    from (audited at `now`)."""
    if f.state != "exception" or not f.exception_until:
        return False
    if date.fromisoformat(f.exception_until) >= as_of:
        return False
    back = prior_state(f)
    detail = {"from": "exception", "to": back, "exception_until": f.exception_until}
    audit.append(
        s, at=clock.iso(now), actor=actor, action="finding.reopen", subject=f.id, detail=detail
    )
    record_step(s, f, "finding.reopen", back, actor=actor, now=now, fields=detail)
    f.state = back
    return True


def load(s: Session, finding_id: str, step: Transition, actor: str, now: datetime) -> Finding:
    """The finding, ready for `step` by `actor`: its record sealed (if it has one), its state
    one the step starts from, the actor one the step's rule allows."""
    doing = step.doing
    person = find_staff(s, actor)
    f = _get(s, finding_id)
    if f.inspection_id is not None:
        insp = s.get(Inspection, f.inspection_id)
        if insp is None or insp.status != "sealed":
            raise StateError(
                f"finding {f.id[:8]} belongs to an inspection that is not sealed yet: "
                f"cannot {doing}",
                hint="the rectification starts once the people involved have signed and the "
                "record is sealed (风险认定)",
            )
    reopen_if_expired(s, f, as_of=now.date(), now=now, actor=actor)
    if f.state not in step.from_states:
        raise _refuse(f, doing)
    check_actor(f, step, person)
    return f


FIELD_WORDS_EN = {
    "整改措施": "corrective action",
    "整改结果": "result of the rectification",
    "例外接受理由": "reason for accepting the exception",
}


def text_of(value: str | None, name: str) -> str:
    """A required text; `name` is "中文 (key)", an empty text is refused in the person's words."""
    text = (value or "").strip()
    if not text:
        zh, _, key = name.rstrip(")").partition(" (")
        en = f"Please enter the {FIELD_WORDS_EN.get(zh, key)}"
        message = f"{name} is required and cannot be empty"
        raise AnswerError(message, zh=f"请填写{zh}", en=en, field=key or None)
    return text


def change(
    s: Session, f: Finding, step: Transition, *, actor: str, now: datetime, detail: dict[str, Any]
) -> None:
    old = f.state
    record_step(s, f, step.audit_action, step.to_state, actor=actor, now=now, fields=detail)
    f.state = step.to_state
    audit.append(
        s,
        at=clock.iso(now),
        actor=actor,
        action=step.audit_action,
        subject=f.id,
        detail={"from": old, "to": step.to_state} | detail,
    )


def start_rectification(
    store: Store, finding_id: str, *, action: str, actor: str, now: datetime | None = None
) -> FindingView:
    """开始整改: open → rectifying, with the 整改措施 (what will be done)."""
    now = clock.local_or_now(now)
    text = text_of(action, "整改措施 (action)")
    step = TRANSITIONS["start_rectification"]
    with store.session() as s:
        f = load(s, finding_id, step, actor, now)
        f.action = text
        change(s, f, step, actor=actor, now=now, detail={"action": text})
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


def record_result(
    store: Store, finding_id: str, *, result: str, actor: str, now: datetime | None = None
) -> FindingView:
    """登记整改结果: the finding stays rectifying; the result is what verification checks. Who
    recorded it and the local date are kept: on time when that date is no later than the due
    date. Recorded again, the later one counts."""
    now = clock.local_or_now(now)
    text = text_of(result, "整改结果 (result)")
    step = TRANSITIONS["record_result"]
    with store.session() as s:
        f = load(s, finding_id, step, actor, now)
        f.result = text
        f.result_by = find_staff(s, actor)
        f.rectified_on = now.date().isoformat()
        change(
            s,
            f,
            step,
            actor=actor,
            now=now,
            detail={"result": text, "rectified_on": f.rectified_on},
        )
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


def verify(
    store: Store,
    finding_id: str,
    *,
    actor: str,
    recheck_date: date | None = None,
    rechecker: str | None = None,
    now: datetime | None = None,
) -> FindingView:
    """复查确认: rectifying → verified, signed by the 复查人 as `actor` (a supervising role, neither
    the 整改责任人 nor who recorded the result). `rechecker`, when given, must be the actor. The
    result is recorded; the date (default today) is neither before the finding was made nor in
    the future."""
    now = clock.local_or_now(now)
    day = recheck_date or now.date()
    with store.session() as s:
        f = load(s, finding_id, TRANSITIONS["verify"], actor, now)
        checker = find_staff(s, actor)
        if rechecker is not None and rechecker != actor:
            other = find_staff(s, rechecker)
            raise PeopleRuleError(
                f"复查人 {other.name} ({other.employee_no}) 须本人复查确认，不能由 "
                f"{checker.name} ({checker.employee_no}) 代为办理 / the re-checker signs the "
                "re-check themself",
                hint=f"sign in as {other.employee_no} to verify",
            )
        if not f.result.strip():
            raise StateError(
                f"finding {f.id[:8]} has no 整改结果 (result) yet: cannot verify",
                hint="record the result first (登记整改结果)",
            )
        created = clock.parse_iso(f.created_at).date()
        if day < created:
            raise AnswerError(
                f"复查日期 {day.isoformat()} is before the finding was made ({created.isoformat()})"
            )
        if day > now.date():
            raise AnswerError(
                f"复查日期 {day.isoformat()} is in the future (today is {now.date().isoformat()})"
            )
        f.rechecker = checker
        f.recheck_date = day.isoformat()
        change(
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
    """关闭: verified → closed by a person of settings.close_roles; the loop is complete."""
    now = clock.local_or_now(now)
    with store.session() as s:
        f = load(s, finding_id, TRANSITIONS["close"], actor, now)
        f.closed_by = find_staff(s, actor)
        f.closed_on = now.date().isoformat()
        change(s, f, TRANSITIONS["close"], actor=actor, now=now, detail={"closed_on": f.closed_on})
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


# ---------------------------------------------------------------- what may come next


@dataclass(frozen=True)
class Step:
    """A step a finding may take next: the function that takes it, the state it leads to, what
    it needs besides the actor, who may take it and who never may (rules.py)."""

    action: str  # start_rectification, record_result, verify, close or accept_exception
    to_state: str
    needs: tuple[str, ...]
    who: tuple[str, ...] = ()
    not_the: tuple[str, ...] = ()

    @property
    def not_the_responsible(self) -> bool:
        return "responsible" in self.not_the


USUAL_FIRST = ("start_rectification", "verify", "record_result", "close", "accept_exception")


def next_steps(state: str, *, has_result: bool, record_sealed: bool) -> tuple[Step, ...]:
    """The steps the functions above accept for a finding in `state` (from TRANSITIONS), the usual
    one first; none before its record is sealed (a finding without a record: pass True) or once
    it is closed. `has_result`: a 整改结果 is recorded (verification needs it)."""
    if not record_sealed:
        return ()
    return tuple(
        Step(name, step.to_state, step.needs, step.who, step.not_the)
        for name in USUAL_FIRST
        if state in (step := TRANSITIONS[name]).from_states and (name != "verify" or has_result)
    )


def may_take(
    step: Step | Transition, f: FindingView, person: Actor, settings_: Settings | None = None
) -> str | None:
    """Why `person` may not take `step` on `f` (the same rule the core applies), or None."""
    doing = step.doing if isinstance(step, Transition) else TRANSITIONS[step.action].doing
    involved = Involved(
        f.responsible.employee_no if f.responsible else None,
        f.result_by.employee_no if f.result_by else None,
    )
    return refusal(doing, step.who, step.not_the, person, involved, settings_ or settings())
