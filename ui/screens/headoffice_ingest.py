"""导入上报包 (head office): a folder (one package, or a folder of packages: each folder with a
manifest.json), head office's key file and its password, where the receipts go (a 回执 folder
beside the packages unless chosen); the key is opened on the worker first and confirmed as the store's
signer (a wrong password, file or key: its message next to the field, nothing else happens), then
`branchcheck.headoffice.ingest.ingest` runs on the worker with a progress bar 第 k / n 个上报包,
and the results are shown per package and per record and file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
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

from branchcheck.errors import BranchCheckError
from ui.screens import error_label, primary_button, show_error, subtle_label, title_label
from ui.screens.headoffice_key import KeyProblem, key_problem_text, open_head_office_key
from ui.screens.headoffice_parts import PackageProgress, Told, field_box, fill, in_language, table
from ui.style import GREEN, ORANGE, RED
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from branchcheck.headoffice.ingest import PackageOutcome
    from branchcheck.headoffice.store import HeadOffice
    from branchcheck.records.pki import Credential

RECEIPTS = "回执"
COLOURS = {"accepted": GREEN, "duplicate": ORANGE, "rejected": RED}


def default_receipts(folder: Path, packages: list[Path]) -> Path:
    """回执 beside the packages: in the chosen folder when it holds them, else beside the one."""
    return (folder.parent if packages == [folder] else folder) / RECEIPTS


class IngestDialog(QDialog):
    ingested = Signal()  # packages were taken in (the window reads its lists again)

    def __init__(self, db: HeadOffice, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.outcomes: list[PackageOutcome] = []
        self.key_problem: KeyProblem | None = None
        self.told = Told()
        self.packages: list[Path] = []
        self.relay = PackageProgress(self)
        self.relay.progressed.connect(self._progress)
        self.setMinimumSize(860, 560)
        self.resize(1060, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)

        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.folder_label, self.key_label = QLabel(self), QLabel(self)
        self.password_label, self.receipts_label = QLabel(self), QLabel(self)
        self.folder_edit, self.key_edit = QLineEdit(self), QLineEdit(self)
        self.password_edit, self.receipts_edit = QLineEdit(self), QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder_button, self.key_button = QPushButton(self), QPushButton(self)
        self.receipts_button = QPushButton(self)
        self.folder_button.clicked.connect(self._pick_folder)
        self.key_button.clicked.connect(self._pick_key)
        self.receipts_button.clicked.connect(self._pick_receipts)
        self.folder_edit.editingFinished.connect(self._folder_changed)
        self.errors = {k: error_label(self) for k in ("folder", "key", "password", "receipts")}
        for label, edit, button, key in (
            (self.folder_label, self.folder_edit, self.folder_button, "folder"),
            (self.key_label, self.key_edit, self.key_button, "key"),
            (self.password_label, self.password_edit, None, "password"),
            (self.receipts_label, self.receipts_edit, self.receipts_button, "receipts"),
        ):
            form.addRow(label, field_box(self, edit, self.errors[key], button))
        layout.addLayout(form)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)  # the line below says how far it is
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = subtle_label(self)
        layout.addWidget(self.status)
        results = QWidget(self)  # takes the room, the tables shown in it or not
        results_box = QVBoxLayout(results)
        results_box.setContentsMargins(0, 0, 0, 0)
        self.packages_table = table(results, 6)
        self.details_table = table(results, 4)
        self.packages_table.hide()
        self.details_table.hide()
        results_box.addWidget(self.packages_table, 1)
        results_box.addWidget(self.details_table, 2)
        layout.addWidget(results, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        self.ingest_button = primary_button(self)
        self.ingest_button.setDefault(True)
        self.ingest_button.clicked.connect(self.start)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.ingest_button)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("导入上报包"))
        self.title.setText(self.tr("导入上报包"))
        self.intro.setText(
            self.tr(
                "选择一个上报包文件夹（含 manifest.json），或存放多个上报包的文件夹。每个上报包逐一核验"
                "签名和文件，整包接收或整包拒收，并用总行密钥签发回执。"
            )
        )
        self.folder_label.setText(self.tr("上报包文件夹"))
        self.key_label.setText(self.tr("总行密钥文件"))
        self.password_label.setText(self.tr("密钥密码"))
        self.receipts_label.setText(self.tr("回执存放位置"))
        self.receipts_edit.setPlaceholderText(self.tr("默认：上报包旁的“回执”文件夹"))
        for b in (self.folder_button, self.key_button, self.receipts_button):
            b.setText(self.tr("选择…"))
        self.close_button.setText(self.tr("关闭"))
        self.ingest_button.setText(self.tr("导入"))
        self.packages_table.setHorizontalHeaderLabels(
            [
                self.tr("上报包"),
                self.tr("结果"),
                self.tr("原因"),
                self.tr("记录"),
                self.tr("有问题的文件"),
                self.tr("回执"),
            ]
        )
        self.details_table.setHorizontalHeaderLabels(
            [self.tr("上报包"), self.tr("记录 / 文件"), self.tr("结果"), self.tr("原因")]
        )
        self.told.retell()
        if self.key_problem is not None and self.errors[self.key_problem.field].isVisible():
            self._tell_key(self.key_problem)
        if self.outcomes:
            self._show(self.outcomes)
        elif self.packages and self.progress.isVisible():
            self._progress(self.progress.value(), self.progress.maximum())

    # ------------------------------------------------------------------ fields

    def _pick_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("上报包文件夹"))
        if name:
            self.folder_edit.setText(name)
            self._folder_changed()

    def _pick_key(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("总行密钥文件"), "", self.tr("PKCS#12 文件 (*.p12 *.pfx)")
        )
        if name:
            self.key_edit.setText(name)

    def _pick_receipts(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("回执存放位置"))
        if name:
            self.receipts_edit.setText(name)

    def _folder_changed(self) -> None:
        """The receipts' place follows the folder until chosen."""
        from branchcheck.headoffice.browse import find_packages

        text = self.folder_edit.text().strip()
        if not text or (self.receipts_edit.text() and not self.receipts_edit.property("auto")):
            return
        folder = Path(text).expanduser()
        try:
            found = find_packages(folder)
        except BranchCheckError:
            return
        self.receipts_edit.setText(str(default_receipts(folder, found)))
        self.receipts_edit.setProperty("auto", True)

    def _field_errors(self) -> dict[str, str]:
        wrong = {}
        if not self.folder_edit.text().strip():
            wrong["folder"] = self.tr("请选择上报包文件夹")
        if not self.key_edit.text().strip():
            wrong["key"] = self.tr("请选择总行密钥文件")
        if not self.password_edit.text():
            wrong["password"] = self.tr("请输入密钥密码")
        return wrong

    def _tell(self, field: str | None, message: str | None) -> None:
        show_error(self.errors[field] if field else self.error, message)

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        """Check the fields, find the packages, open the key (worker), then ingest (worker)."""
        from branchcheck.headoffice.browse import find_packages

        for label in (*self.errors.values(), self.error):
            self.told.tell(label, None)
        wrong = self._field_errors()
        for key, message in wrong.items():
            self._tell(key, message)
        if wrong:
            return
        folder = Path(self.folder_edit.text().strip()).expanduser()
        try:
            self.packages = find_packages(folder)
        except BranchCheckError as exc:
            self.told.tell(self.errors["folder"], exc)
            return
        receipts_text = self.receipts_edit.text().strip()
        receipts = (
            Path(receipts_text).expanduser()
            if receipts_text
            else default_receipts(folder, self.packages)
        )
        key_path = Path(self.key_edit.text().strip()).expanduser()
        password, db = self.password_edit.text(), self.db
        self.ingest_button.setEnabled(False)
        self.tasks.run_in_background(
            lambda: open_head_office_key(db, key_path, password),
            lambda opened: self._key_opened(opened, receipts),
            self._failed,
        )

    def _key_opened(self, opened: Credential | KeyProblem, receipts: Path) -> None:
        if isinstance(opened, KeyProblem):
            self.ingest_button.setEnabled(True)
            self.key_problem = opened
            self._tell_key(opened)
            return
        self.key_problem = None
        self._ingest(opened, receipts)

    def _tell_key(self, opened: KeyProblem) -> None:
        """Why the key did not open, next to its field (again after a language switch)."""
        self._tell(opened.field, key_problem_text(opened))

    def _ingest(self, opened: Credential, receipts: Path) -> None:
        from branchcheck.headoffice.ingest import ingest

        db, packages, report = self.db, list(self.packages), self.relay.report
        self.outcomes = []
        self.packages_table.hide()
        self.details_table.hide()
        self.progress.setRange(0, len(packages))
        self.progress.setValue(0)
        self.progress.show()
        self._progress(0, len(packages))
        self.tasks.run_in_background(
            lambda: ingest(
                db, packages, credential=opened, receipts=receipts, workers=2, progress=report
            ),
            self._done,
            self._failed,
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.status.setText(
            self.tr("第 {k} / {n} 个上报包").format(k=min(done + 1, total), n=total)
            if done < total
            else self.tr("{n} 个上报包已处理").format(n=total)
        )

    def _failed(self, exc: BaseException) -> None:
        self.ingest_button.setEnabled(True)
        self.progress.hide()
        self.status.setText("")
        self.told.tell(self.error, exc)

    def _done(self, outcomes: list[PackageOutcome]) -> None:
        self.ingest_button.setEnabled(True)
        self.outcomes = outcomes
        self._show(outcomes)
        self.ingested.emit()

    # ------------------------------------------------------------------ results

    def status_text(self, status: str) -> str:
        return {
            "accepted": self.tr("已接收"),
            "duplicate": self.tr("重复"),
            "rejected": self.tr("拒收"),
        }.get(status, status)

    def _show(self, outcomes: list[PackageOutcome]) -> None:
        from branchcheck.headoffice.ingest import NOT_STORED

        self.progress.setValue(self.progress.maximum())
        accepted = sum(o.status == "accepted" for o in outcomes)
        self.status.setText(
            self.tr("{n} 个上报包：{a} 个已接收，{d} 个重复，{r} 个拒收").format(
                n=len(outcomes),
                a=accepted,
                d=sum(o.status == "duplicate" for o in outcomes),
                r=sum(o.status == "rejected" for o in outcomes),
            )
        )
        rows: list[list[str]] = []
        details: list[tuple[str, str, str, str, str | None]] = []
        colours: list[str | None] = []
        for o in outcomes:
            counts = [sum(r.status == s for r in o.records) for s in COLOURS]
            rows.append(
                [
                    o.folder.name,
                    self.status_text(o.status),
                    in_language(o.reason),
                    self.tr("{n} 条：接收 {a}，重复 {d}，拒收 {r}").format(
                        n=len(o.records), a=counts[0], d=counts[1], r=counts[2]
                    ),
                    str(len(o.problems)) if o.problems else "",
                    str(o.receipt or ""),
                ]
            )
            colours.append(COLOURS.get(o.status))
            for p in o.problems:
                details.append(
                    (
                        o.folder.name,
                        self.tr("文件 {path}").format(path=p.path),
                        self.tr("有问题"),
                        in_language(p.reason),
                        RED,
                    )
                )
            for r in o.records:
                reason = "" if r.reason == NOT_STORED else in_language(r.reason)
                if r.status == "rejected" and r.reason == NOT_STORED:
                    reason = self.tr("整包被拒收，未入库")
                details.append(
                    (
                        o.folder.name,
                        self.tr("记录 {id}").format(id=r.record_id),
                        self.status_text(r.status),
                        reason,
                        COLOURS.get(r.status),
                    )
                )
        for line, colour in zip(fill(self.packages_table, rows), colours, strict=True):
            if colour:
                line[1].setForeground(QColor(colour))
        items = fill(self.details_table, [list(d[:4]) for d in details])
        for line, d in zip(items, details, strict=True):
            if d[4]:
                line[2].setForeground(QColor(d[4]))
        self.packages_table.show()
        self.details_table.setVisible(bool(details))
