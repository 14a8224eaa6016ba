"""签名 and 已封存: every party signs by hand, then the inspector's key seals the record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branchcheck import inspections
from branchcheck.db import Store
from branchcheck.inspections import InspectionState, Party
from branchcheck.inspections.signing import prove_signer
from ui import i18n
from ui.screens import Screen, error_label, primary_button, show_error, subtle_label, title_label
from ui.screens.record_preview import PreviewDialog
from ui.signature_pad import SignaturePad
from ui.style import GREEN
from ui.tasks import TaskRunner, describe


def _time(iso: str) -> str:
    return iso.replace("T", " ")[:16]


class PartyBox(QFrame):
    """One party: title and name, their own password (the pad takes strokes once it is confirmed),
    the pad, 清除 and 确认签名; ✓ and the time once signed."""

    confirm_requested = Signal(object)  # self
    sign_requested = Signal(object)  # self

    def __init__(self, party: Party, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.party = party
        self.saving = False
        self.checking = False
        self.confirmed_password: str | None = None  # set once the core has checked it
        self.setObjectName("card")
        layout = QGridLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        self.who = QLabel(self)
        self.who.setObjectName("itemText")
        self.status = QLabel(self)
        self.password = QLineEdit(self)
        self.password.setMaximumWidth(300)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_button = QPushButton(self)
        self.password_error = error_label(self)
        self.pad = SignaturePad(self)
        self.pad.setFixedSize(450, 180)
        self.clear_button = QPushButton(self)
        self.sign_button = primary_button(self)
        self.error = error_label(self)
        for button in (self.clear_button, self.sign_button):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the pad keeps its place once signed
            button.setSizePolicy(policy)
        layout.addWidget(self.who, 0, 0)
        layout.addWidget(self.status, 1, 0)
        confirm = QHBoxLayout()
        confirm.addWidget(self.password, 1)
        confirm.addWidget(self.confirm_button)
        confirm.addStretch(0)
        layout.addLayout(confirm, 2, 0)
        layout.addWidget(self.password_error, 3, 0)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.sign_button)
        layout.addWidget(self.pad, 0, 1, 5, 1)
        layout.addLayout(buttons, 0, 2, 5, 1)
        layout.addWidget(self.error, 5, 0, 1, 3)
        layout.setColumnStretch(0, 1)
        layout.setRowStretch(4, 1)
        self.clear_button.clicked.connect(self.pad.clear)
        self.sign_button.clicked.connect(lambda: self.sign_requested.emit(self))
        self.confirm_button.clicked.connect(self._confirm)
        self.password.returnPressed.connect(self._confirm)
        self.password.textChanged.connect(lambda _text: self._pad_changed())
        self.pad.changed.connect(self._pad_changed)
        self.retranslate()

    def retranslate(self) -> None:
        p = self.party
        name = p.person.name
        self.who.setText(f"{i18n.text(p.title)}\n{name} ({p.person.employee_no})")
        self.clear_button.setText(self.tr("清除"))
        self.sign_button.setText(self.tr("确认签名"))
        self.confirm_button.setText(self.tr("确认身份"))
        self.password.setPlaceholderText(
            self.tr("请 {name} 输入本人密码确认签字").format(name=name)
        )
        self.password.setAccessibleName(self.tr("{name} 的密码").format(name=name))
        self.pad.set_hint("" if self.confirmed_password else self.tr("输入本人密码后签名"))
        if self.saving:
            self.status.setText(self.tr("保存中…"))
            self.status.setStyleSheet("")
        elif self.checking:
            self.status.setText(self.tr("正在核对密码…"))
            self.status.setStyleSheet("")
        elif p.signed_at:
            self.status.setText(self.tr("✓ 已签名 {time}").format(time=_time(p.signed_at)))
            self.status.setStyleSheet(f"color: {GREEN}; font-weight: bold; font-size: 13pt;")
        elif self.confirmed_password:
            self.status.setText(self.tr("身份已确认，请在右侧框内签名"))
            self.status.setStyleSheet("")
        else:
            self.status.setText(self.tr("请本人输入密码确认身份，再在右侧框内签名"))
            self.status.setStyleSheet("")
        self._pad_changed()

    def _pad_changed(self) -> None:
        signed = self.party.signed_at is not None
        editable = not signed and not self.saving and self.confirmed_password is not None
        asking = not signed and self.confirmed_password is None
        self.sign_button.setEnabled(editable and not self.pad.is_empty())
        self.clear_button.setEnabled(editable and not self.pad.is_empty())
        self.sign_button.setVisible(not signed)
        self.clear_button.setVisible(not signed)
        self.pad.set_read_only(not editable)
        self.password.setVisible(asking)
        self.confirm_button.setVisible(asking)
        self.password.setEnabled(not self.checking)
        self.confirm_button.setEnabled(not self.checking and bool(self.password.text()))

    def _confirm(self) -> None:
        if self.password.text() and not self.checking:
            self.confirm_requested.emit(self)

    def set_checking(self, checking: bool) -> None:
        """While the core checks the password: the field and its button wait."""
        self.checking = checking
        self.retranslate()

    def confirmed(self, password: str) -> None:
        """The core accepted the person's password: the pad takes their strokes."""
        self.checking = False
        self.confirmed_password = password
        self.password.clear()
        show_error(self.password_error, None)
        self.retranslate()
        self.pad.setFocus()

    def refused(self, message: str) -> None:
        """A wrong password (or a lock): said next to the field; the pad stays locked."""
        self.checking = False
        self.password.selectAll()
        show_error(self.password_error, message)
        self.retranslate()
        self.password.setFocus()

    def set_saving(self, saving: bool) -> None:
        """While the signature is committed: the pad and its buttons wait."""
        self.saving = saving
        self.retranslate()

    def mark_signed(self, party: Party) -> None:
        self.party = party
        self.saving = False
        self.confirmed_password = None  # not kept once used
        show_error(self.error, None)
        self.retranslate()

    def show_failure(self, message: str) -> None:
        self.set_saving(False)
        show_error(self.error, message)


class SigningScreen(Screen):
    seal_requested = Signal(str)  # inspection ID
    back_requested = Signal(str)

    def __init__(self, store: Store, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.state: InspectionState | None = None
        self.boxes: list[PartyBox] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = title_label(self)
        self.subtitle = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll_area, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.preview_button = QPushButton(self)
        self.seal_button = primary_button(self)
        self.busy = subtle_label(self)
        self.preview_dialog: PreviewDialog | None = None
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.busy)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.seal_button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(lambda: self.back_requested.emit(self._id()))
        self.preview_button.clicked.connect(self.preview)
        self.seal_button.clicked.connect(lambda: self.seal_requested.emit(self._id()))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("签名确认"))
        self.subtitle.setText(
            self.tr(
                "查库人与被查人员逐一输入本人密码确认身份，再在框内手写签名；全部签名后可预览并封存记录。"
            )
        )
        self.back_button.setText(self.tr("← 返回检查结果"))
        self.preview_button.setText(self.tr("预览记录"))
        self.seal_button.setText(self.tr("封存记录"))

    def _id(self) -> str:
        if self.state is None:
            raise RuntimeError("no inspection is open for signing")
        return self.state.id

    def open(self, inspection_id: str, then: Callable[[], None] | None = None) -> None:
        """Read the inspection's parties in the background; `then` runs once they are shown."""
        store = self.store

        def done(state: InspectionState) -> None:
            self._show(state)
            if then is not None:
                then()

        self.tasks.run_in_background(
            lambda: inspections.load(store, inspection_id),
            done,
            lambda exc: show_error(self.error, describe(exc)),
        )

    def _show(self, state: InspectionState) -> None:
        self.state = state
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(12)
        self.boxes = []
        for party in self.state.parties:
            box = PartyBox(party, page)
            box.confirm_requested.connect(self.confirm)
            box.sign_requested.connect(self.sign)
            layout.addWidget(box)
            self.boxes.append(box)
        layout.addStretch(1)
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(page)
        if old is not None:
            old.deleteLater()
        show_error(self.error, None)
        self.set_busy(False)

    def confirm(self, box: PartyBox) -> None:
        """Check the person's own password in the background (the core's signer check, audited
        and counted toward the sign-in lock); the pad opens only once it is right."""
        store, employee_no, password = self.store, box.party.person.employee_no, box.password.text()
        box.set_checking(True)
        self.tasks.run_in_background(
            lambda: prove_signer(store, employee_no, password),
            lambda _none: box.confirmed(password) if box in self.boxes else None,
            lambda exc: box.refused(describe(exc)) if box in self.boxes else None,
        )

    def sign(self, box: PartyBox) -> None:
        """Commit the box's signature in the background; the box says 保存中 until it is. The
        core checks the signer's password again: the window's confirmation is not trusted."""
        store, inspection_id = self.store, self._id()
        party, employee_no = box.party.party, box.party.person.employee_no
        strokes = box.pad.strokes()
        password = box.confirmed_password or ""

        def work() -> InspectionState:
            inspections.sign(
                store,
                inspection_id,
                party=party,
                employee_no=employee_no,
                strokes=strokes,
                password=password,
            )
            return inspections.load(store, inspection_id)

        box.set_saving(True)
        self.seal_button.setEnabled(False)
        self.tasks.run_in_background(
            work,
            lambda state: self._signed(box, state),
            lambda exc: self._sign_failed(box, describe(exc)),
        )

    def _sign_failed(self, box: PartyBox, message: str) -> None:
        if box in self.boxes:  # not an inspection opened anew meanwhile
            box.show_failure(message)
            self._update_seal_button()

    def _signed(self, box: PartyBox, state: InspectionState) -> None:
        if box not in self.boxes:
            return
        self.state = state
        for party in state.parties:
            if (
                party.party == box.party.party
                and party.person.employee_no == box.party.person.employee_no
            ):
                box.mark_signed(party)
        self._update_seal_button()
        waiting = [b for b in self.boxes if b.party.signed_at is None]
        if waiting:
            self.scroll_area.ensureWidgetVisible(waiting[0], 0, 10)
        else:
            self.seal_button.setFocus()

    def preview(self) -> None:
        """Make the record's preview PDF in the background (the window's language), then show it."""
        store, inspection_id, lang = self.store, self._id(), i18n.lang()
        self.preview_button.setEnabled(False)
        self.busy.setText(self.tr("正在生成预览…"))

        def failed(exc: BaseException) -> None:
            self._previewed()
            show_error(self.error, describe(exc))

        self.tasks.run_in_background(
            lambda: inspections.preview(store, inspection_id, lang=lang),
            self.show_preview,
            failed,
        )

    def _previewed(self) -> None:
        self.preview_button.setEnabled(True)
        self.busy.setText("")

    def show_preview(self, pdf: bytes) -> None:
        self._previewed()
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
        self.preview_dialog = PreviewDialog(pdf, self)
        self.preview_dialog.open()

    def all_signed(self) -> bool:
        return self.state is not None and all(p.signed_at for p in self.state.parties)

    def _update_seal_button(self) -> None:
        saving = any(b.saving for b in self.boxes)
        self.seal_button.setEnabled(self.all_signed() and not saving)

    def set_busy(self, busy: bool) -> None:
        self.busy.setText(self.tr("正在生成并签署 PDF 与 Excel 记录…") if busy else "")
        self.seal_button.setEnabled(not busy and self.all_signed())
        self.back_button.setEnabled(not busy)
        self.preview_button.setEnabled(not busy)

    def show_failure(self, message: str | None) -> None:
        show_error(self.error, message)

    def ask_password(self, error: str | None = None) -> str | None:
        """The inspector's signing-key password; None when cancelled. Tests replace this."""
        name = self.state.inspector.name if self.state is not None else ""
        label = self.tr("请输入 {name} 的签名密钥密码：").format(name=name)
        if error:
            label = error + "\n\n" + label
        password, ok = QInputDialog.getText(
            self, self.tr("封存记录"), label, QLineEdit.EchoMode.Password
        )
        return password if ok else None


class SealedScreen(Screen):
    export_requested = Signal(str)
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_id: str | None = None
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setFixedWidth(720)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.setSpacing(14)
        self.title = title_label(panel)
        self.title.setStyleSheet(f"font-size: 24pt; color: {GREEN};")
        self.record = QLabel(panel)
        self.record.setStyleSheet("font-size: 13pt;")
        self.record.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record.setWordWrap(True)
        self.explain = subtle_label(panel)
        self.paths = QLabel(panel)
        self.paths.setWordWrap(True)
        self.paths.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label(panel)
        for w in (self.title, self.record, self.explain, self.paths, self.error):
            layout.addWidget(w)
        buttons = QHBoxLayout()
        self.export_button = primary_button(panel)
        self.open_file_button = QPushButton(panel)
        self.open_folder_button = QPushButton(panel)
        self.home_button = QPushButton(panel)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)
        layout.addLayout(buttons)
        self.exported: list[Path] = []
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # tests replace it
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.record_id))
        self.open_file_button.clicked.connect(lambda: self._open(self.exported[0]))
        self.open_folder_button.clicked.connect(lambda: self._open(self.exported[0].parent))
        self.home_button.clicked.connect(self.home_requested.emit)
        self._show_open_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("✓ 已封存"))
        self.record.setText(self.tr("记录编号：{id}").format(id=self.record_id or ""))
        self.explain.setText(
            self.tr(
                "记录已用查库人的签名密钥签署，此后不可更改；如需更正，请新建更正版本。"
                "签署后的 PDF 与 Excel 可随时导出报送。"
            )
        )
        self.export_button.setText(self.tr("导出 PDF / Excel…"))
        self.open_file_button.setText(self.tr("打开 PDF"))
        self.open_folder_button.setText(self.tr("打开所在文件夹"))
        self.home_button.setText(self.tr("返回首页"))

    def open(self, record_id: str) -> None:
        self.record_id = record_id
        self.paths.setText("")
        self.exported = []
        self._show_open_buttons()
        show_error(self.error, None)
        self.retranslate()

    def show_paths(self, paths: list) -> None:
        """The exported files, each path in full (selectable); the PDF first for 打开 PDF."""
        show_error(self.error, None)
        full = [Path(p).resolve() for p in paths]
        self.exported = sorted(full, key=lambda p: p.suffix.lower() != ".pdf")
        self.paths.setText(self.tr("已导出：") + "\n" + "\n".join(str(p) for p in self.exported))
        self._show_open_buttons()

    def _show_open_buttons(self) -> None:
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(bool(self.exported))

    def _open(self, path: Path) -> None:
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            show_error(self.error, self.tr("无法打开：{path}").format(path=path))

    def show_failure(self, message: str) -> None:
        show_error(self.error, message)
