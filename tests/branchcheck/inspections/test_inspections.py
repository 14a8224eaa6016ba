"""The inspection service: answers committed at once, findings, completion, weekly coverage,
sealed records that never change, corrections (repeat findings: tests/branchcheck/findings)."""

from datetime import datetime

import pytest

from branchcheck import inspections
from branchcheck.db import open_store
from branchcheck.errors import AnswerError, StateError

from ...conftest import PASSWORD
from ..conftest import YES

PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004", "E005", "E006"]}
YES_ITEMS = YES  # every yes/no item of the vault check


def fill(store, iid, *, short_fen=0, when=None, tellers=("E004", "E005", "E006")):
    for key in YES_ITEMS:
        inspections.answer(store, iid, key, "yes", now=when)
    inspections.answer(
        store,
        iid,
        "cash_count",
        {
            "rows": {"n100": {"bundles": 1, "straps": 0, "loose": 0}},
            "book_fen": 100000 * 100 + short_fen,
        },
        now=when,
    )
    inspections.answer(
        store,
        iid,
        "teller_boxes",
        {"rows": [{"teller": t, "system_fen": 500000, "counted_fen": 500000} for t in tellers]},
        now=when,
    )


def start(store, when=None, people=PEOPLE):
    return inspections.start(
        store, checklist="vault_check", inspector="E001", people=people, now=when
    )


def test_answer_is_committed_before_it_returns(people_store):
    iid = start(people_store)
    inspections.answer(people_store, iid, "no_iou", "yes")
    other = open_store(people_store.path)  # a second connection sees it: it is on disk
    assert inspections.load(other, iid).answers == {"no_iou": "yes"}
    other.dispose()


def test_bad_answer_changes_nothing(people_store):
    iid = start(people_store)
    inspections.answer(people_store, iid, "no_iou", "yes")
    with pytest.raises(AnswerError, match="item 'no_iou'.*yes, no or na"):
        inspections.answer(people_store, iid, "no_iou", "maybe")
    with pytest.raises(AnswerError, match="not applicable is not allowed"):
        inspections.answer(people_store, iid, "no_iou", "na")
    assert inspections.load(people_store, iid).answers == {"no_iou": "yes"}


def test_complete_requires_every_required_item(people_store):
    iid = start(people_store)
    inspections.answer(people_store, iid, "no_iou", "yes")
    with pytest.raises(AnswerError, match="required item.*cash_count"):
        inspections.complete(people_store, iid)


def test_shortage_becomes_a_finding_for_the_vault_keeper(people_store):
    iid = start(people_store, datetime(2026, 11, 19, 10, 0))
    fill(people_store, iid, short_fen=10000)  # book is ¥100 more than counted
    ev = inspections.complete(people_store, iid, now=datetime(2026, 11, 19, 11, 0))
    assert ev.outcomes["cash_count"].result == "fail"
    [f] = inspections.findings(people_store, iid)
    assert "短款 ¥100.00" in f.title["zh"]
    assert f.responsible.employee_no == "E003"
    assert f.severity == "critical" and f.due_date == "2026-11-20"
    assert f.risk_driver.zh == "账务处理失误"


def test_weekly_coverage_pending_midweek_and_failing_on_the_last_working_day(people_store):
    wed = datetime(2026, 11, 18, 10, 0)
    iid = start(people_store, wed, {"vault_keeper": ["E003"], "tellers": ["E004"]})
    fill(people_store, iid, tellers=("E004",))
    ev = inspections.complete(people_store, iid, now=wed)
    assert ev.outcomes["weekly_coverage"].result == "pending"
    assert "刘芳" in ev.outcomes["weekly_coverage"].display["zh"]
    fri = datetime(2026, 11, 20, 10, 0)
    iid2 = start(people_store, fri, {"vault_keeper": ["E003"], "tellers": ["E005"]})
    fill(people_store, iid2, tellers=("E005",))
    ev2 = inspections.complete(people_store, iid2, now=fri)
    assert ev2.outcomes["weekly_coverage"].result == "fail"
    assert ev2.outcomes["weekly_coverage"].computed["missing"] == ["E006"]


def test_pre_holiday_check_day(people_store):
    day = datetime(2026, 2, 14, 9, 0)  # make-up Saturday before the Spring Festival
    iid = start(people_store, day)
    fill(people_store, iid, when=day)
    ev = inspections.complete(people_store, iid, now=day)
    assert ev.outcomes["pre_holiday"].result == "pass"
    assert "2026-02-15" in ev.outcomes["pre_holiday"].display["zh"]


def test_answering_a_completed_inspection_reopens_it(people_store):
    iid = start(people_store)
    fill(people_store, iid)
    inspections.complete(people_store, iid)
    inspections.answer(people_store, iid, "registers", "no")
    state = inspections.load(people_store, iid)
    assert state.status == "in_progress" and inspections.findings(people_store, iid) == []


def test_signing_needs_a_completed_inspection_and_the_right_person(people_store):
    iid = start(people_store)
    strokes = [[[10, 10], [100, 50], [200, 80]]]
    with pytest.raises(StateError, match="completed"):
        inspections.sign(
            people_store,
            iid,
            party="inspector",
            employee_no="E001",
            strokes=strokes,
            password=PASSWORD,
        )
    fill(people_store, iid)
    inspections.complete(people_store, iid)
    with pytest.raises(StateError, match="does not sign"):
        inspections.sign(
            people_store,
            iid,
            party="vault_keeper",
            employee_no="E004",
            strokes=strokes,
            password=PASSWORD,
        )
    inspections.sign(
        people_store,
        iid,
        party="vault_keeper",
        employee_no="E003",
        strokes=strokes,
        password=PASSWORD,
    )
    state = inspections.load(people_store, iid)
    signed = {p.person.employee_no for p in state.parties if p.signed_at}
    assert signed == {"E003"}
    with pytest.raises(StateError, match="signatures missing"):
        inspections.seal(people_store, iid, key_password="x")


def test_resume_position_and_open_inspection(people_store):
    iid = start(people_store)
    inspections.set_section(people_store, iid, 2)
    assert inspections.open_inspection_for(people_store, "E001") == iid
    assert inspections.load(people_store, iid).current_section == 2
