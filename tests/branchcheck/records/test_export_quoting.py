"""Every workbook BranchCheck exports quotes formula-looking text the same way: a string cell with
Excel's quote prefix, never a formula (records.excel.sheets.text_cell)."""

import io

import pytest
from openpyxl import load_workbook

from branchcheck.records.excel.sheets import FORMULA_LEADS

HOSTILE = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+2", "\r=1+2"]


def _record_workbook(tmp_path, doc, cred) -> tuple[bytes, list[str]]:
    from branchcheck.records import render_xlsx, sealing

    items = [item for section in doc["sections"] for item in section["items"]]
    assert len(items) >= len(HOSTILE)
    for item, text in zip(items, HOSTILE, strict=False):
        item["note"] = text
    return render_xlsx(doc, sealing.seal_document(doc, cred), cred), HOSTILE


def _review_workbook(tmp_path, doc, cred) -> tuple[bytes, list[str]]:
    from branchcheck.accounts import review, write_review_xlsx
    from tests.branchcheck.accounts.conftest import AS_OF, Sheets, normal_row

    rows = [
        normal_row(i + 1, account_name=text, pboc_status="已撤销") for i, text in enumerate(HOSTILE)
    ]
    out = write_review_xlsx(review(Sheets(tmp_path).csv(rows), AS_OF), tmp_path / "review.xlsx")
    return out.read_bytes(), [t.strip() for t in HOSTILE]  # the reader trims cells


@pytest.mark.parametrize("export", [_record_workbook, _review_workbook])
def test_formula_looking_text_is_quoted_in_every_export(tmp_path, doc, cred, export):
    data, shown = export(tmp_path, doc, cred)
    wb = load_workbook(io.BytesIO(data))
    quoted = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_LEADS):
                    quoted[cell.value] = (cell.data_type, cell.quotePrefix)
    assert set(quoted.values()) == {("s", True)}
    assert {t.replace("\r", "\n") for t in shown} <= {t.replace("\r", "\n") for t in quoted}
