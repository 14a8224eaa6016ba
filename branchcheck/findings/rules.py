"""Who may take each step of a finding's loop: one rule, asked by the core before every change
and by the window before it offers a step.

A step's `who` names the people allowed as actor: "responsible" (the finding's 整改责任人),
"branch_head" (the role), "recheck_roles" or "close_roles" (the supervising roles of the
settings). A step's `not_the` names the people who may never take it: "responsible" and
"result_by" (who recorded the 整改结果) for the re-check. External people (escorts) take no step."""

from __future__ import annotations

from dataclasses import dataclass

from branchcheck.settings import Settings
from branchcheck.taxonomy import STAFF_ROLES


@dataclass(frozen=True)
class Actor:
    """A person as the rule sees them."""

    employee_no: str
    name: str
    roles: tuple[str, ...]
    external: bool = False
    active: bool = True


@dataclass(frozen=True)
class Involved:
    """The people a finding already names, by employee number."""

    responsible: str | None = None
    result_by: str | None = None


_WHO_NAMES = {
    "responsible": ("整改责任人", "the person responsible"),
    "result_by": ("整改结果登记人", "the person who recorded the result"),
}


_ZH_DOING = {
    "start rectification": "开始整改",
    "record a result": "登记整改结果",
    "verify": "复查确认",
    "close": "关闭",
    "accept as an exception": "例外接受",
    "add evidence": "添加证明材料",
    "link a missed problem": "关联应发现未发现的检查",
}


def _roles_of(token: str, settings: Settings) -> list[str]:
    if token == "recheck_roles":
        return list(settings.recheck_roles)
    if token == "close_roles":
        return list(settings.close_roles)
    return [] if token in _WHO_NAMES else [token]


def allowed_roles(who: tuple[str, ...], settings: Settings) -> list[str]:
    """The roles `who` names (settings resolved), in order, once each."""
    out: list[str] = []
    for token in who:
        out += [r for r in _roles_of(token, settings) if r not in out]
    return out


def who_names(who: tuple[str, ...], settings: Settings) -> tuple[str, str]:
    """Who may, in words, in Chinese and in English: ('整改责任人、网点负责人', 'the person
    responsible, branch head')."""
    zh, en = [], []
    if "responsible" in who:
        zh.append(_WHO_NAMES["responsible"][0])
        en.append(_WHO_NAMES["responsible"][1])
    for role in allowed_roles(who, settings):
        names = STAFF_ROLES.get(role, {"zh": role, "en": role})
        zh.append(names["zh"])
        en.append(names["en"].lower())
    return "、".join(zh), ", ".join(en)


def describe_who(who: tuple[str, ...], settings: Settings) -> str:
    """Who may, in words: '整改责任人、网点负责人、营运主管 (the person responsible, ...)'."""
    zh, en = who_names(who, settings)
    return f"{zh} ({en})"


def refusal(
    doing: str,
    who: tuple[str, ...],
    not_the: tuple[str, ...],
    actor: Actor,
    involved: Involved,
    settings: Settings,
) -> str | None:
    """Why `actor` may not take the step (`doing`, e.g. "verify"), or None when they may."""
    person = f"{actor.name} ({actor.employee_no})"
    if actor.external or not actor.active:
        return (
            f"{person} 不是本网点在职员工，不能办理整改闭环的任何步骤 / is not active branch "
            f"staff: cannot {doing}"
        )
    for token in not_the:
        if getattr(involved, token) == actor.employee_no:
            zh, en = _WHO_NAMES[token]
            never = "、".join(_WHO_NAMES[t][0] for t in not_the)
            return (
                f"{person} 是此问题的{zh}，不能{_ZH_DOING.get(doing, doing)}"
                f"（{_ZH_DOING.get(doing, doing)}不得由{never}办理）/ is {en} of this finding: "
                f"cannot {doing}"
            )
    if "responsible" in who and involved.responsible == actor.employee_no:
        return None
    if set(actor.roles) & set(allowed_roles(who, settings)):
        return None
    zh, en = who_names(who, settings)
    return f"{person} 无权{_ZH_DOING.get(doing, doing)}：仅限{zh} / may not {doing}: only {en}"
