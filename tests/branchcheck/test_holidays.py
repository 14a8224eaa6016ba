from datetime import date

from branchcheck.holidays import HolidayCalendar, load_calendar


def test_spring_festival_2026_due_on_makeup_saturday():
    cal = HolidayCalendar()
    [(start, days)] = cal.holiday_blocks(date(2026, 2, 10), date(2026, 2, 20), 3)
    assert start == date(2026, 2, 15) and days >= 3
    assert cal.last_workday_before(start) == date(2026, 2, 14)  # a make-up working Saturday
    assert cal.is_workday(date(2026, 2, 14))


def test_year_without_data_falls_back_to_weekends_and_warns():
    cal = HolidayCalendar()
    assert cal.is_workday(date(2027, 3, 3)) is True
    assert cal.is_workday(date(2027, 3, 6)) is False  # Saturday
    assert "2027" in cal.warning_text()
    assert not cal.covered(date(2027, 1, 1))


def test_head_office_table_comes_first(tmp_path):
    (tmp_path / "holidays.json").write_text(
        '{"holidays": ["2027-02-06", "2027-02-07", "2027-02-08"], "workdays": ["2027-01-30"]}'
    )
    cal = load_calendar(tmp_path)
    assert not cal.is_workday(date(2027, 2, 8)) and cal.is_workday(date(2027, 1, 30))
    assert cal.covered(date(2027, 5, 1))
    assert cal.warning_text() is None
