"""Workbook records: content, formula safety, visible digest and verification verdicts."""

from __future__ import annotations

import base64
import io
import json
from decimal import Decimal

import openpyxl
import pytest

from branchcheck.money import yuan_to_fen
from branchcheck.records import render_xlsx, sealing, verify_file
from branchcheck.records.excel import (
    MANIFEST_FORMAT,
    MANIFEST_PART,
    SEAL_SHEET,
    canonical_package,
    package_digest,
    package_members,
    read_hidden,
    visible_digest,
)
from branchcheck.records.verify import verify_bytes_of


def _load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _save(wb: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_sheets_and_ok(tmp_path, signed_xlsx, roots):
    wb = _load(signed_xlsx)
    assert wb.sheetnames == [
        "概要",
        "检查项目",
        "库存现金清点表",
        "柜员尾箱核对表",
        "问题清单",
        "签名",
        "签章",
        SEAL_SHEET,
    ]
    assert wb[SEAL_SHEET].sheet_state == "veryHidden"
    assert len(wb["签名"]._images) == 2
    p = tmp_path / "r.xlsx"
    p.write_bytes(signed_xlsx)
    r = verify_file(p, roots)
    assert (r.kind, r.status) == ("xlsx", "ok"), r.message
    assert r.record_id == "6f1c2a9e-4b7d-4c1e-9a55-0d3b8e1f2a77"


def test_hidden_sheet_carries_record_seal_manifest(signed_xlsx, sealed, cred):
    d, s = sealed
    parts = read_hidden(_load(signed_xlsx))
    assert parts["record_json"].encode() == sealing.canonical_bytes(d)
    assert json.loads(parts["seal_json"]) == s
    assert parts["manifest_part"] == MANIFEST_PART and "manifest_json" not in parts
    members = package_members(signed_xlsx)
    assert members[-1][0] == MANIFEST_PART
    m = json.loads(members[-1][1])
    assert m["record_sha256"] == s["sha256"] and m["format"] == MANIFEST_FORMAT
    assert set(m) >= {
        "record_sha256",
        "package_sha256",
        "signature",
        "certificate_pem",
        "chain_pem",
    }
    assert m["package_sha256"] == package_digest(members[:-1])


def test_no_formula_anywhere(signed_xlsx):
    wb = _load(signed_xlsx)
    notes = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if cell.value in ("=1+1 <b>不是</b> & 公式", "@SUM(A1)", "-已查明：客户多付"):
                    notes[cell.value] = cell.data_type
    assert notes == {"=1+1 <b>不是</b> & 公式": "s", "@SUM(A1)": "s", "-已查明：客户多付": "s"}


def test_formula_like_notes_plain(doc, cred):
    doc["sections"][0]["items"][0]["note"] = "=1+1"
    doc["sections"][0]["items"][1]["note"] = "@SUM(A1)"
    doc["sections"][0]["items"][2]["note"] = "+cmd|' /C calc'!A0"
    data = render_xlsx(doc, sealing.seal_document(doc, cred), cred)
    ws = _load(data)["检查项目"]
    assert (ws["G2"].value, ws["G2"].data_type) == ("=1+1", "s")
    assert (ws["G3"].value, ws["G3"].data_type) == ("@SUM(A1)", "s")
    assert ws["G4"].data_type == "s"


def test_money_round_trips_exactly(signed_xlsx, sealed):
    d, _ = sealed
    ws = _load(signed_xlsx)["库存现金清点表"]
    table = d["tables"][0]
    for i, row in enumerate(table["rows"] + table["footer"]):
        cell = ws.cell(row=3 + i, column=7)
        assert "¥" in cell.number_format
        assert yuan_to_fen(Decimal(repr(cell.value))) == row[6]
    diff = _load(signed_xlsx)["柜员尾箱核对表"]["D4"]
    assert "长款" in diff.number_format and "短款" in diff.number_format
    assert yuan_to_fen(Decimal(repr(diff.value))) == 5000


def test_changed_cell_is_tampered(signed_xlsx, roots):
    wb = _load(signed_xlsx)
    wb["库存现金清点表"]["G3"] = 1283901
    r = verify_bytes_of("x.xlsx", _save(wb), roots)
    assert r.status == "tampered" and "manifest is gone" in r.message


def test_changed_number_format_is_tampered(signed_xlsx, roots):
    wb = _load(signed_xlsx)
    wb["库存现金清点表"]["G3"].number_format = "0"
    assert verify_bytes_of("x.xlsx", _save(wb), roots).status == "tampered"


@pytest.mark.parametrize(
    "edit",
    ["font", "fill", "hide_row", "hide_col", "new_sheet", "hide_sheet", "merge", "image"],
)
def test_other_visible_changes_are_tampered(signed_xlsx, roots, edit):
    from openpyxl.styles import Font, PatternFill

    wb = _load(signed_xlsx)
    ws = wb["检查项目"]
    if edit == "font":
        ws["E2"].font = Font(color="FFFFFFFF")
    elif edit == "fill":
        ws["E2"].fill = PatternFill("solid", fgColor="FF00FF00")
    elif edit == "hide_row":
        ws.row_dimensions[2].hidden = True
    elif edit == "hide_col":
        ws.column_dimensions["E"].hidden = True
    elif edit == "new_sheet":
        wb.create_sheet("说明")["A1"] = "x"
    elif edit == "hide_sheet":
        wb["问题清单"].sheet_state = "hidden"
    elif edit == "merge":
        ws.merge_cells("E2:F2")
    elif edit == "image":
        del wb["签名"]._images[0]
    assert verify_bytes_of("x.xlsx", _save(wb), roots).status == "tampered", edit


def test_resave_without_change_is_tampered(signed_xlsx, roots):
    # any changed byte fails: openpyxl's load + save rewrites every part and drops the manifest
    r = verify_bytes_of("x.xlsx", _save(_load(signed_xlsx)), roots)
    assert r.status == "tampered", r.message


def test_hidden_record_changed_is_tampered(signed_xlsx, roots):
    wb = _load(signed_xlsx)
    ws = wb[SEAL_SHEET]
    ws["B1"] = ws["B1"].value.replace("赣州分行营业部", "别的网点")
    assert verify_bytes_of("x.xlsx", _save(wb), roots).status == "tampered"


def test_manifest_signature_changed_is_tampered(signed_xlsx, roots):
    members = package_members(signed_xlsx)
    m = json.loads(members[-1][1])
    m["package_sha256"] = "0" * 64
    forged = canonical_package([*members[:-1], (MANIFEST_PART, json.dumps(m).encode())])
    r = verify_bytes_of("x.xlsx", forged, roots)
    assert r.status == "tampered" and "manifest's signature is not valid" in r.message


def test_no_seal_sheet_is_unsigned(signed_xlsx, roots):
    wb = _load(signed_xlsx)
    del wb[SEAL_SHEET]
    assert verify_bytes_of("x.xlsx", _save(wb), roots).status == "unsigned"


def test_without_credential_is_unsigned(sealed, roots):
    d, s = sealed
    assert verify_bytes_of("x.xlsx", render_xlsx(d, s, None), roots).status == "unsigned"


def test_untrusted(signed_xlsx, other_pki):
    r = verify_bytes_of("x.xlsx", signed_xlsx, [other_pki.ca_cert])
    assert r.status == "untrusted", r.message


def test_long_and_duplicate_table_titles(doc, cred, roots):
    long = "很长的附表标题：" + "现金" * 30
    for t in doc["tables"]:
        t["title"] = {"zh": long, "en": "x"}
    doc["tables"].append(dict(doc["tables"][0], title={"zh": "a/b:c*d?[e]", "en": "x"}))
    data = render_xlsx(doc, sealing.seal_document(doc, cred), cred)
    names = _load(data).sheetnames
    assert len(set(n.lower() for n in names)) == len(names)
    assert all(len(n) <= 31 for n in names)
    assert verify_bytes_of("x.xlsx", data, roots).status == "ok"


def test_workbook_masks_id_numbers_and_counts_every_state(doc, cred, roots):
    number = "360702198803151234"
    doc["sections"][0]["items"][0]["note"] = f"押运员身份证 {number}"
    data = render_xlsx(doc, sealing.seal_document(doc, cred), cred)
    wb = _load(data)
    seen = [
        str(c.value)
        for ws in wb.worksheets
        if ws.title != SEAL_SHEET
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    assert not any(number in v for v in seen)
    assert any("360702********1234" in v for v in seen)
    assert number in read_hidden(wb)["record_json"]
    labels = [c.value for c in wb["概要"]["A"]]
    assert "仅记录 Recorded only" in labels and "未答 Unanswered" in labels
    assert verify_bytes_of("x.xlsx", data, roots).status == "ok"


def test_every_sheet_prints_a4_fit_to_width_with_titles_header_and_footer(signed_xlsx, sealed):
    d, _ = sealed
    wb = _load(signed_xlsx)
    for ws in wb.worksheets:
        if ws.title == SEAL_SHEET:
            continue
        ps = ws.page_setup
        assert (str(ps.paperSize), ps.fitToWidth) == (ws.PAPERSIZE_A4, 1), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ps.orientation in ("portrait", "landscape"), ws.title
        assert "赣州分行营业部" in ws.oddHeader.left.text, ws.title
        assert d["record_id"] in ws.oddFooter.left.text, ws.title
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页", ws.title
    assert wb["检查项目"].print_title_rows == "$1:$1"
    assert wb["检查项目"].page_setup.orientation == "landscape"
    assert wb["库存现金清点表"].print_title_rows == "$1:$2"
    assert wb["签章"].page_setup.fitToHeight == 1  # label and value on one page


def test_row_heights_fit_wrapped_text(doc, cred):
    doc["sections"][0]["items"][0]["display"]["zh"] = "很长的说明" * 40
    ws = _load(render_xlsx(doc, sealing.seal_document(doc, cred), cred))["检查项目"]
    for row in ws.iter_rows(min_row=2):
        texts = [c for c in row if isinstance(c.value, str) and c.alignment.wrap_text]
        for c in texts:
            width = ws.column_dimensions[c.column_letter].width
            lines = -(-2 * len(c.value) // int(width))  # CJK characters are about two wide
            assert ws.row_dimensions[c.row].height >= lines * 10 * 1.3, (c.coordinate, c.value)


@pytest.mark.parametrize(
    "edit", ["orientation", "fit", "title_rows", "header", "footer", "margin", "scale"]
)
def test_changed_print_setup_is_tampered(signed_xlsx, roots, edit):
    wb = _load(signed_xlsx)
    ws = wb["检查项目"]
    if edit == "orientation":
        ws.page_setup.orientation = "portrait"
    elif edit == "fit":
        ws.page_setup.fitToWidth = 3
    elif edit == "title_rows":
        ws.print_title_rows = "1:3"
    elif edit == "header":
        ws.oddHeader.left.text = "别的网点"
    elif edit == "footer":
        ws.oddFooter.center.text = ""
    elif edit == "margin":
        ws.page_margins.left = 3
    elif edit == "scale":
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = 10
    assert verify_bytes_of("x.xlsx", _save(wb), roots).status == "tampered", edit


def test_workbooks_signed_before_print_setup_still_verify(sealed, cred, roots):
    from branchcheck.records import pki
    from branchcheck.records.excel import MANIFEST_FORMAT_1, load

    d, s = sealed
    wb = load(render_xlsx(d, s, None))
    record = read_hidden(wb)["record_json"]
    manifest = {
        "format": MANIFEST_FORMAT_1,
        "record_sha256": sealing.sha256_hex(record.encode()),
        "visible_sha256": visible_digest(wb, print_setup=False),
        "algorithm": cred.algorithm,
        "signed_at": "2026-11-20T02:10:00+00:00",
        "certificate_pem": pki.cert_to_pem(cred.cert),
        "chain_pem": [pki.cert_to_pem(c) for c in cred.chain],
    }
    manifest["signature"] = base64.b64encode(
        pki.sign_bytes(cred, sealing.canonical_bytes(manifest))
    ).decode()
    ws = wb[SEAL_SHEET]
    ws.cell(row=3, column=1).value = "manifest_json"
    ws.cell(row=3, column=2).value = json.dumps(manifest, ensure_ascii=False)
    old = _save(wb)
    assert verify_bytes_of("old.xlsx", old, roots).status == "ok"
    wb = _load(old)
    wb["检查项目"].page_setup.orientation = "portrait"  # not signed in format 1: still ok
    assert verify_bytes_of("old.xlsx", _save(wb), roots).status == "ok"


def test_the_inspector_is_named_in_the_checklists_own_word(sealed):
    """One vocabulary per checklist: the summary sheet uses the template's word for the inspector."""
    d = json.loads(json.dumps(sealed[0]))
    d["inspector"]["title"] = {"zh": "现场监督人", "en": "Supervising officer"}
    ws = _load(render_xlsx(d, sealed[1], None))["概要"]
    labels = [row[0] for row in ws.iter_rows(values_only=True)]
    assert "现场监督人 Supervising officer" in labels and "检查人 Inspector" not in labels


def test_seal_sheet_read_from_members_as_openpyxl_reads_it(signed_xlsx):
    from pathlib import Path

    from branchcheck.records.excel.hidden import read_hidden_members

    kept = Path(__file__).resolve().parent / "verify" / "data"
    workbooks = [signed_xlsx] + [p.read_bytes() for p in sorted(kept.glob("*.xlsx"))]
    for data in workbooks:
        fast = read_hidden_members(dict(package_members(data)))
        assert fast == read_hidden(_load(data))
        assert fast is not None and set(fast) == {"record_json", "seal_json", "manifest_part"}


def test_seal_sheet_written_otherwise_is_left_to_openpyxl(signed_xlsx):
    from branchcheck.records.excel.hidden import read_hidden_members

    members = dict(package_members(signed_xlsx))
    seal = next(
        n for n, b in members.items() if n.startswith("xl/worksheets/") and b"record_json" in b
    )
    shared = dict(members, **{seal: members[seal].replace(b'"inlineStr"', b'"s"', 1)})
    assert read_hidden_members(shared) is None  # a shared string: openpyxl reads it
    rich = members[seal].replace(b"<is><t>record_json</t>", b"<is><r><t>record_json</t></r>", 1)
    assert read_hidden_members(dict(members, **{seal: rich})) is None
    assert read_hidden_members(dict(members, **{"xl/_rels/workbook.xml.rels": b"<x/>"})) is None
    del members["xl/workbook.xml"]
    with pytest.raises(KeyError):
        read_hidden_members(members)
