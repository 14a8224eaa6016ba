"""登录: pick your name, type your password.

Light on purpose: the list of people comes from `branchcheck.people.signin` (the standard library's
sqlite3), so this screen is usable while the rest of the core loads on the worker. Signing in is
a store task: given before the store is loaded, it simply runs after the load."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLineEdit, QVBoxLayout, QWidget

from branchcheck import clock
from branchcheck.errors import AuthError
from branchcheck.people.signin import StaffInfo
from ui import i18n
from ui.screens import Screen, error_label, primary_button, show_error, subtle_label, title_label
from ui.tasks import LazyStore, TaskRunner, describe


class Locked(Exception):
    """The person is locked after too many wrong passwords, until `until` (branch-local time)."""

    def __init__(self, until: datetime) -> None:
        super().__init__(until.isoformat())
        self.until = until


def _sign_in(store: LazyStore, employee_no: str, password: str) -> StaffInfo:
    """The core's sign-in; a refusal because of the lock is raised as `Locked`, with its end."""
    from branchcheck.people import register

    try:
        return register.sign_in(store.get(), employee_no, password)
    except AuthError:
        until = register.lock_of(store.get(), employee_no).locked_until
        if until is not None:
            raise Locked(until) from None
        raise


def lock_time(until: datetime, now: datetime) -> str:
    """When a lock ends, in the window's language: the time, with the date when not today."""
    moment = QDateTime(  # the branch-local wall time as it is, whatever the machine's zone
        QDate(until.year, until.month, until.day), QTime(until.hour, until.minute, until.second)
    )
    if until.date() == now.date():
        return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class LoginScreen(Screen):
    signed_in = Signal(object)  # StaffInfo
    people_shown = Signal()  # the list of people (or why it could not be read) is shown

    def __init__(
        self,
        store: LazyStore,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.people: list[StaffInfo] = []
        self.people_loaded = False
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
        self._fill()

    def refresh(self) -> None:
        """Read the people who can sign in (on the worker) and show them."""
        self.tasks.run_in_background(self.store.sign_in_list, self._people_read, self._unread)

    def _people_read(self, people: list[StaffInfo]) -> None:
        self.people = people
        self.people_loaded = True
        self._fill()
        self.people_shown.emit()

    def _unread(self, exc: BaseException) -> None:
        self.show_failure(describe(exc))
        self.people_shown.emit()

    def show_failure(self, message: str) -> None:
        self.button.setEnabled(True)
        show_error(self.error, message)

    def _fill(self) -> None:
        current = self.person.currentData()
        self.person.clear()
        for p in self.people:
            self.person.addItem(
                f"{p.name} ({p.employee_no}) {p.role_names(i18n.lang())}", p.employee_no
            )
        if current:
            self.person.setCurrentIndex(max(0, self.person.findData(current)))
        if self.people_loaded and self.person.count() == 0:
            # nobody can sign in (a store not set up opens the set-up assistant instead)
            show_error(
                self.error,
                self.tr(
                    "此数据库中还没有可登录的用户。请管理员用 branchcheck setup 建立网点，"
                    "或用 branchcheck users reset-password 设置登录密码。"
                ),
            )

    def select(self, employee_no: str) -> None:
        self.person.setCurrentIndex(self.person.findData(employee_no))

    def reset(self) -> None:
        self.password.clear()
        show_error(self.error, None)
        self.password.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.password.setFocus()  # the person is most often already chosen

    def sign_in(self) -> None:
        employee_no = self.person.currentData()
        if not employee_no:
            show_error(self.error, self.tr("请先选择人员。"))
            return
        password = self.password.text()
        if not password:  # told at once: no attempt is made, none is counted
            show_error(self.error, self.tr("请输入密码。"))
            self.password.setFocus()
            return
        self.button.setEnabled(False)  # one sign-in at a time
        self.tasks.run_in_background(
            lambda: _sign_in(self.store, employee_no, password), self._signed_in, self._refused
        )

    def _signed_in(self, user: StaffInfo) -> None:
        self.button.setEnabled(True)
        self.reset()
        self.signed_in.emit(user)

    def _refused(self, exc: BaseException) -> None:
        self.show_failure(self.refusal(exc))
        self.password.clear()
        self.password.setFocus()

    def refusal(self, exc: BaseException) -> str:
        """Why signing in was refused, in the window's language."""
        if isinstance(exc, Locked):
            now = clock.now()
            minutes = max(1, -(-int((exc.until - now).total_seconds()) // 60))
            return self.tr(
                "密码错误次数过多，已锁定至 {time}。请稍后再试，或请管理员核实。"
            ).format(time=lock_time(exc.until, now)) + i18n.plural(
                minutes,
                "（约 {n} 分钟后可再试）",
                " (about {n} minute from now)",
                " (about {n} minutes from now)",
            )
        if isinstance(exc, AuthError):
            return self.tr("密码不正确，请重新输入。")
        return describe(exc)
