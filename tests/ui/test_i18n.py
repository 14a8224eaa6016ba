"""The window's language: every visible text of every screen has its English, Qt's own dialogs
follow the language, plurals and lists read right, the choice is remembered.

The completeness check walks every screen as the tests build them (the demo store, signed in,
each checklist's inspection section by section, the result, signing, a sealed record, the
findings board, the new-inspection and account-import dialogs) in English and lists any visible
text with Chinese characters. Not a missing translation, and so left out:
- the branch's own data: people's names, the branch's name, escort companies (the register);
- the language menu, which names both languages on purpose ("语言 / Language", "中文（简体）").
Checklist texts are bilingual data picked in the current language: they must be English too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from branchcheck import inspections
from branchcheck.people.roster import list_staff
from ui import i18n
from ui.main_window import MainWindow
from ui.tasks import SyncTaskRunner

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
BOTH_LANGUAGES = ("语言 / Language", "中文（简体）")


def texts_of(widget: QWidget) -> list[str]:
    """What a person reads on one widget (not what they typed in it)."""
    out = [widget.toolTip()]
    if isinstance(widget, QLabel):
        out.append(widget.text())
    if isinstance(widget, QAbstractButton):
        out.append(widget.text())
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        out.append(widget.placeholderText())
    if isinstance(widget, QGroupBox):
        out.append(widget.title())
    if isinstance(widget, QTabWidget):
        out += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QComboBox):
        out += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QListWidget):
        out += [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QMenuBar):
        out += [a.text() for menu in widget.actions() for a in (menu, *_actions(menu.menu()))]
    if isinstance(widget, QTableWidget):
        for c in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(c)
            out.append(item.text() if item else "")
        for r in range(widget.rowCount()):
            for c in range(widget.columnCount()):
                cell = widget.item(r, c)
                out += [cell.text(), cell.toolTip()] if cell else []
    return out


def _actions(menu) -> list:
    return list(menu.actions()) if isinstance(menu, QMenu) else []


def lone_ampersands(root: QWidget) -> list[str]:
    """Buttons, tabs and labels whose text has an "&" Qt would take for a shortcut mark (shown as
    an underline, the "&" itself gone): a literal "&" is written "&&"."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts = []
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        found += [t for t in texts if "&" in t.replace("&&", "")]
    return found


def untranslated(root: QWidget, data: list[str]) -> list[str]:
    """The visible texts under `root` with Chinese left once the branch's data is taken out."""
    found = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        for text in texts_of(widget):
            rest = text
            for known in data:
                rest = rest.replace(known, "")
            if CJK.search(rest):
                found.append(f"{type(widget).__name__} {widget.objectName() or ''}: {text!r}")
    return found


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("zh")


@pytest.fixture
def switched(qtbot):
    """Switch a screen built in Chinese to English live, as the language menu does; back after."""

    def switch(lang: str) -> None:
        i18n.set_language(lang)
        qtbot.wait(5)  # the LanguageChange events are posted

    yield switch
    switch("zh")


def _strings(value: object, *, english_only: bool = False) -> list[str]:
    """Every string in a JSON value; with english_only, the "en" of each {"zh", "en"} pair."""
    if isinstance(value, str):
        return [] if english_only else [value]
    if isinstance(value, dict):
        if english_only and isinstance(value.get("en"), str) and "zh" in value:
            return [value["en"]]
        return [s for v in value.values() for s in _strings(v, english_only=english_only)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, english_only=english_only)]
    return []


def _data(store) -> list[str]:
    """The branch's data a screen may show as it is: the register's names, what was typed into
    the records, and the checklists' English (which keeps a Chinese term of art here and there)."""
    import json

    from branchcheck.db.read import rows

    with store.read() as conn:
        branches = [r["name"] for r in rows(conn, "SELECT name FROM branch")]
        answers = [json.loads(r["value"]) for r in rows(conn, "SELECT value FROM answer")]
        templates = [
            json.loads(r["content"]) for r in rows(conn, "SELECT content FROM template_version")
        ]
    people = list_staff(store)
    names = [p.name for p in people] + [p.organisation for p in people]
    typed = _strings(answers)
    checklists = _strings(templates, english_only=True)
    known = {*names, *branches, *typed, *checklists, *BOTH_LANGUAGES}
    return sorted((k for k in known if CJK.search(k)), key=len, reverse=True)


def _sign_in(window: MainWindow) -> None:
    login = window.login
    assert login is not None
    login.select("E001")
    login.password.setText("demo1234")
    login.button.click()
    assert window.user is not None


def _corrections(store) -> list[str]:
    """An open inspection of every checklist the demo sealed: a correction, answers and all."""
    seen: dict[str, str] = {}
    for r in inspections.list_records(store, status="sealed"):
        seen.setdefault(r.checklist, r.id)
    return [inspections.correct(store, rid, actor="E001") for rid in seen.values()]


def test_every_visible_text_has_its_english(qtbot, demo, home, switched):
    """Each screen is built and filled in Chinese, then switched to English live: a text set
    once when the screen was built, and not again on the switch, stays Chinese and is listed."""
    window = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    data = _data(demo)
    missing: dict[str, list[str]] = {}

    def look(where: str, root: QWidget | None = None) -> None:
        switched("en")
        found = untranslated(root or window, data)
        found += [f"a lone & (a shortcut mark): {t!r}" for t in lone_ampersands(root or window)]
        switched("zh")
        if found:
            missing[where] = found

    look("sign-in")
    _sign_in(window)
    window.show_home()
    home_screen = window.home_screen
    for tab in range(home_screen.tabs.count()):
        home_screen.tabs.setCurrentIndex(tab)
        home_screen.table.selectRow(0)
        look(f"home, tab {tab}")
    sealed = inspections.list_records(demo, status="sealed")[0].id
    for iid in _corrections(demo):
        window.show_inspection(iid)
        screen = window.inspection
        assert screen.state is not None
        template = screen.state.template
        for section in range(len(template.sections)):
            screen.go_to(section)
            look(f"inspection {template.key}, section {section + 1}")
    window.resume(sealed)
    look("sealed record")
    window.show_findings()
    for key, button in window.findings_screen.filter_buttons.items():
        button.click()
        look(f"findings, {key}")
    window.new_inspection()
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            look(f"dialog {type(dialog).__name__}", dialog)
            dialog.reject()
    window.import_accounts()
    if window.import_dialog is not None:
        look("account import", window.import_dialog)
        window.import_dialog.reject()
    report = "\n".join(
        f"  {where}:\n    " + "\n    ".join(found) for where, found in missing.items()
    )
    assert not missing, (
        "visible texts without English (add them to resources/i18n/en_<part>.py, then run "
        "resources/i18n/update_translations.py):\n" + report
    )


def test_a_completed_record_s_result_and_signing_are_english(qtbot, demo, home, english):
    window = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    window.show()
    _sign_in(window)
    iid = _corrections(demo)[0]
    inspections.complete(demo, iid)
    data = _data(demo)
    window.show_review(iid)
    assert untranslated(window, data) == []
    window.show_signing(iid)
    assert untranslated(window, data) == []


def test_qt_s_own_texts_follow_the_language(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.set_language("zh")  # as the window does at start: Qt's own Chinese catalogue installed
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "取消"
    try:
        i18n.set_language("en")
        qtbot.waitUntil(lambda: cancel.text() == "Cancel")
    finally:
        i18n.set_language("zh")
    qtbot.waitUntil(lambda: cancel.text() == "取消")
    assert QCoreApplication.translate("QFileDialog", "Open") == "打开"


def test_plurals_and_lists_in_each_language(english):
    assert i18n.plural(1, "{n} 个问题", "{n} finding", "{n} findings") == "1 finding"
    assert i18n.plural(2, "{n} 个问题", "{n} finding", "{n} findings") == "2 findings"
    assert i18n.join(["a.pdf", "b.xlsx"]) == "a.pdf, b.xlsx"
    i18n.set_language("zh")
    assert i18n.plural(2, "{n} 个问题", "{n} finding", "{n} findings") == "2 个问题"
    assert i18n.join(["a.pdf", "b.xlsx"]) == "a.pdf、b.xlsx"


def test_the_language_is_remembered_per_data_folder(tmp_path):
    assert i18n.remembered_language(tmp_path) is None
    i18n.remember_language(tmp_path, "en")
    assert i18n.remembered_language(tmp_path) == "en"
    assert (tmp_path / i18n.WINDOW_SETTINGS).is_file()
    i18n.remember_language(tmp_path, "zh")
    assert i18n.remembered_language(tmp_path) == "zh"
    assert i18n.remembered_language(None) is None


def test_the_menu_s_choice_is_the_next_start_s_language(qtbot, people_store, home):
    window = MainWindow(people_store, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    try:
        window.set_language("en")
        assert i18n.remembered_language(home) == "en"
    finally:
        window.set_language("zh")
    assert i18n.remembered_language(home) == "zh"
