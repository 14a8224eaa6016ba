"""A whole inspection from an answers file (`branchcheck inspect`). Every check runs before
anything is stored — the same people rules as `start`, the same parsing as `answer`, the same
required items as `complete` — so a bad file stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from branchcheck import clock
from branchcheck.checklists import LoadedTemplate
from branchcheck.db import Store
from branchcheck.engine import ITEM_TYPES, EvalContext
from branchcheck.engine.evaluate import evaluate
from branchcheck.engine.validate import load_all
from branchcheck.errors import AnswerError, BranchCheckError, InputFileError, NotFoundError
from branchcheck.inspections.answering import answer
from branchcheck.inspections.context import branch_env, facts_for, register_facts
from branchcheck.inspections.lifecycle import (
    check_entry,
    complete,
    discard,
    resolve_people,
    start,
)
from branchcheck.inspections.listing import findings
from branchcheck.inspections.signing import seal, sign
from branchcheck.inspections.state import load, parties
from branchcheck.people.register import get_branch, person_ref
from branchcheck.settings import Settings
from branchcheck.views import InspectResult, ItemResult

_FILE_KEYS = {
    "checklist",
    "date",
    "people",
    "answers",
    "notes",
    "signatures",
    "authorisation",
    "late_reason",
}


@dataclass(frozen=True)
class _Checked:
    when: datetime | None
    people: dict[str, Any]
    answers: dict[str, Any]
    notes: dict[str, str]
    authorisation: Any
    late_reason: str


def _shape(template_key: str, data: dict[str, Any], source: str) -> _Checked:
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise InputFileError(f"{source}: unknown field(s) {', '.join(sorted(unknown))}")
    if data.get("checklist") not in (None, template_key):
        raise InputFileError(
            f"{source}: the file is for checklist '{data['checklist']}', not '{template_key}'"
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
    late_reason = data.get("late_reason") or ""
    if not isinstance(late_reason, str):
        raise InputFileError(f"{source}: 'late_reason' must be text")
    return _Checked(
        when, people, answers, data.get("notes") or {}, data.get("authorisation"), late_reason
    )


def _precheck(
    store: Store,
    loaded: LoadedTemplate,
    checked: _Checked,
    inspector: str,
    signatures: dict[str, Any] | None,
    settings: Settings,
    home: Path,
    source: str,
    now: datetime,
) -> None:
    """Everything that can be wrong with an answers file, found before anything is stored."""
    template = loaded.template
    keys = {i.key for i in template.items()}
    for key in list(checked.answers) + list(checked.notes):
        if key not in keys:
            raise InputFileError(f"{source}: checklist '{template.key}' has no item '{key}'")
    today: date = clock.local(checked.when).date() if checked.when else now.date()
    with store.session() as s:
        insp_staff, _rows, refs = resolve_people(s, template, inspector, checked.people)
        check_entry(
            s,
            template,
            insp_staff,
            authorisation=checked.authorisation,
            held_at=checked.when,
            late_reason=checked.late_reason,
            now=now,
            settings=settings,
        )
        inspector_ref = person_ref(insp_staff)
        ctx = EvalContext(
            template=template,
            local_date=today,
            inspector=inspector_ref,
            people=refs,
            settings=settings,
            facts=register_facts(s, template),
        )
        parsed = {}
        for item in template.items():
            if item.key in checked.answers:
                try:
                    parsed[item.key] = ITEM_TYPES[item.type].parse(
                        item, checked.answers[item.key], ctx
                    )
                except AnswerError as exc:
                    raise InputFileError(f"{source}: {exc.message}") from None
        ctx.facts = facts_for(
            s, branch_id=get_branch(s).id, checklist_key=template.key, today=today, home=home
        )
        ctx.answers = parsed
        missing = evaluate(template, parsed, ctx).missing_required
    if missing:
        raise InputFileError(f"{source}: required item(s) without an answer: {', '.join(missing)}")
    if signatures is not None:
        _check_signatures(source, parties(template, inspector_ref, refs), signatures)


def _check_signatures(source: str, needed: list, signatures: dict[str, Any]) -> None:
    from branchcheck.records import handwriting

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


def run_answers_file(
    store: Store,
    checklist: str,
    data: Any,
    *,
    inspector: str,
    sign_and_seal: bool = False,
    key_password: str | None = None,
    source: str = "answers file",
    entry_clock: Callable[[], datetime] | None = None,
    settings: Settings | None = None,
    home: Path | None = None,
) -> InspectResult:
    """A whole inspection from an answers file; returns the record ID, item results, computed
    values and findings.

    The file's date is when the inspection took place; its start, answers, completion, signatures
    and seal carry the real time each is made: `entry_clock()` (the demo's history), else now."""
    templates = load_all()
    if checklist not in templates:
        raise NotFoundError(f"no checklist '{checklist}' (have: {', '.join(templates)})")
    if not isinstance(data, dict):
        raise InputFileError(f"{source}: the answers file must hold a JSON object")
    loaded = templates[checklist]
    settings, home = branch_env(settings, home)
    checked = _shape(loaded.template.key, data, source)
    signatures = (data.get("signatures") or {}) if sign_and_seal else None
    tick = entry_clock or clock.now
    _precheck(store, loaded, checked, inspector, signatures, settings, home, source, tick())
    if sign_and_seal:
        from branchcheck.records import keys

        keys.load_credential(store, inspector, key_password or "")  # wrong: stop before storing
    iid = start(
        store,
        checklist=loaded,
        inspector=inspector,
        people=checked.people,
        authorisation=checked.authorisation,
        held_at=checked.when,
        late_reason=checked.late_reason,
        settings=settings,
        now=tick(),
    )
    try:
        for key, raw in checked.answers.items():
            answer(
                store,
                iid,
                key,
                raw,
                note=checked.notes.get(key, ""),
                actor=inspector,
                settings=settings,
                home=home,
                now=tick(),
            )
        ev = complete(store, iid, settings=settings, home=home, now=tick())
        if signatures is not None:
            for party in load(store, iid).parties:
                sign(
                    store,
                    iid,
                    party=party.party,
                    employee_no=party.person.employee_no,
                    strokes=signatures[party.person.employee_no],
                    now=tick(),
                )
            seal(
                store,
                iid,
                key_password=key_password or "",
                settings=settings,
                home=home,
                now=tick(),
            )
    except BranchCheckError:
        discard(store, iid, actor=inspector)
        raise
    return InspectResult(
        record_id=iid,
        checklist=checklist,
        status=load(store, iid).status,
        items={
            k: ItemResult(o.result, dict(o.display), dict(o.computed))
            for k, o in ev.outcomes.items()
        },
        counts=ev.counts(),
        findings=tuple(findings(store, iid)),
    )
