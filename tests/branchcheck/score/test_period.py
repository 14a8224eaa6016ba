"""The period report a person asks for: the schedule's real obligations scored."""

from datetime import date

import pytest

from branchcheck.errors import AnswerError
from branchcheck.score.period import export_period_report, period_report

from ..schedule.conftest import vault_check


def _by_key(made):
    return {i.key: i for i in made.score.current.indicators}


def test_weeks_checked_on_time_and_every_teller_covered(people_store):
    vault_check(people_store, date(2026, 11, 2))
    vault_check(people_store, date(2026, 11, 9))
    made = period_report(
        people_store, date(2026, 11, 1), date(2026, 11, 15), as_of=date(2026, 11, 20)
    )
    ind = _by_key(made)
    assert (ind["on_time_checks"].numerator, ind["on_time_checks"].denominator) == (2, 2)
    assert (ind["teller_coverage"].numerator, ind["teller_coverage"].denominator) == (6, 6)
    assert ind["on_time_checks"].score == 3 and ind["teller_coverage"].score == 3
    assert made.score.previous is None  # nothing a year earlier
    assert [m.month for m in made.monthly] == ["2026-11"]
    assert made.as_of == "2026-11-20"


def test_a_missed_week_and_an_uncovered_teller_lower_the_index(people_store):
    vault_check(people_store, date(2026, 11, 2), tellers=("E004", "E005"))
    # no check in the week of 9 November
    made = period_report(
        people_store, date(2026, 11, 1), date(2026, 11, 15), as_of=date(2026, 11, 20)
    )
    ind = _by_key(made)
    assert (ind["on_time_checks"].numerator, ind["on_time_checks"].denominator) == (1, 2)
    assert ind["on_time_checks"].score == 1  # 50% is below the lowest band (90%)
    # week 45: 2 of 3 covered; week 46: none of 3
    assert (ind["teller_coverage"].numerator, ind["teller_coverage"].denominator) == (2, 6)
    full = period_report(
        people_store, date(2026, 11, 1), date(2026, 11, 8), as_of=date(2026, 11, 20)
    )
    assert made.score.current.index < full.score.current.index


def test_a_period_that_has_not_begun_is_refused(people_store):
    with pytest.raises(AnswerError, match="在今天"):
        period_report(people_store, date(2026, 12, 1), date(2026, 12, 31), as_of=date(2026, 11, 20))
    with pytest.raises(AnswerError, match="晚于"):
        period_report(people_store, date(2026, 11, 9), date(2026, 11, 1), as_of=date(2026, 11, 20))


def test_the_report_files(people_store, tmp_path):
    import subprocess

    vault_check(people_store, date(2026, 11, 2))
    paths = export_period_report(
        people_store, date(2026, 11, 1), date(2026, 11, 15), tmp_path, as_of=date(2026, 11, 20)
    )
    assert [p.suffix for p in paths] == [".xlsx", ".pdf"]
    text = subprocess.run(["pdftotext", str(paths[1]), "-"], capture_output=True, text=True).stdout
    assert "合规性指数" in text and "2026-11-01" in text


def test_missed_problems_are_counted_by_inspector(people_store):
    """核查问责 in the period report: a finding linked to an earlier check counts for that check's
    inspector."""
    from sqlalchemy import select

    from branchcheck.db.models import Finding, Inspection, Staff

    earlier = vault_check(people_store, date(2026, 11, 2))
    later = vault_check(people_store, date(2026, 11, 9), tellers=("E004", "E005"))
    with people_store.session() as s:
        inspector = s.scalars(select(Staff).where(Staff.employee_no == "E001")).one()
        insp = s.get(Inspection, later)
        s.add(
            Finding(
                inspection_id=later,
                branch_id=insp.branch_id,
                checklist_key="vault_check",
                item_key="cash_count",
                problem_key="vault_check:cash_count",
                title={"zh": "短款", "en": "Short"},
                severity="high",
                risk_driver="accounting_error",
                due_date="2026-11-12",
                created_at="2026-11-09T11:00:00+08:00",
                missed_by_inspection_id=earlier,
                missed_by_id=inspector.id,
            )
        )
    made = period_report(
        people_store, date(2026, 11, 1), date(2026, 11, 15), as_of=date(2026, 11, 20)
    )
    assert [(m.employee_no, m.name, m.missed) for m in made.missed_by_inspector] == [
        ("E001", "王建国", 1)
    ]
