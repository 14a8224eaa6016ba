"""What is entered for a person, checked field by field, with messages in both languages."""

from __future__ import annotations

from branchcheck.people.person_input import (
    PersonInput,
    employee_no_problem,
    normalised,
    password_problem,
    person_problems,
    roles_problem,
)


def test_passwords():
    assert password_problem("eight ch") is None
    assert password_problem("") == "密码：不能为空 / password: is required"
    assert password_problem("seven c") == "密码：至少 8 个字符 / password: at least 8 characters"
    assert "only spaces" in password_problem(" " * 8)
    assert "control" in password_problem("abcdefg\x00")
    assert "at most 256" in password_problem("x" * 257)
    assert password_problem(None) == "密码：不能为空 / password: is required"


def test_employee_numbers():
    assert employee_no_problem("E-001/2.a_b") is None
    assert employee_no_problem(" E001 ") is None  # trimmed when stored
    assert "only letters" in employee_no_problem("E 001")
    assert "at most 32" in employee_no_problem("E" * 33)
    assert "must be text" in employee_no_problem(1001)


def test_roles_of_staff_and_of_escorts():
    assert roles_problem(("teller", "vault_keeper"), external=False) is None
    assert roles_problem(("escort",), external=True) is None
    assert "escort company" in roles_problem(("escort",), external=False)
    assert "escort only" in roles_problem(("teller",), external=True)
    assert "未知岗位 cashier" in roles_problem(("cashier",), external=False)
    assert "list of roles" in roles_problem("teller", external=False)


def test_a_person_names_each_wrong_field_and_is_stored_trimmed():
    assert person_problems(PersonInput("E001", "王建国", ("branch_head",))) == {}
    problems = person_problems(PersonInput("", " ", ("escort",), external=True, id_number="\x07"))
    assert set(problems) == {"employee_no", "name", "organisation", "id_number"}
    assert problems["organisation"].startswith("单位：外部人员须写明所属单位")
    person = normalised(PersonInput(" E1 ", " 李梅 ", ("teller", "teller"), False, " 行 ", " 1 "))
    assert person == PersonInput("E1", "李梅", ("teller",), False, "行", "1")
