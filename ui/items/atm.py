"""ATM widgets: the cassette grid with its live balance, and the outstanding differences list.

The arithmetic is the core's (atm.balance, cash.diff_label); the widgets lay it out and recompute
it while the loader's figures are typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck.checklists import Item
from branchcheck.engine import ITEM_TYPES
from branchcheck.engine.atm import balance
from branchcheck.engine.cash import diff_label, overages_shortages
from branchcheck.errors import BranchCheckError
from branchcheck.money import format_fen, yuan_to_fen
from ui import i18n
from ui.items import ItemContext, ItemWidget, register
from ui.items.basic import yuan_text
from ui.items.cells import (
    LiveDelegate,
    amount_field,
    fit_height,
    item_at,
    make_table,
    number_cell,
    text_cell,
    whole_number,
)
from ui.style import ACCENT, GREY, diff_colour


def _yuan_edit(parent: QWidget, refused: Callable[[str], None]) -> QLineEdit:
    edit = QLineEdit(parent)
    amount_field(edit, refused)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setMinimumWidth(150)
    return edit


def fen_or_none(raw: str) -> int | None:
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
        self.table = make_table(self, 0, 10)
        self.table.finished.connect(self.focus_next.emit)
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
        self.delegate.refused.connect(self.invalid.emit)
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
            edit = _yuan_edit(inputs, self.invalid.emit)
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
        for i, key in enumerate(
            ("counted", "overages", "shortages", "host_diff", "load", "load_diff")
        ):
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
        name = text_cell(str(row["cassette"]) if row else str(r + 1))
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
            self.table.setItem(r, col, number_cell(str(row[key]) if row else "", editable=True))
        for col in self.COMPUTED:
            self.table.setItem(r, col, number_cell(bold=col == self.COL_DIFF))
        self._filling = False
        fit_height(self.table)
        return r

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r < 0:
            return
        self.table.removeRow(r)
        self.den_boxes.pop(r)
        fit_height(self.table)
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
        self.result_captions["overages"].setText(self.tr("钞箱长款合计"))
        self.result_captions["shortages"].setText(self.tr("钞箱短款合计"))
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
                row[key] = whole_number(self._text(r, col, override))
            cassettes.append(row)
        out: dict[str, Any] = {"cassettes": cassettes}
        for key, edit in self.money.items():
            fen = fen_or_none(edit.text())
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
        # cassettes never offset each other: their overages and shortages, never netted
        overage, shortage = overages_shortages([r["diff_fen"] for r in b["rows"]])
        for key, fen in (("overages", overage), ("shortages", -shortage)):
            self.results[key].setText(format_fen(fen, sign=True))
            self.results[key].setStyleSheet(
                f"font-size: 14pt; font-weight: bold; color: {diff_colour(fen)};"
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
        if raw == self._committed:
            return
        if "host_fen" not in raw or not raw["cassettes"]:
            self._committed = None  # no answer yet: the store keeps it as typed
            self.drafted.emit(self.draft())
            return
        try:
            ITEM_TYPES["cassette_table"].parse(self.item, raw, None)
        except BranchCheckError as exc:
            self.invalid.emit(str(exc))
            self._committed = None
            self.drafted.emit(self.draft())
            return
        self._committed = raw
        self.answered.emit(raw)

    def draft(self) -> dict[str, Any]:
        """Each cassette as [cassette, denomination, last load, dispensed, remaining, rejected,
        new load] as typed, and the money fields."""
        rows = [
            [
                item_at(self.table, r, self.COL_CASSETTE).text(),
                self.den_boxes[r].currentData(),
                *(item_at(self.table, r, col).text() for col in self.FIELDS),
            ]
            for r in range(self.table.rowCount())
        ]
        return {"rows": rows, "fields": {key: edit.text() for key, edit in self.money.items()}}

    def set_draft(self, draft: Any) -> None:
        self._filling = True
        self.table.setRowCount(0)
        self.den_boxes.clear()
        for cells in draft.get("rows", []):
            if len(cells) == 2 + len(self.FIELDS):
                row = dict(zip(self.FIELDS.values(), cells[2:], strict=True))
                self.add_row({"cassette": cells[0], "denomination": cells[1]} | row)
        self._filling = True
        for key, edit in self.money.items():
            edit.setText(str(draft.get("fields", {}).get(key) or ""))
        self._filling = False
        self.recompute()

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

    def point_at(self, row: int | None, column: str | None) -> None:
        """`row` counts the answer's cassettes, which are the rows with a figure typed."""
        columns = {key: col for col, key in self.FIELDS.items()}
        typed = [r for r in range(self.table.rowCount()) if self._touched(r)]
        if row is not None and 1 <= row <= len(typed) and column in columns:
            self.table.setCurrentCell(typed[row - 1], columns[column])
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_editing(self, row: int, col: int) -> QLineEdit | None:
        self.table.setCurrentCell(row, col)
        self.table.editItem(item_at(self.table, row, col))
        return self.delegate.editor
