"""打包上报 and 导入总行回执 (administration menu), at the branch.

打包上报: the period (起始日期 / 截止日期, by default the previous calendar month in Asia/Shanghai),
the output folder and the signed-in person's key password; the packer is the signed-in person
and `branchcheck.upload.package.make_package` checks the permission, the period (an inspection
still open is refused) and the key; its refusal is shown next to the field it is about. It runs
on the worker; then the package ID, its records and files, the folder, and whether an identical
package was made before.

导入总行回执: a receipt.json (its receipt.json.p7s beside it), verified and recorded by
`branchcheck.upload.receipts.import_receipt`; then what head office accepted, held already or
rejected, per record; or the refusal (a forged receipt) as the core says it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
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

from branchcheck import clock
from branchcheck.errors import AnswerError, KeyPasswordError, StateError
from ui import i18n
from ui.screens import error_label, primary_button, show_error, subtle_label, title_label
from ui.screens.headoffice_parts import Told, fill, path_row, table
from ui.style import GREEN, ORANGE, RED
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from branchcheck.db import Store
    from branchcheck.people.signin import StaffInfo
    from branchcheck.upload.package import PackageResult
    from branchcheck.upload.receipts import ReceiptImport

PACKAGES = "上报包"
COLOURS = {"accepted": GREEN, "duplicate": ORANGE, "rejected": RED}


def previous_month(today: date) -> tuple[date, date]:
    """The calendar month before `today`'s: its first and last day."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def open_package_dialog(window) -> PackageDialog:
    """The administration menu's entry 打包上报…."""
    home = window.home or window.core.path.parent
    dialog = PackageDialog(
        window.core, tasks=window.tasks, user=window.user, out=home / PACKAGES, parent=window
    )
    dialog.show()
    return dialog


def open_receipt_dialog(window) -> ReceiptDialog:
    """The administration menu's entry 导入总行回执…."""
    dialog = ReceiptDialog(window.core, tasks=window.tasks, user=window.user, parent=window)
    dialog.show()
    return dialog


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(_qdate(day))
    edit.setMinimumWidth(160)
    return edit


class PackageDialog(QDialog):
    def __init__(
        self,
        store: Store,
        *,
        tasks: TaskRunner,
        user: StaffInfo,
        out: Path,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.user = user
        self.result_value: PackageResult | None = None
        self.told = Told()
        first, last = previous_month(today or clock.now().date())
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.first_label, self.last_label = QLabel(self), QLabel(self)
        self.out_label, self.password_label = QLabel(self), QLabel(self)
        self.first_edit, self.last_edit = _date_edit(self, first), _date_edit(self, last)
        self.out_edit = QLineEdit(str(out), self)
        self.out_button = QPushButton(self)
        self.out_button.clicked.connect(self._pick_out)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {k: error_label(self) for k in ("period", "out", "password")}
        period = QVBoxLayout()
        period.setSpacing(2)
        dates = QHBoxLayout()
        dates.addWidget(self.first_edit)
        self.to_label = QLabel(self)
        dates.addWidget(self.to_label)
        dates.addWidget(self.last_edit)
        dates.addStretch(1)
        period.addLayout(dates)
        period.addWidget(self.errors["period"])
        form.addRow(self.first_label, period)
        out_box = QVBoxLayout()
        out_box.setSpacing(2)
        out_box.addLayout(path_row(self, self.out_edit, self.out_button))
        out_box.addWidget(self.errors["out"])
        form.addRow(self.out_label, out_box)
        pw_box = QVBoxLayout()
        pw_box.setSpacing(2)
        pw_box.addWidget(self.password_edit)
        pw_box.addWidget(self.errors["password"])
        form.addRow(self.password_label, pw_box)
        layout.addLayout(form)
        self.status = subtle_label(self)
        layout.addWidget(self.status)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("panel")
        self.summary.setStyleSheet(
            "QLabel#panel { background: white; border: 1px solid #d5d9e0; border-radius: 6px;"
            " padding: 12px 16px; }"
        )
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        layout.addWidget(self.summary)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        self.make_button = primary_button(self)
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.make_button)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("打包上报"))
        self.title.setText(self.tr("打包上报"))
        self.intro.setText(
            self.tr(
                "把一段期间内已封存的检查记录、问题整改台账和检查计划打成上报包，用您的密钥签名后报送总行。"
                "期间内不能有未封存的检查。"
            )
        )
        self.first_label.setText(self.tr("期间"))
        self.to_label.setText(self.tr("至"))
        self.first_edit.setToolTip(self.tr("起始日期"))
        self.last_edit.setToolTip(self.tr("截止日期"))
        self.out_label.setText(self.tr("存放位置"))
        self.out_button.setText(self.tr("选择…"))
        self.password_label.setText(
            self.tr("{name}（{no}）的密钥密码").format(
                name=self.user.name, no=self.user.employee_no
            )
        )
        self.close_button.setText(self.tr("关闭"))
        self.make_button.setText(self.tr("打包"))
        self.told.retell()
        if self.result_value is not None:
            self._show(self.result_value)

    def _pick_out(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("存放位置"), self.out_edit.text())
        if name:
            self.out_edit.setText(name)

    def make(self) -> None:
        for label in (*self.errors.values(), self.error):
            self.told.tell(label, None)
        self.summary.hide()
        out_text, password = self.out_edit.text().strip(), self.password_edit.text()
        if not out_text:
            show_error(self.errors["out"], self.tr("请选择存放位置"))
        if not password:
            show_error(self.errors["password"], self.tr("请输入密钥密码"))
        if not out_text or not password:
            return
        from branchcheck.upload.package import make_package

        store, actor = self.store, self.user.employee_no
        first, last, out = _date(self.first_edit), _date(self.last_edit), Path(out_text)
        self.make_button.setEnabled(False)
        self.status.setText(self.tr("正在打包并签名…"))
        self.tasks.run_in_background(
            lambda: make_package(
                store, first=first, last=last, out=out, actor=actor, key_password=password
            ),
            self._done,
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.status.setText("")
        if isinstance(exc, KeyPasswordError):
            field = "password"
        elif isinstance(exc, AnswerError | StateError):
            field = "period"
        else:
            field = None
        self.told.tell(self.errors[field] if field else self.error, exc)

    def _done(self, result: PackageResult) -> None:
        self.make_button.setEnabled(True)
        self.password_edit.clear()
        self.status.setText("")
        self.result_value = result
        self._show(result)

    def _show(self, result: PackageResult) -> None:
        lines = [
            self.tr("上报包已生成：{n} 条记录，{files} 个文件。").format(
                n=len(result.records), files=result.files
            ),
            self.tr("上报包编号：{id}").format(id=result.package_id),
            self.tr("文件夹：{folder}").format(folder=result.folder),
        ]
        if result.repeated:
            lines.append(self.tr("此前已生成过内容完全相同的上报包（编号相同），无需重复报送。"))
        self.summary.setText("\n".join(lines))
        self.summary.show()


class ReceiptDialog(QDialog):
    def __init__(
        self,
        store: Store,
        *,
        tasks: TaskRunner,
        user: StaffInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.user = user
        self.result_value: ReceiptImport | None = None
        self.told = Told()
        self.titles: dict[str, tuple[str, dict[str, str]]] = {}
        self.setMinimumSize(760, 480)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.file_label = QLabel(self)
        self.file_edit = QLineEdit(self)
        self.file_button = QPushButton(self)
        self.file_button.clicked.connect(self._pick)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addLayout(path_row(self, self.file_edit, self.file_button))
        self.file_error = error_label(self)
        box.addWidget(self.file_error)
        form.addRow(self.file_label, box)
        layout.addLayout(form)
        self.status = subtle_label(self)
        layout.addWidget(self.status)
        results = QWidget(self)  # takes the room, the table shown in it or not
        results_box = QVBoxLayout(results)
        results_box.setContentsMargins(0, 0, 0, 0)
        self.table = table(results, 4)
        self.table.hide()
        results_box.addWidget(self.table)
        layout.addWidget(results, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        self.import_button = primary_button(self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_receipt)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("导入总行回执"))
        self.title.setText(self.tr("导入总行回执"))
        self.intro.setText(
            self.tr(
                "选择总行返回的 receipt.json（其签名 receipt.json.p7s 须在同一文件夹）。"
                "回执须由本网点信任的总行 CA 签署；导入后即可知道总行已收到哪些记录。"
            )
        )
        self.file_label.setText(self.tr("回执文件"))
        self.file_button.setText(self.tr("选择…"))
        self.close_button.setText(self.tr("关闭"))
        self.import_button.setText(self.tr("导入"))
        self.told.retell()
        self.table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("检查"), self.tr("总行结论"), self.tr("原因")]
        )
        if self.result_value is not None:
            self._show(self.result_value)

    def _pick(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("回执文件"), "", self.tr("总行回执 (receipt.json)")
        )
        if name:
            self.file_edit.setText(name)

    def import_receipt(self) -> None:
        self.told.tell(self.file_error, None)
        self.told.tell(self.error, None)
        text = self.file_edit.text().strip()
        if not text:
            show_error(self.file_error, self.tr("请选择回执文件"))
            return
        from branchcheck.upload.receipts import import_receipt

        store, actor, path = self.store, self.user.employee_no, Path(text)

        def work() -> tuple[ReceiptImport, dict[str, tuple[str, dict[str, str]]]]:
            from branchcheck import inspections

            done = import_receipt(store, path, actor=actor)
            titles = {r.id: (r.local_date, r.title) for r in inspections.list_records(store)}
            return done, titles

        self.import_button.setEnabled(False)
        self.tasks.run_in_background(work, self._done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.table.hide()
        self.status.setText("")
        self.told.tell(self.file_error, exc)

    def _done(self, done: tuple[ReceiptImport, dict[str, tuple[str, dict[str, str]]]]) -> None:
        self.import_button.setEnabled(True)
        self.result_value, self.titles = done
        self._show(self.result_value)

    def status_text(self, status: str) -> str:
        return {
            "accepted": self.tr("已接收"),
            "duplicate": self.tr("已存有"),
            "rejected": self.tr("拒收"),
        }.get(status, status)

    def _show(self, receipt: ReceiptImport) -> None:
        from ui.screens.headoffice_parts import in_language, when

        lines = [
            self.tr("总行 {at} 收到上报包 {id}：{status}。").format(
                at=when(receipt.received_at),
                id=receipt.package_id[:12],
                status=self.status_text(receipt.status),
            ),
            self.tr("接收 {a} 条，已存有 {d} 条，拒收 {r} 条。").format(
                a=len(receipt.accepted), d=len(receipt.duplicate), r=len(receipt.rejected)
            ),
        ]
        if receipt.already_imported:
            lines.append(self.tr("此回执此前已导入，未重复记录。"))
        self.status.setText("\n".join(lines))
        rows = [(rid, "accepted", "") for rid in receipt.accepted]
        rows += [(rid, "duplicate", "") for rid in receipt.duplicate]
        rows += [(rid, "rejected", reason) for rid, reason in receipt.rejected]
        lang = i18n.lang()
        cells = []
        for rid, status, reason in rows:
            day, title = self.titles.get(rid, ("—", {}))
            cells.append(
                [
                    day,
                    title.get(lang) or title.get("zh") or rid,
                    self.status_text(status),
                    in_language(reason),
                ]
            )
        items = fill(self.table, cells)
        for line, (rid, status, _reason) in zip(items, rows, strict=True):
            line[2].setForeground(QColor(COLOURS[status]))
            for item in line:
                item.setToolTip(self.tr("记录编号：{id}").format(id=rid))
        self.table.show()
