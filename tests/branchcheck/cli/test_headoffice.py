"""`branchcheck headoffice trust …|ingest …`: exit 0 only when every package went in (or was
held already); --json names accepted, duplicate and rejected records and files with reasons."""

import json
from datetime import date

import pytest

from branchcheck import inspections
from branchcheck.cli import main
from branchcheck.records import keys, pki
from branchcheck.upload.package import make_package


@pytest.fixture
def setting(demo, tmp_path, monkeypatch):
    """(package folder, branch CA PEM, head office's PKCS#12, the --db URL)."""
    sealed = [r for r in inspections.list_records(demo) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    done = make_package(
        demo, first=days[0], last=days[-1], out=tmp_path, actor="E001", key_password="demo1234"
    )
    ca_key, ca_cert = pki.create_ca("总行 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    p12 = tmp_path / "headoffice.p12"
    p12.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca_cert]), "ho-secret"))
    monkeypatch.setenv("HO_PW", "ho-secret")
    monkeypatch.chdir(tmp_path)
    ca = keys.export_ca(demo, tmp_path / "branch-ca.pem")
    return done.folder, ca, p12, f"sqlite:///{tmp_path / 'ho.sqlite3'}"


def _ingest(folder, p12, db, *extra):
    return main(
        ["headoffice", "ingest", str(folder), "--db", db, "--key", str(p12)]
        + ["--key-password-env", "HO_PW", "--json", *extra]
    )


def test_trust_and_ingest_from_the_command_line(setting, capsys):
    folder, ca, p12, db = setting
    assert _ingest(folder, p12, db) == 6  # nothing trusted yet
    [out] = json.loads(capsys.readouterr().out)
    assert out["status"] == "rejected" and "signature" in out["reason"]
    assert (
        main(
            [
                "headoffice",
                "trust",
                "add",
                str(ca),
                "--db",
                db,
                "--key",
                str(p12),
                "--key-password-env",
                "HO_PW",
            ]
        )
        == 0
    )
    assert "trusted" in capsys.readouterr().out
    assert (
        main(
            [
                "headoffice",
                "trust",
                "add",
                str(ca),
                "--db",
                db,
                "--key",
                str(p12),
                "--key-password-env",
                "HO_PW",
            ]
        )
        == 2
    )
    assert "already trusted" in capsys.readouterr().err
    assert main(["headoffice", "trust", "list", "--db", db, "--json"]) == 0
    [anchor] = json.loads(capsys.readouterr().out)

    assert _ingest(folder, p12, db) == 0
    [out] = json.loads(capsys.readouterr().out)
    listed = json.loads((folder / "manifest.json").read_bytes())
    assert out["status"] == "accepted" and out["package_id"] == listed["package_id"]
    assert out["accepted"] == [r["id"] for r in listed["records"]] and out["rejected"] == []
    assert json.loads(open(out["receipt"], "rb").read())["status"] == "accepted"
    assert _ingest(folder, p12, db) == 0
    [out] = json.loads(capsys.readouterr().out)
    assert out["status"] == "duplicate" and len(out["duplicate"]) == len(listed["records"])

    (folder / "records" / "extra.txt").write_text("x")
    assert _ingest(folder, p12, db) == 6
    [out] = json.loads(capsys.readouterr().out)
    assert out["files"][0]["path"] == "records/extra.txt"

    fp = anchor["fingerprint"]
    assert (
        main(
            [
                "headoffice",
                "trust",
                "remove",
                fp[:12],
                "--db",
                db,
                "--key",
                str(p12),
                "--key-password-env",
                "HO_PW",
            ]
        )
        == 0
    )
    assert "keep their verdict" in capsys.readouterr().out
    assert main(["headoffice", "trust", "list", "--db", db]) == 0
    assert "no trusted CA yet" in capsys.readouterr().out


def test_a_wrong_key_password_ingests_nothing(setting, capsys, monkeypatch):
    folder, _, p12, db = setting
    monkeypatch.setenv("HO_PW", "wrong")
    assert _ingest(folder, p12, db) == 3
    assert "password is wrong" in capsys.readouterr().err


def test_ingest_says_when_signatures_were_judged_and_when_head_office_received(setting, capsys):
    folder, ca, p12, db = setting
    assert (
        main(
            [
                "headoffice",
                "trust",
                "add",
                str(ca),
                "--db",
                db,
                "--key",
                str(p12),
                "--key-password-env",
                "HO_PW",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert _ingest(folder, p12, db) == 0
    [out] = json.loads(capsys.readouterr().out)
    listed = json.loads((folder / "manifest.json").read_bytes())
    assert set(out["record_signed_at"]) == {r["id"] for r in listed["records"]}
    assert all(t.endswith("+08:00") for t in out["record_signed_at"].values())
    assert out["signed_at"].endswith("+08:00") and out["received_at"].endswith("+08:00")
    receipt = json.loads(open(out["receipt"], "rb").read())
    assert receipt["signed_at"] == out["signed_at"]
    assert receipt["received_at"] == out["received_at"]
    assert {r["id"]: r["signed_at"] for r in receipt["records"]} == out["record_signed_at"]
    assert (
        main(
            [
                "headoffice",
                "ingest",
                str(folder),
                "--db",
                db,
                "--key",
                str(p12),
                "--key-password-env",
                "HO_PW",
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert "received by head office at" in text and "签名按签名人自报的时间判定" in text


def test_the_trust_store_is_changed_only_with_head_offices_key(setting, capsys, tmp_path):
    folder, ca, p12, db = setting
    key = ["--key", str(p12), "--key-password-env", "HO_PW"]
    with pytest.raises(SystemExit) as usage:  # argparse: --key is required
        main(["headoffice", "trust", "add", str(ca), "--db", db])
    assert usage.value.code == 2 and "--key" in capsys.readouterr().err
    assert main(["headoffice", "trust", "add", str(ca), "--db", db, *key]) == 0
    assert "by / 操作人: 总行收件 (SHA-256 " in capsys.readouterr().out
    ca_key, ca_cert = pki.create_ca("冒充 CA", "冒充")
    k, c = pki.issue_signing_cert(
        ca_key, ca_cert, name="冒充者", employee_no="X1", organization="冒充"
    )
    other = tmp_path / "other.p12"
    other.write_bytes(pki.make_p12(pki.Credential(k, c, [ca_cert]), "ho-secret"))
    assert main(["headoffice", "trust", "list", "--db", db, "--json"]) == 0
    [anchor] = json.loads(capsys.readouterr().out)
    assert anchor["added_by"].startswith("总行收件 (SHA-256 ")
    fp = anchor["fingerprint"]
    stranger = ["--key", str(other), "--key-password-env", "HO_PW"]
    assert main(["headoffice", "trust", "remove", fp[:12], "--db", db, *stranger]) == 2
    err = capsys.readouterr().err
    assert "这不是本总行库的总行密钥" in err and "冒充者" in err and "Traceback" not in err
    assert main(["headoffice", "trust", "list", "--db", db]) == 0
    assert fp in capsys.readouterr().out  # still trusted
    assert _ingest(folder, other, db) == 2
    assert "not this store's head-office key" in capsys.readouterr().err


def test_head_offices_key_is_renewed_by_the_key_it_replaces(setting, capsys, tmp_path, monkeypatch):
    folder, ca, p12, db = setting
    assert main(["headoffice", "signer", "show", "--db", db]) == 0
    assert "no head-office signer yet" in capsys.readouterr().out
    key = ["--key", str(p12), "--key-password-env", "HO_PW"]
    assert main(["headoffice", "trust", "add", str(ca), "--db", db, *key]) == 0
    ca_key, ca_cert = pki.create_ca("总行 CA 2027", "总行")
    k, c = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件二", employee_no="HO002", organization="总行"
    )
    renewed = tmp_path / "headoffice-2027.p12"
    renewed.write_bytes(pki.make_p12(pki.Credential(k, c, [ca_cert]), "new-secret"))
    monkeypatch.setenv("NEW_PW", "new-secret")
    new = ["--new-key", str(renewed), "--new-key-password-env", "NEW_PW"]
    swapped = ["--key", str(renewed), "--key-password-env", "NEW_PW"]
    capsys.readouterr()
    assert (
        main(
            [
                "headoffice",
                "signer",
                "replace",
                "--db",
                db,
                *swapped,
                "--new-key",
                str(p12),
                "--new-key-password-env",
                "HO_PW",
            ]
        )
        == 2
    )
    assert "这不是本总行库的总行密钥" in capsys.readouterr().err
    assert main(["headoffice", "signer", "replace", "--db", db, *key, *new]) == 0
    assert "总行收件二" in capsys.readouterr().out
    assert main(["headoffice", "signer", "show", "--db", db, "--json"]) == 0
    old, current = json.loads(capsys.readouterr().out)
    assert old["name"] == "总行收件" and old["replaced_by"].startswith("总行收件二 (SHA-256 ")
    assert current["name"] == "总行收件二" and current["replaced_at"] is None
    assert _ingest(folder, p12, db) == 2  # the old key signs no receipt any more
    assert "that key was replaced on" in capsys.readouterr().err
    monkeypatch.setenv("HO_PW", "new-secret")
    assert _ingest(folder, renewed, db) == 0
    [out] = json.loads(capsys.readouterr().out)
    assert out["status"] == "accepted"
