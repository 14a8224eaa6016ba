"""The register as listed for the administration screen and `staff list`: everyone, with
deactivated and external people marked, whether each can sign in and has a signing key."""

from __future__ import annotations

from branchcheck.people import admin
from branchcheck.people.directory import people
from branchcheck.people.person_input import PersonInput
from tests.conftest import PEOPLE


def test_everyone_is_listed_with_what_the_screen_shows(people_store):
    admin.add_person(
        people_store,
        actor="E001",
        person=PersonInput("A001", "黄海", ("escort",), True, "押运公司", "3607"),
    )
    admin.deactivate(people_store, actor="E001", employee_no="E009", reason="调离")
    rows = people(people_store)
    staff = [no for no, _, _ in PEOPLE]
    assert [r.employee_no for r in rows] == staff + ["A001"]  # external people last
    escort = rows[-1]
    assert (escort.external, escort.organisation, escort.id_number) == (True, "押运公司", "3607")
    assert not escort.has_password and not escort.has_key and escort.role_names() == "押运人员"
    gone = next(r for r in rows if r.employee_no == "E009")
    assert not gone.active and gone.deactivated_on is not None and gone.has_password
    active = [r.employee_no for r in people(people_store, include_inactive=False)]
    assert active == [no for no in staff if no != "E009"] + ["A001"]
