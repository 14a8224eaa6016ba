"""A small form of the keys screen (create the CA, import, issue, change a password, trust a CA):
a few fields, each with its message right below it; OK runs one core call on the worker and
closes only once the core has answered. Typed values are checked first (empty, the two new
passwords the same, a key password long enough); the core's refusal is shown next to the field
it is about (`route`), else at the bottom."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.records.keys import check_key_password
from branchcheck.views import PersonRef
from ui import i18n
from ui.screens import error_label, primary_button, show_error, subtle_label, title_label
from ui.tasks import TaskRunner, describe

PASSWORD, PERSON, FILE = "password", "person", "file"
_LEAD = re.compile(r"^([^\u3000-\u9fff\uff00-\uffef]+?: )")  # "path: " before the Chinese
HINT = "\n  → "  # how BranchCheckError puts its hint after the message (English)
Text = Callable[[], str]  # a source text, translated when called (live language switch)


def in_language(message: str) -> str:
    """A core message "中文 / English" (one such pair per line) in the window's language; the
    hint (English) is kept for an English window only."""
    text, _, hint = message.partition(HINT)
    english = i18n.lang() == "en"
    lines = []
    for line in text.splitlines():
        zh, sep, en = line.partition(" / ")
        lines.append((_english(zh, en) if english else zh) if sep else line)
    shown = "\n".join(lines)
    return f"{shown}{HINT}{hint}" if hint and english else shown


def _english(zh: str, en: str) -> str:
    """The English half, with the file or name the message starts with ("path: 中文 / english")."""
    lead = _LEAD.match(zh)
    if lead:
        return lead.group(1) + en
    return en[:1].upper() + en[1:]


def fit(dialog: QWidget, width: int, height: int) -> None:
    """Open at `width` × `height`, or smaller on a small screen (1024×600 leaves room for the
    taskbar and the title bar)."""
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(width, screen.width() - 40), min(height, screen.height() - 60))


def tell(label: QLabel, message: str | None) -> None:
    """Show a core message (or none) in `label`, in the window's language; `retell` shows it
    again after a language switch."""
    label.setProperty("message", message or "")
    show_error(label, in_language(message) if message else None)


def retell(labels: Iterable[QLabel]) -> None:
    for label in labels:
        message = label.property("message")
        if message:
            label.setText(in_language(message))


@dataclass(frozen=True)
class Field:
    """One field: `key` names it in the values, `label` is its text; an `optional` one may stay
    empty; a `new_key` password must be
    a usable key password; `same_as` names the field it must repeat; `file_filter` is the file
    dialog's filter of a FILE field."""

    key: str
    label: Text
    kind: str = PASSWORD
    optional: bool = False
    new_key: bool = False
    same_as: str | None = None
    file_filter: Text | None = None


class KeyForm(QDialog):
    def __init__(
        self,
        *,
        tasks: TaskRunner,
        title: Text,
        intro: Text,
        fields: list[Field],
        submit: Callable[[dict[str, str]], Any],
        route: Callable[[BaseException, dict[str, str]], str | None],
        people: list[PersonRef] | None = None,
        chosen: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.fields = fields
        self.submit = submit
        self.route = route
        self.title_text, self.intro_text = title, intro
        self.result_value: Any = None
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.labels: dict[str, QLabel] = {}
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.pickers: dict[str, QPushButton] = {}
        for field in fields:
            self.labels[field.key] = QLabel(self)
            editor = self._editor(field, people or [], chosen)
            box = QVBoxLayout()
            box.setSpacing(2)
            if field.kind == FILE:
                row = QHBoxLayout()
                row.addWidget(editor, 1)
                pick = QPushButton(self)
                pick.setAutoDefault(False)  # Enter confirms the form, never opens a file dialog
                pick.clicked.connect(lambda _c=False, f=field: self._pick(f))
                self.pickers[field.key] = pick
                row.addWidget(pick)
                box.addLayout(row)
            else:
                box.addWidget(editor)
            self.errors[field.key] = error_label(self)
            box.addWidget(self.errors[field.key])
            form.addRow(self.labels[field.key], box)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = primary_button(self)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.confirm)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.retranslate()

    def _editor(
        self, field: Field, people: list[PersonRef], chosen: str | None
    ) -> QLineEdit | QComboBox:
        if field.kind == PERSON:
            combo = QComboBox(self)
            for p in people:
                combo.addItem(f"{p.name} ({p.employee_no})", p.employee_no)
            if chosen is not None and combo.findData(chosen) >= 0:
                combo.setCurrentIndex(combo.findData(chosen))
            self.editors[field.key] = combo
            return combo
        edit = QLineEdit(self)
        if field.kind == PASSWORD:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.editors[field.key] = edit
        return edit

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.title_text())
        self.title.setText(self.title_text())
        self.intro.setText(self.intro_text())
        for field in self.fields:
            self.labels[field.key].setText(field.label())
        for pick in self.pickers.values():
            pick.setText(self.tr("选择…"))
        self.cancel_button.setText(self.tr("取消"))
        self.ok_button.setText(self.tr("确定"))
        retell([*self.errors.values(), self.error])

    def _pick(self, field: Field) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, field.label(), "", field.file_filter() if field.file_filter else ""
        )
        if name:
            self.set_value(field.key, name)

    # ------------------------------------------------------------------ values

    def set_value(self, key: str, text: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(text))
        else:
            editor.setText(text)

    def values(self) -> dict[str, str]:
        out = {}
        for key, editor in self.editors.items():
            out[key] = (
                str(editor.currentData() or "") if isinstance(editor, QComboBox) else editor.text()
            )
        return out

    def _checked(self, values: dict[str, str]) -> dict[str, str]:
        """What is wrong with the typed values, by field (nothing is sent while any is)."""
        wrong: dict[str, str] = {}
        for field in self.fields:
            value = values[field.key]
            if not value and not field.optional:
                wrong[field.key] = self.tr("请填写“{label}”").format(label=field.label())
            elif value and field.new_key and check_key_password(value):
                wrong[field.key] = self.tr("密钥密码至少 8 个字符")
            elif field.same_as and value != values[field.same_as]:
                wrong[field.key] = self.tr("两次输入的密码不一致")
        return wrong

    # ------------------------------------------------------------------ running

    def confirm(self) -> None:
        values = self.values()
        wrong = self._checked(values)
        for key, label in self.errors.items():
            tell(label, None)
            show_error(label, wrong.get(key))
        tell(self.error, None)
        if wrong:
            return
        self.ok_button.setEnabled(False)
        self.tasks.run_in_background(
            lambda: self.submit(values), self._done, lambda exc: self._failed(exc, values)
        )

    def _done(self, result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException, values: dict[str, str]) -> None:
        self.ok_button.setEnabled(True)
        key = self.route(exc, values)
        label = self.errors[key] if key is not None and key in self.errors else self.error
        tell(label, describe(exc))
