"""Evidence on items: photos and files on an item, by the record's inspector only, while the
record is open; listed in the sealed record with their hashes, thumbnails on the PDF, a 附件
sheet in the workbook; verify still passes, and a sealed record's evidence never changes."""

import hashlib
import io
import json
from datetime import UTC, datetime

import pytest
from PIL import Image
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from branchcheck import inspections
from branchcheck.db.models import AuditEntry, SealedRecord
from branchcheck.errors import AuthError, InputFileError, NotFoundError, StateError
from branchcheck.inspections import evidence
from branchcheck.records import handwriting, keys, verify_files

from ...conftest import PASSWORD
from .test_inspections import fill, start


def photo(tmp_path, name="柜台.jpg", size=(1200, 800), fmt="JPEG"):
    path = tmp_path / name
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buf, fmt)
    path.write_bytes(buf.getvalue())
    return path


def scan(tmp_path):
    path = tmp_path / "登记簿.pdf"
    path.write_bytes(b"%PDF-1.4\n% a scanned register\n%%EOF\n")
    return path


def test_the_inspector_attaches_files_to_an_item(people_store, tmp_path):
    iid = start(people_store)
    jpg = photo(tmp_path)
    view = evidence.add_item_evidence(people_store, iid, "registers", path=jpg, actor="E001")
    assert view.filename == "柜台.jpg" and view.media_type == "image/jpeg"
    assert view.sha256 == hashlib.sha256(jpg.read_bytes()).hexdigest()
    assert view.size == jpg.stat().st_size and view.added_by.employee_no == "E001"
    evidence.add_item_evidence(people_store, iid, "registers", path=scan(tmp_path), actor="E001")
    listed = evidence.item_evidence(people_store, iid)
    assert [(e.item_key, e.filename) for e in listed] == [
        ("registers", "柜台.jpg"),
        ("registers", "登记簿.pdf"),
    ]
    assert evidence.item_evidence_bytes(people_store, iid, view.id) == (
        "柜台.jpg",
        jpg.read_bytes(),
    )
    with people_store.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "inspection.evidence_add")
        ).first()
        assert entry.detail["sha256"] == view.sha256 and entry.subject == iid
    evidence.remove_item_evidence(people_store, iid, view.id, actor="E001")
    assert [e.filename for e in evidence.item_evidence(people_store, iid)] == ["登记簿.pdf"]


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "是空文件"),
        (b"just some text", "不是照片、扫描件或 PDF"),
        (b"MZ\x90\x00 an executable", "不是照片、扫描件或 PDF"),
    ],
)
def test_a_file_that_is_not_evidence_changes_nothing(people_store, tmp_path, content, message):
    iid = start(people_store)
    path = tmp_path / "photo.jpg"  # the name says photo; the content decides
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message):
        evidence.add_item_evidence(people_store, iid, "registers", path=path, actor="E001")
    assert evidence.item_evidence(people_store, iid) == []


def test_too_large_or_missing_files_are_refused(people_store, tmp_path, monkeypatch):
    iid = start(people_store)
    monkeypatch.setattr(evidence, "MAX_BYTES", 1000)
    with pytest.raises(InputFileError, match="超过上限"):
        evidence.add_item_evidence(
            people_store, iid, "registers", path=photo(tmp_path), actor="E001"
        )
    with pytest.raises(InputFileError, match="无法读取附件"):
        evidence.add_item_evidence(
            people_store, iid, "registers", path=tmp_path / "gone.jpg", actor="E001"
        )
    assert evidence.item_evidence(people_store, iid) == []


def test_only_the_records_inspector_on_an_item_of_the_record(people_store, tmp_path):
    iid = start(people_store)
    jpg = photo(tmp_path)
    with pytest.raises(AuthError, match="本记录的检查人"):
        evidence.add_item_evidence(people_store, iid, "registers", path=jpg, actor="E003")
    with pytest.raises(NotFoundError):
        evidence.add_item_evidence(people_store, iid, "no_such_item", path=jpg, actor="E001")
    view = evidence.add_item_evidence(people_store, iid, "registers", path=jpg, actor="E001")
    with pytest.raises(AuthError):
        evidence.remove_item_evidence(people_store, iid, view.id, actor="E003")
    with pytest.raises(NotFoundError, match="没有附件"):
        evidence.remove_item_evidence(people_store, iid, view.id + 99, actor="E001")
    assert len(evidence.item_evidence(people_store, iid)) == 1


@pytest.fixture
def keyed(people_store):
    issued = datetime(2026, 1, 1, tzinfo=UTC)
    keys.create_branch_ca(people_store, ca_password="ca-pass", not_before=issued)
    keys.issue_credential(
        people_store,
        employee_no="E001",
        password=PASSWORD,
        ca_password="ca-pass",
        not_before=issued,
    )
    return people_store


def sealed_with_evidence(store, tmp_path):
    iid = start(store)
    fill(store, iid)
    evidence.add_item_evidence(store, iid, "registers", path=photo(tmp_path), actor="E001")
    evidence.add_item_evidence(store, iid, "registers", path=scan(tmp_path), actor="E001")
    png = photo(tmp_path, "钥匙.png", (300, 900), "PNG")
    evidence.add_item_evidence(store, iid, "keys_codes", path=png, actor="E001")
    inspections.complete(store, iid)
    for party in inspections.load(store, iid).parties:
        inspections.sign(
            store,
            iid,
            party=party.party,
            employee_no=party.person.employee_no,
            strokes=handwriting.demo_strokes(party.person.employee_no),
            password=PASSWORD,
        )
    inspections.seal(store, iid, key_password=PASSWORD)
    return iid


def test_the_seal_covers_each_files_hash_and_verify_passes(keyed, tmp_path):
    iid = sealed_with_evidence(keyed, tmp_path)
    with keyed.session() as s:
        doc = json.loads(s.get(SealedRecord, iid).document)
    items = {i["key"]: i for sec in doc["sections"] for i in sec["items"]}
    files = items["registers"]["evidence"]
    assert [f["filename"] for f in files] == ["柜台.jpg", "登记簿.pdf"]
    assert files[0]["sha256"] == hashlib.sha256((tmp_path / "柜台.jpg").read_bytes()).hexdigest()
    assert files[0]["thumbnail_b64"] and "thumbnail_b64" not in files[1]
    assert items["keys_codes"]["evidence"][0]["media_type"] == "image/png"
    assert "evidence" not in items["no_iou"]  # items without files read as before
    paths = inspections.export(keyed, iid, tmp_path / "out")
    results = verify_files([str(p) for p in paths], keys.trust_roots(keyed))
    assert [r.status for r in results] == ["ok", "ok"], [r.message for r in results]


def test_a_sealed_records_evidence_never_changes(keyed, tmp_path):
    iid = sealed_with_evidence(keyed, tmp_path)
    [first, *_] = evidence.item_evidence(keyed, iid)
    with pytest.raises(StateError, match="sealed record never changes"):
        evidence.add_item_evidence(keyed, iid, "registers", path=photo(tmp_path), actor="E001")
    with pytest.raises(StateError, match="sealed record never changes"):
        evidence.remove_item_evidence(keyed, iid, first.id, actor="E001")
    with pytest.raises(DatabaseError, match="never changes"), keyed.session() as s:
        s.execute(text("DELETE FROM item_evidence WHERE id = :i"), {"i": first.id})
    assert len(evidence.item_evidence(keyed, iid)) == 3
