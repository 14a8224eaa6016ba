"""Identity is proven, not named: `--as EMP` needs EMP's sign-in password (cli.common.actor)."""

import getpass
import io
import json
import sys

import pytest
from sqlalchemy import func, select

from branchcheck import inspections
from branchcheck.cli import main

STROKES = "[[[10, 10], [200, 120], [400, 60]]]"


def _inspect(path, *extra: str) -> list[str]:
    return ["inspect", "vault_check", "--answers", str(path), "--as", "E001", *extra]


def _completed_record(path, capsys) -> str:
    assert main(_inspect(path, "--password-env", "SIGNIN_PW")) == 0
    return json.loads(capsys.readouterr().out)["record_id"]


def _audit_count(store) -> int:
    from branchcheck.db.models import AuditEntry

    with store.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_a_wrong_password_is_refused_with_exit_3_and_changes_nothing(
    people_store, tmp_path, capsys, monkeypatch, answers_file
):
    monkeypatch.setenv("WRONG_PW", "not-the-password")
    assert main(_inspect(answers_file(tmp_path), "--password-env", "WRONG_PW")) == 3
    assert "wrong employee number or password" in capsys.readouterr().err
    assert inspections.list_records(people_store) == []


def test_no_password_on_a_non_terminal_is_a_clear_error(
    people_store, tmp_path, capsys, monkeypatch, answers_file
):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(_inspect(answers_file(tmp_path))) == 2
    assert "no password for E001: pass --password-env VAR" in capsys.readouterr().err
    assert inspections.list_records(people_store) == []
    monkeypatch.setenv("UNSET_PW", "x")
    monkeypatch.delenv("UNSET_PW")
    assert main(_inspect(answers_file(tmp_path), "--password-env", "UNSET_PW")) == 2
    assert "environment variable UNSET_PW is not set" in capsys.readouterr().err


def test_on_a_terminal_the_password_is_asked(
    people_store, tmp_path, capsys, monkeypatch, answers_file
):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts = []
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or "demo1234")
    assert main(_inspect(answers_file(tmp_path))) == 0
    assert prompts == ["sign-in password of E001: "]
    assert len(inspections.list_records(people_store)) == 1


def test_sign_for_another_without_their_password_is_refused(
    people_store, tmp_path, capsys, monkeypatch, answers_file
):
    rid = _completed_record(answers_file(tmp_path), capsys)
    strokes = tmp_path / "s.json"
    strokes.write_text(STROKES, encoding="utf-8")
    argv = ["sign", rid, "--party", "vault_keeper", "--as", "E003", "--strokes", str(strokes)]
    monkeypatch.setenv("E001_PW", "E001s-own-password")  # what the branch head knows, not E003's
    assert main([*argv, "--password-env", "E001_PW"]) == 3
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(argv) == 2
    unsigned = {p.party for p in inspections.load(people_store, rid).unsigned()}
    assert "vault_keeper" in unsigned
    assert main([*argv, "--password-env", "SIGNIN_PW"]) == 0  # E003's own password
    unsigned = {p.party for p in inspections.load(people_store, rid).unsigned()}
    assert "vault_keeper" not in unsigned


def test_answer_and_complete_need_the_records_inspector(
    people_store, tmp_path, capsys, answers_file
):
    rid = _completed_record(answers_file(tmp_path), capsys)
    other = ("--as", "E002", "--password-env", "SIGNIN_PW")  # a deputy, proven, not the inspector
    before = _audit_count(people_store)
    assert main(["answer", rid, "no_iou", "no", *other]) == 3
    assert "only the record's inspector (E001)" in capsys.readouterr().err
    assert main(["complete", rid, *other]) == 3
    assert inspections.load(people_store, rid).status == "completed"
    # only the two (successful) sign-in attempts were audited: no answer, no completion
    assert _audit_count(people_store) == before + 2
    me = ("--as", "E001", "--password-env", "SIGNIN_PW")
    assert main(["answer", rid, "no_iou", "no", *me]) == 0
    assert inspections.load(people_store, rid).status == "in_progress"


def test_inspect_sign_needs_every_other_signers_password(
    people_store, tmp_path, capsys, monkeypatch, signed_answers_file
):
    path = signed_answers_file(tmp_path)
    monkeypatch.setenv("KEY_PW", "demo1234")
    argv = _inspect(path, "--password-env", "SIGNIN_PW", "--sign", "--key-password-env", "KEY_PW")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--party-password-env EMP=VAR for E003, E004, E005, E006" in err
    monkeypatch.setenv("WRONG_PW", "not-the-password")
    parties = [f"--party-password-env={no}=SIGNIN_PW" for no in ("E003", "E004", "E005")]
    assert main([*argv, *parties, "--party-password-env=E006=WRONG_PW"]) == 3
    assert main([*argv, *parties, "--party-password-env", "E006"]) == 2
    assert inspections.list_records(people_store) == []


def test_the_lock_after_five_wrong_passwords_applies_to_the_cli(
    people_store, tmp_path, capsys, monkeypatch, answers_file
):
    monkeypatch.setenv("WRONG_PW", "not-the-password")
    path = answers_file(tmp_path)
    for _ in range(5):
        assert main(_inspect(path, "--password-env", "WRONG_PW")) == 3
    capsys.readouterr()
    assert main(_inspect(path, "--password-env", "SIGNIN_PW")) == 3  # the right one, locked
    assert "too many wrong passwords: locked until" in capsys.readouterr().err
    assert inspections.list_records(people_store) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["findings", "rectify", "ffffffff", "--action", "补登"],
        ["findings", "close", "ffffffff"],
        ["explain", "vault_check:weekly:2026-W46", "--reason", "停电"],
        ["findings", "result", "ffffffff", "--result", "已补登"],
        ["findings", "verify", "ffffffff"],
        ["findings", "evidence", "add", "ffffffff", "scan.png"],
        ["findings", "exception", "ffffffff", "--reason", "r", "--until", "2026-12-31"],
        ["findings", "link-missed", "ffffffff", "--inspection", "ffffffff"],
        ["staff", "post", "add", "E003", "cashier", "--from", "2020-01-01"],
        [
            *("staff", "absence", "add", "E006", "--from", "2026-11-16", "--to", "2026-11-20"),
            *("--kind", "leave", "--reason", "年休假"),
        ],
        ["staff", "post", "end", "E007", "atm_loader", "--to", "2020-05-31"],
    ],
)
def test_every_acting_command_proves_the_actor(people_store, capsys, monkeypatch, argv):
    """A wrong password is refused (3) before anything is looked up: the finding ffffffff does
    not exist (that would be 4), the files named are never read."""
    monkeypatch.setenv("WRONG_PW", "not-the-password")
    assert main([*argv, "--as", "E001", "--password-env", "WRONG_PW"]) == 3
    assert "wrong employee number or password" in capsys.readouterr().err


def test_the_record_commands_refuse_a_wrong_password_and_change_nothing(
    people_store, tmp_path, capsys, monkeypatch, answers_file
):
    rid = _completed_record(answers_file(tmp_path), capsys)
    strokes = tmp_path / "s.json"
    strokes.write_text(STROKES, encoding="utf-8")
    monkeypatch.setenv("WRONG_PW", "not-the-password")
    wrong = ("--as", "E001", "--password-env", "WRONG_PW")
    for argv in (
        ["answer", rid, "no_iou", "no"],
        ["complete", rid],
        ["sign", rid, "--party", "inspector", "--strokes", str(strokes)],
        ["accounts", "decide", rid, "0012345678901", "--decision", "applied"],
    ):
        assert main([*argv, *wrong]) == 3, argv
    state = inspections.load(people_store, rid)
    assert state.status == "completed"
    assert "inspector" in {p.party for p in state.unsigned()}
