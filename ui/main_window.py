"""The main window: a stack of screens, the language menu, and a busy bar for background work.
It only wires the screens together; each screen calls the core itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStackedWidget

from branchcheck.settings import Settings
from ui import i18n
from ui.tasks import TaskManager

if TYPE_CHECKING:
    from branchcheck.db import Store
    from branchcheck.people.register import StaffInfo
    from ui.screens.new_inspection import NewInspectionDialog


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store | None = None,
        *,
        tasks=None,
        settings: Settings | None = None,
        home: Path | None = None,
    ) -> None:
        """The frame (menus, status bar, a 'opening' page) is built at once and can paint before
        the core is imported; `attach(store)` builds the screens. Given a store, it attaches now."""
        super().__init__()
        self.store: Store | None = None
        self.tasks = tasks if tasks is not None else TaskManager(self)
        self.settings = settings or Settings()
        self.home = home
        self.user: StaffInfo | None = None
        self.resize(1280, 800)
        self.setMinimumSize(1024, 680)

        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.opening = QLabel(self)
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setObjectName("opening")
        self.stack.addWidget(self.opening)

        self._build_menus()
        self.user_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate: the window keeps painting while it runs
        self.busy_bar.setMaximumWidth(200)
        self.busy_bar.hide()
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.tasks.busy_changed.connect(self.busy_bar.setVisible)
        self.retranslate()
        if store is not None:
            self.attach(store)

    def attach(self, store: Store) -> None:
        """Build the screens on an open store and show the sign-in screen."""
        from ui.screens.findings import FindingsScreen
        from ui.screens.home import HomeScreen
        from ui.screens.inspection import InspectionScreen
        from ui.screens.login import LoginScreen
        from ui.screens.review import ReviewScreen
        from ui.screens.signing import SealedScreen, SigningScreen

        self.store = store
        self.login = LoginScreen(store)
        self.home_screen = HomeScreen(store)
        self.inspection = InspectionScreen(store, settings=self.settings, home=self.home)
        self.review = ReviewScreen(store)
        self.signing = SigningScreen(store)
        self.sealed = SealedScreen()
        self.findings_screen = FindingsScreen(store)
        for screen in (
            self.login,
            self.home_screen,
            self.inspection,
            self.review,
            self.signing,
            self.sealed,
            self.findings_screen,
        ):
            self.stack.addWidget(screen)

        self.login.signed_in.connect(self.signed_in)
        self.home_screen.new_requested.connect(self.new_inspection)
        self.home_screen.import_requested.connect(self.import_accounts)
        self.home_screen.correct_requested.connect(self.correct)
        self.home_screen.resume_requested.connect(self.resume)
        self.home_screen.export_requested.connect(self.export_from_home)
        self.home_screen.findings_requested.connect(self.show_findings)
        self.findings_screen.home_requested.connect(self.show_home)
        self.inspection.completed.connect(self.show_review)
        self.inspection.home_requested.connect(self.show_home)
        self.review.edit_requested.connect(self.show_inspection)
        self.review.sign_requested.connect(self.show_signing)
        self.signing.back_requested.connect(self.show_review)
        self.signing.seal_requested.connect(self.seal)
        self.sealed.export_requested.connect(self.export_sealed)
        self.sealed.home_requested.connect(self.show_home)
        self.stack.setCurrentWidget(self.login)
        self.stack.removeWidget(self.opening)

    def show_opening_failure(self, message: str) -> None:
        """The store could not be opened: say why in the window."""
        self.opening.setText(message)

    # ------------------------------------------------------------------ menus and texts

    def _build_menus(self) -> None:
        self.account_menu = self.menuBar().addMenu("")
        self.home_action = QAction(self)
        self.home_action.triggered.connect(self.show_home)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut("Ctrl+Q")
        self.quit_action.triggered.connect(self.close)
        self.account_menu.addActions([self.home_action, self.sign_out_action])
        self.account_menu.addSeparator()
        self.account_menu.addAction(self.quit_action)
        # the language menu keeps both names so anyone can find it
        self.language_menu = self.menuBar().addMenu("语言 / Language")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in (("zh", "中文（简体）"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _c=False, code=lang: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action
        self.language_actions[i18n.lang()].setChecked(True)

    def set_language(self, lang: str) -> None:
        i18n.set_language(lang)
        self.language_actions[lang].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("网点自查 BranchCheck"))
        if self.store is None and not self.opening.text().startswith("error"):
            self.opening.setText(self.tr("正在打开数据库…"))
        self.account_menu.setTitle(self.tr("账户(&A)"))
        self.home_action.setText(self.tr("首页"))
        self.sign_out_action.setText(self.tr("退出登录"))
        self.quit_action.setText(self.tr("退出程序"))
        self._show_user()

    def _show_user(self) -> None:
        if self.user is None:
            self.user_label.setText(self.tr("未登录"))
        else:
            self.user_label.setText(
                self.tr("当前用户：{name} ({no})").format(
                    name=self.user.name, no=self.user.employee_no
                )
            )
        self.home_action.setEnabled(self.user is not None)
        self.sign_out_action.setEnabled(self.user is not None)

    # ------------------------------------------------------------------ navigation

    def signed_in(self, user: StaffInfo) -> None:
        from branchcheck import inspections

        self.user = user
        self._show_user()
        open_id = inspections.open_inspection_for(self.store, user.employee_no)
        if open_id is None:
            self.show_home()
            return
        self.resume(open_id)
        self.statusBar().showMessage(self.tr("已恢复您未完成的检查。"), 8000)

    def sign_out(self) -> None:
        self.user = None
        self._show_user()
        self.login.refresh()
        self.login.reset()
        self.stack.setCurrentWidget(self.login)

    def show_home(self) -> None:
        if self.user is None:
            return
        self.home_screen.refresh()
        self.stack.setCurrentWidget(self.home_screen)

    def show_findings(self) -> None:
        if self.user is None:
            return
        self.findings_screen.open(self.user.employee_no)
        self.stack.setCurrentWidget(self.findings_screen)

    def resume(self, inspection_id: str) -> None:
        from branchcheck import inspections

        state = inspections.load(self.store, inspection_id)
        if state.status == "completed":
            self.show_review(inspection_id)
        elif state.status == "sealed":
            self.sealed.open(inspection_id)
            self.stack.setCurrentWidget(self.sealed)
        else:
            self.show_inspection(inspection_id)

    def show_inspection(self, inspection_id: str) -> None:
        self.inspection.open(inspection_id)
        self.stack.setCurrentWidget(self.inspection)

    def show_review(self, inspection_id: str) -> None:
        self.review.open(inspection_id)
        self.stack.setCurrentWidget(self.review)

    def show_signing(self, inspection_id: str) -> None:
        self.signing.open(inspection_id)
        self.stack.setCurrentWidget(self.signing)

    def new_inspection_dialog(self) -> NewInspectionDialog:
        from branchcheck.checklists import load_all
        from branchcheck.people.register import list_staff
        from ui.screens.new_inspection import NewInspectionDialog

        return NewInspectionDialog(
            self.store,
            inspector=self.user,
            templates=load_all(),
            staff=list_staff(self.store),
            parent=self,
        )

    def new_inspection(self) -> None:
        from branchcheck.errors import BranchCheckError

        if self.user is None:
            return
        try:
            dialog = self.new_inspection_dialog()
        except BranchCheckError as exc:
            self.home_screen.show_failure(str(exc))
            return
        if dialog.exec() and dialog.inspection_id:
            self.show_inspection(dialog.inspection_id)

    # ------------------------------------------------------------------ background work

    def correct(self, record_id: str) -> None:
        """A sealed record never changes: a correction is a new version pointing to it."""
        from branchcheck import inspections
        from branchcheck.errors import BranchCheckError

        if self.user is None:
            return
        try:
            new_id = inspections.correct(self.store, record_id, actor=self.user.employee_no)
        except BranchCheckError as exc:
            self.home_screen.show_failure(str(exc))
            return
        self.show_inspection(new_id)

    def import_accounts(self) -> None:
        """The account-list import dialog; the new review opens in the inspection screen."""
        from branchcheck.people.register import list_staff
        from ui.screens.account_import import AccountImportDialog

        if self.user is None:
            return
        dialog = AccountImportDialog(
            self.store,
            tasks=self.tasks,
            inspector=self.user,
            staff=list_staff(self.store),
            parent=self,
        )
        dialog.review_started.connect(self.show_inspection)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def seal(self, inspection_id: str) -> None:
        from ui import operations

        self.signing.show_failure(None)
        operations.seal_record(
            store=self.store,
            tasks=self.tasks,
            inspection_id=inspection_id,
            ask_password=self.signing.ask_password,
            on_busy=self.signing.set_busy,
            on_success=self._sealed,
            on_failure=self.signing.show_failure,
            settings=self.settings,
            home=self.home,
        )

    def _sealed(self, record_id: str) -> None:
        self.sealed.open(record_id)
        self.stack.setCurrentWidget(self.sealed)

    def export_sealed(self, record_id: str) -> None:
        from ui import operations

        operations.export_record(
            store=self.store,
            tasks=self.tasks,
            record_id=record_id,
            folder=operations.choose_folder(self),
            on_success=self.sealed.show_paths,
            on_failure=self.sealed.show_failure,
        )

    def export_from_home(self, record_id: str) -> None:
        from ui import operations

        def done(paths) -> None:
            self.home_screen.show_message(
                self.tr("已导出：") + "  " + "；".join(str(p) for p in paths)
            )

        operations.export_record(
            store=self.store,
            tasks=self.tasks,
            record_id=record_id,
            folder=operations.choose_folder(self),
            on_success=done,
            on_failure=self.home_screen.show_failure,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # an edit in progress is committed first
        self.tasks.shutdown()
        super().closeEvent(event)
