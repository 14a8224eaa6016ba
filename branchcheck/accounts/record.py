"""The account-list review as a record: import the core system's list, classify it, and start an
`account_review` inspection whose item holds every flagged account; the manager then decides
account by account (each decision committed at once), and the review is completed, signed, sealed
and exported like every record."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from branchcheck import inspections
from branchcheck.accounts.rules import ReviewSettings
from branchcheck.db import Store
from branchcheck.errors import AnswerError, InputFileError, NotFoundError, StateError
from branchcheck.inspections.context import branch_env
from branchcheck.settings import Settings

CHECKLIST = "account_review"
ITEM = "account_list"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def review_rows(rv) -> list[dict[str, Any]]:
    """The flagged accounts as rows of the account_list_review item, undecided."""
    rows = []
    for account, flags in rv.flagged_accounts():
        rows.append(
            {
                "account_no": account.account_no,
                "account_name": account.account_name,
                "customer_id": account.customer_id,
                "flags": [f.code for f in flags],
                "flag_labels": "、".join(f.label_zh for f in flags),
                "control": "；".join(f.control_zh for f in flags),
                "source": "；".join(dict.fromkeys(f.source for f in flags)),
                "decision": None,
                "reason": "",
                "due_date": None,
            }
        )
    return rows


def start_review(
    store: Store,
    path: str | Path,
    *,
    as_of: date,
    inspector: str,
    checker: str | None = None,
    mapping: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
    settings: Settings | None = None,
):
    """Read and classify the list with the branch's settings, then start the review record.
    Returns (inspection ID, Review). A list that cannot be read raises InputFileError and starts
    nothing."""
    from branchcheck.accounts import review as run_review

    rules = ReviewSettings.from_settings(branch_env(settings, None)[0])
    rv = run_review(Path(path), as_of, mapping=mapping, progress=progress, settings=rules)
    return record_review(store, rv, inspector=inspector, checker=checker, now=now), rv


def record_review(
    store: Store, rv, *, inspector: str, checker: str | None = None, now: datetime | None = None
) -> str:
    """Start the review record of an already classified list; returns the inspection ID."""
    path = Path(rv.source)
    value = {
        "source": {
            "file": path.name,
            "sha256": _sha256(path),
            "as_of": rv.as_of.isoformat(),
            "accounts": len(rv.accounts),
            "flagged": rv.flagged,
            "errors": len(rv.errors),
            "warnings": len(rv.row_warnings),
            "by_flag": {k: v for k, v in rv.by_flag.items() if v},
        },
        "rows": review_rows(rv),
    }
    people = {"checker": [checker]} if checker else {}
    iid = inspections.start(store, checklist=CHECKLIST, inspector=inspector, people=people, now=now)
    try:
        inspections.answer(store, iid, ITEM, value, actor=inspector, now=now)
    except AnswerError:
        inspections.discard(store, iid, actor=inspector)
        raise
    return iid


def decide(
    store: Store,
    inspection_id: str,
    account_no: str,
    *,
    decision: str | None,
    reason: str = "",
    due_date: str | None = None,
    actor: str | None = None,
):
    """Record the manager's decision on one flagged account: one small write, committed before
    returning. Returns the review item's outcome (undecided and to-rectify counts)."""
    state = inspections.load(store, inspection_id)
    if state.template.key != CHECKLIST:
        raise StateError(
            f"{inspection_id} is a {state.template.key} inspection, not an account review"
        )
    if ITEM not in state.answers:
        raise NotFoundError(f"review {inspection_id} holds no account list")
    return inspections.answer_part(
        store,
        state.id,
        ITEM,
        account_no,
        {"decision": decision, "reason": reason, "due_date": due_date},
        actor=actor,
    )


def parse_decision(text: str) -> str:
    aliases = {
        "applied": "applied",
        "已采取控制": "applied",
        "control": "applied",
        "explained": "explained",
        "已说明": "explained",
        "rectify": "rectify",
        "限期整改": "rectify",
    }
    if text not in aliases:
        raise InputFileError(f"decision '{text}' is not one of applied, explained, rectify")
    return aliases[text]
