"""`branchcheck backup`, `backup list`, `restore`; every command refuses a damaged store with
the file named and a non-zero exit code."""

import json
import os

import pytest

from branchcheck.cli import main


def test_backup_list_restore(demo, home, capsys):
    path = demo.path
    demo.dispose()
    assert main(["backup", "--json", "--as", "E001", "--password-env", "SIGNIN_PW"]) == 0
    taken = json.loads(capsys.readouterr().out)
    assert taken["branch"] == "GZ0101" and taken["entries"] > 0
    assert main(["backup", "list"]) == 0
    assert taken["path"] in capsys.readouterr().out

    os.truncate(path, path.stat().st_size // 2)
    assert (
        main(["restore", taken["path"], "--json", "--as", "E001", "--password-env", "SIGNIN_PW"])
        == 0
    )
    done = json.loads(capsys.readouterr().out)
    assert done["database"] == str(path) and done["kept_aside"].startswith(str(path))
    assert main(["audit", "check"]) == 0
    first = capsys.readouterr().out.splitlines()[0]  # the chain's line; anchors and files follow
    assert first.endswith(f"audit log intact: {taken['entries'] + 1} entries")


def test_backup_to_a_folder(people_store, tmp_path, capsys):
    assert (
        main(
            ["backup", "--to", str(tmp_path / "usb"), "--as", "E001", "--password-env", "SIGNIN_PW"]
        )
        == 0
    )
    assert "backup written and verified" in capsys.readouterr().out
    assert main(["backup", "list", "--to", str(tmp_path / "usb"), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_restore_of_a_file_that_is_no_backup_is_refused(people_store, tmp_path, capsys):
    bogus = tmp_path / "x.sqlite3"
    bogus.write_text("no", encoding="utf-8")
    assert main(["restore", str(bogus), "--as", "E001", "--password-env", "SIGNIN_PW"]) == 7
    assert f"{bogus}: not a BranchCheck backup" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["records", "list"],
        ["audit", "check"],
        ["export", "0000", "--out", "out"],
        ["backup", "--as", "E001", "--password-env", "SIGNIN_PW"],
    ],
)
def test_every_command_refuses_a_damaged_store(demo, home, capsys, argv):
    path = demo.path
    demo.dispose()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = path.read_bytes()
    assert main(argv) == 7
    err = capsys.readouterr().err
    assert f"error: {path}: the store is damaged" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_a_command_that_changed_the_store_takes_the_days_backup(people_store, home, capsys):
    people_store.dispose()
    argv = ["staff", "post", "add", "E003", "vault_keeper", "--from", "2026-01-05", "--as", "E001"]
    argv += ["--password-env", "SIGNIN_PW"]
    code = main(argv)
    assert code == 0, capsys.readouterr().err
    assert "daily backup:" in capsys.readouterr().err
    assert len(list((home / "backups").glob("*.sqlite3"))) == 1


def test_a_command_that_only_reads_takes_no_backup(people_store, home, capsys):
    assert main(["staff", "list"]) == 0
    assert capsys.readouterr().err == ""
    assert not (home / "backups").exists()


def test_backup_and_restore_are_for_the_people_the_matrix_names(demo, home, capsys):
    path = demo.path
    demo.dispose()
    as_teller = ["--as", "E004", "--password-env", "SIGNIN_PW"]
    assert main(["backup", *as_teller]) == 3
    assert "E004 cannot back up the store" in capsys.readouterr().err
    assert main(["backup", "--json", "--as", "E001", "--password-env", "SIGNIN_PW"]) == 0
    taken = json.loads(capsys.readouterr().out)
    assert main(["restore", taken["path"], *as_teller]) == 3
    assert "E004 cannot restore a backup: only branch head" in capsys.readouterr().err
    os.environ["WRONG_PW"] = "not-it"
    try:
        assert main(["restore", taken["path"], "--as", "E001", "--password-env", "WRONG_PW"]) == 3
    finally:
        del os.environ["WRONG_PW"]
    assert "wrong sign-in password for E001" in capsys.readouterr().err
    assert not list(path.parent.glob("*.before-restore-*"))  # nothing was put aside or replaced
