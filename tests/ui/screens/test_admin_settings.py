"""设置: each field with its message next to it, saving on the worker, 已保存 after the commit."""

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from sqlalchemy import select

from branchcheck.db.models import AuditEntry
from branchcheck.settings import load_settings
from ui import i18n
from ui.screens import admin_settings


def _changes(store):
    with store.session() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "settings.change"))
        return [(e.actor, e.detail["changes"]) for e in rows]


def test_the_fields_show_the_settings_and_a_change_is_saved_and_audited(
    signed_in, people_store, home, qtbot
):
    dialog = admin_settings.open_dialog(signed_in)
    rows = dialog.rows
    assert rows["notes_per_bundle"].text() == "1000"
    assert rows["notes_per_bundle"].label.text() == "每捆张数"
    assert "默认：1000" in rows["notes_per_bundle"].help.text()
    assert rows["language"].editor.currentText() == "中文"
    assert dialog.status.text() == ""
    rows["due_days.low"].editor.setText("21")
    rows["backup_keep"].editor.setText("10")
    dialog.save_button.click()
    assert dialog.status.text() == "已保存"
    assert load_settings(home).due_days["low"] == 21 and load_settings(home).backup_keep == 10
    assert signed_in.settings.backup_keep == 10  # the window uses the new settings
    assert _changes(people_store) == [
        ("E001", {"due_days.low": {"old": 14, "new": 21}, "backup_keep": {"old": 7, "new": 10}})
    ]
    assert rows["due_days.low"].info.current == 21  # read anew after saving


def test_a_wrong_value_is_told_next_to_its_field_and_nothing_is_saved(
    signed_in, people_store, home, qtbot
):
    dialog = admin_settings.open_dialog(signed_in)
    bundle = dialog.rows["notes_per_bundle"]
    state, _text, _pos = bundle.editor.validator().validate("12ab", 0)
    assert state == QValidator.State.Invalid  # refused as typed
    bundle.editor.setText("0")
    qtbot.keyClick(bundle.editor, Qt.Key.Key_Return)  # leaving the field checks it
    assert "“每捆张数”须为 1 至 10000 之间的整数" in bundle.error.text()
    assert bundle.error.isVisible()
    dialog.save_button.click()
    assert dialog.status.text() == "" and not (home / "settings.json").exists()
    bundle.editor.setText("950")  # a number, but not a whole number of straps: the core says so
    dialog.save_button.click()
    assert bundle.error.isVisible() and "整数倍" in bundle.error.text()
    folder = dialog.rows["backup_folder"]
    folder.editor.setText("relative/folder")
    bundle.editor.setText("1000")
    dialog.save_button.click()
    assert "完整路径" in folder.error.text() and bundle.error.isHidden()
    assert _changes(people_store) == [] and not (home / "settings.json").exists()


def test_a_teller_is_refused_and_the_window_says_why(make_window, vault, home, qtbot):
    window = make_window()
    vault.sign_in(window, "E004")
    dialog = admin_settings.open_dialog(window)
    dialog.rows["backup_keep"].editor.setText("3")
    dialog.save_button.click()
    assert "E004" in dialog.error.text() and dialog.status.text() != "已保存"
    assert not (home / "settings.json").exists()


def test_the_holiday_table_is_imported_and_shown(signed_in, home, tmp_path, qtbot):
    dialog = admin_settings.open_dialog(signed_in)
    assert "未导入" in dialog.holiday_label.text()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"holidays": ["2027-02-30"]}), encoding="utf-8")
    dialog.import_holiday_table(bad)
    assert "2027-02-30" in dialog.holiday_error.text() and dialog.holiday_error.isVisible()
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps({"holidays": ["2027-10-01", "2027-10-04"], "workdays": ["2027-09-26"]}),
        encoding="utf-8",
    )
    dialog.import_holiday_table(good)
    assert dialog.holiday_label.text() == "节假日表：2027 年，2 个休息日，1 个调休上班日"
    assert dialog.holiday_error.isHidden() and (home / "holidays.json").exists()


def test_the_labels_follow_the_language(signed_in, qtbot):
    dialog = admin_settings.open_dialog(signed_in)
    try:
        i18n.set_language("en")
        qtbot.waitUntil(lambda: dialog.rows["notes_per_bundle"].label.text() == "Notes per bundle")
        assert dialog.rows["language"].editor.currentText() == "Chinese"
    finally:
        i18n.set_language("zh")
    qtbot.waitUntil(lambda: dialog.rows["notes_per_bundle"].label.text() == "每捆张数")


def test_the_administration_menu_opens_it(signed_in):
    [action] = [a for a, text in signed_in.admin_menu.actions if text == "设置"]
    action.trigger()
    assert signed_in.findChild(admin_settings.SettingsDialog).isVisible()
