"""People rules of an inspection, declared in the template and enforced here, never only in a widget:
the inspector holds an allowed role, each slot has the right number of people with the right
roles, and the groups the template names are all different persons (no self-check, no proxy)."""

from __future__ import annotations

from collections.abc import Iterable

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
    out: list[str] = []
    unknown = set(people) - {s.key for s in template.people}
    for key in sorted(unknown):
        out.append(
            f"unknown people slot '{key}' (checklist '{template.key}' has: "
            f"{', '.join(s.key for s in template.people)})"
        )
    for slot in template.people:
        persons = people.get(slot.key, [])
        if len(persons) < slot.min:
            out.append(
                f"{slot.title.zh} / {slot.title.en}: at least {slot.min} person(s) needed, "
                f"{len(persons)} given"
            )
        if len(persons) > slot.max:
            out.append(
                f"{slot.title.zh} / {slot.title.en}: at most {slot.max} person(s), "
                f"{len(persons)} given"
            )
        seen: set[str] = set()
        for p in persons:
            if p.employee_no in seen:
                out.append(f"{slot.title.zh}: {p.name} ({p.employee_no}) is listed twice")
            seen.add(p.employee_no)
            if slot.external != p.external:
                kind = "an external person" if slot.external else "a member of staff"
                out.append(f"{slot.title.zh}: {p.name} ({p.employee_no}) must be {kind}")
            if not set(p.roles) & set(slot.staff_roles):
                out.append(
                    f"{slot.title.zh} / {slot.title.en}: {p.name} ({p.employee_no}) does not hold "
                    f"the role {_role_names(slot.staff_roles)} ({', '.join(slot.staff_roles)})"
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
                    out.append(
                        f"{p.name}（{p.employee_no}）不能同时担任{first[0]}和{title.zh}"
                        f" / {p.name} cannot be both {first[1]} and {title.en}"
                    )
    return out


def check_people(
    template: Template, inspector: PersonRef, people: dict[str, list[PersonRef]]
) -> None:
    check_inspector(template, inspector)
    found = problems(template, inspector, people)
    if found:
        raise PeopleRuleError("people rules not met:\n" + "\n".join(f"  {m}" for m in found))
