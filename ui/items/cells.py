"""Table cells and tables the item widgets share: the live number editor, number, text and check
cells, a table laid out for an item card, its height fitted to its rows."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.items import Index
from ui.items.basic import YUAN_PATTERN

NUMBER_FONT_PT = 13
ROW_HEIGHT = 36


class LiveDelegate(QStyledItemDelegate):
    """An editor for whole numbers (or yuan amounts) that reports every keystroke."""

    edited = Signal(int, int, str)  # row, column, text being typed

    def __init__(self, parent: QWidget, *, money: bool = False) -> None:
        super().__init__(parent)
        self.money = money
        self.editor: QLineEdit | None = None

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QLineEdit:
        editor = QLineEdit(parent)
        if self.money:
            editor.setValidator(QRegularExpressionValidator(YUAN_PATTERN, editor))
        else:
            editor.setValidator(QIntValidator(0, 99_999_999, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = editor.font()
        font.setPointSize(NUMBER_FONT_PT)
        editor.setFont(font)
        where = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: self.edited.emit(where.row(), where.column(), text))
        self.editor = editor
        editor.destroyed.connect(self._forget)
        return editor

    def _forget(self) -> None:
        self.editor = None


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


def make_table(parent: QWidget, rows: int, cols: int) -> QTableWidget:
    table = QTableWidget(rows, cols, parent)
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
