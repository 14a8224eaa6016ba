"""One core function per user action on an inspection; the window and the CLI both call these.

    rows         finding an inspection, the guard that keeps a sealed record unchanged (light)
    state        an inspection as read: template, people, answers, who signs
    context      what the rules see of the store (staff by role, this week's checks, holidays)
    answering    answer, answer_part, clear_answer, save_draft, set_section — each committed before it returns
    lifecycle    start, evaluation, complete (findings made), correct, discard
    signing      sign (the signer's own password), preview, seal
    evidence     files on items: add_item_evidence, remove_item_evidence, item_evidence
    listing      list_records, findings, open_inspection_for, record_files, export (light)
    answers_file run_answers_file: a whole inspection from a file, checked before anything is stored

The parts load on first use, so a read-only command pays only for the listing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from branchcheck.lazy import lazy_names

if TYPE_CHECKING:
    from branchcheck.inspections.answering import (
        answer,
        answer_part,
        clear_answer,
        save_draft,
        set_section,
    )
    from branchcheck.inspections.answers_file import run_answers_file
    from branchcheck.inspections.lifecycle import complete, correct, discard, evaluation, start
    from branchcheck.inspections.listing import (
        export,
        export_name,
        findings,
        list_records,
        open_inspection_for,
        record_files,
        resolve_id,
    )
    from branchcheck.inspections.rows import OPEN_STATES
    from branchcheck.inspections.signing import preview, seal, sign
    from branchcheck.inspections.state import InspectionState, Party, load, store_template

_PARTS = {
    "answering": ("answer", "answer_part", "clear_answer", "save_draft", "set_section"),
    "answers_file": ("run_answers_file",),
    "lifecycle": ("complete", "correct", "discard", "evaluation", "start"),
    "listing": (
        "export",
        "export_name",
        "findings",
        "list_records",
        "open_inspection_for",
        "record_files",
        "resolve_id",
    ),
    "rows": ("OPEN_STATES",),
    "signing": ("preview", "seal", "sign"),
    "state": ("InspectionState", "Party", "load", "store_template"),
}
__all__ = [
    "InspectionState",
    "OPEN_STATES",
    "Party",
    "answer",
    "answer_part",
    "clear_answer",
    "complete",
    "correct",
    "discard",
    "evaluation",
    "export",
    "export_name",
    "findings",
    "list_records",
    "load",
    "open_inspection_for",
    "preview",
    "record_files",
    "resolve_id",
    "run_answers_file",
    "save_draft",
    "seal",
    "set_section",
    "sign",
    "start",
    "store_template",
]


__getattr__ = lazy_names(__name__, _PARTS)
