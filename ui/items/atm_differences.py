"""The ATM's outstanding differences: each difference still open from an earlier job, with the
date it arose, its age and whether it is overdue (the engine's `atm.age` says)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck.checklists import Item
from branchcheck.engine.atm import age
from branchcheck.engine.cash import diff_label
from branchcheck.errors import BranchCheckError
from branchcheck.money import yuan_to_fen
from ui import i18n
from ui.items import Index, ItemContext, ItemWidget, register
from ui.items.atm import fen_or_none
from ui.items.basic import yuan_text
from ui.items.cells import (
    LiveDelegate,
    fit_height,
    item_at,
    make_table,
    number_cell,
    text_cell,
)
from ui.style import diff_colour


class DateDelegate(QStyledItemDelegate):
    """A calendar date editor; the cell holds the ISO date text."""

    def __init__(self, parent: QWidget, latest: date) -> None:
        super().__init__(parent)
        self.latest = latest

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QDateEdit:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setMaximumDate(QDate(self.latest.year, self.latest.month, self.latest.day))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        text = index.data() or ""
        day = QDate.fromString(text, "yyyy-MM-dd")
        if isinstance(editor, QDateEdit):
            editor.setDate(day if day.isValid() else editor.maximumDate())

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date().toString("yyyy-MM-dd"))


@register("open_differences")
class OpenDifferencesWidget(ItemWidget):
    """ATM differences still on the suspense account: date booked, signed amount, age."""

    COL_DATE, COL_AMOUNT, COL_KIND, COL_AGE, COL_NOTE = range(5)
    TYPED = (COL_DATE, COL_AMOUNT, COL_NOTE)

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.today = ctx.state.local_date
        self._filling = False
        self._committed: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.table = make_table(self, 0, 5)
        self.table.finished.connect(self.focus_next.emit)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(110)
        self.table.setItemDelegateForColumn(self.COL_DATE, DateDelegate(self.table, self.today))
        self.money = LiveDelegate(self.table, money=True, signed=True)
        self.money.refused.connect(self.invalid.emit)
        self.table.setItemDelegateForColumn(self.COL_AMOUNT, self.money)
        self.table.itemChanged.connect(self._cell_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.none_button = QPushButton(self)
        self.none_button.setObjectName("answer")
        self.none_button.setCheckable(True)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons.addWidget(self.none_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.none_button.clicked.connect(self._none)
        self.add_button.clicked.connect(lambda: self.add_row(edit=True))
        self.remove_button.clicked.connect(self.remove_row)
        fit_height(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("挂账日期"),
                self.tr("金额（元，短款为负）"),
                self.tr("类别"),
                self.tr("已挂账天数"),
                self.tr("说明"),
            ]
        )
        self.none_button.setText(self.tr("无未处理长短款"))
        self.add_button.setText(self.tr("＋ 添加一笔"))
        self.remove_button.setText(self.tr("删除选中行"))
        self._filling = True
        for r in range(self.table.rowCount()):
            self._show_row(r)
        self._filling = False

    def add_row(self, row: dict[str, Any] | None = None, *, edit: bool = False) -> int:
        self._filling = True
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, self.COL_DATE, text_cell(row["booked_on"] if row else ""))
        amount = number_cell(yuan_text(row["amount_fen"]) if row else "", editable=True)
        self.table.setItem(r, self.COL_AMOUNT, amount)
        self.table.setItem(r, self.COL_KIND, number_cell(bold=True))
        self.table.setItem(r, self.COL_AGE, number_cell())
        self.table.setItem(r, self.COL_NOTE, text_cell(row.get("note", "") if row else ""))
        self._show_row(r)
        self._filling = False
        fit_height(self.table)
        if edit:
            self.none_button.setChecked(False)
            self.table.setCurrentCell(r, self.COL_DATE)
            self.table.editItem(item_at(self.table, r, self.COL_DATE))
        return r

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r < 0:
            return
        self.table.removeRow(r)
        fit_height(self.table)
        self._commit()

    def _row(self, r: int) -> dict[str, Any] | None:
        booked = item_at(self.table, r, self.COL_DATE).text().strip()
        fen = fen_or_none(item_at(self.table, r, self.COL_AMOUNT).text())
        if not booked or not fen:
            return None
        return {
            "booked_on": booked,
            "amount_fen": fen,
            "note": item_at(self.table, r, self.COL_NOTE).text().strip(),
        }

    def _show_row(self, r: int) -> None:
        row = self._row(r)
        kind, days = item_at(self.table, r, self.COL_KIND), item_at(self.table, r, self.COL_AGE)
        if row is None:
            kind.setText("")
            days.setText("")
            return
        kind.setText(i18n.text(diff_label(row["amount_fen"])))
        kind.setForeground(QBrush(QColor(diff_colour(row["amount_fen"]))))
        booked = age(self.item, row["booked_on"], self.today)
        shown = self.tr("{n} 天（超期）") if booked.overdue else self.tr("{n} 天")
        days.setText(shown.format(n=booked.days))
        days.setForeground(QBrush(QColor(diff_colour(-1) if booked.overdue else "#1f2933")))

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() in (self.COL_KIND, self.COL_AGE):
            return
        if cell.column() == self.COL_AMOUNT and cell.text().strip():
            try:
                yuan_to_fen(cell.text(), field=self.tr("金额"))
            except BranchCheckError as exc:
                self.invalid.emit(str(exc))
                return
        self._filling = True
        self._show_row(cell.row())
        self._filling = False
        self._commit()

    def value(self) -> dict[str, Any]:
        rows = [self._row(r) for r in range(self.table.rowCount())]
        return {"rows": [r for r in rows if r is not None]}

    def _partly_filled(self) -> bool:
        """A row with something typed that is not yet a whole difference (date and amount)."""
        return any(
            self._row(r) is None
            and any(item_at(self.table, r, c).text().strip() for c in self.TYPED)
            for r in range(self.table.rowCount())
        )

    def draft(self) -> dict[str, Any]:
        """Each row as [booked on, amount, note], as typed."""
        rows = [
            [item_at(self.table, r, c).text() for c in self.TYPED]
            for r in range(self.table.rowCount())
        ]
        return {"rows": rows}

    def set_draft(self, draft: Any) -> None:
        self._filling = True
        self.table.setRowCount(0)
        for cells in draft.get("rows", []):
            if len(cells) == len(self.TYPED):
                r = self.add_row()
                self._filling = True
                for c, text in zip(self.TYPED, cells, strict=True):
                    item_at(self.table, r, c).setText(str(text or ""))
                self._show_row(r)
        self._filling = False

    def _commit(self) -> None:
        value = self.value()
        if self._partly_filled():
            self.none_button.setChecked(False)
            self._committed = None  # the store holds the draft now
            self.drafted.emit(self.draft())
        elif value["rows"] and value != self._committed:
            self.none_button.setChecked(False)
            self._committed = value
            self.answered.emit(value)

    def _none(self) -> None:
        if self.value()["rows"]:
            self.none_button.setChecked(False)
            self.invalid.emit(self.tr("已列出挂账，请先删除各行再选择“无未处理长短款”"))
            return
        self.none_button.setChecked(True)
        if self._committed != {"rows": []}:
            self._committed = {"rows": []}
            self.answered.emit({"rows": []})

    def set_value(self, value: Any) -> None:
        self._filling = True
        self.table.setRowCount(0)
        for row in value.get("rows", []):
            self.add_row(row)
        self._filling = False
        self.none_button.setChecked(not value.get("rows"))
        self._committed = self.value()

    def focus_target(self) -> QWidget:
        return self.table
