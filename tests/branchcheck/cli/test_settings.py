"""`branchcheck settings show | set | holidays`."""

import json

from branchcheck.cli import main
from branchcheck.settings import load_settings

AS = ["--as", "E001", "--password-env", "SIGNIN_PW"]


def test_show_then_set_a_setting_and_show_it_changed(people_store, home, capsys):
    assert main(["settings", "show"]) == 0
    out = capsys.readouterr().out
    assert "due_days.high" in out and "每捆张数 / Notes per bundle" in out
    assert main(["settings", "set", "due_days.high", "5", *AS]) == 0
    assert "已保存 / saved: due_days.high = 5" in capsys.readouterr().out
    assert load_settings(home).due_days["high"] == 5
    assert main(["settings", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    high = next(s for s in data["settings"] if s["name"] == "due_days.high")
    assert (high["current"], high["default"]) == (5, 3)
    assert data["holiday_table"] == {"years": [], "holidays": 0, "workdays": 0}


def test_a_wrong_value_or_person_changes_nothing(people_store, home, capsys):
    assert main(["settings", "set", "backup_keep", "lots", *AS]) == 2
    assert "“保留备份份数”须为 1 至 365 之间的整数" in capsys.readouterr().err
    assert (
        main(["settings", "set", "backup_keep", "3", "--as", "E004", "--password-env", "SIGNIN_PW"])
        == 3
    )
    assert "E004" in capsys.readouterr().err
    assert (
        main(["settings", "set", "backup_keep", "3", "--as", "E001", "--password-env", "NOPE"]) == 2
    )
    assert not (home / "settings.json").exists()


def test_holidays_imports_head_offices_table(people_store, home, tmp_path, capsys):
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"holidays": ["2027-10-01"], "workdays": []}), encoding="utf-8")
    assert main(["settings", "holidays", str(path), *AS]) == 0
    assert "holiday table imported: 2027 (1 休息日" in capsys.readouterr().out
    path.write_text("{not json", encoding="utf-8")
    assert main(["settings", "holidays", str(path), *AS]) == 2
    assert "cannot read the holiday table" in capsys.readouterr().err
    assert json.loads((home / "holidays.json").read_text())["holidays"] == ["2027-10-01"]
