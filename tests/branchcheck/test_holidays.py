from datetime import date, timedelta

import chinese_calendar
import holidays as statutory

from branchcheck.holidays import (
    ESTIMATE,
    ESTIMATE_NOTE,
    HEAD_OFFICE,
    OFFICIAL,
    WEEKENDS,
    WEEKENDS_NOTE,
    HolidayCalendar,
    load_calendar,
)


def test_spring_festival_2026_due_on_makeup_saturday():
    cal = HolidayCalendar()
    [(start, days)] = cal.holiday_blocks(date(2026, 2, 10), date(2026, 2, 20), 3)
    assert (start, days) == (date(2026, 2, 15), 9)  # Sunday 15th to Monday 23rd
    assert cal.last_workday_before(start) == date(2026, 2, 14)  # a make-up working Saturday
    assert cal.is_workday(date(2026, 2, 14))
    assert cal.source(date(2026, 2, 14)) == OFFICIAL and cal.note([date(2026, 2, 14)]) is None


def test_the_estimate_agrees_with_the_official_calendar_for_2025_and_2026():
    """What was compared before choosing the estimate: for the years chinese-calendar publishes,
    the holidays package's China calendar (statutory days, substitutes, make-up working days)
    gives the same working day on every date."""
    for year in (2025, 2026):
        cn = statutory.China(years=year)
        day, differ = date(year, 1, 1), []
        while day.year == year:
            estimated = day in cn.weekend_workdays or (day.weekday() < 5 and day not in cn)
            if estimated != chinese_calendar.is_workday(day):
                differ.append(day)
            day += timedelta(days=1)
        assert differ == [], year


def test_a_year_past_the_official_data_is_estimated_and_labelled():
    cal = HolidayCalendar()
    assert cal.source(date(2027, 1, 1)) == ESTIMATE and not cal.covered(date(2027, 1, 1))
    assert not cal.is_workday(date(2027, 1, 1))  # New Year's Day, a Friday
    assert cal.is_workday(date(2027, 3, 3)) and not cal.is_workday(date(2027, 3, 6))
    [(start, days)] = cal.holiday_blocks(date(2026, 12, 28), date(2027, 1, 5), 3)
    assert (start, days) == (date(2027, 1, 1), 3)
    assert cal.last_workday_before(start) == date(2026, 12, 31)
    assert cal.note([date(2026, 12, 31), *cal.block_days(start)]) == ESTIMATE_NOTE
    assert "2027 年按法定假日推算，以正式安排为准" in cal.warning_text()


def test_beyond_the_estimate_only_weekends_are_known():
    cal = HolidayCalendar()
    assert cal.source(date(2101, 3, 3)) == WEEKENDS
    assert cal.is_workday(date(2101, 3, 3)) and not cal.is_workday(date(2101, 3, 5))  # Saturday
    assert cal.note([date(2101, 3, 3)]) == WEEKENDS_NOTE
    assert "2101" in cal.warning_text()


def test_head_office_table_answers_a_year_the_package_does_not_know(tmp_path):
    (tmp_path / "holidays.json").write_text(
        '{"holidays": ["2027-02-06", "2027-02-07", "2027-02-08"], "workdays": ["2027-01-30"]}'
    )
    cal = load_calendar(tmp_path)
    assert not cal.is_workday(date(2027, 2, 8)) and cal.is_workday(date(2027, 1, 30))
    # the table covers 2027: its other days follow the week, not the estimate
    assert cal.source(date(2027, 1, 1)) == HEAD_OFFICE and cal.is_workday(date(2027, 1, 1))
    assert cal.covered(date(2027, 5, 1))
    assert cal.note([date(2027, 1, 1)]) is None
    assert cal.warning_text() is None


def test_a_date_the_table_names_wins_in_an_official_year(tmp_path):
    (tmp_path / "holidays.json").write_text('{"workdays": ["2026-11-21"]}')
    cal = load_calendar(tmp_path)
    assert cal.is_workday(date(2026, 11, 21)) and cal.source(date(2026, 11, 21)) == HEAD_OFFICE
    assert not cal.is_workday(date(2026, 11, 22)) and cal.source(date(2026, 11, 22)) == OFFICIAL
