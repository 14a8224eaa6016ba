"""The record tables the rules build, pinned: records and sealed documents depend on their exact
shape (key, title, columns, rows, footer), so a change of how tables are built must not change one
value. The golden file was written by the engine before engine/tables.py existed; regenerate it
only for an intended change of a table: `python -m tests.branchcheck.engine.test_tables_snapshot`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from branchcheck.engine import ITEM_TYPES
from branchcheck.engine.evaluate import evaluate
from branchcheck.paths import examples_dir

from .conftest import make_ctx

EXAMPLES = sorted((examples_dir() / "answers").glob("*.json"))
GOLDEN = Path(__file__).with_name("data") / "tables.json"

ACCOUNT_ROWS = [
    {
        "account_no": "6222000100010001",
        "account_name": "赣州市某商贸有限公司",
        "flags": ["expired_docs", "shared_phone"],
        "flag_labels": "证明文件过期、共用电话",
        "control": "不收不付",
        "decision": "applied",
    },
    {
        "account_no": "6222000100010002",
        "account_name": "某某",
        "flags": ["dormant"],
        "control": "置久悬",
        "decision": "explained",
        "reason": "客户已补件",
    },
    {
        "account_no": "6222000100010003",
        "flags": ["deregistered"],
        "control": "只收不付",
        "decision": "rectify",
        "due_date": "2026-12-20",
    },
    {"account_no": "6222000100010004", "flags": ["revoked"], "control": "不收不付"},
]
REVIEW_FACT = {
    "review_id": "r1",
    "as_of": "2026-11-19",
    "accounts": 120,
    "flagged": 4,
    "undecided": 1,
    "applied": 1,
    "explained": 1,
    "rectify": 1,
    "by_flag": {"dormant": 2, "revoked": {"zh": "吊销", "count": 1}},
}
# Cases the example files do not reach: the optional footer rows and the fact-driven tables.
EXTRA: dict[str, dict[str, Any]] = {
    "vault_total_book_only": {
        "checklist": "vault_check",
        "edit": {
            "cash_count": {
                "rows": {
                    "n100": {"bundles": 2, "straps": 3, "loose": 12},
                    "n50": {"bundles": 0, "straps": 4, "loose": 20},
                    "n20": {"bundles": 0, "straps": 2, "loose": 35},
                    "n10": {"bundles": 0, "straps": 3, "loose": 8},
                    "n5": {"bundles": 0, "straps": 0, "loose": 64},
                    "n1": {"bundles": 0, "straps": 1, "loose": 17},
                    "c1": {"bundles": 0, "straps": 0, "loose": 85},
                    "c05": {"bundles": 0, "straps": 0, "loose": 40},
                    "c01": {"bundles": 0, "straps": 0, "loose": 30},
                }
            }
        },
    },
    "atm_no_slip_no_load": {
        "checklist": "atm_replenishment",
        "edit": {"cassettes": {"slip_fen": None, "load_book_fen": None}},
    },
    "atm_open_differences": {
        "checklist": "atm_replenishment",
        "edit": {
            "open_differences": {
                "rows": [
                    {"booked_on": "2026-11-02", "amount_fen": -10000, "note": "待查"},
                    {"booked_on": "2026-11-18", "amount_fen": 5000},
                ]
            }
        },
    },
    "account_review_list": {
        "checklist": "account_review",
        "date": "2026-11-20T10:00:00+08:00",
        "people": {},
        "answers": {"account_list": {"source": {"as_of": "2026-11-19"}, "rows": ACCOUNT_ROWS}},
    },
    "account_management_with_review": {
        "checklist": "account_management",
        "facts": {"account_review": REVIEW_FACT},
    },
    "account_management_all_decided": {
        "checklist": "account_management",
        "facts": {"account_review": REVIEW_FACT | {"undecided": 0}},
    },
}


def _example(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) | {"checklist": path.stem}


def _case(spec: dict[str, Any]) -> dict[str, Any]:
    base = (
        _example(EXAMPLES[0].with_name(f"{spec['checklist']}.json")) if "date" not in spec else {}
    )
    case = base | spec
    answers = dict(case["answers"])
    for key, changes in spec.get("edit", {}).items():
        answers[key] = answers[key] | changes
    return case | {"answers": answers}


def tables_of(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Every table of the case's evaluation, answers parsed as the inspection service does."""
    day = datetime.fromisoformat(case["date"]).date()
    ctx = make_ctx(case["checklist"], case["people"], day=day, facts=case.get("facts"))
    parsed = {}
    for item in ctx.template.items():
        if item.key in case["answers"]:
            itype = ITEM_TYPES[item.type]
            parsed[item.key] = itype.parse(item, case["answers"][item.key], ctx)
    ctx.answers = parsed
    ev = evaluate(ctx.template, parsed, ctx)
    return [t for o in ev.outcomes.values() for t in o.tables]


def snapshot() -> dict[str, list[dict[str, Any]]]:
    cases = {p.stem: _example(p) for p in EXAMPLES} | {k: _case(v) for k, v in EXTRA.items()}
    # through JSON, as a record stores them (tuples become lists)
    return json.loads(json.dumps({name: tables_of(c) for name, c in cases.items()}))


def _text(tables: list[dict[str, Any]]) -> str:
    return json.dumps(tables, ensure_ascii=False, indent=1)


def test_there_are_examples():
    assert EXAMPLES, f"{examples_dir()}/answers/*.json is empty"


def test_tables_unchanged():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = snapshot()
    assert set(got) == set(golden)
    for name in golden:
        # as text, so an int turned float or a reordered key shows too
        assert _text(got[name]) == _text(golden[name]), name


def test_snapshot_covers_every_table_building_rule():
    keys = {t["key"] for tables in snapshot().values() for t in tables}
    assert {"cash_count", "teller_boxes", "cassettes", "open_differences", "vouchers"} <= keys
    assert {"escort_identity", "box_list", "account_list", "account_review"} <= keys


if __name__ == "__main__":
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps(snapshot(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
