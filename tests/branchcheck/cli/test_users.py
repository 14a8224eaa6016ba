"""`branchcheck users reset-password`: an administrator, proven by their password, sets another
person's password; refusals exit as the other commands do and change nothing."""

from __future__ import annotations

import pytest

from branchcheck.cli import main
from branchcheck.people import register as staff

AS_HEAD = ["--as", "E001", "--password-env", "SIGNIN_PW"]


@pytest.fixture(autouse=True)
def new_password(monkeypatch):
    monkeypatch.setenv("NEW_PW", "a-new-password")
    monkeypatch.setenv("SHORT_PW", "short")


def test_the_branch_head_resets_a_tellers_password(people_store, capsys):
    argv = ["users", "reset-password", "E004", "--new-password-env", "NEW_PW", *AS_HEAD]
    assert main(argv) == 0, capsys.readouterr().err
    assert "E004 张伟" in capsys.readouterr().out
    assert staff.sign_in(people_store, "E004", "a-new-password").employee_no == "E004"


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["E004", "--new-password-env", "SHORT_PW", *AS_HEAD], 2, "at least 8 characters"),
        (["E004", "--new-password-env", "UNSET_PW", *AS_HEAD], 2, "UNSET_PW is not set"),
        (["E004", "--new-password-env", "NEW_PW", "--as", "E010", "--password-env", "SIGNIN_PW"],
         2, "E010 cannot manage staff"),
        (["E004", "--new-password-env", "NEW_PW", "--as", "E001", "--password-env", "NEW_PW"],
         3, "wrong employee number or password"),
        (["E001", "--new-password-env", "NEW_PW", *AS_HEAD], 5, "own password"),
        (["E099", "--new-password-env", "NEW_PW", *AS_HEAD], 4, "E099"),
    ],
)  # fmt: skip
def test_refusals(people_store, capsys, argv, code, words):
    assert main(["users", "reset-password", *argv]) == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert staff.sign_in(people_store, "E004", "demo1234").employee_no == "E004"  # unchanged
