"""What the head-office window's parts share: a read-only table, a core text in the window's
language (head office's reasons are written "english / 中文" as well as "中文 / english"), the
relay that carries the ingest's progress from the worker thread, a folder or file field."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.screens import show_error
from ui.tasks import describe


def when(text: str | None) -> str:
    """A stored time (ISO with its offset) as the branch-local "YYYY-MM-DD HH:MM"."""
    from branchcheck import clock

    if not text:
        return "—"
    try:
        return clock.local(clock.parse_iso(text)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text[:16]


def _cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def in_language(text: str) -> str:
    """Each line "a / b" of a core text as its half in the window's language (the Chinese half
    is the one with Chinese characters, whichever side it is on); other lines as they are."""
    english = i18n.lang() == "en"
    out = []
    for line in text.splitlines():
        parts = line.rsplit(" / ", 1)
        if len(parts) == 2 and _cjk(parts[0]) != _cjk(parts[1]):
            zh, en = parts if _cjk(parts[0]) else parts[::-1]
            if english and ": " in zh and not _cjk(zh.split(": ", 1)[0]) and not _cjk(en):
                en = zh.split(": ", 1)[0] + ": " + en  # the file the Chinese half names
            out.append(en if english else zh)
        else:
            out.append(line)
    return "\n".join(out)


def table(parent: QWidget, columns: int) -> QTableWidget:
    """A read-only table chosen by whole rows, one at a time."""
    t = QTableWidget(0, columns, parent)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.setWordWrap(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill(t: QTableWidget, rows: list[list[str]]) -> list[list[QTableWidgetItem]]:
    """Put `rows` in the table (its items, to colour)."""
    t.setRowCount(len(rows))
    items = []
    for r, cells in enumerate(rows):
        line = []
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text if len(text) > 40 else "")
            t.setItem(r, c, item)
            line.append(item)
        items.append(line)
    return items


def selected_index(t: QTableWidget) -> int | None:
    model = t.selectionModel()
    picked = model.selectedRows() if model else []
    return picked[0].row() if picked else None


class PackageProgress(QObject):
    """The ingest's progress (done, total), emitted on the worker thread, received on the GUI
    thread (a queued signal)."""

    progressed = Signal(int, int)

    def report(self, done: int, total: int, _outcome: object) -> None:
        self.progressed.emit(done, total)


def path_row(parent: QWidget, edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    button.setAutoDefault(False)
    row.addWidget(button)
    return row


def field_box(
    parent: QWidget, edit: QLineEdit, error: QLabel, button: QPushButton | None = None
) -> QVBoxLayout:
    """A form row's field: the edit (with its 选择… button, if any) and its error label under it."""
    box = QVBoxLayout()
    box.setSpacing(2)
    if button is not None:
        box.addLayout(path_row(parent, edit, button))
    else:
        box.addWidget(edit)
    box.addWidget(error)
    return box


class Told:
    """The core's refusals shown in labels, kept so that a language switch shows them again in
    the new language (`retell`)."""

    def __init__(self) -> None:
        self._told: dict[QLabel, BaseException] = {}

    def tell(self, label: QLabel, exc: BaseException | None) -> None:
        if exc is None:
            self._told.pop(label, None)
            show_error(label, None)
        else:
            self._told[label] = exc
            show_error(label, describe(exc))

    def retell(self) -> None:
        for label, exc in self._told.items():
            if not label.isHidden():
                show_error(label, describe(exc))
