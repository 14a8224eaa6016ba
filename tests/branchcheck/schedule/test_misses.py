"""A missed obligation becomes a finding once, with its repeat (屡查屡犯), read back with the model."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from branchcheck.db.models import AuditEntry, Finding, Staff
from branchcheck.holidays import ESTIMATE_NOTE
from branchcheck.schedule import obligations, sweep

from .conftest import vault_check

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def schedule_findings(store):
    with store.session() as s:
        rows = s.execute(
            select(Finding, Staff.employee_no)
            .outerjoin(Staff, Staff.id == Finding.responsible_id)
            .where(Finding.origin == "schedule")
            .order_by(Finding.obligation_key)
        ).all()
        return {f.obligation_key: (f, no) for f, no in rows}


def test_missed_weeks_become_findings_and_the_second_is_a_repeat(people_store):
    vault_check(people_store, date(2026, 11, 2))  # W45 done; W46 and W47 missed
    made = sweep(people_store, date(2026, 11, 23), now=NOW)
    found = schedule_findings(people_store)
    assert sorted(f.id for f, _ in found.values()) == sorted(made)
    w46, head = found["vault_check:weekly:2026-W46"]
    w47, _ = found["vault_check:weekly:2026-W47"]
    assert head == "E001"  # the branch head answers for it
    assert (w46.inspection_id, w46.checklist_key, w46.item_key) == (
        None,
        "vault_check",
        "schedule.weekly",
    )
    assert w46.problem_key == w47.problem_key == "vault_check:schedule.weekly"
    assert (w46.severity, w46.risk_driver, w46.state) == ("high", "supervision_lacking", "open")
    assert w46.due_date == "2026-11-26"  # high: three days after as_of
    assert (w46.repeat, w47.repeat) == (False, True)
    assert w46.title["zh"] == "2026-W46 周未查库（应于 2026-11-13 前）"
    coverage, _ = found["vault_check:teller_coverage:2026-W46"]
    assert (coverage.severity, coverage.repeat) == ("medium", False)
    assert "张伟、刘芳、赵磊" in coverage.title["zh"]
    # the finding is on the obligation from now on
    obs = {
        o.key: o
        for o in obligations(
            people_store, date(2026, 11, 9), date(2026, 11, 15), as_of=date(2026, 11, 23)
        )
    }
    assert obs["vault_check:weekly:2026-W46"].finding_id == w46.id


def test_a_week_met_between_two_misses_breaks_the_repeat(people_store):
    vault_check(people_store, date(2026, 11, 2))
    vault_check(people_store, date(2026, 11, 17))  # W47 done
    sweep(people_store, date(2026, 11, 30), now=NOW)
    found = schedule_findings(people_store)
    assert "vault_check:weekly:2026-W47" not in found
    assert found["vault_check:weekly:2026-W46"][0].repeat is False
    assert found["vault_check:weekly:2026-W48"][0].repeat is False


def test_sweep_is_idempotent_and_audited_as_the_system(people_store):
    vault_check(people_store, date(2026, 11, 2))
    first = sweep(people_store, date(2026, 11, 16), now=NOW)
    assert first and sweep(people_store, date(2026, 11, 16), now=NOW) == []
    with people_store.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "finding.schedule")).all()
        assert sorted(e.subject for e in entries) == sorted(first)
        assert {e.actor for e in entries} == {"system"}
        assert {e.detail["obligation"] for e in entries} >= {"vault_check:weekly:2026-W46"}


def test_an_open_window_is_not_swept(people_store):
    vault_check(people_store, date(2026, 11, 2))
    sweep(people_store, date(2026, 11, 14), now=NOW)  # Saturday: W46 overdue, not missed
    assert "vault_check:weekly:2026-W46" not in schedule_findings(people_store)


def test_nothing_is_swept_before_the_first_record(people_store):
    assert sweep(people_store, date(2026, 11, 23), now=NOW) == []  # no record: no history
    vault_check(people_store, date(2026, 11, 18))
    sweep(people_store, date(2026, 11, 23), now=NOW)
    keys = set(schedule_findings(people_store))
    assert not any("2026-W46" in k or "2026-W45" in k for k in keys)
    assert "blank_vouchers:periodic:2026-10" not in keys


def test_a_missed_pre_holiday_check_is_a_finding_with_its_block(people_store):
    vault_check(people_store, date(2026, 2, 11))
    sweep(people_store, date(2026, 2, 16), now=NOW)
    f, _ = schedule_findings(people_store)["vault_check:pre_holiday:2026-02-14"]
    assert (f.severity, f.item_key) == ("high", "schedule.pre_holiday")
    assert f.title["zh"] == "节前未查库：2026-02-15 起 9 天假期前（2026-02-14）"


def test_an_estimated_date_is_labelled_on_the_finding(people_store):
    vault_check(people_store, date(2026, 12, 21))
    sweep(people_store, date(2027, 1, 1), now=NOW)
    f, _ = schedule_findings(people_store)["vault_check:pre_holiday:2026-12-31"]
    assert f.title["zh"].endswith(f"（{ESTIMATE_NOTE['zh']}）")
    assert f.title["en"].endswith(f"({ESTIMATE_NOTE['en']})")


def test_a_missed_month_of_a_periodic_checklist_names_it(people_store):
    vault_check(people_store, date(2026, 10, 12))
    sweep(people_store, date(2026, 11, 2), now=NOW)
    f, head = schedule_findings(people_store)["blank_vouchers:periodic:2026-10"]
    assert (f.checklist_key, f.item_key, f.severity, head) == (
        "blank_vouchers",
        "schedule.periodic",
        "medium",
        "E001",
    )
    assert f.title["zh"] == "重要空白凭证检查：2026-10 期间未检查（应于 2026-10-30 前）"
