"""Start the desktop application: `branchcheck-gui` or `python -m ui`.

Start-up is what a user waits for: the sign-in screen, usable. It needs Qt and the standard
library's sqlite3 only (`branchcheck.people.signin`); SQLAlchemy, the store and the rest of the core
load on the worker thread once it has painted, while the person types. reportlab, openpyxl, pyHanko
and the key code are imported by the core only when a record is sealed or exported."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

FONT_FAMILY_FALLBACK = "WenQuanYi Micro Hei"
PREFERRED = QSize(1280, 800)  # the window's size where the screen has room for it
FRAME = QSize(16, 48)  # room for the window manager's frame and title bar, before it is shown


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="branchcheck-gui", description="BranchCheck 网点自查")
    parser.add_argument("--home", type=Path, help="data folder (sets BRANCHCHECK_HOME)")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=None, help="UI language (default zh)"
    )
    parser.add_argument(
        "--head-office",
        metavar="DB",
        help="open head office's window on its store: a file path or a URL "
        "(sqlite:///PATH, postgresql+psycopg://…) instead of the branch's sign-in",
    )
    parser.add_argument(
        "--exit-after-show",
        action="store_true",
        help="quit as soon as the main window has painted (start-up benchmark)",
    )
    parser.add_argument(
        "--exit-after-ready",
        action="store_true",
        help="quit once the sign-in screen is usable: its list of people painted (the rest of "
        "the core would load from here on, while the person types)",
    )
    return parser.parse_args(argv)


def install_font(app: QApplication) -> None:
    """Use the shipped CJK font, so Chinese never depends on the machine's fonts."""
    from branchcheck.paths import font_path
    from ui import i18n

    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    i18n.CJK_FAMILY = families[0] if families else FONT_FAMILY_FALLBACK
    font = QFont(i18n.CJK_FAMILY)
    font.setPointSize(11)
    app.setFont(font)
    i18n.apply_font()


def fit_to_screen(window: QWidget, preferred: QSize = PREFERRED) -> None:
    """Size the window for the screen it opens on: the preferred size, centred, where it fits
    with its frame in the screen's available area (without task bars); else maximised, so the
    status bar never falls below the screen's edge (1280×800 on a 1366×768 screen did)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(preferred)
        return
    room = screen.availableGeometry()
    if preferred.width() + FRAME.width() <= room.width() and (
        preferred.height() + FRAME.height() <= room.height()
    ):
        window.resize(preferred)
        window.move(
            room.x() + (room.width() - preferred.width() - FRAME.width()) // 2,
            room.y() + (room.height() - preferred.height() - FRAME.height()) // 2,
        )
        return
    window.resize(room.size() - FRAME)  # the size it keeps when un-maximised
    window.move(room.topLeft())
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName("BranchCheck")
    app.setOrganizationName("BranchCheck")
    install_font(app)
    from ui.style import STYLE_SHEET

    app.setStyleSheet(STYLE_SHEET)
    return app


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.home:
        os.environ["BRANCHCHECK_HOME"] = str(args.home.expanduser().resolve())
    app = create_app()

    from branchcheck.errors import BranchCheckError
    from branchcheck.paths import data_home, database_path
    from branchcheck.settings import load_settings
    from ui import i18n
    from ui.main_window import MainWindow

    try:
        home = data_home()
        settings = load_settings(home)
    except BranchCheckError as exc:
        print(f"branchcheck-gui: {exc}", file=sys.stderr)
        return 2
    i18n.set_language(args.lang or i18n.remembered_language(home) or settings.language or "zh")
    if args.head_office:
        return head_office(app, args, home)
    window = MainWindow(settings=settings, home=home, database=database_path(home))
    fit_to_screen(window)
    window.show()
    if args.exit_after_show:
        QTimer.singleShot(0, app.quit)  # after the first paint of the main window
    else:
        login = window.show_sign_in()

        def ready() -> None:
            if args.exit_after_ready:
                QTimer.singleShot(0, app.quit)  # after the sign-in screen has painted
            else:
                window.load_core()  # a store that cannot be opened: the opening page says why

        login.people_shown.connect(ready, Qt.ConnectionType.SingleShotConnection)
        # What is loaded by then lives as long as the app: keep it out of the collector, so a full
        # collection (which holds the interpreter lock, on any thread) stays short.
        window.core_attached.connect(gc.freeze)
    code = app.exec()
    window.tasks.shutdown()
    if window.lazy is not None:
        window.lazy.dispose()
    return code


def head_office(app: QApplication, args: argparse.Namespace, home: Path) -> int:
    """The head-office window on the store `args.head_office` (opened on its worker); the
    language chosen in it is remembered for the data folder `home`, as the branch window's."""
    from ui.screens.headoffice import HeadOfficeWindow

    window = HeadOfficeWindow(args.head_office, home=home)
    fit_to_screen(window)
    window.show()
    if args.exit_after_show or args.exit_after_ready:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    window.tasks.shutdown()
    window.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
