"""首页: the records of this branch, and what to do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck import inspections
from branchcheck.db import Store
from branchcheck.views import RecordSummary
from ui import i18n
from ui.screens import (
    Screen,
    error_label,
    primary_button,
    select_by_id,
    selected_row,
    show_error,
    subtle_label,
    title_label,
)
from ui.tasks import TaskRunner, describe


class HomeScreen(Screen):
    new_requested = Signal()
    resume_requested = Signal(str)  # inspection ID
    export_requested = Signal(str)  # record ID
    import_requested = Signal()  # 导入账户清单
    correct_requested = Signal(str)  # record ID: start a correction (a new version)
    findings_requested = Signal()  # 问题整改

    def __init__(self, store: Store, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.records: list[RecordSummary] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = title_label(self)
        self.subtitle = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        buttons = QHBoxLayout()
        self.new_button = primary_button(self)
        self.resume_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.correct_button = QPushButton(self)
        self.findings_button = QPushButton(self)
        for b in (
            self.new_button,
            self.import_button,
            self.resume_button,
            self.export_button,
            self.correct_button,
            self.findings_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = subtle_label(self)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label(self)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

        self.new_button.clicked.connect(self.new_requested.emit)
        self.resume_button.clicked.connect(self._resume)
        self.export_button.clicked.connect(self._export)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.import_button.clicked.connect(self.import_requested)
        self.correct_button.clicked.connect(self._correct)
        self.findings_button.clicked.connect(self.findings_requested.emit)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self._resume())
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("首页"))
        self.subtitle.setText(
            self.tr("本网点的检查记录。选择一条进行中的检查可继续，已封存的记录可导出。")
        )
        self.new_button.setText(self.tr("新建检查"))
        self.import_button.setText(self.tr("导入账户清单"))
        self.resume_button.setText(self.tr("继续"))
        self.export_button.setText(self.tr("导出…"))
        self.correct_button.setText(self.tr("更正…"))
        self.correct_button.setToolTip(
            self.tr("已封存的记录不可更改；更正会建立指向原记录的新版本。")
        )
        self.findings_button.setText(self.tr("问题整改"))
        self.findings_button.setToolTip(self.tr("本网点的检查问题：整改、复查、关闭"))
        self.refresh_button.setText(self.tr("刷新"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("日期"),
                self.tr("检查"),
                self.tr("状态"),
                self.tr("查库人"),
                self.tr("问题数"),
                self.tr("记录编号"),
            ]
        )
        self._fill()

    def status_text(self, status: str) -> str:
        return {
            "in_progress": self.tr("进行中"),
            "completed": self.tr("待签名"),
            "sealed": self.tr("已封存"),
        }.get(status, status)

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the records in the background; `then` runs once they are shown."""
        store = self.store
        self.refresh_button.setEnabled(False)

        def done(records: list[RecordSummary]) -> None:
            self.refresh_button.setEnabled(True)
            self.records = records
            self._fill()
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.show_failure(describe(exc))

        self.tasks.run_in_background(lambda: inspections.list_records(store), done, failed)

    def _fill(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.records))
        for r, rec in enumerate(self.records):
            cells = [
                rec.local_date,
                i18n.text(rec.title)
                + (self.tr("（更正 第{n}版）").format(n=rec.version) if rec.version > 1 else ""),
                self.status_text(rec.status),
                f"{rec.inspector_name} ({rec.inspector})",
                str(rec.findings),
                rec.id[:8],
            ]
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, rec.id)
                if c == 4:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, cell)
            if selected is not None and rec.id == selected.id:
                self.table.selectRow(r)
        self._selection_changed()

    def selected(self) -> RecordSummary | None:
        return selected_row(self.table, self.records)

    def select_record(self, record_id: str) -> None:
        select_by_id(self.table, self.records, record_id)

    def _selection_changed(self) -> None:
        rec = self.selected()
        status = rec.status if rec is not None else None
        self.resume_button.setEnabled(status is not None and status != "sealed")
        self.export_button.setEnabled(status == "sealed")
        self.correct_button.setEnabled(status == "sealed")

    def _correct(self) -> None:
        rec = self.selected()
        if rec and rec.status == "sealed":
            self.correct_requested.emit(rec.id)

    def _resume(self) -> None:
        rec = self.selected()
        if rec and rec.status != "sealed":
            self.resume_requested.emit(rec.id)

    def _export(self) -> None:
        rec = self.selected()
        if rec and rec.status == "sealed":
            self.export_requested.emit(rec.id)

    def show_message(self, message: str) -> None:
        show_error(self.error, None)
        self.message.setText(message)

    def show_failure(self, message: str) -> None:
        self.message.setText("")
        show_error(self.error, message)
