"""Administration of the staff register: people come and go (never deleted), roles change with
their dates, passwords are reset (ending a lock); who may do it, and what is refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from branchcheck import clock
from branchcheck.db.models import AuditEntry, Staff, StaffPost
from branchcheck.errors import AuthError, EntryError, NotFoundError, PeopleRuleError, StateError
from branchcheck.people import admin
from branchcheck.people import register as staff
from branchcheck.people.admin import PersonInput
from branchcheck.people.posts import post_history
from tests.conftest import PASSWORD, PEOPLE

TODAY = clock.now().date()
DAY = TODAY - timedelta(days=30)


def _snapshot(store):
    """Everything an administrator's action may change: the register, the posts, the audit log."""
    with store.session() as s:
        people = [
            (p.employee_no, p.name, tuple(p.roles), p.active, p.deactivated_on, p.password_hash,
             p.organisation, p.id_number, p.external)
            for p in s.scalars(select(Staff).order_by(Staff.id))
        ]  # fmt: skip
        posts = [
            (p.staff_id, p.role, p.from_date, p.to_date)
            for p in s.scalars(select(StaffPost).order_by(StaffPost.id))
        ]
        entries = s.scalar(select(func.count()).select_from(AuditEntry))
    return people, posts, entries


def _posts(store, no):
    return [(p.role, p.from_date, p.to_date) for p in post_history(store, no)]


# ---------------------------------------------------------------- adding people


def test_a_person_added_holds_their_roles_as_posts_from_the_day(people_store):
    added = admin.add_person(
        people_store,
        actor="E001",
        person=PersonInput(" E011 ", " 钱多 ", ("teller", "vault_keeper", "teller")),
        password="new-password",
        on=DAY,
    )
    assert (added.employee_no, added.name, added.roles) == (
        "E011",
        "钱多",
        ("teller", "vault_keeper"),
    )
    assert added.can_sign_in and added.active
    assert _posts(people_store, "E011") == [
        ("teller", DAY.isoformat(), None),
        ("vault_keeper", DAY.isoformat(), None),
    ]
    assert staff.sign_in(people_store, "E011", "new-password").employee_no == "E011"
    with people_store.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.subject == "E011")).first()
        assert (entry.actor, entry.subject, entry.detail["from"]) == ("E001", "E011", str(DAY))


def test_an_escort_is_kept_apart_from_staff(people_store):
    escort = admin.add_person(
        people_store,
        actor="E002",
        person=PersonInput("X001", "黄海", ("escort",), external=True, organisation="安保押运公司"),
    )
    assert escort.external and not escort.can_sign_in and escort.organisation == "安保押运公司"
    assert _posts(people_store, "X001") == []
    refusals = [
        (PersonInput("X002", "甲", ("escort",), external=True), None, "organisation"),
        (PersonInput("X002", "甲", ("escort", "teller"), True, "公司"), None, "roles"),
        (PersonInput("X002", "甲", ("escort",), True, "公司"), "password1", "password"),
        (PersonInput("E012", "乙", ("escort",)), None, "roles"),
    ]
    before = _snapshot(people_store)
    for person, password, field in refusals:
        with pytest.raises(EntryError) as exc:
            admin.add_person(people_store, actor="E001", person=person, password=password)
        assert field in exc.value.fields, (person, exc.value.fields)
    assert _snapshot(people_store) == before


BAD_INPUT = [
    (PersonInput("", "甲", ("teller",)), None, None, {"employee_no"}, "工号：不能为空"),
    (PersonInput("E 12", "甲", ("teller",)), None, None, {"employee_no"}, "only letters"),
    (PersonInput("E012", "", ("cashier",)), None, None, {"name", "roles"}, "unknown cashier"),
    (PersonInput("E012", "甲", ()), None, None, {"roles"}, "at least one role"),
    (PersonInput("E012", "甲\ud800", ("teller",)), None, None, {"name"}, "control"),
    (PersonInput("E012", "甲" * 101, ("teller",)), None, None, {"name"}, "at most 100"),
    (PersonInput("E012", "甲", ("teller",)), "short", None, {"password"}, "at least 8"),
    (PersonInput("E012", "甲", ("teller",)), "        ", None, {"password"}, "only spaces"),
    (PersonInput("E012", "甲", ("teller",)), None, TODAY + timedelta(days=1), {"on"}, "future"),
    (PersonInput("E004", "甲", ("teller",)), None, None, {"employee_no"}, "already in"),
]


def test_bad_input_is_each_fields_message_and_changes_nothing(people_store):
    before = _snapshot(people_store)
    for person, password, on, fields, words in BAD_INPUT:
        with pytest.raises(EntryError) as exc:
            admin.add_person(people_store, actor="E001", person=person, password=password, on=on)
        assert set(exc.value.fields) == fields, person
        assert words in str(exc.value), person
    assert _snapshot(people_store) == before


# ---------------------------------------------------------------- editing, leaving


def test_edit_changes_only_what_is_given_and_audits_the_difference(people_store):
    edited = admin.edit_person(people_store, actor="E001", employee_no="E004", id_number="36070")
    assert (edited.name, edited.id_number) == ("张伟", "36070")
    with people_store.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (entry.action, entry.detail) == ("staff.edit", {"id_number": ["", "36070"]})
    before = _snapshot(people_store)
    admin.edit_person(people_store, actor="E001", employee_no="E004", name="张伟")  # no change
    assert _snapshot(people_store) == before
    with pytest.raises(EntryError) as exc:
        admin.edit_person(people_store, actor="E001", employee_no="E004", name="  ")
    assert set(exc.value.fields) == {"name"}
    with pytest.raises(NotFoundError):
        admin.edit_person(people_store, actor="E001", employee_no="E099", name="某")
    assert _snapshot(people_store) == before


def test_a_person_who_leaves_is_kept_with_their_history(people_store):
    admin.set_roles(people_store, actor="E001", employee_no="E003", roles=("vault_keeper",))
    admin.add_person(
        people_store, actor="E001", person=PersonInput("E011", "钱多", ("teller",)), on=DAY
    )
    left = admin.deactivate(
        people_store, actor="E001", employee_no="E011", on=TODAY, reason="调离 / transferred"
    )
    assert not left.active
    assert _posts(people_store, "E011") == [("teller", DAY.isoformat(), TODAY.isoformat())]
    rows = {p.employee_no: p for p in admin.people(people_store)}
    assert rows["E011"].deactivated_on == TODAY.isoformat() and not rows["E011"].active
    assert "E011" not in {p.employee_no for p in admin.people(people_store, include_inactive=False)}
    with pytest.raises(StateError, match="already deactivated"):
        admin.deactivate(people_store, actor="E001", employee_no="E011", reason="again")


def test_leaving_is_refused_for_oneself_the_last_head_and_without_a_reason(people_store):
    before = _snapshot(people_store)
    with pytest.raises(StateError, match="yourself"):
        admin.deactivate(people_store, actor="E001", employee_no="E001", reason="退休")
    with pytest.raises(StateError, match="only branch head"):
        admin.deactivate(people_store, actor="E002", employee_no="E001", reason="退休")
    with pytest.raises(EntryError) as exc:
        admin.deactivate(people_store, actor="E001", employee_no="E004", reason=" ")
    assert set(exc.value.fields) == {"reason"}
    assert _snapshot(people_store) == before
    admin.add_person(people_store, actor="E001", person=PersonInput("E011", "钱多", ("teller",)))
    before = _snapshot(people_store)
    with pytest.raises(EntryError, match="before the teller post began"):
        admin.deactivate(people_store, actor="E001", employee_no="E011", on=DAY, reason="调离")


def test_a_deactivated_person_can_no_longer_sign_in_or_act(people_store):
    admin.set_roles(
        people_store, actor="E001", employee_no="E010", roles=("supervisor", "branch_head")
    )
    admin.deactivate(people_store, actor="E010", employee_no="E002", reason="调离")
    with pytest.raises(AuthError):
        staff.sign_in(people_store, "E002", PASSWORD)
    with pytest.raises(PeopleRuleError, match="deactivated"):
        admin.edit_person(people_store, actor="E002", employee_no="E004", name="某")
    # with another branch head, the first one may now leave
    admin.deactivate(people_store, actor="E010", employee_no="E001", reason="退休")


# ---------------------------------------------------------------- roles with their dates


def test_roles_change_with_their_dates(people_store):
    admin.add_person(
        people_store, actor="E001", person=PersonInput("E011", "钱多", ("teller",)), on=DAY
    )
    later = DAY + timedelta(days=10)
    changed = admin.set_roles(
        people_store, actor="E001", employee_no="E011", roles=("vault_keeper",), on=later
    )
    assert changed.roles == ("vault_keeper",)
    assert _posts(people_store, "E011") == [
        ("teller", DAY.isoformat(), later.isoformat()),
        ("vault_keeper", later.isoformat(), None),
    ]
    with pytest.raises(EntryError, match="ended on"):  # back to teller inside the old post
        admin.set_roles(people_store, actor="E001", employee_no="E011", roles=("teller",), on=later)
    with people_store.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry.action == "staff.roles"
        assert entry.detail == {
            "roles": ["vault_keeper"],
            "added": ["vault_keeper"],
            "dropped": ["teller"],
            "on": later.isoformat(),
        }


def test_role_changes_that_are_refused_change_nothing(people_store):
    before = _snapshot(people_store)
    cases = [
        (dict(actor="E001", employee_no="E001", roles=("teller",)), StateError, "only branch head"),
        (dict(actor="E002", employee_no="E002", roles=("deputy_head", "branch_head")), StateError,
         "give yourself"),
        (dict(actor="E001", employee_no="E004", roles=("cashier",)), EntryError, "unknown"),
        (dict(actor="E001", employee_no="E004", roles=("escort",)), EntryError, "escort company"),
        (dict(actor="E001", employee_no="E004", roles=()), EntryError, "at least one"),
        (dict(actor="E001", employee_no="E004", roles=("sorter",), on=TODAY + timedelta(days=1)),
         EntryError, "future"),
    ]  # fmt: skip
    for kwargs, error, words in cases:
        with pytest.raises(error, match=words):
            admin.set_roles(people_store, **kwargs)
    assert _snapshot(people_store) == before


# ---------------------------------------------------------------- passwords


T0 = clock.local(datetime(2026, 3, 2, 9, 0))


def test_a_reset_password_works_and_ends_the_lock(people_store):
    for i in range(5):
        with pytest.raises(AuthError):
            staff.sign_in(people_store, "E004", "wrong", now=T0 + timedelta(seconds=i))
    with pytest.raises(AuthError, match="locked"):
        staff.sign_in(people_store, "E004", PASSWORD, now=T0 + timedelta(minutes=1))
    admin.reset_password(people_store, actor="E001", employee_no="E004", new_password="fresh-pass")
    with pytest.raises(AuthError, match="wrong employee number or password"):  # not locked
        staff.sign_in(people_store, "E004", PASSWORD, now=T0 + timedelta(minutes=2))
    ok = staff.sign_in(people_store, "E004", "fresh-pass", now=T0 + timedelta(minutes=2))
    assert ok.employee_no == "E004"


def test_a_password_reset_refused(people_store):
    admin.add_person(
        people_store,
        actor="E001",
        person=PersonInput("X001", "黄海", ("escort",), external=True, organisation="押运公司"),
    )
    before = _snapshot(people_store)
    with pytest.raises(StateError, match="own password"):
        admin.reset_password(people_store, actor="E001", employee_no="E001", new_password="x" * 9)
    with pytest.raises(StateError, match="external"):
        admin.reset_password(people_store, actor="E001", employee_no="X001", new_password="x" * 9)
    with pytest.raises(EntryError, match="at least 8"):
        admin.reset_password(people_store, actor="E001", employee_no="E004", new_password="x")
    with pytest.raises(PeopleRuleError):
        admin.reset_password(people_store, actor="E010", employee_no="E004", new_password="x" * 9)
    assert _snapshot(people_store) == before


# ---------------------------------------------------------------- who may


ACTIONS = {
    "add_person": lambda st, who: admin.add_person(
        st, actor=who, person=PersonInput(f"N{who}", "新人", ("teller",))
    ),
    "edit_person": lambda st, who: admin.edit_person(
        st, actor=who, employee_no="E009", name=f"吴敏{who}"
    ),
    "set_roles": lambda st, who: admin.set_roles(
        st,
        actor=who,
        employee_no="E008",
        roles=("sorter", "bookkeeper") if who == "E001" else ("sorter", "teller"),
    ),
    "reset_password": lambda st, who: admin.reset_password(
        st, actor=who, employee_no="E007", new_password=f"pass-{who}-ok"
    ),
    "deactivate": lambda st, who: admin.deactivate(
        st, actor=who, employee_no="E006" if who == "E001" else "E005", reason="调离"
    ),
}


def test_only_the_branch_head_and_deputy_heads_manage_staff(people_store):
    """The whole matrix of the staff actions: every forbidden cell is refused with a message
    naming the person and who may, and nothing changes; each allowed cell does its change."""
    admin.add_person(
        people_store,
        actor="E001",
        person=PersonInput("X001", "黄海", ("escort",), external=True, organisation="押运公司"),
    )
    admin.add_person(
        people_store, actor="E001", person=PersonInput("E020", "离职者", ("deputy_head",))
    )
    admin.deactivate(people_store, actor="E001", employee_no="E020", reason="调离")
    allowed = {"E001", "E002"}
    actors = [no for no, _, _ in PEOPLE] + ["X001", "E020"]
    for action, run in ACTIONS.items():
        for who in actors:
            if who in allowed:
                continue
            before = _snapshot(people_store)
            with pytest.raises(PeopleRuleError) as exc:
                run(people_store, who)
            assert who in str(exc.value) and ("manage staff" in str(exc.value)), (action, who)
            assert _snapshot(people_store) == before, (action, who)
        for who in sorted(allowed):
            before = _snapshot(people_store)
            run(people_store, who)
            assert _snapshot(people_store) != before, (action, who)


def test_an_unknown_actor_is_refused(people_store):
    before = _snapshot(people_store)
    with pytest.raises(NotFoundError):
        ACTIONS["add_person"](people_store, "E099")
    assert _snapshot(people_store) == before


def test_the_people_list_for_the_administration_screen(people_store):
    rows = admin.people(people_store)
    assert [r.employee_no for r in rows] == [no for no, _, _ in PEOPLE]
    first = rows[0]
    assert (first.name, first.roles, first.has_password, first.has_key) == (
        "王建国",
        ("branch_head",),
        True,
        False,
    )
    assert first.role_names("en") == "Branch head"
    assert admin.checked_day(None, clock.local(datetime(2026, 3, 2, 9))) == date(2026, 3, 2)


def test_a_person_listed_without_a_password_gets_their_first_one_by_a_reset(people_store):
    added = admin.add_person(
        people_store, actor="E001", person=PersonInput("E011", "钱多", ("teller",))
    )
    assert not added.can_sign_in
    with pytest.raises(AuthError):
        staff.sign_in(people_store, "E011", "")
    admin.reset_password(people_store, actor="E002", employee_no="E011", new_password="first-one")
    assert staff.sign_in(people_store, "E011", "first-one").can_sign_in
