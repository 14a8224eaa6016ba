"""`branchcheck sign` passes the signer's own password to the core; `attach`, `attachments` and
`detach` put files on an item of an open record, as its inspector only."""

import io
import json

from PIL import Image

from branchcheck import inspections
from branchcheck.cli import main

from ..inspections.test_inspections import fill

PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004", "E005", "E006"]}
ME = ["--as", "E001", "--password-env", "SIGNIN_PW"]


def test_attach_list_and_detach(people_store, tmp_path, capsys):
    iid = inspections.start(people_store, checklist="vault_check", inspector="E001", people=PEOPLE)
    photo = tmp_path / "钥匙.jpg"
    buf = io.BytesIO()
    Image.new("RGB", (40, 30)).save(buf, "JPEG")
    photo.write_bytes(buf.getvalue())
    assert main(["attach", iid, "keys_codes", str(photo), *ME]) == 0
    [added] = json.loads(capsys.readouterr().out)
    assert added["filename"] == "钥匙.jpg" and added["item_key"] == "keys_codes"
    assert main(["attach", iid, "keys_codes", str(photo), "--as", "E003"]) != 0  # not the inspector
    text = tmp_path / "x.jpg"
    text.write_text("no photo", encoding="utf-8")
    assert main(["attach", iid, "keys_codes", str(text), *ME]) == 2
    assert "不是照片" in capsys.readouterr().err
    assert main(["attachments", iid]) == 0
    assert [f["sha256"] for f in json.loads(capsys.readouterr().out)] == [added["sha256"]]
    assert main(["detach", iid, str(added["id"]), *ME]) == 0
    capsys.readouterr()
    assert main(["attachments", iid]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_sign_checks_the_signers_own_password(people_store, tmp_path, capsys, monkeypatch):
    iid = inspections.start(people_store, checklist="vault_check", inspector="E001", people=PEOPLE)
    fill(people_store, iid)
    inspections.complete(people_store, iid)
    strokes = tmp_path / "s.json"
    strokes.write_text("[[[10, 10], [200, 120], [400, 60]]]", encoding="utf-8")
    monkeypatch.setenv("WRONG", "not-hers")
    argv = ["sign", iid, "--party", "vault_keeper", "--strokes", str(strokes)]
    assert main([*argv, "--as", "E003", "--password-env", "WRONG"]) == 3
    assert "E003 未签字" in capsys.readouterr().err
    assert main([*argv, "--as", "E003", "--password-env", "SIGNIN_PW"]) == 0
    signed = [
        p.person.employee_no for p in inspections.load(people_store, iid).parties if p.signed_at
    ]
    assert signed == ["E003"]
