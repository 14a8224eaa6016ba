"""A branch's first run: the branch, its first administrator (the branch head), the branch CA and
the administrator's signing key, made together in one transaction or not at all.

Everything entered is checked before anything is written; the CA and the key are then made by
`records.keys` inside the same transaction (a store whose sessions all join it), so a failure at
any step, a crash included, leaves the store as empty as it was."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Branch, Staff
from branchcheck.errors import EntryError, StateError
from branchcheck.people.admin import HEAD, check_new_person, insert_person
from branchcheck.people.person_input import PersonInput, password_problem
from branchcheck.records import keys
from branchcheck.settings import Settings, load_settings

__all__ = ["BranchInput", "PersonInput", "SetupResult", "is_set_up", "set_up"]

MAX_CODE = 32
MAX_BRANCH_NAME = 200

BRANCH_FIELDS: dict[str, tuple[str, str]] = {
    "code": ("网点代码", "branch code"),
    "name": ("网点名称", "branch name"),
    "name_en": ("英文名称", "English name"),
    "head_office": ("上级行", "head office"),
}


@dataclass(frozen=True)
class BranchInput:
    code: str
    name: str
    name_en: str = ""
    head_office: str = ""  # the head office the branch reports to


@dataclass(frozen=True)
class SetupResult:
    branch_code: str
    admin_no: str
    ca_fingerprint: str


def is_set_up(store: Store) -> bool:
    """A branch exists and at least one active branch head can sign in."""
    with store.session() as s:
        if s.scalars(select(Branch).limit(1)).first() is None:
            return False
        heads = s.scalars(
            select(Staff).where(
                Staff.active.is_(True),
                Staff.external.is_(False),
                Staff.password_hash.is_not(None),
            )
        )
        return any(HEAD in (p.roles or ()) for p in heads)


def _branch_problems(branch: BranchInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    for key, limit, required in (
        ("code", MAX_CODE, True),
        ("name", MAX_BRANCH_NAME, True),
        ("name_en", MAX_BRANCH_NAME, False),
        ("head_office", MAX_BRANCH_NAME, False),
    ):
        value = getattr(branch, key)
        zh, en = BRANCH_FIELDS[key]
        if not isinstance(value, str):
            problems[key] = f"{zh}：须为文字 / {en}: must be text"
        elif required and not value.strip():
            problems[key] = f"{zh}：不能为空 / {en}: is required"
        elif len(value) > limit:
            problems[key] = f"{zh}：最多 {limit} 个字 / {en}: at most {limit} characters"
        elif not value.isprintable():
            problems[key] = f"{zh}：含有不可见的控制字符 / {en}: contains control characters"
    code = branch.code.strip() if isinstance(branch.code, str) else ""
    if "code" not in problems and not all(c.isalnum() or c in "-_" for c in code):
        problems["code"] = (
            "网点代码：只能含字母、数字和 - _ / branch code: only letters, digits, - _"
        )
    return problems


def _checked(
    branch: BranchInput, admin: PersonInput, admin_password: str, ca_password: str
) -> PersonInput:
    problems = {f"branch.{k}": v for k, v in _branch_problems(branch).items()}
    if HEAD not in admin.roles or admin.external:
        problems["admin.roles"] = (
            "岗位：第一位管理员须为网点负责人 / roles: the first administrator is the branch head"
        )
    try:
        person = check_new_person(admin, admin_password)
    except EntryError as exc:
        problems = {f"admin.{k}": v for k, v in exc.fields.items()} | problems
        person = admin
    if (why := password_problem(ca_password)) is not None:
        problems["ca_password"] = why.replace("密码", "CA 密码", 1).replace(
            "password", "CA password", 1
        )
    if problems:
        raise EntryError(problems)
    return person


class _Joined(Store):
    """The store as the functions of records.keys see it during set-up: each of their sessions is
    the set-up's own transaction, committed once at the end."""

    def __init__(self, store: Store, session: Session) -> None:
        super().__init__(store.engine, store.path)
        self._joined = session

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._joined


def _settings(store: Store) -> Settings:
    return load_settings(store.path.parent) if store.path is not None else Settings()


def set_up(
    store: Store,
    *,
    branch: BranchInput,
    admin: PersonInput,
    admin_password: str,
    ca_password: str,
    now: datetime | None = None,
) -> SetupResult:
    """Create the branch, its first administrator (a branch head; `admin_password` is both their
    sign-in password and their signing key's), the branch CA (its key kept under `ca_password`)
    and the administrator's signing key: all or nothing. Refused when the store is already set
    up. EntryError names every field that cannot be used: "branch.code", "branch.name",
    "branch.name_en", "branch.head_office", "admin.<field>" (people.person_input.FIELD_NAMES's, the admin's
    password as "admin.password") and "ca_password"."""
    person = _checked(branch, admin, admin_password, ca_password)
    settings = _settings(store)
    at = clock.local(now, settings.timezone) if now else clock.now(settings.timezone)
    with store.session() as s:
        if s.scalars(select(Branch).limit(1)).first() is not None:
            raise StateError(
                "本系统已设置网点 / this store already has its branch",
                hint="请登录后在“人员”中管理 / sign in and manage people there",
            )
        code = branch.code.strip()
        s.add(
            Branch(
                code=code,
                name=branch.name.strip(),
                name_en=branch.name_en.strip(),
                timezone=settings.timezone,
                head_office=branch.head_office.strip(),
            )
        )
        s.flush()
        audit.append(
            s,
            at=clock.iso(at),
            actor=person.employee_no,
            action="branch.setup",
            subject=code,
            detail={
                "name": branch.name.strip(),
                "name_en": branch.name_en.strip(),
                "head_office": branch.head_office.strip(),
                "administrator": person.employee_no,
            },
        )
        insert_person(s, person, admin_password, at.date(), actor=person.employee_no, at=at)
        joined = _Joined(store, s)
        fingerprint = keys.create_branch_ca(joined, ca_password=ca_password, not_before=now)
        keys.issue_credential(
            joined,
            employee_no=person.employee_no,
            password=admin_password,
            ca_password=ca_password,
            not_before=now,
        )
    return SetupResult(code, person.employee_no, fingerprint)
