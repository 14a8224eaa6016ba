"""An item's files on the record's PDF (records/pdf/attachments.py) and workbook
(records/excel/attachments.py): listed with name, size and SHA-256, thumbnails drawn from the
record itself; a record without files is laid out as before."""

import base64
import copy
import io

from openpyxl import load_workbook
from PIL import Image

from branchcheck.records import render_xlsx
from branchcheck.records.document import THUMBNAIL_PX, thumbnail
from branchcheck.records.excel.attachments import evidence_rows
from branchcheck.records.pdf.attachments import evidence_table, thumbnail_jpeg
from branchcheck.records.pdf.layout import layout
from branchcheck.records.pdf.page import Styles, register_font

SHA = "ab" * 32


def jpeg(size=(1600, 900)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buf, "JPEG")
    return buf.getvalue()


def files(thumb: str | None) -> list[dict]:
    return [
        {
            "filename": "柜台.jpg",
            "media_type": "image/jpeg",
            "size": 2048,
            "sha256": SHA,
            "added_by": {"employee_no": "E001", "name": "王建国"},
            "added_at": "2026-11-20T10:05:00+08:00",
            "thumbnail_b64": thumb,
        },
        {
            "filename": "登记簿.pdf",
            "media_type": "application/pdf",
            "size": 300,
            "sha256": "cd" * 32,
            "added_by": {"employee_no": "E001", "name": "王建国"},
            "added_at": "2026-11-20T10:06:00+08:00",
        },
    ]


def with_files(rsample, thumb):
    doc = copy.deepcopy(rsample.build_doc())
    item = doc["sections"][0]["items"][0]
    item["evidence"] = files(thumb)
    return doc, item


def test_a_thumbnail_is_a_small_jpeg_and_junk_gives_none():
    small = base64.b64decode(thumbnail(jpeg()))
    with Image.open(io.BytesIO(small)) as img:
        assert img.format == "JPEG" and max(img.size) == THUMBNAIL_PX
    assert thumbnail(b"\xff\xd8\xff not really a jpeg") is None
    assert thumbnail_jpeg(base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()) is None
    assert thumbnail_jpeg("not base64!") is None and thumbnail_jpeg(None) is None


def test_the_table_lists_each_file_with_its_thumbnail_and_hash():
    register_font()
    table = evidence_table(files(thumbnail(jpeg())), 160, "zh", Styles())
    rows = table._cellvalues
    assert len(rows) == 2
    assert rows[0][0].drawWidth > rows[0][0].drawHeight  # a landscape photo stays landscape
    assert rows[1][0] == ""  # a PDF has no thumbnail
    texts = [[p.text for p in cell] for _, cell in rows]
    assert "附件 1：柜台.jpg（2.0 KB，王建国" in texts[0][0] and SHA in texts[0][1]
    assert "附件 2：登记簿.pdf（300 B" in texts[1][0]


def test_files_change_the_pages_and_a_record_without_them_lays_out_as_before(rsample):
    plain = rsample.build_doc()
    seal = {"sha256": "0" * 64, "signer": {"employee_no": "E001", "name": "王建国"}}
    before = layout(plain, seal, "zh", signed=True)
    doc, item = with_files(rsample, thumbnail(jpeg()))
    assert layout(doc, seal, "zh", signed=True) != before
    del item["evidence"]
    assert layout(doc, seal, "zh", signed=True) == before


def test_the_workbook_has_a_sheet_of_the_files_only_when_there_are_some(rsample):
    doc, item = with_files(rsample, None)
    assert [(n, f["filename"]) for n, _, f in evidence_rows(doc)] == [
        ("1.1", "柜台.jpg"),
        ("1.1", "登记簿.pdf"),
    ]
    seal = {"sha256": "0" * 64, "signer": {"employee_no": "E001", "name": "王建国"}}
    wb = load_workbook(io.BytesIO(render_xlsx(doc, seal, None)))
    names = wb.sheetnames
    assert names.index("附件") == names.index("签名") - 1
    ws = wb["附件"]
    assert ws["D2"].value == "柜台.jpg" and ws["F2"].value == 2048 and ws["G2"].value == SHA
    assert ws["C2"].value == item["text"]["zh"] and ws["H3"].value == "王建国（E001）"
    del item["evidence"]
    assert "附件" not in load_workbook(io.BytesIO(render_xlsx(doc, seal, None))).sheetnames
