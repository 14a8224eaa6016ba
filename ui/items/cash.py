# longer than 500 lines: two widgets, the count grid with its book per denomination and the boxes.
"""Cash widgets: the count grid by denomination and the per-teller box table.

The arithmetic is the core's (CountRow, denominations(), Settings); these widgets only lay it out
and recompute it live while the inspector types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck.checklists import Item
from branchcheck.engine import Outcome
from branchcheck.engine.cash import (
    CountRow,
    count_total,
    denominations,
    diff_label,
    difference,
    overages_shortages,
)
from branchcheck.errors import BranchCheckError
from branchcheck.money import format_fen, yuan_to_fen
from ui import i18n
from ui.items import ItemContext, ItemWidget, register
from ui.items.basic import yuan_text
from ui.items.cells import (
    ROW_HEIGHT,
    CellTable,
    LiveDelegate,
    amount_field,
    fit_height,
    item_at,
    number_cell,
    whole_number,
)
from ui.style import ACCENT, GREY, diff_colour

CASH_WIDE = 900  # narrower: the totals go below the grid


@register("cash_count")
class CashCountWidget(ItemWidget):
    """券别 | 面额 | 捆 | 把 | 零张 | 张数 | 金额 | 账面金额 | 差额, a 合计 row, the book balance and
    the difference. A book figure per denomination (the vault book's 券别明细) makes each row its
    own comparison and the total book their sum; without one the total book is typed in."""

    (
        COL_LABEL,
        COL_FACE,
        COL_BUNDLES,
        COL_STRAPS,
        COL_LOOSE,
        COL_PIECES,
        COL_AMOUNT,
        COL_BOOK,
        COL_DIFF,
    ) = range(9)
    COLUMNS = 9
    EDITABLE = (COL_BUNDLES, COL_STRAPS, COL_LOOSE)
    FIELDS = {COL_BUNDLES: "bundles", COL_STRAPS: "straps", COL_LOOSE: "loose"}

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.dens = denominations(item, ctx.settings)
        self._filling = False
        # the grid and its totals: side by side, or the totals below on a small screen, so the
        # grid shows 券别 and 金额 together at 1024×600
        self.row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)

        self.table = CellTable(len(self.dens) + 1, self.COLUMNS, self)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_FACE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_PIECES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_DIFF, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_BOOK, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(64)
        self.delegate = LiveDelegate(self.table)
        for col in self.EDITABLE:
            self.table.setItemDelegateForColumn(col, self.delegate)
        self.delegate.edited.connect(self._typing)
        self.delegate.refused.connect(self.invalid.emit)
        self.money = LiveDelegate(self.table, money=True)
        self.table.setItemDelegateForColumn(self.COL_BOOK, self.money)
        self.money.edited.connect(self._typing)
        self.money.refused.connect(self.invalid.emit)
        for r, d in enumerate(self.dens):
            label = number_cell(bold=True)
            label.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, self.COL_LABEL, label)
            self.table.setItem(r, self.COL_FACE, number_cell(format_fen(d.face_fen)))
            for col in self.EDITABLE:
                self.table.setItem(r, col, number_cell(editable=True))
            self.table.setItem(r, self.COL_PIECES, number_cell())
            self.table.setItem(r, self.COL_AMOUNT, number_cell())
            self.table.setItem(r, self.COL_BOOK, number_cell(editable=True))
            self.table.setItem(r, self.COL_DIFF, number_cell(bold=True))
        foot = len(self.dens)
        for col in range(self.COLUMNS):
            cell = number_cell(bold=True)
            cell.setBackground(QBrush(QColor("#eef1f5")))
            self.table.setItem(foot, col, cell)
        item_at(self.table, foot, self.COL_LABEL).setTextAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.itemChanged.connect(self._cell_changed)
        self.table.finished.connect(self._table_done)
        fit_height(self.table)
        row.addWidget(self.table, 1)

        summary = QFrame(self)
        summary.setObjectName("panel")
        summary.setFixedWidth(210)
        side = QVBoxLayout(summary)
        side.setContentsMargins(18, 14, 18, 14)
        side.setSpacing(4)
        self.total_caption = QLabel(summary)
        self.total_value = QLabel(summary)
        self.total_value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {ACCENT};")
        self.book_caption = QLabel(summary)
        self.book = QLineEdit(summary)
        amount_field(self.book, self.invalid.emit)
        self.book.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.book.setStyleSheet("font-size: 16pt; min-height: 44px;")
        self.book_unit = QLabel(summary)
        book_row = QHBoxLayout()
        book_row.addWidget(self.book, 1)
        book_row.addWidget(self.book_unit)
        self.diff_caption = QLabel(summary)
        self.diff_value = QLabel(summary)
        self.diff_label = QLabel(summary)
        self.diff_label.setWordWrap(True)
        for caption in (self.total_caption, self.book_caption, self.diff_caption):
            caption.setObjectName("subtle")
        side.addWidget(self.total_caption)
        side.addWidget(self.total_value)
        side.addSpacing(12)
        side.addWidget(self.book_caption)
        side.addLayout(book_row)
        side.addSpacing(12)
        side.addWidget(self.diff_caption)
        side.addWidget(self.diff_value)
        side.addWidget(self.diff_label)
        side.addStretch(1)
        row.addWidget(summary, 0, Qt.AlignmentFlag.AlignTop)
        self.book.textEdited.connect(lambda _t: self.recompute())
        self.book.editingFinished.connect(self._book_finished)
        self.book.returnPressed.connect(self.focus_next.emit)
        self.retranslate()
        self.recompute()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        narrow = event.size().width() < CASH_WIDE
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("券别"),
                self.tr("面额"),
                self.tr("捆"),
                self.tr("把"),
                self.tr("零张"),
                self.tr("张数"),
                self.tr("金额"),
                self.tr("账面（元）"),
                self.tr("差额"),
            ]
        )
        for r, d in enumerate(self.dens):
            item_at(self.table, r, self.COL_LABEL).setText(i18n.text(d.label))
        self._filling = True
        item_at(self.table, len(self.dens), self.COL_LABEL).setText(self.tr("合计"))
        self._filling = False
        self.total_caption.setText(self.tr("实点合计"))
        self.book_caption.setText(self.tr("账面余额"))
        self.book.setPlaceholderText(self.tr("如 1234.56"))
        self.book_unit.setText(self.tr("元"))
        self.diff_caption.setText(self.tr("差额"))
        self.recompute()

    # ------------------------------------------------------------------ figures

    def _text(self, row: int, col: int, override: tuple[int, int, str] | None) -> str:
        if override and override[0] == row and override[1] == col:
            return override[2]
        cell = item_at(self.table, row, col)
        return cell.text() if cell else ""

    def row_books(self, override: tuple[int, int, str] | None = None) -> list[int | None]:
        """Each denomination's book figure in fen (None: blank or not an amount)."""
        out: list[int | None] = []
        for r in range(len(self.dens)):
            raw = self._text(r, self.COL_BOOK, override).strip()
            try:
                out.append(yuan_to_fen(raw) if raw else None)
            except BranchCheckError:
                out.append(None)
        return out

    def by_denomination(self, override: tuple[int, int, str] | None = None) -> bool:
        """Whether any denomination has a book figure: then each row is compared on its own."""
        return any(self._text(r, self.COL_BOOK, override).strip() for r in range(len(self.dens)))

    def count_rows(self, override: tuple[int, int, str] | None = None) -> list[CountRow]:
        books = self.row_books(override) if self.by_denomination(override) else []

        def number(r: int, col: int) -> int:
            return whole_number(self._text(r, col, override))

        return [
            CountRow(
                d,
                bundles=number(r, self.COL_BUNDLES),
                straps=number(r, self.COL_STRAPS),
                loose=number(r, self.COL_LOOSE),
                book_fen=books[r] if books else None,
            )
            for r, d in enumerate(self.dens)
        ]

    def _touched(self, r: int, override: tuple[int, int, str] | None) -> bool:
        return any(self._text(r, c, override).strip() for c in self.EDITABLE)

    def book_fen(self) -> int | None:
        raw = self.book.text().strip()
        if not raw:
            return None
        try:
            return yuan_to_fen(raw, field=self.tr("账面余额"))
        except BranchCheckError:
            return None

    def recompute(self, override: tuple[int, int, str] | None = None) -> None:
        rows = self.count_rows(override)
        by_row = self.by_denomination(override)
        self._filling = True
        for r, row in enumerate(rows):
            touched = self._touched(r, override)
            item_at(self.table, r, self.COL_PIECES).setText(f"{row.pieces:,}" if touched else "")
            item_at(self.table, r, self.COL_AMOUNT).setText(
                format_fen(row.amount_fen) if touched else ""
            )
            self._show_row_diff(r, row if touched or row.book_fen is not None else None)
        foot = len(self.dens)
        total = count_total(rows)
        item_at(self.table, foot, self.COL_PIECES).setText(f"{sum(r.pieces for r in rows):,}")
        item_at(self.table, foot, self.COL_AMOUNT).setText(format_fen(total))
        books = [r.book_fen for r in rows if r.book_fen is not None]
        item_at(self.table, foot, self.COL_BOOK).setText(format_fen(sum(books)) if by_row else "")
        self._filling = False
        self.total_value.setText(format_fen(total))
        self.book.setReadOnly(by_row)
        if by_row:
            self.book.setText(yuan_text(sum(books)))
            self._show_split(rows)
            return
        book = self.book_fen()
        if book is None:
            self.diff_value.setText("—")
            self.diff_value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {GREY};")
            self.diff_label.setText(self.tr("（填写账面余额后计算）"))
            self.diff_label.setStyleSheet(f"font-size: 12pt; color: {GREY};")
            return
        self._show_total_diff(difference(total, book))

    def _show_row_diff(self, r: int, row: CountRow | None) -> None:
        cell = item_at(self.table, r, self.COL_DIFF)
        diff = row.diff_fen if row is not None else None
        if diff is None:
            cell.setText("")
            return
        label = i18n.text(diff_label(diff))
        cell.setText(f"{format_fen(diff, sign=True)} {label}" if diff else label)
        cell.setForeground(QBrush(QColor(diff_colour(diff))))

    def _show_total_diff(self, diff: int) -> None:
        colour = diff_colour(diff)
        self.diff_value.setText(format_fen(diff, sign=True))
        self.diff_value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.diff_label.setText(i18n.text(diff_label(diff)))
        self.diff_label.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")

    def _show_split(self, rows: list[CountRow]) -> None:
        """Overages and shortages of the denominations, each on its own line: never netted."""
        overage, shortage = overages_shortages([r.diff_fen or 0 for r in rows])
        unbalanced = sum(1 for r in rows if r.diff_fen)
        colour = diff_colour(-1 if unbalanced else 0)
        self.diff_value.setText(
            self.tr("长款合计 {over}\n短款合计 {short}").format(
                over=format_fen(overage, sign=True), short=format_fen(-shortage, sign=True)
            )
        )
        self.diff_value.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {colour};")
        self.diff_label.setText(
            self.tr("{n} 个券别不符").format(n=unbalanced) if unbalanced else self.tr("各券别相符")
        )
        self.diff_label.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {colour};")

    def _typing(self, row: int, col: int, text: str) -> None:
        self.recompute((row, col, text))

    def _table_done(self) -> None:
        """Enter on the last cell: on to the total book balance, or the next item without one."""
        if self.book.isReadOnly():
            self.focus_next.emit()
        else:
            self.book.setFocus(Qt.FocusReason.TabFocusReason)

    # ------------------------------------------------------------------ answers

    def value(self) -> dict[str, Any] | None:
        """The answer, or None while it is incomplete: no book balance yet, or a denomination
        listed without its book figure while others have one."""
        by_row = self.by_denomination()
        books = self.row_books()
        rows: dict[str, dict[str, int]] = {}
        for r, d in enumerate(self.dens):
            texts = {self.FIELDS[c]: self._text(r, c, None) for c in self.EDITABLE}
            if not (any(t.strip() for t in texts.values()) or books[r] is not None):
                continue
            rows[d.key] = {k: whole_number(t) for k, t in texts.items()}
            if by_row:
                book = books[r]
                if book is None:
                    return None
                rows[d.key]["book_fen"] = book
        if by_row:
            return {"rows": rows, "book_fen": sum(r["book_fen"] for r in rows.values())}
        book = self.book_fen()
        if book is None:
            return None
        return {"rows": rows, "book_fen": book}

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() not in (*self.EDITABLE, self.COL_BOOK):
            return
        raw = cell.text().strip()
        if cell.column() == self.COL_BOOK and raw:
            try:
                yuan_to_fen(
                    raw,
                    field=self.tr("{den} 账面金额").format(
                        den=i18n.text(self.dens[cell.row()].label)
                    ),
                )
            except BranchCheckError as exc:
                self.invalid.emit(str(exc))
                return
        self.recompute()
        self._commit()

    def _book_finished(self) -> None:
        raw = self.book.text().strip()
        if raw:
            try:
                yuan_to_fen(raw, field=self.tr("账面余额"))
            except BranchCheckError as exc:
                self.invalid.emit(str(exc))
                return
        self.recompute()
        self._commit()

    def _commit(self) -> None:
        value = self.value()
        if value is None:
            self._committed = None  # the store holds the draft now
            self.drafted.emit(self.draft())
        elif value != getattr(self, "_committed", None):
            self._committed = value
            self.answered.emit(value)

    def draft(self) -> dict[str, Any]:
        """Each typed denomination as [key, bundles, straps, loose, book] and the total book."""
        rows = []
        for r, d in enumerate(self.dens):
            texts = [self._text(r, c, None) for c in (*self.EDITABLE, self.COL_BOOK)]
            if any(t.strip() for t in texts):
                rows.append([d.key, *texts])
        book = "" if self.by_denomination() else self.book.text()
        return {"rows": rows, "fields": {"book": book}}

    def set_draft(self, draft: Any) -> None:
        typed = {row[0]: row[1:] for row in draft.get("rows", []) if row}
        self._filling = True
        for r, d in enumerate(self.dens):
            texts = typed.get(d.key, [])
            for i, col in enumerate((*self.EDITABLE, self.COL_BOOK)):
                item_at(self.table, r, col).setText(str(texts[i] or "") if i < len(texts) else "")
        self.book.setText(str(draft.get("fields", {}).get("book") or ""))
        self._filling = False
        self.recompute()

    def set_value(self, value: Any) -> None:
        self._filling = True
        rows = value.get("rows", {})
        for r, d in enumerate(self.dens):
            row = rows.get(d.key)
            for col in self.EDITABLE:
                item_at(self.table, r, col).setText(str(row[self.FIELDS[col]]) if row else "")
            book = row.get("book_fen") if row else None
            item_at(self.table, r, self.COL_BOOK).setText("" if book is None else yuan_text(book))
        self.book.setText(yuan_text(value["book_fen"]))
        self._filling = False
        self._committed = value
        self.recompute()

    def point_at(self, row: int | None, column: str | None) -> None:
        columns = {**{f: c for c, f in self.FIELDS.items()}, "book_fen": self.COL_BOOK}
        if column == "book_fen" and row is None:
            self.book.setFocus(Qt.FocusReason.OtherFocusReason)
        elif row is not None and 1 <= row <= len(self.dens) and column in columns:
            self.table.setCurrentCell(row - 1, columns[column])
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_outcome(self, outcome: Outcome) -> None:
        if outcome.computed.get("compared") == "total":
            self._show_total_diff(outcome.computed["diff_fen"])
        elif outcome.computed.get("compared") == "denomination":
            self._show_split(self.count_rows())

    def focus_target(self) -> QWidget:
        return self.table

    def start_editing(self, row: int, col: int) -> QLineEdit | None:
        """Open the editor of one count or book cell (keyboard users: just type into the grid)."""
        self.table.setCurrentCell(row, col)
        self.table.editItem(item_at(self.table, row, col))
        return self.money.editor if col == self.COL_BOOK else self.delegate.editor


@register("teller_boxes")
class TellerBoxesWidget(ItemWidget):
    """One row per teller of the item's people slot; a row is saved once both amounts are in."""

    COL_TELLER, COL_SYSTEM, COL_COUNTED, COL_DIFF, COL_VOUCHERS, COL_NOTE = range(6)

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.tellers = ctx.state.people.get(item.params["slot"], [])
        self._filling = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = CellTable(len(self.tellers), 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 4)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.money = LiveDelegate(self.table, money=True)
        self.table.setItemDelegateForColumn(self.COL_SYSTEM, self.money)
        self.table.setItemDelegateForColumn(self.COL_COUNTED, self.money)
        for r, person in enumerate(self.tellers):
            name = number_cell(f"{person.name} ({person.employee_no})", bold=True)
            name.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, self.COL_TELLER, name)
            self.table.setItem(r, self.COL_SYSTEM, number_cell(editable=True))
            self.table.setItem(r, self.COL_COUNTED, number_cell(editable=True))
            self.table.setItem(r, self.COL_DIFF, number_cell(bold=True))
            vouchers = QTableWidgetItem()
            vouchers.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            vouchers.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            vouchers.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(r, self.COL_VOUCHERS, vouchers)
            note = QTableWidgetItem()
            note.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable
            )
            self.table.setItem(r, self.COL_NOTE, note)
        self._filling = False
        self.table.itemChanged.connect(self._cell_changed)
        self.table.finished.connect(self.focus_next.emit)
        self.money.edited.connect(self._typing)
        self.money.refused.connect(self.invalid.emit)
        fit_height(self.table)
        layout.addWidget(self.table)
        self._committed: dict[str, Any] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("柜员"),
                self.tr("系统余额（元）"),
                self.tr("实点金额（元）"),
                self.tr("差额"),
                self.tr("凭证相符"),
                self.tr("备注"),
            ]
        )
        self._filling = True
        for r in range(len(self.tellers)):
            self._show_diff(r)
        self._filling = False

    def _fen(self, row: int, col: int, override: tuple[int, int, str] | None = None) -> int | None:
        if override and override[:2] == (row, col):
            raw = override[2]
        else:
            raw = item_at(self.table, row, col).text()
        if not raw.strip():
            return None
        try:
            return yuan_to_fen(raw)
        except BranchCheckError:
            return None

    def _show_diff(self, row: int, override: tuple[int, int, str] | None = None) -> None:
        system = self._fen(row, self.COL_SYSTEM, override)
        counted = self._fen(row, self.COL_COUNTED, override)
        cell = item_at(self.table, row, self.COL_DIFF)
        if system is None or counted is None:
            cell.setText("")
            return
        diff = difference(counted, system)
        label = i18n.text(diff_label(diff))
        cell.setText(f"{format_fen(diff, sign=True)} {label}" if diff else label)
        cell.setForeground(QBrush(QColor(diff_colour(diff))))

    def _typing(self, row: int, col: int, text: str) -> None:
        self._filling = True
        self._show_diff(row, (row, col, text))
        self._filling = False

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() == self.COL_DIFF:
            return
        row = cell.row()
        for col in (self.COL_SYSTEM, self.COL_COUNTED):
            raw = item_at(self.table, row, col).text().strip()
            if raw:
                try:
                    yuan_to_fen(
                        raw, field=self.tr("{name} 的金额").format(name=self.tellers[row].name)
                    )
                except BranchCheckError as exc:
                    self.invalid.emit(str(exc))
                    return
        self._filling = True
        self._show_diff(row)
        self._filling = False
        value = self.value()
        if self._partly_filled():
            self._committed = None  # the store holds the draft now
            self.drafted.emit(self.draft())
        elif value["rows"] and value != self._committed:
            self._committed = value
            self.answered.emit(value)

    def _partly_filled(self) -> bool:
        """A teller with one amount typed and not the other: the table is no answer yet."""
        return any(
            (self._fen(r, self.COL_SYSTEM) is None) != (self._fen(r, self.COL_COUNTED) is None)
            for r in range(len(self.tellers))
        )

    def draft(self) -> dict[str, Any]:
        """Each teller as [employee no, system, counted, vouchers agree, note], as typed."""
        return {
            "rows": [
                [
                    person.employee_no,
                    item_at(self.table, r, self.COL_SYSTEM).text(),
                    item_at(self.table, r, self.COL_COUNTED).text(),
                    item_at(self.table, r, self.COL_VOUCHERS).checkState() == Qt.CheckState.Checked,
                    item_at(self.table, r, self.COL_NOTE).text(),
                ]
                for r, person in enumerate(self.tellers)
            ]
        }

    def set_draft(self, draft: Any) -> None:
        typed = {row[0]: row[1:] for row in draft.get("rows", []) if len(row) == 5}
        self._filling = True
        for r, person in enumerate(self.tellers):
            if person.employee_no not in typed:
                continue
            system, counted, vouchers, note = typed[person.employee_no]
            item_at(self.table, r, self.COL_SYSTEM).setText(str(system or ""))
            item_at(self.table, r, self.COL_COUNTED).setText(str(counted or ""))
            item_at(self.table, r, self.COL_VOUCHERS).setCheckState(
                Qt.CheckState.Unchecked if vouchers is False else Qt.CheckState.Checked
            )
            item_at(self.table, r, self.COL_NOTE).setText(str(note or ""))
            self._show_diff(r)
        self._filling = False

    def value(self) -> dict[str, Any]:
        rows = []
        for r, person in enumerate(self.tellers):
            system = self._fen(r, self.COL_SYSTEM)
            counted = self._fen(r, self.COL_COUNTED)
            if system is None or counted is None:
                continue
            rows.append(
                {
                    "teller": person.employee_no,
                    "system_fen": system,
                    "counted_fen": counted,
                    "vouchers_ok": item_at(self.table, r, self.COL_VOUCHERS).checkState()
                    == Qt.CheckState.Checked,
                    "note": item_at(self.table, r, self.COL_NOTE).text().strip(),
                }
            )
        return {"rows": rows}

    def set_value(self, value: Any) -> None:
        by_teller = {row["teller"]: row for row in value.get("rows", [])}
        self._filling = True
        for r, person in enumerate(self.tellers):
            row = by_teller.get(person.employee_no)
            if row is None:
                continue
            item_at(self.table, r, self.COL_SYSTEM).setText(yuan_text(row["system_fen"]))
            item_at(self.table, r, self.COL_COUNTED).setText(yuan_text(row["counted_fen"]))
            item_at(self.table, r, self.COL_VOUCHERS).setCheckState(
                Qt.CheckState.Checked if row.get("vouchers_ok", True) else Qt.CheckState.Unchecked
            )
            item_at(self.table, r, self.COL_NOTE).setText(row.get("note", ""))
            self._show_diff(r)
        self._filling = False
        self._committed = self.value()

    def focus_target(self) -> QWidget:
        return self.table

    def start_editing(self, row: int, col: int) -> QLineEdit | None:
        self.table.setCurrentCell(row, col)
        self.table.editItem(item_at(self.table, row, col))
        return self.money.editor if col in (self.COL_SYSTEM, self.COL_COUNTED) else None

    def point_at(self, row: int | None, column: str | None) -> None:
        """`row` counts the answer's rows, which hold only the tellers with both amounts."""
        columns = {"system_fen": self.COL_SYSTEM, "counted_fen": self.COL_COUNTED}
        answered = [r["teller"] for r in self.value()["rows"]]
        if row is None or not 1 <= row <= len(answered) or column not in columns:
            return
        nos = [p.employee_no for p in self.tellers]
        self.table.setCurrentCell(nos.index(answered[row - 1]), columns[column])
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
