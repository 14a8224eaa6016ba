"""密钥与证书 (administration menu): each person's certificates and the CAs the branch trusts,
with validity, SHA-256 fingerprint and a warning colour and icon for one that ends within the
setting cert_warn_days (30) or has ended; and the actions on keys, each a small form (key_form)
whose core call checks the person's permission and passwords itself (branchcheck.records.keys):
create the branch CA, import a bank PKCS#12, issue a key, change a key password, trust a CA."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck.errors import AuthError, InputFileError, KeyPasswordError
from branchcheck.records import certificates, keys
from branchcheck.records.certificates import CertificateInfo, KeysOverview
from ui import i18n
from ui.screens import error_label, subtle_label, title_label
from ui.screens.key_form import FILE, PERSON, Field, KeyForm, fit, retell, tell
from ui.style import ORANGE, RED
from ui.tasks import TaskRunner, describe

if TYPE_CHECKING:
    from branchcheck.db import Store
    from branchcheck.people.signin import StaffInfo

EXPIRING_BG, EXPIRED_BG = "#fdf0e4", "#fdecea"


def open_dialog(window) -> KeysDialog:
    """The administration menu's entry: the dialog on the window's store, for the signed-in
    person."""
    dialog = KeysDialog(window.core, tasks=window.tasks, user=window.user, parent=window)
    dialog.show()
    return dialog


class KeysDialog(QDialog):
    COLUMNS = 8

    def __init__(
        self, store: Store, *, tasks: TaskRunner, user: StaffInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.user = user
        self.view: KeysOverview | None = None
        self.form: KeyForm | None = None
        self.setMinimumSize(900, 480)
        fit(self, 1180, 640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {ORANGE}; font-weight: bold;")
        self.warning.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.warning)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.without = subtle_label(self)
        layout.addWidget(self.without)
        self.status = subtle_label(self)
        layout.addWidget(self.status)
        self.error = error_label(self)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.ca_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.issue_button = QPushButton(self)
        self.password_button = QPushButton(self)
        self.trust_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.ca_button.clicked.connect(self.create_ca)
        self.import_button.clicked.connect(self.import_p12)
        self.issue_button.clicked.connect(self.issue_key)
        self.password_button.clicked.connect(self.change_password)
        self.trust_button.clicked.connect(self.trust_ca)
        self.close_button.clicked.connect(self.close)
        for b in (
            self.ca_button,
            self.import_button,
            self.issue_button,
            self.password_button,
            self.trust_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.retranslate()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("密钥与证书"))
        self.title.setText(self.tr("密钥与证书"))
        self.intro.setText(
            self.tr(
                "每人的签名证书（当前的和以前的，以前的用于核验其签过的记录）与本网点信任的 CA。"
                "建立 CA、签发和导入密钥、信任 CA 须由管理员办理。"
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("工号"),
                self.tr("姓名 / 名称"),
                self.tr("类别"),
                self.tr("状态"),
                self.tr("有效期自"),
                self.tr("有效期至"),
                self.tr("剩余"),
                self.tr("SHA-256 指纹"),
            ]
        )
        self.ca_button.setText(self.tr("建立网点 CA…"))
        self.import_button.setText(self.tr("导入 PKCS#12…"))
        self.issue_button.setText(self.tr("签发密钥…"))
        self.password_button.setText(self.tr("修改密钥密码…"))
        self.trust_button.setText(self.tr("添加信任 CA…"))
        self.close_button.setText(self.tr("关闭"))
        retell([self.error])
        if self.view is not None:
            self._show(self.view)

    # ------------------------------------------------------------------ the list

    def reload(self) -> None:
        store = self.store
        self.tasks.run_in_background(lambda: certificates.overview(store), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        tell(self.error, describe(exc))

    def _kind(self, c: CertificateInfo) -> str:
        if c.kind == certificates.BRANCH_CA:
            return self.tr("本网点 CA")
        if c.kind == certificates.TRUSTED_CA:
            return self.tr("受信任 CA")
        return self.tr("个人签名证书")

    def _state(self, c: CertificateInfo) -> str:
        if c.expired:
            return self.tr("已过期")
        if c.kind != certificates.PERSON:
            return self.tr("受信任")
        return self.tr("当前") if c.active else self.tr("旧密钥（仅用于核验）")

    def _left(self, c: CertificateInfo) -> str:
        if c.expired:
            return self.tr("已过期 {n} 天").format(n=-c.expires_in_days)
        return self.tr("{n} 天").format(n=c.expires_in_days)

    def _show(self, view: KeysOverview) -> None:
        self.view = view
        self.table.setRowCount(len(view.certificates))
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for r, c in enumerate(view.certificates):
            cells = [
                c.employee_no or "—",
                c.name,
                self._kind(c),
                self._state(c),
                c.valid_from,
                c.valid_to,
                self._left(c),
                c.fingerprint,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    f"{c.subject}\n{self.tr('签发者')}: {c.issuer}\nSHA-256 {c.fingerprint}"
                )
                if c.needs_attention:
                    item.setBackground(QColor(EXPIRED_BG if c.expired else EXPIRING_BG))
                    if col == 6:
                        item.setForeground(QColor(RED if c.expired else ORANGE))
                if col == 0 and c.needs_attention:
                    item.setIcon(icon)
                self.table.setItem(r, col, item)
        warned = view.warnings
        if warned:
            names = _join(c.employee_no or c.name for c in warned)
            self.warning.setText(
                self.tr(
                    "⚠ {n} 张在用证书即将到期或已过期：{names}。请及时换发或导入新证书。"
                ).format(n=len(warned), names=names)
            )
        self.warning.setVisible(bool(warned))
        if view.without_key:
            self.without.setText(
                self.tr("尚无签名密钥：{names}").format(
                    names=_join(f"{p.name} ({p.employee_no})" for p in view.without_key)
                )
            )
        else:
            self.without.setText("")
        self.ca_button.setEnabled(not view.has_branch_ca)
        self.issue_button.setEnabled(view.has_branch_ca)

    # ------------------------------------------------------------------ the actions

    def _open(self, form: KeyForm, done: str) -> None:
        self.form = form
        form.accepted.connect(lambda: self._after(done))
        form.open()

    def _after(self, done: str) -> None:
        self.status.setText(done)
        tell(self.error, None)
        self.reload()

    def _people(self) -> list:
        return self.view.staff if self.view is not None else []

    def create_ca(self) -> None:
        store, admin = self.store, self.user.employee_no

        def submit(v: dict[str, str]) -> str:
            return keys.create_ca(
                store, ca_password=v["ca"], admin_no=admin, admin_password=v["admin"]
            )

        self._open(
            KeyForm(
                tasks=self.tasks,
                title=lambda: self.tr("建立网点 CA"),
                intro=lambda: self.tr(
                    "本网点自己的 CA 为员工签发签名密钥。CA 密码请妥善保管，签发密钥时需要。"
                ),
                fields=[
                    Field("ca", lambda: self.tr("CA 密码"), new_key=True),
                    Field("ca2", lambda: self.tr("再次输入 CA 密码"), same_as="ca"),
                    Field("admin", lambda: self.tr("您的登录密码")),
                ],
                submit=submit,
                route=_route({KeyPasswordError: "ca", AuthError: "admin"}),
                parent=self,
            ),
            self.tr("已建立网点 CA"),
        )

    def issue_key(self) -> None:
        store, admin = self.store, self.user.employee_no
        without = self.view.without_key if self.view is not None else []

        def submit(v: dict[str, str]) -> str:
            return keys.issue_key(
                store,
                employee_no=v["person"],
                key_password=v["key"],
                ca_password=v["ca"],
                admin_no=admin,
                admin_password=v["admin"],
                person_password=v["person_pw"] or None,
            )

        self._open(
            KeyForm(
                tasks=self.tasks,
                title=lambda: self.tr("签发密钥"),
                intro=lambda: self.tr(
                    "由本网点 CA 为员工签发签名密钥。已有密钥的员工换发时，须本人输入登录密码。"
                ),
                fields=[
                    Field("person", lambda: self.tr("员工"), kind=PERSON),
                    Field("key", lambda: self.tr("新密钥密码"), new_key=True),
                    Field("key2", lambda: self.tr("再次输入新密钥密码"), same_as="key"),
                    Field("person_pw", lambda: self.tr("本人登录密码（换发时）"), optional=True),
                    Field("ca", lambda: self.tr("CA 密码")),
                    Field("admin", lambda: self.tr("您的登录密码")),
                ],
                people=self._people(),
                chosen=without[0].employee_no if without else None,
                submit=submit,
                route=_route_people("person_pw", "admin", "ca"),
                parent=self,
            ),
            self.tr("已签发密钥"),
        )

    def import_p12(self) -> None:
        store, admin = self.store, self.user.employee_no

        def submit(v: dict[str, str]) -> str:
            return keys.import_p12(
                store,
                employee_no=v["person"],
                path=Path(v["file"]),
                password=v["p12"],
                person_password=v["person_pw"],
                admin_no=admin,
                admin_password=v["admin"],
            )

        self._open(
            KeyForm(
                tasks=self.tasks,
                title=lambda: self.tr("导入 PKCS#12"),
                intro=lambda: self.tr(
                    "导入总行签发的密钥文件（.p12/.pfx）。证书须写明该员工的工号，并由本网点信任的 CA 签发；"
                    "须本人和另一位管理员（您）输入登录密码。"
                ),
                fields=[
                    Field("person", lambda: self.tr("员工"), kind=PERSON),
                    Field(
                        "file",
                        lambda: self.tr("密钥文件"),
                        kind=FILE,
                        file_filter=lambda: self.tr("PKCS#12 文件 (*.p12 *.pfx)"),
                    ),
                    Field("p12", lambda: self.tr("密钥文件密码")),
                    Field("person_pw", lambda: self.tr("本人登录密码")),
                    Field("admin", lambda: self.tr("您的登录密码")),
                ],
                people=[p for p in self._people() if p.employee_no != admin],
                submit=submit,
                route=_route_people("person_pw", "admin", "p12"),
                parent=self,
            ),
            self.tr("已导入密钥"),
        )

    def change_password(self) -> None:
        store = self.store

        def submit(v: dict[str, str]) -> str:
            return keys.change_key_password(
                store, employee_no=v["person"], old_password=v["old"], new_password=v["new"]
            )

        self._open(
            KeyForm(
                tasks=self.tasks,
                title=lambda: self.tr("修改密钥密码"),
                intro=lambda: self.tr("须输入原密钥密码；密钥和证书本身不变。"),
                fields=[
                    Field("person", lambda: self.tr("员工"), kind=PERSON),
                    Field("old", lambda: self.tr("原密钥密码")),
                    Field("new", lambda: self.tr("新密钥密码"), new_key=True),
                    Field("new2", lambda: self.tr("再次输入新密钥密码"), same_as="new"),
                ],
                people=self._people(),
                chosen=self.user.employee_no,
                submit=submit,
                route=_route({KeyPasswordError: "old"}),
                parent=self,
            ),
            self.tr("密钥密码已更改"),
        )

    def trust_ca(self) -> None:
        store, admin = self.store, self.user.employee_no

        def submit(v: dict[str, str]) -> object:
            try:
                pem = Path(v["file"]).read_text(encoding="ascii")
            except (OSError, ValueError) as exc:
                raise InputFileError(f"{v['file']}: 无法读取证书 / cannot read ({exc})") from None
            return keys.trust_ca(store, pem=pem, admin_no=admin, admin_password=v["admin"])

        self._open(
            KeyForm(
                tasks=self.tasks,
                title=lambda: self.tr("添加信任 CA"),
                intro=lambda: self.tr(
                    "信任一个 CA 证书（如总行 CA）：由它签发的证书即可导入，其签署的记录可被核验。"
                    "这是管理员的决定，会记入审计日志。"
                ),
                fields=[
                    Field(
                        "file",
                        lambda: self.tr("CA 证书"),
                        kind=FILE,
                        file_filter=lambda: self.tr("证书 (*.pem *.crt *.cer)"),
                    ),
                    Field("admin", lambda: self.tr("您的登录密码")),
                ],
                submit=submit,
                route=_route({AuthError: "admin", InputFileError: "file"}),
                parent=self,
            ),
            self.tr("已添加信任 CA"),
        )


def _join(items: Iterable[str]) -> str:
    """A list in the window's language: 甲、乙 / A, B."""
    return (", " if i18n.lang() == "en" else "、").join(items)


def _route(by_type: dict[type[BaseException], str]):
    """The field a refusal is about, by the error's type."""

    def route(exc: BaseException, _values: dict[str, str]) -> str | None:
        return next((key for t, key in by_type.items() if isinstance(exc, t)), None)

    return route


def _route_people(person_field: str, admin_field: str, key: str):
    """A wrong key password → the key field; a refused sign-in → the person's password when the
    message names the person chosen, else the administrator's."""

    def route(exc: BaseException, values: dict[str, str]) -> str | None:
        if isinstance(exc, KeyPasswordError):
            return key
        if isinstance(exc, AuthError):
            return person_field if values.get("person", "?") in exc.message else admin_field
        return None

    return route
