"""PDF records: content, embedded record, signature and verification verdicts."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from branchcheck.records import render_pdf, sealing, verify_file, verify_files
from branchcheck.records.verify import verify_bytes_of


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _byte_range(data: bytes) -> list[int]:
    m = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert m, "no /ByteRange"
    return [int(x) for x in m.groups()]


def test_render_pdf_import_paths():
    from branchcheck.records.pdf import render_pdf as from_the_pdf_package

    assert from_the_pdf_package is render_pdf


def test_signed_pdf_verifies(tmp_path, signed_pdf, roots):
    r = verify_file(_write(tmp_path, "r.pdf", signed_pdf), roots)
    assert (r.kind, r.status) == ("pdf", "ok"), r.message
    assert r.record_id == "6f1c2a9e-4b7d-4c1e-9a55-0d3b8e1f2a77"
    assert r.signer and "E001" in r.signer


def test_embedded_record_is_the_canonical_record(signed_pdf, sealed):
    from pyhanko.pdf_utils.reader import PdfFileReader

    from branchcheck.records.verify import embedded_files as _embedded_files

    files = _embedded_files(PdfFileReader(io.BytesIO(signed_pdf)))
    d, s = sealed
    assert files["record.json"] == sealing.canonical_bytes(d)
    import json

    assert json.loads(files["seal.json"]) == s


def test_untrusted_ca(tmp_path, signed_pdf, other_pki):
    r = verify_file(_write(tmp_path, "r.pdf", signed_pdf), [other_pki.ca_cert])
    assert r.status == "untrusted", r.message


def test_unsigned(tmp_path, unsigned_pdf, roots):
    r = verify_file(_write(tmp_path, "u.pdf", unsigned_pdf), roots)
    assert r.status == "unsigned", r.message
    assert r.record_id == "6f1c2a9e-4b7d-4c1e-9a55-0d3b8e1f2a77"


@pytest.mark.parametrize("where", [0.02, 0.2, 0.5, 0.8, 0.98, "second"])
def test_byte_flip_in_signed_range_is_tampered(signed_pdf, roots, where):
    a, b, c, d = _byte_range(signed_pdf)
    pos = c + d // 2 if where == "second" else a + int(b * where)
    data = bytearray(signed_pdf)
    data[pos] ^= 0x01
    r = verify_bytes_of("flip.pdf", bytes(data), roots)
    assert r.status == "tampered", (pos, r.message)


def test_changed_text_is_tampered(signed_pdf, roots):
    # Change the record date inside the embedded record / info without breaking the syntax.
    assert signed_pdf.count(b"GZ0101") >= 1
    data = signed_pdf.replace(b"GZ0101", b"GZ0102", 1)
    r = verify_bytes_of("edit.pdf", data, roots)
    assert r.status == "tampered", r.message


def test_appended_bytes_not_ok(signed_pdf, roots):
    r = verify_bytes_of("append.pdf", signed_pdf + b"\n% appended\n", roots)
    assert r.status != "ok"


def test_incremental_update_is_tampered(signed_pdf, roots):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    info = w.trailer["/Info"].get_object()
    info[generic.NameObject("/Title")] = generic.TextStringObject("改过的标题")
    w.update_container(info)
    out = io.BytesIO()
    w.write(out)
    r = verify_bytes_of("incr.pdf", out.getvalue(), roots)
    assert r.status == "tampered", r.message


def test_changed_record_resigned_by_someone_else(sealed, roots, other_pki):
    d, s = sealed
    forged = copy.deepcopy(d)
    forged["findings"] = []
    # Original seal, new content, PDF signed with another key: the seal no longer matches.
    pdf = render_pdf(forged, s, other_pki.cred)
    assert verify_bytes_of("f.pdf", pdf, roots + [other_pki.ca_cert]).status == "tampered"
    # A complete forgery (own seal, own PDF signature) is only untrusted.
    pdf = render_pdf(forged, sealing.seal_document(forged, other_pki.cred), other_pki.cred)
    assert verify_bytes_of("f.pdf", pdf, roots).status == "untrusted"


def test_unreadable_files(tmp_path, roots):
    bad = _write(tmp_path, "bad.pdf", b"%PDF-1.7\nthis is not a pdf")
    txt = _write(tmp_path, "notes.txt", b"hello")
    results = verify_files([bad, txt, tmp_path / "missing.pdf"], roots)
    assert [r.status for r in results] == ["unreadable"] * 3
    assert all(r.message.startswith("unreadable") for r in results)


def test_english_rendering(sealed, cred, roots):
    d, s = sealed
    pdf = render_pdf(d, s, cred, lang="en")
    assert verify_bytes_of("en.pdf", pdf, roots).status == "ok"
    with pytest.raises(ValueError):
        render_pdf(d, s, None, lang="fr")


def _pdftotext(data: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    p = _write(tmp_path, "t.pdf", data)
    out = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def test_pdftotext_extracts_chinese(tmp_path, signed_pdf, sealed):
    text = _pdftotext(signed_pdf, tmp_path)
    flat = re.sub(r"\s+", "", text)
    for wanted in [
        "网点负责人查库记录",
        "赣州分行营业部",
        "库存现金按券别清点，与账面相符",
        "库房钥匙、密码分人保管，双人开库",
        "不合格",
        "屡查屡犯",
        "-¥100.00",
        "+¥50.00长款",
        "¥1,283,900.00",
        "=1+1<b>不是</b>&公式",
        "第1页共",
        "查库人",
        "电子签章",
        sealed[1]["sha256"],
    ]:
        assert wanted in flat, wanted


def test_long_record_pages_and_wrapping(tmp_path, rsample, cred):
    d = rsample.build_doc(n_items=60)
    d["sections"][0]["items"][0]["display"]["zh"] = "很长的说明" * 80
    d["sections"][0]["items"][0]["source"] = "x" * 120
    s = sealing.seal_document(d, cred)
    pdf = render_pdf(d, s, cred)
    text = _pdftotext(pdf, tmp_path)
    pages = re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)
    assert len(pages) >= 3
    total = pages[0][1]
    assert all(t == total for _, t in pages) and int(total) == len(pages)


def test_pdfsig_reports_valid_signature(tmp_path, signed_pdf):
    if not shutil.which("pdfsig"):
        pytest.skip("pdfsig (poppler-utils) not installed")
    p = _write(tmp_path, "s.pdf", signed_pdf)
    out = subprocess.run(["pdfsig", str(p)], capture_output=True).stdout.decode("utf-8")
    assert "Signature is Valid" in out
    assert "Total document signed" in out
    assert "E001" in out


ID = "360702198803151234"
FLAGS_TABLE = {
    "key": "account_review",
    "title": {"zh": "账户清单复核汇总", "en": "Account list review"},
    "columns": [
        {"key": "flag", "zh": "关注情形", "en": "Flag", "kind": "text"},
        {"key": "key", "zh": "代码", "en": "Code", "kind": "text"},
        {"key": "count", "zh": "账户数", "en": "Accounts", "kind": "count"},
    ],
    "rows": [["DOCS_EXPIRED", "DOCS_EXPIRED", 1]],
    "footer": [],
}


def test_pdf_masks_id_numbers_flag_codes_once_and_counts_add_up(tmp_path, doc, cred):
    doc["sections"][0]["items"][0]["note"] = f"押运员身份证 {ID}"
    doc["findings"][0]["title"]["zh"] = f"证件号码与登记不符（登记 {ID}）"
    doc["tables"].append(FLAGS_TABLE)
    pdf = render_pdf(doc, sealing.seal_document(doc, cred), cred)
    flat = re.sub(r"\s+", "", _pdftotext(pdf, tmp_path))
    assert ID not in flat and flat.count("360702********1234") == 2
    assert flat.count("DOCS_EXPIRED") == 1 and "证明文件已过期" in flat
    assert "检查项目12项：" in flat and "共12项" not in flat
    from pyhanko.pdf_utils.reader import PdfFileReader

    from branchcheck.records.verify import embedded_files as _embedded_files

    record = _embedded_files(PdfFileReader(io.BytesIO(pdf)))["record.json"]
    assert ID.encode() in record  # the sealed record keeps the full number


def test_the_inspector_is_named_in_the_checklists_own_word(tmp_path, sealed):
    """One vocabulary per checklist: a handover's 现场监督人 is not printed as 检查人."""
    d = copy.deepcopy(sealed[0])
    d["inspector"]["title"] = {"zh": "现场监督人", "en": "Supervising officer"}
    text = _pdftotext(render_pdf(d, sealed[1], None), tmp_path)
    header = text.split("检查项目")[0]
    assert "现场监督人" in header and "检查人" not in header
