"""Head office's holiday table: checked date by date, then imported and audited by a person who
may change settings; a bad table changes nothing."""

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from branchcheck.db.models import AuditEntry
from branchcheck.errors import AuthError, InputFileError
from branchcheck.holiday_table import holiday_table, import_holidays, read_holiday_table
from branchcheck.holidays import HEAD_OFFICE, load_calendar


def _audit(store, action):
    with store.session() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        return [(e.actor, e.detail) for e in rows]


def _table(tmp_path, data):
    path = tmp_path / "holidays.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_holiday_table_is_checked_then_imported_and_audited(people_store, home, tmp_path):
    good = _table(tmp_path, {"holidays": ["2027-10-01", "2027-10-04"], "workdays": ["2027-09-26"]})
    assert holiday_table(home).years == []
    table = import_holidays(people_store, home, actor="E001", path=good)
    assert (table.years, table.holidays, table.workdays) == ([2027], 2, 1)
    assert holiday_table(home) == table
    cal = load_calendar(home)
    assert not cal.is_workday(date(2027, 10, 4)) and cal.is_workday(date(2027, 9, 26))
    assert cal.source(date(2027, 10, 4)) == HEAD_OFFICE
    [(actor, detail)] = _audit(people_store, "settings.holidays")
    assert actor == "E001" and detail["years"] == [2027] and len(detail["sha256"]) == 64


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"holidays": ["2027-10-01", "2027-13-01"]}, "holiday 2: '2027-13-01' is not a date"),
        ({"holidays": ["1999-10-01"]}, "outside 2000–2100"),
        ({"holidays": "2027-10-01"}, "must be a list of dates"),
        ({"days": []}, "the holiday table must be"),
        ({"holidays": ["2027-10-01"], "workdays": ["2027-10-01"]}, "both a holiday and"),
        ([1, 2], "the holiday table must be"),
    ],
)
def test_a_bad_holiday_table_changes_nothing(people_store, home, tmp_path, data, words):
    with pytest.raises(InputFileError, match=words):
        import_holidays(people_store, home, actor="E001", path=_table(tmp_path, data))
    assert not (home / "holidays.json").exists()
    assert _audit(people_store, "settings.holidays") == []


def test_only_a_person_who_may_change_settings_imports_holidays(people_store, home, tmp_path):
    good = _table(tmp_path, {"holidays": ["2027-10-01"]})
    with pytest.raises(AuthError):
        import_holidays(people_store, home, actor="E010", path=good)
    assert not (home / "holidays.json").exists()


# ---------------------------------------------------------------- fuzzed (issue 10 §5)

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_DATES = st.dates().map(str) | st.text(max_size=12)
_TABLES = _JSON | st.fixed_dictionaries(
    {},
    optional={"holidays": st.lists(_DATES, max_size=6), "workdays": st.lists(_DATES, max_size=6)},
)


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_TABLES)
def test_any_holiday_table_is_read_or_refused_with_a_clear_error(tmp_path, data):
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        holidays, workdays = read_holiday_table(path)
    except InputFileError as exc:
        assert str(path) in exc.message
        return
    assert not holidays & workdays
    assert all(2000 <= d.year <= 2100 for d in holidays | workdays)
