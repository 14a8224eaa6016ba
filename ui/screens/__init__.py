"""The screens of the main window's stack; each one thin: it calls the core and shows the result."""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QWidget


class Screen(QWidget):
    """A page of the stack. Subclasses set their texts in `retranslate()` (also on a language switch)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


def title_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("screenTitle")
    return label


def subtle_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("subtle")
    label.setWordWrap(True)
    return label


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


def primary_button(parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName("primary")
    return button


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=HasId)


def selected_row(table: QTableWidget, rows: list[Row]) -> Row | None:
    """The view behind the selected row of a single-selection table, if any."""
    model = table.selectionModel()
    picked = model.selectedRows() if model else []
    if not picked or picked[0].row() >= len(rows):
        return None
    return rows[picked[0].row()]


def select_by_id(table: QTableWidget, rows: list[Row], row_id: str) -> None:
    for r, row in enumerate(rows):
        if row.id == row_id:
            table.selectRow(r)
