"""`branchcheck staff add | edit | deactivate | roles | import | list`: an administrator's actions
on the register, proven by their password; `staff list` marks deactivated people."""

from __future__ import annotations

import json

import pytest

from branchcheck.cli import main
from branchcheck.people.directory import people
from branchcheck.people.posts import post_history

AS_HEAD = ["--as", "E001", "--password-env", "SIGNIN_PW"]


@pytest.fixture(autouse=True)
def new_password(monkeypatch):
    monkeypatch.setenv("NEW_PW", "a-new-password")


def _person(store, no):
    return next(p for p in people(store) if p.employee_no == no)


def test_people_come_and_go(people_store, capsys):
    argv = ["staff", "add", "E011", "钱多", "--roles", "柜员、管库员", "--on", "2026-01-05"]
    assert main([*argv, "--new-password-env", "NEW_PW", *AS_HEAD]) == 0, capsys.readouterr().err
    assert "E011 钱多 柜员、管库员" in capsys.readouterr().out
    argv = ["staff", "add", "X001", "黄海", "--roles", "escort", "--external"]
    assert main([*argv, "--organisation", "押运公司", "--id-number", "3607", *AS_HEAD]) == 0
    assert main(["staff", "edit", "E011", "--name", "钱多多", "--json", *AS_HEAD]) == 0
    capsys.readouterr()
    argv = ["staff", "roles", "E011", "teller", "--on", "2026-02-01", *AS_HEAD]
    assert main(argv) == 0
    assert [(p.role, p.from_date, p.to_date) for p in post_history(people_store, "E011")] == [
        ("teller", "2026-01-05", None),
        ("vault_keeper", "2026-01-05", "2026-02-01"),
    ]
    argv = ["staff", "deactivate", "E011", "--reason", "调离", "--on", "2026-03-01", *AS_HEAD]
    assert main(argv) == 0
    person = _person(people_store, "E011")
    assert (person.name, person.active, person.deactivated_on) == ("钱多多", False, "2026-03-01")
    assert _person(people_store, "X001").external
    capsys.readouterr()
    assert main(["staff", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("E011" in line and "已停用 / deactivated 2026-03-01" in line for line in lines)
    assert any("X001" in line and "外部 / external: 押运公司" in line for line in lines)
    assert main(["staff", "list", "--active", "--json"]) == 0
    listed = [p["employee_no"] for p in json.loads(capsys.readouterr().out)]
    assert "E011" not in listed and "E001" in listed


def test_a_staff_list_is_imported(people_store, tmp_path, capsys):
    path = tmp_path / "staff.csv"
    path.write_text("工号,姓名,岗位\nE011,钱多,柜员\nE012,孙七,记账员\n", encoding="utf-8")
    assert main(["staff", "import", str(path), *AS_HEAD]) == 0, capsys.readouterr().err
    assert "imported 2" in capsys.readouterr().out
    assert main(["staff", "import", str(path), *AS_HEAD]) == 2  # both already in the register
    assert "nobody was added" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["add", "E011", "钱多", "--roles", "出纳"], 2, "--roles: 未知岗位 出纳"),
        (["add", "E011", "钱多", "--roles", "teller", "--on", "2026-13-01"], 2, "--on"),
        (["add", "X001", "黄海", "--roles", "escort", "--external"], 2, "organisation"),
        (["deactivate", "E001", "--reason", "退休"], 5, "yourself"),
        (["roles", "E001", "teller"], 5, "only branch head"),
        (["edit", "E099", "--name", "某"], 4, "E099"),
    ],
)
def test_refusals_change_nothing(people_store, capsys, argv, code, words):
    before = people(people_store)
    assert main(["staff", *argv, *AS_HEAD]) == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert people(people_store) == before


def test_only_an_administrator_manages_staff(people_store, capsys):
    argv = ["staff", "add", "E011", "钱多", "--roles", "teller"]
    assert main([*argv, "--as", "E010", "--password-env", "SIGNIN_PW"]) == 2
    assert "E010 cannot manage staff" in capsys.readouterr().err
    assert main([*argv, "--as", "E001", "--password-env", "NEW_PW"]) == 3  # wrong password
    assert "E011" not in {p.employee_no for p in people(people_store)}
