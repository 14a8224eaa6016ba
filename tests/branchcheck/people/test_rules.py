"""Role rules: the inspector holds the branch-head role (or is an authorised deputy), the people
checked hold the slot's role, nobody checks themselves."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from branchcheck import inspections
from branchcheck.db.models import Inspection
from branchcheck.errors import EntryError, PeopleRuleError

GOOD = {"vault_keeper": ["E003"], "tellers": ["E004", "E005"]}
LEAVE = {
    "by": "E001",
    "reason": "休假",
    "reference": "授权书2026-031",
    "valid_from": "2026-11-30",
    "valid_to": "2026-12-04",
}
TUESDAY = datetime(2026, 12, 1, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def count(store):
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Inspection))


def test_branch_head_and_authorised_deputy_may_inspect(people_store):
    inspections.start(people_store, checklist="vault_check", inspector="E001", people=GOOD)
    iid = inspections.start(
        people_store,
        checklist="vault_check",
        inspector="E002",
        people=GOOD,
        authorisation=LEAVE,
        now=TUESDAY,
    )
    assert count(people_store) == 2
    with people_store.session() as s:
        assert s.get(Inspection, iid).authorisation == LEAVE


def test_a_deputy_without_an_authorisation_is_refused(people_store):
    with pytest.raises(EntryError, match="书面授权") as exc:
        inspections.start(
            people_store, checklist="vault_check", inspector="E002", people=GOOD, now=TUESDAY
        )
    assert set(exc.value.fields) == {"authorisation"} and exc.value.exit_code == 2
    assert count(people_store) == 0


@pytest.mark.parametrize(
    "change,field,message",
    [
        ({"by": "E010"}, "authorisation.by", "郑华（E010）不是网点负责人"),
        ({"by": "E099"}, "authorisation.by", "没有工号 E099"),
        ({"by": ""}, "authorisation.by", "请填写授权人"),
        ({"reason": " "}, "authorisation.reason", "请填写授权事由"),
        ({"reference": ""}, "authorisation.reference", "请填写授权书编号"),
        ({"valid_from": "12/01"}, "authorisation.valid_from", "不是日期"),
        ({"valid_to": "2026-11-30"}, "authorisation.valid_to", "不在授权有效期"),
        ({"valid_from": "2026-12-02"}, "authorisation.valid_from", "不在授权有效期"),
        ({"valid_to": "2026-11-29"}, "authorisation.valid_to", "早于起始日期"),
        ({"colour": "red"}, "authorisation", "unknown authorisation field(s): colour"),
    ],
)
def test_a_deputy_s_authorisation_is_checked_field_by_field(people_store, change, field, message):
    with pytest.raises(EntryError) as exc:
        inspections.start(
            people_store,
            checklist="vault_check",
            inspector="E002",
            people=GOOD,
            authorisation=LEAVE | change,
            now=TUESDAY,
        )
    assert message in exc.value.fields[field]
    assert count(people_store) == 0


def test_the_branch_head_in_person_gives_no_authorisation(people_store):
    with pytest.raises(EntryError, match="无需授权"):
        inspections.start(
            people_store,
            checklist="vault_check",
            inspector="E001",
            people=GOOD,
            authorisation=LEAVE,
            now=TUESDAY,
        )
    assert count(people_store) == 0


def test_a_deputy_head_checks_vouchers_in_their_own_right(people_store):
    """E002 holds 网点副职 too, which the voucher check allows: no authorisation needed."""
    inspections.start(
        people_store,
        checklist="blank_vouchers",
        inspector="E002",
        people={"checker_a": ["E004"], "checker_b": ["E005"]},
        now=TUESDAY,
    )
    assert count(people_store) == 1


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


def test_people_rules_are_told_in_each_language_in_the_persons_terms(people_store):
    with pytest.raises(PeopleRuleError) as caught:
        inspections.start(
            people_store,
            checklist="vault_check",
            inspector="E001",
            people={"vault_keeper": ["E004"], "tellers": []},
        )
    err = caught.value
    assert "at least 1 person(s) needed, 0 given" in err.message  # the CLI's text as before
    assert err.words("zh").splitlines() == [
        "人员不符合要求：",
        "• 管库员：张伟（E004）不是管库员",
        "• 被查柜员：至少需要 1 人，现有 0 人",
    ]
    assert err.words("en").splitlines() == [
        "The people do not meet the rules:",
        "• Vault keeper: 张伟 (E004) does not hold the role Vault keeper",
        "• Tellers checked: at least 1 person needed, none given",
    ]
    assert count(people_store) == 0
