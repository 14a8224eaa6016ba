"""The schedule's obligations at their edges: the 2026 Spring Festival, make-up working days,
estimated years, tellers on leave or new in the week, periodic and event checklists."""

from datetime import date

import pytest

from branchcheck.errors import InputFileError
from branchcheck.holidays import ESTIMATE_NOTE
from branchcheck.people import register
from branchcheck.people.absence import record_absence
from branchcheck.schedule import due, obligations
from branchcheck.settings import Settings

from .conftest import add_post, vault_check


def by_key(obs):
    return {o.key: o for o in obs}


def test_spring_festival_2026(people_store):
    vault_check(people_store, date(2026, 2, 2))  # the branch's first record
    obs = by_key(
        obligations(people_store, date(2026, 2, 9), date(2026, 3, 1), as_of=date(2026, 3, 2))
    )
    # the week before the festival ends on the make-up Saturday: due then, and the eve check too
    assert obs["vault_check:weekly:2026-W07"].due_on == "2026-02-14"
    pre = obs["vault_check:pre_holiday:2026-02-14"]
    assert (pre.reason, pre.due_on, pre.status) == ("pre_holiday", "2026-02-14", "missed")
    assert pre.calendar_source == "official" and pre.calendar_note is None
    # 16–22 February is all holiday: no weekly obligation that week
    assert "vault_check:weekly:2026-W08" not in obs
    assert "vault_check:teller_coverage:2026-W08" not in obs
    # the next week has a make-up Saturday (28th): that is its last working day
    assert obs["vault_check:weekly:2026-W09"].due_on == "2026-02-28"


def test_a_check_on_the_makeup_saturday_meets_the_week_and_the_eve(people_store):
    vault_check(people_store, date(2026, 2, 2))
    iid = vault_check(people_store, date(2026, 2, 14))
    obs = by_key(
        obligations(people_store, date(2026, 2, 9), date(2026, 2, 15), as_of=date(2026, 2, 16))
    )
    for key in ("weekly:2026-W07", "pre_holiday:2026-02-14", "teller_coverage:2026-W07"):
        ob = obs[f"vault_check:{key}"]
        assert (ob.status, ob.records, ob.done_on) == ("done", (iid,), "2026-02-14")
    assert (
        obs["vault_check:teller_coverage:2026-W07"].expected,
        obs["vault_check:teller_coverage:2026-W07"].count,
    ) == (3, 3)


def test_a_check_in_progress_does_not_count(people_store):
    vault_check(people_store, date(2026, 11, 16))
    vault_check(people_store, date(2026, 11, 24), complete=False)
    [ob] = [
        o
        for o in obligations(
            people_store, date(2026, 11, 23), date(2026, 11, 29), as_of=date(2026, 11, 25)
        )
        if o.reason == "weekly"
    ]
    assert (ob.status, ob.count, ob.records) == ("due", 0, ())


def test_weekly_status_due_overdue_missed(people_store):
    vault_check(people_store, date(2026, 11, 16))
    week = (date(2026, 11, 23), date(2026, 11, 29))

    def status(as_of):
        obs = by_key(obligations(people_store, *week, as_of=as_of))
        return obs["vault_check:weekly:2026-W48"].status

    assert status(date(2026, 11, 27)) == "due"  # Friday, the week's last working day
    assert status(date(2026, 11, 28)) == "overdue"  # the window is open until Sunday
    assert status(date(2026, 11, 29)) == "overdue"
    assert status(date(2026, 11, 30)) == "missed"
    vault_check(people_store, date(2026, 11, 29))  # a late check on Sunday still meets it
    assert status(date(2026, 11, 30)) == "done"


def test_nothing_before_the_branch_first_record(people_store):
    assert [
        o.key
        for o in obligations(
            people_store, date(2026, 11, 9), date(2026, 11, 29), as_of=date(2026, 11, 25)
        )
        if o.checklist == "vault_check" and o.reason == "weekly"
    ] == ["vault_check:weekly:2026-W48"]  # no record at all: only the open week
    vault_check(people_store, date(2026, 11, 18))
    keys = [
        o.key
        for o in obligations(
            people_store, date(2026, 11, 9), date(2026, 11, 29), as_of=date(2026, 11, 25)
        )
        if o.reason == "weekly"
    ]
    assert keys == ["vault_check:weekly:2026-W47", "vault_check:weekly:2026-W48"]


def coverage(store, as_of=date(2026, 11, 23)):
    obs = by_key(obligations(store, date(2026, 11, 16), date(2026, 11, 22), as_of=as_of))
    return obs.get("vault_check:teller_coverage:2026-W47")


def test_an_uncovered_teller_is_named(people_store):
    vault_check(people_store, date(2026, 11, 17), tellers=("E004", "E005"))
    ob = coverage(people_store)
    assert (ob.status, ob.expected, ob.count) == ("missed", 3, 2)
    assert [(p.employee_no, p.name) for p in ob.uncovered] == [("E006", "赵磊")]
    vault_check(people_store, date(2026, 11, 19), tellers=("E006",))
    ob = coverage(people_store)
    assert (ob.status, ob.count, ob.done_on, ob.uncovered) == ("done", 3, "2026-11-19", ())


def test_a_teller_on_leave_all_week_is_not_uncovered(people_store):
    vault_check(people_store, date(2026, 11, 17), tellers=("E004", "E005"))
    record_absence(
        people_store,
        employee_no="E006",
        first_day=date(2026, 11, 14),
        last_day=date(2026, 11, 20),
        kind="leave",
        reason="年休假",
        actor="E001",
    )
    ob = coverage(people_store)
    assert (ob.status, ob.expected, ob.count, ob.uncovered) == ("done", 2, 2, ())


def test_a_teller_away_part_of_the_week_is_still_on_duty(people_store):
    vault_check(people_store, date(2026, 11, 17), tellers=("E004", "E005"))
    record_absence(
        people_store,
        employee_no="E006",
        first_day=date(2026, 11, 16),
        last_day=date(2026, 11, 19),
        kind="training",
        reason="总行培训",
        actor="E001",
    )
    assert [p.employee_no for p in coverage(people_store).uncovered] == ["E006"]


def test_a_teller_added_mid_week(people_store):
    vault_check(people_store, date(2026, 11, 10))
    vault_check(people_store, date(2026, 11, 17))
    register.add_staff(people_store, employee_no="E011", name="钱多", roles=["teller"])
    add_post(people_store, "E011", "teller", date(2026, 11, 19))  # took the post on Thursday
    ob = coverage(people_store)
    assert (ob.expected, [p.employee_no for p in ob.uncovered]) == (4, ["E011"])
    # the week before the post began, the new teller is not on duty
    earlier = by_key(
        obligations(people_store, date(2026, 11, 9), date(2026, 11, 15), as_of=date(2026, 11, 23))
    )
    ob = earlier["vault_check:teller_coverage:2026-W46"]
    assert (ob.status, ob.expected, ob.uncovered) == ("done", 3, ())


def test_a_teller_whose_post_starts_on_the_weekend_is_on_duty_the_next_week(people_store):
    vault_check(people_store, date(2026, 11, 17))
    register.add_staff(people_store, employee_no="E011", name="钱多", roles=["teller"])
    add_post(people_store, "E011", "teller", date(2026, 11, 22))  # a Sunday
    assert coverage(people_store).expected == 3
    vault_check(people_store, date(2026, 11, 24))
    nxt = by_key(
        obligations(people_store, date(2026, 11, 23), date(2026, 11, 29), as_of=date(2026, 11, 24))
    )
    ob = nxt["vault_check:teller_coverage:2026-W48"]
    assert (ob.status, ob.expected, [p.employee_no for p in ob.uncovered]) == ("due", 4, ["E011"])


def test_a_teller_without_post_history_counts_every_week(people_store):
    vault_check(people_store, date(2026, 11, 17))
    register.add_staff(people_store, employee_no="E011", name="钱多", roles=["teller"])
    assert [p.employee_no for p in coverage(people_store).uncovered] == ["E011"]


def test_the_2027_new_year_block_is_seen_through_the_estimate(people_store):
    vault_check(people_store, date(2026, 12, 21))
    obs = by_key(
        obligations(people_store, date(2026, 12, 28), date(2027, 1, 3), as_of=date(2026, 12, 28))
    )
    pre = obs["vault_check:pre_holiday:2026-12-31"]
    assert (pre.status, pre.calendar_source, pre.calendar_note) == (
        "due",
        "estimate",
        ESTIMATE_NOTE,
    )
    week = obs["vault_check:weekly:2026-W53"]
    assert (week.due_on, week.calendar_note) == ("2026-12-31", ESTIMATE_NOTE)


def test_with_a_head_office_table_2027_is_not_estimated(people_store, home):
    (home / "holidays.json").write_text(
        '{"holidays": ["2027-01-01", "2027-01-02", "2027-01-03"]}', encoding="utf-8"
    )
    vault_check(people_store, date(2026, 12, 21))
    obs = by_key(
        obligations(people_store, date(2026, 12, 28), date(2027, 1, 3), as_of=date(2026, 12, 28))
    )
    pre = obs["vault_check:pre_holiday:2026-12-31"]
    assert (pre.calendar_source, pre.calendar_note) == ("head_office", None)


def test_periodic_checklists_and_the_setting_that_overrides_their_period(people_store):
    vault_check(people_store, date(2026, 11, 2))
    obs = by_key(
        obligations(people_store, date(2026, 11, 1), date(2026, 11, 30), as_of=date(2026, 11, 25))
    )
    vouchers = obs["blank_vouchers:periodic:2026-11"]
    assert (vouchers.reason, vouchers.due_on, vouchers.status, vouchers.expected) == (
        "periodic",
        "2026-11-30",
        "due",
        1,
    )
    assert obs["account_review:periodic:2026-Q4"].due_on == "2026-12-31"
    quarterly = Settings(schedule_periods={"blank_vouchers": "quarterly"})
    keys = {
        o.key
        for o in obligations(
            people_store,
            date(2026, 11, 1),
            date(2026, 11, 30),
            as_of=date(2026, 11, 25),
            settings=quarterly,
        )
    }
    assert (
        "blank_vouchers:periodic:2026-Q4" in keys and "blank_vouchers:periodic:2026-11" not in keys
    )


def test_events_only_where_a_count_is_expected(people_store):
    vault_check(people_store, date(2026, 11, 2))
    span = (date(2026, 11, 16), date(2026, 11, 22))
    assert not [
        o
        for o in obligations(people_store, *span, as_of=date(2026, 11, 23))
        if o.reason == "events"
    ]
    expecting = Settings(expected_events={"atm_replenishment": {"per": "week", "count": 2}})
    [ob] = [
        o
        for o in obligations(people_store, *span, as_of=date(2026, 11, 23), settings=expecting)
        if o.reason == "events"
    ]
    assert (ob.key, ob.expected, ob.count, ob.status) == (
        "atm_replenishment:events:2026-W47",
        2,
        0,
        "missed",
    )
    daily = Settings(expected_events={"cashbox_handover": {"per": "day", "count": 1}})
    days = [
        o.key
        for o in obligations(people_store, *span, as_of=date(2026, 11, 23), settings=daily)
        if o.reason == "events"
    ]
    assert days == [f"cashbox_handover:events:2026-11-{d}" for d in range(16, 21)]  # working days


def test_due_lists_the_open_windows_and_recent_misses(people_store):
    vault_check(people_store, date(2026, 10, 12))
    vault_check(people_store, date(2026, 11, 17))
    keys = {o.key: o.status for o in due(people_store, date(2026, 11, 25))}
    assert keys["vault_check:weekly:2026-W48"] == "due"
    assert (
        keys["vault_check:weekly:2026-W47"] == "done"
        if "vault_check:weekly:2026-W47" in keys
        else True
    )
    assert keys["vault_check:weekly:2026-W46"] == "missed"  # closed 15 November: recent
    assert keys["blank_vouchers:periodic:2026-11"] == "due"
    assert keys["blank_vouchers:periodic:2026-10"] == "missed"
    assert "vault_check:weekly:2026-W43" not in keys  # closed 25 October: more than 28 days ago


def test_a_wrong_period_in_the_settings_is_named(people_store):
    wrong = Settings(schedule_periods={"blank_vouchers": "fortnightly"})
    with pytest.raises(InputFileError, match="schedule_periods: blank_vouchers: 'fortnightly'"):
        obligations(
            people_store,
            date(2026, 11, 1),
            date(2026, 11, 30),
            as_of=date(2026, 11, 25),
            settings=wrong,
        )
