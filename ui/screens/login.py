"""登录: pick your name, type your password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLineEdit, QVBoxLayout

from branchcheck.db import Store
from branchcheck.errors import BranchCheckError
from branchcheck.people import register as staff
from ui import i18n
from ui.screens import Screen, error_label, primary_button, show_error, subtle_label, title_label


class LoginScreen(Screen):
    signed_in = Signal(object)  # StaffInfo

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setFixedWidth(520)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.setSpacing(14)
        self.title = title_label(panel)
        self.subtitle = subtle_label(panel)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.person = QComboBox(panel)
        self.person.setMinimumHeight(44)
        self.password = QLineEdit(panel)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumHeight(44)
        self.person_label = subtle_label(panel)
        self.password_label = subtle_label(panel)
        form.addRow(self.person_label, self.person)
        form.addRow(self.password_label, self.password)
        layout.addLayout(form)
        self.error = error_label(panel)
        layout.addWidget(self.error)
        self.button = primary_button(panel)
        self.button.setMinimumHeight(48)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        self.person.activated.connect(lambda _i: self.password.setFocus())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("网点自查"))
        self.subtitle.setText(self.tr("请选择您的姓名并输入密码。"))
        self.person_label.setText(self.tr("人员"))
        self.password_label.setText(self.tr("密码"))
        self.password.setPlaceholderText(self.tr("登录密码"))
        self.button.setText(self.tr("登录"))
        self.refresh()

    def refresh(self) -> None:
        current = self.person.currentData()
        self.person.clear()
        for p in staff.list_staff(self.store, include_external=False):
            if p.can_sign_in:
                self.person.addItem(
                    f"{p.name} ({p.employee_no}) {p.role_names(i18n.lang())}", p.employee_no
                )
        if current:
            self.person.setCurrentIndex(max(0, self.person.findData(current)))
        if self.person.count() == 0:
            # an empty store: say how to get a branch and its users instead of an empty list
            show_error(
                self.error,
                self.tr(
                    "此数据库中还没有可登录的用户。请运行 branchcheck demo 建立演示网点，"
                    "或由管理员添加网点和人员。"
                ),
            )

    def select(self, employee_no: str) -> None:
        self.person.setCurrentIndex(self.person.findData(employee_no))

    def reset(self) -> None:
        self.password.clear()
        show_error(self.error, None)
        self.password.setFocus()

    def sign_in(self) -> None:
        employee_no = self.person.currentData()
        if not employee_no:
            show_error(self.error, self.tr("请先选择人员。"))
            return
        try:
            user = staff.sign_in(self.store, employee_no, self.password.text())
        except BranchCheckError as exc:
            show_error(self.error, str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.reset()
        self.signed_in.emit(user)
