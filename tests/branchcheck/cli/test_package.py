"""`branchcheck package`: the period's package from the command line, dates checked as typed."""

import json
from datetime import date

from branchcheck import inspections
from branchcheck.cli import main


def _sealed_period(store):
    sealed = [r for r in inspections.list_records(store) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    return days[0], days[-1], sealed


def test_the_command_line(demo, tmp_path, capsys, monkeypatch):
    first, last, sealed = _sealed_period(demo)
    monkeypatch.setenv("KEY_PW", "demo1234")
    argv = [
        "package",
        "--from",
        first.isoformat(),
        "--to",
        last.isoformat(),
        "--out",
        str(tmp_path),
    ]
    argv += [
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
        "--key-password-env",
        "KEY_PW",
        "--json",
    ]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["records"]) == len(sealed) and out["repeated"] is False
    assert (
        main(
            [
                "package",
                "--from",
                "2026-13-01",
                "--to",
                "2026-12-01",
                "--out",
                "x",
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 2
    )
    assert "--from: '2026-13-01' is not a date (YYYY-MM-DD)" in capsys.readouterr().err
