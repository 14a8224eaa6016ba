"""An inspection as the core reads it: its template, people, answers and who signs; the guard that
keeps a sealed record from changing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import clock
from branchcheck.checklists import LoadedTemplate, Template
from branchcheck.db import Store
from branchcheck.db.models import Inspection, Signature, TemplateVersion
from branchcheck.engine import ITEM_TYPES, PersonRef
from branchcheck.engine.validate import template_from_content
from branchcheck.errors import TemplateError
from branchcheck.inspections.rows import get_inspection
from branchcheck.people.register import person_ref


@dataclass(frozen=True)
class Party:
    """One signature a record needs: who signs, in what capacity."""

    party: str
    title: dict[str, str]
    person: PersonRef
    signed_at: str | None = None
    strokes: list | None = None  # the handwritten signature as given, once signed


@dataclass(frozen=True)
class Drafted:
    """An item's draft: the whole item's cells as typed ("" part) and its parts' drafts."""

    value: Any = None
    note: str = ""
    parts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
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
    drafts: dict[str, Drafted] = field(default_factory=dict)  # item key → its draft, as typed

    def answered(self, item_key: str) -> bool:
        return item_key in self.answers

    def progress(self) -> tuple[int, int]:
        """(answered, answerable) items: what the window shows as the inspection's progress."""
        items = [i for i in self.template.items() if ITEM_TYPES[i.type].answerable]
        return sum(1 for i in items if i.key in self.answers), len(items)

    def unsigned(self) -> list[Party]:
        return [p for p in self.parties if p.signed_at is None]


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


def template_of(row: TemplateVersion) -> Template:
    """The stored template, validated once per process (templates are immutable by their hash)."""
    template = _TEMPLATES.get(row.sha256)
    if template is None:
        template = template_from_content(row.content, f"{row.key} v{row.version} (stored)").template
        _TEMPLATES[row.sha256] = template
    return template


# ---------------------------------------------------------------- reading one inspection


def people_of(insp: Inspection) -> dict[str, list[PersonRef]]:
    out: dict[str, list[PersonRef]] = {}
    for p in insp.people:
        out.setdefault(p.slot, []).append(person_ref(p.staff))
    return out


def parsed_answers(insp: Inspection, template: Template) -> tuple[dict[str, Any], dict[str, str]]:
    """Item key → the whole answer (parts merged in), and item key → note. Drafts are no
    answers: they are left out here, where every evaluation and record reads answers."""
    values: dict[str, Any] = {}
    notes: dict[str, str] = {}
    parts: dict[str, dict[str, Any]] = {}
    for a in insp.answers:
        if a.draft:
            continue
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


def drafts_of(insp: Inspection) -> dict[str, Drafted]:
    """Item key → its draft, for the window to show again as typed."""
    whole: dict[str, tuple[Any, str]] = {}
    parts: dict[str, dict[str, Any]] = {}
    for a in insp.answers:
        if not a.draft:
            continue
        if a.part:
            parts.setdefault(a.item_key, {})[a.part] = a.value["v"]
        else:
            whole[a.item_key] = (a.value["v"], a.value.get("note", ""))
    return {
        key: Drafted(*whole.get(key, (None, "")), parts=parts.get(key, {}))
        for key in whole.keys() | parts.keys()
    }


def parties(
    template: Template,
    inspector: PersonRef,
    people: dict[str, list[PersonRef]],
    signed: dict[tuple[str, str], tuple[str, list]] | None = None,
) -> list[Party]:
    """Everyone who signs the record; `signed` maps (party, employee no) to (time, strokes)."""
    signed = signed or {}

    def party(key: str, title: dict[str, str], person: PersonRef) -> Party:
        at, strokes = signed.get((key, person.employee_no), (None, None))
        return Party(key, title, person, at, strokes)

    out = [party("inspector", template.inspector.title.as_dict(), inspector)]
    for slot in template.people:
        if slot.signs:
            out += [party(slot.key, slot.title.as_dict(), p) for p in people.get(slot.key, [])]
    return out


def state_of(session: Session, insp: Inspection) -> InspectionState:
    template = template_of(insp.template)
    values, notes = parsed_answers(insp, template)
    people = people_of(insp)
    inspector = person_ref(insp.inspector)
    signed = {
        (sig.party, sig.staff.employee_no): (sig.signed_at, sig.strokes)
        for sig in session.scalars(select(Signature).where(Signature.inspection_id == insp.id))
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
        parties=parties(template, inspector, people, signed),
        drafts=drafts_of(insp),
    )


def load(store: Store, inspection_id: str) -> InspectionState:
    with store.session() as s:
        return state_of(s, get_inspection(s, inspection_id))
