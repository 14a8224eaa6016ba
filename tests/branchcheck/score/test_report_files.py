"""The period report files: the workbook's native charts and cells (openpyxl read-back), its
print setup and quoting, and the PDF's text (pdftotext)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from branchcheck.score.gather import CHANGE_NAMES, MonthRow, change
from branchcheck.score.indicators import PeriodFacts, compute
from branchcheck.score.report_excel import INDICATORS_HEAD, export_excel
from branchcheck.score.report_pdf import export_pdf
from branchcheck.settings import Settings
from branchcheck.views import ScoreReport

S = Settings()
CURRENT = PeriodFacts(
    "2026-01-01",
    "2026-06-30",
    scheduled=26,
    on_time=24,
    tellers_expected=78,
    tellers_covered=76,
    checks=26,
    check_findings=9,
    findings_due=8,
    rectified_on_time=6,
    findings=10,
    repeats=2,
    missed=1,
)
EARLIER = PeriodFacts(
    "2025-01-01",
    "2025-06-30",
    scheduled=26,
    on_time=20,
    tellers_expected=78,
    tellers_covered=70,
    checks=22,
    check_findings=14,
    findings_due=12,
    rectified_on_time=7,
    findings=14,
    repeats=4,
    missed=3,
)
MONTHS = [MonthRow(f"2026-0{m}", i, 4, 2) for m, i in enumerate([2.4, 2.6, 2.2, 2.9], start=1)]


def make_report(with_earlier: bool = True) -> ScoreReport:
    cur = compute(CURRENT, S)
    prev = compute(EARLIER, S) if with_earlier else None
    figures = {"index": (cur.index, prev.index if prev else None), "checks": (26, 22)}
    changes = tuple(change(k, *figures.get(k, (1, 1 if prev else None))) for k in CHANGE_NAMES)
    return ScoreReport(cur, prev, changes)


def category_ref(series) -> str:
    """openpyxl writes categories as a number reference even when they are text."""
    source = series.cat.numRef or series.cat.strRef
    return source.f


def ref_values(wb, ref: str) -> list:
    sheet, cells = ref.split("!")
    ws = wb[sheet.strip("'")]
    return [c.value for row in ws[cells.replace("$", "")] for c in row]


def test_the_workbook_has_native_charts_on_the_right_cells(tmp_path):
    path = export_excel(make_report(), tmp_path / "r.xlsx", branch="赣州分行营业部", monthly=MONTHS)
    wb = load_workbook(path)
    ws = wb["合规性指数"]
    [bar] = ws._charts
    assert [s.tx.strRef.f for s in bar.series] == ["'合规性指数'!G4", "'合规性指数'!H4"]
    refs = [s.val.numRef.f for s in bar.series]
    assert refs == ["'合规性指数'!$G$5:$G$10", "'合规性指数'!$H$5:$H$10"]
    assert ref_values(wb, refs[0]) == [i.score for i in make_report().current.indicators]
    assert ref_values(wb, refs[1]) == [1, 1, 2, 1, 1, 1]
    assert category_ref(bar.series[0]) == "'合规性指数'!$A$5:$A$10"
    categories = ref_values(wb, category_ref(bar.series[0]))
    assert categories[0] == "按时完成检查" and categories[-1] == "应发现未发现（核查问责）"
    assert ws["G11"].value == 1.9 and ws["H11"].value == 1.1  # the index row
    monthly = wb["按月"]
    [line] = monthly._charts
    assert line.series[0].val.numRef.f == "'按月'!$B$2:$B$5"
    assert ref_values(wb, line.series[0].val.numRef.f) == [2.4, 2.6, 2.2, 2.9]
    assert ref_values(wb, category_ref(line.series[0])) == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
    ]


def test_the_workbook_prints_on_a4_one_page_wide_with_its_header_row(tmp_path):
    wb = load_workbook(export_excel(make_report(), tmp_path / "r.xlsx", branch="B"))
    ws = wb.active
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == f"${INDICATORS_HEAD}:${INDICATORS_HEAD}"
    # no monthly sheet without a monthly series; the 核查问责 sheet always (it says when none)
    assert wb.sheetnames == ["合规性指数", "核查问责"]
    assert wb["核查问责"]["A3"].value == "本期没有应发现未发现的问题。"


def test_the_missed_problems_sheet_lists_each_inspector(tmp_path):
    from branchcheck.score.gather import InspectorMisses

    missed = [InspectorMisses("E002", "陈静", 2), InspectorMisses("E001", "王建国", 1)]
    wb = load_workbook(export_excel(make_report(), tmp_path / "r.xlsx", branch="B", missed=missed))
    ws = wb["核查问责"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=4)] == [
        ["检查人", "员工号", "应发现未发现"],
        ["陈静", "E002", 2],
        ["王建国", "E001", 1],
    ]
    assert ws.print_title_rows == "$2:$2"


def test_formula_looking_text_stays_text(tmp_path):
    wb = load_workbook(export_excel(make_report(), tmp_path / "r.xlsx", branch="=1+1"))
    cell = wb.active["A1"]
    assert cell.data_type == "s" and cell.value.startswith("=1+1")


def test_without_a_year_earlier_the_chart_has_one_series(tmp_path):
    wb = load_workbook(export_excel(make_report(False), tmp_path / "r.xlsx", branch="B", lang="en"))
    ws = wb["Compliance index"]
    [bar] = ws._charts
    assert len(bar.series) == 1
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "No inspection in the same period a year earlier: no comparison." in texts


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_pdf_says_the_index_its_parts_and_the_comparison(tmp_path):
    text = pdf_text(
        export_pdf(make_report(), tmp_path / "r.pdf", branch="赣州分行营业部", monthly=MONTHS)
    )
    assert "合规性指数报告" in text and "赣州分行营业部" in text
    assert "期间：2026-01-01 至 2026-06-30" in text
    for words in ("按时完成检查", "92.3%", "≥ 90.0%", "应发现未发现（核查问责）", "1.90"):
        assert words in text
    assert "与上年同期比较" in text and "+18.18%" in text  # checks 26 against 22
    assert "合规性指数按月" in text and "2026-04" in text
    assert "第1页共2页" in text.replace(" ", "") and "第2页共2页" in text.replace(" ", "")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_pdf_in_english_without_a_year_earlier(tmp_path):
    text = pdf_text(export_pdf(make_report(False), tmp_path / "r.pdf", branch="Ganzhou", lang="en"))
    assert "Compliance index report" in text
    assert "No inspection in the same period a year earlier" in text
    assert "By month" not in text and "Compliance index by month" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_months_with_nothing_measured_draw_no_chart(tmp_path):
    empty = [MonthRow("2026-01", None, 0, 0), MonthRow("2026-02", None, 0, 0)]
    pdf = export_pdf(make_report(), tmp_path / "r.pdf", branch="B", monthly=empty)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "合规性指数报告" in text and "合规性指数按月" not in text
    wb = load_workbook(export_excel(make_report(), tmp_path / "r.xlsx", branch="B", monthly=empty))
    assert [c.value for c in wb["按月"]["B"][1:]] == [None, None]  # blank, not 3
