"""信任的 CA (head office): the branch CAs whose packages head office takes in
(branchcheck.headoffice.trust), who trusted each, with add (a PEM file) and remove (after a
confirmation; the records it verified keep their verdict). Either change is made with head
office's key and its password, given in the dialog: opened and confirmed as the store's signer
on the worker (a wrong one: said next to its field, nothing changes), then the change runs there."""

from __future__ import annotations

from collections.abc import Callable
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
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.headoffice import trust
from ui.screens import error_label, show_error, subtle_label, title_label
from ui.screens.headoffice_key import KeyProblem, key_problem_text, open_head_office_key
from ui.screens.headoffice_parts import Told, field_box, fill, selected_index, table, when
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from branchcheck.headoffice.store import HeadOffice
    from branchcheck.headoffice.trust import AnchorInfo
    from branchcheck.records.pki import Credential


class TrustDialog(QDialog):
    def __init__(self, db: HeadOffice, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.anchors: list[AnchorInfo] = []
        self.told = Told()
        # asked before a removal (tests answer it): the question → yes?
        self.confirm: Callable[[str], bool] = self._ask
        self.pick_pem: Callable[[], str] = self._pick_pem
        self.key_problem: KeyProblem | None = None
        self.setMinimumSize(760, 480)
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.table = table(self, 4)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.key_label, self.password_label = QLabel(self), QLabel(self)
        self.key_edit, self.password_edit = QLineEdit(self), QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_button = QPushButton(self)
        self.key_button.clicked.connect(self._pick_key)
        self.errors = {k: error_label(self) for k in ("key", "password")}
        form.addRow(
            self.key_label, field_box(self, self.key_edit, self.errors["key"], self.key_button)
        )
        form.addRow(
            self.password_label, field_box(self, self.password_edit, self.errors["password"])
        )
        layout.addLayout(form)
        self.status = subtle_label(self)
        layout.addWidget(self.status)
        self.error = error_label(self)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selection)
        self.retranslate()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("信任的 CA"))
        self.title.setText(self.tr("信任的 CA"))
        self.intro.setText(
            self.tr(
                "总行只接收由这里列出的网点 CA 签发的证书所签署的上报包。取消信任后，"
                "新上报包不再通过核验，已入库的记录保留原核验结论。"
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("CA"), self.tr("信任自"), self.tr("操作人"), self.tr("SHA-256 指纹")]
        )
        self.key_label.setText(self.tr("总行密钥文件"))
        self.password_label.setText(self.tr("密钥密码"))
        self.key_button.setText(self.tr("选择…"))
        self.add_button.setText(self.tr("添加 CA 证书…"))
        self.remove_button.setText(self.tr("取消信任…"))
        self.close_button.setText(self.tr("关闭"))
        self.told.retell()
        if self.key_problem is not None and self.errors[self.key_problem.field].isVisible():
            show_error(self.errors[self.key_problem.field], key_problem_text(self.key_problem))

    def reload(self) -> None:
        db = self.db
        self.tasks.run_in_background(lambda: trust.trust_list(db), self._show, self._failed)

    def _show(self, anchors: list[AnchorInfo]) -> None:
        self.anchors = anchors
        fill(
            self.table,
            [[a.label, when(a.added_at), a.added_by, a.fingerprint] for a in anchors],
        )
        if not anchors:
            self.status.setText(self.tr("尚无受信任的 CA：请添加各网点导出的 CA 证书（PEM）。"))
        self._selection()

    def _selection(self) -> None:
        self.remove_button.setEnabled(selected_index(self.table) is not None)

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.told.tell(self.error, exc)

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.told.tell(self.error, None)
        self.reload()

    def _pick_pem(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("网点 CA 证书"), "", self.tr("证书 (*.pem *.crt *.cer)")
        )
        return name

    def _pick_key(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("总行密钥文件"), "", self.tr("PKCS#12 文件 (*.p12 *.pfx)")
        )
        if name:
            self.key_edit.setText(name)

    def _key_given(self) -> tuple[Path, str] | None:
        """The key file and password typed, or None with what is missing said by its field."""
        self.key_problem = None
        for label in (*self.errors.values(), self.error):
            self.told.tell(label, None)
        key, password = self.key_edit.text().strip(), self.password_edit.text()
        if not key:
            show_error(self.errors["key"], self.tr("请选择总行密钥文件"))
        if not password:
            show_error(self.errors["password"], self.tr("请输入密钥密码"))
        return (Path(key).expanduser(), password) if key and password else None

    def _change(
        self,
        given: tuple[Path, str],
        change: Callable[[Credential], AnchorInfo],
        said: Callable[[AnchorInfo], str],
    ) -> None:
        """Open the key (worker), then make the change with it (worker)."""
        db, (path, password) = self.db, given

        def work() -> AnchorInfo | KeyProblem:
            opened = open_head_office_key(db, path, password)
            return opened if isinstance(opened, KeyProblem) else change(opened)

        self.add_button.setEnabled(False)
        self.tasks.run_in_background(work, lambda out: self._changed(out, said), self._failed)

    def _changed(self, out: AnchorInfo | KeyProblem, said: Callable[[AnchorInfo], str]) -> None:
        self.add_button.setEnabled(True)
        if isinstance(out, KeyProblem):
            self.key_problem = out
            show_error(self.errors[out.field], key_problem_text(out))
            self._selection()
            return
        self._done(said(out))

    def add(self) -> None:
        given = self._key_given()
        if given is None:
            return
        name = self.pick_pem()
        if not name:
            return
        db, path = self.db, Path(name)
        self._change(
            given,
            lambda credential: trust.trust_add(db, path, credential=credential),
            lambda info: self.tr("已信任：{label}").format(label=info.label),
        )

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("取消信任"), question)
        return answer == QMessageBox.StandardButton.Yes

    def remove(self) -> None:
        index = selected_index(self.table)
        if index is None or index >= len(self.anchors):
            return
        anchor = self.anchors[index]
        given = self._key_given()
        if given is None:
            return
        question = self.tr(
            "不再信任 {label}？\n此后由它签发的证书签署的上报包将被拒收；已入库的记录不受影响。"
        ).format(label=anchor.label)
        if not self.confirm(question):
            return
        db, fp = self.db, anchor.fingerprint
        self._change(
            given,
            lambda credential: trust.trust_remove(db, fp, credential=credential),
            lambda info: self.tr("已取消信任：{label}").format(label=info.label),
        )
