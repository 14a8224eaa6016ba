"""The findings register as a workbook: one sheet, A4 landscape, one page wide, the heading row
repeated on every page; text written as the record workbooks write it (records.excel.sheets.put:
text starting with =, +, - or @ stays text, never a formula)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from branchcheck.records.excel.printing import fit_row_heights
from branchcheck.records.excel.sheets import FONT_NAME, put

if TYPE_CHECKING:
    from branchcheck.views import FindingsRegister

HEAD_ROW = 4
_TITLE = Font(name=FONT_NAME, size=14, bold=True)
_BOLD = Font(name=FONT_NAME, size=9, bold=True)
_CELL = Font(name=FONT_NAME, size=9)
_GREY = Font(name=FONT_NAME, size=9, color="FF5F6368")
_HEAD_FILL = PatternFill("solid", fgColor="FFE8ECF1")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TOP = Alignment(vertical="top", wrap_text=True)


def register_xlsx(register: FindingsRegister) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "问题整改台账"
    last = get_column_letter(len(register.headings))
    put(ws, 1, 1, f"{register.branch}　问题整改台账", font=_TITLE, border=False)
    ws.merge_cells(f"A1:{last}1")
    signer = register.signer
    put(
        ws,
        2,
        1,
        f"截至 {register.as_of}　生成于 {register.made_at[:16].replace('T', ' ')}"
        + (f"　签署人 {signer.name} ({signer.employee_no})" if signer else ""),
        font=_GREY,
        border=False,
    )
    ws.merge_cells(f"A2:{last}2")
    put(ws, 3, 1, register.summary, font=_GREY, border=False)
    ws.merge_cells(f"A3:{last}3")
    for c, heading in enumerate(register.headings, start=1):
        put(ws, HEAD_ROW, c, heading, font=_BOLD, fill=_HEAD_FILL, align=_CENTER)
    for r, row in enumerate(register.rows, start=HEAD_ROW + 1):
        for c, value in enumerate(row, start=1):
            put(ws, r, c, value, font=_CELL, align=_TOP)
    for c, width in enumerate(register.widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=HEAD_ROW + 1, column=3)
    fit_row_heights(ws)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddHeader.left.text = f"{register.branch}　问题整改台账"
    ws.oddHeader.right.text = f"截至 {register.as_of}"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.oddFooter.right.text = "网点自查 BranchCheck"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
