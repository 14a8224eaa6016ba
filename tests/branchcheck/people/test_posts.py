"""The post history: recording, ending, route changes, refusals that change nothing."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from branchcheck.db.models import AuditEntry, StaffPost
from branchcheck.errors import AnswerError, NotFoundError, StateError
from branchcheck.people.posts import end_post, post_history, record_post

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def add(store, no="E003", role="vault_keeper", day="2023-03-01", route="", now=NOW):
    return record_post(
        store,
        employee_no=no,
        role=role,
        from_date=date.fromisoformat(day),
        route=route,
        actor="E001",
        now=now,
    )


def counts(store):
    with store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(StaffPost)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


def test_record_and_end_a_post(people_store):
    view = add(people_store)
    assert (view.employee_no, view.name, view.role, view.from_date, view.to_date) == (
        "E003",
        "李梅",
        "vault_keeper",
        "2023-03-01",
        None,
    )
    assert view.role_name == {"zh": "管库员", "en": "Vault keeper"}
    ended = end_post(
        people_store,
        employee_no="E003",
        role="vault_keeper",
        to_date=date(2026, 5, 31),
        actor="E001",
        now=NOW,
    )
    assert ended.to_date == "2026-05-31"
    assert [(p.from_date, p.to_date) for p in post_history(people_store, "E003")] == [
        ("2023-03-01", "2026-05-31")
    ]
    with people_store.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-2:] == ["staff.post", "staff.post_end"]


def test_a_new_route_ends_the_old_one_the_day_before(people_store):
    add(people_store, "E007", "atm_loader", "2026-01-05", route="R1")
    add(people_store, "E007", "atm_loader", "2026-04-01", route="R2")
    history = post_history(people_store, "E007")
    assert [(p.route, p.from_date, p.to_date) for p in history] == [
        ("R1", "2026-01-05", "2026-03-31"),
        ("R2", "2026-04-01", None),
    ]


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"role": "cashier"}, AnswerError, "unknown 'cashier'"),
        ({"day": "2026-06-02"}, AnswerError, "2026-06-02 is in the future"),
        ({"no": "E999"}, NotFoundError, "E999"),
        ({"day": "2023-03-01"}, StateError, "E003 holds vault_keeper since 2023-03-01"),
        ({"day": "2023-02-01", "route": "R9"}, AnswerError, "must be after 2023-03-01"),
    ],
)
def test_bad_input_changes_nothing(people_store, kwargs, error, words):
    add(people_store)
    before = counts(people_store)
    with pytest.raises(error, match=words):
        add(people_store, **kwargs)
    assert counts(people_store) == before


def test_a_start_inside_a_recorded_period_is_refused(people_store):
    add(people_store, day="2020-01-01")
    end_post(
        people_store,
        employee_no="E003",
        role="vault_keeper",
        to_date=date(2022, 12, 31),
        actor="E001",
        now=NOW,
    )
    with pytest.raises(AnswerError, match="falls in the period 2020-01-01 to 2022-12-31"):
        add(people_store, day="2022-06-01")
    assert add(people_store, day="2023-01-01").from_date == "2023-01-01"


def test_ending_refusals(people_store):
    def end(day, no="E003"):
        return end_post(
            people_store,
            employee_no=no,
            role="vault_keeper",
            to_date=date.fromisoformat(day),
            actor="E001",
            now=NOW,
        )

    with pytest.raises(NotFoundError, match="holds no vault_keeper post"):
        end("2026-05-01")
    add(people_store)
    with pytest.raises(AnswerError, match="before the post began on 2023-03-01"):
        end("2023-02-28")
    with pytest.raises(AnswerError, match="in the future"):
        end("2026-06-02")
    assert end("2023-03-01").to_date == "2023-03-01"  # one day held: from = to


def test_history_of_everyone_and_of_an_unknown_person(people_store):
    add(people_store)
    add(people_store, "E006", "atm_loader", "2025-01-01", route="R3")
    assert [(p.employee_no, p.role) for p in post_history(people_store)] == [
        ("E003", "vault_keeper"),
        ("E006", "atm_loader"),
    ]
    assert post_history(people_store, "E004") == []
    with pytest.raises(NotFoundError, match="E999"):
        post_history(people_store, "E999")
