"""导入账户清单: pick the core system's export, the as-of date, an optional header mapping and an
optional second checker, then read and classify the list in the background with a real progress
bar. The window never freezes; the core's progress callback runs on the worker thread and only
emits a signal. On success: a summary, the review opened, and the workbook can be saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.accounts import Review
from branchcheck.accounts.record import CHECKLIST
from branchcheck.db import Store
from branchcheck.engine.validate import load_all
from branchcheck.people.rules import fits_slot
from branchcheck.people.signin import StaffInfo
from ui import i18n, operations
from ui.screens import error_label, primary_button, show_error, subtle_label, title_label
from ui.tasks import TaskRunner

SHOWN_ERRORS = 5


class ProgressRelay(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    progressed = Signal(int, int)  # done, total

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


def checker_candidates(staff: list[StaffInfo], inspector: str) -> list[StaffInfo]:
    """Worker thread (it reads the checklist): staff who may fill the review's second-checker
    slot, the inspector left out."""
    slot = load_all()[CHECKLIST].template.slot("checker")
    if slot is None:
        return []
    return [p for p in staff if p.employee_no != inspector and fits_slot(slot, p.roles, p.external)]


def _path_row(parent: QWidget, edit: QLineEdit, *buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    for b in buttons:
        row.addWidget(b)
    return row


class AccountImportDialog(QDialog):
    review_started = Signal(str)  # inspection ID of the new review: open it

    def __init__(
        self,
        store: Store,
        *,
        tasks: TaskRunner,
        inspector: StaffInfo,
        checkers: list[StaffInfo],
        today: date | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.inspector = inspector
        self.review: Review | None = None
        self.inspection_id: str | None = None
        self.busy = False
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progress)
        self.setMinimumWidth(820)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.file_edit = QLineEdit(self)
        self.file_button = QPushButton(self)
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        day = today or date.today()
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        self.as_of.setMinimumWidth(160)
        self.mapping_edit = QLineEdit(self)
        self.mapping_button = QPushButton(self)
        self.mapping_clear = QPushButton(self)
        self.checker = QComboBox(self)
        self.checker.setMinimumWidth(320)
        self.candidates = checkers
        self.checker.addItem("", None)
        for p in self.candidates:
            self.checker.addItem("", p.employee_no)  # name and roles: retranslate
        self.file_label, self.as_of_label = QLabel(self), QLabel(self)
        self.mapping_label, self.checker_label = QLabel(self), QLabel(self)
        form.addRow(self.file_label, _path_row(self, self.file_edit, self.file_button))
        form.addRow(self.as_of_label, self.as_of)
        form.addRow(
            self.mapping_label,
            _path_row(self, self.mapping_edit, self.mapping_button, self.mapping_clear),
        )
        form.addRow(self.checker_label, self.checker)
        layout.addLayout(form)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setMinimumHeight(24)
        self.progress.setTextVisible(False)  # the line below says how far it is
        layout.addWidget(self.progress)
        self.status = subtle_label(self)
        layout.addWidget(self.status)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setObjectName("panel")
        self.summary.setStyleSheet(
            "QLabel#panel { background: white; border: 1px solid #d5d9e0; border-radius: 6px;"
            " padding: 12px 16px; }"
        )
        self.summary.hide()
        layout.addWidget(self.summary)
        self.error = error_label(self)
        layout.addWidget(self.error)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.save_button.setEnabled(False)
        self.close_button = QPushButton(self)
        self.start_button = primary_button(self)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)

        self.file_button.clicked.connect(self._pick_file)
        self.mapping_button.clicked.connect(self._pick_mapping)
        self.mapping_clear.clicked.connect(self.mapping_edit.clear)
        self.start_button.clicked.connect(self.start)
        self.save_button.clicked.connect(self._pick_workbook)
        self.close_button.clicked.connect(self.reject)
        self.file_edit.textChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------------ texts

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("导入账户清单"))
        self.title.setText(self.tr("导入账户清单"))
        self.intro.setText(
            self.tr(
                "选择核心系统导出的单位结算账户清单（.xlsx 或 .csv）。系统逐户分类，"
                "为每个标记账户建立一条复核记录，由您逐户作出处理决定。"
            )
        )
        self.file_label.setText(self.tr("账户清单文件"))
        self.as_of_label.setText(self.tr("检查基准日"))
        self.mapping_label.setText(self.tr("表头映射文件（可选）"))
        self.checker_label.setText(self.tr("复核见证人（可选）"))
        self.file_button.setText(self.tr("选择…"))
        self.mapping_button.setText(self.tr("选择…"))
        self.mapping_clear.setText(self.tr("清除"))
        self.file_edit.setPlaceholderText(self.tr("清单文件路径"))
        self.mapping_edit.setPlaceholderText(self.tr("其他表头名称与本系统列的对照（JSON/YAML）"))
        self.checker.setItemText(0, self.tr("（不选）"))
        for i, p in enumerate(self.candidates, start=1):
            self.checker.setItemText(i, f"{p.name} ({p.employee_no}) {p.role_names(i18n.lang())}")
        self.start_button.setText(self.tr("开始导入"))
        self.save_button.setText(self.tr("保存复核工作簿…"))
        self.close_button.setText(self.tr("关闭") if self.inspection_id else self.tr("取消"))

    # ------------------------------------------------------------------ choosing files

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择账户清单"), "", self.tr("账户清单 (*.xlsx *.csv)")
        )
        if path:
            self.file_edit.setText(path)

    def _pick_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择表头映射文件"), "", self.tr("映射文件 (*.json *.yaml *.yml)")
        )
        if path:
            self.mapping_edit.setText(path)

    def _pick_workbook(self) -> None:
        if self.review is None:
            return
        suggested = f"账户复核_{self.review.as_of.isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存复核工作簿"), suggested, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.save_workbook(Path(path))

    def _update_buttons(self) -> None:
        ready = bool(self.file_edit.text().strip()) and not self.busy and not self.inspection_id
        self.start_button.setEnabled(ready)
        inputs: tuple[QWidget, ...] = (
            self.file_edit,
            self.file_button,
            self.as_of,
            self.mapping_edit,
            self.mapping_button,
            self.mapping_clear,
            self.checker,
        )
        for w in inputs:
            w.setEnabled(not self.busy and not self.inspection_id)
        self.close_button.setEnabled(not self.busy)
        self.save_button.setEnabled(self.review is not None and not self.busy)

    # ------------------------------------------------------------------ importing

    def start(self) -> None:
        raw = self.file_edit.text().strip()
        if not raw or self.busy:
            return
        mapping = self.mapping_edit.text().strip()
        show_error(self.error, None)
        self.summary.hide()
        self.progress.setValue(0)
        self.status.setText(self.tr("正在读取并分类…"))
        self.busy = True
        self._update_buttons()
        qd = self.as_of.date()
        operations.import_account_list(
            store=self.store,
            tasks=self.tasks,
            path=Path(raw),
            as_of=date(qd.year(), qd.month(), qd.day()),
            inspector=self.inspector.employee_no,
            checker=self.checker.currentData(),
            mapping_path=Path(mapping) if mapping else None,
            progress=self.relay.report,
            on_success=self._done,
            on_failure=self._failed,
        )

    def _progress(self, done: int, total: int) -> None:
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        self.progress.setValue(percent)
        self.status.setText(
            self.tr("已读取 {done} / {total} 行（{p}%）").format(done=done, total=total, p=percent)
        )

    def _done(self, result) -> None:
        self.inspection_id, self.review = result
        self.busy = False
        self.progress.setValue(100)
        rv = self.review
        self.status.setText(self.tr("100% · 导入完成，复核记录已建立并已打开。"))
        lines = [
            self.tr(
                "读取 {rows} 行，参与分类 {accounts} 户，标记 {flagged} 户，错误行 {errors} 行"
            ).format(
                rows=rv.rows, accounts=len(rv.accounts), flagged=rv.flagged, errors=rv.error_rows
            )
        ]
        for e in rv.errors[:SHOWN_ERRORS]:
            lines.append(
                self.tr("  • 第 {row} 行 {column}：{reason}").format(
                    row=e.row, column=e.column, reason=e.reason
                )
            )
        if len(rv.errors) > SHOWN_ERRORS:
            lines.append(
                self.tr("  …另有 {n} 条错误，见复核工作簿“错误行”").format(
                    n=len(rv.errors) - SHOWN_ERRORS
                )
            )
        for warning in rv.warnings:
            lines.append("⚠ " + warning)
        self.summary.setText("\n".join(lines))
        self.summary.show()
        self.retranslate()
        self._update_buttons()
        self.review_started.emit(self.inspection_id)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.progress.setValue(0)
        self.status.setText("")
        show_error(self.error, message)
        self._update_buttons()

    def save_workbook(self, path: Path) -> None:
        if self.review is None:
            return
        show_error(self.error, None)
        self.save_button.setEnabled(False)

        def saved(out: Path) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("复核工作簿已保存：{path}").format(path=out))

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            show_error(self.error, message)

        operations.save_review_workbook(
            tasks=self.tasks, review=self.review, path=path, on_success=saved, on_failure=failed
        )

    def reject(self) -> None:
        if not self.busy:  # the import runs to its end; closing halfway would hide its outcome
            super().reject()
