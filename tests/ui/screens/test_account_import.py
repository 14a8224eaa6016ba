"""导入账户清单 from the home screen, run by the synchronous task runner: progress, the summary,
the review opened with its flagged accounts; a list without its columns starts nothing."""

from datetime import date

import pytest
from PySide6.QtCore import QDate

from branchcheck import inspections

HEADER = (
    "账号,户名,客户号,账户性质,开户日期,最后动户日期,余额,是否欠款,证明文件有效期至,"
    "营业执照状态,人行账户状态,行内账户状态,特殊长期不动户类别,预留手机号,注册地址,法定代表人"
)
ROWS = [
    "6222000100010001,赣州市华联商贸有限公司,C0001,基本存款账户,2015-03-02,2026-10-30,12500.00,否,2030-12-31,存续,正常,正常,,13907970001,红旗大道1号,李华",
    "6222000100010002,赣州市宏达家具厂,C0002,基本存款账户,2012-05-11,2024-01-15,300.00,否,2030-12-31,存续,正常,正常,,13907970002,家具城8号,王强",
    "6222000100010003,赣州市云端科技有限公司,C0003,一般存款账户,2019-07-20,2026-11-01,8800.00,否,2025-06-30,存续,正常,正常,,13907970003,创业路5号,陈明",
    "6222000100010004,赣州市恒通物流有限公司,C0004,基本存款账户,2018-01-09,2026-09-12,0,否,2031-01-01,注销,正常,正常,,13907970004,贡江大道2号,刘洋",
    "6222000100010005,赣州市某某公司,C0005,基本存款账户,不是日期,2026-09-12,0,否,2031-01-01,存续,正常,正常,,13907970005,某路1号,赵六",
]


@pytest.fixture
def dialog(signed_in):
    home = signed_in.home_screen
    assert signed_in.stack.currentWidget() is home
    home.import_button.click()
    d = signed_in.import_dialog
    assert d is not None and d.isVisible()
    d.as_of.setDate(QDate(2026, 11, 20))
    return d


def write_csv(path, header=HEADER, rows=ROWS):
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_import_shows_progress_summary_and_opens_the_review(
    dialog, signed_in, people_store, tmp_path
):
    window = signed_in
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.file_edit.setText(str(write_csv(tmp_path / "list.csv")))
    checker = dialog.checker.findData("E010")  # a supervisor may witness the review
    assert checker > 0
    assert dialog.checker.findData("E001") == -1  # never the reviewer himself
    dialog.checker.setCurrentIndex(checker)
    dialog.start_button.click()

    assert dialog.progress.value() == 100
    assert seen[-1] == 100
    assert dialog.error.isHidden()
    assert "标记 3 户" in dialog.summary.text()
    assert "错误行 1 行" in dialog.summary.text()
    assert "第 6 行" in dialog.summary.text()  # the first errors are listed
    assert dialog.save_button.isEnabled()
    assert not dialog.start_button.isEnabled()  # one import per dialog

    assert window.stack.currentWidget() is window.inspection
    state = inspections.load(people_store, dialog.inspection_id)
    assert state.template.key == "account_review"
    assert [p.employee_no for p in state.people["checker"]] == ["E010"]
    widget = window.inspection.cards["account_list"].widget
    assert widget.model.rowCount() == 3
    assert widget.undecided() == 3
    assert widget.proxy.index(0, 0).data() == "6222000100010002"

    out = tmp_path / "review.xlsx"
    dialog.save_workbook(out)
    assert out.exists()
    assert "已保存" in dialog.status.text()


def test_a_list_missing_columns_shows_the_error_and_starts_nothing(
    dialog, signed_in, people_store, tmp_path
):
    before = len(inspections.list_records(people_store))
    header = HEADER.replace(",营业执照状态", "").replace(",人行账户状态", "")
    rows = [",".join(r.split(",")[:9] + r.split(",")[11:]) for r in ROWS]
    dialog.file_edit.setText(str(write_csv(tmp_path / "bad.csv", header, rows)))
    dialog.start_button.click()

    assert not dialog.error.isHidden()
    assert "营业执照状态" in dialog.error.text()
    assert dialog.inspection_id is None
    assert dialog.progress.value() == 0
    assert dialog.start_button.isEnabled()  # fix the file and try again
    assert not dialog.save_button.isEnabled()
    assert len(inspections.list_records(people_store)) == before
    assert signed_in.stack.currentWidget() is signed_in.home_screen


def test_default_as_of_is_today(signed_in):
    signed_in.home_screen.import_button.click()
    d = signed_in.import_dialog
    assert d.as_of.date().toPython() == date.today()
    d.close_button.click()
    assert not d.isVisible()
