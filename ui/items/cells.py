"""Table cells and tables the item widgets share: the live number editor, number, text and check
cells, a table laid out for an item card, its height fitted to its rows, and the keyboard flow of
every table (CellTable): Tab and Enter move between the cells a person fills in, in reading
order; Tab past the last one and Ctrl+Tab leave the table; Esc cancels an edit and keeps focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QFont, QIntValidator, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from branchcheck.errors import BranchCheckError
from branchcheck.money import format_fen, yuan_to_fen
from ui.items import Index
from ui.items.basic import YUAN_PATTERN

NUMBER_FONT_PT = 13
ROW_HEIGHT = 36
# an amount as it may be typed: digits (grouping commas allowed), one point, at most two decimals
UNSIGNED_YUAN = QRegularExpression(r"^[¥￥]?[0-9][0-9,]*(\.[0-9]{0,2})?$|^$")
MAX_COUNT_TYPED = 99_999_999


def amount_shown(text: str) -> str:
    """A typed amount as a table shows it, "¥5,000.00"; text that is no amount stays as it is."""
    if not text.strip():
        return ""
    try:
        return format_fen(yuan_to_fen(text))
    except BranchCheckError:
        return text


def amount_field(edit: QLineEdit, refused: Callable[[str], None]) -> None:
    """Make `edit` take only an amount of at least 0 as it is typed; `refused` hears why not."""
    edit.setValidator(QRegularExpressionValidator(UNSIGNED_YUAN, edit))
    edit.inputRejected.connect(
        lambda: refused(
            QCoreApplication.translate(
                "LiveDelegate", "此处只能填写金额：数字、一个小数点、最多两位小数"
            )
        )
    )


class CellTable(QTableWidget):
    """A table whose keyboard stops only at the cells a person fills in (editable or checkable)."""

    finished = Signal()  # Enter on the last cell: the person is done with the table

    def __init__(self, rows: int, cols: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, cols, parent)
        self.setTabKeyNavigation(True)

    def stops(self) -> list[tuple[int, int]]:
        """The cells the keyboard stops at, in reading order: editable or checkable cells and
        cells holding a control (a choice list)."""
        return [
            (r, c)
            for r in range(self.rowCount())
            for c in range(self.columnCount())
            if not self.isColumnHidden(c) and self._fillable(r, c)
        ]

    def _fillable(self, r: int, c: int) -> bool:
        widget = self.cellWidget(r, c)
        if widget is not None:
            return widget.isEnabled()
        cell = self.item(r, c)
        wanted = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        return (
            cell is not None
            and bool(cell.flags() & wanted)
            and bool(cell.flags() & Qt.ItemFlag.ItemIsEnabled)
        )

    def _go(self, r: int, c: int) -> None:
        """Make (r, c) current and give the keyboard to it (to its control, if it holds one)."""
        self.setCurrentCell(r, c)
        widget = self.cellWidget(r, c)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
        elif not self.hasFocus():
            self.setFocus(Qt.FocusReason.TabFocusReason)

    def _step(self, by: int) -> bool:
        """Move to the next (by=1) or previous (-1) stop; False when there is none that way."""
        stops = self.stops()
        here = (self.currentRow(), self.currentColumn())
        if here in stops:
            i = stops.index(here) + by
        else:
            after = [n for n, s in enumerate(stops) if s > here]
            i = (after[0] if after else len(stops)) if by > 0 else (after[0] if after else 0) - 1
        if not 0 <= i < len(stops):
            return False
        self._go(*stops[i])
        return True

    def leave(self, forward: bool = True) -> None:
        """Give the focus to the control after (or before) the table."""
        if self.state() == QAbstractItemView.State.EditingState:
            self.setFocus()  # the open editor commits on losing focus
        QWidget.focusNextPrevChild(self, forward)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        if self._step(1 if next else -1):
            return True
        return QWidget.focusNextPrevChild(self, next)

    def closeEditor(  # noqa: N802 - Qt override
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        moves = {
            QAbstractItemDelegate.EndEditHint.EditNextItem: 1,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: -1,
        }
        if hint in moves:  # Tab or Shift+Tab inside an editor
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.setFocus()
            if not self._step(moves[hint]):
                self.leave(moves[hint] > 0)
            return
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            self.setFocus()
            self._enter()
        elif hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:  # Esc
            self.setFocus()

    def _enter(self) -> None:
        if not self._step(1):
            self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ControlModifier:
            self.leave(not mods & Qt.KeyboardModifier.ShiftModifier)
        elif key == Qt.Key.Key_Backtab and mods & Qt.KeyboardModifier.ControlModifier:
            self.leave(False)
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState
        ):
            self._enter()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        here = (self.currentRow(), self.currentColumn())
        stops = self.stops()
        if stops and here not in stops:
            backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
            self._go(*stops[-1 if backwards else 0])


class LiveDelegate(QStyledItemDelegate):
    """An editor for whole numbers (or yuan amounts) that reports every keystroke."""

    edited = Signal(int, int, str)  # row, column, text being typed
    refused = Signal(str)  # a keystroke or paste the cell cannot take, and what it takes

    def __init__(self, parent: QWidget, *, money: bool = False, signed: bool = False) -> None:
        """`money`: yuan amounts (negative ones only when `signed`), shown as ¥5,000.00;
        otherwise whole numbers of at least 0."""
        super().__init__(parent)
        self.money = money
        self.signed = signed
        self.editor: QLineEdit | None = None

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QLineEdit:
        editor = QLineEdit(parent)
        if self.money:
            pattern = YUAN_PATTERN if self.signed else UNSIGNED_YUAN
            editor.setValidator(QRegularExpressionValidator(pattern, editor))
        else:
            editor.setValidator(QIntValidator(0, MAX_COUNT_TYPED, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = editor.font()
        font.setPointSize(NUMBER_FONT_PT)
        editor.setFont(font)
        editor.inputRejected.connect(lambda: self.refused.emit(self.takes()))
        where = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: self.edited.emit(where.row(), where.column(), text))
        self.editor = editor
        editor.destroyed.connect(self._forget)
        return editor

    def _forget(self) -> None:
        self.editor = None

    def takes(self) -> str:
        """What the cell accepts, in the window's language."""
        if not self.money:
            return self.tr("此处只能填写 0 或正整数")
        if self.signed:
            return self.tr("此处只能填写金额：数字、一个小数点、最多两位小数，短款前加负号")
        return self.tr("此处只能填写金额：数字、一个小数点、最多两位小数")

    def displayText(  # noqa: N802 - Qt override
        self, value: Any, locale: QLocale | QLocale.Language
    ) -> str:
        text = super().displayText(value, locale)
        return amount_shown(text) if self.money else text


def number_cell(text: str = "", *, editable: bool = False, bold: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    cell.setFlags(flags)
    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    font = QFont()
    font.setPointSize(NUMBER_FONT_PT)
    font.setBold(bold)
    cell.setFont(font)
    return cell


def item_at(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
    """The cell the widget put there when it built the row (every cell of our tables has one)."""
    cell = table.item(row, col)
    if cell is None:
        raise LookupError(f"no cell at row {row}, column {col}")
    return cell


def fit_height(table: QTableWidget) -> None:
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


def whole_number(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else 0


def text_cell(text: str = "", *, editable: bool = True) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    cell.setFlags(flags)
    return cell


def check_cell(checked: bool = True) -> QTableWidgetItem:
    cell = QTableWidgetItem()
    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return cell


def make_table(parent: QWidget, rows: int, cols: int) -> CellTable:
    table = CellTable(rows, cols, parent)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 4)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.AllEditTriggers
        & ~QAbstractItemView.EditTrigger.CurrentChanged
    )
    return table


def is_checked(cell: QTableWidgetItem | None) -> bool:
    return cell is not None and cell.checkState() == Qt.CheckState.Checked
