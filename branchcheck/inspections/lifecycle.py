"""The life of an inspection: start it, evaluate it, complete it (its findings are made), correct a
sealed record (a new version pointing to it), discard an unsealed one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from branchcheck import audit, clock, findings
from branchcheck.checklists import LoadedTemplate, Template
from branchcheck.db import Store
from branchcheck.db.models import (
    Answer,
    Finding,
    Inspection,
    InspectionPerson,
    Signature,
    Staff,
)
from branchcheck.engine import PersonRef
from branchcheck.engine.evaluate import Evaluation
from branchcheck.engine.validate import load_all
from branchcheck.errors import EntryError, MissingAnswersError, StateError
from branchcheck.inspections.context import branch_env, evaluate_inspection
from branchcheck.inspections.rows import get_inspection, require_open
from branchcheck.inspections.state import store_template, template_of
from branchcheck.people.permissions import Context, require, settings_for
from branchcheck.people.register import find_staff, get_branch, person_ref
from branchcheck.people.rules import authorisation_problems, check_people, clean_authorisation
from branchcheck.settings import Settings

PeopleNumbers = dict[str, list[str]] | dict[str, list[str] | str]


def resolve_people(
    session: Session, template: Template, inspector: str, people: PeopleNumbers
) -> tuple[Staff, list[tuple[str, Staff]], dict[str, list[PersonRef]]]:
    """The inspector and the people of each slot, found in the register and checked against the
    template's people rules: (inspector, [(slot, staff)] in order, slot → people)."""
    insp_staff = find_staff(session, inspector)
    rows: list[tuple[str, Staff]] = []
    for slot, numbers in people.items():
        for no in [numbers] if isinstance(numbers, str) else numbers:
            rows.append((slot, find_staff(session, no)))
    refs: dict[str, list[PersonRef]] = {}
    for slot, st in rows:
        refs.setdefault(slot, []).append(person_ref(st))
    check_people(template, person_ref(insp_staff), refs)
    return insp_staff, rows, refs


def is_late(held_at: datetime, now: datetime, settings: Settings) -> bool:
    """Whether an inspection that took place at `held_at`, entered at `now`, is a late entry (补录)."""
    return now - held_at > timedelta(hours=settings.late_entry_hours)


def entry_problems(
    held_at: datetime, now: datetime, late_reason: str, settings: Settings
) -> dict[str, str]:
    """The inspection's date against the real time of entry, by field (`date`, `late_reason`): a
    time in the future is refused, a late entry needs its reason."""
    held, real = clock.local(held_at), clock.local(now)
    if held.date() > real.date():
        return {
            "date": f"检查日期 {held.date()} 晚于今天（{real.date()}），不能预先登记 / the "
            f"inspection date {held.date()} is after today ({real.date()})"
        }
    if held > real:
        return {
            "date": f"检查时间 {held:%H:%M} 晚于现在（{real:%H:%M}） / the inspection time "
            f"{held:%H:%M} is later than now ({real:%H:%M})"
        }
    if is_late(held, real, settings) and not late_reason.strip():
        return {
            "late_reason": f"检查时间 {held:%Y-%m-%d %H:%M} 距今超过 {settings.late_entry_hours} "
            "小时，属补录，请填写补录原因 / the inspection took place more than "
            f"{settings.late_entry_hours} h ago: a late entry (补录) needs a reason"
        }
    return {}


@dataclass(frozen=True)
class Entry:
    """What an inspection is started with besides its people, checked: when it took place, when it
    is entered, the late entry's reason ("" when not late), a deputy's authorisation."""

    held_at: datetime
    entered_at: datetime
    late_reason: str
    authorisation: dict[str, str] | None


def check_entry(
    session: Session,
    template: Template,
    inspector: Staff,
    *,
    authorisation: Any,
    held_at: datetime | None,
    late_reason: str,
    now: datetime,
    settings: Settings,
) -> Entry:
    """The date and a deputy's authorisation checked together; EntryError names every wrong field."""
    held = clock.local(held_at) if held_at else now
    problems = entry_problems(held, now, late_reason, settings)
    by = authorisation.get("by") if isinstance(authorisation, dict) else None
    authoriser = None
    if by:
        row = session.scalars(select(Staff).where(Staff.employee_no == str(by).strip())).first()
        authoriser = person_ref(row) if row else None
    problems |= authorisation_problems(
        template, person_ref(inspector), authorisation, authoriser, held.date()
    )
    if problems:
        raise EntryError(problems)
    return Entry(
        held_at=held,
        entered_at=now,
        late_reason=late_reason.strip() if is_late(held, now, settings) else "",
        authorisation=clean_authorisation(authorisation) if authorisation else None,
    )


def start(
    store: Store,
    *,
    checklist: str | LoadedTemplate,
    inspector: str,
    people: PeopleNumbers,
    authorisation: dict[str, Any] | None = None,
    held_at: datetime | None = None,
    late_reason: str = "",
    settings: Settings | None = None,
    now: datetime | None = None,
) -> str:
    """Start an inspection for the branch; returns its ID (a UUID, also the record's ID).

    `now` is the real time of entry (given only by tests and the demo's history); `held_at` when the
    inspection took place, if earlier (a record first kept on paper). A deputy gives the branch
    head's `authorisation`; a late entry its `late_reason`."""
    loaded = load_all()[checklist] if isinstance(checklist, str) else checklist
    now = clock.local_or_now(now)
    settings = branch_env(settings, None)[0]
    with store.session() as s:
        branch = get_branch(s)
        template = loaded.template
        insp_staff, rows, refs = resolve_people(s, template, inspector, people)
        require(
            s,
            inspector,
            "start",
            settings,
            Context(checklist_roles=tuple(template.inspector.staff_roles)),
        )
        entry = check_entry(
            s,
            template,
            insp_staff,
            authorisation=authorisation,
            held_at=held_at,
            late_reason=late_reason,
            now=now,
            settings=settings,
        )
        tv = store_template(s, loaded)
        insp = Inspection(
            branch_id=branch.id,
            template_id=tv.id,
            inspector_id=insp_staff.id,
            local_date=entry.held_at.date().isoformat(),
            started_at=clock.iso(entry.held_at),
            entered_at=clock.iso(entry.entered_at),
            authorisation=entry.authorisation,
            late_reason=entry.late_reason,
        )
        s.add(insp)
        s.flush()
        for pos, (slot, st) in enumerate(rows):
            s.add(InspectionPerson(inspection_id=insp.id, slot=slot, staff_id=st.id, position=pos))
        detail: dict[str, Any] = {
            "checklist": template.key,
            "version": template.version,
            "people": {k: [p.employee_no for p in v] for k, v in refs.items()},
        }
        if entry.held_at != entry.entered_at:
            detail["held_at"] = clock.iso(entry.held_at)  # the time claimed, beside the real one
        if entry.late_reason:
            detail["late_reason"] = entry.late_reason
        if entry.authorisation:
            detail["authorisation"] = entry.authorisation
        audit.append(
            s,
            at=clock.iso(entry.entered_at),
            actor=inspector,
            action="inspection.start",
            subject=insp.id,
            detail=detail,
        )
        return insp.id


def evaluation(
    store: Store, inspection_id: str, *, settings: Settings | None = None, home: Path | None = None
) -> Evaluation:
    settings, home = branch_env(settings, home)
    with store.session() as s:
        return evaluate_inspection(s, get_inspection(s, inspection_id), settings, home)[0]


def complete(
    store: Store,
    inspection_id: str,
    *,
    actor: str | None = None,
    settings: Settings | None = None,
    home: Path | None = None,
    now: datetime | None = None,
) -> Evaluation:
    """Close the answering: every required item answered, findings made (repeats marked). Only
    the record's inspector completes it (`actor`, when the window or CLI names who acts)."""
    settings, home = branch_env(settings, home)
    now = clock.local_or_now(now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        require_open(insp)
        if actor is not None:
            require(s, actor, "answer", settings, Context(inspector=insp.inspector.employee_no))
        ev = evaluate_inspection(s, insp, settings, home)[0]
        if ev.missing_required:
            template = template_of(insp.template)
            names = "; ".join(f"{k} ({template.item(k).text.zh})" for k in ev.missing_required)
            raise MissingAnswersError(
                f"required item(s) not answered: {names}", ev.missing_required
            )
        findings.record_findings(s, insp, ev.findings, now=now)
        insp.status = "completed"
        insp.completed_at = clock.iso(now)
        audit.append(
            s,
            at=clock.iso(now),
            actor=insp.inspector.employee_no,
            action="inspection.complete",
            subject=insp.id,
            detail={"findings": len(ev.findings), "counts": ev.counts()},
        )
        return ev


def correct(store: Store, record_id: str, *, actor: str, now: datetime | None = None) -> str:
    """A correction is a new version that points to the sealed record it corrects."""
    now = clock.local_or_now(now)
    with store.session() as s:
        old = get_inspection(s, record_id)
        require(
            s, actor, "correct", settings_for(store), Context(inspector=old.inspector.employee_no)
        )
        if old.status != "sealed":
            raise StateError(f"record {old.id} is not sealed; change its answers instead")
        if s.scalars(select(Inspection).where(Inspection.supersedes_id == old.id)).first():
            raise StateError(f"record {old.id} already has a correction")
        new = Inspection(
            branch_id=old.branch_id,
            template_id=old.template_id,
            inspector_id=old.inspector_id,
            local_date=old.local_date,
            started_at=old.started_at,
            entered_at=clock.iso(now),
            authorisation=old.authorisation,
            late_reason=old.late_reason,
            version=old.version + 1,
            supersedes_id=old.id,
        )
        s.add(new)
        s.flush()
        for p in old.people:
            s.add(
                InspectionPerson(
                    inspection_id=new.id, slot=p.slot, staff_id=p.staff_id, position=p.position
                )
            )
        for a in old.answers:
            if a.draft:  # never part of the sealed record: the correction starts without it
                continue
            s.add(
                Answer(
                    inspection_id=new.id,
                    item_key=a.item_key,
                    part=a.part,
                    value=dict(a.value),
                    answered_at=a.answered_at,
                )
            )
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor,
            action="record.correct",
            subject=new.id,
            detail={"supersedes": old.id},
        )
        return new.id


def discard(store: Store, inspection_id: str, *, actor: str) -> None:
    """Throw away an unsealed inspection (its answers, findings and signatures)."""
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        if insp.status == "sealed":
            raise StateError(f"record {insp.id} is sealed and can never be removed")
        require(
            s, actor, "discard", settings_for(store), Context(inspector=insp.inspector.employee_no)
        )
        s.execute(delete(Finding).where(Finding.inspection_id == insp.id))
        s.execute(delete(Signature).where(Signature.inspection_id == insp.id))
        s.delete(insp)
        audit.append(
            s, at=clock.iso(clock.now()), actor=actor, action="inspection.discard", subject=insp.id
        )
