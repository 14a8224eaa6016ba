"""The account-list review: the flagged accounts of an imported list, each with the manager's
decision. Thousands of rows, so a table model behind a filter proxy, never a QTableWidget.

A decision is emitted as the whole updated answer (source + rows), like every item widget; the
inspection screen commits it through the core before the card says 已保存. The counts are the
core's (account_list.summary)."""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchcheck.accounts import RULES
from branchcheck.accounts.rules import allowed_decisions
from branchcheck.checklists import Item
from branchcheck.engine.accounts import DECISIONS, proposed_due_date, summary
from ui import i18n
from ui.items import Index, ItemContext, ItemWidget, register
from ui.style import GREEN, GREY, ORANGE, RED

DECISION_COLOURS = {None: ORANGE, "applied": GREEN, "explained": GREEN, "rectify": RED}
ROW_HEIGHT = 36
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's flag codes (which decisions it allows)


def flag_label(code: str) -> str:
    rule = RULES.get(code)
    if rule is None:
        return code
    return rule.label_en if i18n.lang() == "en" else rule.label_zh


class AccountsModel(QAbstractTableModel):
    """The flagged accounts as rows (the answer's dicts); decision, reason and due date editable."""

    COL_NO, COL_NAME, COL_FLAGS, COL_CONTROL, COL_DECISION, COL_REASON, COL_DUE = range(7)
    row_edited = Signal(int)  # source row whose decision, reason or due date changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.headers: list[str] = [""] * 7
        self.decision_names: dict[str | None, str] = {}

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else 7

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = index.column()
        if col in (self.COL_DECISION, self.COL_REASON):
            return base | Qt.ItemFlag.ItemIsEditable
        if col == self.COL_DUE and self.rows[index.row()]["decision"] == "rectify":
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def flags_text(self, row: dict[str, Any]) -> str:
        if i18n.lang() == "zh" and row["flag_labels"]:
            return row["flag_labels"]
        return "、".join(flag_label(f) for f in row["flags"])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == FLAGS_ROLE:
            return row["flags"]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_NO:
                return row["account_no"]
            if col == self.COL_NAME:
                return row["account_name"]
            if col == self.COL_FLAGS:
                return self.flags_text(row)
            if col == self.COL_CONTROL:
                return row["control"]
            if col == self.COL_DECISION:
                return self.decision_names.get(row["decision"], "")
            if col == self.COL_REASON:
                return row["reason"]
            if col == self.COL_DUE:
                return row["due_date"] or ("" if row["decision"] != "rectify" else "—")
        if role == Qt.ItemDataRole.EditRole:
            key = {
                self.COL_DECISION: "decision",
                self.COL_REASON: "reason",
                self.COL_DUE: "due_date",
            }.get(col)
            return row[key] if key else None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_DECISION:
            return QBrush(QColor(DECISION_COLOURS[row["decision"]]))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_DUE:
            return QBrush(QColor(GREY if row["decision"] != "rectify" else RED))
        return None

    def setData(  # noqa: N802 - Qt override
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        col = index.column()
        if col == self.COL_DECISION:
            if value == row["decision"]:
                return False
            row["decision"] = value
            if value != "rectify":
                row["due_date"] = None
        elif col == self.COL_REASON:
            value = str(value or "").strip()
            if value == row["reason"]:
                return False
            row["reason"] = value
        elif col == self.COL_DUE:
            if value == row["due_date"]:
                return False
            row["due_date"] = value
        else:
            return False
        r = index.row()
        self.dataChanged.emit(self.index(r, 0), self.index(r, 6))
        self.row_edited.emit(r)
        return True


class AccountFilter(QSortFilterProxyModel):
    """Rows with the chosen flag (or any) whose account number or name holds the search text."""

    def __init__(self, accounts: AccountsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.setSourceModel(accounts)
        self.flag: str | None = None
        self.needle = ""

    def set_filter(self, flag: str | None, needle: str) -> None:
        self.beginFilterChange()
        self.flag, self.needle = flag, needle.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        row = self.accounts.rows[source_row]
        if self.flag and self.flag not in row["flags"]:
            return False
        if self.needle:
            hay = f"{row['account_no']} {row['account_name']} {row['customer_id']}".lower()
            return self.needle in hay
        return True


class DecisionDelegate(QStyledItemDelegate):
    """A combo of the decisions the row's flags allow (the core's allowed_decisions: a
    deregistered company cannot be "explained"); choosing one commits it at once."""

    def __init__(self, names: dict[str | None, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QComboBox:
        combo = QComboBox(parent)
        for key in (None, *allowed_decisions(index.data(FLAGS_ROLE) or [])):
            combo.addItem(self.names.get(key, ""), key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DueDateDelegate(QStyledItemDelegate):
    """A calendar from `earliest` to `latest` (the core's limits), opening at `proposed` when the
    row has no date yet."""

    def __init__(
        self, earliest: date, latest: date, proposed: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.earliest = _qdate(earliest)
        self.latest = _qdate(latest)
        self.proposed = _qdate(proposed)

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QDateEdit:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setMinimumDate(self.earliest)
        editor.setMaximumDate(self.latest)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        day = QDate.fromString(index.data(Qt.ItemDataRole.EditRole) or "", "yyyy-MM-dd")
        if isinstance(editor, QDateEdit):
            editor.setDate(day if day.isValid() else self.proposed)

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date().toString("yyyy-MM-dd"))


@register("account_list_review")
class AccountListReviewWidget(ItemWidget):
    """Filter by flag, search, and decide account by account."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.today = ctx.state.local_date
        self.proposed_due = proposed_due_date(self.today, ctx.settings)
        self.latest_due = self.today + timedelta(days=ctx.settings.rectify_max_days)
        self.source: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.counts = QLabel(self)
        self.counts.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)
        self.source_label = QLabel(self)
        self.source_label.setObjectName("subtle")
        self.source_label.setWordWrap(True)
        layout.addWidget(self.counts)
        layout.addWidget(self.source_label)
        bar = QHBoxLayout()
        self.flag_caption = QLabel(self)
        self.flag_filter = QComboBox(self)
        self.flag_filter.setMinimumWidth(280)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.shown = QLabel(self)
        self.shown.setObjectName("subtle")
        bar.addWidget(self.flag_caption)
        bar.addWidget(self.flag_filter)
        bar.addSpacing(10)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.shown)
        layout.addLayout(bar)

        self.model = AccountsModel(self)
        self.proxy = AccountFilter(self.model, self)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until a header click
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.setMinimumHeight(400)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AccountsModel.COL_CONTROL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        for col, width in (
            (AccountsModel.COL_NO, 160),
            (AccountsModel.COL_NAME, 180),
            (AccountsModel.COL_FLAGS, 150),
            (AccountsModel.COL_DECISION, 104),
            (AccountsModel.COL_REASON, 120),
            (AccountsModel.COL_DUE, 104),
        ):
            self.view.setColumnWidth(col, width)
        self.decisions = DecisionDelegate(self.model.decision_names, self.view)
        self.view.setItemDelegateForColumn(AccountsModel.COL_DECISION, self.decisions)
        self.view.setItemDelegateForColumn(
            AccountsModel.COL_DUE,
            DueDateDelegate(self.today, self.latest_due, self.proposed_due, self.view),
        )
        layout.addWidget(self.view, 1)
        # the long texts of the current row in full (the columns are narrow)
        self.detail = QLabel(self)
        self.detail.setObjectName("panel")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet(
            "QLabel#panel { background: white; border: 1px solid #d5d9e0; border-radius: 6px;"
            " padding: 8px 12px; }"
        )
        self.detail.setMinimumHeight(64)
        layout.addWidget(self.detail)

        self.flag_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.model.row_edited.connect(self._row_edited)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.retranslate()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.model.decision_names.clear()
        self.model.decision_names[None] = self.tr("未处理")
        self.model.decision_names.update({k: i18n.text(v) for k, v in DECISIONS.items()})
        self.model.headers[:] = [
            self.tr("账号"),
            self.tr("户名"),
            self.tr("标志"),
            self.tr("应采取控制"),
            self.tr("处理决定"),
            self.tr("说明"),
            self.tr("整改期限"),
        ]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.flag_caption.setText(self.tr("标志"))
        self.search.setPlaceholderText(self.tr("搜索账号、户名或客户号"))
        self._fill_flags()
        self._show_counts()
        self._show_detail()

    def _fill_flags(self) -> None:
        current = self.flag_filter.currentData()
        counts: dict[str, int] = {}
        for row in self.model.rows:
            for f in row["flags"]:
                counts[f] = counts.get(f, 0) + 1
        order = [c for c in RULES if c in counts] + sorted(c for c in counts if c not in RULES)
        self.flag_filter.blockSignals(True)
        self.flag_filter.clear()
        self.flag_filter.addItem(self.tr("全部（{n}）").format(n=len(self.model.rows)), None)
        for code in order:
            self.flag_filter.addItem(f"{flag_label(code)}（{counts[code]}）", code)
        self.flag_filter.setCurrentIndex(max(self.flag_filter.findData(current), 0))
        self.flag_filter.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filter(self.flag_filter.currentData(), self.search.text())
        self.shown.setText(
            self.tr("显示 {n} / {total} 户").format(
                n=self.proxy.rowCount(), total=len(self.model.rows)
            )
        )

    def value(self) -> dict[str, Any]:
        return {"source": dict(self.source), "rows": [dict(r) for r in self.model.rows]}

    def _show_counts(self) -> None:
        if not self.model.rows and not self.source:
            self.counts.setText(self.tr("尚未导入账户清单（首页 → 导入账户清单）"))
            self.source_label.setText("")
            return
        s = summary(self.value())
        colour = ORANGE if s["undecided"] else GREEN
        self.counts.setText(
            self.tr(
                "标记 {flagged} 户：<span style='color:{c}'>未处理 {undecided}</span> · "
                "已采取控制 {applied} · 已说明 {explained} · 限期整改 {rectify}"
            ).format(c=colour, **s)
        )
        src = self.source
        self.source_label.setText(
            self.tr("截至 {as_of} · {file} · 共 {accounts} 户参与分类 · 错误行 {errors}").format(
                as_of=src.get("as_of", "—"),
                file=src.get("file", "—"),
                accounts=s["accounts"],
                errors=src.get("errors", 0),
            )
        )

    def _show_detail(self) -> None:
        index = self.proxy.mapToSource(self.view.currentIndex())
        if not index.isValid():
            self.detail.setText(self.tr("选中一行查看标志、应采取的控制及依据的全文。"))
            return
        row = self.model.rows[index.row()]
        self.detail.setText(
            f"<b>{html.escape(row['account_no'])} {html.escape(row['account_name'])}</b><br>"
            + self.tr("标志：{flags}<br>应采取控制：{control}<br>依据：{source}").format(
                flags=html.escape(self.model.flags_text(row)),
                control=html.escape(row["control"]),
                source=html.escape(row["source"]),
            )
        )

    def undecided(self) -> int:
        return summary(self.value())["undecided"]

    # ------------------------------------------------------------------ answers

    def _row_edited(self, r: int) -> None:
        row = self.model.rows[r]
        if row["decision"] == "rectify" and not row["due_date"]:
            row["due_date"] = self.proposed_due.isoformat()
        if row["decision"] == "explained" and not row["reason"]:
            self.invalid.emit(
                self.tr("账户 {no}：选择“已说明”需在“说明”栏填写理由").format(no=row["account_no"])
            )
            self._edit(r, AccountsModel.COL_REASON)
            return
        self._show_counts()
        # one account's decision is one small write (inspections.answer_part)
        self.part_answered.emit(
            row["account_no"],
            {"decision": row["decision"], "reason": row["reason"], "due_date": row["due_date"]},
        )

    def _edit(self, r: int, col: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(r, col))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def decide(
        self, account_no: str, decision: str | None, reason: str = "", due: str = ""
    ) -> None:
        """Set one row's decision as the user would (tests, screenshots)."""
        r = next(i for i, row in enumerate(self.model.rows) if row["account_no"] == account_no)
        if reason:
            self.model.rows[r]["reason"] = reason
        if due:
            self.model.rows[r]["due_date"] = due
        self.model.setData(self.model.index(r, AccountsModel.COL_DECISION), decision)

    def set_value(self, value: Any) -> None:
        self.source = dict(value.get("source") or {})
        self.model.set_rows([dict(r) for r in value.get("rows", [])])
        self._fill_flags()
        self._show_counts()

    def focus_target(self) -> QWidget:
        return self.view
