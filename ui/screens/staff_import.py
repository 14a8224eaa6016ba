"""导入人员名单: a staff list (.xlsx, .xls, .ods or .csv) read on the worker and previewed — the
people it names and each row's error, where it is in the file — then imported all or nothing by
the core (`branchcheck.people.staff_list`). Used by the set-up assistant and the 人员 screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.taxonomy import STAFF_ROLES
from ui import i18n
from ui.screens import error_label, primary_button, show_error, subtle_label, title_label
from ui.screens.people_forms import in_language, refusal_text
from ui.screens.staff_panel import fill_row, people_table
from ui.tasks import LazyStore, TaskRunner

if TYPE_CHECKING:
    from branchcheck.people.staff_list import StaffImportResult, StaffList, StaffRowError

SHOWN_ERRORS = 8


def _read(path: Path) -> StaffList:
    from branchcheck.people.staff_list import read_staff_list

    return read_staff_list(path)


def _import(store: LazyStore, actor: str, path: Path) -> StaffImportResult:
    from branchcheck.people.staff_list import import_staff_list

    return import_staff_list(store.get(), actor=actor, path=path)


class StaffImportDialog(QDialog):
    imported = Signal(object)  # StaffImportResult

    def __init__(
        self, store: LazyStore, *, tasks: TaskRunner, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.tasks, self.actor = store, tasks, actor
        self.listed: StaffList | None = None
        self.outcome: StaffImportResult | None = None
        self.setMinimumSize(760, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        self.file_edit = QLineEdit(self)
        self.file_button = QPushButton(self)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.file_button)
        layout.addLayout(row)
        self.table = people_table(self)
        self.table.setColumnCount(5)
        layout.addWidget(self.table, 1)
        self.summary = subtle_label(self)
        layout.addWidget(self.summary)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self)
        self.import_button = primary_button(self)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.file_button.clicked.connect(self.pick)
        self.file_edit.returnPressed.connect(self.read)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("导入人员名单"))
        self.title.setText(self.tr("导入人员名单"))
        self.intro.setText(
            self.tr(
                "名单第一行为表头，须有 工号、姓名、岗位 三列（多个岗位用顿号或逗号分开），可有 "
                "外部、单位、证件号。押运人员标为外部并写明押运公司。名单不含密码：导入后由管理员"
                "为需要登录的人员设置密码。有错误的名单不导入任何人。"
            )
        )
        self.file_edit.setPlaceholderText(self.tr("名单文件路径"))
        self.file_button.setText(self.tr("选择…"))
        self.close_button.setText(self.tr("关闭"))
        self.import_button.setText(self.tr("导入"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("行"), self.tr("工号"), self.tr("姓名"), self.tr("岗位"), self.tr("单位")]
        )
        self._show()

    # ------------------------------------------------------------------ reading

    def pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择人员名单"), "", self.tr("人员名单 (*.xlsx *.xls *.ods *.csv)")
        )
        if path:
            self.file_edit.setText(path)
            self.read()

    def read(self) -> None:
        text = self.file_edit.text().strip()
        if not text:
            return
        path = Path(text)
        self.listed, self.outcome = None, None
        show_error(self.error, None)
        self.summary.setText(self.tr("正在读取…"))
        self._update(busy=True)
        self.tasks.run_in_background(lambda: _read(path), self._read_done, self._failed)

    def _read_done(self, listed: StaffList) -> None:
        self.listed = listed
        self._show()
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("")
        show_error(self.error, refusal_text(exc))
        self._update()

    def row_error(self, e: StaffRowError) -> str:
        if e.column:
            return self.tr("第 {row} 行，“{column}”列：{reason}").format(
                row=e.row, column=e.column, reason=in_language(e.reason)
            )
        return self.tr("第 {row} 行：{reason}").format(row=e.row, reason=in_language(e.reason))

    def _show(self) -> None:
        listed = self.listed
        if listed is None:
            self.table.setRowCount(0)
            return
        self.table.setRowCount(len(listed.people))
        for r, p in enumerate(listed.people):
            person = p.person
            roles = "、".join(i18n.text(STAFF_ROLES[k]) for k in person.roles if k in STAFF_ROLES)
            fill_row(
                self.table,
                r,
                [str(p.row), person.employee_no, person.name, roles, person.organisation],
            )
        if self.outcome is not None:
            self.summary.setText(self.tr("已导入 {n} 人。").format(n=len(self.outcome.added)))
        elif listed.errors:
            self.summary.setText(
                self.tr("名单中 {n} 人可导入；{e} 处错误，改正后重新选择文件。").format(
                    n=len(listed.people), e=len(listed.errors)
                )
            )
        else:
            self.summary.setText(self.tr("名单中 {n} 人，可以导入。").format(n=len(listed.people)))
        lines = [self.row_error(e) for e in listed.errors[:SHOWN_ERRORS]]
        if len(listed.errors) > SHOWN_ERRORS:
            lines.append(self.tr("……另有 {n} 处").format(n=len(listed.errors) - SHOWN_ERRORS))
        show_error(self.error, "\n".join(lines) or None)

    def _update(self, *, busy: bool = False) -> None:
        listed = self.listed
        ready = (
            listed is not None
            and bool(listed.people)
            and not listed.errors
            and self.outcome is None
        )
        self.import_button.setEnabled(ready and not busy)
        self.file_button.setEnabled(not busy)

    # ------------------------------------------------------------------ importing

    def start_import(self) -> None:
        if self.listed is None:
            return
        path = self.listed.source
        self._update(busy=True)
        self.tasks.run_in_background(
            lambda: _import(self.store, self.actor, path), self._imported, self._failed
        )

    def _imported(self, result: StaffImportResult) -> None:
        self.outcome = result
        self._show()
        self._update()
        self.imported.emit(result)
