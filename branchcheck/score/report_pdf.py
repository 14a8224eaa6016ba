"""The period report as a PDF (reportlab): the index with its indicators, a bar chart of the
scores against a year earlier, the comparison table and, when given, the monthly index as a line
chart (reportlab.graphics). Fonts, grid and page furniture are the record PDF's (records.pdf.page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from branchcheck.i18n import pick
from branchcheck.records.pdf.page import (
    CONTENT_W,
    BoldTitle,
    RecordTable,
    Styles,
    grid,
    register_font,
    write_paged,
)
from branchcheck.score.gather import InspectorMisses, MonthRow
from branchcheck.score.words import words
from branchcheck.views import ScoreReport

CURRENT = colors.HexColor("#3b6ea8")
EARLIER = colors.HexColor("#c0504d")
CHART_H = 62 * mm


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _number(value: float | None, places: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{places}f}" if places else f"{value:,.0f}"


def _indicator_table(report: ScoreReport, lang: str, st: Styles) -> RecordTable:
    w = words(lang)
    previous = {i.key: i.score for i in report.previous.indicators} if report.previous else {}
    data: list[list[Any]] = [[_p(h, st.cell) for h in w["columns"]]]
    for ind in report.current.indicators:
        data.append(
            [
                _p(pick(ind.name, lang), st.left),
                f"{ind.weight:.2f}",
                ind.display,
                str(ind.numerator),
                str(ind.denominator),
                _p(ind.band, st.cell),
                str(ind.score),
                str(previous.get(ind.key, "—")),
            ]
        )
    earlier = f"{report.previous.index:.2f}" if report.previous else "—"
    data.append(
        [_p(w["index"], st.left), "1.00", "", "", "", "", f"{report.current.index:.2f}", earlier]
    )
    widths = [0.27, 0.08, 0.10, 0.08, 0.08, 0.17, 0.1, 0.12]
    table = RecordTable(data, colWidths=[CONTENT_W * f for f in widths], repeatRows=1)
    table.setStyle(
        grid() + [("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), 8.5)]
    )
    return table


def _change_table(report: ScoreReport, lang: str, st: Styles) -> RecordTable:
    w = words(lang)
    data: list[list[Any]] = [[_p(h, st.cell) for h in w["change_columns"]]]
    for c in report.changes:
        places = 2 if c.key == "index" else 0
        percent = "—" if c.percent is None else f"{c.percent:+.2f}%" if c.percent else "0.00%"
        change = "—" if c.change is None else f"{c.change:+,.{places}f}" if c.change else "0"
        data.append(
            [
                _p(pick(c.name, lang), st.left),
                _number(c.current, places),
                _number(c.previous, places),
                change,
                percent,
            ]
        )
    widths = [0.32, 0.17, 0.17, 0.17, 0.17]
    table = RecordTable(data, colWidths=[CONTENT_W * f for f in widths], repeatRows=1)
    table.setStyle(
        grid() + [("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), 8.5)]
    )
    return table


def _legend(font: str, x: float, y: float, items: list[tuple[Any, str]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.colorNamePairs = items
    return legend


def _score_chart(report: ScoreReport, lang: str, font: str) -> Drawing:
    w = words(lang)
    drawing = Drawing(CONTENT_W, CHART_H)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 40
    chart.width, chart.height = CONTENT_W - 150, CHART_H - 55
    series = [[float(i.score) for i in report.current.indicators]]
    names = [(CURRENT, w["columns"][6])]
    if report.previous is not None:
        series.append([float(i.score) for i in report.previous.indicators])
        names.append((EARLIER, w["columns"][7]))
    chart.data = series
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 3, 1
    chart.valueAxis.labels.fontName = font
    chart.categoryAxis.categoryNames = [pick(i.name, lang) for i in report.current.indicators]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 20
    chart.categoryAxis.labels.boxAnchor = "ne"
    for n, (color, _) in enumerate(names):
        chart.bars[n].fillColor = color
    drawing.add(chart)
    drawing.add(_legend(font, CONTENT_W - 105, CHART_H - 25, names))
    drawing.add(_caption(font, w["chart_scores"]))
    return drawing


def _caption(font: str, text: str) -> Any:
    from reportlab.graphics.shapes import String

    return String(CONTENT_W / 2, CHART_H - 8, text, fontName=font, fontSize=9, textAnchor="middle")


def _monthly_chart(monthly: Sequence[MonthRow], lang: str, font: str) -> Drawing:
    w = words(lang)
    drawing = Drawing(CONTENT_W, CHART_H)
    chart = HorizontalLineChart()
    chart.x, chart.y = 28, 25
    chart.width, chart.height = CONTENT_W - 150, CHART_H - 45
    chart.data = [[m.index for m in monthly]]
    chart.categoryAxis.categoryNames = [m.month for m in monthly]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 3, 0.5
    chart.valueAxis.labels.fontName = font
    chart.lines[0].strokeColor = CURRENT
    chart.lines[0].strokeWidth = 1.5
    drawing.add(chart)
    drawing.add(_legend(font, CONTENT_W - 105, CHART_H - 25, [(CURRENT, w["index"])]))
    drawing.add(_caption(font, w["chart_monthly"]))
    return drawing


def _missed_table(missed: Sequence[InspectorMisses], lang: str, st: Styles) -> RecordTable:
    w = words(lang)
    data: list[list[Any]] = [[_p(h, st.cell) for h in w["missed_columns"]]]
    for m in missed:
        data.append([_p(m.name, st.left), m.employee_no, str(m.missed)])
    widths = [0.4, 0.3, 0.3]
    table = RecordTable(data, colWidths=[CONTENT_W * f for f in widths], repeatRows=1)
    table.setStyle(
        grid() + [("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), 8.5)]
    )
    return table


def export_pdf(
    report: ScoreReport,
    path: Path,
    *,
    branch: str,
    lang: str = "zh",
    monthly: Sequence[MonthRow] | None = None,
    missed: Sequence[InspectorMisses] | None = None,
) -> Path:
    """Write the period report to `path` (.pdf); returns the path."""
    font = register_font()
    st = Styles()
    w = words(lang)
    cur = report.current
    story: list[Any] = [
        _p(branch, st.branch),
        BoldTitle(w["title"], 16),
        _p(w["period"].format(first=cur.first, last=cur.last), st.subtitle),
        Spacer(1, 4 * mm),
        _p(w["summary"].format(index=cur.index, checks=cur.checks, findings=cur.findings), st.base),
        Spacer(1, 2 * mm),
        _indicator_table(report, lang, st),
        _p(w["nothing"], st.small),
        Spacer(1, 3 * mm),
        _score_chart(report, lang, font),
        _p(w["compare"], st.h2),
    ]
    if report.previous is None:
        story.append(_p(w["no_previous"], st.base))
    else:
        story.append(_p(f"{report.previous.first} — {report.previous.last}", st.small))
    story.append(_change_table(report, lang, st))
    story.append(_p(w["missed_title"], st.h2))
    story.append(_missed_table(missed, lang, st) if missed else _p(w["missed_none"], st.base))
    if monthly and any(m.index is not None for m in monthly):  # a chart of nothing says nothing
        story.append(
            KeepTogether([_p(w["chart_monthly"], st.h2), _monthly_chart(monthly, lang, font)])
        )
    footer = {
        "left": f"{branch}　{w['title']}",
        "right": "网点自查 BranchCheck",
        "page": "第 {x} 页 共 {y} 页",
        "head_left": branch,
        "head_right": f"{cur.first} — {cur.last}",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_paged(path, story, footer=footer, title=f"{branch} {w['title']}")
    return path
