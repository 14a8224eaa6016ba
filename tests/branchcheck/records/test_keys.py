"""Importing a bank-issued PKCS#12, and templates that keep their exact version in old records."""

import json
import shutil

import pytest
import yaml

from branchcheck import inspections
from branchcheck.cli import main
from branchcheck.engine.validate import load_file
from branchcheck.errors import KeyPasswordError, TemplateError
from branchcheck.paths import checklists_dir
from branchcheck.records import keys, pki


def test_import_bank_p12_and_seal_with_it(
    people_store, tmp_path, capsys, monkeypatch, signed_answers_file, signed_inspect_argv
):
    ca_key, ca = pki.create_ca("某银行 CA", "某银行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca, name="王建国", employee_no="E001", organization="某银行"
    )
    p12 = tmp_path / "e001.p12"
    p12.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca]), "bank-pw"))
    monkeypatch.setenv("P12PW", "wrong")
    assert main(["keys", "import", str(p12), "--as", "E001", "--key-password-env", "P12PW"]) == 3
    monkeypatch.setenv("P12PW", "bank-pw")
    assert main(["keys", "import", str(p12), "--as", "E001", "--key-password-env", "P12PW"]) == 0
    assert keys.has_credential(people_store, "E001")
    with pytest.raises(KeyPasswordError):
        keys.load_credential(people_store, "E001", "nope")
    # the imported key's CA is trusted: a record sealed with it verifies
    path = signed_answers_file(tmp_path)
    capsys.readouterr()
    assert main(signed_inspect_argv(path, "P12PW")) == 0
    rid = json.loads(capsys.readouterr().out)["record_id"]
    assert main(["export", rid, "--out", str(tmp_path / "out")]) == 0
    files = capsys.readouterr().out.split()
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
