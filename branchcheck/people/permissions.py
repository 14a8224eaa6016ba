"""Who may do what: the one matrix of roles × actions, declared here as data and asked by the core
before every change (window and CLI alike go through the core).

Each action names who may take it with tokens:
- a role of the staff register (`branch_head`, `deputy_head`, `supervisor`, ...);
- "recheck_roles" / "close_roles": the supervising roles of the settings;
- "inspector": the record's own inspector (no check by proxy);
- "party": the person named in the slot being signed (their own signature only);
- "responsible": a finding's 整改责任人;
- "checklist": the inspector roles the checklist itself names (its `inspector.staff_roles`);
- "system": the application itself (the schedule's and the rotation's sweeps), never a person.
`not_the` names who never may, whatever their role ("responsible", "result_by" for the re-check).
External people (escorts) take no action but signing as a party. A deactivated person takes none.

The defaults below are the branch's rules as the sources give them (domain.md); `matrix()` returns
them as rows for the README and the administration screen."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from branchcheck.db import Store
from branchcheck.db.models import Staff
from branchcheck.errors import AuthError
from branchcheck.settings import Settings
from branchcheck.taxonomy import STAFF_ROLES

ADMIN = ("branch_head", "deputy_head")


@dataclass(frozen=True)
class Permission:
    """Who may take one action (tokens, see the module's text), who never may, and its name."""

    who: tuple[str, ...]
    zh: str
    en: str
    not_the: tuple[str, ...] = ()
    externals: bool = False  # external people (escorts) may take it


PERMISSIONS: dict[str, Permission] = {
    # inspections
    "start": Permission(("checklist",), "发起检查", "start a check"),
    "answer": Permission(("inspector",), "填写检查", "answer a check"),
    "sign_inspector": Permission(("inspector",), "检查人签字", "sign as the inspector"),
    "sign_party": Permission(
        ("party",), "被检查人签字", "sign as a person checked", externals=True
    ),
    "seal": Permission(("inspector",), "封存记录", "seal a record"),
    "correct": Permission(("inspector", "branch_head"), "更正记录", "correct a sealed record"),
    "discard": Permission(("inspector", "branch_head"), "作废草稿", "discard a draft"),
    # findings (the steps' own rule, findings/rules.py, asks these)
    "rectify": Permission(
        ("responsible", "branch_head", "recheck_roles"), "开始整改", "start rectification"
    ),
    "record_result": Permission(
        ("responsible", "branch_head", "recheck_roles"), "登记整改结果", "record a result"
    ),
    "add_evidence": Permission(
        ("responsible", "branch_head", "recheck_roles"), "添加证明材料", "add evidence"
    ),
    "recheck": Permission(
        ("recheck_roles",), "复查确认", "re-check", not_the=("responsible", "result_by")
    ),
    "close": Permission(("close_roles",), "关闭整改", "close a finding"),
    "accept_exception": Permission(("branch_head",), "例外接受", "accept as an exception"),
    "link_missed": Permission(
        ("branch_head", "recheck_roles"), "关联应发现未发现", "link a missed problem"
    ),
    # the branch over time
    "explain_missed": Permission(("branch_head",), "说明未按期检查", "explain a missed check"),
    "record_absence": Permission(ADMIN + ("supervisor",), "登记缺勤", "record an absence"),
    "manage_posts": Permission(ADMIN, "登记岗位", "record posts"),
    "sweep": Permission(("system",), "到期扫描", "sweep the schedule"),
    # administration
    "change_settings": Permission(ADMIN, "修改设置", "change settings"),
    "manage_staff": Permission(ADMIN, "管理人员", "manage staff"),
    "keys_and_trust": Permission(ADMIN, "管理密钥与信任", "manage keys and trust"),
    "backup": Permission(ADMIN + ("supervisor",), "备份", "back up the store"),
    "restore": Permission(("branch_head",), "恢复备份", "restore a backup"),
    "package": Permission(ADMIN, "打包上报", "package records for head office"),
}

_PEOPLE_TOKENS = {
    "inspector": ("本记录的检查人", "the record's inspector"),
    "party": ("被签字人本人", "the person signing"),
    "responsible": ("整改责任人", "the person responsible"),
    "result_by": ("整改结果登记人", "the person who recorded the result"),
    "system": ("系统", "the application"),
    "checklist": ("本检查表规定的检查人", "the inspector roles of the checklist"),
}


@dataclass(frozen=True)
class Context:
    """The people an action concerns, by employee number: the record's inspector, the person
    named in the slot being signed, a finding's responsible person and who recorded its result."""

    inspector: str | None = None
    party: str | None = None
    responsible: str | None = None
    result_by: str | None = None
    checklist_roles: tuple[str, ...] = ()


def roles_of(token: str, settings: Settings) -> list[str]:
    if token == "recheck_roles":
        return list(settings.recheck_roles)
    if token == "close_roles":
        return list(settings.close_roles)
    return [token] if token in STAFF_ROLES else []


def _matches(token: str, person: Staff, ctx: Context, settings: Settings) -> bool:
    if token == "checklist":
        return bool(set(person.roles or ()) & set(ctx.checklist_roles))
    if token in _PEOPLE_TOKENS:
        return getattr(ctx, token, None) == person.employee_no
    return bool(set(person.roles or ()) & set(roles_of(token, settings)))


def who_words(action: str, settings: Settings) -> tuple[str, str]:
    """Who may take `action`, in Chinese and English words."""
    zh: list[str] = []
    en: list[str] = []
    for token in PERMISSIONS[action].who:
        if token in _PEOPLE_TOKENS:
            zh.append(_PEOPLE_TOKENS[token][0])
            en.append(_PEOPLE_TOKENS[token][1])
            continue
        for role in roles_of(token, settings):
            names = STAFF_ROLES[role]
            if names["zh"] not in zh:
                zh.append(names["zh"])
                en.append(names["en"].lower())
    return "、".join(zh), ", ".join(en)


def refusal(
    action: str, person: Staff | None, settings: Settings, ctx: Context = Context()
) -> str | None:
    """Why `person` may not take `action` (a message in both languages naming them and the rule),
    or None when they may. `person` None is the application itself."""
    rule = PERMISSIONS[action]
    if person is None:
        if "system" in rule.who:
            return None
        return f"“{rule.zh}”须由本人办理 / {rule.en} needs a signed-in person"
    who = f"{person.name}（{person.employee_no}）"
    if not person.active:
        return (
            f"{who} 已停用，不能{rule.zh} / {person.employee_no} is deactivated: cannot {rule.en}"
        )
    if person.external and not rule.externals:
        return (
            f"{who} 是外部人员，不能{rule.zh} / {person.employee_no} is external (not branch "
            f"staff): cannot {rule.en}"
        )
    for token in rule.not_the:
        if getattr(ctx, token, None) == person.employee_no:
            zh, en = _PEOPLE_TOKENS[token]
            return f"{who} 是{zh}，不能{rule.zh} / {person.employee_no} is {en}: cannot {rule.en}"
    if any(_matches(t, person, ctx, settings) for t in rule.who):
        return None
    zh, en = who_words(action, settings)
    return f"{who} 不能{rule.zh}：须由{zh}办理 / {person.employee_no} cannot {rule.en}: only {en}"


def settings_for(store: Store) -> Settings:
    """The settings of the branch whose store this is (the supervising roles)."""
    from branchcheck.settings import load_settings

    return load_settings(store.path.parent) if store.path is not None else Settings()


def require(
    session: Session,
    employee_no: str,
    action: str,
    settings: Settings,
    ctx: Context = Context(),
) -> Staff:
    """The person `employee_no`, refused with an AuthError (the user may not do this) unless
    they may take `action`."""
    from branchcheck.people.register import find_staff

    person = find_staff(session, employee_no)
    why = refusal(action, person, settings, ctx)
    if why is not None:
        raise AuthError(why, hint="sign in as a person who may (网点负责人可在“人员”中查看权限)")
    return person


@dataclass(frozen=True)
class MatrixRow:
    action: str
    zh: str
    en: str
    who_zh: str
    who_en: str
    externals: bool


def matrix(settings: Settings) -> list[MatrixRow]:
    """The whole matrix as rows, in declaration order (README, administration screen)."""
    return [
        MatrixRow(key, p.zh, p.en, *who_words(key, settings), p.externals)
        for key, p in PERMISSIONS.items()
    ]
