# longer than 500 lines: the escort check and the box list, each keeping its draft as typed.
"""Cash-box handover widgets: the escorts' identity check and the box list against the manifest.

The comparison is the core's (handover.compare_boxes on the answer the core parsed); these
widgets lay it out and refresh it after every cell edit."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
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
from branchcheck.engine.handover import ID_NUMBER, METHODS, STOPPED, compare_boxes
from branchcheck.errors import BranchCheckError
from ui import i18n
from ui.items import Index, ItemContext, ItemWidget, register
from ui.items.cells import (
    check_cell,
    fit_height,
    is_checked,
    item_at,
    make_table,
    number_cell,
    text_cell,
)
from ui.style import GREEN, ORANGE, RED

MISMATCH_BG = "#fdecea"
EXTRA_BG = "#fff4e5"


class CodeDelegate(QStyledItemDelegate):
    """An editor for codes (ID numbers, box IDs, seal numbers): letters, digits and '-', upper case."""

    def __init__(self, parent: QWidget, pattern: str = r"[A-Za-z0-9\-]{0,32}") -> None:
        super().__init__(parent)
        self.pattern = QRegularExpression(pattern)

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QLineEdit:
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(self.pattern, editor))
        editor.textEdited.connect(lambda text: editor.setText(text.upper()))
        return editor


@register("escort_check")
class EscortCheckWidget(ItemWidget):
    """One row per escort of the item's slot: name, ID number, what was checked, person matches."""

    COL_ESCORT, COL_ID = 0, 1
    MATCH_CHOICES = (None, True, False)

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.escorts = ctx.state.people.get(item.params["slot"], [])
        self.methods = list(METHODS)
        self.required = item.params.get("required_methods", ["work_card", "dispatch_sheet"])
        self.id_pattern = item.params.get("id_pattern", ID_NUMBER)
        self.col_methods = {m: 2 + i for i, m in enumerate(self.methods)}
        self.col_match = 2 + len(self.methods)
        self.col_note = self.col_match + 1
        self._filling = True
        self._committed: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = make_table(self, len(self.escorts), self.col_note + 1)
        self.table.finished.connect(self.focus_next.emit)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_ID, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.col_note, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(70)
        header.setSectionResizeMode(self.col_match, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(self.col_match, 120)
        self.table.setItemDelegateForColumn(self.COL_ID, CodeDelegate(self.table, r"[0-9Xx]{0,18}"))
        ids = {p.employee_no: p.id_number for p in ctx.staff}
        self.prefilled = [(ids.get(p.employee_no) or "").upper() for p in self.escorts]
        self.match_boxes: list[QComboBox] = []
        for r, person in enumerate(self.escorts):
            name = number_cell(f"{person.name} ({person.employee_no})", bold=True)
            name.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, self.COL_ESCORT, name)
            self.table.setItem(r, self.COL_ID, text_cell(ids.get(person.employee_no, "")))
            for m, col in self.col_methods.items():
                self.table.setItem(r, col, check_cell(m in self.required))
            combo = QComboBox(self.table)
            combo.addItems(["", "", ""])
            combo.currentIndexChanged.connect(lambda _i, row=r: self._match_changed(row))
            self.table.setCellWidget(r, self.col_match, combo)
            self.match_boxes.append(combo)
            self.table.setItem(r, self.col_note, text_cell())
        self._filling = False
        self.table.itemChanged.connect(self._cell_changed)
        fit_height(self.table)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        short = {
            "work_card": self.tr("工作证"),
            "id_card": self.tr("身份证"),
            "dispatch_sheet": self.tr("派车单"),
            "roster": self.tr("预留名单"),
        }
        labels = [self.tr("押运人员"), self.tr("身份证号")]
        labels += [short[m] + (" *" if m in self.required else "") for m in self.methods]
        labels += [self.tr("人证相符"), self.tr("备注")]
        self.table.setHorizontalHeaderLabels(labels)
        for m, col in self.col_methods.items():
            header = self.table.horizontalHeaderItem(col)  # made by setHorizontalHeaderLabels
            if header is not None:
                header.setToolTip(i18n.text(METHODS[m]))
        for combo in self.match_boxes:
            combo.blockSignals(True)
            for i, word in enumerate((self.tr("请选择…"), self.tr("相符"), self.tr("不符"))):
                combo.setItemText(i, word)
            combo.blockSignals(False)

    def _match_changed(self, row: int) -> None:
        combo = self.match_boxes[row]
        colour = {1: GREEN, 2: RED}.get(combo.currentIndex(), "#1f2933")
        combo.setStyleSheet(f"color: {colour}; font-weight: bold;")
        if not self._filling:
            self._commit()

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling:
            return
        if cell.column() == self.COL_ID:
            raw = cell.text().strip().upper()
            if raw and not re.fullmatch(self.id_pattern, raw):
                name = self.escorts[cell.row()].name
                self.invalid.emit(
                    self.tr("{name} 的身份证号应为 18 位（末位可为 X）").format(name=name)
                )
        self._commit()  # a number not yet whole is kept as a draft

    def value(self) -> dict[str, Any]:
        rows = []
        for r, person in enumerate(self.escorts):
            id_number = item_at(self.table, r, self.COL_ID).text().strip().upper()
            matches = self.MATCH_CHOICES[self.match_boxes[r].currentIndex()]
            if matches is None or not re.fullmatch(self.id_pattern, id_number):
                continue
            rows.append(
                {
                    "escort": person.employee_no,
                    "id_number": id_number,
                    "methods": [
                        m
                        for m, col in self.col_methods.items()
                        if is_checked(item_at(self.table, r, col))
                    ],
                    "matches": matches,
                    "note": item_at(self.table, r, self.col_note).text().strip(),
                }
            )
        return {"rows": rows}

    def _commit(self) -> None:
        value = self.value()
        if any(self._typed(r) and not self._complete(r) for r in range(len(self.escorts))):
            self._committed = None  # a row begun and not finished: the store keeps a draft
            self.drafted.emit(self.draft())
        elif value["rows"] and value != self._committed:
            self._committed = value
            self.answered.emit(value)

    def _id(self, r: int) -> str:
        return item_at(self.table, r, self.COL_ID).text().strip().upper()

    def _typed(self, r: int) -> bool:
        """Something of the row given by the person (the register's ID number alone is not)."""
        note = item_at(self.table, r, self.col_note).text().strip()
        return (
            self.match_boxes[r].currentIndex() != 0
            or bool(note)
            or self._id(r) != (self.prefilled[r])
        )

    def _complete(self, r: int) -> bool:
        return self.match_boxes[r].currentIndex() != 0 and bool(
            re.fullmatch(self.id_pattern, self._id(r))
        )

    def draft(self) -> dict[str, Any]:
        """Each escort as [employee no, ID number, each method checked, match choice, note]."""
        return {
            "rows": [
                [
                    person.employee_no,
                    item_at(self.table, r, self.COL_ID).text(),
                    *(is_checked(item_at(self.table, r, c)) for c in self.col_methods.values()),
                    self.match_boxes[r].currentIndex(),
                    item_at(self.table, r, self.col_note).text(),
                ]
                for r, person in enumerate(self.escorts)
            ]
        }

    def set_draft(self, draft: Any) -> None:
        width = 4 + len(self.col_methods)
        typed = {row[0]: row[1:] for row in draft.get("rows", []) if len(row) == width}
        self._filling = True
        for r, person in enumerate(self.escorts):
            if person.employee_no not in typed:
                continue
            id_number, *checks, match, note = typed[person.employee_no]
            item_at(self.table, r, self.COL_ID).setText(str(id_number or ""))
            for col, checked in zip(self.col_methods.values(), checks, strict=True):
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item_at(self.table, r, col).setCheckState(state)
            if isinstance(match, int) and 0 <= match < len(self.MATCH_CHOICES):
                self.match_boxes[r].setCurrentIndex(match)
            item_at(self.table, r, self.col_note).setText(str(note or ""))
        self._filling = False

    def set_value(self, value: Any) -> None:
        by_escort = {row["escort"]: row for row in value.get("rows", [])}
        self._filling = True
        for r, person in enumerate(self.escorts):
            row = by_escort.get(person.employee_no)
            if row is None:
                continue
            item_at(self.table, r, self.COL_ID).setText(row["id_number"])
            for m, col in self.col_methods.items():
                item_at(self.table, r, col).setCheckState(
                    Qt.CheckState.Checked if m in row["methods"] else Qt.CheckState.Unchecked
                )
            self.match_boxes[r].setCurrentIndex(self.MATCH_CHOICES.index(row["matches"]))
            item_at(self.table, r, self.col_note).setText(row.get("note", ""))
        self._filling = False
        self._committed = self.value()

    def focus_target(self) -> QWidget:
        return self.table

    def set_match(self, row: int, matches: bool) -> None:
        self.match_boxes[row].setCurrentIndex(self.MATCH_CHOICES.index(matches))


class _BoxTable(QWidget):
    """A titled, editable list of boxes with add and remove buttons."""

    changed = Signal()  # a cell was committed or a row removed

    def __init__(
        self, columns: int, *, checks: tuple[int, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.checks = checks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.table = make_table(self, 0, columns)
        self.table.finished.connect(self.table.leave)  # on to the add and remove buttons
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for col in checks:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.delegate = CodeDelegate(self.table)
        self.table.setItemDelegateForColumn(0, self.delegate)
        self.table.setItemDelegateForColumn(1, self.delegate)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row(edit=True))
        self.remove_button.clicked.connect(self.remove_row)
        self.table.itemChanged.connect(self._item_changed)
        self.fit()

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() in (0, 1) and cell.text() != cell.text().strip().upper():
            self.table.blockSignals(True)
            cell.setText(cell.text().strip().upper())
            self.table.blockSignals(False)
        self.changed.emit()

    def fit(self) -> None:
        fit_height(self.table)
        self.table.setFixedHeight(max(self.table.height(), 120))

    def add_row(
        self, box: str = "", seal: str = "", flags: Sequence[bool] = (), *, edit: bool = False
    ) -> int:
        self.table.blockSignals(True)
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, text_cell(box))
        self.table.setItem(r, 1, text_cell(seal))
        for col, flag in zip(self.checks, flags or [True] * len(self.checks), strict=True):
            self.table.setItem(r, col, check_cell(flag))
        self.table.blockSignals(False)
        self.fit()
        if edit:
            self.table.setCurrentCell(r, 0)
            self.table.editItem(item_at(self.table, r, 0))
        return r

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r < 0:
            return
        self.table.removeRow(r)
        self.fit()
        self.changed.emit()

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.table.rowCount()):
            box = item_at(self.table, r, 0).text().strip().upper()
            seal = item_at(self.table, r, 1).text().strip().upper()
            if not box or not seal:
                continue  # a row is part of the answer once both codes are in
            row: dict[str, Any] = {"box": box, "seal": seal}
            for col, key in zip(self.checks, ("lock_ok", "seal_ok"), strict=False):
                row[key] = is_checked(item_at(self.table, r, col))
            out.append(row)
        return out

    def cells(self) -> list[list[Any]]:
        """Each row as typed: box, seal, then each check."""
        return [
            [
                item_at(self.table, r, 0).text(),
                item_at(self.table, r, 1).text(),
                *(is_checked(item_at(self.table, r, col)) for col in self.checks),
            ]
            for r in range(self.table.rowCount())
        ]

    def partly_filled(self) -> bool:
        """A row with the box or the seal typed and not the other."""
        return any(bool(box.strip()) != bool(seal.strip()) for box, seal, *_ in self.cells())

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.fit()

    def paint_rows(self, colours: dict[str, str]) -> None:
        """Background per box ID (missing, unexpected, mismatched); others white."""
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            box = item_at(self.table, r, 0).text().strip().upper()
            brush = QBrush(QColor(colours.get(box, "#ffffff")))
            for c in range(self.table.columnCount()):
                cell = item_at(self.table, r, c)
                if cell is not None:
                    cell.setBackground(brush)
        self.table.blockSignals(False)


@register("box_list")
class BoxListWidget(ItemWidget):
    """The manifest and the boxes actually handed over, side by side, and what differs."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.parser = ITEM_TYPES["box_list"]
        self._filling = False
        self._committed: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.banner = QLabel(self)
        self.banner.setStyleSheet(
            f"background: {RED}; color: white; font-size: 15pt; font-weight: bold;"
            " padding: 8px 14px; border-radius: 5px;"
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        sides = QHBoxLayout()
        sides.setSpacing(14)
        self.expected = _BoxTable(2, parent=self)
        self.actual = _BoxTable(4, checks=(2, 3), parent=self)
        sides.addWidget(self.expected, 2, Qt.AlignmentFlag.AlignTop)
        sides.addWidget(self.actual, 3, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(sides)
        self.summary = QFrame(self)
        self.summary.setObjectName("panel")
        panel = QHBoxLayout(self.summary)
        panel.setContentsMargins(18, 10, 18, 10)
        panel.setSpacing(24)
        self.counts = QLabel(self.summary)
        self.counts.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.details = QLabel(self.summary)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        panel.addWidget(self.counts)
        panel.addWidget(self.details, 1)
        layout.addWidget(self.summary)
        for side in (self.expected, self.actual):
            side.changed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.expected.title.setText(self.tr("交接清单（应交接）"))
        self.actual.title.setText(self.tr("实际交接"))
        self.expected.table.setHorizontalHeaderLabels([self.tr("款箱号"), self.tr("封签号")])
        self.actual.table.setHorizontalHeaderLabels(
            [self.tr("款箱号"), self.tr("封签号"), self.tr("锁具完好"), self.tr("封签完好")]
        )
        for side in (self.expected, self.actual):
            side.add_button.setText(self.tr("＋ 添加一箱"))
            side.remove_button.setText(self.tr("删除选中行"))
        self.banner.setText(
            i18n.text(STOPPED) + self.tr("：款箱数量、箱号、封签或锁具不符，请当场报告")
        )
        self.recompute()

    # ------------------------------------------------------------------ figures

    def raw(self) -> dict[str, Any]:
        return {"expected": self.expected.rows(), "actual": self.actual.rows()}

    def parsed(self) -> dict[str, Any]:
        """The answer as the core reads it; raises the core's AnswerError when it cannot."""
        return self.parser.parse(self.item, self.raw(), None)

    def recompute(self) -> dict[str, Any] | None:
        try:
            c = compare_boxes(self.parsed())
        except BranchCheckError:
            return None
        self.counts.setText(
            self.tr("应交接 {e} 箱　实交接 {a} 箱　差数 {d:+d}").format(
                e=c["expected_count"], a=c["actual_count"], d=c["count_diff"]
            )
        )
        lines = []

        def line(label: str, boxes: list[str], colour: str) -> None:
            if boxes:
                lines.append(
                    f"<span style='color:{colour}; font-weight:bold;'>{label}：</span>"
                    + "、".join(boxes)
                )

        line(self.tr("缺少"), c["missing"], RED)
        line(self.tr("清单外"), c["unexpected"], ORANGE)
        line(
            self.tr("封签号不符"),
            [
                self.tr("{box}（应为 {e}，实为 {a}）").format(
                    box=m["box"], e=m["expected"], a=m["actual"]
                )
                for m in c["seal_mismatches"]
            ],
            RED,
        )
        line(self.tr("锁具异常"), c["broken_locks"], RED)
        line(self.tr("封签破损"), c["broken_seals"], RED)
        stopped = bool(lines) or c["count_diff"] != 0
        if not lines:
            ok = self.tr("箱号、封签、锁具均相符") if c["actual_count"] else ""
            lines.append(f"<span style='color:{GREEN}; font-weight:bold;'>{ok}</span>")
        self.details.setText("<br>".join(lines))
        self.counts.setStyleSheet(
            f"font-size: 13pt; font-weight: bold; color: {RED if stopped else '#1f2933'};"
        )
        self.banner.setVisible(stopped)
        mismatched = {m["box"] for m in c["seal_mismatches"]}
        bad_actual = mismatched | set(c["broken_locks"]) | set(c["broken_seals"])
        self.expected.paint_rows(
            dict.fromkeys(c["missing"], MISMATCH_BG) | dict.fromkeys(mismatched, MISMATCH_BG)
        )
        self.actual.paint_rows(
            dict.fromkeys(c["unexpected"], EXTRA_BG) | dict.fromkeys(bad_actual, MISMATCH_BG)
        )
        return c

    # ------------------------------------------------------------------ answers

    def _changed(self) -> None:
        if self._filling:
            return
        if self.expected.partly_filled() or self.actual.partly_filled():
            self._committed = None  # a box begun without its seal: the store keeps a draft
            self.drafted.emit(self.draft())
            return
        try:
            value = self.parsed()
        except BranchCheckError as exc:
            self.invalid.emit(str(exc))
            return
        self.recompute()
        raw = self.raw()
        if (value["expected"] or value["actual"]) and raw != self._committed:
            self._committed = raw
            self.answered.emit(raw)

    def draft(self) -> dict[str, Any]:
        """Each row as ["expected" or "actual", box, seal, then the checks], as typed."""
        return {
            "rows": [["expected", *c] for c in self.expected.cells()]
            + [["actual", *c] for c in self.actual.cells()]
        }

    def set_draft(self, draft: Any) -> None:
        self._filling = True
        self.expected.clear()
        self.actual.clear()
        for cells in draft.get("rows", []):
            table = {"expected": self.expected, "actual": self.actual}.get(
                cells[0] if cells else ""
            )
            if table is None or len(cells) != 3 + len(table.checks):
                continue
            table.add_row(
                str(cells[1] or ""), str(cells[2] or ""), [c is not False for c in cells[3:]]
            )
        self.recompute()
        self._filling = False

    def set_value(self, value: Any) -> None:
        self._filling = True
        self.expected.clear()
        self.actual.clear()
        for row in value.get("expected", []):
            self.expected.add_row(row["box"], row["seal"])
        for row in value.get("actual", []):
            self.actual.add_row(
                row["box"], row["seal"], (row.get("lock_ok", True), row.get("seal_ok", True))
            )
        self.recompute()
        self._filling = False
        self._committed = self.raw()

    def focus_target(self) -> QWidget:
        return self.expected.table
