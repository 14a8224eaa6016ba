"""The parts the set-up assistant and the administration screen (人员) share: a form whose every
field has its own error line, the roles as a checkable list, a person's fields, and the core's
refusals put next to the field they concern, in the window's language.

The rules (what a valid employee number, role or password is) are the core's: the form only
collects what was typed and shows what the core said about it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branchcheck import errors
from branchcheck.errors import BranchCheckError
from branchcheck.taxonomy import STAFF_ROLES
from ui import i18n
from ui.screens import error_label, show_error
from ui.tasks import describe

if TYPE_CHECKING:
    from branchcheck.people.admin import PersonInput

STAFF_ROLE_KEYS = tuple(key for key in STAFF_ROLES if key != "escort")


def in_language(message: str) -> str:
    """The window's language of a core message written "中文 / English", line by line (the
    core's errors.in_language); a line that is not one such pair is shown as it is."""
    return errors.in_language(message, i18n.lang())


def refusal_text(exc: BaseException) -> str:
    """What the person reads of a refused core call, in the window's language."""
    return in_language(describe(exc)) if isinstance(exc, BranchCheckError) else describe(exc)


def field_errors(exc: BaseException) -> dict[str, str]:
    """The refusal by field (the core's `fields`, each in the window's language); {} when the
    error names no field."""
    fields = getattr(exc, "fields", None)
    if not isinstance(fields, dict):
        return {}
    return {str(k): in_language(str(v)) for k, v in fields.items()}


class Form(QWidget):
    """Labelled editors in a column, each with its error line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setVerticalSpacing(6)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}
        self.rows: dict[str, QWidget] = {}  # the editor and its error line
        self.hidden: set[str] = set()

    def add(self, key: str, editor: QWidget) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        error = error_label(holder)
        column.addWidget(error)
        label = QLabel(self)
        label.setMinimumHeight(36)
        self.layout_.addRow(label, holder)
        self.labels[key], self.errors[key], self.editors[key] = label, error, editor
        self.rows[key] = holder
        return editor

    def line(self, key: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add(key, edit)
        return edit

    def set_visible(self, key: str, visible: bool) -> None:
        self.layout_.setRowVisible(self.rows[key], visible)
        if visible:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)

    def show_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Each error under its field; the errors of fields this form does not show are
        returned."""
        for key, label in self.errors.items():
            show_error(label, errors.get(key))
        return {k: v for k, v in errors.items() if k not in self.errors or k in self.hidden}


class RolesPicker(QWidget):
    """The register's roles as check boxes in a grid, in the window's language."""

    COLUMNS = 2

    def __init__(self, keys: tuple[str, ...] = STAFF_ROLE_KEYS, parent: QWidget | None = None):
        super().__init__(parent)
        self.keys = keys
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(16)
        self.boxes = [QCheckBox(self) for _ in keys]
        for i, box in enumerate(self.boxes):
            grid.addWidget(box, i // self.COLUMNS, i % self.COLUMNS)
        self.retranslate()

    def retranslate(self) -> None:
        for key, box in zip(self.keys, self.boxes, strict=True):
            box.setText(STAFF_ROLES[key][i18n.lang()])

    def roles(self) -> tuple[str, ...]:
        return tuple(k for k, box in zip(self.keys, self.boxes, strict=True) if box.isChecked())

    def set_roles(self, roles: tuple[str, ...] | list[str]) -> None:
        for key, box in zip(self.keys, self.boxes, strict=True):
            box.setChecked(key in roles)


class PersonForm(Form):
    """A person's fields: a member of staff (roles, a sign-in password typed twice, which may be
    left empty) or an escort of the escort company (organisation; no roles, no password)."""

    def __init__(
        self, *, external: bool = False, password: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.external = external
        self.employee_no = self.line("employee_no")
        self.name = self.line("name")
        self.roles = RolesPicker(parent=self)
        self.organisation = QLineEdit(self)
        self.add("roles", self.roles)
        self.add("organisation", self.organisation)
        self.set_visible("roles", not external)  # an escort's role is escort, always
        self.set_visible("organisation", external)
        self.id_number = self.line("id_number")
        self.password = self.line("password", secret=True)
        self.password_again = self.line("password_again", secret=True)
        for key in ("password", "password_again"):
            self.set_visible(key, password and not external)
        self.with_password = password and not external
        self.retranslate()

    def retranslate(self) -> None:
        self.labels["employee_no"].setText(self.tr("工号"))
        self.labels["name"].setText(self.tr("姓名"))
        self.labels["id_number"].setText(self.tr("证件号（可选）"))
        self.labels["organisation"].setText(self.tr("所属单位"))
        self.organisation.setPlaceholderText(self.tr("如 某某押运公司"))
        self.labels["roles"].setText(self.tr("岗位"))
        self.roles.retranslate()
        self.labels["password"].setText(self.tr("登录密码"))
        self.labels["password_again"].setText(self.tr("再次输入密码"))
        self.password.setPlaceholderText(self.tr("不登录系统的人员可不填"))

    def person(self) -> PersonInput:
        from branchcheck.people.admin import PersonInput

        return PersonInput(
            employee_no=self.employee_no.text().strip(),
            name=self.name.text().strip(),
            roles=("escort",) if self.external else self.roles.roles(),
            external=self.external,
            organisation=self.organisation.text().strip(),
            id_number=self.id_number.text().strip(),
        )

    def typed_password(self) -> str | None:
        return (self.password.text() or None) if self.with_password else None

    def mismatch(self) -> dict[str, str]:
        """The password typed twice differently: said under the second field."""
        if self.with_password and self.password.text() != self.password_again.text():
            return {"password_again": self.tr("两次输入的密码不一致，请重新输入。")}
        return {}

    def clear(self) -> None:
        for edit in (self.employee_no, self.name, self.organisation, self.id_number):
            edit.clear()
        self.password.clear()
        self.password_again.clear()
        self.roles.set_roles(())
        self.show_errors({})
