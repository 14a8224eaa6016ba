"""Sign-in with sqlite3 alone: who is listed, when the store must be opened first, passwords."""

import sqlite3

from sqlalchemy import update

from branchcheck.db.models import Staff
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
