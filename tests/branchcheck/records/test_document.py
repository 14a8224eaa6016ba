"""The record document, its PDF and its workbook say what the inspection was: 授权代查 with the
deputy's authorisation, 补录 with the late entry's reason, the real times of entry, start to end
and each signature, and the time claimed where it differs."""

import io
import json
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from branchcheck import inspections
from branchcheck.db.models import SealedRecord
from branchcheck.records import handwriting, keys

TZ = ZoneInfo("Asia/Shanghai")
ENTERED = datetime(2026, 12, 1, 15, 10, tzinfo=TZ)
AUTHORISATION = {
    "by": "E001",
    "reason": "休假",
    "reference": "授权书2026-031",
    "valid_from": "2026-11-30",
    "valid_to": "2026-12-04",
}


@pytest.fixture
def keyed_store(people_store):
    issued = datetime(2026, 1, 1, tzinfo=UTC)
    keys.create_branch_ca(people_store, ca_password="ca-pass", not_before=issued)
    for no in ("E001", "E002"):
        keys.issue_credential(
            people_store,
            employee_no=no,
            password="demo1234",
            ca_password="ca-pass",
            not_before=issued,
        )
    return people_store


def seal_file(store, path, inspector, **changes):
    data = json.loads(path.read_text(encoding="utf-8")) | changes
    signers = [inspector, "E003", "E004", "E005", "E006"]
    data["signatures"] = {no: handwriting.demo_strokes(no) for no in signers}
    ticks = iter(ENTERED + timedelta(seconds=37 * n) for n in range(100))
    summary = inspections.run_answers_file(
        store,
        "vault_check",
        data,
        inspector=inspector,
        sign_and_seal=True,
        key_password="demo1234",
        signer_passwords=dict.fromkeys(signers, "demo1234"),
        entry_clock=lambda: next(ticks),
    )
    with store.session() as s:
        row = s.get(SealedRecord, summary.record_id)
        return json.loads(row.document), row.pdf, row.xlsx


def pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", "", out.stdout.decode("utf-8"))


def summary_sheet(xlsx: bytes) -> str:
    ws = load_workbook(io.BytesIO(xlsx))["概要"]
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def item(doc, key):
    return next(i for s in doc["sections"] for i in s["items"] if i["key"] == key)


def test_a_deputy_s_record_says_授权代查_with_the_authorisation(
    keyed_store, answers_file, tmp_path
):
    path = answers_file(tmp_path, date="2026-12-01T14:30:00+08:00", late_reason="")
    doc, pdf, xlsx = seal_file(keyed_store, path, "E002", authorisation=AUTHORISATION)
    auth = doc["authorisation"]
    assert auth["by"] == {
        "employee_no": "E001",
        "name": "王建国",
        "role": {"zh": "网点负责人", "en": "Branch head"},
    }
    assert (auth["reason"], auth["reference"], auth["valid_from"], auth["valid_to"]) == (
        "休假",
        "授权书2026-031",
        "2026-11-30",
        "2026-12-04",
    )
    [notice] = [n for n in doc["notices"] if n["key"] == "authorisation"]
    assert notice["label"]["zh"] == "授权代查"
    # the in-person item reads as the deputy's check, never as the branch head's
    in_person = item(doc, "in_person")["text"]["zh"]
    assert in_person.startswith("授权代查") and "网点负责人本人" not in in_person
    for text in (pdf_text(pdf, tmp_path), summary_sheet(xlsx)):
        flat = re.sub(r"\s+", "", text)
        assert "授权代查" in flat and "授权书2026-031" in flat and "王建国（E001）" in flat
        assert "2026-11-30至2026-12-04" in flat


def test_the_branch_head_s_record_has_no_authorisation(keyed_store, answers_file, tmp_path):
    path = answers_file(tmp_path, date="2026-12-01T15:10:00+08:00", late_reason="")
    doc, _pdf, xlsx = seal_file(keyed_store, path, "E001")
    assert doc["authorisation"] is None and doc["late_entry"] is None and doc["notices"] == []
    assert item(doc, "in_person")["text"]["zh"] == "查库人本人亲自查库，未由他人代查"
    assert "授权代查" not in summary_sheet(xlsx)


def test_a_late_entry_is_marked_补录_with_real_times(keyed_store, answers_file, tmp_path):
    path = answers_file(tmp_path, date="2026-11-27T16:30:00+08:00", late_reason="系统故障补录")
    doc, pdf, xlsx = seal_file(keyed_store, path, "E001")
    assert doc["local_date"] == "2026-11-27"
    assert doc["held_at"] == "2026-11-27T16:30:00+08:00"
    assert doc["late_entry"] == {"reason": "系统故障补录", "entered_at": doc["started_at"]}
    assert doc["started_at"].startswith("2026-12-01T15:1")
    assert doc["completed_at"] > doc["started_at"]
    signed = [s["signed_at"] for s in doc["signatures"]]
    assert len(set(signed)) == len(signed) and min(signed) > doc["completed_at"]
    assert doc["held_at"] not in signed
    [notice] = doc["notices"]
    assert notice["label"]["zh"] == "补录" and "系统故障补录" in notice["text"]["zh"]
    pdf_flat = pdf_text(pdf, tmp_path)
    assert "补录" in pdf_flat and "2026-11-2716:30" in pdf_flat
    assert re.search(r"检查时间2026-12-0115:1\d:\d\d–15:", pdf_flat)  # entered later: with its date
    assert "16:30:00–16:30:00" not in pdf_flat
    assert "补录原因：系统故障补录" in summary_sheet(xlsx)


def test_a_time_given_earlier_the_same_day_shows_apart(keyed_store, answers_file, tmp_path):
    path = answers_file(tmp_path, date="2026-12-01T09:30:00+08:00", late_reason="")
    doc, pdf, _xlsx = seal_file(keyed_store, path, "E001")
    assert doc["late_entry"] is None
    [notice] = doc["notices"]
    assert notice["key"] == "held_at" and notice["text"]["zh"].startswith("2026-12-01 09:30")
    assert "填报检查时间" in pdf_text(pdf, tmp_path)
