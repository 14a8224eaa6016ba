"""The whole review: counts, JSON shape, the review workbook (text stays text, atomic write)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from branchcheck.accounts import FLAG_CODES, review, review_json, write_review_xlsx
from branchcheck.accounts.review import (
    ACCOUNTS_SHEET,
    ERRORS_SHEET,
    SUMMARY_SHEET,
    WARNINGS_SHEET,
)
from branchcheck.errors import InputFileError

D = date(2026, 11, 22)


@pytest.fixture
def sample(sheets, row):
    rows = [
        row(1),
        row(2, documents_valid_until="2026-10-01"),  # past the 30-day grace period
        row(3, last_activity_on="", opened_on="2020/1/1"),
        row(4, license_status="注销", host_status="正常"),
        row(5, opened_on="坏日期"),
        row(6, account_name='=HYPERLINK("http://x")', pboc_status="已撤销"),
        row(7, account_name="-伪装公式", customer_id="+C7", account_no="@7", license_status="吊销"),
        row(8, account_name="#N/A", phone=row(9)["phone"]),
        row(9),
        row(10, host_status="冻结"),
    ]
    return sheets.csv(rows)  # CSV: the formula-looking names arrive as text


def test_review_counts_and_json(sample):
    rv = review(sample, D)
    data = review_json(rv)
    assert set(data) == {"as_of", "accounts", "flagged", "errors", "warnings", "by_flag", "flags"}
    assert data["as_of"] == "2026-11-22"
    assert data["accounts"] == 9
    (warning,) = data["warnings"]
    assert (warning["row"], warning["account_no"], warning["column"]) == (
        11,
        "3600000000000000010",
        "行内账户状态",
    )
    assert "冻结" in warning["reason"]
    assert data["errors"] == [
        {"row": 6, "column": "开户日期", "reason": data["errors"][0]["reason"]}
    ]
    assert list(data["by_flag"]) == list(FLAG_CODES)
    assert data["flags"] == {
        "3600000000000000002": ["DOCS_EXPIRED"],
        "3600000000000000003": ["DORMANT"],
        "3600000000000000004": ["DEREGISTERED"],
        "3600000000000000006": ["PBOC_CLOSED"],
        "@7": ["REVOKED"],
        "3600000000000000008": ["SHARED_PHONE"],
        "3600000000000000009": ["SHARED_PHONE"],
    }
    assert data["flagged"] == 7
    assert data["by_flag"]["SHARED_PHONE"] == 2
    assert sum(data["by_flag"].values()) == 7


def test_workbook_sheets_and_text_cells(sample, tmp_path):
    rv = review(sample, D)
    out = write_review_xlsx(rv, tmp_path / "review.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == [ACCOUNTS_SHEET, SUMMARY_SHEET, ERRORS_SHEET, WARNINGS_SHEET]
    warned = [[c.value for c in r] for r in wb[WARNINGS_SHEET].iter_rows()]
    assert warned[0] == ["行号 Row", "账号 Account no", "列 Column", "说明 Note"]
    assert warned[1][:3] == [11, "3600000000000000010", "行内账户状态"]

    ws = wb[ACCOUNTS_SHEET]
    header = [c.value for c in ws[1]]
    assert header[:6] == [
        "账号 Account no",
        "户名 Account name",
        "客户号 Customer id",
        "标志 Flags",
        "应采取控制 Required control",
        "依据 Source",
    ]
    assert header[6:] == ["处理决定 Decision", "说明 Notes", "整改期限 Deadline"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert len(rows) == 7
    for r in rows.values():
        for cell in r[:6]:
            assert cell.data_type == "s", (cell.coordinate, cell.value)
    assert rows["3600000000000000006"][1].value == '=HYPERLINK("http://x")'
    assert rows["@7"][1].value == "-伪装公式"
    assert rows["@7"][2].value == "+C7"
    assert rows["3600000000000000008"][1].value == "#N/A"
    assert rows["3600000000000000002"][3].value.startswith("DOCS_EXPIRED 证明文件已过期")
    assert "不收不付" in rows["3600000000000000002"][4].value
    assert "000_1561e782874b01c0.txt" in rows["3600000000000000002"][5].value

    summary = {r[0].value: r[1].value for r in wb[SUMMARY_SHEET].iter_rows() if r[0].value}
    assert summary["基准日期 As of"] == "2026-11-22"
    assert summary["输入文件 Input file"] == sample.name
    assert summary["参与分类账户 Accounts classified"] == 9
    assert summary["提示条目 Warning entries"] == 1
    assert summary["有标志账户 Flagged accounts"] == 7
    assert summary["错误行 Rows with errors"] == 1
    assert summary["SHARED_PHONE"].startswith("多个客户共用预留手机号")

    errors = list(wb[ERRORS_SHEET].iter_rows(values_only=True))
    assert errors[0] == ("行号 Row", "列 Column", "原因 Reason")
    assert errors[1][:2] == (6, "开户日期")

    # calamine (what another branch tool would read it with) sees text, not formulas or errors
    values = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    names = {r[1] for r in values[1:]}
    assert {'=HYPERLINK("http://x")', "-伪装公式", "#N/A"} <= names


def test_multiple_flags_are_one_row_with_lines(sheets, row, tmp_path):
    path = sheets.csv([row(1, documents_valid_until="2020-01-01", license_status="注销")])
    out = write_review_xlsx(review(path, D), tmp_path / "r.xlsx")
    ws = load_workbook(out)[ACCOUNTS_SHEET]
    flags = ws["D2"].value.split("\n")
    assert [f.split()[0] for f in flags] == ["DOCS_EXPIRED", "DEREGISTERED"]
    assert ws["D2"].alignment.wrap_text


def test_no_partial_file_when_writing_fails(sample, tmp_path, monkeypatch):
    from openpyxl import Workbook

    rv = review(sample, D)
    out = tmp_path / "review.xlsx"

    real_save = Workbook.save

    def broken_save(self, filename):
        real_save(self, filename)  # the temporary file is complete, then the disk "fills up"
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(InputFileError, match="disk full"):
        write_review_xlsx(rv, out)
    assert list(tmp_path.iterdir()) == [sample]


def test_existing_output_is_replaced_whole(sample, tmp_path):
    out = tmp_path / "review.xlsx"
    out.write_bytes(b"old")
    write_review_xlsx(review(sample, D), out)
    assert load_workbook(out).sheetnames[0] == ACCOUNTS_SHEET


def test_output_folder_missing(sample, tmp_path):
    with pytest.raises(InputFileError, match="does not exist"):
        write_review_xlsx(review(sample, D), tmp_path / "nope" / "r.xlsx")


def test_control_characters_are_dropped(sheets, row, tmp_path):
    path = sheets.csv([row(1, account_name="坏\x07名字", license_status="注销")])
    out = write_review_xlsx(review(path, D), tmp_path / "r.xlsx")
    assert load_workbook(out)[ACCOUNTS_SHEET]["B2"].value == "坏名字"
