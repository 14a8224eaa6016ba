"""`branchcheck setup` and a new branch's first days on the command line: from an empty store to
a first sealed vault check with no demo data, then verified offline."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from branchcheck import clock
from branchcheck.cli import main
from branchcheck.db import open_store
from branchcheck.people.admin import people
from branchcheck.records import handwriting
from branchcheck.setup import is_set_up
from tests.branchcheck.conftest import YES

SETUP = [
    "setup",
    "--code",
    "GZ0101",
    "--name",
    "赣州分行营业部",
    "--head-office",
    "赣州分行",
    "--admin-no",
    "E001",
    "--admin-name",
    "王建国",
    "--admin-password-env",
    "ADMIN_PW",
    "--ca-password-env",
    "CA_PW",
]
AS_ADMIN = ["--as", "E001", "--password-env", "ADMIN_PW"]


@pytest.fixture(autouse=True)
def passwords(monkeypatch):
    monkeypatch.setenv("ADMIN_PW", "head-of-branch-1")
    monkeypatch.setenv("CA_PW", "branch-ca-secret")
    monkeypatch.setenv("NEW_PW", "first-password")
    monkeypatch.setenv("SHORT_PW", "short")


def _vault_answers(tmp_path):
    when = clock.now() - timedelta(hours=1)
    data = {
        "date": clock.iso(when),
        "people": {"vault_keeper": ["E003"], "tellers": ["E004"]},
        "answers": {k: "yes" for k in YES}
        | {
            "cash_count": {
                "rows": {"n100": {"bundles": 1, "straps": 2, "loose": 3}},
                "book_fen": 12030000,
            },
            "teller_boxes": {
                "rows": [{"teller": "E004", "system_fen": 100000, "counted_fen": 100000}]
            },
        },
        "signatures": {no: handwriting.demo_strokes(no) for no in ("E001", "E003", "E004")},
    }
    path = tmp_path / "vault.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_from_an_empty_store_to_a_first_sealed_vault_check(home, tmp_path, capsys):
    assert main(SETUP) == 0, capsys.readouterr().err
    assert "GZ0101" in capsys.readouterr().out
    for no, name, roles in (("E003", "李梅", "管库员"), ("E004", "张伟", "teller")):
        argv = ["staff", "add", no, name, "--roles", roles, "--new-password-env", "NEW_PW"]
        assert main([*argv, *AS_ADMIN]) == 0, capsys.readouterr().err
    assert "E004 张伟 柜员" in capsys.readouterr().out
    argv = ["inspect", "vault_check", "--answers", str(_vault_answers(tmp_path)), *AS_ADMIN]
    argv += ["--sign", "--key-password-env", "ADMIN_PW"]
    argv += ["--party-password-env=E003=NEW_PW", "--party-password-env=E004=NEW_PW"]
    assert main(argv) == 0, capsys.readouterr().err
    summary = json.loads(capsys.readouterr().out)
    assert summary["status"] == "sealed", summary
    out = tmp_path / "out"
    assert main(["export", summary["record_id"], "--out", str(out)]) == 0
    files = sorted(out.iterdir())
    capsys.readouterr()
    assert {f.suffix for f in files} == {".pdf", ".xlsx"}
    assert main(["verify", *map(str, files)]) == 0
    said = capsys.readouterr().out
    assert said.count("OK ") == 2 and "E001" in said


def _people(home):
    store = open_store(home / "branchcheck.sqlite3")
    try:
        return {p.employee_no: p for p in people(store)}
    finally:
        store.dispose()


def test_setup_from_a_staff_list(home, tmp_path, capsys):
    path = tmp_path / "staff.csv"
    path.write_text(
        "工号,姓名,岗位,单位\nE001,王建国,网点负责人,\nE003,李梅,管库员,\nX001,黄海,押运人员,押运公司\n",
        encoding="utf-8",
    )
    assert main([*SETUP, "--from", str(path)]) == 0, capsys.readouterr().err
    assert "imported 2" in capsys.readouterr().out
    found = _people(home)
    assert set(found) == {"E001", "E003", "X001"}
    assert found["E001"].has_key and not found["E003"].has_password and found["X001"].external


def test_setup_refused_changes_nothing(home, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("工号,姓名,岗位\nE003,,管库员\n", encoding="utf-8")
    assert main([*SETUP, "--from", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "nothing was set up" in err and "第 2 行 / row 2" in err
    argv = [a if a != "ADMIN_PW" else "SHORT_PW" for a in SETUP]
    assert main(argv) == 2
    assert "password: at least 8 characters" in capsys.readouterr().err
    store = open_store(home / "branchcheck.sqlite3")
    assert not is_set_up(store)
    store.dispose()
    assert main(SETUP) == 0
    assert main(SETUP) == 5
    assert "already has its branch" in capsys.readouterr().err
