"""The set-up assistant's staff page: add people one by one (their fields on the left, the register
so far on the right), or import a staff list (ui.screens.staff_import). Every change is the core's
(`branchcheck.people.admin.add_person`), on the worker, by the administrator just made."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from ui import i18n
from ui.screens import error_label, show_error, subtle_label
from ui.screens.people_forms import PersonForm, field_errors, refusal_text
from ui.tasks import LazyStore, TaskRunner

if TYPE_CHECKING:
    from branchcheck.people.admin import PersonInput, PersonRow
    from ui.screens.staff_import import StaffImportDialog


def _add(
    store: LazyStore, actor: str, person: PersonInput, password: str | None
) -> list[PersonRow]:
    from branchcheck.people import admin

    admin.add_person(store.get(), actor=actor, person=person, password=password)
    return admin.people(store.get())


def _people(store: LazyStore) -> list[PersonRow]:
    from branchcheck.people import admin

    return admin.people(store.get())


def people_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 4, parent)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return table


def fill_row(table: QTableWidget, r: int, values: list[str]) -> None:
    for c, value in enumerate(values):
        table.setItem(r, c, QTableWidgetItem(value))


class StaffPanel(QWidget):
    def __init__(
        self, store: LazyStore, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.actor: str | None = None
        self.rows: list[PersonRow] = []
        self.import_dialog: StaffImportDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        left = QVBoxLayout()
        self.form = PersonForm(parent=self)
        left.addWidget(self.form)
        self.error = error_label(self)
        left.addWidget(self.error)
        self.add_button = QPushButton(self)
        left.addWidget(self.add_button)
        left.addStretch(1)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        self.count = subtle_label(self)
        right.addWidget(self.count)
        self.table = people_table(self)
        self.table.setMinimumWidth(300)
        right.addWidget(self.table, 1)
        self.import_button = QPushButton(self)
        right.addWidget(self.import_button)
        layout.addLayout(right, 1)
        self.add_button.clicked.connect(self.add)
        self.import_button.clicked.connect(self.import_list)
        self.retranslate()

    def retranslate(self) -> None:
        self.form.retranslate()
        self.add_button.setText(self.tr("添加此人"))
        self.import_button.setText(self.tr("导入人员名单…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("工号"), self.tr("姓名"), self.tr("岗位"), self.tr("可登录")]
        )
        self._fill()

    def set_actor(self, employee_no: str) -> None:
        """Who adds the people (the administrator just made); reads the register."""
        self.actor = employee_no
        self.tasks.run_in_background(lambda: _people(self.store), self.show_people)

    def show_people(self, rows: list[PersonRow]) -> None:
        self.rows = rows
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            fill_row(
                self.table,
                r,
                [
                    p.employee_no,
                    p.name,
                    p.role_names(i18n.lang()),
                    self.tr("是") if p.has_password else self.tr("否"),
                ],
            )
        self.count.setText(self.tr("人员名册：{n} 人").format(n=len(self.rows)))

    def add(self) -> None:
        actor = self.actor
        if actor is None:
            return
        show_error(self.error, None)
        mismatch = self.form.mismatch()
        self.form.show_errors(mismatch)
        if mismatch:
            return
        person, password = self.form.person(), self.form.typed_password()
        self.add_button.setEnabled(False)
        self.tasks.run_in_background(
            lambda: _add(self.store, actor, person, password), self._added, self._refused
        )

    def _added(self, rows: list[PersonRow]) -> None:
        self.add_button.setEnabled(True)
        self.form.clear()
        self.show_people(rows)
        self.form.employee_no.setFocus()

    def _refused(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        errors = field_errors(exc)
        rest = self.form.show_errors(errors)
        show_error(self.error, "\n".join(rest.values()) if errors else refusal_text(exc))

    def import_list(self) -> None:
        from ui.screens.staff_import import StaffImportDialog

        actor = self.actor
        if actor is None:
            return
        dialog = StaffImportDialog(self.store, tasks=self.tasks, actor=actor, parent=self)
        dialog.imported.connect(lambda _result: self.set_actor(actor))  # the register again
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.import_dialog = dialog
