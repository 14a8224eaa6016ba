"""Role rules: the inspector holds the branch-head role (or is an authorised deputy), the people
checked hold the slot's role, nobody checks themselves."""

import pytest
from sqlalchemy import func, select

from branchcheck import inspections
from branchcheck.db.models import Inspection
from branchcheck.errors import PeopleRuleError

GOOD = {"vault_keeper": ["E003"], "tellers": ["E004", "E005"]}


def count(store):
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Inspection))


def test_branch_head_and_authorised_deputy_may_inspect(people_store):
    inspections.start(people_store, checklist="vault_check", inspector="E001", people=GOOD)
    inspections.start(people_store, checklist="vault_check", inspector="E002", people=GOOD)
    assert count(people_store) == 2


@pytest.mark.parametrize(
    "inspector,people,message",
    [
        ("E010", GOOD, "may not be the Inspector"),  # a supervisor
        (
            "E004",
            {"vault_keeper": ["E003"], "tellers": ["E005"]},
            "may not be the Inspector",
        ),  # a teller
        ("E001", {"vault_keeper": ["E003"], "tellers": ["E001"]}, "does not hold the role"),
        ("E001", {"vault_keeper": ["E004"], "tellers": ["E005"]}, "李梅|does not hold the role"),
        ("E001", {"vault_keeper": ["E003"], "tellers": []}, "at least 1 person"),
        ("E001", {"vault_keeper": ["E003", "E003"], "tellers": ["E004"]}, "at most 1"),
        (
            "E001",
            {"vault_keeper": ["E003"], "tellers": ["E004"], "boss": ["E002"]},
            "unknown people slot 'boss'",
        ),
        (
            "E001",
            {"vault_keeper": ["E003"], "tellers": ["E004"], "co_inspector": ["E001"]},
            "cannot be both",
        ),
    ],
)
def test_people_rules_refuse_and_store_nothing(people_store, inspector, people, message):
    with pytest.raises(PeopleRuleError, match=message):
        inspections.start(people_store, checklist="vault_check", inspector=inspector, people=people)
    assert count(people_store) == 0


def test_no_self_check_even_with_both_roles(people_store):
    from branchcheck.people import register as staff

    staff.add_staff(people_store, employee_no="E020", name="钱多", roles=["branch_head", "teller"])
    with pytest.raises(
        PeopleRuleError, match="cannot be both 查库人 and|不能同时担任查库人和被查柜员"
    ):
        inspections.start(
            people_store,
            checklist="vault_check",
            inspector="E020",
            people={"vault_keeper": ["E003"], "tellers": ["E020"]},
        )
