"""The closed loop of findings (风险甄别 → 风险认定 → 闭环管理): one core function per user action.

A finding is made when an inspection is completed (风险甄别, `record_findings`) and confirmed when the people involved
sign and the record is sealed (风险认定). From then on it is managed here (闭环管理):

    open (待整改) --start_rectification--> rectifying (整改中) --record_result--> rectifying
        --verify--> verified (已复查) --close--> closed (已关闭)

- 开始整改 needs the 整改措施 (action); 登记整改结果 stores the 整改结果 (result), which verification
  requires; 复查确认 names the 复查人 — a person in the staff register who is NOT the finding's
  整改责任人 (the person who rectified) — and the 复查日期, neither before the finding was made nor
  in the future; only a verified finding is closed.
- Any other step is refused with a StateError naming the current state and the allowed next step;
  bad input is refused before anything changes. Every change is one transaction with its entry in
  the hash-chained audit log.
- Only findings of a sealed record move through the loop: until then an inspection may be reopened
  and its findings made anew, so work on them could be lost.
- The findings of a sealed record are outside the seal: the sealed record keeps each finding as it
  was at sealing (state 待整改), and the rectification recorded here never changes the record, its
  PDF or its workbook.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, aliased

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Finding, Inspection, Staff, TemplateVersion
from branchcheck.errors import AnswerError, NotFoundError, PeopleRuleError, StateError
from branchcheck.people.register import find_staff
from branchcheck.taxonomy import FINDING_STATES, risk_driver_label
from branchcheck.views import FindingsSummary, FindingView, PersonName, RiskDriverCount

if TYPE_CHECKING:
    from branchcheck.engine.evaluate import FindingDraft

STATES = tuple(FINDING_STATES)  # open, rectifying, verified, closed
DONE_STATES = ("verified", "closed")  # rectified: no longer overdue
NEXT_STEP = {
    "open": "开始整改 (start the rectification with its action)",
    "rectifying": "登记整改结果, then 复查确认 (record the result, then have it re-checked)",
    "verified": "关闭 (close)",
    "closed": "none: the finding is closed",
}
MIN_PREFIX = 4


# ---------------------------------------------------------------- reading


def _state_name(state: str) -> str:
    names = FINDING_STATES.get(state, {"zh": state, "en": state})
    return f"{names['zh']} ({names['en'].lower()})"


def _overdue(f: Finding, as_of: date) -> bool:
    return f.state not in DONE_STATES and date.fromisoformat(f.due_date) < as_of


def _person(staff: Staff | None) -> PersonName | None:
    return PersonName(staff.employee_no, staff.name) if staff else None


def _view(f: Finding, as_of: date) -> FindingView:
    insp = f.inspection
    return FindingView(
        id=f.id,
        record_id=f.inspection_id,
        record_status=insp.status,
        record_date=insp.local_date,
        checklist=f.checklist_key,
        checklist_title=_checklist_title(insp.template),
        item_key=f.item_key,
        title=dict(f.title),
        severity=f.severity,
        risk_driver=risk_driver_label(f.risk_driver),
        responsible=_person(f.responsible),
        due_date=f.due_date,
        state=f.state,
        repeat=f.repeat,
        overdue=_overdue(f, as_of),
        action=f.action,
        result=f.result,
        rechecker=_person(f.rechecker),
        recheck_date=f.recheck_date,
        created_at=f.created_at,
    )


def _checklist_title(tv: TemplateVersion) -> dict[str, str]:
    title = tv.content.get("title") or {}
    return {"zh": title.get("zh", tv.key), "en": title.get("en", tv.key)}


def _today() -> date:
    return clock.now().date()


def list_findings(
    store: Store,
    *,
    state: str | None = None,
    overdue_on: date | None = None,
    repeat_only: bool = False,
    responsible: str | None = None,
    as_of: date | None = None,
) -> list[FindingView]:
    """The branch's findings, newest first.

    state: one of open/rectifying/verified/closed; "open" means every state except closed.
    overdue_on: only findings overdue on that date (not verified or closed, due date before it).
    repeat_only: only repeat findings (屡查屡犯). responsible: only this person's (employee number).
    Each finding's `overdue` flag is worked out as of `overdue_on`, else `as_of`, else today."""
    if state is not None and state not in STATES:
        raise AnswerError(f"unknown finding state '{state}' (known: {', '.join(STATES)})")
    as_of = overdue_on or as_of or _today()
    with store.session() as s:
        corrected = aliased(Inspection)
        q = (
            select(Finding)
            .join(Inspection, Finding.inspection_id == Inspection.id)
            # a record replaced by a sealed correction: its findings live on in the correction
            .where(
                ~exists().where(
                    corrected.supersedes_id == Inspection.id, corrected.status == "sealed"
                )
            )
            .order_by(Finding.created_at.desc(), Finding.item_key, Finding.id)
        )
        if state == "open":
            q = q.where(Finding.state != "closed")
        elif state is not None:
            q = q.where(Finding.state == state)
        if repeat_only:
            q = q.where(Finding.repeat.is_(True))
        if responsible:
            q = q.where(Finding.responsible_id == find_staff(s, responsible).id)
        return [
            _view(f, as_of)
            for f in s.scalars(q).all()
            if overdue_on is None or _overdue(f, overdue_on)
        ]


def get_finding(store: Store, finding_id: str, *, as_of: date | None = None) -> FindingView:
    with store.session() as s:
        return _view(_get(s, finding_id), as_of or _today())


def summary(store: Store, *, as_of: date) -> FindingsSummary:
    """Counts for a dashboard: open (not closed), overdue, repeat (open repeats), by state (all
    findings) and by risk driver (open findings, with their names)."""
    with store.session() as s:
        rows = s.scalars(select(Finding)).all()
        unclosed = [f for f in rows if f.state != "closed"]
        drivers = Counter(f.risk_driver for f in unclosed)
        return FindingsSummary(
            as_of=as_of.isoformat(),
            total=len(rows),
            open=len(unclosed),
            overdue=sum(1 for f in rows if _overdue(f, as_of)),
            repeat=sum(1 for f in unclosed if f.repeat),
            by_state={st: sum(1 for f in rows if f.state == st) for st in STATES},
            by_risk_driver=tuple(
                RiskDriverCount(label.key, label.zh, label.en, n)
                for label, n in (
                    (risk_driver_label(key), n)
                    for key, n in sorted(drivers.items(), key=lambda kv: (-kv[1], kv[0]))
                )
            ),
        )


# ---------------------------------------------------------------- making (on complete)


def record_findings(
    s: Session, insp: Inspection, drafts: list[FindingDraft], *, now: datetime
) -> list[Finding]:
    """The findings of a completed inspection, made anew. The same problem in an earlier version of
    this record is the same finding, carried over with its rectification; in any other inspection
    of the branch it is a repeat (屡查屡犯)."""
    s.execute(delete(Finding).where(Finding.inspection_id == insp.id))
    versions = earlier_versions(s, insp)
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
                Finding.branch_id == insp.branch_id,
                Finding.problem_key == draft.problem_key,
                Finding.inspection_id.not_in([insp.id, *versions]),
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
    finding_id = (finding_id or "").strip()
    f = s.get(Finding, finding_id) if finding_id else None
    if f is not None:
        return f
    if len(finding_id) < MIN_PREFIX:
        raise NotFoundError(
            f"no finding with ID '{finding_id}'",
            hint=f"give the ID or at least {MIN_PREFIX} of its first characters",
        )
    matches = s.scalars(select(Finding).where(Finding.id.like(f"{finding_id}%"))).all()
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NotFoundError(
            f"'{finding_id}' matches {len(matches)} findings",
            hint="give more characters of the ID",
        )
    raise NotFoundError(f"no finding with ID '{finding_id}'", hint="see: branchcheck findings list")


def _refuse(f: Finding, doing: str) -> StateError:
    return StateError(
        f"finding {f.id[:8]} is {_state_name(f.state)}: cannot {doing}",
        hint=f"next step: {NEXT_STEP.get(f.state, '?')}",
    )


def _load(s: Session, finding_id: str, expected: str, doing: str) -> Finding:
    f = _get(s, finding_id)
    insp = s.get(Inspection, f.inspection_id)
    if insp is None or insp.status != "sealed":
        raise StateError(
            f"finding {f.id[:8]} belongs to an inspection that is not sealed yet: cannot {doing}",
            hint="the rectification starts once the people involved have signed and the record "
            "is sealed (风险认定)",
        )
    if f.state != expected:
        raise _refuse(f, doing)
    return f


def _text(value: str | None, name: str) -> str:
    text = (value or "").strip()
    if not text:
        raise AnswerError(f"{name} is required and cannot be empty")
    return text


def _change(
    s: Session,
    f: Finding,
    *,
    actor: str,
    now: datetime,
    action: str,
    new_state: str,
    detail: dict[str, Any],
) -> None:
    old = f.state
    f.state = new_state
    audit.append(
        s,
        at=clock.iso(now),
        actor=actor,
        action=action,
        subject=f.id,
        detail={"from": old, "to": new_state} | detail,
    )


def start_rectification(
    store: Store, finding_id: str, *, action: str, actor: str, now: datetime | None = None
) -> FindingView:
    """开始整改: open → rectifying, with the 整改措施 (what will be done)."""
    now = clock.local_or_now(now)
    text = _text(action, "整改措施 (action)")
    with store.session() as s:
        find_staff(s, actor)
        f = _load(s, finding_id, "open", "start rectification")
        f.action = text
        _change(
            s,
            f,
            actor=actor,
            now=now,
            action="finding.rectify",
            new_state="rectifying",
            detail={"action": text},
        )
        return _view(f, now.date())


def record_result(
    store: Store, finding_id: str, *, result: str, actor: str, now: datetime | None = None
) -> FindingView:
    """登记整改结果: the finding stays rectifying; the result is what verification checks."""
    now = clock.local_or_now(now)
    text = _text(result, "整改结果 (result)")
    with store.session() as s:
        find_staff(s, actor)
        f = _load(s, finding_id, "rectifying", "record a result")
        f.result = text
        _change(
            s,
            f,
            actor=actor,
            now=now,
            action="finding.result",
            new_state="rectifying",
            detail={"result": text},
        )
        return _view(f, now.date())


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
        f = _load(s, finding_id, "rectifying", "verify")
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
            actor=actor,
            now=now,
            action="finding.verify",
            new_state="verified",
            detail={"rechecker": checker.employee_no, "recheck_date": f.recheck_date},
        )
        s.flush()
        return _view(f, now.date())


def close(store: Store, finding_id: str, *, actor: str, now: datetime | None = None) -> FindingView:
    """关闭: verified → closed; the loop of this finding is complete."""
    now = clock.local_or_now(now)
    with store.session() as s:
        find_staff(s, actor)
        f = _load(s, finding_id, "verified", "close")
        _change(s, f, actor=actor, now=now, action="finding.close", new_state="closed", detail={})
        return _view(f, now.date())


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
    """The steps the functions above accept for a finding in `state`, the usual one first; none
    before its record is sealed or once it is closed. `has_result`: a 整改结果 is recorded."""
    if not record_sealed:
        return ()
    record = Step("record_result", "rectifying", ("result",))
    steps = {
        "open": (Step("start_rectification", "rectifying", ("action",)),),
        "rectifying": (
            Step("verify", "verified", ("rechecker", "recheck_date"), not_the_responsible=True),
            record,
        )
        if has_result
        else (record,),
        "verified": (Step("close", "closed", ()),),
    }
    return steps.get(state, ())
