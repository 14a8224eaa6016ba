"""Administration of the staff register: people come and go, roles change with their dates,
passwords are reset. Each action is one function taking `actor`, an employee number already
proven (the window's sign-in, the CLI's `--as` with a password), asks `permissions.require(...,
"manage_staff", ...)`, changes the register in one transaction with its audit entry and returns
the person as StaffInfo.

- Nobody is ever deleted: a deactivated person keeps their history (posts, records, findings)
  and appears on old records; the open posts end on the day of deactivation.
- Roles change with their dates: the posts of dropped roles end on the day given, new ones start
  on it (the post history feeds the rotation reminders). Dates are the branch's local dates and
  never in the future.
- Escorts of the escort company are kept apart from staff: an external person has the role escort
  only, names their organisation and never signs in (no password); branch staff never have the
  role escort.
- The branch always keeps an active branch head who can sign in: deactivating the last one, or
  taking the role from them, is refused. Nobody deactivates themself, grants themself a role or
  resets their own password here.

A bad value raises EntryError whose `fields` maps each field (employee_no, name, roles,
organisation, id_number, password, on, reason) to its bilingual message, and changes nothing
(the checks of what is entered: people/person_input.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Staff, StaffPost
from branchcheck.errors import EntryError, StateError
from branchcheck.people import signin
from branchcheck.people.directory import PersonRow as PersonRow  # the screen's rows
from branchcheck.people.directory import people as people
from branchcheck.people.permissions import require
from branchcheck.people.person_input import PersonInput as PersonInput  # what add_person takes
from branchcheck.people.person_input import (
    message,
    normalised,
    password_problem,
    person_problems,
    roles_problem,
    text_problem,
)
from branchcheck.people.register import find_staff, get_branch, info
from branchcheck.people.signin import StaffInfo, hash_password
from branchcheck.settings import Settings, load_settings
from branchcheck.taxonomy import STAFF_ROLES

MAX_REASON = 2000
HEAD = "branch_head"


def _refuse(fields: dict[str, str]) -> None:
    if fields:
        raise EntryError(fields)


def settings_of(store: Store) -> Settings:
    return load_settings(store.path.parent) if store.path is not None else Settings()


def _today(settings: Settings, now: datetime | None) -> datetime:
    return clock.local(now, settings.timezone) if now else clock.now(settings.timezone)


def checked_day(on: date | None, at: datetime) -> date:
    """`on` (default: the branch's today), refused when in the future."""
    day = on or at.date()
    if day > at.date():
        _refuse(
            {
                "on": message(
                    "on",
                    f"{day} 是将来的日期（今天是 {at.date()}）",
                    f"{day} is in the future (today is {at.date()})",
                )
            }
        )
    return day


# ---------------------------------------------------------------- in one transaction


def registered(s: Session, numbers: list[str]) -> set[str]:
    """Which of `numbers` are already in the register."""
    found: set[str] = set()
    for start in range(0, len(numbers), 500):  # SQLite's bound on parameters
        chunk = numbers[start : start + 500]
        found.update(s.scalars(select(Staff.employee_no).where(Staff.employee_no.in_(chunk))))
    return found


def insert_person(
    s: Session,
    person: PersonInput,
    password: str | None,
    on: date,
    *,
    actor: str,
    at: datetime,
    unregistered: bool = False,
) -> Staff:
    """Add a checked, normalised person inside the caller's transaction (set-up and the staff list
    import add several in one): the staff row, a post per role from `on` (branch staff only) and
    the audit entry. A number already in the register is refused (`unregistered`: the caller has
    checked)."""
    if not unregistered and registered(s, [person.employee_no]):
        _refuse(
            {
                "employee_no": message(
                    "employee_no",
                    f"{person.employee_no} 已在人员名册中",
                    f"{person.employee_no} is already in the staff register",
                )
            }
        )
    branch = None if person.external else get_branch(s)
    row = Staff(
        employee_no=person.employee_no,
        name=person.name,
        roles=list(person.roles),
        external=person.external,
        organisation=person.organisation,
        id_number=person.id_number,
        branch_id=branch.id if branch else None,
        password_hash=hash_password(password) if password else None,
    )
    s.add(row)
    if not person.external:
        for role in person.roles:
            s.add(StaffPost(staff=row, role=role, from_date=on.isoformat()))
    audit.append(
        s,
        at=clock.iso(at),
        actor=actor,
        action="staff.add",
        subject=person.employee_no,
        detail={
            "name": person.name,
            "roles": list(person.roles),
            "external": person.external,
            "organisation": person.organisation,
            "from": on.isoformat(),
            "password": password is not None,
        },
    )
    return row


def check_new_person(person: PersonInput, password: str | None) -> PersonInput:
    """The person normalised, or EntryError naming every field that cannot be stored: an external
    person gets no password, a branch staff member's password follows password_problem."""
    problems = person_problems(person)
    if person.external and password is not None:
        problems["password"] = message(
            "password", "外部人员不登录本系统，不设密码", "external people never sign in"
        )
    elif password is not None and (why := password_problem(password)):
        problems["password"] = why
    _refuse(problems)
    return normalised(person)


# ---------------------------------------------------------------- the actions


def add_person(
    store: Store,
    *,
    actor: str,
    person: PersonInput,
    password: str | None = None,
    on: date | None = None,
    now: datetime | None = None,
) -> StaffInfo:
    """Add `person` to the register; their roles are posts held from `on` (default today)."""
    settings = settings_of(store)
    at = _today(settings, now)
    checked = check_new_person(person, password)
    day = checked_day(on, at)
    with store.session() as s:
        require(s, actor, "manage_staff", settings)
        return info(insert_person(s, checked, password, day, actor=actor, at=at))


def edit_person(
    store: Store,
    *,
    actor: str,
    employee_no: str,
    name: str | None = None,
    organisation: str | None = None,
    id_number: str | None = None,
    now: datetime | None = None,
) -> StaffInfo:
    """Change a person's name, organisation or ID number (None: unchanged). Sealed records keep
    the names they were sealed with."""
    settings = settings_of(store)
    at = _today(settings, now)
    with store.session() as s:
        require(s, actor, "manage_staff", settings)
        row = find_staff(s, employee_no)
        changed = {
            "name": row.name if name is None else name,
            "organisation": row.organisation if organisation is None else organisation,
            "id_number": row.id_number if id_number is None else id_number,
        }
        probe = PersonInput(
            row.employee_no,
            changed["name"],
            tuple(row.roles),
            row.external,
            changed["organisation"],
            changed["id_number"],
        )
        _refuse({k: v for k, v in person_problems(probe).items() if k in changed})
        new = {k: v.strip() for k, v in changed.items()}
        before = {k: getattr(row, k) for k in new}
        diff = {k: [before[k], v] for k, v in new.items() if before[k] != v}
        if not diff:
            return info(row)
        for key, value in new.items():
            setattr(row, key, value)
        audit.append(
            s, at=clock.iso(at), actor=actor, action="staff.edit", subject=employee_no, detail=diff
        )
        return info(row)


def _other_heads(s: Session, employee_no: str) -> int:
    """Active branch staff other than `employee_no` who are branch heads and can sign in."""
    found = s.scalars(
        select(Staff).where(
            Staff.active.is_(True),
            Staff.external.is_(False),
            Staff.password_hash.is_not(None),
            Staff.employee_no != employee_no,
        )
    )
    return sum(1 for p in found if HEAD in (p.roles or ()))


def _last_head_error(row: Staff, what_zh: str, what_en: str) -> StateError:
    return StateError(
        f"{row.name}（{row.employee_no}）是唯一的网点负责人，不能{what_zh} / {row.employee_no} is "
        f"the branch's only branch head: cannot {what_en}",
        hint="先为另一位人员设置网点负责人岗位 / first give another person the role branch head",
    )


def _open_posts(s: Session, row: Staff, roles: set[str] | None = None) -> list[StaffPost]:
    found = s.scalars(
        select(StaffPost)
        .where(StaffPost.staff_id == row.id, StaffPost.to_date.is_(None))
        .order_by(StaffPost.id)
    )
    return [p for p in found if roles is None or p.role in roles]


def _end_posts(posts: list[StaffPost], day: date) -> list[str]:
    """End each post on `day` (the last day held); a post begun after `day` is refused."""
    for post in posts:
        if post.from_date > day.isoformat():
            _refuse(
                {
                    "on": message(
                        "on",
                        f"{day} 早于 {STAFF_ROLES[post.role]['zh']}岗位的起始日期 {post.from_date}",
                        f"{day} is before the {post.role} post began on {post.from_date}",
                    )
                }
            )
        post.to_date = day.isoformat()
    return [p.role for p in posts]


def deactivate(
    store: Store,
    *,
    actor: str,
    employee_no: str,
    on: date | None = None,
    reason: str,
    now: datetime | None = None,
) -> StaffInfo:
    """A person leaves: inactive from `on` (default today), their open posts end that day. Never
    deleted; refused for oneself and for the last active branch head."""
    settings = settings_of(store)
    at = _today(settings, now)
    _refuse(
        {"reason": why}
        if (why := text_problem("reason", reason, MAX_REASON, required=True))
        else {}
    )
    day = checked_day(on, at)
    with store.session() as s:
        require(s, actor, "manage_staff", settings)
        row = find_staff(s, employee_no)
        if employee_no == actor:
            raise StateError(
                "不能停用自己 / you cannot deactivate yourself",
                hint="请另一位管理员办理 / ask another administrator",
            )
        if not row.active:
            raise StateError(
                f"{row.name}（{employee_no}）已于 {row.deactivated_on or '此前'} 停用 / "
                f"{employee_no} is already deactivated"
            )
        if HEAD in (row.roles or ()) and _other_heads(s, employee_no) == 0:
            raise _last_head_error(row, "停用", "deactivate them")
        ended = _end_posts(_open_posts(s, row), day)
        row.active = False
        row.deactivated_on = day.isoformat()
        audit.append(
            s,
            at=clock.iso(at),
            actor=actor,
            action="staff.deactivate",
            subject=employee_no,
            detail={"on": day.isoformat(), "reason": reason.strip(), "posts_ended": ended},
        )
        return info(row)


def set_roles(
    store: Store,
    *,
    actor: str,
    employee_no: str,
    roles: tuple[str, ...],
    on: date | None = None,
    now: datetime | None = None,
) -> StaffInfo:
    """A person's roles become `roles` from `on` (default today): the posts of dropped roles end
    on `on`, the new roles' posts start on it. Refused for a deactivated person, for taking the
    role branch head from the last one, and for granting oneself a role."""
    settings = settings_of(store)
    at = _today(settings, now)
    day = checked_day(on, at)
    with store.session() as s:
        require(s, actor, "manage_staff", settings)
        row = find_staff(s, employee_no)
        _refuse({"roles": why} if (why := roles_problem(roles, external=row.external)) else {})
        wanted = tuple(dict.fromkeys(roles))
        held = tuple(row.roles or ())
        if not row.active:
            raise StateError(
                f"{row.name}（{employee_no}）已停用，不能调整岗位 / {employee_no} is deactivated"
            )
        added = [r for r in wanted if r not in held]
        dropped = [r for r in held if r not in wanted]
        if not added and not dropped:
            return info(row)
        if HEAD in dropped and _other_heads(s, employee_no) == 0:
            raise _last_head_error(row, "取消其网点负责人岗位", "take that role from them")
        if employee_no == actor and added:
            raise StateError(
                "不能给自己增加岗位 / you cannot give yourself a role",
                hint="请另一位管理员办理 / ask another administrator",
            )
        if not row.external:
            _end_posts(_open_posts(s, row, set(dropped)), day)
            for role in added:
                _start_post(s, row, role, day)
        row.roles = list(wanted)
        audit.append(
            s,
            at=clock.iso(at),
            actor=actor,
            action="staff.roles",
            subject=employee_no,
            detail={
                "roles": list(wanted),
                "added": added,
                "dropped": dropped,
                "on": day.isoformat(),
            },
        )
        return info(row)


def _start_post(s: Session, row: Staff, role: str, day: date) -> None:
    """A post of `role` from `day`; refused when an earlier post of the role ended after it."""
    last_end = s.scalar(
        select(StaffPost.to_date)
        .where(StaffPost.staff_id == row.id, StaffPost.role == role, StaffPost.to_date.is_not(None))
        .order_by(StaffPost.to_date.desc())
        .limit(1)
    )
    if last_end is not None and last_end >= day.isoformat():
        _refuse(
            {
                "on": message(
                    "on",
                    f"{row.employee_no} 的{STAFF_ROLES[role]['zh']}岗位到 {last_end} 才结束，"
                    "新的岗位须从其后开始",
                    f"{row.employee_no}'s earlier {role} post ended on {last_end}: the new one "
                    "starts after it",
                )
            }
        )
    s.add(StaffPost(staff_id=row.id, role=role, from_date=day.isoformat()))


def reset_password(
    store: Store, *, actor: str, employee_no: str, new_password: str, now: datetime | None = None
) -> StaffInfo:
    """An administrator sets another person's sign-in password. Audited as the event after which
    that person's earlier wrong passwords no longer count and a lock they caused ends
    (signin.PASSWORD_RESET). Their signing key keeps its own password."""
    settings = settings_of(store)
    at = _today(settings, now)
    _refuse({"password": why} if (why := password_problem(new_password)) else {})
    with store.session() as s:
        require(s, actor, "manage_staff", settings)
        row = find_staff(s, employee_no)
        if employee_no == actor:
            raise StateError(
                "不能在此重置自己的密码 / you cannot reset your own password here",
                hint="请另一位管理员办理 / ask another administrator",
            )
        if row.external:
            raise StateError(
                f"{row.name}（{employee_no}）是外部人员，不登录本系统 / {employee_no} is external "
                "and never signs in"
            )
        if not row.active:
            raise StateError(f"{row.name}（{employee_no}）已停用 / {employee_no} is deactivated")
        row.password_hash = hash_password(new_password)
        audit.append(
            s, at=clock.iso(at), actor=actor, action=signin.PASSWORD_RESET, subject=employee_no
        )
        return info(row)
