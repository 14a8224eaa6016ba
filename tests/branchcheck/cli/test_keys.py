"""`branchcheck keys list | password | issue | ca create`: the keys of the branch from the CLI."""

import json

from branchcheck.cli import main
from branchcheck.records import keys


def _env(monkeypatch, **values):
    for var, value in values.items():
        monkeypatch.setenv(var, value)


CA = ["keys", "ca", "create", "--ca-password-env", "CAPW", "--password-env", "SIGNIN_PW"]
ISSUE = [
    *("keys", "issue", "E004", "--ca-password-env", "CAPW", "--key-password-env", "KEYPW"),
    *("--as", "E001", "--password-env", "SIGNIN_PW"),
]


def test_an_administrator_creates_the_ca_and_issues_a_key_then_list_shows_it(
    people_store, monkeypatch, capsys
):
    _env(monkeypatch, CAPW="ca-password-1", KEYPW="key-pw-01")
    assert main([*CA, "--as", "E004"]) == 3  # a teller
    assert main([*CA, "--as", "E001"]) == 0
    assert "branch CA created" in capsys.readouterr().out
    assert main([*CA, "--as", "E001"]) == 2  # once only
    assert main(["keys", "issue", "E004", "--ca-password-env", "NOPE", "--as", "E001"]) == 2
    assert "NOPE is not set" in capsys.readouterr().err
    assert main(ISSUE) == 0
    fp = capsys.readouterr().out.split("SHA-256 ")[1].strip()
    assert keys.load_credential(people_store, "E004", "key-pw-01").fingerprint == fp
    assert main(ISSUE) == 3  # a renewal needs E004's own password
    assert main([*ISSUE, "--person-password-env", "SIGNIN_PW"]) == 0
    capsys.readouterr()
    assert main(["keys", "list"]) == 0
    out = capsys.readouterr().out
    assert f"SHA-256 {fp}" in out and "earlier key" in out
    assert "无签名密钥 / no signing key: E001 王建国" in out
    assert main(["keys", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = [(c["kind"], c["employee_no"], c["active"]) for c in data["certificates"]]
    assert kinds == [("person", "E004", True), ("person", "E004", False), ("branch_ca", None, True)]
    assert data["has_branch_ca"] is True and data["certificates"][0]["needs_attention"] is False
    assert data["certificates"][1]["fingerprint"] == fp


def test_list_warns_of_a_certificate_near_its_end(people_store, monkeypatch, capsys):
    from datetime import UTC, datetime, timedelta

    soon = datetime.now(UTC) - timedelta(days=1825 - 10)  # five-year key, ten days left
    keys.create_branch_ca(people_store, ca_password="ca-password-1")
    keys.issue_credential(
        people_store,
        employee_no="E003",
        password="key-pw-01",
        ca_password="ca-password-1",
        not_before=soon,
    )
    assert main(["keys", "list"]) == 0
    err = capsys.readouterr().err
    assert "warning: E003 的证书即将到期" in err and "days left" in err


def test_changing_a_key_password_asks_the_old_one(people_store, monkeypatch, capsys):
    keys.create_branch_ca(people_store, ca_password="ca-password-1")
    keys.issue_credential(
        people_store, employee_no="E003", password="key-pw-01", ca_password="ca-password-1"
    )
    argv = ["keys", "password", "E003", "--old-env", "OLD", "--new-env", "NEW"]
    _env(monkeypatch, OLD="wrong-pw-00", NEW="key-pw-02")
    assert main(argv) == 3
    assert "old password" in capsys.readouterr().err
    keys.load_credential(people_store, "E003", "key-pw-01")  # unchanged
    _env(monkeypatch, OLD="key-pw-01")
    assert main(argv) == 0
    assert "key password changed: E003" in capsys.readouterr().out
    keys.load_credential(people_store, "E003", "key-pw-02")
