"""The record workbooks as LibreOffice prints them: each checklist's workbook converted to PDF
with `soffice --headless --convert-to pdf`, every sheet within its page budget."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

# Pages each sheet may take for the demo's records (its largest: 19 vault items, 30 accounts).
BUDGET = {"概要": 1, "检查项目": 2, "问题清单": 2, "签名": 1, "签章": 1}
TABLE_BUDGET = 2


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [page for page in text.split("\f") if page.strip()]


@pytest.fixture
def printed(store, tmp_path) -> dict[str, tuple[list[str], list[str]]]:
    """checklist key -> (the workbook's sheet names, the text of each printed page)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed: cannot print workbooks")
    from openpyxl import load_workbook

    from branchcheck import demo

    demo.setup_demo(store, weeks=1)
    paths, results = demo.export_and_verify(store, tmp_path / "records")
    assert all(r.status == "ok" for r in results)
    books = [p for p in paths if p.suffix == ".xlsx"]
    out = tmp_path / "pdf"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, books),
        ],
        capture_output=True,
        check=True,
        timeout=600,
    )
    printed = {}
    for book in books:
        sheets = [ws.title for ws in load_workbook(book).worksheets if ws.sheet_state == "visible"]
        printed[book.name.split("_GZ")[0]] = (sheets, _pages(out / f"{book.stem}.pdf"))
    return printed


def test_every_sheet_of_every_workbook_prints_within_its_page_budget(printed):
    assert set(printed) == {
        "vault_check",
        "cashbox_handover",
        "atm_replenishment",
        "blank_vouchers",
        "account_management",
        "account_review",
    }
    for key, (sheets, pages) in printed.items():
        per_sheet: Counter[str] = Counter()
        for page in pages:
            head = next(line for line in page.splitlines() if line.strip())
            # the running head names the sheet: the longest sheet name in it
            names = [s for s in sheets if re.search(rf"\s{re.escape(s)}(\s|$)", head)]
            assert names, (key, head)
            per_sheet[max(names, key=len)] += 1
            assert re.search(r"第\s*\d+\s*页\s*共\s*\d+\s*页", page), (key, head)
        assert set(per_sheet) == set(sheets), (key, per_sheet)
        for sheet, n in per_sheet.items():
            assert n <= BUDGET.get(sheet, TABLE_BUDGET), (key, sheet, n)
