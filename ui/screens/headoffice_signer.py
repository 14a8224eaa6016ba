"""总行密钥 (head office): the store's head-office signer and those it replaced
(branchcheck.headoffice.trust.signer_history), and its renewal: the current key and its password
authorise the new key and its password (trust.replace_signer). Both keys are opened on the worker;
a wrong file, password or key is said next to its field and nothing changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.headoffice import trust
from ui.screens import error_label, primary_button, show_error, subtle_label, title_label
from ui.screens.headoffice_key import (
    KeyProblem,
    key_problem_text,
    open_head_office_key,
    open_key_file,
)
from ui.screens.headoffice_parts import Told, field_box, fill, table, when
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from branchcheck.headoffice.store import HeadOffice
    from branchcheck.headoffice.trust import SignerInfo

FIELDS = ("key", "password", "new_key", "new_password")


class SignerDialog(QDialog):
    def __init__(self, db: HeadOffice, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.history: list[SignerInfo] = []
        self.problem: KeyProblem | None = None
        self.told = Told()
        self.setMinimumSize(760, 480)
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.table = table(self, 5)
        layout.addWidget(self.table, 1)
        self.empty = subtle_label(self)  # said when the store has no signer yet
        layout.addWidget(self.empty)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.labels = {f: QLabel(self) for f in FIELDS}
        self.edits = {f: QLineEdit(self) for f in FIELDS}
        self.errors = {f: error_label(self) for f in FIELDS}
        self.buttons = {f: QPushButton(self) for f in ("key", "new_key")}
        for f in ("password", "new_password"):
            self.edits[f].setEchoMode(QLineEdit.EchoMode.Password)
        for f, button in self.buttons.items():
            button.clicked.connect(lambda _=False, f=f: self._pick(f))
        for f in FIELDS:
            box = field_box(self, self.edits[f], self.errors[f], self.buttons.get(f))
            form.addRow(self.labels[f], box)
        layout.addLayout(form)
        self.status = subtle_label(self)
        layout.addWidget(self.status)
        self.error = error_label(self)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        self.replace_button = primary_button(self)
        self.replace_button.clicked.connect(self.replace)
        row.addWidget(self.close_button)
        row.addWidget(self.replace_button)
        layout.addLayout(row)
        self.retranslate()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("总行密钥"))
        self.title.setText(self.tr("总行密钥"))
        self.intro.setText(
            self.tr(
                "只有本库的总行密钥可以导入上报包、签发回执、更改信任的 CA；首次使用的密钥即成为"
                "总行密钥。证书到期前，用当前密钥授权更换为新密钥；被替换的密钥保留在列表中。"
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("签署人"),
                self.tr("启用于"),
                self.tr("停用于"),
                self.tr("由谁替换"),
                self.tr("SHA-256 指纹"),
            ]
        )
        self.labels["key"].setText(self.tr("当前总行密钥文件"))
        self.labels["password"].setText(self.tr("当前密钥密码"))
        self.labels["new_key"].setText(self.tr("新总行密钥文件"))
        self.labels["new_password"].setText(self.tr("新密钥密码"))
        for button in self.buttons.values():
            button.setText(self.tr("选择…"))
        self.close_button.setText(self.tr("关闭"))
        self.replace_button.setText(self.tr("更换总行密钥"))
        self.told.retell()
        if self.problem is not None and self.errors[self.problem.field].isVisible():
            show_error(self.errors[self.problem.field], key_problem_text(self.problem))
        self._show(self.history)

    def reload(self) -> None:
        db = self.db
        self.tasks.run_in_background(lambda: trust.signer_history(db), self._show, self._failed)

    def _show(self, history: list[SignerInfo]) -> None:
        self.history = history
        rows = [
            [
                h.name,
                when(h.pinned_at),
                when(h.replaced_at) if h.replaced_at else self.tr("当前"),
                h.replaced_by or "—",
                h.fingerprint,
            ]
            for h in history
        ]
        fill(self.table, rows)
        self.empty.setText(
            ""
            if history
            else self.tr("尚无总行密钥：首次导入上报包或更改信任的 CA 时使用的密钥即成为总行密钥。")
        )
        self.empty.setVisible(not history)

    def _pick(self, field: str) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.labels[field].text(), "", self.tr("PKCS#12 文件 (*.p12 *.pfx)")
        )
        if name:
            self.edits[field].setText(name)

    def _failed(self, exc: BaseException) -> None:
        self.replace_button.setEnabled(True)
        self.told.tell(self.error, exc)

    def replace(self) -> None:
        """Check the four fields, then on the worker: open the current key (confirmed as the
        store's signer), open the new one, replace."""
        self.problem = None
        for label in (*self.errors.values(), self.error):
            self.told.tell(label, None)
        missing = {
            "key": self.tr("请选择当前总行密钥文件"),
            "password": self.tr("请输入当前密钥密码"),
            "new_key": self.tr("请选择新总行密钥文件"),
            "new_password": self.tr("请输入新密钥密码"),
        }
        empty = [f for f in FIELDS if not self.edits[f].text().strip()]
        for f in empty:
            show_error(self.errors[f], missing[f])
        if empty:
            return
        db = self.db
        key, new_key = (Path(self.edits[f].text().strip()).expanduser() for f in ("key", "new_key"))
        password, new_password = self.edits["password"].text(), self.edits["new_password"].text()

        def work() -> SignerInfo | KeyProblem:
            current = open_head_office_key(db, key, password)
            if isinstance(current, KeyProblem):
                return current
            new = open_key_file(new_key, new_password)
            if isinstance(new, KeyProblem):
                return dataclasses.replace(new, field=f"new_{new.field}")
            return trust.replace_signer(db, current, new)

        self.replace_button.setEnabled(False)
        self.tasks.run_in_background(work, self._replaced, self._failed)

    def _replaced(self, out: SignerInfo | KeyProblem) -> None:
        self.replace_button.setEnabled(True)
        if isinstance(out, KeyProblem):
            self.problem = out
            show_error(self.errors[out.field], key_problem_text(out))
            return
        for f in ("password", "new_password"):
            self.edits[f].clear()
        self.status.setText(self.tr("总行密钥已更换为：{label}").format(label=out.label))
        self.reload()
