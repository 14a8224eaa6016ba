"""The branch, its staff register and sign-in. Passwords are hashed with the standard library's scrypt
(`branchcheck.people.signin`, which the sign-in screen uses before the store is loaded)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import AuditEntry, Branch, Staff
from branchcheck.errors import AuthError, InputFileError, NotFoundError
from branchcheck.people import signin
from branchcheck.people.roster import list_staff as list_staff  # read-only, no ORM
from branchcheck.people.signin import StaffInfo, check_password, hash_password
from branchcheck.settings import Settings, load_settings
from branchcheck.taxonomy import STAFF_ROLES
from branchcheck.views import PersonRef


def info(staff: Staff) -> StaffInfo:
    return StaffInfo(
        staff.employee_no,
        staff.name,
        tuple(staff.roles),
        staff.external,
        staff.organisation,
        staff.id_number,
        staff.active,
        staff.password_hash is not None,
    )


def person_ref(staff: Staff) -> PersonRef:
    return PersonRef(staff.employee_no, staff.name, tuple(staff.roles), staff.external)


def get_branch(session: Session) -> Branch:
    branch = session.scalars(select(Branch).order_by(Branch.id).limit(1)).first()
    if branch is None:
        raise NotFoundError(
            "no branch is set up in this store", hint="run 'branchcheck demo' or add a branch first"
        )
    return branch


def add_branch(
    store: Store, *, code: str, name: str, name_en: str = "", timezone: str = "Asia/Shanghai"
) -> None:
    with store.session() as s:
        if s.scalars(select(Branch).where(Branch.code == code)).first():
            raise InputFileError(f"branch {code} already exists")
        s.add(Branch(code=code, name=name, name_en=name_en, timezone=timezone))
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor="system",
            action="branch.add",
            subject=code,
            detail={"name": name},
        )


def add_staff(
    store: Store,
    *,
    employee_no: str,
    name: str,
    roles: list[str],
    password: str | None = None,
    external: bool = False,
    organisation: str = "",
    id_number: str = "",
) -> StaffInfo:
    unknown = [r for r in roles if r not in STAFF_ROLES]
    if unknown:
        raise InputFileError(
            f"staff {employee_no}: unknown role(s) {', '.join(unknown)} (known: {', '.join(STAFF_ROLES)})"
        )
    if not employee_no.strip() or not name.strip():
        raise InputFileError("staff: employee number and name are both required")
    with store.session() as s:
        if s.scalars(select(Staff).where(Staff.employee_no == employee_no)).first():
            raise InputFileError(f"staff {employee_no}: employee number already in the register")
        branch = None if external else get_branch(s)
        row = Staff(
            employee_no=employee_no,
            name=name,
            roles=list(roles),
            external=external,
            organisation=organisation,
            id_number=id_number,
            branch_id=branch.id if branch else None,
            password_hash=hash_password(password) if password else None,
        )
        s.add(row)
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor="system",
            action="staff.add",
            subject=employee_no,
            detail={"name": name, "roles": list(roles)},
        )
        return info(row)


def find_staff(session: Session, employee_no: str) -> Staff:
    row = session.scalars(select(Staff).where(Staff.employee_no == employee_no)).first()
    if row is None:
        raise NotFoundError(f"no person with employee number '{employee_no}' in the staff register")
    return row


def sign_in(
    store: Store,
    employee_no: str,
    password: str,
    *,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> StaffInfo:
    """Check a person's password (the window's sign-in and every CLI password check): each attempt
    is audited; a person locked after too many wrong passwords is refused until the lock ends."""
    settings = settings or _settings_of(store)
    now = clock.local_or_now(now)
    with store.session() as s:
        state = signin.lock_state(_recent_attempts(s, employee_no, settings), now)
        if state.locked_until is not None:
            _audit_attempt(s, employee_no, signin.REFUSED, now)
            failed = _locked_error(state.locked_until)
        else:
            row = s.scalars(select(Staff).where(Staff.employee_no == employee_no)).first()
            ok = row is not None and row.active and check_password(password, row.password_hash)
            _audit_attempt(s, employee_no, signin.SIGNED_IN if ok else signin.FAILED, now)
            if row is not None and ok:
                return info(row)
            until = signin.lock_after(
                state.failures + 1, settings.signin_max_failures, now, settings.signin_lock_minutes
            )
            if until is None:
                failed = AuthError("工号或密码不正确 / wrong employee number or password")
            else:
                detail = {"until": clock.iso(until), "failures": state.failures + 1}
                _audit_attempt(s, employee_no, signin.LOCKED, now, detail)
                failed = _locked_error(until)
        # committed: the attempt (and a lock it started) stays in the audit log
    raise failed


def lock_of(
    store: Store, employee_no: str, *, settings: Settings | None = None, now: datetime | None = None
) -> signin.LockState:
    """The sign-in lock of a person as their audited attempts leave it (read only): for the window
    to say until when, in its own language, after `sign_in` refused."""
    settings = settings or _settings_of(store)
    with store.session() as s:
        return signin.lock_state(
            _recent_attempts(s, employee_no, settings), clock.local_or_now(now)
        )


def _settings_of(store: Store) -> Settings:
    return load_settings(store.path.parent) if store.path is not None else Settings()


def _recent_attempts(s: Session, employee_no: str, settings: Settings) -> list[signin.Attempt]:
    rows = s.execute(
        select(AuditEntry.action, AuditEntry.detail)
        .where(AuditEntry.subject == employee_no, AuditEntry.action.in_(signin.COUNTED))
        .order_by(AuditEntry.id.desc())
        .limit(max(1, settings.signin_max_failures) + 1)
    ).all()
    return [
        signin.Attempt(action, clock.parse_iso(detail["until"]) if "until" in detail else None)
        for action, detail in rows
    ]


def _audit_attempt(
    s: Session, employee_no: str, action: str, now: datetime, detail: dict | None = None
) -> None:
    audit.append(
        s, at=clock.iso(now), actor=employee_no, action=action, subject=employee_no, detail=detail
    )


def _locked_error(until: datetime) -> AuthError:
    at = until.strftime("%Y-%m-%d %H:%M:%S")
    return AuthError(
        f"密码错误次数过多，已锁定至 {at} / too many wrong passwords: locked until {at}",
        hint="请稍后再试，或请管理员核实 / try again later, or ask the administrator",
    )
