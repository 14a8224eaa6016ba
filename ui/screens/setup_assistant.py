"""建立网点: the set-up assistant a new branch sees on an empty store, in place of the sign-in.

Four pages: the branch (code, name, the head office it reports to), the first administrator (the
branch head: number, name, sign-in password and the branch CA's password, each typed twice), then
staff (one by one, or a staff list imported with a preview), then done: the sign-in screen with the
administrator chosen. The branch and its administrator are made by one core call
(`branchcheck.setup.set_up`) on the worker; whatever it refuses is shown next to its field (on the
branch page when it concerns the branch) and nothing is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from branchcheck.people.person_input import MIN_PASSWORD
from ui.screens import Screen, error_label, primary_button, show_error, subtle_label, title_label
from ui.screens.people_forms import Form, PersonForm, field_errors, refusal_text
from ui.screens.staff_panel import StaffPanel
from ui.style import ACCENT, GREY
from ui.tasks import LazyStore, TaskRunner

if TYPE_CHECKING:
    from branchcheck.people.admin import PersonInput
    from branchcheck.setup import BranchInput, SetupResult

BRANCH, ADMIN, STAFF, DONE = range(4)


def scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName("page")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.viewport().setObjectName("pageViewport")
    area.setStyleSheet("#page, #pageViewport { background: white; }")  # the panel's own
    area.setWidget(page)
    page.setAutoFillBackground(False)  # setWidget turned it on: the page would paint grey
    return area


def _set_up(
    store: LazyStore, branch: BranchInput, admin: PersonInput, password: str, ca_password: str
) -> SetupResult:
    from branchcheck.setup import set_up

    return set_up(
        store.get(),
        branch=branch,
        admin=admin,
        admin_password=password,
        ca_password=ca_password,
    )


class BranchPage(Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = self.line("code")
        self.name = self.line("name")
        self.name_en = self.line("name_en")
        self.head_office = self.line("head_office")

    def retranslate(self) -> None:
        self.labels["code"].setText(self.tr("网点代码"))
        self.labels["name"].setText(self.tr("网点名称"))
        self.labels["name_en"].setText(self.tr("英文名称（可选）"))
        self.labels["head_office"].setText(self.tr("上级管辖行"))
        self.code.setPlaceholderText(self.tr("如 GZ0101"))
        self.name.setPlaceholderText(self.tr("如 赣州分行营业部"))
        self.head_office.setPlaceholderText(self.tr("本网点向其报送记录的机构"))

    def branch(self) -> BranchInput:
        from branchcheck.setup import BranchInput

        return BranchInput(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            name_en=self.name_en.text().strip(),
            head_office=self.head_office.text().strip(),
        )


class AdminPage(PersonForm):
    """The branch head: their person fields (the role is fixed) and the CA's password twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.set_visible("roles", False)
        self.set_visible("id_number", False)
        self.ca_password = self.line("ca_password", secret=True)
        self.ca_password_again = self.line("ca_password_again", secret=True)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.password.setPlaceholderText(self.tr("至少 {n} 个字符").format(n=MIN_PASSWORD))
        if "ca_password" in self.labels:  # not yet when PersonForm's __init__ sets its texts
            self.labels["ca_password"].setText(self.tr("本行 CA 密码"))
            self.labels["ca_password_again"].setText(self.tr("再次输入 CA 密码"))
            self.ca_password.setPlaceholderText(self.tr("签发人员证书时使用，请另行妥善保管"))

    def person(self) -> PersonInput:
        from dataclasses import replace

        return replace(super().person(), roles=("branch_head",))

    def mismatch(self) -> dict[str, str]:
        errors = super().mismatch()
        if self.ca_password.text() != self.ca_password_again.text():
            errors["ca_password_again"] = self.tr("两次输入的 CA 密码不一致，请重新输入。")
        return errors


class SetupAssistant(Screen):
    finished = Signal(str)  # the administrator's employee number: sign in as them

    def __init__(
        self, store: LazyStore, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.result: SetupResult | None = None
        self.busy = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setMinimumWidth(940)
        outer.addWidget(panel, 1, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(32, 24, 32, 20)
        layout.setSpacing(10)
        self.title = title_label(panel)
        layout.addWidget(self.title)
        steps = QHBoxLayout()
        self.steps = [QLabel(panel) for _ in range(4)]
        for label in self.steps:
            steps.addWidget(label)
        steps.addStretch(1)
        layout.addLayout(steps)
        self.intro = subtle_label(panel)
        layout.addWidget(self.intro)

        self.pages = QStackedWidget(panel)
        self.branch = BranchPage(self.pages)
        self.admin = AdminPage(self.pages)
        self.staff = StaffPanel(store, tasks=tasks, parent=self.pages)
        self.done = QLabel(self.pages)
        self.done.setWordWrap(True)
        self.done.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for page in (self.branch, self.admin, self.staff, self.done):
            self.pages.addWidget(scrolled(page))  # a small screen scrolls, never squeezes
        layout.addWidget(self.pages, 1)

        self.progress = QProgressBar(panel)
        self.progress.setRange(0, 0)  # making the CA and the key takes a few seconds
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = error_label(panel)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(panel)
        self.next_button = primary_button(panel)
        self.next_button.setMinimumWidth(160)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        for form in (self.branch, self.admin):  # Enter in a field: on to the next page
            for editor in form.editors.values():
                if isinstance(editor, QLineEdit):
                    editor.returnPressed.connect(self.next)
        self.show_page(BRANCH)

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.title.setText(self.tr("建立网点"))
        names = (self.tr("网点"), self.tr("管理员"), self.tr("本网点人员"), self.tr("完成"))
        page = self.pages.currentIndex()
        for i, (label, name) in enumerate(zip(self.steps, names, strict=True)):
            label.setText(f"{i + 1}  {name}")
            look = f"font-weight: bold; color: {ACCENT};" if i == page else f"color: {GREY};"
            label.setStyleSheet(look + " padding-right: 24px;")
        intros = (
            self.tr(
                "欢迎使用网点自查。先建立本网点：填写网点代码、名称和上级管辖行（记录报送的机构）。"
            ),
            self.tr(
                "第一位管理员是网点负责人。请设置其登录密码，以及本行 CA 的密码：CA 为本网点人员"
                "签发签名证书，CA 密码请另行妥善保管。"
            ),
            self.tr(
                "添加本网点人员：逐个添加，或导入人员名单（.xlsx 或 .csv，含工号、姓名、岗位）。"
                "也可以以后在“管理 → 人员”中添加。"
            ),
            self.tr("网点已建立。请以管理员身份登录，开始第一次检查。"),
        )
        self.intro.setText(intros[page])
        self.back_button.setText(self.tr("上一步"))
        nexts = (self.tr("下一步"), self.tr("建立网点"), self.tr("完成"), self.tr("前往登录"))
        self.next_button.setText(nexts[page])
        self.branch.retranslate()
        self.admin.retranslate()
        self.staff.retranslate()
        self._show_done()

    def _show_done(self) -> None:
        result = self.result
        if result is None:
            return
        self.done.setText(
            self.tr(
                "网点代码：{code}\n管理员：{admin}\n本行 CA 指纹：{fingerprint}\n已登记人员：{count} 人"
            ).format(
                code=result.branch_code,
                admin=result.admin_no,
                fingerprint=result.ca_fingerprint,
                count=len(self.staff.rows),
            )
        )

    # ------------------------------------------------------------------ pages

    def page(self) -> QWidget:
        """The page shown (inside its scroll area)."""
        area = self.pages.currentWidget()
        widget = area.widget() if isinstance(area, QScrollArea) else None
        if widget is None:
            raise RuntimeError("the assistant shows no page")
        return widget

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page == ADMIN)  # once set up, the branch is not made again
        show_error(self.error, None)
        self.retranslate()
        first: QLineEdit | None = {BRANCH: self.branch.code, ADMIN: self.admin.employee_no}.get(
            page
        )
        if first is not None:
            first.setFocus()

    def back(self) -> None:
        if self.pages.currentIndex() == ADMIN:
            self.show_page(BRANCH)

    def next(self) -> None:
        if self.busy:  # Enter again while the branch is being made
            return
        page = self.pages.currentIndex()
        if page == BRANCH:
            self.show_page(ADMIN)
        elif page == ADMIN:
            self.set_up()
        elif page == STAFF:
            self.show_page(DONE)
        elif self.result is not None:
            self.finished.emit(self.result.admin_no)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.next_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)

    def set_up(self) -> None:
        self.branch.show_errors({})
        show_error(self.error, None)
        mismatch = self.admin.mismatch()
        self.admin.show_errors(mismatch)
        if mismatch:
            return
        branch, admin = self.branch.branch(), self.admin.person()
        password, ca_password = self.admin.password.text(), self.admin.ca_password.text()
        self.set_busy(True)
        self.tasks.run_in_background(
            lambda: _set_up(self.store, branch, admin, password, ca_password),
            self._set_up_done,
            self._refused,
        )

    def _set_up_done(self, result: SetupResult) -> None:
        self.set_busy(False)
        self.result = result
        self.staff.set_actor(result.admin_no)
        self.show_page(STAFF)

    def _refused(self, exc: BaseException) -> None:
        """The core names each field "branch.<key>", "admin.<key>" or "ca_password"."""
        self.set_busy(False)
        errors = field_errors(exc)
        if not errors:
            show_error(self.error, refusal_text(exc))
            return
        branch = {
            k.removeprefix("branch."): v for k, v in errors.items() if k.startswith("branch.")
        }
        admin = {
            k.removeprefix("admin."): v for k, v in errors.items() if not k.startswith("branch.")
        }
        rest = self.branch.show_errors(branch) | self.admin.show_errors(admin)
        if branch:
            self.show_page(BRANCH)
        show_error(self.error, "\n".join(rest.values()) or None)
