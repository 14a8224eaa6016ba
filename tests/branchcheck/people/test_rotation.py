"""Rotation reminders at their edges, the grace period, the idempotent sweep."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from branchcheck.db.models import AuditEntry, Finding
from branchcheck.people.posts import record_post
from branchcheck.people.rotation import add_years, reminders, sweep
from branchcheck.settings import Settings

S = Settings()  # 3 years, routes 92 days, 30 days of grace
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def post(store, no, role, day, route=""):
    record_post(
        store,
        employee_no=no,
        role=role,
        from_date=date.fromisoformat(day),
        route=route,
        actor="E001",
        now=NOW,
    )


def on(store, day):
    return reminders(store, date.fromisoformat(day), settings=S)


def test_exactly_three_years_is_not_yet_too_long(people_store):
    post(people_store, "E003", "vault_keeper", "2023-03-01")
    assert on(people_store, "2026-03-01") == []
    [r] = on(people_store, "2026-03-02")
    assert (r.kind, r.since, r.due_on, r.grace_until, r.status) == (
        "post",
        "2023-03-01",
        "2026-03-01",
        "2026-03-31",
        "reminder",
    )
    assert (r.days_held, r.years_held) == (1097, 3.0)
    assert r.obligation_key == "rotation:E003:vault_keeper:2023-03-01"
    assert on(people_store, "2026-03-31")[0].status == "reminder"  # the last day of grace
    assert on(people_store, "2026-04-01")[0].status == "overdue"


def test_roles_outside_the_rotation_roles_have_no_reminder(people_store):
    post(people_store, "E004", "teller", "2015-01-01")
    assert on(people_store, "2026-06-01") == []


def test_a_route_change_resets_the_route_clock_not_the_post(people_store):
    post(people_store, "E007", "atm_loader", "2023-01-02", route="R1")
    [route] = on(people_store, "2023-04-05")  # 93 days on R1
    assert (route.kind, route.route, route.due_on, route.status) == (
        "route",
        "R1",
        "2023-04-04",
        "reminder",
    )
    post(people_store, "E007", "atm_loader", "2023-04-10", route="R2")
    assert on(people_store, "2023-05-01") == []
    # three years on: the post (since the first route) is due, R2's age counts from its change
    post(people_store, "E007", "atm_loader", "2025-12-01", route="R3")
    found = {r.kind: r for r in on(people_store, "2026-01-03")}
    assert set(found) == {"post"}
    assert found["post"].since == "2023-01-02"
    assert found["post"].obligation_key == "rotation:E007:atm_loader:2023-01-02"


def test_a_break_in_the_post_starts_the_tenure_again(people_store):
    from branchcheck.people.posts import end_post

    post(people_store, "E003", "vault_keeper", "2020-01-01")
    end_post(
        people_store,
        employee_no="E003",
        role="vault_keeper",
        to_date=date(2022, 12, 30),
        actor="E001",
        now=NOW,
    )
    post(people_store, "E003", "vault_keeper", "2023-01-01")  # one day away: a new tenure
    assert on(people_store, "2025-12-31") == []
    assert on(people_store, "2026-01-02")[0].since == "2023-01-01"


def test_the_sweep_makes_one_finding_past_the_grace_period(people_store):
    post(people_store, "E003", "vault_keeper", "2023-03-01")
    assert sweep(people_store, date(2026, 3, 31), NOW, settings=S) == []  # still in grace
    [made] = sweep(people_store, date(2026, 4, 1), NOW, settings=S)
    assert sweep(people_store, date(2026, 4, 1), NOW, settings=S) == []
    assert sweep(people_store, date(2026, 5, 1), NOW, settings=S) == []
    with people_store.session() as s:
        f = s.get(Finding, made)
        assert f is not None
        assert (f.origin, f.inspection_id, f.obligation_key) == (
            "rotation",
            None,
            "rotation:E003:vault_keeper:2023-03-01",
        )
        assert f.responsible is not None and f.responsible.employee_no == "E001"
        assert (f.severity, f.risk_driver, f.due_date, f.repeat) == (
            "medium",
            "supervision_lacking",
            "2026-04-08",  # medium: 7 days
            False,
        )
        assert "李梅（E003）任管库员已超过3年未轮岗" in f.title["zh"]
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "finding.rotation"))
        assert [(e.actor, e.subject) for e in entries] == [("system", made)]
    [r] = on(people_store, "2026-05-01")
    assert r.finding_id == made


def test_a_second_stale_route_is_a_repeat(people_store):
    post(people_store, "E007", "atm_loader", "2025-01-01", route="R1")
    [first] = sweep(people_store, date(2025, 5, 10), NOW, settings=S)
    post(people_store, "E007", "atm_loader", "2025-05-11", route="R2")
    [second] = sweep(people_store, date(2025, 9, 15), NOW, settings=S)
    with people_store.session() as s:
        one, two = s.get(Finding, first), s.get(Finding, second)
        assert one is not None and two is not None
        assert (one.repeat, two.repeat) == (False, True)
        assert two.item_key == "route_change"
        assert "线路 R2 超过92天未更换" in two.title["zh"]


def test_settings_change_the_periods(people_store):
    post(people_store, "E003", "vault_keeper", "2025-01-01")
    short = Settings(rotation_years=1, rotation_grace_days=0)
    [r] = reminders(people_store, date(2026, 1, 2), settings=short)
    assert r.status == "overdue"


def test_add_years_on_the_leap_day():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
