"""The dialogs of the 人员 screen, one per change to the staff register: add a person or an escort,
edit, change roles from a date, deactivate (a date and a reason), reset a password. Each is a
form whose OK runs one core call of `branchcheck.people.admin` on the worker; a refusal is shown
next to its field and the dialog stays open, nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branchcheck.people import admin
from branchcheck.people.admin import PersonRow
from ui.screens import error_label, show_error, subtle_label, title_label
from ui.screens.people_forms import Form, PersonForm, RolesPicker, field_errors, refusal_text
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from branchcheck.db import Store
    from branchcheck.people.signin import StaffInfo


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def date_edit(parent: QWidget, today: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(today))
    return edit


def picked(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


class ActionDialog(QDialog):
    """One change to the register: a form, OK and Cancel; OK runs `call()` on the worker, a refusal
    is shown next to its fields and the dialog stays, success closes it. A subclass builds its
    form in `make_form()` (called once, from here) and says what it asks in `call()`."""

    changed = Signal(object)  # the person as the core returns them (StaffInfo)

    def __init__(
        self, store: Store, tasks: TaskRunner, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.tasks, self.actor = store, tasks, actor
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.title = title_label(self)
        self.layout_.addWidget(self.title)
        self.note = subtle_label(self)
        self.note.hide()
        self.layout_.addWidget(self.note)
        self.form = self.make_form()
        self.layout_.addWidget(self.form)
        self.error = error_label(self)
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("primary")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.retranslate()

    def make_form(self) -> Form:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ok.setText(self.tr("确定"))

    def local_errors(self) -> dict[str, str]:
        """What the window itself can tell before asking the core: a password typed twice
        differently."""
        return {}

    def call(self) -> Callable[[], Any]:
        raise NotImplementedError

    def submit(self) -> None:
        show_error(self.error, None)
        local = self.local_errors()
        self.form.show_errors(local)
        if local:
            return
        self.ok.setEnabled(False)
        self.tasks.run_in_background(self.call(), self._done, self._refused)

    def _done(self, person: StaffInfo) -> None:
        self.ok.setEnabled(True)
        self.changed.emit(person)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        errors = field_errors(exc)
        rest = self.form.show_errors(errors)
        show_error(self.error, "\n".join(rest.values()) if errors else refusal_text(exc))


class AddDialog(ActionDialog):
    external = False

    def make_form(self) -> PersonForm:
        self.person_form = PersonForm(external=self.external, parent=self)
        return self.person_form

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("新增人员"))
        self.title.setText(self.windowTitle())
        self.person_form.retranslate()

    def local_errors(self) -> dict[str, str]:
        return self.person_form.mismatch()

    def call(self) -> Callable[[], StaffInfo]:
        store, actor = self.store, self.actor
        person, password = self.person_form.person(), self.person_form.typed_password()
        return lambda: admin.add_person(store, actor=actor, person=person, password=password)


class AddEscortDialog(AddDialog):
    """An escort of the escort company: their organisation, no roles, no password."""

    external = True

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("新增押运人员"))
        self.title.setText(self.windowTitle())


class PersonDialog(ActionDialog):
    """A change to one person of the list; `today` is the branch's date, where a date is asked."""

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        actor: str,
        row: PersonRow,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        self.row, self.today = row, today
        super().__init__(store, tasks, actor, parent)

    def named(self, what: str) -> str:
        return f"{what}：{self.row.name}（{self.row.employee_no}）"


class EditDialog(PersonDialog):
    """A person's name, organisation (escorts) and ID number; the number never changes."""

    def make_form(self) -> PersonForm:
        form = PersonForm(external=self.row.external, password=False, parent=self)
        form.employee_no.setText(self.row.employee_no)
        form.employee_no.setReadOnly(True)
        form.name.setText(self.row.name)
        form.organisation.setText(self.row.organisation)
        form.id_number.setText(self.row.id_number)
        if not self.row.external:
            form.set_visible("roles", False)  # roles change with a date: their own dialog
        self.person_form = form
        return form

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("编辑人员"))
        self.title.setText(self.windowTitle())
        self.person_form.retranslate()

    def call(self) -> Callable[[], StaffInfo]:
        store, actor, no = self.store, self.actor, self.row.employee_no
        form = self.person_form
        name, id_number = form.name.text(), form.id_number.text()
        organisation = form.organisation.text() if self.row.external else None
        return lambda: admin.edit_person(
            store,
            actor=actor,
            employee_no=no,
            name=name,
            organisation=organisation,
            id_number=id_number,
        )


class RolesDialog(PersonDialog):
    """The roles from a date: the posts of dropped roles end that day, new ones start on it."""

    def make_form(self) -> Form:
        form = Form(self)
        self.roles = RolesPicker(parent=form)
        self.roles.set_roles(self.row.roles)
        form.add("roles", self.roles)
        self.on = date_edit(form, self.today)
        form.add("on", self.on)
        return form

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("调整岗位"))
        self.title.setText(self.named(self.tr("调整岗位")))
        self.form.labels["roles"].setText(self.tr("岗位"))
        self.form.labels["on"].setText(self.tr("生效日期"))
        self.roles.retranslate()

    def call(self) -> Callable[[], StaffInfo]:
        store, actor, no = self.store, self.actor, self.row.employee_no
        roles, on = self.roles.roles(), picked(self.on)
        return lambda: admin.set_roles(store, actor=actor, employee_no=no, roles=roles, on=on)


class DeactivateDialog(PersonDialog):
    def make_form(self) -> Form:
        form = Form(self)
        self.on = date_edit(form, self.today)
        form.add("on", self.on)
        self.reason = QLineEdit(form)
        form.add("reason", self.reason)
        return form

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("停用人员"))
        self.title.setText(self.named(self.tr("停用人员")))
        self.note.setText(
            self.tr("停用后不能再登录或被选为检查人员；其历史记录保留，旧记录上仍显示其姓名。")
        )
        self.note.show()
        self.form.labels["on"].setText(self.tr("停用日期"))
        self.form.labels["reason"].setText(self.tr("原因"))
        self.reason.setPlaceholderText(self.tr("如 调离本网点、退休"))

    def call(self) -> Callable[[], StaffInfo]:
        store, actor, no = self.store, self.actor, self.row.employee_no
        on, reason = picked(self.on), self.reason.text()
        return lambda: admin.deactivate(store, actor=actor, employee_no=no, on=on, reason=reason)


class PasswordDialog(PersonDialog):
    def make_form(self) -> Form:
        form = Form(self)
        self.password = form.line("password", secret=True)
        self.password_again = form.line("password_again", secret=True)
        return form

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("重置密码"))
        self.title.setText(self.named(self.tr("重置密码")))
        self.note.setText(
            self.tr("新的登录密码；其签名证书的密码不变。重置后此前的登录失败不再计数。")
        )
        self.note.show()
        self.form.labels["password"].setText(self.tr("新密码"))
        self.form.labels["password_again"].setText(self.tr("再次输入新密码"))

    def local_errors(self) -> dict[str, str]:
        if self.password.text() != self.password_again.text():
            return {"password_again": self.tr("两次输入的密码不一致，请重新输入。")}
        return {}

    def call(self) -> Callable[[], StaffInfo]:
        store, actor, no, password = (
            self.store,
            self.actor,
            self.row.employee_no,
            self.password.text(),
        )
        return lambda: admin.reset_password(
            store, actor=actor, employee_no=no, new_password=password
        )
