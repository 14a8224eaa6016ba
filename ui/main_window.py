# longer than 500 lines: the navigation between every screen of the window, kept in one place
"""The main window: a stack of screens, the language menu, and a busy bar for background work.
It only wires the screens together; each screen calls the core itself, always on the worker
thread (`ui.tasks`), and navigation that needs a result happens once the result is in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStackedWidget, QWidget

from branchcheck.settings import Settings
from ui import i18n
from ui.admin_menu import AdminMenu
from ui.loading import back_up_if_due, import_screens, load_core, load_desk
from ui.screens.login import LoginScreen
from ui.tasks import LazyStore, TaskManager, TaskRunner, describe

if TYPE_CHECKING:
    from branchcheck.checklists import LoadedTemplate
    from branchcheck.db import Store
    from branchcheck.people.signin import StaffInfo
    from ui.screens.account_import import AccountImportDialog
    from ui.screens.findings import FindingsScreen
    from ui.screens.inspection import InspectionScreen
    from ui.screens.new_inspection import NewInspectionDialog
    from ui.screens.review import ReviewScreen
    from ui.screens.setup_assistant import SetupAssistant
    from ui.screens.signing import SealedScreen, SigningScreen


def _set_up(lazy: LazyStore) -> bool:
    from branchcheck.setup import is_set_up

    return is_set_up(lazy.get())


class MainWindow(QMainWindow):
    core_attached = Signal()  # the store is open and every screen is built

    def __init__(
        self,
        store: Store | None = None,
        *,
        database: Path | None = None,
        tasks: TaskRunner | None = None,
        settings: Settings | None = None,
        home: Path | None = None,
    ) -> None:
        """The frame (menus, status bar, an 'opening' page) is built at once and can paint before
        the core is imported. Given the `database` file, `show_sign_in()` shows the sign-in screen
        and `load_core()` opens the store on the worker; `attach(store)` builds the other screens.
        Given a store, it attaches now."""
        super().__init__()
        self._screens: dict[str, QWidget] = {}  # the screens after sign-in, once opened
        self.store: Store | None = None
        self.lazy: LazyStore | None = LazyStore(database) if database is not None else None
        self.tasks: TaskRunner = tasks if tasks is not None else TaskManager(self)
        self.settings = settings or Settings()
        self.home = home
        self.user: StaffInfo | None = None
        self.login: LoginScreen | None = None
        self.import_dialog: AccountImportDialog | None = None
        self.setup: SetupAssistant | None = None
        self.resize(1280, 800)  # ui.app.fit_to_screen fits it to the screen it opens on
        self.setMinimumSize(760, 520)  # every screen works at 1024×600

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

    def show_sign_in(self) -> LoginScreen:
        """The sign-in screen; it shows once its list of people is read (sqlite3 only)."""
        if self.login is None:
            if self.lazy is None:
                raise ValueError("the window has no store to sign in to")
            self.login = LoginScreen(self.lazy, tasks=self.tasks)
            self.stack.addWidget(self.login)
            self.login.signed_in.connect(self.signed_in)
            if self.login.people_loaded:
                self._people_shown()
            self.login.people_shown.connect(self._people_shown)
        return self.login

    def _people_shown(self) -> None:
        """Nobody to sign in: a store not set up yet opens the set-up assistant instead (asked on
        the worker, and only then: a branch's start-up reads no more than the list)."""
        login, lazy = self.login, self.lazy
        if login is None or lazy is None or login.people or not login.people_loaded or self.setup:
            self._sign_in_shown()
            return
        self.tasks.run_in_background(
            lambda: _set_up(lazy),
            lambda done: self._sign_in_shown() if done else self.show_setup(),
            lambda exc: self._sign_in_shown(),
        )

    def show_setup(self) -> None:
        """The set-up assistant (建立网点) in place of the sign-in screen; once done, the sign-in
        screen with the administrator chosen."""
        from ui.screens.setup_assistant import SetupAssistant

        if self.lazy is None or self.setup is not None:
            return
        self.setup = SetupAssistant(self.lazy, tasks=self.tasks)
        self.setup.finished.connect(self._set_up_done)
        self.stack.addWidget(self.setup)
        self.stack.setCurrentWidget(self.setup)
        self.stack.removeWidget(self.opening)

    def _set_up_done(self, admin_no: str) -> None:
        if (login := self.login) is not None:
            login.people_shown.connect(
                lambda: login.select(admin_no), Qt.ConnectionType.SingleShotConnection
            )
            login.reset()
            login.refresh()
            self.stack.setCurrentWidget(login)

    def _sign_in_shown(self) -> None:
        if self.stack.currentWidget() is self.opening and self.login is not None:
            self.stack.setCurrentWidget(self.login)
            self.stack.removeWidget(self.opening)

    def load_core(self, on_error: Callable[[str], None] | None = None) -> None:
        """Open the store and import the rest of the core on the worker; attach when done."""
        lazy = self.lazy
        if lazy is None:
            raise ValueError("the window has no store to load")
        failed = on_error or (lambda message: self.show_opening_failure(f"error: {message}"))
        self.tasks.run_in_background(
            lambda: load_core(lazy), self._loaded, lambda exc: failed(describe(exc))
        )

    def _loaded(self, store: Store) -> None:
        """Attached; then the day's first backup on the worker (branchcheck.backup.run_if_due)."""
        self.attach(store)
        self.tasks.run_in_background(
            lambda: back_up_if_due(store),
            None,
            lambda exc: self.statusBar().showMessage(describe(exc), 15000),
        )

    def attach(self, store: Store) -> None:
        """Build the home screen on an open store and show the sign-in screen. The other screens
        are built the first time they are opened (`_screen`): building all six at once stalled the
        sign-in screen while the person typed."""
        import_screens()  # done on the worker already when the store came from `load_core`
        from ui.screens.home import HomeScreen

        self.store = store
        if self.lazy is None:
            self.lazy = LazyStore.of(store)
        self.home_screen = HomeScreen(store, tasks=self.tasks, load_desk=load_desk)
        self.stack.addWidget(self.home_screen)
        self.home_screen.new_requested.connect(self.new_inspection)
        self.home_screen.import_requested.connect(self.import_accounts)
        self.home_screen.correct_requested.connect(self.correct)
        self.home_screen.resume_requested.connect(self.resume)
        self.home_screen.export_requested.connect(self.export_from_home)
        self.home_screen.findings_requested.connect(self.show_findings)
        self.home_screen.finding_requested.connect(self.show_findings)
        self.show_sign_in()
        self.core_attached.emit()

    _PREBUILT = ("inspection", "review", "signing", "sealed", "findings_screen")

    def _build_next_screen(self) -> None:
        """After sign-in, the screens not yet opened are built one per turn of the event loop
        (the findings screen takes ~45 ms, the others a few), not while the person first opens one."""
        for name in self._PREBUILT:
            if name.removesuffix("_screen") not in self._screens:
                getattr(self, name)
                QTimer.singleShot(0, self, self._build_next_screen)
                return

    def _screen(self, name: str, build: Callable[[], QWidget]) -> Any:
        """The screen `name`, built, wired and added to the stack the first time it is asked for."""
        screen = self._screens.get(name)
        if screen is None:
            screen = build()
            self.stack.addWidget(screen)
            self._screens[name] = screen
        return screen

    @property
    def inspection(self) -> InspectionScreen:
        def build() -> InspectionScreen:
            from ui.screens.inspection import InspectionScreen

            screen = InspectionScreen(
                self.core, tasks=self.tasks, settings=self.settings, home=self.home
            )
            screen.completed.connect(self.show_review)
            screen.home_requested.connect(self.show_home)
            if self.user is not None:
                screen.actor = self.user.employee_no
            return screen

        return self._screen("inspection", build)

    @property
    def review(self) -> ReviewScreen:
        def build() -> ReviewScreen:
            from ui.screens.review import ReviewScreen

            screen = ReviewScreen(self.core, tasks=self.tasks)
            screen.edit_requested.connect(self.show_inspection)
            screen.sign_requested.connect(self.show_signing)
            return screen

        return self._screen("review", build)

    @property
    def signing(self) -> SigningScreen:
        def build() -> SigningScreen:
            from ui.screens.signing import SigningScreen

            screen = SigningScreen(self.core, tasks=self.tasks)
            screen.back_requested.connect(self.show_review)
            screen.seal_requested.connect(self.seal)
            return screen

        return self._screen("signing", build)

    @property
    def sealed(self) -> SealedScreen:
        def build() -> SealedScreen:
            from ui.screens.signing import SealedScreen

            screen = SealedScreen()
            screen.export_requested.connect(self.export_sealed)
            screen.home_requested.connect(self.show_home)
            return screen

        return self._screen("sealed", build)

    @property
    def findings_screen(self) -> FindingsScreen:
        def build() -> FindingsScreen:
            from ui.screens.findings import FindingsScreen

            screen = FindingsScreen(self.core, tasks=self.tasks)
            screen.home_requested.connect(self.show_home)
            screen.record_requested.connect(self.resume)
            return screen

        return self._screen("findings", build)

    def show_opening_failure(self, message: str) -> None:
        """The store could not be opened (damaged, gone, gone back in time): say why in the window,
        in place of the sign-in screen, which cannot work without it."""
        self.opening.setText(message)
        self.opening.setWordWrap(True)
        self.opening.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.stack.indexOf(self.opening) == -1:
            self.stack.addWidget(self.opening)
        self.stack.setCurrentWidget(self.opening)

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
        self.admin_menu = AdminMenu(self.menuBar(), self)
        self.language_actions = i18n.add_language_menu(self, self.home)

    def set_language(self, lang: str) -> None:
        self.language_actions[lang].trigger()

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
        self.admin_menu.retranslate()
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
        self.admin_menu.set_enabled(self.user is not None)

    # ------------------------------------------------------------------ navigation

    @property
    def core(self) -> Store:
        """The open store; the screens after sign-in exist only once it is attached."""
        if self.store is None:
            raise RuntimeError("the store is not attached yet")
        return self.store

    def _show(self, screen: QWidget) -> Callable[[], None]:
        return lambda: self.stack.setCurrentWidget(screen)

    def _in_background(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None], failed: Callable[[str], None]
    ) -> None:
        self.tasks.run_in_background(fn, on_done, lambda exc: failed(describe(exc)))

    def signed_in(self, user: StaffInfo) -> None:
        from branchcheck import inspections

        self.user = user
        self._show_user()
        self.home_screen.actor = user.employee_no
        if "inspection" in self._screens:  # else it takes the actor when it is built
            self.inspection.actor = user.employee_no
        QTimer.singleShot(0, self, self._build_next_screen)
        store = self.core
        self._in_background(
            lambda: inspections.open_inspection_for(store, user.employee_no),
            self._resume_or_home,
            self.statusBar().showMessage,
        )

    def _resume_or_home(self, open_id: str | None) -> None:
        if open_id is None:
            self.show_home()
            return
        self.resume(open_id)
        self.statusBar().showMessage(self.tr("已恢复您未完成的检查。"), 8000)

    def sign_out(self) -> None:
        self.user = None
        self._show_user()
        login = self.show_sign_in()
        login.refresh()
        login.reset()
        self.stack.setCurrentWidget(login)

    def show_home(self) -> None:
        if self.user is None:
            return
        self.home_screen.refresh(then=self._show(self.home_screen))

    def show_findings(self, select_id: str | None = None) -> None:
        if self.user is None:
            return
        screen = self.findings_screen

        def shown() -> None:
            self.stack.setCurrentWidget(screen)
            if select_id:
                screen.select_finding(select_id)

        screen.open(self.user.employee_no, then=shown)

    def resume(self, inspection_id: str) -> None:
        from branchcheck import inspections

        store = self.core
        self._in_background(
            lambda: inspections.load(store, inspection_id).status,
            lambda status: self._resume_in(inspection_id, status),
            self.home_screen.show_failure,
        )

    def _resume_in(self, inspection_id: str, status: str) -> None:
        if status == "completed":
            self.show_review(inspection_id)
        elif status == "sealed":
            self.sealed.open(inspection_id)
            self.stack.setCurrentWidget(self.sealed)
        else:
            self.show_inspection(inspection_id)

    def show_inspection(self, inspection_id: str) -> None:
        self.inspection.open(inspection_id, then=self._show(self.inspection))

    def show_review(self, inspection_id: str) -> None:
        self.review.open(inspection_id, then=self._show(self.review))

    def show_signing(self, inspection_id: str) -> None:
        self.signing.open(inspection_id, then=self._show(self.signing))

    def new_inspection_dialog(
        self, templates: dict[str, LoadedTemplate], staff: list[StaffInfo]
    ) -> NewInspectionDialog:
        from ui.screens.new_inspection import NewInspectionDialog

        if self.user is None:
            raise RuntimeError("nobody is signed in")
        return NewInspectionDialog(
            self.core,
            tasks=self.tasks,
            inspector=self.user,
            templates=templates,
            staff=staff,
            parent=self,
        )

    def new_inspection(self) -> None:
        from branchcheck.engine.validate import load_all
        from branchcheck.people.register import list_staff

        if self.user is None:
            return
        store = self.core
        self.home_screen.new_button.setEnabled(False)

        def read() -> tuple[dict[str, LoadedTemplate], list[StaffInfo]]:
            return load_all(), list_staff(store)

        def done(read: tuple[dict[str, LoadedTemplate], list[StaffInfo]]) -> None:
            self.home_screen.new_button.setEnabled(True)
            dialog = self.new_inspection_dialog(*read)
            dialog.accepted.connect(lambda: self._started(dialog))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

        def failed(message: str) -> None:
            self.home_screen.new_button.setEnabled(True)
            self.home_screen.show_failure(message)

        self._in_background(read, done, failed)

    def _started(self, dialog: NewInspectionDialog) -> None:
        if dialog.inspection_id:
            self.show_inspection(dialog.inspection_id)

    # ------------------------------------------------------------------ background work

    def correct(self, record_id: str) -> None:
        """A sealed record never changes: a correction is a new version pointing to it."""
        from branchcheck import inspections

        if self.user is None:
            return
        store, actor = self.core, self.user.employee_no
        home = self.home_screen
        home.correct_button.setEnabled(False)  # one correction per click

        def failed(message: str) -> None:
            home.correct_button.setEnabled(True)
            home.show_failure(message)

        self._in_background(
            lambda: inspections.correct(store, record_id, actor=actor), self.show_inspection, failed
        )

    def import_accounts(self) -> None:
        """The account-list import dialog; the new review opens in the inspection screen."""
        from branchcheck.people.register import list_staff
        from ui.screens.account_import import checker_candidates

        if self.user is None:
            return
        store, inspector = self.core, self.user.employee_no
        self._in_background(
            lambda: checker_candidates(list_staff(store), inspector),
            self._open_import_dialog,
            self.home_screen.show_failure,
        )

    def _open_import_dialog(self, checkers: list[StaffInfo]) -> None:
        from ui.screens.account_import import AccountImportDialog

        if self.user is None:
            return
        dialog = AccountImportDialog(
            self.core, tasks=self.tasks, inspector=self.user, checkers=checkers, parent=self
        )
        dialog.review_started.connect(self.show_inspection)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()

    def seal(self, inspection_id: str) -> None:
        from ui import operations

        self.signing.show_failure(None)
        operations.seal_record(
            store=self.core,
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
            store=self.core,
            tasks=self.tasks,
            record_id=record_id,
            folder=operations.choose_folder(self),
            on_success=self.sealed.show_paths,
            on_failure=self.sealed.show_failure,
        )

    def export_from_home(self, record_id: str) -> None:
        from ui import operations

        def done(paths: list[Path]) -> None:
            self.home_screen.show_message(
                self.tr("已导出：") + "  " + "；".join(str(p) for p in paths)
            )

        operations.export_record(
            store=self.core,
            tasks=self.tasks,
            record_id=record_id,
            folder=operations.choose_folder(self),
            on_success=done,
            on_failure=self.home_screen.show_failure,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # an edit in progress is committed first
        if "inspection" in self._screens:  # once it has been opened
            self.inspection.flush_drafts()  # and a draft still waiting for its delay
        self.tasks.shutdown()
        super().closeEvent(event)
