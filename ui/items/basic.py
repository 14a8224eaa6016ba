"""Widgets for the plain item types: yes/no, count, money, text, date, date-time, choice, person,
seal number and computed items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, QRegularExpression, Qt, QTime
from PySide6.QtGui import QIntValidator, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from branchcheck.checklists import Item
from branchcheck.engine import Outcome
from branchcheck.errors import BranchCheckError
from branchcheck.money import fen_to_yuan, yuan_to_fen
from ui import i18n
from ui.items import ItemContext, ItemWidget, register
from ui.style import RESULT_COLOURS

YUAN_PATTERN = QRegularExpression(r"^[¥￥]?-?[0-9,]*(\.[0-9]{0,2})?$")


def yuan_text(fen: int) -> str:
    return f"{fen_to_yuan(fen):.2f}"


def _row(widget: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    return layout


@register("yes_no")
class YesNoWidget(ItemWidget):
    """Three big toggle buttons; keys Y/N/A (or 1/2/3) answer, Enter goes on to the next item."""

    KEYS = {
        Qt.Key.Key_Y: "yes",
        Qt.Key.Key_1: "yes",
        Qt.Key.Key_N: "no",
        Qt.Key.Key_2: "no",
        Qt.Key.Key_A: "na",
        Qt.Key.Key_3: "na",
    }

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = _row(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        choices = ["yes", "no"] + (["na"] if item.allow_na else [])
        for key in choices:
            button = QPushButton(self)
            button.setObjectName("answer")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, k=key: self.answered.emit(k))
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        labels = {"yes": self.tr("是 (Y)"), "no": self.tr("否 (N)"), "na": self.tr("不适用 (A)")}
        for key, button in self.buttons.items():
            button.setText(labels[key])

    def set_value(self, value: Any) -> None:
        button = self.buttons.get(value)
        if button is not None:
            button.setChecked(True)

    def choose(self, key: str) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)
            self.answered.emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        if key in self.KEYS and self.KEYS[key] in self.buttons:
            self.choose(self.KEYS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focus_next.emit()
        else:
            super().keyPressEvent(event)


class _LineWidget(ItemWidget):
    """A line edit that commits on editingFinished when its text changed; Enter goes on."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        layout = _row(self)
        self.edit = QLineEdit(self)
        self.edit.setMinimumWidth(220)
        self.edit.setMaximumWidth(420)
        layout.addWidget(self.edit)
        self.suffix = QLabel(self)
        layout.addWidget(self.suffix)
        layout.addStretch(1)
        self._committed: str | None = None
        self._drafting = False  # typed since the last answer: the card keeps a draft of it
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.edit.returnPressed.connect(self.focus_next.emit)
        self.setFocusProxy(self.edit)

    def focus_target(self) -> QWidget:
        return self.edit

    def _typed(self, text: str) -> None:
        self._drafting = True
        self.drafted.emit(text)

    def draft(self) -> str:
        return self.edit.text()

    def set_draft(self, draft: Any) -> None:
        if isinstance(draft, str):
            self.edit.setText(draft)

    def _finished(self) -> None:
        raw = self.edit.text().strip()
        if raw == "" or (raw == self._committed and not self._drafting):
            return  # an emptied field is kept as a draft, not answered
        try:
            value = self.to_answer(raw)
        except BranchCheckError as exc:
            self.invalid.emit(str(exc))
            return
        self._committed = raw
        self._drafting = False
        self.answered.emit(value)  # typed back to the answer: answered again, no draft left

    def to_answer(self, raw: str) -> Any:
        return raw

    def show_text(self, raw: str) -> None:
        self.edit.setText(raw)
        self._committed = raw


@register("count")
class CountWidget(_LineWidget):
    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.edit.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.retranslate()

    def retranslate(self) -> None:
        unit = self.item.params.get("unit")
        self.suffix.setText(i18n.text(unit) if unit else "")
        self.edit.setPlaceholderText(self.tr("数量"))

    def to_answer(self, raw: str) -> Any:
        return int(raw)

    def set_value(self, value: Any) -> None:
        self.show_text(str(value))


@register("money")
class MoneyWidget(_LineWidget):
    """Typed in yuan ("1234.56"), answered in integer fen."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.edit.setValidator(QRegularExpressionValidator(YUAN_PATTERN, self))
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.suffix.setText(self.tr("元"))
        self.edit.setPlaceholderText(self.tr("金额，如 1234.56"))

    def to_answer(self, raw: str) -> Any:
        return yuan_to_fen(raw, field=self.tr("金额"))

    def set_value(self, value: Any) -> None:
        self.show_text(yuan_text(int(value)))


@register("text")
class TextWidget(_LineWidget):
    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.edit.setMaximumWidth(16777215)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(
            self.tr("填写说明（可留空）") if not self.item.required else ""
        )

    def set_value(self, value: Any) -> None:
        self.show_text(str(value))


@register("seal_no")
class SealNoWidget(_LineWidget):
    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("封签号"))

    def to_answer(self, raw: str) -> Any:
        return raw.upper()

    def set_value(self, value: Any) -> None:
        self.show_text(str(value))


class _CalendarWidget(ItemWidget):
    """A date or date-and-time field: answered when editing finishes or on Enter."""

    display_format = ""
    answer_format = ""
    field_width = 180

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        layout = _row(self)
        self.edit = self.make_edit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(self.display_format)
        self.edit.setMinimumWidth(self.field_width)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self._dirty = False
        self.edit.dateTimeChanged.connect(self._mark)
        self.edit.editingFinished.connect(self._finished)
        self.setFocusProxy(self.edit)

    def make_edit(self) -> QDateTimeEdit:
        raise NotImplementedError

    def _mark(self) -> None:
        self._dirty = True

    def _finished(self) -> None:
        if self._dirty:
            self._dirty = False
            self.answered.emit(self.edit.dateTime().toString(self.answer_format))

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        # the answer text is as long as its format ("2026-11-20T09:30" ↔ "yyyy-MM-ddTHH:mm");
        # a stored time zone offset after it is the branch's own and is not shown
        text = str(value)[: len(self.answer_format)]
        self.edit.setDateTime(QDateTime.fromString(text, self.answer_format))
        self.edit.blockSignals(False)

    def focus_target(self) -> QWidget:
        return self.edit

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._dirty = True
            self._finished()
            self.focus_next.emit()
        else:
            super().keyPressEvent(event)


@register("date")
class DateWidget(_CalendarWidget):
    display_format = "yyyy-MM-dd"
    answer_format = "yyyy-MM-dd"

    def make_edit(self) -> QDateTimeEdit:
        return QDateEdit(QDate.currentDate(), self)


@register("datetime")
class DateTimeWidget(_CalendarWidget):
    display_format = "yyyy-MM-dd HH:mm"
    answer_format = "yyyy-MM-ddTHH:mm"
    field_width = 220

    def make_edit(self) -> QDateTimeEdit:
        return QDateTimeEdit(QDateTime(QDate.currentDate(), QTime.currentTime()), self)


@register("choice")
class ChoiceWidget(ItemWidget):
    """Buttons for up to four choices, a combo box beyond."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        layout = _row(self)
        self.buttons: dict[str, QPushButton] = {}
        self.combo: QComboBox | None = None
        if len(item.choices) <= 4:
            group = QButtonGroup(self)
            for choice in item.choices:
                button = QPushButton(self)
                button.setObjectName("answer")
                button.setCheckable(True)
                button.clicked.connect(lambda _=False, k=choice.key: self.answered.emit(k))
                group.addButton(button)
                self.buttons[choice.key] = button
                layout.addWidget(button)
        else:
            self.combo = QComboBox(self)
            self.combo.setMinimumWidth(260)
            self.combo.activated.connect(self._activated)
            layout.addWidget(self.combo)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        if self.combo is None:
            for choice in self.item.choices:
                self.buttons[choice.key].setText(i18n.text(choice.label))
            return
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("请选择…"), None)
        for choice in self.item.choices:
            self.combo.addItem(i18n.text(choice.label), choice.key)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)

    def _activated(self, index: int) -> None:
        key = self.combo.itemData(index) if self.combo else None
        if key:
            self.answered.emit(key)

    def set_value(self, value: Any) -> None:
        if self.combo is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
        elif value in self.buttons:
            self.buttons[value].setChecked(True)


@register("person")
class PersonWidget(ItemWidget):
    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        layout = _row(self)
        self.combo = QComboBox(self)
        self.combo.setMinimumWidth(300)
        self.combo.activated.connect(self._activated)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.setFocusProxy(self.combo)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("请选择人员…"), None)
        for person in self.ctx.staff:
            self.combo.addItem(f"{person.name} ({person.employee_no})", person.employee_no)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)

    def _activated(self, index: int) -> None:
        employee_no = self.combo.itemData(index)
        if employee_no:
            self.answered.emit(employee_no)

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))

    def focus_target(self) -> QWidget:
        return self.combo


@register("computed")
class ComputedWidget(ItemWidget):
    """No answer: shows what the rule worked out from the store (the screen asks for it)."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        layout = _row(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-size: 13pt;")
        layout.addWidget(self.label, 1)
        self._outcome: Outcome | None = None
        self.retranslate()

    def retranslate(self) -> None:
        if self._outcome is None:
            self.label.setText(self.tr("由系统根据记录自动判断"))
        else:
            self.show_outcome(self._outcome)

    def show_outcome(self, outcome: Outcome) -> None:
        self._outcome = outcome
        colour = RESULT_COLOURS.get(outcome.result, "#1f2933")
        self.label.setText(i18n.text(outcome.display))
        self.label.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {colour};")


class UnsupportedWidget(ItemWidget):
    """For an item type no widget is registered for: says so instead of failing the screen."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        layout = _row(self)
        self.label = QLabel(self)
        self.label.setObjectName("error")
        layout.addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(
            self.tr("此版本不支持题型 “{type}”，请用命令行作答").format(type=self.item.type)
        )
