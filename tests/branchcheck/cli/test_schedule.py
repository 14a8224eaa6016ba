"""`branchcheck due | explain | absences | staff absence add`."""

import json
from datetime import date

from sqlalchemy import select

from branchcheck.cli import main
from branchcheck.db.models import Finding

from ..schedule.conftest import vault_check


def test_due_json_shape_and_it_sweeps_first(people_store, capsys):
    vault_check(people_store, date(2026, 11, 2), tellers=("E004", "E005"))
    assert main(["due", "--as-of", "2026-11-17", "--json"]) == 0
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert "new findings from misses: " in captured.err
    for row in rows:
        assert {
            "checklist",
            "due_on",
            "reason",
            "status",
            "uncovered",
            "key",
            "calendar_note",
        } <= set(row)
    by_key = {r["key"]: r for r in rows}
    week = by_key["vault_check:weekly:2026-W47"]
    assert (week["checklist"], week["reason"], week["status"], week["due_on"]) == (
        "vault_check",
        "weekly",
        "due",
        "2026-11-20",
    )
    cover = by_key["vault_check:teller_coverage:2026-W46"]
    assert cover["status"] == "missed" and cover["finding_id"]
    assert by_key["vault_check:teller_coverage:2026-W47"]["uncovered"] == [
        {"employee_no": "E004", "name": "张伟"},
        {"employee_no": "E005", "name": "刘芳"},
        {"employee_no": "E006", "name": "赵磊"},
    ]
    with people_store.session() as s:
        keys = set(s.scalars(select(Finding.obligation_key).where(Finding.origin == "schedule")))
    assert "vault_check:weekly:2026-W46" in keys
    assert "vault_check:teller_coverage:2026-W45" in keys  # E006 not covered on 2 November


def test_due_text_and_estimate_label(people_store, capsys):
    vault_check(people_store, date(2026, 12, 21))
    assert main(["due", "--as-of", "2026-12-28"]) == 0
    out = capsys.readouterr().out
    assert "截至 2026-12-28 的应办检查" in out
    assert "网点负责人查库 · 节前查库" in out and "按法定假日推算，以正式安排为准" in out


def test_due_help_says_it_sweeps(capsys):
    try:
        main(["due", "--help"])
    except SystemExit:
        pass
    assert "becomes its finding as soon as anyone looks" in capsys.readouterr().out


def test_explain_from_the_command_line(people_store, capsys):
    vault_check(people_store, date(2026, 11, 2))
    key = "vault_check:weekly:2026-W46"
    assert (
        main(["explain", key, "--reason", "停电", "--as", "E004", "--password-env", "SIGNIN_PW"])
        == 3
    )
    assert "cannot explain a missed check: only branch head" in capsys.readouterr().err
    assert (
        main(["explain", key, "--reason", "停电", "--as", "E001", "--password-env", "SIGNIN_PW"])
        == 0
    )
    shown = json.loads(capsys.readouterr().out)
    assert (shown["key"], shown["status"], shown["explanation"]) == (key, "explained", "停电")


def test_absence_add_and_list(people_store, capsys):
    argv = ["staff", "absence", "add", "E006", "--from", "2026-11-16", "--to", "2026-11-20"]
    assert (
        main(
            [
                *argv,
                "--kind",
                "leave",
                "--reason",
                "年休假",
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 0
    )
    assert "absence recorded" in capsys.readouterr().out
    assert (
        main(
            [
                "staff",
                "absence",
                "add",
                "E006",
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-16",
                "--kind",
                "leave",
                "--reason",
                "x",
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 2
    )
    assert "first day is after the last day" in capsys.readouterr().err
    assert main(["absences", "--from", "2026-11-01", "--to", "2026-11-30", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["employee_no"], row["kind"], row["first_day"], row["last_day"]) == (
        "E006",
        "leave",
        "2026-11-16",
        "2026-11-20",
    )
    assert main(["absences", "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    assert "赵磊     2026-11-16 — 2026-11-20  休假   年休假" in capsys.readouterr().out
