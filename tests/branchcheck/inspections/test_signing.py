"""Sealing end to end: the demo's keys, a signed record, export, `branchcheck verify`, tampering."""

import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from branchcheck import demo, inspections
from branchcheck.cli import main
from branchcheck.db.models import AuditEntry
from branchcheck.errors import AnswerError, AuthError, KeyPasswordError, StateError
from branchcheck.inspections.signing import COPY_TOLERANCE, copies
from branchcheck.records import handwriting
from branchcheck.settings import Settings

from ...conftest import PASSWORD
from .test_inspections import fill, start


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


# ---------------------------------------------------------------- each signer is who they say


@pytest.fixture
def completed(people_store):
    """A completed vault check of people_store; E003 (the vault keeper) has her own password."""
    from branchcheck.db.models import Staff
    from branchcheck.people.signin import hash_password

    iid = start(people_store)
    fill(people_store, iid)
    inspections.complete(people_store, iid)
    with people_store.session() as s:
        s.scalars(
            select(Staff).where(Staff.employee_no == "E003")
        ).one().password_hash = hash_password("li-mei-own")
    return iid


def sign_e003(store, iid, password, strokes=None):
    inspections.sign(
        store,
        iid,
        party="vault_keeper",
        employee_no="E003",
        strokes=strokes or handwriting.demo_strokes("E003"),
        password=password,
    )


def signed(store, iid):
    return {p.person.employee_no for p in inspections.load(store, iid).parties if p.signed_at}


def actions(store, subject, like="%"):
    with store.session() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.subject == subject, AuditEntry.action.like(like))
                .order_by(AuditEntry.id)
            )
        )


def test_a_signature_needs_the_signers_own_password(people_store, completed):
    with pytest.raises(AuthError, match="E003 未签字 / E003 not signed: 工号或密码不正确"):
        sign_e003(people_store, completed, PASSWORD)  # the inspector's password, not hers
    with pytest.raises(AuthError, match="请 E003 输入本人密码确认签字"):
        sign_e003(people_store, completed, "")
    assert signed(people_store, completed) == set()
    assert "inspection.sign" not in actions(people_store, completed)
    assert actions(people_store, "E003", "user.%") == [
        "user.sign_in_failed"
    ]  # the empty one not tried
    sign_e003(people_store, completed, "li-mei-own")
    assert signed(people_store, completed) == {"E003"}
    assert actions(people_store, "E003", "user.%")[-1] == "user.sign_in"


def test_wrong_signer_passwords_count_toward_the_sign_in_lock(people_store, completed):
    from branchcheck.people.register import sign_in

    for _ in range(Settings().signin_max_failures):
        with pytest.raises(AuthError):
            sign_e003(people_store, completed, "guess")
    with pytest.raises(AuthError, match="已锁定"):
        sign_e003(people_store, completed, "li-mei-own")
    with pytest.raises(AuthError, match="已锁定"):
        sign_in(people_store, "E003", "li-mei-own")
    assert signed(people_store, completed) == set()


def test_a_person_without_a_password_cannot_confirm_a_signature(people_store, completed):
    from branchcheck.db.models import Staff

    with people_store.session() as s:
        s.scalars(select(Staff).where(Staff.employee_no == "E003")).one().password_hash = None
    with pytest.raises(AuthError, match="没有设置密码"):
        sign_e003(people_store, completed, "li-mei-own")
    assert actions(people_store, "E003", "user.%") == []


def test_another_persons_strokes_are_refused_even_moved_or_retraced(people_store, completed):
    mine = handwriting.demo_strokes("E001")
    inspections.sign(
        people_store,
        completed,
        party="inspector",
        employee_no="E001",
        strokes=mine,
        password=PASSWORD,
    )
    moved = [[[x + 30, y + 7 + (i % 3)] for i, (x, y) in enumerate(line)] for line in mine]
    for copy in (mine, moved):
        with pytest.raises(AnswerError, match="签名与 王建国（E001） 的签名相同"):
            sign_e003(people_store, completed, "li-mei-own", copy)
    assert signed(people_store, completed) == {"E001"}
    sign_e003(people_store, completed, "li-mei-own", handwriting.demo_strokes("E003"))
    assert signed(people_store, completed) == {"E001", "E003"}


def test_copies_compares_shape_within_the_tolerance():
    a = [[[10, 10], [50, 40], [90, 20]], [[20, 60], [80, 60]]]
    far = [[[10, 10], [50, 40], [90, 20 + COPY_TOLERANCE + 1]], [[20, 60], [80, 60]]]
    fewer = [[[10, 10], [50, 40]], [[20, 60], [80, 60]]]
    assert copies(a, [[[x + 100, y + 50] for x, y in line] for line in a])
    assert not copies(a, far)
    assert not copies(a, fewer)
    assert not copies(a, a[:1])


def test_the_same_person_may_sign_again(people_store, completed):
    strokes = handwriting.demo_strokes("E003")
    sign_e003(people_store, completed, "li-mei-own", strokes)
    sign_e003(people_store, completed, "li-mei-own", strokes)  # replaces her own signature
    assert signed(people_store, completed) == {"E003"}


# ---------------------------------------------------------------- a look before sealing


def pdf_text(data: bytes, tmp_path) -> str:
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "preview.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_preview_shows_the_record_as_sealing_would_and_stores_nothing(
    people_store, completed, tmp_path
):
    from branchcheck.db.models import SealedRecord

    sign_e003(people_store, completed, "li-mei-own")
    before = actions(people_store, completed)
    text = pdf_text(inspections.preview(people_store, completed), tmp_path)
    assert "预览 · 未封存" in text and "仅供预览" in text
    assert "王建国" in text and "李梅" in text and completed in text.replace("\n", "")
    english = pdf_text(inspections.preview(people_store, completed, lang="en"), tmp_path)
    assert "PREVIEW · NOT SEALED" in english
    assert inspections.load(people_store, completed).status == "completed"
    assert actions(people_store, completed) == before
    with people_store.session() as s:
        assert s.query(SealedRecord).count() == 0


def test_no_preview_of_an_inspection_not_completed(people_store):
    iid = start(people_store)
    with pytest.raises(StateError, match="preview"):
        inspections.preview(people_store, iid)
