"""The print setup of the record workbook's sheets: A4, orientation, fit to the page width,
repeated title rows, a header and footer naming the branch, the sheet, the record ID and
第 x 页 共 y 页, and row heights that fit their wrapped text (Excel and LibreOffice do not grow
a row for wrapped text written by openpyxl: text would overprint the next row).

Everything set here is part of the visible digest (`digest`): a changed print setup fails
verification."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from branchcheck.i18n import pick

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters of '0'
LINE = 1.45  # line height / font size of the workbook's font as LibreOffice and Excel draw it


@dataclass(frozen=True)
class Layout:
    """How one sheet prints: `title_rows` repeated on every page ("1:1"), landscape or not, and
    whether the whole sheet must fit one page (the 签章 sheet: label and value together)."""

    title_rows: str | None
    landscape: bool = False
    one_page: bool = False


def text_width(text: str) -> float:
    """The width of `text` in column-width units (a CJK character counts about two)."""
    return sum(2.0 if unicodedata.east_asian_width(c) in "WF" else 1.1 for c in text)


def _lines(text: str, width: float) -> int:
    usable = max(width - 1.0, 1.0)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def _col_width(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return dim.width if dim is not None and dim.width else DEFAULT_WIDTH


def fit_row_heights(ws: Worksheet, minimum: float = 18.0) -> None:
    """Give every row holding text the height its wrapped text needs (never lower than a height
    already set); a merged cell wraps over the width of all its columns."""
    spans: dict[tuple[int, int], float] = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = sum(
            _col_width(ws, c) for c in range(rng.min_col, rng.max_col + 1)
        )
        covered |= {
            (r, c)
            for r in range(rng.min_row, rng.max_row + 1)
            for c in range(rng.min_col, rng.max_col + 1)
        } - {(rng.min_row, rng.min_col)}
    need: dict[int, float] = {}
    for (r, c), cell in ws._cells.items():
        if (r, c) in covered or cell.value is None:
            continue
        text = cell.value if isinstance(cell.value, str) else str(cell.value)
        width = spans.get((r, c), _col_width(ws, c))
        size = float(cell.font.sz or 10) if cell.font else 10.0
        lines = _lines(text, width) if cell.alignment.wrap_text else 1
        need[r] = max(need.get(r, minimum), lines * size * LINE + 4)
    for r, height in need.items():
        dim = ws.row_dimensions[r]
        dim.height = round(max(height, dim.height or 0), 1)


def setup_print(ws: Worksheet, doc: dict[str, Any], layout: Layout) -> None:
    """A4 in the layout's orientation, one page wide (one page in all with `one_page`), the
    title rows repeated, centred, with the record's header and footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if layout.landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if layout.one_page else 0
    if layout.title_rows:
        ws.print_title_rows = layout.title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    branch = (doc.get("branch") or {}).get("name", "")
    title = pick((doc.get("checklist") or {}).get("title"), "zh") + "记录"
    record_id = str(doc.get("record_id", ""))
    head, foot = ws.oddHeader, ws.oddFooter
    head.left.text = f"{branch}　{title}"
    head.center.text = "&A"  # the sheet's name
    head.right.text = str(doc.get("local_date", ""))
    foot.left.text = f"记录编号 {record_id}"
    foot.center.text = "第 &P 页 共 &N 页"
    foot.right.text = "网点自查 BranchCheck"
    for part in (head.left, head.center, head.right, foot.left, foot.center, foot.right):
        part.size = 8
