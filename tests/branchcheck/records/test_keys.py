"""Importing a bank-issued PKCS#12, and templates that keep their exact version in old records."""

import json
import shutil

import pytest
import yaml
from sqlalchemy import select

from branchcheck import inspections
from branchcheck.cli import main
from branchcheck.db.models import AuditEntry
from branchcheck.db.models import Credential as CredentialRow
from branchcheck.engine.validate import load_file
from branchcheck.errors import (
    AuthError,
    InputFileError,
    KeyPasswordError,
    NotFoundError,
    TemplateError,
)
from branchcheck.paths import checklists_dir
from branchcheck.records import keys, pki

PASSWORD = "demo1234"  # every person's password in the people_store fixture (tests/conftest.py)


def _bank_p12(tmp_path, employee_no="E001", ca=None):
    """A bank CA (or `ca`) and a PKCS#12 it issued for `employee_no` under password bank-pw."""
    ca_key, ca_cert = ca or pki.create_ca("某银行 CA", "某银行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="王建国", employee_no=employee_no, organization="某银行"
    )
    path = tmp_path / f"{employee_no}-{pki.fingerprint(cert)[:8]}.p12"
    path.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca_cert]), "bank-pw"))
    return (ca_key, ca_cert), path


def _import(path, *, admin="E002", person_pw=PASSWORD, admin_pw=PASSWORD, store=None):
    return keys.import_p12(
        store,
        employee_no="E001",
        path=path,
        password="bank-pw",
        person_password=person_pw,
        admin_no=admin,
        admin_password=admin_pw,
    )


def _ca_pem(ca):
    return pki.cert_to_pem(ca[1])


def _state(store):
    with store.session() as s:
        creds = [(c.fingerprint, c.active) for c in s.scalars(select(CredentialRow))]
    return creds, [c.fingerprint for c in keys.trusted_cas(store)]


def test_a_self_made_certificate_claiming_to_be_e001_changes_nothing(people_store, tmp_path):
    own_ca, real = _bank_p12(tmp_path)
    keys.trust_ca(people_store, pem=_ca_pem(own_ca), admin_no="E001", admin_password=PASSWORD)
    _import(real, store=people_store)
    before = _state(people_store)
    _, forged = _bank_p12(tmp_path)  # the forger's own CA, never trusted here
    with pytest.raises(AuthError):  # no E001 password
        _import(forged, person_pw="guess", store=people_store)
    with pytest.raises(AuthError):  # no administrator's password
        _import(forged, admin_pw="guess", store=people_store)
    with pytest.raises(AuthError):  # a teller is no administrator
        _import(forged, admin="E004", store=people_store)
    with pytest.raises(AuthError):  # the person cannot be their own second person
        _import(forged, admin="E001", store=people_store)
    with pytest.raises(InputFileError, match="trust"):  # both passwords, an untrusted CA
        _import(forged, store=people_store)
    assert _state(people_store) == before  # no CA added, E001's key still the active one
    assert keys.load_credential(people_store, "E001", "bank-pw").fingerprint == before[0][0][0]


def test_a_certificate_for_someone_else_is_refused(people_store, tmp_path):
    ca, path = _bank_p12(tmp_path, employee_no="E004")
    keys.trust_ca(people_store, pem=_ca_pem(ca), admin_no="E001", admin_password=PASSWORD)
    with pytest.raises(InputFileError, match="E004"):
        _import(path, store=people_store)


def test_trusting_a_ca_is_an_administrators_audited_action(
    people_store, tmp_path, capsys, monkeypatch
):
    ca, _ = _bank_p12(tmp_path)
    (tmp_path / "ca.pem").write_text(_ca_pem(ca), encoding="ascii")
    argv = ["keys", "trust", "add", str(tmp_path / "ca.pem"), "--password-env", "PW"]
    monkeypatch.setenv("PW", PASSWORD)
    assert main([*argv, "--as", "E004"]) == 3  # a teller
    assert main([*argv, "--as", "E001"]) == 0
    assert "SHA-256 " + pki.fingerprint(ca[1]) in capsys.readouterr().out
    assert main([*argv, "--as", "E001"]) == 2  # already trusted
    assert main(["keys", "trust", "list"]) == 0
    assert pki.fingerprint(ca[1]) in capsys.readouterr().out
    with people_store.session() as s:
        entries = [
            (e.actor, e.detail["fingerprint"])
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "ca.trust"))
        ]
    assert entries == [("E001", pki.fingerprint(ca[1]))]


def test_import_bank_p12_and_seal_with_it_and_earlier_keys_stay_valid(
    people_store, tmp_path, capsys, monkeypatch, signed_answers_file, signed_inspect_argv
):
    ca, p12 = _bank_p12(tmp_path)
    (tmp_path / "ca.pem").write_text(_ca_pem(ca), encoding="ascii")
    for var, value in {"P12PW": "wrong", "E001PW": PASSWORD, "E002PW": PASSWORD}.items():
        monkeypatch.setenv(var, value)
    argv = [
        *("keys", "import", str(p12), "--as", "E001", "--key-password-env", "P12PW"),
        *("--password-env", "E001PW", "--admin", "E002", "--admin-password-env", "E002PW"),
    ]
    assert main(argv) == 3  # wrong PKCS#12 password
    monkeypatch.setenv("P12PW", "bank-pw")
    assert main(argv) == 2  # its CA is not trusted yet: an administrator decides that
    assert (
        main(
            [
                "keys",
                "trust",
                "add",
                str(tmp_path / "ca.pem"),
                "--as",
                "E001",
                "--password-env",
                "E001PW",
            ]
        )
        == 0
    )
    assert main(argv) == 0
    assert keys.has_credential(people_store, "E001")
    with pytest.raises(KeyPasswordError):
        keys.load_credential(people_store, "E001", "nope")
    path = signed_answers_file(tmp_path)
    capsys.readouterr()
    assert main(signed_inspect_argv(path, "P12PW")) == 0
    rid = json.loads(capsys.readouterr().out)["record_id"]
    assert main(["export", rid, "--out", str(tmp_path / "out")]) == 0
    files = capsys.readouterr().out.split()
    assert main(["verify", *files]) == 0
    # E001 gets a new key: the record sealed with the earlier one still verifies
    _, newer = _bank_p12(tmp_path, ca=ca)
    _import(newer, store=people_store)
    assert keys.load_credential(people_store, "E001", "bank-pw").fingerprint == pki.fingerprint(
        pki.load_p12(newer.read_bytes(), "bank-pw").cert
    )
    assert main(["verify", *files]) == 0


def test_changed_template_needs_a_new_version_and_old_records_keep_theirs(people_store, tmp_path):
    folder = tmp_path / "checklists"
    folder.mkdir()
    path = folder / "vault_check.yaml"
    shutil.copy(checklists_dir() / "vault_check.yaml", path)
    old = inspections.start(
        people_store,
        checklist=load_file(path),
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"]},
    )
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    content["sections"][0]["items"][1]["text"]["zh"] = "无白条抵库（新措辞）"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TemplateError, match="already in use with different content"):
        inspections.start(
            people_store,
            checklist=load_file(path),
            inspector="E001",
            people={"vault_keeper": ["E003"], "tellers": ["E004"]},
        )
    content["version"] += 1
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    new = inspections.start(
        people_store,
        checklist=load_file(path),
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"]},
    )
    assert (
        inspections.load(people_store, new).template.item("no_iou").text.zh
        == "无白条抵库（新措辞）"
    )
    assert (
        inspections.load(people_store, old)
        .template.item("no_iou")
        .text.zh.startswith("无白条抵库、")
    )
    assert inspections.load(people_store, old).template.version == content["version"] - 1


CA_PW = "ca-password-1"


def _audit(store, action):
    with store.session() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        return [(e.actor, e.subject, e.detail) for e in rows]


def test_an_administrator_creates_the_branch_ca_once(people_store):
    with pytest.raises(AuthError, match="E004"):
        keys.create_ca(people_store, ca_password=CA_PW, admin_no="E004", admin_password=PASSWORD)
    with pytest.raises(AuthError):
        keys.create_ca(people_store, ca_password=CA_PW, admin_no="E001", admin_password="guess")
    with pytest.raises(KeyPasswordError, match="8"):
        keys.create_ca(people_store, ca_password="short", admin_no="E001", admin_password=PASSWORD)
    assert keys.trusted_cas(people_store) == []
    fp = keys.create_ca(people_store, ca_password=CA_PW, admin_no="E002", admin_password=PASSWORD)
    assert [(c.fingerprint, c.own_branch_ca) for c in keys.trusted_cas(people_store)] == [
        (fp, True)
    ]
    assert _audit(people_store, "ca.create") == [("E002", fp[:16], {"demo": False})]
    with pytest.raises(InputFileError, match="already has a CA"):
        keys.create_ca(people_store, ca_password=CA_PW, admin_no="E001", admin_password=PASSWORD)


def _issue(store, no="E004", *, admin="E001", ca_pw=CA_PW, person_password=None):
    return keys.issue_key(
        store,
        employee_no=no,
        key_password="key-pw-01",
        ca_password=ca_pw,
        admin_no=admin,
        admin_password=PASSWORD,
        person_password=person_password,
    )


def test_an_administrator_issues_a_key_for_a_person_who_has_none(people_store):
    keys.create_branch_ca(people_store, ca_password=CA_PW)
    with pytest.raises(AuthError, match="E010"):
        _issue(people_store, admin="E010")  # a supervisor does not manage keys
    with pytest.raises(KeyPasswordError):
        _issue(people_store, ca_pw="wrong-ca-pw")
    assert not keys.has_credential(people_store, "E004")
    fp = _issue(people_store)
    assert keys.load_credential(people_store, "E004", "key-pw-01").fingerprint == fp
    [(actor, subject, detail)] = _audit(people_store, "key.issue")
    assert (actor, subject, detail["fingerprint"]) == ("E001", "E004", fp)


def test_renewing_a_key_needs_the_persons_own_password(people_store):
    keys.create_branch_ca(people_store, ca_password=CA_PW)
    first = _issue(people_store)
    with pytest.raises(AuthError, match="E004"):
        _issue(people_store)
    with pytest.raises(AuthError):
        _issue(people_store, person_password="guess")
    assert keys.load_credential(people_store, "E004", "key-pw-01").fingerprint == first
    second = _issue(people_store, person_password=PASSWORD)
    assert second != first
    assert keys.load_credential(people_store, "E004", "key-pw-01").fingerprint == second


def test_changing_a_key_password_asks_the_old_one(people_store):
    keys.create_branch_ca(people_store, ca_password=CA_PW)
    fp = _issue(people_store)

    def change(old, new):
        return keys.change_key_password(
            people_store, employee_no="E004", old_password=old, new_password=new
        )

    with pytest.raises(KeyPasswordError, match="old password"):
        change("wrong-old-pw", "new-key-pw-2")
    with pytest.raises(KeyPasswordError, match="8"):
        change("key-pw-01", "short")
    assert keys.load_credential(people_store, "E004", "key-pw-01").fingerprint == fp
    assert _audit(people_store, "key.password") == []
    assert change("key-pw-01", "new-key-pw-2") == fp
    assert keys.load_credential(people_store, "E004", "new-key-pw-2").fingerprint == fp
    with pytest.raises(KeyPasswordError):
        keys.load_credential(people_store, "E004", "key-pw-01")
    assert _audit(people_store, "key.password") == [("E004", "E004", {"fingerprint": fp})]
    with pytest.raises(NotFoundError):
        keys.change_key_password(
            people_store, employee_no="E005", old_password="x", new_password="new-key-pw-2"
        )


def test_a_file_too_large_for_a_key_is_refused_before_reading(people_store, tmp_path):
    big = tmp_path / "big.p12"
    with big.open("wb") as f:
        f.truncate(keys.MAX_P12_BYTES + 1)
    with pytest.raises(InputFileError, match="too large"):
        _import(big, store=people_store)
