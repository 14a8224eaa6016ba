"""A branch's first run: the branch, its branch head, the CA and the head's key, all or nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from branchcheck import audit
from branchcheck.db.models import AuditEntry, Branch, Credential, Staff, StaffPost, TrustedCA
from branchcheck.errors import EntryError, StateError
from branchcheck.people import register as staff
from branchcheck.people.directory import people
from branchcheck.records import keys, pki
from branchcheck.setup import BranchInput, PersonInput, is_set_up, set_up

BRANCH = BranchInput("GZ0101", "赣州分行营业部", "Ganzhou Branch", "赣州分行")
HEAD = PersonInput("E001", "王建国", ("branch_head",))
TABLES = (Branch, Staff, StaffPost, TrustedCA, Credential, AuditEntry)


def _counts(store):
    with store.session() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


EMPTY = {t.__tablename__: 0 for t in TABLES}


def test_set_up_makes_the_branch_its_head_the_ca_and_the_heads_key(store):
    assert not is_set_up(store)
    result = set_up(
        store, branch=BRANCH, admin=HEAD, admin_password="head-pass", ca_password="ca-pass-1"
    )
    assert is_set_up(store)
    assert (result.branch_code, result.admin_no) == ("GZ0101", "E001")
    with store.session() as s:
        branch = s.scalars(select(Branch)).one()
        assert (branch.name, branch.name_en, branch.head_office) == (
            "赣州分行营业部",
            "Ganzhou Branch",
            "赣州分行",
        )
        ca = s.scalars(select(TrustedCA)).one()
        assert ca.own_branch_ca and ca.fingerprint == result.ca_fingerprint
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["branch.setup", "staff.add", "ca.create", "key.issue"]
    row = people(store)[0]
    assert (row.employee_no, row.roles, row.has_password, row.has_key) == (
        "E001",
        ("branch_head",),
        True,
        True,
    )
    assert staff.sign_in(store, "E001", "head-pass").employee_no == "E001"
    cred = keys.load_credential(store, "E001", "head-pass")  # the key opens with the password
    assert pki.cert_employee_no(cred.cert) == "E001"
    with store.read() as conn:
        assert audit.check_chain(conn).ok


def test_set_up_twice_is_refused_and_changes_nothing(store):
    set_up(store, branch=BRANCH, admin=HEAD, admin_password="head-pass", ca_password="ca-pass-1")
    before = _counts(store)
    with pytest.raises(StateError, match="already has its branch"):
        other = PersonInput("E002", "陈静", ("branch_head",))
        set_up(store, branch=BRANCH, admin=other, admin_password="x" * 8, ca_password="y" * 8)
    assert _counts(store) == before


def test_each_field_that_cannot_be_used_is_named_and_nothing_is_stored(store):
    with pytest.raises(EntryError) as exc:
        set_up(
            store,
            branch=BranchInput(" ", "网点", head_office="行" * 201),
            admin=PersonInput("E 1", "", ("teller",)),
            admin_password="short",
            ca_password="",
        )
    assert set(exc.value.fields) == {
        "branch.code",
        "branch.head_office",
        "admin.employee_no",
        "admin.name",
        "admin.roles",
        "admin.password",
        "ca_password",
    }
    assert exc.value.fields["ca_password"] == "CA 密码：不能为空 / CA password: is required"
    with pytest.raises(EntryError) as exc:
        set_up(
            store,
            branch=BranchInput("GZ 01", "网点"),
            admin=PersonInput("X1", "押运", ("escort",), True, "公司"),
            admin_password="long-enough",
            ca_password="long-enough",
        )
    assert set(exc.value.fields) == {"branch.code", "admin.roles", "admin.password"}
    assert _counts(store) == EMPTY


def test_a_failure_at_the_last_step_leaves_the_store_empty(store, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pki, "issue_signing_cert", broken)
    with pytest.raises(OSError, match="disk full"):
        set_up(
            store, branch=BRANCH, admin=HEAD, admin_password="head-pass", ca_password="ca-pass-1"
        )
    assert _counts(store) == EMPTY and not is_set_up(store)
    monkeypatch.undo()
    set_up(store, branch=BRANCH, admin=HEAD, admin_password="head-pass", ca_password="ca-pass-1")
    assert is_set_up(store)


def test_a_branch_without_a_head_who_can_sign_in_is_not_set_up(store):
    staff.add_branch(store, code="GZ0101", name="网点")
    assert not is_set_up(store)
    staff.add_staff(store, employee_no="E001", name="王建国", roles=["branch_head"])  # no password
    assert not is_set_up(store)
    with pytest.raises(StateError):
        set_up(
            store, branch=BRANCH, admin=HEAD, admin_password="head-pass", ca_password="ca-pass-1"
        )
