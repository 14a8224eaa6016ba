"""完成: the findings the core made when the answering was closed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
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
from branchcheck.taxonomy import SEVERITIES
from branchcheck.views import FindingBrief
from ui import i18n
from ui.screens import Screen, error_label, primary_button, show_error, subtle_label, title_label
from ui.style import GREEN, ORANGE, RED
from ui.tasks import TaskRunner, describe

SEVERITY_COLOURS = {"critical": RED, "high": RED, "medium": ORANGE, "low": "#1f2933"}


class ReviewScreen(Screen):
    sign_requested = Signal(str)
    edit_requested = Signal(str)

    def __init__(self, store: Store, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.inspection_id: str | None = None
        self.state: inspections.InspectionState | None = None
        self.findings: list[FindingBrief] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = title_label(self)
        self.summary = subtle_label(self)
        self.summary.setStyleSheet("font-size: 13pt;")
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 5, self)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self)
        self.sign_button = primary_button(self)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.inspection_id))
        self.sign_button.clicked.connect(lambda: self.sign_requested.emit(self.inspection_id))
        self.retranslate()

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("← 返回修改"))
        self.sign_button.setText(self.tr("去签名 →"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("问题"),
                self.tr("严重程度"),
                self.tr("整改责任人"),
                self.tr("整改期限"),
                self.tr("屡查屡犯"),
            ]
        )
        self._fill()

    def open(self, inspection_id: str, then: Callable[[], None] | None = None) -> None:
        """Read the inspection and its findings in the background; `then` runs once shown."""
        store = self.store

        def read() -> tuple[inspections.InspectionState, list[FindingBrief]]:
            return inspections.load(store, inspection_id), inspections.findings(
                store, inspection_id
            )

        def done(result: tuple[inspections.InspectionState, list[FindingBrief]]) -> None:
            self.inspection_id = inspection_id
            self.state, self.findings = result
            show_error(self.error, None)
            self._fill()
            if then is not None:
                then()
            self.sign_button.setFocus()

        def failed(exc: BaseException) -> None:
            show_error(self.error, describe(exc))
            if then is not None:
                then()  # the screen says why it could not be read

        self.tasks.run_in_background(read, done, failed)

    def _fill(self) -> None:
        if self.state is None:
            return
        self.title.setText(
            self.tr("检查结果 — {title}").format(
                title=i18n.text(self.state.template.title.as_dict())
            )
        )
        if self.findings:
            repeats = sum(1 for f in self.findings if f.repeat)
            n = len(self.findings)
            text = i18n.plural(n, "共发现 {n} 个问题", "{n} finding", "{n} findings")
            if repeats:
                text += i18n.plural(
                    repeats,
                    "，其中 {n} 个屡查屡犯",
                    ", a repeat finding" if n == 1 else ", {n} of them a repeat finding",
                    ", {n} of them repeat findings",
                )
            self.summary.setText(text + self.tr("。请核对后由各方签名确认。"))
            self.summary.setStyleSheet(f"font-size: 13pt; color: {RED}; font-weight: bold;")
        else:
            self.summary.setText(self.tr("未发现问题。请由各方签名确认。"))
            self.summary.setStyleSheet(f"font-size: 13pt; color: {GREEN}; font-weight: bold;")
        self.table.setRowCount(len(self.findings))
        for r, f in enumerate(self.findings):
            person = f.responsible
            cells = [
                i18n.text(f.title),
                i18n.text(SEVERITIES.get(f.severity, {"zh": f.severity, "en": f.severity})),
                f"{person.name} ({person.employee_no})" if person else "—",
                f.due_date,
                self.tr("⚠ 屡查屡犯") if f.repeat else "",
            ]
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if c == 1:
                    cell.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#1f2933"))))
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == 4 and f.repeat:
                    cell.setForeground(QBrush(QColor(RED)))
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        for r in range(self.table.rowCount()):
            self.table.setRowHeight(r, max(44, self.table.rowHeight(r)))
