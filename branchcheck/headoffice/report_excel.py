"""Head office's consolidated report as a workbook: the ranking by compliance index, each branch's
checks by checklist, the findings (by severity, by risk driver, rectified on time, repeats,
核查问责), the accountability per inspector and how the index is computed; native openpyxl charts
(the index by branch; due / on time / late / missed by branch; findings by severity and by risk
driver), which Excel and LibreOffice draw and keep editable.

Cells go through records.excel.sheets.put (text always text); every sheet prints on A4, one page
wide, its table header repeated, with the title and 第 x 页 共 y 页 in the header and footer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from branchcheck.headoffice.report_words import words
from branchcheck.i18n import pick
from branchcheck.records.excel.printing import fit_row_heights
from branchcheck.records.excel.sheets import FONT_NAME, put
from branchcheck.score.indicators import NAMES, ORDER, band_words
from branchcheck.settings import Settings

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from branchcheck.headoffice.report import ChecklistRow, Counts, HeadOfficeReport

SCORE_FORMAT = "0.00"
SHARE_FORMAT = "0.0%"
NOTHING = "—"
_TITLE = Font(name=FONT_NAME, size=14, bold=True)
_BOLD = Font(name=FONT_NAME, size=10, bold=True)
_SMALL = Font(name=FONT_NAME, size=9)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
# a chart sits above its sheet's table, in rows kept for it: it never straddles a page break
# (where the repeated header row would print over it)
CHART_ROWS = 17
ROW_POINTS = 15.0
CHART_CM = 8.0


def _print(ws: Worksheet, title: str, rows: str, lang: str, *, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = rows
    ws.print_options.horizontalCentered = True
    ws.oddHeader.left.text = title
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.center.text = words(lang)["sheet_page"]
    ws.oddFooter.right.text = "网点自查 BranchCheck"
    for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.center, ws.oddFooter.right):
        part.size = 8


def _widths(ws: Worksheet, widths: list[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _head(ws: Worksheet, row: int, labels: list[str], col: int = 1) -> None:
    for n, label in enumerate(labels):
        put(ws, row, col + n, label, font=_BOLD, align=_CENTER)


def _num(ws: Worksheet, row: int, col: int, value: float | None, fmt: str | None = None) -> None:
    """A number, centred; None is "—" (nothing to compare)."""
    if value is None:
        put(ws, row, col, NOTHING, align=_CENTER)
    else:
        put(ws, row, col, round(value, 4), fmt=fmt, align=_CENTER)


def _line(ws: Worksheet, row: int, text: str, last_col: int, font: Font | None = None) -> None:
    put(ws, row, 1, text, font=font, border=False)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)


def _titles(ws: Worksheet, report: HeadOfficeReport, heading: str, lang: str, cols: int) -> None:
    w = words(lang)
    _line(ws, 1, f"{w['title']}　{heading}", cols, _TITLE)
    _line(ws, 2, w["period"].format(first=report.first, last=report.last, as_of=report.as_of), cols)


def _coverage(c: Counts) -> str:
    return f"{c.tellers_covered}/{c.tellers_expected}" if c.tellers_expected else NOTHING


def _reserve(ws: Worksheet, first: int, charts: int = 1) -> int:
    """Keep CHART_ROWS rows from `first` for each chart (their height fixed); the next free row."""
    for row in range(first, first + charts * CHART_ROWS):
        ws.row_dimensions[row].height = ROW_POINTS
    return first + charts * CHART_ROWS


def _bar(title: str, y_title: str, *, height: float = CHART_CM, width: float = 18) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.scaling.min = 0
    chart.height, chart.width = height, width
    return chart


def _ranking(ws: Worksheet, report: HeadOfficeReport, lang: str) -> None:
    w = words(lang)
    cols = len(w["ranking_columns"])
    _titles(ws, report, w["ranking_title"], lang, cols)
    ranked = [b for b in report.branches if b.reported]
    _line(
        ws,
        3,
        w["summary"].format(
            ranked=len(ranked),
            branches=len(report.branches),
            records=report.totals.records,
            findings=report.totals.findings,
        ),
        cols,
    )
    head = _reserve(ws, 5) + 1
    _head(ws, head, w["ranking_columns"])
    row = head
    for b in report.branches:
        row += 1
        put(ws, row, 1, b.rank if b.rank is not None else NOTHING, align=_CENTER)
        put(ws, row, 2, b.code, align=_CENTER)
        put(ws, row, 3, b.name)
        if b.reported:
            _num(ws, row, 4, b.index, SCORE_FORMAT)
        else:
            put(ws, row, 4, w["no_data"], align=_CENTER)
        _num(ws, row, 5, b.previous_index, SCORE_FORMAT)
        _num(ws, row, 6, b.change, "+0.00;-0.00;0.00")
        _num(ws, row, 7, b.counts.records)
        _num(ws, row, 8, b.counts.findings)
    _line(
        ws,
        row + 1,
        w["earlier"].format(first=report.previous_first, last=report.previous_last),
        cols,
        _SMALL,
    )
    _widths(ws, [7, 11, 28, 12, 13, 9, 10, 10])
    if ranked:
        last = head + len(ranked)
        chart = _bar(w["chart_index"], w["index"], width=18)
        chart.y_axis.scaling.max = 3
        chart.y_axis.majorUnit = 0.5
        chart.add_data(Reference(ws, min_col=4, min_row=head, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=3, min_row=head + 1, max_row=last))
        ws.add_chart(chart, "A5")
    fit_row_heights(ws)
    _print(ws, w["title"], f"{head}:{head}", lang)


def _count_cells(ws: Worksheet, row: int, c: Counts, font: Font | None = None) -> None:
    """Columns 3–10 of the checks table: due, on time, late, overdue, missed, tellers, records,
    findings."""
    for col, value in enumerate((c.due, c.on_time, c.late, c.overdue, c.missed), start=3):
        _num(ws, row, col, value)
    put(ws, row, 8, _coverage(c), align=_CENTER)
    _num(ws, row, 9, c.records)
    _num(ws, row, 10, c.findings)
    if font is not None:
        for col in range(1, 11):
            ws.cell(row=row, column=col).font = font


def _checks(ws: Worksheet, report: HeadOfficeReport, lang: str) -> None:
    """Branch × checklist, each branch's subtotal after its checklists, the total last; the
    chart's data (due, on time, late, missed by branch) beside the table, outside the print
    area."""
    w = words(lang)
    cols = len(w["checks_columns"])
    _titles(ws, report, w["checks_title"], lang, cols)
    head = _reserve(ws, 4) + 1
    _head(ws, head, w["checks_columns"])
    by_branch: dict[str, list[ChecklistRow]] = {}
    for r in report.checklists:
        by_branch.setdefault(r.branch_code, []).append(r)
    row = head
    for b in report.branches:
        for r in by_branch.get(b.code, []):
            row += 1
            put(ws, row, 1, b.name)
            put(ws, row, 2, pick(r.checklist_name, lang))
            _count_cells(ws, row, r.counts)
        row += 1
        put(ws, row, 1, b.name)
        put(ws, row, 2, w["subtotal"])
        _count_cells(ws, row, b.counts, _BOLD)
    row += 1
    put(ws, row, 1, w["total"])
    put(ws, row, 2, "")
    _count_cells(ws, row, report.totals, _BOLD)
    _widths(ws, [26, 22, 9, 9, 9, 9, 8, 10, 9, 9])
    ws.print_area = f"A1:J{row}"
    # the chart's data, beside the table (columns L–P)
    data_col = cols + 2
    put(ws, head - 1, data_col, w["chart_data"], font=_BOLD, border=False)
    _head(ws, head, [w["checks_columns"][0], *w["series_checks"]], col=data_col)
    for n, b in enumerate(report.branches, start=1):
        c = b.counts
        put(ws, head + n, data_col, b.name)
        for k, value in enumerate((c.due, c.on_time, c.late, c.missed), start=1):
            _num(ws, head + n, data_col + k, value)
    for k, width in enumerate((26, 10, 10, 10, 10)):
        ws.column_dimensions[get_column_letter(data_col + k)].width = width
    if report.branches:
        last = head + len(report.branches)
        chart = _bar(w["chart_checks"], w["series_checks"][0], width=24)
        chart.add_data(
            Reference(ws, min_col=data_col + 1, max_col=data_col + 4, min_row=head, max_row=last),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=data_col, min_row=head + 1, max_row=last))
        ws.add_chart(chart, "A4")
    fit_row_heights(ws)
    _print(ws, w["title"], f"{head}:{head}", lang, landscape=True)


def _tally_table(
    ws: Worksheet, start: int, heading: str, items: list[tuple[str, dict[str, str], int]], lang: str
) -> tuple[int, int]:
    """A (category, findings) table from `start`; returns its header row and last row."""
    w = words(lang)
    put(ws, start, 1, heading, font=_BOLD, border=False)
    _head(ws, start + 1, w["tally_columns"])
    row = start + 1
    for _, name, n in items:
        row += 1
        put(ws, row, 1, pick(name, lang))
        _num(ws, row, 2, n)
    return start + 1, row


def _findings(ws: Worksheet, report: HeadOfficeReport, lang: str) -> None:
    w = words(lang)
    cols = len(w["findings_columns"])
    _titles(ws, report, w["findings_title"], lang, cols)
    head = _reserve(ws, 4, charts=2) + 1
    _head(ws, head, w["findings_columns"])
    row = head
    for b in [*report.branches, None]:
        row += 1
        c = b.counts if b is not None else report.totals
        put(ws, row, 1, b.name if b is not None else w["total"], font=None if b else _BOLD)
        _num(ws, row, 2, c.findings)
        _num(ws, row, 3, c.repeats)
        _num(ws, row, 4, c.missed_problems)
        _num(ws, row, 5, c.findings_due)
        _num(ws, row, 6, c.rectified_on_time)
        rate = c.rectified_on_time / c.findings_due if c.findings_due else None
        _num(ws, row, 7, rate, SHARE_FORMAT)
    _widths(ws, [30, 10, 10, 13, 10, 12, 12])
    keys, cells = report.matrix(report.severities)
    start = row + 2
    put(ws, start, 1, w["severity_matrix"], font=_BOLD, border=False)
    _head(ws, start + 1, [w["findings_columns"][0], *(pick(name, lang) for _, name in keys)])
    row = start + 1
    for b in report.branches:
        row += 1
        put(ws, row, 1, b.name)
        for col, (key, _) in enumerate(keys, start=2):
            _num(ws, row, col, cells.get(b.code, {}).get(key, 0))
    severity_head, severity_last = _tally_table(
        ws, row + 2, w["by_severity"], report.totals_by(report.severities), lang
    )
    driver_head, driver_last = _tally_table(
        ws, severity_last + 2, w["by_driver"], report.totals_by(report.risk_drivers), lang
    )
    anchor = 4
    for title, first, last in (
        (w["chart_severity"], severity_head, severity_last),
        (w["chart_driver"], driver_head, driver_last),
    ):
        if last <= first:
            continue
        horizontal = first == driver_head  # long names read better beside their bars
        chart = _bar(title, w["findings"])
        chart.type = "bar" if horizontal else "col"
        chart.legend = None
        chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last))
        ws.add_chart(chart, f"A{anchor}")
        anchor += CHART_ROWS
    fit_row_heights(ws)
    _print(ws, w["title"], f"{head}:{head}", lang)


def _changes(ws: Worksheet, report: HeadOfficeReport, lang: str) -> None:
    """Each branch's figures against the same period a year earlier ("—": nothing then)."""
    w = words(lang)
    cols = len(w["change_columns"])
    _titles(ws, report, w["change_title"], lang, cols)
    _line(
        ws,
        3,
        f"{w['earlier'].format(first=report.previous_first, last=report.previous_last)}　"
        f"{w['change_note']}",
        cols,
    )
    head = 4
    _head(ws, head, w["change_columns"])
    row = head
    for b in report.branches:
        for c in b.changes:
            row += 1
            fmt = SCORE_FORMAT if c.key == "index" else None
            put(ws, row, 1, b.code, align=_CENTER)
            put(ws, row, 2, b.name)
            put(ws, row, 3, pick(c.name, lang))
            _num(ws, row, 4, c.current, fmt)
            _num(ws, row, 5, c.previous, fmt)
            _num(ws, row, 6, c.change, fmt)
            _num(ws, row, 7, None if c.percent is None else c.percent / 100, "0.00%")
    _widths(ws, [11, 24, 16, 11, 12, 10, 11])
    fit_row_heights(ws)
    _print(ws, w["title"], f"{head}:{head}", lang)


def _missed(ws: Worksheet, report: HeadOfficeReport, lang: str) -> None:
    w = words(lang)
    cols = len(w["missed_columns"])
    _titles(ws, report, w["missed_title"], lang, cols)
    head = 3
    _head(ws, head, w["missed_columns"])
    row = head
    for m in report.inspectors:
        row += 1
        put(ws, row, 1, m.branch_name)
        put(ws, row, 2, m.name)
        put(ws, row, 3, m.employee_no, align=_CENTER)
        _num(ws, row, 4, m.missed)
    if not report.inspectors:
        _line(ws, head + 1, w["missed_none"], cols)
    _widths(ws, [28, 20, 14, 14])
    fit_row_heights(ws)
    _print(ws, w["title"], f"{head}:{head}", lang)


def _notes(ws: Worksheet, report: HeadOfficeReport, lang: str) -> None:
    w = words(lang)
    cols = len(w["notes_columns"])
    _titles(ws, report, w["notes_title"], lang, cols)
    _line(ws, 3, w["earlier"].format(first=report.previous_first, last=report.previous_last), cols)
    row = 4
    for text in w["notes"]:
        row += 1
        _line(ws, row, f"• {text}", cols)
    head = row + 2
    _head(ws, head, w["notes_columns"])
    settings = Settings()
    row = head
    for key in ORDER:
        row += 1
        bands = settings.index_bands[key]
        put(ws, row, 1, pick(NAMES[key], lang))
        _num(ws, row, 2, settings.index_weights[key], SCORE_FORMAT)
        for col, score in enumerate((3, 2, 1), start=3):
            put(ws, row, col, band_words(key, score, bands), align=_CENTER)
    _widths(ws, [34, 10, 14, 14, 14])
    fit_row_heights(ws)
    _print(ws, w["title"], f"{head}:{head}", lang)


def export_excel(report: HeadOfficeReport, path: Path, *, lang: str = "zh") -> Path:
    """Write the consolidated report to `path` (.xlsx); returns the path."""
    w = words(lang)
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its sheet
    ws.title = w["ranking_sheet"]
    _ranking(ws, report, lang)
    _changes(wb.create_sheet(w["change_sheet"]), report, lang)
    _checks(wb.create_sheet(w["checks_sheet"]), report, lang)
    _findings(wb.create_sheet(w["findings_sheet"]), report, lang)
    _missed(wb.create_sheet(w["missed_sheet"]), report, lang)
    _notes(wb.create_sheet(w["notes_sheet"]), report, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
