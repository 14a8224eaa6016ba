"""The example answers files run through the inspection service as a branch would: start with the
file's people, answer every item, complete; the findings are the ones the example is meant to show."""

import json
from datetime import datetime

import pytest

from branchcheck import inspections
from branchcheck.engine import ITEM_TYPES
from branchcheck.engine.validate import load_all
from branchcheck.paths import examples_dir

EXAMPLES = examples_dir() / "answers"

EXPECTED = {
    "cashbox_handover": {("handover_time", "medium"), ("register_signed", "medium")},
    "atm_replenishment": {("cassettes", "critical")},
    "blank_vouchers": {("vouchers", "high"), ("voided_handled", "medium")},
    "account_management": {("dormant_accounts", "high")},
    "vault_check": {("teller_boxes", "high"), ("registers", "low")},
}


def data(key):
    return json.loads((EXAMPLES / f"{key}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_example_runs_start_to_complete(branch_store, key):
    d = data(key)
    assert set(d) <= {"date", "late_reason", "people", "answers", "notes", "signatures"}
    when = datetime.fromisoformat(d["date"])
    template = load_all()[key].template
    answerable = {i.key for i in template.items() if ITEM_TYPES[i.type].answerable}
    assert set(d["answers"]) == answerable  # the example shows every item

    iid = inspections.start(
        branch_store, checklist=key, inspector="E001", people=d["people"], now=when
    )
    for item_key, raw in d["answers"].items():
        inspections.answer(
            branch_store, iid, item_key, raw, note=d.get("notes", {}).get(item_key, ""), now=when
        )
    ev = inspections.complete(branch_store, iid, now=when)
    got = {(f.item_key, f.severity) for f in ev.findings}
    assert got == EXPECTED[key]
    stored = inspections.findings(branch_store, iid)
    assert {(f.item_key, f.severity) for f in stored} == EXPECTED[key]
    assert all(f.responsible for f in stored)


def test_handover_example_through_the_answers_file_path(branch_store):
    summary = inspections.run_answers_file(
        branch_store, "cashbox_handover", data("cashbox_handover"), inspector="E001"
    )
    items = summary.items
    assert items["box_list"].result == "pass" and items["box_list"].computed["count_diff"] == 0
    assert items["escort_identity"].result == "pass"
    assert items["handover_time"].computed == {"window": "07:30–09:00", "time": "09:12"}


def test_examples_computed_figures(branch_store):
    atm = (
        inspections.run_answers_file(
            branch_store, "atm_replenishment", data("atm_replenishment"), inspector="E010"
        )
        .items["cassettes"]
        .computed
    )
    assert (atm["host_fen"], atm["counted_fen"], atm["diff_host_fen"]) == (
        32510000,
        32505000,
        -5000,
    )
    assert atm["diff_load_fen"] == 0
    vouchers = (
        inspections.run_answers_file(
            branch_store, "blank_vouchers", data("blank_vouchers"), inspector="E010"
        )
        .items["vouchers"]
        .computed
    )
    assert vouchers["transfer_cheque"]["skipped"] == [["10285631", "10285631"]]
    assert vouchers["cash_cheque"]["next"] == "00412327"
    assert vouchers["passbook"]["closing"] == 161
