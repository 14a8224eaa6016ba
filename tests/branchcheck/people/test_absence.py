from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from branchcheck.db.models import AuditEntry, StaffAbsence
from branchcheck.errors import AnswerError, NotFoundError
from branchcheck.people.absence import list_absences, record_absence

NOW = datetime(2026, 11, 13, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def add(
    store, no="E005", first=date(2026, 11, 16), last=date(2026, 11, 20), kind="sick", reason="住院"
):
    record_absence(
        store,
        employee_no=no,
        first_day=first,
        last_day=last,
        kind=kind,
        reason=reason,
        actor="E001",
        now=NOW,
    )


def test_an_absence_is_recorded_audited_and_listed_where_it_overlaps(people_store):
    add(people_store)
    add(people_store, "E004", date(2026, 12, 1), date(2026, 12, 1), "training", "反假币培训")
    [a] = list_absences(people_store, date(2026, 11, 20), date(2026, 11, 30))
    assert (a.employee_no, a.name, a.first_day, a.last_day) == (
        "E005",
        "刘芳",
        "2026-11-16",
        "2026-11-20",
    )
    assert (a.kind, a.kind_name["zh"], a.reason, a.recorded_by) == ("sick", "病假", "住院", "E001")
    assert [
        x.employee_no for x in list_absences(people_store, date(2026, 11, 1), date(2026, 12, 31))
    ] == [
        "E005",
        "E004",
    ]
    assert list_absences(people_store, date(2026, 11, 21), date(2026, 11, 30)) == []
    with people_store.session() as s:
        [entry] = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "staff.absence", AuditEntry.subject == "E005"
            )
        ).all()
        assert (entry.actor, entry.detail["kind"], entry.detail["first_day"]) == (
            "E001",
            "sick",
            "2026-11-16",
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"first": date(2026, 11, 21)}, "first day is after the last day"),
        ({"kind": "holiday"}, "kind: 'holiday' is not one of leave 休假"),
        ({"reason": " "}, "reason is required"),
        ({"no": "E999"}, "no person with employee number 'E999'"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(people_store, changes, message):
    with pytest.raises((AnswerError, NotFoundError), match=message):
        add(people_store, **changes)
    with people_store.session() as s:
        assert s.scalars(select(StaffAbsence)).all() == []
