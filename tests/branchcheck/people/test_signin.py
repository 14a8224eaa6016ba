"""Sign-in with sqlite3 alone: who is listed, when the store must be opened first, passwords;
the lock after too many wrong passwords."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from branchcheck import clock
from branchcheck.db.models import AuditEntry, Staff
from branchcheck.errors import AuthError
from branchcheck.people import register as staff
from branchcheck.people import signin


def test_lists_active_branch_staff_with_a_password(people_store):
    staff.add_staff(people_store, employee_no="X001", name="黄海", roles=["escort"], external=True)
    staff.add_staff(people_store, employee_no="E011", name="钱多", roles=["teller"])  # no password
    with people_store.session() as s:
        s.execute(update(Staff).where(Staff.employee_no == "E009").values(active=False))
    people = signin.sign_in_list(people_store.path)
    numbers = [p.employee_no for p in people]
    assert numbers == ["E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E010"]
    assert numbers == [
        p.employee_no
        for p in staff.list_staff(people_store, include_external=False)
        if p.can_sign_in
    ]
    first = people[0]
    assert (first.name, first.roles, first.role_names("zh")) == (
        "王建国",
        ("branch_head",),
        "网点负责人",
    )


def test_a_store_to_create_or_upgrade_is_not_read(home, store):
    assert signin.sign_in_list(home / "missing.sqlite3") is None
    assert signin.sign_in_list(store.path) == []  # current and empty
    con = sqlite3.connect(store.path)
    con.execute("UPDATE alembic_version SET version_num = '0000'")
    con.commit()
    con.close()
    assert signin.sign_in_list(store.path) is None


def test_password_hashes_check_and_differ():
    stored = signin.hash_password("demo1234")
    assert stored.startswith("scrypt$") and stored != signin.hash_password("demo1234")
    assert signin.check_password("demo1234", stored)
    assert not signin.check_password("demo1235", stored)
    assert not signin.check_password("demo1234", None)


T0 = clock.local(datetime(2026, 3, 2, 9, 0))


def _sign_in_actions(store, employee_no):
    with store.session() as s:
        return [
            (e.action, e.detail)
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.subject == employee_no).order_by(AuditEntry.id)
            )
            if e.action.startswith("user.sign_in")
        ]


def _fail(store, n, at, employee_no="E004"):
    for i in range(n):
        with pytest.raises(AuthError):
            staff.sign_in(store, employee_no, "wrong", now=at + timedelta(seconds=i))


def test_five_wrong_passwords_lock_the_person_for_fifteen_minutes(people_store):
    _fail(people_store, 4, T0)
    assert staff.sign_in(people_store, "E004", "demo1234", now=T0).employee_no == "E004"
    _fail(people_store, 4, T0)  # a success starts the count again
    with pytest.raises(
        AuthError, match="锁定至 2026-03-02 09:15:10 / .*locked until 2026-03-02 09:15:10"
    ):
        staff.sign_in(people_store, "E004", "wrong", now=T0 + timedelta(seconds=10))
    # while locked even the right password is refused, without being checked
    with pytest.raises(AuthError, match="locked until 2026-03-02 09:15:10"):
        staff.sign_in(people_store, "E004", "demo1234", now=T0 + timedelta(minutes=15))
    assert staff.sign_in(people_store, "E005", "demo1234", now=T0).employee_no == "E005"
    assert staff.sign_in(people_store, "E004", "demo1234", now=T0 + timedelta(seconds=910))
    actions = [a for a, _ in _sign_in_actions(people_store, "E004")]
    assert actions == (
        ["user.sign_in_failed"] * 4
        + ["user.sign_in"]
        + ["user.sign_in_failed"] * 5
        + ["user.sign_in_locked", "user.sign_in_refused", "user.sign_in"]
    )
    locked = dict(_sign_in_actions(people_store, "E004"))["user.sign_in_locked"]
    assert locked == {"until": "2026-03-02T09:15:10+08:00", "failures": 5}


def test_lock_of_tells_the_window_until_when(people_store):
    assert staff.lock_of(people_store, "E004", now=T0) == signin.LockState(None, 0)
    _fail(people_store, 2, T0)
    assert staff.lock_of(people_store, "E004", now=T0) == signin.LockState(None, 2)
    _fail(people_store, 3, T0 + timedelta(seconds=2))
    until = T0 + timedelta(seconds=4, minutes=15)
    assert staff.lock_of(people_store, "E004", now=T0 + timedelta(minutes=1)).locked_until == until
    assert staff.lock_of(people_store, "E004", now=until).locked_until is None


def test_fifty_wrong_sign_ins_meet_the_lock(people_store):
    refused = []
    for i in range(50):
        with pytest.raises(AuthError) as exc:
            staff.sign_in(people_store, "E001", f"guess{i}", now=T0 + timedelta(seconds=i))
        refused.append("locked until" in exc.value.message)
    assert refused == [False] * 4 + [True] * 46
    with pytest.raises(AuthError, match="locked"):
        staff.sign_in(people_store, "E001", "demo1234", now=T0 + timedelta(minutes=1))


def test_the_lock_follows_the_settings(people_store):
    from branchcheck.settings import Settings

    settings = Settings(signin_max_failures=2, signin_lock_minutes=1)
    for _ in range(2):
        with pytest.raises(AuthError):
            staff.sign_in(people_store, "E002", "x", settings=settings, now=T0)
    with pytest.raises(AuthError, match="09:01:00"):
        staff.sign_in(people_store, "E002", "demo1234", settings=settings, now=T0)
    ok = staff.sign_in(
        people_store, "E002", "demo1234", settings=settings, now=T0 + timedelta(minutes=1)
    )
    assert ok.employee_no == "E002"


def test_lock_state_reads_the_latest_attempts():
    now = T0
    later = now + timedelta(minutes=5)
    failed = signin.Attempt(signin.FAILED)
    lock = signin.Attempt(signin.LOCKED, later)
    assert signin.lock_state([], now) == signin.LockState(None, 0)
    assert signin.lock_state([failed, failed, signin.Attempt(signin.SIGNED_IN), failed], now) == (
        signin.LockState(None, 2)
    )
    assert signin.lock_state([lock, failed], now) == signin.LockState(later, 0)
    assert signin.lock_state([failed, lock], later) == signin.LockState(None, 1)  # lock over
    assert signin.lock_after(4, 5, now, 15) is None
    assert signin.lock_after(5, 5, now, 15) == now + timedelta(minutes=15)
