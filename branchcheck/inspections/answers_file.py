"""A whole inspection from an answers file (`branchcheck inspect`). Every check runs before
anything is stored — the whole file's shape and bounds (branchcheck.engine.bounds: money, counts,
text, nesting; dates from 2000-01-01 to today), the same people rules as `start`, the same parsing
as `answer`, the same required items as `complete` — so a bad file stores and audits nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from branchcheck import clock
from branchcheck.checklists import LoadedTemplate, Template
from branchcheck.db import Store
from branchcheck.engine import ITEM_TYPES, EvalContext
from branchcheck.engine.bounds import MAX_KEY, shown, text_problem, value_problem
from branchcheck.engine.evaluate import evaluate
from branchcheck.engine.validate import load_all
from branchcheck.errors import (
    AnswerError,
    BranchCheckError,
    EntryError,
    InputFileError,
    NotFoundError,
)
from branchcheck.inspections.answering import NOTE_LIMIT, answer
from branchcheck.inspections.context import branch_env, facts_for, register_facts
from branchcheck.inspections.lifecycle import (
    check_entry,
    complete,
    discard,
    resolve_people,
    start,
)
from branchcheck.inspections.listing import findings
from branchcheck.inspections.signing import copies, prove_signer, seal, sign
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


MAX_FILE_BYTES = 64 * 1024 * 1024  # a year of account lists fits many times over
MAX_PEOPLE = 100  # people named in one slot
EMPLOYEE_NO_LIMIT = 32  # the register's employee numbers (staff.employee_no)
EARLIEST = date(2000, 1, 1)  # no branch enters an inspection held before BranchCheck's records


@dataclass(frozen=True)
class _Checked:
    when: datetime | None
    people: dict[str, Any]
    answers: dict[str, Any]
    notes: dict[str, str]
    authorisation: Any
    late_reason: str


def read_json_file(path: Path | str, what: str = "the answers file") -> Any:
    """A JSON file as data, read within bounds: too large, not UTF-8, not JSON, nested too deeply
    for the parser, or a non-finite number is an InputFileError naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputFileError(
                f"{path}: {what} is larger than {MAX_FILE_BYTES // 2**20} MiB ({size} bytes)"
            )
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read {what} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise InputFileError(f"{path}: {what} is not UTF-8 text") from None
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise InputFileError(f"{path}: {what} is nested too deeply") from None
    except ValueError as exc:
        raise InputFileError(f"{path}: not valid JSON ({exc})") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _fail(source: str, where: str, problem: str) -> InputFileError:
    return InputFileError(f"{source}: {where}: {problem}")


def _named(key: Any) -> str:
    """A key as a message names it: as written when it is short text, else quoted and cut."""
    return key if text_problem(key, MAX_KEY) is None else shown(key)


def _item_name(template: Template, key: str) -> str:
    item = next((i for i in template.items() if i.key == key), None)
    return f"item '{key}' ({item.text['zh']})" if item else f"item {shown(key)}"


def _when(raw: Any, source: str, now: datetime) -> datetime | None:
    """The file's date: an ISO date and time from 2000-01-01 to today (the branch's)."""
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or len(raw) > 40:
        raise _fail(
            source, "date", f"应为 ISO 日期时间 / must be an ISO date and time, got {shown(raw)}"
        )
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        raise _fail(source, "date", f"'{raw}' is not an ISO date and time") from None
    today = clock.local(now).date()
    # checked before the branch's zone is applied (9999-12-31 in another zone overflows); within a
    # day of today the entry rules (lifecycle.entry_problems) say whether it is in the future
    if when.date() < EARLIEST:
        raise _fail(
            source,
            "date",
            f"检查日期 {when.date()} 早于 {EARLIEST} / the inspection date {when.date()} is "
            f"before {EARLIEST}",
        )
    if when.date() > today + timedelta(days=1):
        raise EntryError(
            {
                "date": f"检查日期 {when.date()} 晚于今天（{today}），不能预先登记 / the "
                f"inspection date {when.date()} is after today ({today})"
            }
        )
    return when


def _people(raw: Any, source: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail(source, "people", f"应为对象 / must be an object, got {shown(raw)}")
    for slot, numbers in raw.items():
        where = f"people.{_named(slot)}"
        listed = [numbers] if isinstance(numbers, str) else numbers
        if (
            not isinstance(listed, list)
            or len(listed) > MAX_PEOPLE
            or any(text_problem(no, EMPLOYEE_NO_LIMIT) for no in listed)
        ):
            raise _fail(
                source,
                where,
                "应为工号或工号列表 / must be an employee number or a list of at most "
                f"{MAX_PEOPLE} employee numbers, got {shown(numbers)}",
            )
    return raw


def _notes(raw: Any, template: Template, source: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail(source, "notes", f"应为对象 / must be an object, got {shown(raw)}")
    for key, note in raw.items():
        if text_problem(key, MAX_KEY):
            raise _fail(source, "notes", f"no item {shown(key)} in checklist '{template.key}'")
        problem = text_problem(note, NOTE_LIMIT)
        if problem:
            raise _fail(source, f"notes: {_item_name(template, key)}", f"备注 / note: {problem}")
    return raw


def _shape(template: Template, data: dict[str, Any], source: str, now: datetime) -> _Checked:
    """The whole file's shape and bounds, field by field, before anything else reads it."""
    unknown = [k for k in data if k not in _FILE_KEYS]
    if unknown:
        raise InputFileError(f"{source}: unknown field(s) {', '.join(map(_named, unknown))}")
    if data.get("checklist") not in (None, template.key):
        raise InputFileError(
            f"{source}: the file is for checklist {shown(data['checklist'])}, not '{template.key}'"
        )
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise _fail(source, "answers", f"应为对象 / must be an object, got {shown(answers)}")
    for key, raw in answers.items():
        if text_problem(key, MAX_KEY):
            raise _fail(source, "answers", f"no item {shown(key)} in checklist '{template.key}'")
        problem = value_problem(raw, "answer")
        if problem:
            raise _fail(source, _item_name(template, key), problem)
    if not isinstance(data.get("signatures") or {}, dict):
        raise _fail(
            source, "signatures", "应为对象（工号 → 笔迹）/ must be an object (employee → strokes)"
        )
    for field in ("authorisation", "signatures"):
        problem = value_problem(data.get(field), field)
        if problem:
            raise InputFileError(f"{source}: {problem}")
    late_reason = data.get("late_reason") or ""
    problem = text_problem(late_reason, NOTE_LIMIT)
    if problem:
        raise _fail(source, "late_reason", f"补录原因 / late-entry reason: {problem}")
    return _Checked(
        _when(data.get("date"), source, now),
        _people(data.get("people"), source),
        answers,
        _notes(data.get("notes"), template, source),
        data.get("authorisation"),
        late_reason,
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
    valid: dict[str, list] = {}
    for no, strokes in signatures.items():
        try:
            valid[no] = handwriting.validate_strokes(strokes)
        except AnswerError as exc:
            raise InputFileError(f"{source}: signature of {no}: {exc.message}") from None
        same = [
            other for other, earlier in valid.items() if other != no and copies(earlier, valid[no])
        ]
        if same:
            raise InputFileError(
                f"{source}: {no} 与 {same[0]} 的签名相同 / the signatures of {same[0]} and {no} "
                "are the same: each person signs by their own hand"
            )


def check_answers_file(
    store: Store,
    checklist: str,
    data: Any,
    *,
    inspector: str,
    with_signatures: bool = False,
    source: str = "answers file",
    settings: Settings | None = None,
    home: Path | None = None,
    now: datetime | None = None,
) -> None:
    """Everything that can be wrong with an answers file, found without writing anything: its
    shape and bounds, its people, answers, required items and (with_signatures) signatures.
    Raises InputFileError (NotFoundError for an unknown checklist or person)."""
    settings, home = branch_env(settings, home)
    _check(store, checklist, data, inspector, with_signatures, source, settings, home, now)


def _check(
    store: Store,
    checklist: str,
    data: Any,
    inspector: str,
    with_signatures: bool,
    source: str,
    settings: Settings,
    home: Path,
    now: datetime | None,
) -> tuple[LoadedTemplate, _Checked]:
    templates = load_all()
    if checklist not in templates:
        raise NotFoundError(f"no checklist {shown(checklist)} (have: {', '.join(templates)})")
    if not isinstance(data, dict):
        raise InputFileError(f"{source}: the answers file must hold a JSON object")
    loaded = templates[checklist]
    now = clock.local_or_now(now)
    checked = _shape(loaded.template, data, source, now)
    signatures = (data.get("signatures") or {}) if with_signatures else None
    _precheck(store, loaded, checked, inspector, signatures, settings, home, source, now)
    return loaded, checked


def run_answers_file(
    store: Store,
    checklist: str,
    data: Any,
    *,
    inspector: str,
    sign_and_seal: bool = False,
    key_password: str | None = None,
    signer_passwords: Mapping[str, str] | None = None,
    source: str = "answers file",
    entry_clock: Callable[[], datetime] | None = None,
    settings: Settings | None = None,
    home: Path | None = None,
) -> InspectResult:
    """A whole inspection from an answers file; returns the record ID, item results, computed
    values and findings.

    With `sign_and_seal`, every signer's own sign-in password is in `signer_passwords` (by employee
    number, the inspector's too), each checked before anything is stored.
    The file's date is when the inspection took place; its start, answers, completion, signatures
    and seal carry the real time each is made: `entry_clock()` (the demo's history), else now."""
    settings, home = branch_env(settings, home)
    tick = entry_clock or clock.now
    loaded, checked = _check(
        store, checklist, data, inspector, sign_and_seal, source, settings, home, tick()
    )
    signatures = (data.get("signatures") or {}) if sign_and_seal else None
    passwords = dict(signer_passwords or {})
    started = tick()
    if signatures is not None:
        from branchcheck.records import keys

        # a wrong password or key stops before anything is stored
        for no in signatures:
            prove_signer(store, no, passwords.get(no, ""), settings=settings, now=started)
        keys.load_credential(store, inspector, key_password or "")
    iid = start(
        store,
        checklist=loaded,
        inspector=inspector,
        people=checked.people,
        authorisation=checked.authorisation,
        held_at=checked.when,
        late_reason=checked.late_reason,
        settings=settings,
        now=started,
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
                    password=passwords.get(party.person.employee_no, ""),
                    settings=settings,
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
