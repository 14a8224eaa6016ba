"""What is entered for a person (the set-up assistant, the administration screen, a row of a staff
list, the command line) and how it is checked: each field that cannot be stored has a message
in both languages naming the field in the person's terms."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from branchcheck.taxonomy import STAFF_ROLES

MIN_PASSWORD = 8  # characters
MAX_PASSWORD = 256
# the columns' sizes (db/models.py)
MAX_EMPLOYEE_NO = 32
MAX_NAME = 100
MAX_ORGANISATION = 200
MAX_ID_NUMBER = 40
ESCORT = "escort"

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "employee_no": ("工号", "employee number"),
    "name": ("姓名", "name"),
    "roles": ("岗位", "roles"),
    "organisation": ("单位", "organisation"),
    "id_number": ("证件号", "ID number"),
    "password": ("密码", "password"),
    "on": ("日期", "date"),
    "reason": ("原因", "reason"),
}


@dataclass(frozen=True)
class PersonInput:
    """A person as entered (the set-up assistant, the administration screen, a staff list row).
    `roles` are keys of taxonomy.STAFF_ROLES."""

    employee_no: str
    name: str
    roles: tuple[str, ...]
    external: bool = False
    organisation: str = ""
    id_number: str = ""


# ---------------------------------------------------------------- checking what was entered


def message(key: str, zh: str, en: str) -> str:
    field_zh, field_en = FIELD_NAMES[key]
    return f"{field_zh}：{zh} / {field_en}: {en}"


def text_problem(key: str, value: object, limit: int, *, required: bool) -> str | None:
    if not isinstance(value, str):
        return message(key, "须为文字", "must be text")
    if required and not value.strip():
        return message(key, "不能为空", "is required")
    if len(value) > limit:
        return message(key, f"最多 {limit} 个字", f"at most {limit} characters")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in value):
        return message(key, "含有不可见的控制字符", "contains control characters")
    return None


def employee_no_problem(value: object) -> str | None:
    """Why `value` cannot be an employee number (None when it can): letters, digits, - _ . /,
    at most 32 characters."""
    problem = text_problem("employee_no", value, MAX_EMPLOYEE_NO, required=True)
    if problem is None and not all(c.isalnum() or c in "-_./" for c in str(value).strip()):
        problem = message(
            "employee_no",
            "只能含字母、数字和 - _ . /",
            "only letters, digits and - _ . / are allowed",
        )
    return problem


def password_problem(password: object) -> str | None:
    """Why `password` cannot be a sign-in password (None when it can): at least MIN_PASSWORD
    characters, not only spaces."""
    if not isinstance(password, str) or not password:
        return message("password", "不能为空", "is required")
    if len(password) < MIN_PASSWORD:
        return message(
            "password", f"至少 {MIN_PASSWORD} 个字符", f"at least {MIN_PASSWORD} characters"
        )
    if len(password) > MAX_PASSWORD:
        return message(
            "password", f"最多 {MAX_PASSWORD} 个字符", f"at most {MAX_PASSWORD} characters"
        )
    if not password.strip():
        return message("password", "不能只有空格", "cannot be only spaces")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in password):
        return message("password", "含有不可见的控制字符", "contains control characters")
    return None


def roles_problem(roles: object, *, external: bool) -> str | None:
    """Why `roles` do not fit a person (None when they do)."""
    if not isinstance(roles, tuple | list) or not all(isinstance(r, str) for r in roles):
        return message("roles", "须为岗位列表", "must be a list of roles")
    unknown = [r for r in roles if r not in STAFF_ROLES]
    if unknown:
        known_zh = "、".join(n["zh"] for n in STAFF_ROLES.values())
        return message(
            "roles",
            f"未知岗位 {'、'.join(unknown)}（可用：{known_zh}）",
            f"unknown {', '.join(unknown)} (known: {', '.join(STAFF_ROLES)})",
        )
    if not roles:
        return message("roles", "至少一个岗位", "at least one role")
    if external and tuple(roles) != (ESCORT,):
        return message(
            "roles",
            "外部人员（押运公司）只能是押运人员",
            "an external person (escort company) has the role escort only",
        )
    if not external and ESCORT in roles:
        return message(
            "roles",
            "押运人员属押运公司，须登记为外部人员",
            "escorts belong to the escort company: add them as external people",
        )
    return None


def person_problems(person: PersonInput) -> dict[str, str]:
    """Each field of `person` that cannot be stored, with its message (empty when all can)."""
    found = {
        "employee_no": employee_no_problem(person.employee_no),
        "name": text_problem("name", person.name, MAX_NAME, required=True),
        "roles": roles_problem(person.roles, external=person.external),
        "organisation": text_problem(
            "organisation", person.organisation, MAX_ORGANISATION, required=person.external
        ),
        "id_number": text_problem("id_number", person.id_number, MAX_ID_NUMBER, required=False),
    }
    if found["organisation"] and person.external and not str(person.organisation).strip():
        found["organisation"] = message(
            "organisation",
            "外部人员须写明所属单位（押运公司）",
            "an external person names their organisation (the escort company)",
        )
    return {k: v for k, v in found.items() if v}


def normalised(person: PersonInput) -> PersonInput:
    """The person as stored: outer white space trimmed, each role once, in the order given."""
    return PersonInput(
        person.employee_no.strip(),
        person.name.strip(),
        tuple(dict.fromkeys(person.roles)),
        person.external,
        person.organisation.strip(),
        person.id_number.strip(),
    )
