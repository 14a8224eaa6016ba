"""人员: the administration screen of the staff register (管理 → 人员).

Branch staff and the escorts of the escort company are listed apart (two tabs); deactivated
people stay on the list, marked, with the day they left: nobody is ever deleted. Each action is
a small dialog whose fields show the core's refusal next to them: add, edit, change roles (from a
date), reset a password, deactivate (a date and a reason), import a staff list. Every change is
one core call of `branchcheck.people.admin` by the signed-in person, on the worker (the dialogs:
ui.screens.staff_dialogs); the core decides who may (manage_staff)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchcheck import clock
from branchcheck.people import admin
from branchcheck.people.admin import PersonRow
from ui import i18n
from ui.screens import error_label, show_error, subtle_label, title_label
from ui.screens.people_forms import refusal_text
from ui.screens.staff_dialogs import (
    ActionDialog,
    AddDialog,
    AddEscortDialog,
    DeactivateDialog,
    EditDialog,
    PasswordDialog,
    PersonDialog,
    RolesDialog,
)
from ui.screens.staff_panel import fill_row, people_table
from ui.style import GREY
from ui.tasks import LazyStore, TaskRunner

if TYPE_CHECKING:
    from branchcheck.db import Store
    from branchcheck.people.signin import StaffInfo
    from ui.main_window import MainWindow
    from ui.screens.staff_import import StaffImportDialog


def open_dialog(window: MainWindow) -> StaffAdminDialog | None:
    """The 管理 menu's entry: the dialog on the window's store, for the signed-in person."""
    if window.user is None:
        return None
    dialog = StaffAdminDialog(
        window.core,
        tasks=window.tasks,
        actor=window.user.employee_no,
        today=clock.now(window.settings.timezone).date(),
        parent=window,
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


class PeopleTab(QWidget):
    """One list (branch staff, or escorts) and the actions that fit it."""

    def __init__(self, *, external: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.external = external
        self.rows: list[PersonRow] = []
        layout = QVBoxLayout(self)
        self.table = people_table(self)
        self.table.setColumnCount(5)
        layout.addWidget(self.table, 1)
        self.table.itemSelectionChanged.connect(self.selection_changed)

    selection_changed = Signal()

    def headers(self) -> list[str]:
        if self.external:
            return [
                self.tr("工号"),
                self.tr("姓名"),
                self.tr("所属单位"),
                self.tr("证件号"),
                self.tr("状态"),
            ]
        return [
            self.tr("工号"),
            self.tr("姓名"),
            self.tr("岗位"),
            self.tr("状态"),
            self.tr("登录 / 证书"),
        ]

    def show_rows(self, rows: list[PersonRow]) -> None:
        selected = self.selected()
        self.rows = [r for r in rows if r.external == self.external]
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            state = (
                self.tr("在岗")
                if p.active
                else self.tr("已停用（{day}）").format(day=p.deactivated_on or "")
            )
            if self.external:
                values = [p.employee_no, p.name, p.organisation, p.id_number, state]
            else:
                sign_in = self.tr("可登录") if p.has_password and p.active else self.tr("不登录")
                key = self.tr("有证书") if p.has_key else self.tr("无证书")
                values = [
                    p.employee_no,
                    p.name,
                    p.role_names(i18n.lang()),
                    state,
                    f"{sign_in} · {key}",
                ]
            fill_row(self.table, r, values)
            if not p.active:
                for c in range(self.table.columnCount()):
                    if (cell := self.table.item(r, c)) is not None:
                        cell.setForeground(QBrush(QColor(GREY)))
        if selected is not None:
            self.select(selected.employee_no)

    def selected(self) -> PersonRow | None:
        picked = self.table.selectionModel().selectedRows()
        if not picked or picked[0].row() >= len(self.rows):
            return None
        return self.rows[picked[0].row()]

    def select(self, employee_no: str) -> None:
        for r, p in enumerate(self.rows):
            if p.employee_no == employee_no:
                self.table.selectRow(r)


class StaffAdminDialog(QDialog):
    def __init__(
        self,
        store: Store,
        *,
        tasks: TaskRunner,
        actor: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.tasks, self.actor, self.today = store, tasks, actor, today
        self.rows: list[PersonRow] = []
        self.action: ActionDialog | None = None  # the open sub-dialog
        self.import_dialog: StaffImportDialog | None = None
        self.setMinimumSize(900, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.tabs = QTabWidget(self)
        self.staff_tab = PeopleTab(external=False, parent=self.tabs)
        self.escort_tab = PeopleTab(external=True, parent=self.tabs)
        self.tabs.addTab(self.staff_tab, "")
        self.tabs.addTab(self.escort_tab, "")
        layout.addWidget(self.tabs, 1)
        self.message = subtle_label(self)
        layout.addWidget(self.message)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.roles_button = QPushButton(self)
        self.password_button = QPushButton(self)
        self.deactivate_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for b in (
            self.add_button,
            self.edit_button,
            self.roles_button,
            self.password_button,
            self.deactivate_button,
            self.import_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(lambda: self.change(EditDialog))
        self.roles_button.clicked.connect(lambda: self.change(RolesDialog))
        self.password_button.clicked.connect(lambda: self.change(PasswordDialog))
        self.deactivate_button.clicked.connect(lambda: self.change(DeactivateDialog))
        self.import_button.clicked.connect(self.import_list)
        self.close_button.clicked.connect(self.accept)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        for tab in (self.staff_tab, self.escort_tab):
            tab.selection_changed.connect(self._update_buttons)
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("人员名册"))
        self.title.setText(self.tr("人员名册"))
        self.intro.setText(
            self.tr(
                "本网点的人员名册。人员从不删除：停用后保留其历史，旧记录上仍显示其姓名；"
                "岗位按生效日期调整，岗位历史用于轮岗提醒。押运公司人员单独登记。"
            )
        )
        self.tabs.setTabText(0, self.tr("本行人员"))
        self.tabs.setTabText(1, self.tr("押运公司人员"))
        self.edit_button.setText(self.tr("编辑…"))
        self.roles_button.setText(self.tr("调整岗位…"))
        self.password_button.setText(self.tr("重置密码…"))
        self.deactivate_button.setText(self.tr("停用…"))
        self.import_button.setText(self.tr("导入名单…"))
        self.close_button.setText(self.tr("关闭"))
        for tab in (self.staff_tab, self.escort_tab):
            tab.show_rows(self.rows)
        self._update_buttons()

    # ------------------------------------------------------------------ the list

    def refresh(self) -> None:
        store = self.store
        self.tasks.run_in_background(lambda: admin.people(store), self.show_rows, self._failed)

    def show_rows(self, rows: list[PersonRow]) -> None:
        self.rows = rows
        for tab in (self.staff_tab, self.escort_tab):
            tab.show_rows(rows)
        self._update_buttons()

    def tab(self) -> PeopleTab:
        return self.escort_tab if self.tabs.currentIndex() == 1 else self.staff_tab

    def _update_buttons(self) -> None:
        tab = self.tab()
        row = tab.selected()
        active = row is not None and row.active
        self.add_button.setText(self.tr("新增押运人员…") if tab.external else self.tr("新增人员…"))
        self.edit_button.setEnabled(row is not None)
        for staff_only in (self.roles_button, self.password_button):  # escorts: neither
            staff_only.setVisible(not tab.external)
            staff_only.setEnabled(active)
        self.deactivate_button.setEnabled(active)

    def _failed(self, exc: BaseException) -> None:
        show_error(self.error, refusal_text(exc))

    # ------------------------------------------------------------------ the actions

    def _open(self, dialog: ActionDialog, said: str) -> None:
        show_error(self.error, None)
        dialog.changed.connect(lambda person: self._changed(person, said))
        dialog.finished.connect(dialog.deleteLater)
        self.action = dialog
        dialog.open()

    def _changed(self, person: StaffInfo, said: str) -> None:
        self.message.setText(said.format(name=person.name, no=person.employee_no))
        self.refresh()
        self.tab().select(person.employee_no)

    def add(self) -> None:
        kind = AddEscortDialog if self.tab().external else AddDialog
        self._open(
            kind(self.store, self.tasks, self.actor, self), self.tr("已新增 {name}（{no}）。")
        )

    def change(self, kind: type[PersonDialog]) -> None:
        """The dialog of `kind` for the selected person."""
        row = self.tab().selected()
        if row is None:
            return
        said = {
            EditDialog: self.tr("已保存 {name}（{no}）。"),
            RolesDialog: self.tr("已调整 {name}（{no}）的岗位。"),
            PasswordDialog: self.tr("已重置 {name}（{no}）的登录密码。"),
            DeactivateDialog: self.tr("已停用 {name}（{no}）。"),
        }[kind]
        self._open(kind(self.store, self.tasks, self.actor, row, self.today, self), said)

    def import_list(self) -> None:
        from ui.screens.staff_import import StaffImportDialog

        dialog = StaffImportDialog(
            LazyStore.of(self.store), tasks=self.tasks, actor=self.actor, parent=self
        )
        dialog.imported.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
