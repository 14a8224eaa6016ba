"""The command line: same core functions, clear errors, exit codes, nothing stored on bad input."""

import json
import shutil

import pytest

from branchcheck import inspections
from branchcheck.cli import main
from branchcheck.paths import checklists_dir


def test_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for cmd in ("demo", "checklists", "records", "export", "verify", "inspect", "keys"):
        assert cmd in out


def test_checklists_list_show_validate(capsys):
    assert main(["checklists", "list", "--json"]) == 0
    keys = {c["key"] for c in json.loads(capsys.readouterr().out)}
    assert "vault_check" in keys
    assert main(["checklists", "show", "vault_check"]) == 0
    assert "库存现金按券别清点" in capsys.readouterr().out
    assert main(["checklists", "validate"]) == 0


def test_validate_broken_file_exits_nonzero_naming_file_and_item(tmp_path, capsys):
    path = tmp_path / "vault_check.yaml"
    shutil.copy(checklists_dir() / "vault_check.yaml", path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: teller_boxes", "type: teller_box"),
        encoding="utf-8",
    )
    assert main(["checklists", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "item 'teller_boxes': unknown type 'teller_box'" in err


def test_inspect_prints_summary_and_records_list(people_store, tmp_path, capsys, answers_file):
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(answers_file(tmp_path)),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert summary["status"] == "completed"
    assert summary["items"]["cash_count"]["computed"]["total_fen"] == 12030000
    assert summary["items"]["cash_count"]["result"] == "pass"
    assert main(["records", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert {"id", "checklist", "status", "branch", "started_at"} <= set(row)
    assert row["id"] == summary["record_id"] and row["checklist"] == "vault_check"


@pytest.mark.parametrize(
    "change,message",
    [
        ({"answers": {"no_iou": "perhaps"}}, "item 'no_iou'"),
        ({"people": {"vault_keeper": ["E001"], "tellers": ["E004"]}}, "does not hold the role"),
        ({"date": "yesterday"}, "not an ISO date"),
        ({"answers": {"ghost": "yes"}}, "has no item 'ghost'"),
        ({"answers": {"no_iou": "yes"}}, "required item(s) without an answer"),
        ({"colour": "red"}, "unknown field(s) colour"),
    ],
)
def test_bad_answers_file_stores_nothing(
    people_store, tmp_path, capsys, change, message, answers_file
):
    path = answers_file(tmp_path, **change)
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(path),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert inspections.list_records(people_store) == []


def test_unreadable_answers_file(people_store, tmp_path, capsys):
    bad = tmp_path / "a.json"
    bad.write_text("{not json", encoding="utf-8")
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(bad),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 2
    )
    assert "not valid JSON" in capsys.readouterr().err
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(tmp_path / "none.json"),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 2
    )


def test_sign_without_signatures_is_refused_before_storing(
    people_store, tmp_path, capsys, monkeypatch, answers_file, signed_inspect_argv
):
    monkeypatch.setenv("PW", "demo1234")
    path = answers_file(tmp_path)
    assert main(signed_inspect_argv(path, "PW")) == 2
    assert "needs a signature" in capsys.readouterr().err
    assert inspections.list_records(people_store) == []


def test_export_of_unsealed_record_says_why(people_store, tmp_path, capsys, answers_file):
    main(
        [
            "inspect",
            "vault_check",
            "--answers",
            str(answers_file(tmp_path)),
            "--as",
            "E001",
            "--password-env",
            "SIGNIN_PW",
        ]
    )
    rid = json.loads(capsys.readouterr().out)["record_id"]
    assert main(["export", rid, "--out", str(tmp_path / "out")]) == 5
    assert "not sealed" in capsys.readouterr().err


def test_cli_uses_the_branch_settings_and_holiday_table(
    people_store, home, tmp_path, capsys, answers_file
):
    """Settings and the head-office holiday table in the data folder apply to the CLI too."""
    (home / "settings.json").write_text(
        '{"due_days": {"critical": 2, "high": 5}}', encoding="utf-8"
    )
    # a made-up three-day block from 2026-11-21 makes 2026-11-20 the pre-holiday check day
    (home / "holidays.json").write_text(
        '{"holidays": ["2026-11-21", "2026-11-22", "2026-11-23"]}', encoding="utf-8"
    )
    data = json.loads(answers_file(tmp_path).read_text(encoding="utf-8"))
    data["date"] = "2026-11-20T10:00:00+08:00"
    data["answers"]["cash_count"]["book_fen"] += 100
    path = tmp_path / "a2.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(path),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert summary["items"]["pre_holiday"]["result"] == "pass"
    [finding] = summary["findings"]
    assert finding["severity"] == "critical" and finding["due_date"] == "2026-11-22"


AUTHORISATION = {
    "by": "E001",
    "reason": "休假",
    "reference": "授权书2026-031",
    "valid_from": "2026-11-18",
    "valid_to": "2026-11-20",
}


def test_a_deputy_without_an_authorisation_is_refused(people_store, tmp_path, capsys, answers_file):
    path = answers_file(tmp_path)
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(path),
                "--as",
                "E002",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "书面授权" in err and "Traceback" not in err
    assert inspections.list_records(people_store) == []
    path = answers_file(tmp_path, authorisation=AUTHORISATION)
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(path),
                "--as",
                "E002",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 0
    )
    [record] = inspections.list_records(people_store)
    assert (record.inspector, record.status) == ("E002", "completed")


@pytest.mark.parametrize(
    "change,argv,message",
    [
        ({"date": "2099-01-04T09:00:00+08:00"}, [], "晚于今天"),
        ({"late_reason": ""}, [], "补录原因"),
        ({"late_reason": ""}, ["--late-reason", " "], "补录原因"),
    ],
)
def test_a_future_date_or_a_late_entry_without_reason_stores_nothing(
    people_store, tmp_path, capsys, answers_file, change, argv, message
):
    path = answers_file(tmp_path, **change)
    assert (
        main(
            [
                "inspect",
                "vault_check",
                "--answers",
                str(path),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
                *argv,
            ]
        )
        == 2
    )
    assert message in capsys.readouterr().err
    assert inspections.list_records(people_store) == []


def test_the_late_reason_on_the_command_line(people_store, tmp_path, capsys, answers_file):
    path = answers_file(tmp_path, late_reason="")
    argv = [
        "inspect",
        "vault_check",
        "--answers",
        str(path),
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
    ]
    assert main([*argv, "--late-reason", "系统故障，纸质登记后补录"]) == 0
    rid = json.loads(capsys.readouterr().out)["record_id"]
    from branchcheck.db.models import Inspection

    with people_store.session() as s:
        assert s.get(Inspection, rid).late_reason == "系统故障，纸质登记后补录"
