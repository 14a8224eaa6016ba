"""`branchcheck score`."""

import json
from datetime import date

from branchcheck.cli import main

from ..schedule.conftest import vault_check


def test_score_json_and_files(people_store, capsys, tmp_path):
    vault_check(people_store, date(2026, 11, 2))
    args = ["score", "--from", "2026-11-01", "--to", "2026-11-08", "--as-of", "2026-11-20"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2026-11-20"
    indicators = {i["key"]: i for i in data["score"]["current"]["indicators"]}
    assert (
        indicators["on_time_checks"]["numerator"],
        indicators["on_time_checks"]["denominator"],
    ) == (1, 1)
    assert data["score"]["previous"] is None
    assert main([*args, "--out", str(tmp_path / "rep")]) == 0
    out = capsys.readouterr().out
    assert "合规性指数 2026-11-01 至 2026-11-08" in out
    assert sorted(p.suffix for p in (tmp_path / "rep").iterdir()) == [".pdf", ".xlsx"]


def test_score_refuses_a_bad_date(people_store, capsys):
    assert main(["score", "--from", "2026-13-01", "--to", "2026-11-08"]) != 0
    assert "--from" in capsys.readouterr().err
