"""People rules of an inspection, declared in the template and enforced here, never only in a widget:
the inspector holds an allowed role, each slot has the right number of people with the right
roles, and the groups the template names are all different persons (no self-check, no proxy)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from branchcheck.checklists.schema import PeopleSlot, Template, Text
from branchcheck.errors import PeopleRuleError
from branchcheck.taxonomy import STAFF_ROLES
from branchcheck.views import PersonRef


def _role_names(roles: list[str]) -> str:
    return "、".join(STAFF_ROLES[r]["zh"] for r in roles if r in STAFF_ROLES)


def fits_slot(slot: PeopleSlot, roles: Iterable[str], external: bool) -> bool:
    """Whether a person holding `roles` (external to the branch or not) may fill the slot."""
    return bool(set(roles) & set(slot.staff_roles)) and external == slot.external


def _slot_title(template: Template, key: str) -> Text:
    if key == "inspector":
        return template.inspector.title
    slot = template.slot(key)
    if slot is None:  # the schema checks that `distinct` names only known slots
        raise PeopleRuleError(f"checklist '{template.key}' has no people slot '{key}'")
    return slot.title


def check_inspector(template: Template, inspector: PersonRef) -> None:
    allowed = template.inspector.staff_roles
    if not set(inspector.roles) & set(allowed):
        raise PeopleRuleError(
            f"{inspector.name}（{inspector.employee_no}）不能担任{template.inspector.title.zh}："
            f"需要以下角色之一：{_role_names(allowed)}。"
            f" / {inspector.name} may not be the {template.inspector.title.en}: "
            f"needs one of {', '.join(allowed)}.",
            hint="An inspection of this kind must be done by the branch head in person "
            "(or an authorised deputy), never by proxy.",
        )


def problems(
    template: Template, inspector: PersonRef, people: dict[str, list[PersonRef]]
) -> list[str]:
    """Every people-rule problem, as messages naming the slot and the person."""
    return [message for message, _words in _problems(template, inspector, people)]


def _people(n: int) -> str:
    return {0: "none", 1: "1 person"}.get(n, f"{n} people")


def _role_names_en(roles: list[str]) -> str:
    return ", ".join(STAFF_ROLES[r]["en"] for r in roles if r in STAFF_ROLES)


def _problems(
    template: Template, inspector: PersonRef, people: dict[str, list[PersonRef]]
) -> list[tuple[str, tuple[str, str]]]:
    """Every problem as (the command line's message, its words in Chinese and in English)."""
    out: list[tuple[str, tuple[str, str]]] = []
    unknown = set(people) - {s.key for s in template.people}
    for key in sorted(unknown):
        message = (
            f"unknown people slot '{key}' (checklist '{template.key}' has: "
            f"{', '.join(s.key for s in template.people)})"
        )
        out.append((message, (f"本检查没有“{key}”这一栏人员", f"this check has no people '{key}'")))
    for slot in template.people:
        t = slot.title
        persons = people.get(slot.key, [])
        n = len(persons)
        if n < slot.min:
            out.append(
                (
                    f"{t.zh} / {t.en}: at least {slot.min} person(s) needed, {n} given",
                    (
                        f"{t.zh}：至少需要 {slot.min} 人，现有 {n} 人",
                        f"{t.en}: at least {_people(slot.min)} needed, {_people(n)} given",
                    ),
                )
            )
        if n > slot.max:
            out.append(
                (
                    f"{t.zh} / {t.en}: at most {slot.max} person(s), {n} given",
                    (
                        f"{t.zh}：最多 {slot.max} 人，现有 {n} 人",
                        f"{t.en}: at most {_people(slot.max)}, {_people(n)} given",
                    ),
                )
            )
        seen: set[str] = set()
        for p in persons:
            who = f"{p.name} ({p.employee_no})"
            if p.employee_no in seen:
                out.append(
                    (
                        f"{t.zh}: {who} is listed twice",
                        (
                            f"{t.zh}：{p.name}（{p.employee_no}）重复填写",
                            f"{t.en}: {who} is listed twice",
                        ),
                    )
                )
            seen.add(p.employee_no)
            if slot.external != p.external:
                kind = "an external person" if slot.external else "a member of staff"
                kind_zh = "外部人员" if slot.external else "本行员工"
                out.append(
                    (
                        f"{t.zh}: {who} must be {kind}",
                        (
                            f"{t.zh}：{p.name}（{p.employee_no}）应为{kind_zh}",
                            f"{t.en}: {who} must be {kind}",
                        ),
                    )
                )
            if not set(p.roles) & set(slot.staff_roles):
                out.append(
                    (
                        f"{t.zh} / {t.en}: {who} does not hold "
                        f"the role {_role_names(slot.staff_roles)} ({', '.join(slot.staff_roles)})",
                        (
                            f"{t.zh}：{p.name}（{p.employee_no}）不是{_role_names(slot.staff_roles)}",
                            f"{t.en}: {who} does not hold the role {_role_names_en(slot.staff_roles)}",
                        ),
                    )
                )
    reported: set[tuple[str, str, str]] = set()
    for group in template.distinct:
        owner: dict[str, tuple[str, str]] = {}  # employee no → (zh title, en title) of first slot
        for key in group:
            persons = [inspector] if key == "inspector" else people.get(key, [])
            title = _slot_title(template, key)
            for p in persons:
                first = owner.setdefault(p.employee_no, (title.zh, title.en))
                if first[0] != title.zh and (p.employee_no, first[0], title.zh) not in reported:
                    reported.add((p.employee_no, first[0], title.zh))
                    zh = f"{p.name}（{p.employee_no}）不能同时担任{first[0]}和{title.zh}"
                    en = f"{p.name} cannot be both {first[1]} and {title.en}"
                    out.append((f"{zh} / {en}", (zh, en)))
    return out


def check_people(
    template: Template, inspector: PersonRef, people: dict[str, list[PersonRef]]
) -> None:
    check_inspector(template, inspector)
    found = _problems(template, inspector, people)
    if found:
        raise PeopleRuleError(
            "people rules not met:\n" + "\n".join(f"  {m}" for m, _words in found),
            zh="人员不符合要求：\n" + "\n".join(f"• {zh}" for _m, (zh, _en) in found),
            en="The people do not meet the rules:\n"
            + "\n".join(f"• {en}" for _m, (_zh, en) in found),
        )


# ---------------------------------------------------------------- a deputy's authorisation

DEPUTY_ROLE = "authorised_deputy"
AUTHORISER_ROLE = "branch_head"
AUTHORISATION_FIELDS = ("by", "reason", "reference", "valid_from", "valid_to")


def needs_authorisation(template: Template, inspector: PersonRef) -> bool:
    """Whether the inspector may inspect only as the branch head's authorised deputy: the only
    role they hold of those the template allows is 授权代理负责人."""
    return set(inspector.roles) & set(template.inspector.staff_roles) == {DEPUTY_ROLE}


def may_authorise(person: PersonRef) -> bool:
    """Whether the person may authorise a deputy: the branch head, a member of staff."""
    return AUTHORISER_ROLE in person.roles and not person.external


def _date_field(
    raw: dict[str, Any], key: str, zh: str, en: str, out: dict[str, str]
) -> date | None:
    text = str(raw.get(key) or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        out[f"authorisation.{key}"] = (
            f"授权{zh}“{text}”不是日期（年-月-日） / the authorisation's {en} '{text}' is not a "
            "date (YYYY-MM-DD)"
            if text
            else f"请填写授权{zh} / the authorisation's {en} is required"
        )
        return None


def authorisation_problems(
    template: Template,
    inspector: PersonRef,
    raw: Any,
    authoriser: PersonRef | None,
    day: date,
) -> dict[str, str]:
    """Each problem of a deputy's authorisation by field (`authorisation`, `authorisation.by`, …);
    `authoriser` is the person `raw["by"]` names in the register (None when not there), `day` the
    inspection's date."""
    who = f"{inspector.name}（{inspector.employee_no}）"
    if not needs_authorisation(template, inspector):
        if raw is None:
            return {}
        return {
            "authorisation": f"{who}不以授权代理人身份检查，无需授权 / {inspector.name} does not "
            "inspect as an authorised deputy: remove the authorisation"
        }
    if raw is None:
        return {
            "authorisation": f"{who}是授权代理负责人：代网点负责人检查须有网点负责人的书面授权"
            "（授权人、事由、授权书编号、有效期） / an authorised deputy inspects only under the "
            "branch head's written authorisation (who, why, reference, validity dates)"
        }
    if not isinstance(raw, dict):
        return {
            "authorisation": "授权须包含 by、reason、reference、valid_from、valid_to / the "
            "authorisation must be an object with by, reason, reference, valid_from, valid_to"
        }
    out: dict[str, str] = {}
    unknown = sorted(set(raw) - set(AUTHORISATION_FIELDS))
    if unknown:
        out["authorisation"] = (
            f"授权中有未知字段 / unknown authorisation field(s): {', '.join(unknown)}"
        )
    by = str(raw.get("by") or "").strip()
    if not by:
        out["authorisation.by"] = (
            "请填写授权人（网点负责人的工号） / the authoriser (the branch head) is required"
        )
    elif authoriser is None:
        out["authorisation.by"] = (
            f"授权人：员工登记中没有工号 {by} / authoriser: no employee number '{by}'"
        )
    elif not may_authorise(authoriser):
        out["authorisation.by"] = (
            f"授权人{authoriser.name}（{authoriser.employee_no}）不是网点负责人，不能授权代查 / "
            f"{authoriser.name} is not the branch head and cannot authorise a deputy"
        )
    for key, zh, en in (("reason", "事由", "reason"), ("reference", "书编号", "reference")):
        if not str(raw.get(key) or "").strip():
            out[f"authorisation.{key}"] = f"请填写授权{zh} / the authorisation's {en} is required"
    start = _date_field(raw, "valid_from", "起始日期", "first day", out)
    end = _date_field(raw, "valid_to", "截止日期", "last day", out)
    if start and end:
        if start > end:
            out["authorisation.valid_to"] = (
                f"授权截止日期 {end} 早于起始日期 {start} / the authorisation ends ({end}) "
                f"before it starts ({start})"
            )
        elif not start <= day <= end:
            field = "authorisation.valid_from" if day < start else "authorisation.valid_to"
            out[field] = (
                f"检查日期 {day} 不在授权有效期 {start} 至 {end} 内 / the inspection date {day} "
                f"is outside the authorisation's validity ({start} to {end})"
            )
    return out


def clean_authorisation(raw: dict[str, Any]) -> dict[str, str]:
    """The authorisation as stored: its five fields, trimmed."""
    return {key: str(raw.get(key) or "").strip() for key in AUTHORISATION_FIELDS}
