"""Answering: every answer, part of an answer (one account's decision) or cleared answer is
validated and committed (SQLite WAL, synchronous=FULL) before the function returns, so nothing the
screen shows as saved can be lost. Answering a completed, unsealed inspection reopens it.

A draft (`save_draft`) is a partly filled table or entry kept as typed: bounded but not parsed,
it takes the place of the item's answer (the item counts as unanswered until a full answer
replaces it) and never reaches an evaluation or a record. A draft is not evidence, so only the
start of drafting an item is audited (the draft that replaces an answer or begins on an empty
item); saving the same draft again as typing goes on is not."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Answer, Finding, Inspection, Signature
from branchcheck.engine import ITEM_TYPES, Outcome
from branchcheck.engine.bounds import MAX_KEY, MAX_VALUES, shown, text_problem, value_problem
from branchcheck.engine.evaluate import evaluate_item
from branchcheck.errors import AnswerError, StateError
from branchcheck.inspections.context import branch_env, eval_context
from branchcheck.inspections.rows import OPEN_STATES, get_inspection, require_open
from branchcheck.inspections.state import parsed_answers, template_of
from branchcheck.people.permissions import Context, require
from branchcheck.settings import Settings

AUDIT_INLINE_LIMIT = 4000  # larger answers (long account lists) are logged by their hash
NOTE_LIMIT = 2000


def _may_answer(s: Session, insp: Inspection, actor: str | None, settings: Settings) -> None:
    """Only the record's inspector answers it (no check by proxy): the matrix's "answer". The
    window and the CLI always name the signed-in or proven person; `None` is the core's own
    callers (the demo, an answers file already checked)."""
    if actor is not None:
        require(s, actor, "answer", settings, Context(inspector=insp.inspector.employee_no))


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
) -> Outcome:
    """Validate and commit one answer; returns the item's evaluated outcome (totals, difference).

    Answering a completed (not yet signed) inspection reopens it: its findings are made again
    when it is completed."""
    settings, home = branch_env(settings, home)
    now = clock.local_or_now(now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        require_open(insp)
        _may_answer(s, insp, actor, settings)
        template = template_of(insp.template)
        item = template.item(item_key)
        itype = ITEM_TYPES[item.type]
        if not itype.answerable:
            raise AnswerError(f"item '{item_key}' is computed and takes no answer")
        _check_bounds(item_key, item.text["zh"], raw, note)
        values, _ = parsed_answers(insp, template)
        ctx = eval_context(s, insp, template, settings, home, values, facts=False)
        value = itype.parse(item, raw, ctx)
        if itype.takes_parts:  # the whole answer replaces any parts given before
            s.execute(
                delete(Answer).where(
                    Answer.inspection_id == insp.id, Answer.item_key == item_key, Answer.part != ""
                )
            )
        _upsert(s, insp, item_key, "", {"v": value, "note": note.strip()}, now)
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
) -> Outcome:
    """Commit one part of a list answer (one account's decision) without rewriting the list;
    returns the item's evaluated outcome with the part applied."""
    now = clock.local_or_now(now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        require_open(insp)
        _may_answer(s, insp, actor, branch_env(None, None)[0])
        template = template_of(insp.template)
        item = template.item(item_key)
        itype = ITEM_TYPES[item.type]
        _check_bounds(item_key, item.text["zh"], raw, "", part=part)
        values, _ = parsed_answers(insp, template)
        if item_key not in values:
            raise StateError(f"item '{item_key}' has no answer yet to add '{part}' to")
        ctx = eval_context(s, insp, template, branch_env(None, None)[0], None, values, facts=False)
        value = itype.parse_part(item, values[item_key], part, raw, ctx)
        _upsert(s, insp, item_key, part, {"v": value}, now)
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


def clear_answer(
    store: Store, inspection_id: str, item_key: str, *, actor: str | None = None
) -> None:
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        require_open(insp)
        _may_answer(s, insp, actor, branch_env(None, None)[0])
        s.execute(
            delete(Answer).where(Answer.inspection_id == insp.id, Answer.item_key == item_key)
        )
        _reopen_if_completed(s, insp)
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor=actor or insp.inspector.employee_no,
            action="answer.clear",
            subject=insp.id,
            detail={"item": item_key},
        )


def save_draft(
    store: Store,
    inspection_id: str,
    item_key: str,
    raw: Any,
    *,
    part: str = "",
    note: str = "",
    actor: str | None = None,
    now: datetime | None = None,
) -> None:
    """Commit what an item's table or entry holds now, as typed and not yet an answer.

    `raw` is JSON within the answer bounds; a table is {"rows": [[cell, ...], ...]} (cells are
    text, numbers, true/false or null) with the item's other entries as {"fields": {name: cell}}."""
    now = clock.local_or_now(now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        require_open(insp)
        _may_answer(s, insp, actor, branch_env(None, None)[0])
        item = template_of(insp.template).item(item_key)
        if not ITEM_TYPES[item.type].answerable:
            raise AnswerError(f"item '{item_key}' is computed and takes no answer")
        _check_bounds(item_key, item.text["zh"], raw, note, part=part)
        problem = draft_problem(raw)
        if problem:
            raise AnswerError(f"item '{item_key}' ({item.text['zh']}): 草稿 / draft: {problem}")
        before = _row(s, insp, item_key, part)
        replaces_answer = before is not None and not before.draft
        _upsert(s, insp, item_key, part, {"v": raw, "note": note.strip()}, now, draft=True)
        if before is None or replaces_answer:
            audit.append(
                s,
                at=clock.iso(now),
                actor=actor or insp.inspector.employee_no,
                action="answer.draft",
                subject=insp.id,
                detail={"item": item_key, "part": part, "replaces_answer": replaces_answer},
            )


def draft_problem(raw: Any) -> str | None:
    """Why `raw` is not a draft's shape: null, a cell, or {"rows": [[cell]], "fields": {cell}}."""
    if raw is None or _is_cell(raw):
        return None
    if not isinstance(raw, dict) or set(raw) - {"rows", "fields"}:
        return "应为表格行与字段 / must be rows and fields of cells"
    rows = raw.get("rows", [])
    if not isinstance(rows, list) or len(rows) > MAX_VALUES:
        return "表格行应为列表 / rows must be a list"
    for n, row in enumerate(rows, 1):
        if not isinstance(row, list) or not all(_is_cell(c) for c in row):
            return f"第 {n} 行应为单元格列表 / row {n} must be a list of cells"
    fields = raw.get("fields", {})
    if not isinstance(fields, dict) or not all(_is_cell(c) for c in fields.values()):
        return "字段应为单元格 / fields must be cells"
    return None


def _is_cell(value: Any) -> bool:
    return value is None or isinstance(value, str | bool | int | float)


def set_section(store: Store, inspection_id: str, index: int) -> None:
    """Remember where the inspector is, so a reopened inspection resumes there."""
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        if insp.status in OPEN_STATES:
            insp.current_section = max(0, index)


def _check_bounds(item_key: str, name: str, raw: Any, note: Any, *, part: str = "") -> None:
    """The answer's shape and bounds (branchcheck.inspections.bounds), before the item parses it."""
    where = f"item '{item_key}' ({name})"
    part_problem = text_problem(part, MAX_KEY)
    if part_problem:
        raise AnswerError(f"{where}: part {shown(part)}: {part_problem}")
    problem = value_problem(raw, "answer")
    if problem:
        raise AnswerError(f"{where}: {problem}")
    note_problem = text_problem(note, NOTE_LIMIT)
    if note_problem:
        raise AnswerError(f"{where}: 备注 / note: {note_problem}")


def _row(s: Session, insp: Inspection, item_key: str, part: str) -> Answer | None:
    return s.scalars(
        select(Answer).where(
            Answer.inspection_id == insp.id, Answer.item_key == item_key, Answer.part == part
        )
    ).first()


def _upsert(
    s: Session,
    insp: Inspection,
    item_key: str,
    part: str,
    stored: dict[str, Any],
    now: datetime,
    *,
    draft: bool = False,
) -> None:
    """The one write path of an answer ("" part) or of one part of it, or of a draft of either:
    a full answer replaces the draft, a draft the answer."""
    existing = _row(s, insp, item_key, part)
    if existing:
        existing.value = stored
        existing.answered_at = clock.iso(now)
        existing.draft = draft
    else:
        s.add(
            Answer(
                inspection_id=insp.id,
                item_key=item_key,
                part=part,
                value=stored,
                answered_at=clock.iso(now),
                draft=draft,
            )
        )
    _reopen_if_completed(s, insp)


def _reopen_if_completed(s: Session, insp: Inspection) -> None:
    """A changed answer voids the findings and signatures of a completed inspection."""
    if insp.status != "completed":
        return
    insp.status = "in_progress"
    insp.completed_at = None
    s.execute(delete(Finding).where(Finding.inspection_id == insp.id))
    s.execute(delete(Signature).where(Signature.inspection_id == insp.id))


def _answer_detail(item_key: str, value: Any, note: str) -> dict[str, Any]:
    body = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if len(body) <= AUDIT_INLINE_LIMIT:
        return {"item": item_key, "value": value, "note": note}
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return {"item": item_key, "value_sha256": digest, "value_chars": len(body), "note": note}
