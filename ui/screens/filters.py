"""A row of filters over a list: a text search and choices, each "全部" (all) first.

Only the widgets: the screen turns `values()` into the keyword filters of its core query
(`inspections.list_records`, `findings.list_findings`) and runs it on the worker. A typed search
waits for a short pause before it asks (`changed` once, not once per key)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from branchcheck.db.read import MAX_SEARCH
from ui import i18n

PAUSE_MS = 300  # a typed search asks once the typing pauses this long
ALL = {"zh": "全部", "en": "All"}
Choices = Sequence[tuple[str, str]]  # (value, text shown)


class FilterBar(QWidget):
    changed = Signal()  # a filter changed (a typed search: after the pause)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(MAX_SEARCH)
        self.search.setMinimumWidth(150)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.layout_.addWidget(self.search, 2)
        self.choices: dict[str, QComboBox] = {}
        self.labels: dict[str, tuple[QLabel, Callable[[], str]]] = {}
        self.dates: DateRange | None = None
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self.changed.emit)
        self.search.textEdited.connect(lambda _t: self.pause.start())
        self.search.returnPressed.connect(self._now)

    def _now(self) -> None:
        if self.pause.isActive():
            self.pause.stop()
            self.changed.emit()

    def add_choice(self, key: str, label: Callable[[], str]) -> QComboBox:
        """A labelled choice, "all" first; `label()` gives its label in the current language."""
        name = QLabel(self)
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.addItem(i18n.text(ALL), None)
        box.activated.connect(lambda _i: self.changed.emit())
        name.setBuddy(box)
        self.layout_.addWidget(name)
        self.layout_.addWidget(box)
        self.choices[key] = box
        self.labels[key] = (name, label)
        return box

    def add_dates(self, row: QBoxLayout | None = None) -> DateRange:
        """A date range, in the bar or in `row` (another row of the screen, where it has room)."""
        self.dates = DateRange(self)
        self.dates.changed.connect(self.changed.emit)
        (row or self.layout_).addWidget(self.dates)
        return self.dates

    def set_choices(self, key: str, choices: Choices) -> None:
        """Replace a choice's options, keeping the one chosen when it is still there."""
        box = self.choices[key]
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(i18n.text(ALL), None)
        for value, shown in choices:
            box.addItem(shown, value)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        box.blockSignals(False)

    def value(self, key: str) -> str | None:
        data = self.choices[key].currentData()
        return str(data) if data is not None else None

    def set_value(self, key: str, value: str | None) -> None:
        box = self.choices[key]
        box.setCurrentIndex(max(0, box.findData(value)) if value is not None else 0)

    def text(self) -> str:
        return self.search.text().strip()

    def is_set(self) -> bool:
        """Any filter narrows the list."""
        chosen = any(box.currentData() is not None for box in self.choices.values())
        return bool(self.text()) or chosen or (self.dates is not None and self.dates.is_set())

    def clear(self) -> None:
        """Every filter back to all, without asking (the screen asks once)."""
        self.pause.stop()
        self.search.clear()
        for box in self.choices.values():
            box.setCurrentIndex(0)
        if self.dates is not None:
            self.dates.clear()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for key, box in self.choices.items():
            box.setItemText(0, i18n.text(ALL))
            name, label = self.labels[key]
            name.setText(label())


def qdate(day: str) -> QDate:
    return QDate.fromString(day, "yyyy-MM-dd")


class DateRange(QWidget):
    """From–to dates, used only when ticked (a date edit cannot be empty)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.use = QCheckBox(self)
        today = QDate.currentDate()
        self.first = QDateEdit(today.addMonths(-1), self)
        self.last = QDateEdit(today, self)
        self.to = QLabel(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never cut
            edit.setEnabled(False)
            edit.dateChanged.connect(self._date_changed)
        row.addWidget(self.use)
        row.addWidget(self.first)
        row.addWidget(self.to)
        row.addWidget(self.last)
        self.use.toggled.connect(self._toggled)

    def _date_changed(self, _day: QDate) -> None:
        if self.use.isChecked():
            self.changed.emit()

    def _toggled(self, on: bool) -> None:
        self.first.setEnabled(on)
        self.last.setEnabled(on)
        self.changed.emit()

    def is_set(self) -> bool:
        return self.use.isChecked()

    def span(self) -> tuple[str, str] | None:
        """(first, last) as ISO dates when ticked, else None."""
        if not self.use.isChecked():
            return None
        return (
            self.first.date().toString("yyyy-MM-dd"),
            self.last.date().toString("yyyy-MM-dd"),
        )

    def set_span(self, first: str, last: str) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self.use.blockSignals(True)
        self.use.setChecked(True)
        self.use.blockSignals(False)
        self.first.setEnabled(True)
        self.last.setEnabled(True)

    def clear(self) -> None:
        self.use.blockSignals(True)
        self.use.setChecked(False)
        self.use.blockSignals(False)
        self.first.setEnabled(False)
        self.last.setEnabled(False)

    def retranslate(self, label: str, to: str) -> None:
        self.use.setText(label)
        self.to.setText(to)


class _EnterOpens(QObject):
    """Enter (or Return) on a table opens its selected row, as a double click does."""

    def __init__(self, table: QWidget, open_row: Callable[[], None]) -> None:
        super().__init__(table)
        self.open_row = open_row
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.open_row()
                return True
        return False


def enter_opens(table: QWidget, open_row: Callable[[], None]) -> None:
    """Enter (or Return) on `table` calls `open_row`."""
    _EnterOpens(table, open_row)
