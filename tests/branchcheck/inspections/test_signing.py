"""Sealing end to end: the demo's keys, a signed record, export, `branchcheck verify`, tampering."""

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from branchcheck import demo, inspections
from branchcheck.cli import main
from branchcheck.errors import KeyPasswordError, StateError


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    import os

    from branchcheck.db import open_store

    home = tmp_path_factory.mktemp("demo")
    old = os.environ.get("BRANCHCHECK_HOME")
    os.environ["BRANCHCHECK_HOME"] = str(home)
    store = open_store()
    demo.setup_demo(store, weeks=2)
    store.dispose()
    if old is None:
        del os.environ["BRANCHCHECK_HOME"]
    else:
        os.environ["BRANCHCHECK_HOME"] = old
    return home


@pytest.fixture
def demo_store(demo_home, monkeypatch):
    from branchcheck.db import open_store

    monkeypatch.setenv("BRANCHCHECK_HOME", str(demo_home))
    store = open_store()
    yield store
    store.dispose()


def sealed_vault_record(store):
    return next(
        r
        for r in inspections.list_records(store)
        if r.checklist == "vault_check" and r.status == "sealed"
    )


def test_demo_has_sealed_records_and_export_verifies(demo_store, tmp_path, capsys):
    rec = sealed_vault_record(demo_store)
    assert main(["export", rec.id, "--out", str(tmp_path)]) == 0
    pdf, xlsx = capsys.readouterr().out.split()
    assert main(["verify", pdf, xlsx]) == 0
    out = capsys.readouterr().out
    assert out.count("OK") == 2


def test_one_changed_cell_or_byte_fails_verify(demo_store, tmp_path, capsys):
    import openpyxl

    rec = sealed_vault_record(demo_store)
    main(["export", rec.id, "--out", str(tmp_path)])
    pdf, xlsx = capsys.readouterr().out.split()
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["检查项目"]
    cell = next(c for row in ws.iter_rows(min_row=2) for c in row if c.value == "合格")
    cell.value = "不合格"
    wb.save(xlsx)
    data = bytearray(open(pdf, "rb").read())
    data[len(data) // 3] ^= 0x01
    open(pdf, "wb").write(bytes(data))
    assert main(["verify", pdf, xlsx, "--json"]) == 6
    results = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in results] == ["tampered", "tampered"]


def test_untrusted_without_the_branch_ca(demo_store, tmp_path, capsys):
    rec = sealed_vault_record(demo_store)
    main(["export", rec.id, "--out", str(tmp_path)])
    pdf, xlsx = capsys.readouterr().out.split()
    assert main(["verify", pdf, xlsx, "--no-local-trust", "--json"]) == 6
    assert {r["status"] for r in json.loads(capsys.readouterr().out)} == {"untrusted"}
    ca = tmp_path / "ca.pem"
    assert main(["keys", "export-ca", "--out", str(ca)]) == 0
    capsys.readouterr()
    assert main(["verify", pdf, xlsx, "--no-local-trust", "--trust", str(ca)]) == 0


def test_a_sealed_record_never_changes_and_a_correction_points_to_it(demo_store):
    rec = sealed_vault_record(demo_store)
    with pytest.raises(StateError, match="sealed record never changes"):
        inspections.answer(demo_store, rec.id, "no_iou", "no")
    with pytest.raises(DatabaseError, match="never changes"), demo_store.session() as s:
        s.execute(text("UPDATE sealed_record SET sha256='x' WHERE id=:i"), {"i": rec.id})
    new = inspections.correct(demo_store, rec.id, actor="E001")
    state = inspections.load(demo_store, new)
    assert state.supersedes == rec.id and state.version == 2 and state.status == "in_progress"
    assert state.answers == inspections.load(demo_store, rec.id).answers
    inspections.discard(demo_store, new, actor="E001")


def test_wrong_key_password_seals_nothing(
    demo_store, tmp_path, capsys, monkeypatch, signed_answers_file, signed_inspect_argv
):
    before = len(inspections.list_records(demo_store))
    path = signed_answers_file(tmp_path)
    monkeypatch.setenv("PW", "wrong")
    assert main(signed_inspect_argv(path, "PW")) == 3
    assert "wrong password" in capsys.readouterr().err
    assert len(inspections.list_records(demo_store)) == before
    monkeypatch.setenv("PW", "demo1234")
    assert main(signed_inspect_argv(path, "PW")) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "sealed"
    with pytest.raises(KeyPasswordError):
        from branchcheck.records import keys

        keys.load_credential(demo_store, "E001", "nope")
