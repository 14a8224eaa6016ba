"""The pre-holiday item on the record: a date from the estimated calendar is labelled."""

from datetime import date

from branchcheck import inspections
from branchcheck.holidays import ESTIMATE_NOTE

from ..schedule.conftest import vault_check


def outcome(store, day):
    iid = vault_check(store, day, complete=False)
    return inspections.evaluation(store, iid).outcomes["pre_holiday"]


def test_late_december_2026_sees_the_2027_new_year_block_labelled(people_store):
    o = outcome(people_store, date(2026, 12, 28))
    assert o.result == "na"
    assert o.display["zh"] == (
        f"节前查库应于 2026-12-31 进行（2027-01-01 起放假 3 天）（{ESTIMATE_NOTE['zh']}）"
    )
    assert o.display["en"].endswith(f"({ESTIMATE_NOTE['en']})")
    assert o.computed["calendar_note"] == ESTIMATE_NOTE
    assert o.computed["due"] == "2026-12-31"


def test_the_eve_itself_passes_with_the_label(people_store):
    o = outcome(people_store, date(2026, 12, 31))
    assert o.result == "pass" and ESTIMATE_NOTE["zh"] in o.display["zh"]


def test_an_official_block_carries_no_label(people_store):
    o = outcome(people_store, date(2026, 2, 14))
    assert o.result == "pass" and "推算" not in o.display["zh"]
    assert "calendar_note" not in o.computed


def test_a_missed_estimated_eve_fails_with_the_label(people_store):
    vault_check(people_store, date(2026, 12, 21))
    o = outcome(people_store, date(2027, 1, 4))
    assert o.result == "fail" and o.display["zh"].startswith("2026-12-31 应查未查（按法定假日推算")


def test_the_record_does_not_ask_for_a_teller_on_leave_all_week(people_store):
    from branchcheck.people.absence import record_absence

    iid = vault_check(people_store, date(2026, 11, 20), tellers=("E004", "E005"), complete=False)
    coverage = inspections.evaluation(people_store, iid).outcomes["weekly_coverage"]
    assert coverage.result == "fail" and coverage.computed["missing"] == ["E006"]
    record_absence(
        people_store,
        employee_no="E006",
        first_day=date(2026, 11, 16),
        last_day=date(2026, 11, 20),
        kind="sick",
        reason="病假",
        actor="E001",
    )
    coverage = inspections.evaluation(people_store, iid).outcomes["weekly_coverage"]
    assert coverage.result == "pass" and coverage.computed["active"] == 2
