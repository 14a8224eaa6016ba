"""Head office's consolidated report as a PDF (reportlab, the shipped CJK font): the ranking with
a bar chart of the index by branch, the checks by branch (chart of due / on time / late / missed)
and by checklist, the findings with charts by severity and by risk driver, 核查问责 per inspector
and how the index is computed. Fonts, grid and page furniture are the record PDF's
(records.pdf.page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from branchcheck.headoffice.report_words import words
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
from branchcheck.score.indicators import NAMES, ORDER, band_words
from branchcheck.settings import Settings

if TYPE_CHECKING:
    from branchcheck.headoffice.report import Counts, HeadOfficeReport

NOTHING = "—"
PALETTE = [
    colors.HexColor("#3b6ea8"),
    colors.HexColor("#6aa84f"),
    colors.HexColor("#e69138"),
    colors.HexColor("#c0504d"),
]
CHART_H = 66 * mm


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(data: list[list[Any]], widths: Sequence[float], size: float = 8) -> RecordTable:
    table = RecordTable(data, colWidths=[CONTENT_W * f for f in widths], repeatRows=1)
    table.setStyle(
        grid() + [("ALIGN", (0, 1), (-1, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), size)]
    )
    return table


def _head(labels: list[str], st: Styles) -> list[Any]:
    return [_p(h, st.cell) for h in labels]


def _coverage(c: Counts) -> str:
    return f"{c.tellers_covered}/{c.tellers_expected}" if c.tellers_expected else NOTHING


def _score(value: float | None, signed: bool = False) -> str:
    if value is None:
        return NOTHING
    return f"{value:+.2f}" if signed and value else f"{value:.2f}"


def _bars(
    title: str,
    categories: list[str],
    series: list[tuple[str, list[float]]],
    font: str,
    *,
    top: float | None = None,
    step: float | None = None,
) -> Drawing:
    """A column chart of `series` over `categories`, its legend at the right when more than one."""
    drawing = Drawing(CONTENT_W, CHART_H)
    chart = VerticalBarChart()
    legend_w = 95 if len(series) > 1 else 0
    chart.x, chart.y = 30, 48
    chart.width, chart.height = CONTENT_W - 45 - legend_w, CHART_H - 65
    chart.data = [values for _, values in series]
    highest = max((v for _, values in series for v in values), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top if top is not None else max(1, highest * 1.15)
    if step is not None:
        chart.valueAxis.valueStep = step
    elif highest <= 10:
        chart.valueAxis.valueStep = 1 if highest > 2 else 0.5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontName = font
    many = len(categories) > 20
    chart.categoryAxis.labels.fontSize = 5 if many else 6.5
    chart.categoryAxis.labels.angle = 90 if many else 20
    chart.categoryAxis.labels.boxAnchor = "e" if many else "ne"
    chart.barSpacing = 1
    for n in range(len(series)):
        chart.bars[n].fillColor = PALETTE[n % len(PALETTE)]
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = CONTENT_W - legend_w + 10, CHART_H - 25
        legend.fontName, legend.fontSize = font, 8
        legend.alignment = "right"
        legend.columnMaximum = len(series)
        legend.colorNamePairs = [(PALETTE[n % len(PALETTE)], s[0]) for n, s in enumerate(series)]
        drawing.add(legend)
    drawing.add(
        String(CONTENT_W / 2, CHART_H - 10, title, fontName=font, fontSize=9, textAnchor="middle")
    )
    return drawing


def _short(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _labels(branches: Sequence[Any]) -> list[str]:
    """The branches' names under their bars; their codes when there are too many to read."""
    if len(branches) > 12:
        return [b.code for b in branches]
    return [_short(b.name) for b in branches]


def _ranking(report: HeadOfficeReport, lang: str, st: Styles, font: str) -> list[Any]:
    w = words(lang)
    data: list[list[Any]] = [_head(w["ranking_columns"], st)]
    for b in report.branches:
        data.append(
            [
                str(b.rank) if b.rank is not None else NOTHING,
                b.code,
                _p(b.name, st.left),
                _score(b.index) if b.reported else _p(w["no_data"], st.cell),
                _score(b.previous_index),
                _score(b.change, signed=True),
                str(b.counts.records),
                str(b.counts.findings),
            ]
        )
    story: list[Any] = [
        _p(w["ranking_title"], st.h2),
        _table(data, [0.07, 0.11, 0.30, 0.11, 0.12, 0.09, 0.10, 0.10], 8.5),
        _p(w["earlier"].format(first=report.previous_first, last=report.previous_last), st.small),
    ]
    ranked = [b for b in report.branches if b.reported]
    if ranked:
        story += [
            Spacer(1, 3 * mm),
            _bars(
                w["chart_index"],
                _labels(ranked),
                [(w["index"], [b.index for b in ranked])]
                + (
                    [(w["previous_index"], [b.previous_index or 0 for b in ranked])]
                    if any(b.previous_index is not None for b in ranked)
                    else []
                ),
                font,
                top=3,
                step=0.5,
            ),
        ]
    return story


def _compare(report: HeadOfficeReport, lang: str, st: Styles) -> list[Any]:
    """Each branch's key figures, this period / a year earlier."""
    w = words(lang)
    keys = ("index", "checks", "findings", "repeats", "missed", "scheduled", "on_time")
    data: list[list[Any]] = [_head(w["compare_columns"], st)]
    for b in report.branches:
        by_key = {c.key: c for c in b.changes}
        cells = []
        for key in keys:
            c = by_key[key]
            if key == "index":
                now, then = _score(c.current), _score(c.previous)
            else:
                now = NOTHING if c.current is None else f"{c.current:g}"
                then = NOTHING if c.previous is None else f"{c.previous:g}"
            cells.append(f"{now} / {then}")
        data.append([_p(b.name, st.left), *cells])
    return [
        _p(w["change_title"], st.h2),
        _p(w["compare_note"], st.small),
        _table(data, [0.23, 0.12, 0.11, 0.11, 0.1, 0.11, 0.11, 0.11]),
    ]


def _checks(report: HeadOfficeReport, lang: str, st: Styles, font: str) -> list[Any]:
    w = words(lang)
    data: list[list[Any]] = [_head(w["branch_columns"], st)]
    rows = [(b.name, b.counts) for b in report.branches] + [(w["total"], report.totals)]
    for name, c in rows:
        data.append(
            [
                _p(name, st.left),
                *(str(v) for v in (c.due, c.on_time, c.late, c.overdue, c.missed)),
                _coverage(c),
                str(c.records),
                str(c.findings),
            ]
        )
    story: list[Any] = [
        _p(w["branch_totals"], st.h2),
        _table(data, [0.28, 0.09, 0.09, 0.09, 0.09, 0.08, 0.1, 0.09, 0.09]),
    ]
    if report.branches:
        names = w["series_checks"]
        series = [
            (names[0], [float(b.counts.due) for b in report.branches]),
            (names[1], [float(b.counts.on_time) for b in report.branches]),
            (names[2], [float(b.counts.late) for b in report.branches]),
            (names[3], [float(b.counts.missed) for b in report.branches]),
        ]
        story += [
            Spacer(1, 3 * mm),
            _bars(w["chart_checks"], _labels(report.branches), series, font),
        ]
    detail: list[list[Any]] = [_head(w["checks_columns"], st)]
    for r in report.checklists:
        c = r.counts
        detail.append(
            [
                _p(r.branch_name, st.left),
                _p(pick(r.checklist_name, lang), st.left),
                *(str(v) for v in (c.due, c.on_time, c.late, c.overdue, c.missed)),
                _coverage(c),
                str(c.records),
                str(c.findings),
            ]
        )
    story += [
        _p(w["checks_title"], st.h2),
        _table(detail, [0.19, 0.19, 0.075, 0.075, 0.075, 0.075, 0.07, 0.09, 0.075, 0.075], 7.5),
    ]
    return story


def _findings(report: HeadOfficeReport, lang: str, st: Styles, font: str) -> list[Any]:
    w = words(lang)
    data: list[list[Any]] = [_head(w["findings_columns"], st)]
    rows = [(b.name, b.counts) for b in report.branches] + [(w["total"], report.totals)]
    for name, c in rows:
        rate = f"{c.rectified_on_time / c.findings_due * 100:.1f}%" if c.findings_due else NOTHING
        data.append(
            [
                _p(name, st.left),
                str(c.findings),
                str(c.repeats),
                str(c.missed_problems),
                str(c.findings_due),
                str(c.rectified_on_time),
                rate,
            ]
        )
    story: list[Any] = [
        _p(w["findings_title"], st.h2),
        _table(data, [0.28, 0.11, 0.11, 0.13, 0.11, 0.13, 0.13]),
    ]
    keys, cells = report.matrix(report.severities)
    if keys:
        matrix: list[list[Any]] = [
            _head([w["findings_columns"][0], *(pick(name, lang) for _, name in keys)], st)
        ]
        for b in report.branches:
            own = cells.get(b.code, {})
            matrix.append([_p(b.name, st.left), *(str(own.get(k, 0)) for k, _ in keys)])
        share = 0.6 / len(keys)
        story += [_p(w["severity_matrix"], st.h2), _table(matrix, [0.3] + [share] * len(keys))]
    for heading, chart_title, tallies in (
        (w["by_severity"], w["chart_severity"], report.totals_by(report.severities)),
        (w["by_driver"], w["chart_driver"], report.totals_by(report.risk_drivers)),
    ):
        if not tallies:
            continue
        table = _table(
            [_head(w["tally_columns"], st)]
            + [[_p(pick(name, lang), st.left), str(n)] for _, name, n in tallies],
            [0.6, 0.2],
        )
        chart = _bars(
            chart_title,
            [_short(pick(name, lang), 12 if lang == "zh" else 26) for _, name, _ in tallies],
            [(w["findings"], [float(n) for _, _, n in tallies])],
            font,
        )
        story.append(KeepTogether([_p(heading, st.h2), table, Spacer(1, 2 * mm), chart]))
    return story


def _missed(report: HeadOfficeReport, lang: str, st: Styles) -> list[Any]:
    w = words(lang)
    story: list[Any] = [_p(w["missed_title"], st.h2)]
    if not report.inspectors:
        return [*story, _p(w["missed_none"], st.base)]
    data: list[list[Any]] = [_head(w["missed_columns"], st)]
    for m in report.inspectors:
        data.append([_p(m.branch_name, st.left), _p(m.name, st.left), m.employee_no, str(m.missed)])
    return [*story, _table(data, [0.34, 0.26, 0.2, 0.2])]


def _notes(report: HeadOfficeReport, lang: str, st: Styles) -> list[Any]:
    w = words(lang)
    settings = Settings()
    data: list[list[Any]] = [_head(w["notes_columns"], st)]
    for key in ORDER:
        bands = settings.index_bands[key]
        data.append(
            [
                _p(pick(NAMES[key], lang), st.left),
                f"{settings.index_weights[key]:.2f}",
                *(band_words(key, s, bands) for s in (3, 2, 1)),
            ]
        )
    return [
        _p(w["notes_title"], st.h2),
        *(_p(f"• {text}", st.small) for text in w["notes"]),
        Spacer(1, 2 * mm),
        _table(data, [0.36, 0.1, 0.16, 0.16, 0.16]),
    ]


def export_pdf(report: HeadOfficeReport, path: Path, *, lang: str = "zh") -> Path:
    """Write the consolidated report to `path` (.pdf); returns the path."""
    font = register_font()
    st = Styles()
    w = words(lang)
    ranked = [b for b in report.branches if b.reported]
    story: list[Any] = [
        BoldTitle(w["title"], 16),
        _p(w["subtitle"], st.subtitle),
        _p(
            w["period"].format(first=report.first, last=report.last, as_of=report.as_of),
            st.subtitle,
        ),
        Spacer(1, 3 * mm),
        _p(
            w["summary"].format(
                ranked=len(ranked),
                branches=len(report.branches),
                records=report.totals.records,
                findings=report.totals.findings,
            ),
            st.base,
        ),
        *_ranking(report, lang, st, font),
        *_compare(report, lang, st),
        *_checks(report, lang, st, font),
        *_findings(report, lang, st, font),
        *_missed(report, lang, st),
        *_notes(report, lang, st),
    ]
    footer = {
        "left": w["title"],
        "right": "网点自查 BranchCheck",
        "page": w["page"],
        "head_left": w["title"],
        "head_right": f"{report.first} — {report.last}",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_paged(path, story, footer=footer, title=f"{w['title']} {report.first} — {report.last}")
    return path
