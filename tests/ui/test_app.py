"""Start-up: the main window paints before the core is imported; the sign-in screen is usable
before the store is loaded; then the store attaches."""

import os
import subprocess
import sys
from pathlib import Path

from ui.main_window import MainWindow

PROBE = r"""
import sys
from ui import app
code = app.main([sys.argv[1]])
heavy = [m for m in ("sqlalchemy", "pydantic", "reportlab", "openpyxl", "pyhanko") if m in sys.modules]
print(code, ",".join(heavy) or "-")
"""


def probe(home, flag: str) -> list[str]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BRANCHCHECK_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, flag], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_first_paint_needs_no_database_or_record_libraries(home):
    assert probe(home, "--exit-after-show") == ["0", "-"]


def test_sign_in_screen_is_usable_before_the_store_is_loaded(people_store, home):
    """On a current store the sign-in list is read with sqlite3 alone: no ORM, no pydantic."""
    assert probe(home, "--exit-after-ready") == ["0", "-"]


LOAD_PROBE = Path(__file__).resolve().parents[2] / "bench" / "probe_core_load.py"


def load_probe(home) -> tuple[int, int, float, int, str]:
    """Start the app on a store and let it load the core: its exit code, the timer's ticks, the
    longest gap between them (a speed figure: `make bench` reports it), how many core and library
    modules were imported off the GUI thread, and those imported on it."""
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BRANCHCHECK_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, str(LOAD_PROBE)], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    code, ticks, worst, elsewhere, on_gui = out.stdout.split()
    return int(code), int(ticks), float(worst), int(elsewhere), on_gui


def test_sign_in_screen_stays_responsive_while_the_core_loads(people_store, home):
    """The store and the rest of the core load on the worker while the sign-in screen is up: not
    one core or library module is imported on the GUI thread meanwhile, and its timer keeps
    ticking. (How long the longest gap is, is measured by `make bench`, not judged here.)"""
    code, ticks, _worst, elsewhere, on_gui = load_probe(home)
    assert code == 0 and ticks > 0
    assert elsewhere > 20  # the core really was loaded in this window, on the worker
    assert on_gui == "-", f"imported on the GUI thread while the core loaded: {on_gui}"


def test_window_frame_then_attach(qtbot, people_store):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.opening
    assert "正在打开" in window.opening.text()
    window.attach(people_store)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login)  # its list is read
    assert window.stack.indexOf(window.opening) == -1


def test_the_window_fits_the_screen_it_opens_on(qtbot, people_store):
    from PySide6.QtCore import QRect, QSize

    from ui.app import FRAME, PREFERRED, fit_to_screen

    window = MainWindow(people_store)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    fits = QSize(room.width() - 40, room.height() - 100)  # room for it and its frame
    fit_to_screen(window, preferred=fits)
    assert not window.isMaximized() and window.size() == fits
    assert room.contains(QRect(window.pos(), window.size() + FRAME))
    fit_to_screen(window, preferred=room.size())  # 1280×800 on a 1366×768 screen: no room
    assert window.isMaximized()
    assert window.size().width() <= room.width() and window.size().height() <= room.height()
    assert PREFERRED == QSize(1280, 800)


def _scrolls(widget, root) -> bool:
    """Inside a scroll area below `root`: a part out of view is scrolled to, not cut."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped_buttons(root) -> list[str]:
    """The visible buttons under `root` whose text does not fit: narrower or lower than their
    text needs, or partly outside the window (a row wider than the window's room)."""
    from PySide6.QtWidgets import QAbstractButton, QScrollBar

    out = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or isinstance(button.parent(), QScrollBar):
            continue
        need, seen = button.sizeHint(), button.visibleRegion().boundingRect()
        small = button.width() < need.width() or button.height() < need.height() - 2
        outside = not _scrolls(button, root) and seen.size() != button.size()
        if small or outside:
            out.append(
                f"{type(button).__name__} {button.text() or button.accessibleName()!r}: "
                f"{button.width()}×{button.height()} (seen {seen.width()}×{seen.height()}), "
                f"needs {need.width()}×{need.height()}"
            )
    return out


def test_a_cut_button_is_found(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    root.setMinimumSize(10, 10)  # as the main window: it may be smaller than its content
    row = QHBoxLayout(root)
    row.addWidget(QPushButton("OK", root))
    row.addWidget(QPushButton("Findings & rectification", root))
    root.resize(600, 60)
    root.show()
    qtbot.wait(10)
    assert clipped_buttons(root) == []
    root.resize(140, 60)
    qtbot.wait(10)
    names = [c.split(":")[0] for c in clipped_buttons(root)]
    assert "QPushButton 'Findings & rectification'" in names


def test_no_button_text_is_cut_at_1024x600(qtbot, demo, home):
    from branchcheck import inspections
    from ui import i18n
    from ui.tasks import SyncTaskRunner

    window = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    login = window.login
    assert login is not None
    sealed = inspections.list_records(demo, status="sealed")
    open_id = inspections.correct(demo, sealed[0].id, actor="E001")
    done_id = inspections.correct(demo, sealed[1].id, actor="E001")
    inspections.complete(demo, done_id)
    cut: dict[str, list[str]] = {}

    def look(where: str) -> None:
        qtbot.wait(10)  # the layouts settle
        assert window.size().width() == 1024
        found = clipped_buttons(window)
        if found:
            cut[where] = found

    for lang in ("zh", "en"):
        i18n.set_language(lang)
        try:
            look(f"{lang} sign-in")
            login.select("E001")
            login.password.setText("demo1234")
            login.button.click()
            window.show_home()
            for tab in (0, 1):
                window.home_screen.tabs.setCurrentIndex(tab)
                look(f"{lang} home tab {tab}")
            window.show_inspection(open_id)
            look(f"{lang} inspection")
            window.show_review(done_id)
            look(f"{lang} result")
            window.show_signing(done_id)
            look(f"{lang} signing")
            window.resume(sealed[2].id)
            look(f"{lang} sealed")
            window.show_findings()
            look(f"{lang} findings")
            window.sign_out()
        finally:
            i18n.set_language("zh")
    assert not cut, "buttons cut at 1024×600:\n" + "\n".join(
        f"  {where}: " + "; ".join(found) for where, found in cut.items()
    )


def test_the_window_opens_in_the_language_last_chosen(home):
    from ui import i18n

    i18n.remember_language(home, "en")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BRANCHCHECK_HOME": str(home)}
    probe = "from ui import app, i18n\nprint(app.main(['--exit-after-show']), i18n.lang())"
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "en"]
