"""信任的 CA (head office): the branch CAs whose packages head office takes in
(branchcheck.headoffice.trust), with add (a PEM file) and remove (after a confirmation; the
records it verified keep their verdict). Every call runs on the worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.headoffice import trust
from ui.screens import error_label, subtle_label, title_label
from ui.screens.headoffice_parts import Told, fill, selected_index, table, when
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from branchcheck.headoffice.store import HeadOffice
    from branchcheck.headoffice.trust import AnchorInfo


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
        self.setMinimumSize(760, 420)
        self.resize(960, 480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.table = table(self, 3)
        layout.addWidget(self.table, 1)
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
            [self.tr("CA"), self.tr("信任自"), self.tr("SHA-256 指纹")]
        )
        self.add_button.setText(self.tr("添加 CA 证书…"))
        self.remove_button.setText(self.tr("取消信任…"))
        self.close_button.setText(self.tr("关闭"))
        self.told.retell()

    def reload(self) -> None:
        db = self.db
        self.tasks.run_in_background(lambda: trust.trust_list(db), self._show, self._failed)

    def _show(self, anchors: list[AnchorInfo]) -> None:
        self.anchors = anchors
        fill(self.table, [[a.label, when(a.added_at), a.fingerprint] for a in anchors])
        if not anchors:
            self.status.setText(self.tr("尚无受信任的 CA：请添加各网点导出的 CA 证书（PEM）。"))
        self._selection()

    def _selection(self) -> None:
        self.remove_button.setEnabled(selected_index(self.table) is not None)

    def _failed(self, exc: BaseException) -> None:
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

    def add(self) -> None:
        name = self.pick_pem()
        if not name:
            return
        db, path = self.db, Path(name)
        self.tasks.run_in_background(
            lambda: trust.trust_add(db, path),
            lambda info: self._done(self.tr("已信任：{label}").format(label=info.label)),
            self._failed,
        )

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("取消信任"), question)
        return answer == QMessageBox.StandardButton.Yes

    def remove(self) -> None:
        index = selected_index(self.table)
        if index is None or index >= len(self.anchors):
            return
        anchor = self.anchors[index]
        question = self.tr(
            "不再信任 {label}？\n此后由它签发的证书签署的上报包将被拒收；已入库的记录不受影响。"
        ).format(label=anchor.label)
        if not self.confirm(question):
            return
        db, fp = self.db, anchor.fingerprint
        self.tasks.run_in_background(
            lambda: trust.trust_remove(db, fp),
            lambda info: self._done(self.tr("已取消信任：{label}").format(label=info.label)),
            self._failed,
        )
