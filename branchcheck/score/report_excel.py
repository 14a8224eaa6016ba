"""The period report as a workbook: the index with its indicators, the comparison with the same
period a year earlier, and the monthly series, each with a native chart (openpyxl.chart: Excel
and LibreOffice draw them and keep them editable).

Cells are written as the record workbooks write them (records.excel.sheets.put: text is always
text, a leading = + - @ quoted); A4, one page wide, the table's header row repeated on every page,
with the branch and 第 x 页 共 y 页 in the header and footer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from branchcheck.i18n import pick
from branchcheck.records.excel.printing import fit_row_heights
from branchcheck.records.excel.sheets import FONT_NAME, put
from branchcheck.score.gather import InspectorMisses, MonthRow
from branchcheck.score.words import words
from branchcheck.views import ScoreReport

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SCORE_FORMAT = "0.00"
SHARE_FORMAT = "0.00%"
INDICATORS_HEAD = 4  # the header row of the indicator table (repeated on every printed page)
_TITLE = Font(name=FONT_NAME, size=14, bold=True)
_BOLD = Font(name=FONT_NAME, size=10, bold=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _print(ws: Worksheet, branch: str, title: str, rows: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = rows
    ws.print_options.horizontalCentered = True
    ws.oddHeader.left.text = f"{branch}　{title}"
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.oddFooter.right.text = "网点自查 BranchCheck"
    for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.center, ws.oddFooter.right):
        part.size = 8


def _widths(ws: Worksheet, widths: list[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _head(ws: Worksheet, row: int, labels: list[str]) -> None:
    for col, label in enumerate(labels, start=1):
        put(ws, row, col, label, font=_BOLD, align=_CENTER)


def _num(ws: Worksheet, row: int, col: int, value: float | None, fmt: str | None = None) -> None:
    """A number (or an empty cell), centred: no long float for the row-height fitting to read."""
    put(ws, row, col, None if value is None else round(value, 4), fmt=fmt, align=_CENTER)


def _indicators(ws: Worksheet, report: ScoreReport, lang: str) -> int:
    """The indicator table from INDICATORS_HEAD; returns its last row (the index row)."""
    w = words(lang)
    _head(ws, INDICATORS_HEAD, w["columns"])
    previous = {i.key: i.score for i in report.previous.indicators} if report.previous else {}
    row = INDICATORS_HEAD
    for ind in report.current.indicators:
        row += 1
        put(ws, row, 1, pick(ind.name, lang))
        _num(ws, row, 2, ind.weight, SCORE_FORMAT)
        put(ws, row, 3, ind.display, align=_CENTER)
        _num(ws, row, 4, ind.numerator)
        _num(ws, row, 5, ind.denominator)
        put(ws, row, 6, ind.band, align=_CENTER)
        _num(ws, row, 7, ind.score)
        _num(ws, row, 8, previous.get(ind.key))
    row += 1
    put(ws, row, 1, w["index"], font=_BOLD)
    _num(ws, row, 2, sum(i.weight for i in report.current.indicators), SCORE_FORMAT)
    for col in (3, 4, 5, 6):
        put(ws, row, col, "")
    _num(ws, row, 7, report.current.index, SCORE_FORMAT)
    ws.cell(row=row, column=7).font = _BOLD
    _num(ws, row, 8, report.previous.index if report.previous else None, SCORE_FORMAT)
    return row


def _score_chart(ws: Worksheet, report: ScoreReport, lang: str, anchor: str) -> None:
    w = words(lang)
    first, last = INDICATORS_HEAD + 1, INDICATORS_HEAD + len(report.current.indicators)
    chart = BarChart()
    chart.type = "col"
    chart.title = w["chart_scores"]
    chart.y_axis.title = w["score"]
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 3
    chart.y_axis.majorUnit = 1
    last_col = 8 if report.previous else 7
    data = Reference(ws, min_col=7, max_col=last_col, min_row=INDICATORS_HEAD, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.height, chart.width = 8, 17
    ws.add_chart(chart, anchor)


def _changes(ws: Worksheet, report: ScoreReport, lang: str, start: int) -> int:
    w = words(lang)
    put(ws, start, 1, w["compare"], font=_BOLD, border=False)
    earlier = report.previous
    put(
        ws,
        start + 1,
        1,
        f"{earlier.first} — {earlier.last}" if earlier else w["no_previous"],
        border=False,
    )
    for row in (start, start + 1):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    row = start + 2
    _head(ws, row, w["change_columns"])
    for c in report.changes:
        row += 1
        fmt = SCORE_FORMAT if c.key == "index" else None
        put(ws, row, 1, pick(c.name, lang))
        _num(ws, row, 2, c.current, fmt)
        _num(ws, row, 3, c.previous, fmt)
        _num(ws, row, 4, c.change, fmt)
        _num(ws, row, 5, None if c.percent is None else c.percent / 100, SHARE_FORMAT)
    return row


def _monthly(wb: Workbook, monthly: Sequence[MonthRow], branch: str, lang: str) -> None:
    w = words(lang)
    ws = wb.create_sheet(w["monthly_sheet"])
    _head(ws, 1, w["month_columns"])
    for row, m in enumerate(monthly, start=2):
        put(ws, row, 1, m.month)
        _num(ws, row, 2, m.index, SCORE_FORMAT)
        _num(ws, row, 3, m.checks)
        _num(ws, row, 4, m.findings)
    _widths(ws, [12, 14, 12, 12])
    last = len(monthly) + 1
    chart = LineChart()
    chart.title = w["chart_monthly"]
    chart.y_axis.title = w["index"]
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 3
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.series[0].smooth = False  # a month's index is a point, not a curve
    chart.height, chart.width = 8, 17
    ws.add_chart(chart, f"A{last + 2}")
    fit_row_heights(ws)
    _print(ws, branch, w["title"], "1:1")


def _missed(wb: Workbook, missed: Sequence[InspectorMisses], branch: str, lang: str) -> None:
    """核查问责: each inspector's count of problems an earlier check of theirs passed as 合格."""
    w = words(lang)
    ws = wb.create_sheet(w["missed_sheet"])
    put(ws, 1, 1, w["missed_title"], font=_BOLD, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    _head(ws, 2, w["missed_columns"])
    for row, m in enumerate(missed, start=3):
        put(ws, row, 1, m.name)
        put(ws, row, 2, m.employee_no)
        _num(ws, row, 3, m.missed)
    if not missed:
        put(ws, 3, 1, w["missed_none"], border=False)
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=3)
    _widths(ws, [20, 14, 16])
    fit_row_heights(ws)
    _print(ws, branch, w["title"], "2:2")


def export_excel(
    report: ScoreReport,
    path: Path,
    *,
    branch: str,
    lang: str = "zh",
    monthly: Sequence[MonthRow] | None = None,
    missed: Sequence[InspectorMisses] | None = None,
) -> Path:
    """Write the period report to `path` (.xlsx); returns the path."""
    w = words(lang)
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its sheet
    ws.title = w["sheet"]
    cur = report.current
    put(ws, 1, 1, f"{branch}　{w['title']}", font=_TITLE, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    put(ws, 2, 1, w["period"].format(first=cur.first, last=cur.last), border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=8)
    put(
        ws,
        3,
        1,
        w["summary"].format(index=cur.index, checks=cur.checks, findings=cur.findings),
        border=False,
    )
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=8)
    last = _indicators(ws, report, lang)
    put(ws, last + 1, 1, w["nothing"], border=False, font=Font(name=FONT_NAME, size=8))
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=8)
    end = _changes(ws, report, lang, last + 3)
    _score_chart(ws, report, lang, f"A{end + 2}")
    _widths(ws, [28, 10, 12, 10, 10, 16, 9, 13])
    fit_row_heights(ws)
    _print(ws, branch, w["title"], f"{INDICATORS_HEAD}:{INDICATORS_HEAD}")
    if monthly:
        _monthly(wb, monthly, branch, lang)
    _missed(wb, missed or (), branch, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
