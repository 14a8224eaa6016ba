"""The staff-list import: a preview of the people and each row's error; all or nothing."""

from branchcheck.people import admin
from ui.screens.staff_import import StaffImportDialog
from ui.tasks import LazyStore, SyncTaskRunner


def make(qtbot, store) -> StaffImportDialog:
    dialog = StaffImportDialog(LazyStore.of(store), tasks=SyncTaskRunner(), actor="E001")
    qtbot.addWidget(dialog)
    return dialog


def numbers(store) -> list[str]:
    return [p.employee_no for p in admin.people(store)]


def test_a_good_list_is_previewed_then_imported(qtbot, people_store, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text(
        "人员名单\n工号,姓名,岗位,外部,单位\nE020,钱多多,柜员,,\nX001,钱勇,押运人员,是,安保押运公司\n",
        encoding="utf-8",
    )
    dialog = make(qtbot, people_store)
    assert not dialog.import_button.isEnabled()
    dialog.file_edit.setText(str(path))
    dialog.read()
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(1, c).text() for c in range(5)] == [
        "4",
        "X001",
        "钱勇",
        "押运人员",
        "安保押运公司",
    ]
    assert "2 人" in dialog.summary.text() and dialog.error.isHidden()
    assert dialog.import_button.isEnabled()
    got = []
    dialog.imported.connect(got.append)
    dialog.import_button.click()
    assert [p.employee_no for p in got[0].added] == ["E020", "X001"]
    assert {"E020", "X001"} <= set(numbers(people_store))
    assert "已导入 2 人" in dialog.summary.text() and not dialog.import_button.isEnabled()


def test_row_errors_are_shown_where_they_are_and_nothing_is_imported(qtbot, people_store, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("工号,姓名,岗位\nE020,钱多多,柜员\nE021,,飞行员\n", encoding="utf-8")
    dialog = make(qtbot, people_store)
    dialog.file_edit.setText(str(path))
    dialog.read()
    assert not dialog.error.isHidden()
    assert "第 3 行" in dialog.error.text() and "“岗位”列" in dialog.error.text()
    assert " / " not in dialog.error.text()  # the reasons in the window's language only
    assert not dialog.import_button.isEnabled()
    assert "E020" not in numbers(people_store)


def test_a_number_already_in_the_register_refuses_the_whole_list(qtbot, people_store, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("工号,姓名,岗位\nE020,钱多多,柜员\nE004,张伟,柜员\n", encoding="utf-8")
    dialog = make(qtbot, people_store)
    dialog.file_edit.setText(str(path))
    dialog.read()
    assert dialog.import_button.isEnabled()  # the file itself is fine
    dialog.import_button.click()
    assert "E004" in dialog.error.text() and not dialog.error.isHidden()
    assert "E020" not in numbers(people_store)


def test_a_file_that_cannot_be_read_is_said(qtbot, people_store, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    dialog = make(qtbot, people_store)
    dialog.file_edit.setText(str(path))
    dialog.read()
    assert not dialog.error.isHidden() and dialog.error.text()
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()
