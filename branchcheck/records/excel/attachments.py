"""The 附件 sheet of a record's workbook: every file attached to an item, with its name, type,
size, SHA-256 (the hash the seal covers), who added it and when. Only a record with files has
the sheet, so every other record's workbook is laid out as before."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from branchcheck.i18n import pick
from branchcheck.records.excel.printing import Layout, fit_row_heights, setup_print
from branchcheck.records.excel.sheets import _CENTER, COUNT_FORMAT, _header, _widths, put
from branchcheck.records.labels import format_time

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook as WorkbookT

SHEET = "附件"
LABELS = [
    "序号",
    "项目键",
    "检查项目",
    "文件名",
    "类型",
    "大小（字节）",
    "SHA-256",
    "添加人",
    "添加时间",
]


def evidence_rows(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(item number, item, file) of every file attached to the record's items, in order."""
    return [
        (f"{si + 1}.{ii + 1}", item, f)
        for si, section in enumerate(doc.get("sections") or [])
        for ii, item in enumerate(section.get("items") or [])
        for f in (item.get("evidence") if isinstance(item.get("evidence"), list) else [])
        if isinstance(f, dict)
    ]


def add_evidence_sheet(wb: WorkbookT, doc: dict[str, Any]) -> None:
    """Put the 附件 sheet before 签名 when the record has files on its items."""
    rows = evidence_rows(doc)
    if not rows:
        return
    names = wb.sheetnames
    ws = wb.create_sheet(SHEET, names.index("签名") if "签名" in names else None)
    _widths(ws, [7, 16, 34, 28, 14, 12, 66, 14, 17])
    _header(ws, 1, LABELS)
    ws.freeze_panes = "A2"
    for r, (number, item, f) in enumerate(rows, start=2):
        by, size = f.get("added_by") or {}, f.get("size")
        put(ws, r, 1, number, align=_CENTER)
        put(ws, r, 2, item.get("key", ""))
        put(ws, r, 3, pick(item.get("text"), "zh"))
        put(ws, r, 4, f.get("filename", ""))
        put(ws, r, 5, f.get("media_type", ""))
        put(ws, r, 6, size if isinstance(size, int) else "", fmt=COUNT_FORMAT)
        put(ws, r, 7, f.get("sha256", ""))
        put(ws, r, 8, f"{by.get('name', '')}（{by.get('employee_no', '')}）")
        put(ws, r, 9, format_time(f.get("added_at")))
    fit_row_heights(ws)
    setup_print(ws, doc, Layout(title_rows="1:1", landscape=True))
