"""One core function per user action on an inspection: start, answer, move, complete, sign, seal,
correct, list, export. The window and the CLI both call these.

Every answer is committed (SQLite WAL, synchronous=FULL) before the function returns, so nothing
the screen shows as saved can be lost; a sealed record is never changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.checklists import LoadedTemplate, Template, load_all, template_from_content
from branchcheck.db import Store
from branchcheck.db.models import (
    Answer,
    Finding,
    Inspection,
    InspectionPerson,
    SealedRecord,
    Signature,
    Staff,
    TemplateVersion,
)
from branchcheck.engine import ITEM_TYPES, EvalContext, PersonRef
from branchcheck.engine.evaluate import Evaluation, evaluate, evaluate_item
from branchcheck.errors import (
    AnswerError,
    BranchCheckError,
    InputFileError,
    MissingAnswersError,
    NotFoundError,
    StateError,
    TemplateError,
)
from branchcheck.holidays import load_calendar
from branchcheck.people.register import find_staff, get_branch, person_ref
from branchcheck.people.rules import check_people
from branchcheck.settings import Settings

OPEN_STATES = ("in_progress", "completed")


@dataclass
class Party:
    """One signature a record needs: who signs, in what capacity."""

    party: str
    title: dict[str, str]
    person: PersonRef
    signed_at: str | None = None
    strokes: list | None = None  # the handwritten signature as given, once signed


@dataclass
class InspectionState:
    id: str
    template: Template
    template_sha256: str
    status: str
    branch_code: str
    branch_name: str
    local_date: date
    started_at: str
    inspector: PersonRef
    people: dict[str, list[PersonRef]]
    answers: dict[str, Any]  # item key → parsed value
    notes: dict[str, str]
    current_section: int
    version: int
    supersedes: str | None
    parties: list[Party] = field(default_factory=list)

    def answered(self, item_key: str) -> bool:
        return item_key in self.answers

    def progress(self) -> tuple[int, int]:
        items = [i for i in self.template.items() if ITEM_TYPES[i.type].answerable]
        return sum(1 for i in items if i.key in self.answers), len(items)


# ---------------------------------------------------------------- templates in the store


def store_template(session: Session, loaded: LoadedTemplate) -> TemplateVersion:
    """The template version a record is made with, stored once and never changed."""
    t = loaded.template
    row = session.scalars(
        select(TemplateVersion).where(
            TemplateVersion.key == t.key, TemplateVersion.version == t.version
        )
    ).first()
    if row is None:
        row = TemplateVersion(
            key=t.key,
            version=t.version,
            sha256=loaded.sha256,
            content=loaded.content,
            source_name=Path(loaded.source_name).name,
            stored_at=clock.iso(clock.now()),
        )
        session.add(row)
        session.flush()
    elif row.sha256 != loaded.sha256:
        raise TemplateError(
            f"{loaded.source_name}: checklist '{t.key}' version {t.version} is already in use with "
            "different content",
            hint="raise 'version' in the file whenever its content changes; old records keep theirs",
        )
    return row


_TEMPLATES: dict[str, Template] = {}


def _template_of(row: TemplateVersion) -> Template:
    """The stored template, validated once per process (templates are immutable by their hash)."""
    template = _TEMPLATES.get(row.sha256)
    if template is None:
        template = template_from_content(row.content, f"{row.key} v{row.version} (stored)").template
        _TEMPLATES[row.sha256] = template
    return template


# ---------------------------------------------------------------- context and facts


def _people(insp: Inspection) -> dict[str, list[PersonRef]]:
    out: dict[str, list[PersonRef]] = {}
    for p in insp.people:
        out.setdefault(p.slot, []).append(person_ref(p.staff))
    return out


def _facts(session: Session, insp: Inspection, home: Path | None) -> dict[str, Any]:
    """What rules need from the store: staff by role, this week's and recent checks of this kind."""
    today = date.fromisoformat(insp.local_date)
    staff = session.scalars(select(Staff).where(Staff.active.is_(True))).all()
    by_role: dict[str, dict[str, str]] = {}
    for st in staff:
        for r in st.roles:
            by_role.setdefault(r, {})[st.employee_no] = st.name
    monday = today - timedelta(days=today.weekday())
    others = session.scalars(
        select(Inspection).where(
            Inspection.branch_id == insp.branch_id,
            Inspection.template_id.in_(
                select(TemplateVersion.id).where(TemplateVersion.key == insp.template.key)
            ),
            Inspection.id != insp.id,
            Inspection.status.in_(("completed", "sealed")),
        )
    ).all()
    week_people: dict[str, set[str]] = {}
    check_dates: set[date] = set()
    for o in others:
        d = date.fromisoformat(o.local_date)
        check_dates.add(d)
        if monday <= d <= today:
            for p in o.people:
                week_people.setdefault(p.slot, set()).add(p.staff.employee_no)
    return {
        "staff": {st.employee_no: st.name for st in staff},
        "id_numbers": {st.employee_no: st.id_number for st in staff if st.id_number},
        "account_review": _latest_account_review(session, insp.branch_id, today),
        "by_role": by_role,
        "week_people": week_people,
        "check_dates": check_dates,
        "first_check_date": min(check_dates) if check_dates else today,
        "calendar": load_calendar(home),
    }


ACCOUNT_REVIEW_KEY = "account_review"
ACCOUNT_REVIEW_DAYS = 100  # a review counts for the period when its list is at most this old


def _latest_account_review(session: Session, branch_id: int, today: date) -> dict[str, Any] | None:
    """Summary of the newest completed or sealed account-list review of the period, if any."""
    from branchcheck.engine.accounts import summary

    rows = session.scalars(
        select(Inspection)
        .where(
            Inspection.branch_id == branch_id,
            Inspection.status.in_(("completed", "sealed")),
            Inspection.template_id.in_(
                select(TemplateVersion.id).where(TemplateVersion.key == ACCOUNT_REVIEW_KEY)
            ),
            Inspection.local_date <= today.isoformat(),
            Inspection.local_date >= (today - timedelta(days=ACCOUNT_REVIEW_DAYS)).isoformat(),
        )
        .order_by(Inspection.local_date.desc(), Inspection.started_at.desc())
    ).all()
    for insp in rows:
        value = _parsed_answers(insp, _template_of(insp.template))[0].get("account_list")
        if value is None:
            continue
        return {"review_id": insp.id, "as_of": value["source"].get("as_of"), **summary(value)}
    return None


def _env(settings: Settings | None, home: Path | None) -> tuple[Settings, Path]:
    """The branch's settings and data folder (holiday table), the same for the window and the CLI."""
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    home = home or data_home()
    return (settings or load_settings(home)), home


def _context(
    session: Session,
    insp: Inspection,
    template: Template,
    settings: Settings,
    home: Path | None,
    answers: dict[str, Any] | None = None,
    *,
    facts: bool = True,
) -> EvalContext:
    """facts=False: only the staff register, for parsing one answer (the hot path)."""
    if facts:
        known = _facts(session, insp, home)
    elif any(i.type == "person" for i in template.items()):  # person picks check the register
        known = {"staff": dict(session.execute(select(Staff.employee_no, Staff.name)).all())}
    else:
        known = {}
    return EvalContext(
        template=template,
        local_date=date.fromisoformat(insp.local_date),
        inspector=person_ref(insp.inspector),
        people=_people(insp),
        settings=settings,
        answers=answers or {},
        facts=known,
    )


def _get(session: Session, inspection_id: str) -> Inspection:
    insp = session.get(Inspection, inspection_id)
    if insp is None:
        matches = session.scalars(
            select(Inspection).where(Inspection.id.like(f"{inspection_id}%"))
        ).all()
        if len(matches) == 1:
            return matches[0]
        raise NotFoundError(f"no inspection or record with ID '{inspection_id}'")
    return insp


def _parsed_answers(insp: Inspection, template: Template) -> tuple[dict[str, Any], dict[str, str]]:
    """Item key → the whole answer (parts merged in), and item key → note."""
    values, notes = {}, {}
    parts: dict[str, dict[str, Any]] = {}
    for a in insp.answers:
        if a.part:
            parts.setdefault(a.item_key, {})[a.part] = a.value["v"]
            continue
        values[a.item_key] = a.value["v"]
        if a.value.get("note"):
            notes[a.item_key] = a.value["note"]
    for key, item_parts in parts.items():
        if key in values:
            item = template.item(key)
            values[key] = ITEM_TYPES[item.type].merge_parts(item, values[key], item_parts)
    return values, notes


# ---------------------------------------------------------------- start


def start(
    store: Store,
    *,
    checklist: str | LoadedTemplate,
    inspector: str,
    people: dict[str, list[str]],
    now: datetime | None = None,
) -> str:
    """Start an inspection for the branch; returns its ID (a UUID, also the record's ID)."""
    loaded = load_all()[checklist] if isinstance(checklist, str) else checklist
    now = clock.local(now) if now else clock.now()
    with store.session() as s:
        branch = get_branch(s)
        tv = store_template(s, loaded)
        template = loaded.template
        insp_staff = find_staff(s, inspector)
        rows: list[tuple[str, Staff]] = []
        for slot, numbers in people.items():
            if isinstance(numbers, str):
                numbers = [numbers]
            for no in numbers:
                rows.append((slot, find_staff(s, no)))
        refs: dict[str, list[PersonRef]] = {}
        for slot, st in rows:
            refs.setdefault(slot, []).append(person_ref(st))
        check_people(template, person_ref(insp_staff), refs)
        insp = Inspection(
            branch_id=branch.id,
            template_id=tv.id,
            inspector_id=insp_staff.id,
            local_date=now.date().isoformat(),
            started_at=clock.iso(now),
        )
        s.add(insp)
        s.flush()
        for pos, (slot, st) in enumerate(rows):
            s.add(InspectionPerson(inspection_id=insp.id, slot=slot, staff_id=st.id, position=pos))
        audit.append(
            s,
            at=clock.iso(now),
            actor=inspector,
            action="inspection.start",
            subject=insp.id,
            detail={
                "checklist": template.key,
                "version": template.version,
                "people": {k: [p.employee_no for p in v] for k, v in refs.items()},
            },
        )
        return insp.id


# ---------------------------------------------------------------- read


def _parties(
    template: Template,
    inspector: PersonRef,
    people: dict[str, list[PersonRef]],
    signed: dict[tuple[str, str], tuple[str, list]],
) -> list[Party]:
    """Everyone who signs the record; `signed` maps (party, employee no) to (time, strokes)."""

    def party(key: str, title: dict[str, str], person: PersonRef) -> Party:
        at, strokes = signed.get((key, person.employee_no), (None, None))
        return Party(key, title, person, at, strokes)

    out = [party("inspector", template.inspector.title.as_dict(), inspector)]
    for slot in template.people:
        if slot.signs:
            out += [party(slot.key, slot.title.as_dict(), p) for p in people.get(slot.key, [])]
    return out


def load(store: Store, inspection_id: str) -> InspectionState:
    with store.session() as s:
        insp = _get(s, inspection_id)
        template = _template_of(insp.template)
        values, notes = _parsed_answers(insp, template)
        people = _people(insp)
        inspector = person_ref(insp.inspector)
        signed = {
            (sig.party, sig.staff.employee_no): (sig.signed_at, sig.strokes)
            for sig in s.scalars(select(Signature).where(Signature.inspection_id == insp.id))
        }
        return InspectionState(
            id=insp.id,
            template=template,
            template_sha256=insp.template.sha256,
            status=insp.status,
            branch_code=insp.branch.code,
            branch_name=insp.branch.name,
            local_date=date.fromisoformat(insp.local_date),
            started_at=insp.started_at,
            inspector=inspector,
            people=people,
            answers=values,
            notes=notes,
            current_section=insp.current_section,
            version=insp.version,
            supersedes=insp.supersedes_id,
            parties=_parties(template, inspector, people, signed),
        )


def evaluation(
    store: Store, inspection_id: str, *, settings: Settings | None = None, home: Path | None = None
) -> Evaluation:
    with store.session() as s:
        insp = _get(s, inspection_id)
        template = _template_of(insp.template)
        values, _ = _parsed_answers(insp, template)
        settings, home = _env(settings, home)
        ctx = _context(s, insp, template, settings, home, values)
        return evaluate(template, values, ctx)


# ---------------------------------------------------------------- answer


def answer(
    store: Store,
    inspection_id: str,
    item_key: str,
    raw: Any,
    *,
    note: str = "",
    actor: str | None = None,
    settings: Settings | None = None,
    home: Path | None = None,
    now: datetime | None = None,
):
    """Validate and commit one answer; returns the item's evaluated outcome (totals, difference).

    Answering a completed (not yet signed) inspection reopens it: its findings are made again
    when it is completed."""
    settings, home = _env(settings, home)
    now = clock.local(now) if now else clock.now()
    with store.session() as s:
        insp = _get(s, inspection_id)
        if insp.status not in OPEN_STATES:
            raise StateError(
                f"inspection {insp.id} is {insp.status}: a sealed record never changes",
                hint="start a correction, a new version that points to this one",
            )
        template = _template_of(insp.template)
        item = template.item(item_key)
        itype = ITEM_TYPES[item.type]
        if not itype.answerable:
            raise AnswerError(f"item '{item_key}' is computed and takes no answer")
        values, _ = _parsed_answers(insp, template)
        ctx = _context(s, insp, template, settings, home, values, facts=False)
        value = itype.parse(item, raw, ctx)
        if not isinstance(note, str) or len(note) > 2000:
            raise AnswerError(
                f"item '{item_key}': the note must be text of at most 2000 characters"
            )
        if itype.takes_parts:  # the whole answer replaces any parts given before
            s.execute(
                delete(Answer).where(
                    Answer.inspection_id == insp.id, Answer.item_key == item_key, Answer.part != ""
                )
            )
        existing = s.scalars(
            select(Answer).where(
                Answer.inspection_id == insp.id, Answer.item_key == item_key, Answer.part == ""
            )
        ).first()
        stored = {"v": value, "note": note.strip()}
        if existing:
            existing.value = stored
            existing.answered_at = clock.iso(now)
        else:
            s.add(
                Answer(
                    inspection_id=insp.id,
                    item_key=item_key,
                    value=stored,
                    answered_at=clock.iso(now),
                )
            )
        if insp.status == "completed":
            _reopen(s, insp)
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor or insp.inspector.employee_no,
            action="answer",
            subject=insp.id,
            detail=_answer_detail(item_key, value, note.strip()),
        )
        values[item_key] = value
        ctx.answers = values
        return evaluate_item(item, value, ctx, answered=True)


def answer_part(
    store: Store,
    inspection_id: str,
    item_key: str,
    part: str,
    raw: Any,
    *,
    actor: str | None = None,
    now: datetime | None = None,
):
    """Commit one part of a list answer (one account's decision) without rewriting the list;
    returns the item's evaluated outcome with the part applied."""
    now = clock.local(now) if now else clock.now()
    with store.session() as s:
        insp = _get(s, inspection_id)
        if insp.status not in OPEN_STATES:
            raise StateError(
                f"inspection {insp.id} is {insp.status}: a sealed record never changes"
            )
        template = _template_of(insp.template)
        item = template.item(item_key)
        itype = ITEM_TYPES[item.type]
        values, _ = _parsed_answers(insp, template)
        if item_key not in values:
            raise StateError(f"item '{item_key}' has no answer yet to add '{part}' to")
        ctx = _context(s, insp, template, Settings(), None, values, facts=False)
        value = itype.parse_part(item, values[item_key], part, raw, ctx)
        existing = s.scalars(
            select(Answer).where(
                Answer.inspection_id == insp.id, Answer.item_key == item_key, Answer.part == part
            )
        ).first()
        if existing:
            existing.value = {"v": value}
            existing.answered_at = clock.iso(now)
        else:
            s.add(
                Answer(
                    inspection_id=insp.id,
                    item_key=item_key,
                    part=part,
                    value={"v": value},
                    answered_at=clock.iso(now),
                )
            )
        if insp.status == "completed":
            _reopen(s, insp)
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor or insp.inspector.employee_no,
            action="answer.part",
            subject=insp.id,
            detail={"item": item_key, "part": part, "value": value},
        )
        merged = itype.merge_parts(item, values[item_key], {part: value})
        ctx.answers = values | {item_key: merged}
        quick = itype.part_outcome(item, merged, ctx)
        return quick if quick is not None else evaluate_item(item, merged, ctx, answered=True)


AUDIT_INLINE_LIMIT = 4000  # larger answers (long account lists) are logged by their hash


def _answer_detail(item_key: str, value: Any, note: str) -> dict[str, Any]:
    body = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if len(body) <= AUDIT_INLINE_LIMIT:
        return {"item": item_key, "value": value, "note": note}
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return {"item": item_key, "value_sha256": digest, "value_chars": len(body), "note": note}


def clear_answer(
    store: Store, inspection_id: str, item_key: str, *, actor: str | None = None
) -> None:
    with store.session() as s:
        insp = _get(s, inspection_id)
        if insp.status not in OPEN_STATES:
            raise StateError(
                f"inspection {insp.id} is {insp.status}: a sealed record never changes"
            )
        s.execute(
            delete(Answer).where(Answer.inspection_id == insp.id, Answer.item_key == item_key)
        )
        if insp.status == "completed":
            _reopen(s, insp)
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor=actor or insp.inspector.employee_no,
            action="answer.clear",
            subject=insp.id,
            detail={"item": item_key},
        )


def set_section(store: Store, inspection_id: str, index: int) -> None:
    """Remember where the inspector is, so a reopened inspection resumes there."""
    with store.session() as s:
        insp = _get(s, inspection_id)
        if insp.status in OPEN_STATES:
            insp.current_section = max(0, index)


def _reopen(s: Session, insp: Inspection) -> None:
    insp.status = "in_progress"
    insp.completed_at = None
    s.execute(delete(Finding).where(Finding.inspection_id == insp.id))
    s.execute(delete(Signature).where(Signature.inspection_id == insp.id))


# ---------------------------------------------------------------- complete


def complete(
    store: Store,
    inspection_id: str,
    *,
    settings: Settings | None = None,
    home: Path | None = None,
    now: datetime | None = None,
) -> Evaluation:
    """Close the answering: every required item answered, findings made (repeats marked)."""
    settings, home = _env(settings, home)
    now = clock.local(now) if now else clock.now()
    with store.session() as s:
        insp = _get(s, inspection_id)
        if insp.status == "sealed":
            raise StateError(f"inspection {insp.id} is already sealed")
        template = _template_of(insp.template)
        values, _ = _parsed_answers(insp, template)
        ctx = _context(s, insp, template, settings, home, values)
        ev = evaluate(template, values, ctx)
        if ev.missing_required:
            names = "; ".join(f"{k} ({template.item(k).text.zh})" for k in ev.missing_required)
            raise MissingAnswersError(
                f"required item(s) not answered: {names}", ev.missing_required
            )
        s.execute(delete(Finding).where(Finding.inspection_id == insp.id))
        versions = _earlier_versions(s, insp)
        for draft in ev.findings:
            responsible = find_staff(s, draft.responsible).id if draft.responsible else None
            # the same problem in an earlier version of this record is the same finding, carried
            # over with its rectification; in any other inspection it is a repeat (屡查屡犯)
            carried = s.scalars(
                select(Finding)
                .where(
                    Finding.inspection_id.in_(versions), Finding.problem_key == draft.problem_key
                )
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
                checklist_key=template.key,
                item_key=draft.item_key,
                problem_key=draft.problem_key,
                title=draft.title,
                severity=draft.severity,
                risk_driver=draft.risk_driver,
                responsible_id=responsible,
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
                finding.rechecker_id, finding.recheck_date = (
                    carried.rechecker_id,
                    carried.recheck_date,
                )
                finding.due_date, finding.repeat = carried.due_date, carried.repeat
            s.add(finding)
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


def _earlier_versions(s: Session, insp: Inspection) -> list[str]:
    """IDs of the records this one corrects, directly or through earlier corrections."""
    out: list[str] = []
    current = insp.supersedes_id
    while current and current not in out:
        out.append(current)
        current = s.scalar(select(Inspection.supersedes_id).where(Inspection.id == current))
    return out


def findings(store: Store, inspection_id: str) -> list[dict[str, Any]]:
    with store.session() as s:
        insp = _get(s, inspection_id)
        rows = s.scalars(
            select(Finding)
            .where(Finding.inspection_id == insp.id)
            .order_by(Finding.created_at, Finding.item_key)
        )
        return [_finding_dict(f) for f in rows]


def _finding_dict(f: Finding) -> dict[str, Any]:
    from branchcheck.taxonomy import risk_driver_ref

    return {
        "id": f.id,
        "item_key": f.item_key,
        "title": f.title,
        "severity": f.severity,
        "risk_driver": risk_driver_ref(f.risk_driver),
        "responsible": {"employee_no": f.responsible.employee_no, "name": f.responsible.name}
        if f.responsible
        else None,
        "due_date": f.due_date,
        "state": f.state,
        "repeat": f.repeat,
    }


# ---------------------------------------------------------------- sign


def sign(
    store: Store,
    inspection_id: str,
    *,
    party: str,
    employee_no: str,
    strokes: list,
    now: datetime | None = None,
) -> None:
    """Store one handwritten signature on a completed inspection."""
    from branchcheck.records import handwriting

    now = clock.local(now) if now else clock.now()
    strokes = handwriting.validate_strokes(strokes)
    png = handwriting.render_png(strokes)
    state = load(store, inspection_id)
    if state.status != "completed":
        raise StateError(
            f"inspection {state.id} is {state.status}: signatures are given once every answer is in "
            "and the inspection is completed"
        )
    wanted = [p for p in state.parties if p.party == party and p.person.employee_no == employee_no]
    if not wanted:
        raise StateError(f"{employee_no} does not sign this record as '{party}'")
    with store.session() as s:
        staff = find_staff(s, employee_no)
        s.execute(
            delete(Signature).where(
                Signature.inspection_id == state.id,
                Signature.party == party,
                Signature.staff_id == staff.id,
            )
        )
        s.add(
            Signature(
                inspection_id=state.id,
                party=party,
                staff_id=staff.id,
                strokes=strokes,
                png=png,
                signed_at=clock.iso(now),
            )
        )
        audit.append(
            s,
            at=clock.iso(now),
            actor=employee_no,
            action="inspection.sign",
            subject=state.id,
            detail={"party": party},
        )


# ---------------------------------------------------------------- seal


def seal(
    store: Store,
    inspection_id: str,
    *,
    key_password: str,
    settings: Settings | None = None,
    home: Path | None = None,
    now: datetime | None = None,
) -> str:
    """Seal: build the record document, sign it with the inspector's key, make the signed PDF and
    workbook, and store all of it at once. Returns the record ID."""
    from branchcheck import records
    from branchcheck.records import keys, sealing
    from branchcheck.records.document import build_document

    settings, home = _env(settings, home)
    now = clock.local(now) if now else clock.now()
    state = load(store, inspection_id)
    if state.status != "completed":
        raise StateError(
            f"inspection {state.id} is {state.status}: only a completed inspection is sealed"
        )
    unsigned = [p for p in state.parties if p.signed_at is None]
    if unsigned:
        raise StateError(
            "signatures missing: "
            + "; ".join(
                f"{p.title['zh']} {p.person.name} ({p.person.employee_no})" for p in unsigned
            )
        )
    cred = keys.load_credential(store, state.inspector.employee_no, key_password)
    with store.session() as s:
        insp = _get(s, state.id)
        template = _template_of(insp.template)
        values, notes = _parsed_answers(insp, template)
        ctx = _context(s, insp, template, settings, home, values)
        ev = evaluate(template, values, ctx)
        doc = build_document(s, insp, template, ev, values, notes, sealed_at=clock.iso(now))
        the_seal = sealing.seal_document(doc, cred)
        pdf = records.render_pdf(doc, the_seal, cred)
        xlsx = records.render_xlsx(doc, the_seal, cred)
        s.add(
            SealedRecord(
                id=insp.id,
                inspection_id=insp.id,
                document=sealing.canonical_bytes(doc).decode(),
                sha256=the_seal["sha256"],
                seal=the_seal,
                sealed_at=clock.iso(now),
                pdf=pdf,
                xlsx=xlsx,
            )
        )
        insp.status = "sealed"
        audit.append(
            s,
            at=clock.iso(now),
            actor=state.inspector.employee_no,
            action="record.seal",
            subject=insp.id,
            detail={"sha256": the_seal["sha256"]},
        )
        return insp.id


def correct(store: Store, record_id: str, *, actor: str, now: datetime | None = None) -> str:
    """A correction is a new version that points to the sealed record it corrects."""
    now = clock.local(now) if now else clock.now()
    with store.session() as s:
        old = _get(s, record_id)
        if old.status != "sealed":
            raise StateError(f"record {old.id} is not sealed; change its answers instead")
        if s.scalars(select(Inspection).where(Inspection.supersedes_id == old.id)).first():
            raise StateError(f"record {old.id} already has a correction")
        new = Inspection(
            branch_id=old.branch_id,
            template_id=old.template_id,
            inspector_id=old.inspector_id,
            local_date=old.local_date,
            started_at=clock.iso(now),
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


# ---------------------------------------------------------------- list and export


def list_records(store: Store) -> list[dict[str, Any]]:
    with store.session() as s:
        rows = s.scalars(select(Inspection).order_by(Inspection.started_at.desc())).all()
        return [
            {
                "id": i.id,
                "checklist": i.template.key,
                "checklist_version": i.template.version,
                "title": _template_title(i.template),
                "status": i.status,
                "branch": i.branch.code,
                "branch_name": i.branch.name,
                "local_date": i.local_date,
                "started_at": i.started_at,
                "completed_at": i.completed_at,
                "inspector": i.inspector.employee_no,
                "inspector_name": i.inspector.name,
                "version": i.version,
                "supersedes": i.supersedes_id,
                "findings": len(
                    s.scalars(select(Finding.id).where(Finding.inspection_id == i.id)).all()
                ),
            }
            for i in rows
        ]


def _template_title(tv: TemplateVersion) -> dict[str, str]:
    return dict(tv.content.get("title", {"zh": tv.key, "en": tv.key}))


def open_inspection_for(store: Store, inspector: str) -> str | None:
    """The newest unsealed inspection of this inspector, to resume after a restart."""
    with store.session() as s:
        staff = find_staff(s, inspector)
        row = s.scalars(
            select(Inspection)
            .where(Inspection.inspector_id == staff.id, Inspection.status.in_(OPEN_STATES))
            .order_by(Inspection.started_at.desc())
            .limit(1)
        ).first()
        return row.id if row else None


def record_files(store: Store, record_id: str) -> tuple[str, bytes, bytes, dict[str, Any]]:
    """(record ID, PDF bytes, workbook bytes, document) of a sealed record."""
    with store.session() as s:
        insp = _get(s, record_id)
        rec = s.get(SealedRecord, insp.id)
        if rec is None:
            raise StateError(
                f"record {insp.id} is {insp.status}, not sealed: there is nothing to export yet"
            )
        return rec.id, rec.pdf, rec.xlsx, json.loads(rec.document)


def export_name(doc: dict[str, Any]) -> str:
    return f"{doc['checklist']['key']}_{doc['branch']['code']}_{doc['local_date']}_{doc['record_id'][:8]}"


def export(store: Store, record_id: str, out_dir: Path) -> list[Path]:
    """Copy the signed PDF and workbook made at sealing; no password needed."""
    rid, pdf, xlsx, doc = record_files(store, record_id)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputFileError(f"{out_dir}: cannot create the folder ({exc.strerror})") from None
    base = export_name(doc)
    paths = [out_dir / f"{base}.pdf", out_dir / f"{base}.xlsx"]
    for path, data in zip(paths, (pdf, xlsx), strict=True):
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return paths


# ---------------------------------------------------------------- a whole inspection from a file


def discard(store: Store, inspection_id: str, *, actor: str) -> None:
    """Throw away an unsealed inspection (its answers, findings and signatures)."""
    with store.session() as s:
        insp = _get(s, inspection_id)
        if insp.status == "sealed":
            raise StateError(f"record {insp.id} is sealed and can never be removed")
        s.execute(delete(Finding).where(Finding.inspection_id == insp.id))
        s.execute(delete(Signature).where(Signature.inspection_id == insp.id))
        s.delete(insp)
        audit.append(
            s, at=clock.iso(clock.now()), actor=actor, action="inspection.discard", subject=insp.id
        )


_FILE_KEYS = {"checklist", "date", "people", "answers", "notes", "signatures"}


def _precheck(
    store: Store,
    loaded: LoadedTemplate,
    data: dict[str, Any],
    inspector: str,
    sign: bool,
    source: str,
) -> datetime | None:
    """Everything that can be wrong with an answers file, found before anything is stored."""
    from branchcheck.engine.core import EvalContext

    template = loaded.template
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise InputFileError(f"{source}: unknown field(s) {', '.join(sorted(unknown))}")
    if data.get("checklist") not in (None, template.key):
        raise InputFileError(
            f"{source}: the file is for checklist '{data['checklist']}', not '{template.key}'"
        )
    when = None
    if data.get("date"):
        try:
            when = datetime.fromisoformat(str(data["date"]))
        except ValueError:
            raise InputFileError(
                f"{source}: date '{data['date']}' is not an ISO date and time"
            ) from None
    people = data.get("people") or {}
    answers = data.get("answers")
    if not isinstance(people, dict) or not isinstance(answers, dict):
        raise InputFileError(f"{source}: 'people' and 'answers' must be objects")
    notes = data.get("notes") or {}
    with store.session() as s:
        inspector_ref = person_ref(find_staff(s, inspector))
        refs = {
            slot: [person_ref(find_staff(s, no)) for no in ([nos] if isinstance(nos, str) else nos)]
            for slot, nos in people.items()
        }
        check_people(template, inspector_ref, refs)
        facts = {"staff": {st.employee_no: st.name for st in s.scalars(select(Staff))}}
    ctx = EvalContext(
        template=template,
        local_date=(when or clock.now()).date(),
        inspector=inspector_ref,
        people=refs,
        settings=Settings(),
        facts=facts,
    )
    keys = {i.key for i in template.items()}
    for key in list(answers) + list(notes):
        if key not in keys:
            raise InputFileError(f"{source}: checklist '{template.key}' has no item '{key}'")
    parsed = {}
    for item in template.items():
        if item.key in answers:
            try:
                parsed[item.key] = ITEM_TYPES[item.type].parse(item, answers[item.key], ctx)
            except AnswerError as exc:
                raise InputFileError(f"{source}: {exc.message}") from None
    missing = [
        i.key
        for i in template.items()
        if i.required and ITEM_TYPES[i.type].answerable and i.key not in parsed
    ]
    if missing:
        raise InputFileError(f"{source}: required item(s) without an answer: {', '.join(missing)}")
    if sign:
        from branchcheck.records import handwriting

        signatures = data.get("signatures") or {}
        needed = _parties(template, inspector_ref, refs, {})
        lacking = [
            f"{p.person.employee_no} ({p.title['zh']})"
            for p in needed
            if p.person.employee_no not in signatures
        ]
        if lacking:
            raise InputFileError(
                f"{source}: --sign needs a signature (strokes) for: {', '.join(lacking)}"
            )
        for no, strokes in signatures.items():
            try:
                handwriting.validate_strokes(strokes)
            except AnswerError as exc:
                raise InputFileError(f"{source}: signature of {no}: {exc.message}") from None
    return when


def run_answers_file(
    store: Store,
    checklist: str,
    data: Any,
    *,
    inspector: str,
    sign_and_seal: bool = False,
    key_password: str | None = None,
    source: str = "answers file",
    signed_at: datetime | None = None,
) -> dict[str, Any]:
    """A whole inspection from an answers file. Every check runs before anything is stored, so a
    bad file stores nothing; returns a summary (record ID, item results, computed values, findings).

    The file's date is when the inspection took place; signatures and the seal carry the time they
    are made (now), unless `signed_at` says otherwise (the demo's history)."""
    templates = load_all()
    if checklist not in templates:
        raise NotFoundError(f"no checklist '{checklist}' (have: {', '.join(templates)})")
    if not isinstance(data, dict):
        raise InputFileError(f"{source}: the answers file must hold a JSON object")
    loaded = templates[checklist]
    when = _precheck(store, loaded, data, inspector, sign_and_seal, source)
    if sign_and_seal:
        from branchcheck.records import keys

        keys.load_credential(
            store, inspector, key_password or ""
        )  # wrong password: stop before storing
    iid = start(
        store, checklist=loaded, inspector=inspector, people=data.get("people") or {}, now=when
    )
    try:
        notes = data.get("notes") or {}
        for key, raw in data["answers"].items():
            answer(store, iid, key, raw, note=notes.get(key, ""), actor=inspector, now=when)
        ev = complete(store, iid, now=when)
        if sign_and_seal:
            state = load(store, iid)
            for party in state.parties:
                sign(
                    store,
                    iid,
                    party=party.party,
                    employee_no=party.person.employee_no,
                    strokes=data["signatures"][party.person.employee_no],
                    now=signed_at,
                )
            seal(store, iid, key_password=key_password or "", now=signed_at)
    except BranchCheckError:
        discard(store, iid, actor=inspector)
        raise
    state = load(store, iid)
    return {
        "record_id": iid,
        "checklist": checklist,
        "status": state.status,
        "items": {
            k: {"result": o.result, "display": o.display, "computed": o.computed}
            for k, o in ev.outcomes.items()
        },
        "counts": ev.counts(),
        "findings": findings(store, iid),
    }
