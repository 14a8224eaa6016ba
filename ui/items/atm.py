"""ATM widgets: the cassette grid with its live balance, and the outstanding differences list.

The arithmetic is the core's (atm.balance, cash.diff_label); the widgets lay it out and recompute
it while the loader's figures are typed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtGui import QBrush, QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck.checklists import Item
from branchcheck.engine import ITEM_TYPES
from branchcheck.engine.atm import age, balance
from branchcheck.engine.cash import diff_label
from branchcheck.errors import BranchCheckError
from branchcheck.money import format_fen, yuan_to_fen
from ui import i18n
from ui.items import Index, ItemContext, ItemWidget, register
from ui.items.basic import YUAN_PATTERN, yuan_text
from ui.items.cash import LiveDelegate, _cell, _fit_height, _int, item_at
from ui.items.handover import _table, _text_cell
from ui.style import ACCENT, GREY, diff_colour


def _yuan_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setValidator(QRegularExpressionValidator(YUAN_PATTERN, edit))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setMinimumWidth(150)
    return edit


def _fen_or_none(raw: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return yuan_to_fen(raw)
    except BranchCheckError:
        return None


def _diff_text(diff_fen: int) -> str:
    label = i18n.text(diff_label(diff_fen))
    return f"{format_fen(diff_fen, sign=True)} {label}" if diff_fen else label


@register("cassette_table")
class CassetteTableWidget(ItemWidget):
    """钞箱 | 券别 | 上次加钞 | 已付出 | 应余 | 剩余 | 废钞/回收 | 实点 | 差额 | 本次加钞, then the
    deposit cassette, host book, slip and load figures with the totals and differences."""

    (
        COL_CASSETTE,
        COL_DEN,
        COL_LAST,
        COL_DISPENSED,
        COL_EXPECTED,
        COL_REMAINING,
        COL_REJECTED,
        COL_COUNTED,
        COL_DIFF,
        COL_NEW,
    ) = range(10)
    FIELDS = {
        COL_LAST: "last_load",
        COL_DISPENSED: "dispensed",
        COL_REMAINING: "remaining",
        COL_REJECTED: "rejected",
        COL_NEW: "new_load",
    }
    COMPUTED = (COL_EXPECTED, COL_COUNTED, COL_DIFF)
    DEFAULT_ROWS = 4

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.dens = item.params["denominations"]
        self._filling = False
        self._committed: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.table = _table(self, 0, 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_CASSETTE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_DEN, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(self.COL_DEN, 124)
        header.setSectionResizeMode(self.COL_DIFF, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(64)
        self.delegate = LiveDelegate(self.table)
        for col in self.FIELDS:
            self.table.setItemDelegateForColumn(col, self.delegate)
        self.delegate.edited.connect(self._typing)
        self.table.itemChanged.connect(self._cell_changed)
        self.den_boxes: list[QComboBox] = []
        layout.addWidget(self.table)
        rows = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        layout.addLayout(rows)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)

        bottom = QHBoxLayout()
        bottom.setSpacing(14)
        inputs = QFrame(self)
        inputs.setObjectName("panel")
        grid = QGridLayout(inputs)
        grid.setContentsMargins(18, 12, 18, 12)
        grid.setHorizontalSpacing(10)
        self.money_captions: dict[str, QLabel] = {}
        self.money: dict[str, QLineEdit] = {}
        self.units: list[QLabel] = []
        for i, key in enumerate(("host_fen", "deposit_fen", "slip_fen", "load_book_fen")):
            caption = QLabel(inputs)
            edit = _yuan_edit(inputs)
            unit = QLabel(inputs)
            self.units.append(unit)
            grid.addWidget(caption, i, 0)
            grid.addWidget(edit, i, 1)
            grid.addWidget(unit, i, 2)
            edit.textEdited.connect(lambda _t: self.recompute())
            edit.editingFinished.connect(self._money_finished)
            self.money_captions[key] = caption
            self.money[key] = edit
        bottom.addWidget(inputs, 0, Qt.AlignmentFlag.AlignTop)

        result = QFrame(self)
        result.setObjectName("panel")
        side = QGridLayout(result)
        side.setContentsMargins(18, 12, 18, 12)
        side.setHorizontalSpacing(18)
        self.result_captions: dict[str, QLabel] = {}
        self.results: dict[str, QLabel] = {}
        for i, key in enumerate(("counted", "host_diff", "load", "load_diff")):
            caption = QLabel(result)
            caption.setObjectName("subtle")
            shown = QLabel(result)
            shown.setStyleSheet("font-size: 14pt; font-weight: bold;")
            side.addWidget(caption, i, 0)
            side.addWidget(shown, i, 1)
            self.result_captions[key] = caption
            self.results[key] = shown
        side.setColumnStretch(1, 1)
        bottom.addWidget(result, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)
        for _ in range(self.DEFAULT_ROWS):
            self.add_row()
        self.retranslate()

    # ------------------------------------------------------------------ rows

    def add_row(self, row: dict[str, Any] | None = None) -> int:
        self._filling = True
        r = self.table.rowCount()
        self.table.insertRow(r)
        name = _text_cell(str(row["cassette"]) if row else str(r + 1))
        name.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(r, self.COL_CASSETTE, name)
        combo = QComboBox(self.table)
        for d in self.dens:
            combo.addItem(i18n.text(d["label"]), d["key"])
        if row:
            combo.setCurrentIndex(max(combo.findData(row["denomination"]), 0))
        combo.currentIndexChanged.connect(lambda _i: self._row_edited())
        self.table.setCellWidget(r, self.COL_DEN, combo)
        self.den_boxes.append(combo)
        for col, key in self.FIELDS.items():
            self.table.setItem(r, col, _cell(str(row[key]) if row else "", editable=True))
        for col in self.COMPUTED:
            self.table.setItem(r, col, _cell(bold=col == self.COL_DIFF))
        self._filling = False
        _fit_height(self.table)
        return r

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r < 0:
            return
        self.table.removeRow(r)
        self.den_boxes.pop(r)
        _fit_height(self.table)
        self._row_edited()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("钞箱"),
                self.tr("券别"),
                self.tr("上次加钞"),
                self.tr("已付出"),
                self.tr("应余"),
                self.tr("剩余"),
                self.tr("废钞/回收"),
                self.tr("实点"),
                self.tr("差额"),
                self.tr("本次加钞"),
            ]
        )
        for combo in self.den_boxes:
            for i, d in enumerate(self.dens):
                combo.setItemText(i, i18n.text(d["label"]))
        captions = {
            "host_fen": self.tr("主机账面余额"),
            "deposit_fen": self.tr("存款钞箱实点"),
            "slip_fen": self.tr("凭条余额（可选）"),
            "load_book_fen": self.tr("加钞出库金额（可选）"),
        }
        for key, caption in captions.items():
            self.money_captions[key].setText(caption)
            self.money[key].setPlaceholderText(self.tr("如 1234.56"))
        for unit in self.units:
            unit.setText(self.tr("元"))
        self.result_captions["counted"].setText(self.tr("实点合计"))
        self.result_captions["host_diff"].setText(self.tr("差额（对主机）"))
        self.result_captions["load"].setText(self.tr("本次加钞金额"))
        self.result_captions["load_diff"].setText(self.tr("加钞差额（对出库）"))
        self.add_button.setText(self.tr("＋ 添加钞箱"))
        self.remove_button.setText(self.tr("删除选中钞箱"))
        self.recompute()

    # ------------------------------------------------------------------ figures

    def _text(self, row: int, col: int, override: tuple[int, int, str] | None) -> str:
        if override and override[:2] == (row, col):
            return override[2]
        cell = item_at(self.table, row, col)
        return cell.text() if cell else ""

    def _touched(self, row: int, override: tuple[int, int, str] | None = None) -> bool:
        return any(self._text(row, c, override).strip() for c in self.FIELDS)

    def raw(self, override: tuple[int, int, str] | None = None) -> dict[str, Any]:
        cassettes = []
        for r in range(self.table.rowCount()):
            if not self._touched(r, override):
                continue
            row: dict[str, Any] = {
                "cassette": item_at(self.table, r, self.COL_CASSETTE).text().strip() or str(r + 1),
                "denomination": self.den_boxes[r].currentData(),
            }
            for col, key in self.FIELDS.items():
                row[key] = _int(self._text(r, col, override))
            cassettes.append(row)
        out: dict[str, Any] = {"cassettes": cassettes}
        for key, edit in self.money.items():
            fen = _fen_or_none(edit.text())
            if fen is not None or key == "host_fen":
                out[key] = fen
        if out["host_fen"] is None:
            del out["host_fen"]
        return out

    def recompute(self, override: tuple[int, int, str] | None = None) -> None:
        raw = self.raw(override)
        value = {
            "cassettes": raw["cassettes"],
            "deposit_fen": raw.get("deposit_fen") or 0,
            "host_fen": raw.get("host_fen") or 0,
            "slip_fen": raw.get("slip_fen"),
            "load_book_fen": raw.get("load_book_fen"),
        }
        b = balance(self.item, value)
        by_name = {r["cassette"]: r for r in b["rows"]}
        self._filling = True
        for r in range(self.table.rowCount()):
            name = item_at(self.table, r, self.COL_CASSETTE).text().strip() or str(r + 1)
            row = by_name.get(name) if self._touched(r, override) else None
            cells = {c: item_at(self.table, r, c) for c in self.COMPUTED}
            if row is None:
                for cell in cells.values():
                    cell.setText("")
                continue
            cells[self.COL_EXPECTED].setText(f"{row['expected']:,}")
            cells[self.COL_COUNTED].setText(f"{row['counted']:,}")
            diff = row["diff_fen"]
            cells[self.COL_DIFF].setText(
                _diff_text(diff) + (f"（{row['diff_pieces']:+d}）" if diff else "")
            )
            cells[self.COL_DIFF].setForeground(QBrush(QColor(diff_colour(diff))))
        self._filling = False
        self.results["counted"].setText(format_fen(b["counted_fen"]))
        self.results["counted"].setStyleSheet(
            f"font-size: 14pt; font-weight: bold; color: {ACCENT};"
        )
        self._show_diff(
            self.results["host_diff"], b["diff_host_fen"] if "host_fen" in raw else None
        )
        self.results["load"].setText(format_fen(b["load_fen"]))
        self._show_diff(self.results["load_diff"], b["diff_load_fen"])

    def _show_diff(self, label: QLabel, diff: int | None) -> None:
        if diff is None:
            label.setText("—")
            label.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {GREY};")
            return
        label.setText(_diff_text(diff))
        label.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {diff_colour(diff)};")

    def _typing(self, row: int, col: int, text: str) -> None:
        self.recompute((row, col, text))

    # ------------------------------------------------------------------ answers

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() in self.COMPUTED:
            return
        self._row_edited()

    def _row_edited(self) -> None:
        if self._filling:
            return
        self.recompute()
        self._commit()

    def _money_finished(self) -> None:
        for key, edit in self.money.items():
            raw = edit.text().strip()
            if raw:
                try:
                    yuan_to_fen(raw, field=self.money_captions[key].text())
                except BranchCheckError as exc:
                    self.invalid.emit(str(exc))
                    return
        self.recompute()
        self._commit()

    def _commit(self) -> None:
        raw = self.raw()
        if "host_fen" not in raw or not raw["cassettes"] or raw == self._committed:
            return
        try:
            ITEM_TYPES["cassette_table"].parse(self.item, raw, None)
        except BranchCheckError as exc:
            self.invalid.emit(str(exc))
            return
        self._committed = raw
        self.answered.emit(raw)

    def set_value(self, value: Any) -> None:
        self._filling = True
        self.table.setRowCount(0)
        self.den_boxes.clear()
        for row in value.get("cassettes", []):
            self.add_row(row)
        self._filling = True
        for key, edit in self.money.items():
            fen = value.get(key)
            edit.setText("" if fen is None else yuan_text(fen))
        self._filling = False
        self._committed = self.raw()
        self.recompute()

    def focus_target(self) -> QWidget:
        return self.table

    def start_editing(self, row: int, col: int) -> QLineEdit | None:
        self.table.setCurrentCell(row, col)
        self.table.editItem(item_at(self.table, row, col))
        return self.delegate.editor


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

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.today = ctx.state.local_date
        self._filling = False
        self._committed: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.table = _table(self, 0, 5)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(110)
        self.table.setItemDelegateForColumn(self.COL_DATE, DateDelegate(self.table, self.today))
        self.money = LiveDelegate(self.table, money=True)
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
        _fit_height(self.table)
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
        self.table.setItem(r, self.COL_DATE, _text_cell(row["booked_on"] if row else ""))
        amount = _cell(yuan_text(row["amount_fen"]) if row else "", editable=True)
        self.table.setItem(r, self.COL_AMOUNT, amount)
        self.table.setItem(r, self.COL_KIND, _cell(bold=True))
        self.table.setItem(r, self.COL_AGE, _cell())
        self.table.setItem(r, self.COL_NOTE, _text_cell(row.get("note", "") if row else ""))
        self._show_row(r)
        self._filling = False
        _fit_height(self.table)
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
        _fit_height(self.table)
        self._commit()

    def _row(self, r: int) -> dict[str, Any] | None:
        booked = item_at(self.table, r, self.COL_DATE).text().strip()
        fen = _fen_or_none(item_at(self.table, r, self.COL_AMOUNT).text())
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

    def _commit(self) -> None:
        value = self.value()
        if value["rows"] and value != self._committed:
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
