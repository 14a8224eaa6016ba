"""Start-up: the main window paints before the core is imported; the sign-in screen is usable
before the store is loaded; then the store attaches."""

import os
import subprocess
import sys

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


LOAD_PROBE = r"""
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app
from ui.main_window import MainWindow

gaps, last, timers = [], [], []

def tick():
    now = time.perf_counter()
    if last:
        gaps.append(now - last[-1])
    last.append(now)

shown = MainWindow._sign_in_shown
def sign_in_shown(self):
    shown(self)
    if not timers:  # from here on the person types while the core loads
        timers.append(QTimer(interval=10, timeout=tick))
        timers[0].start()
MainWindow._sign_in_shown = sign_in_shown

attach = MainWindow.attach
def attached(self, store):
    attach(self, store)
    QTimer.singleShot(20, QApplication.quit)
MainWindow.attach = attached

code = app.main([])
print(code, len(gaps), round(max(gaps), 3))
"""


def test_sign_in_screen_stays_responsive_while_the_core_loads(people_store, home):
    """The store and the rest of the core load on the worker; the GUI thread keeps its timer."""
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BRANCHCHECK_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    code, ticks, worst = out.stdout.split()
    assert code == "0" and int(ticks) > 0
    assert float(worst) < 0.1, f"the sign-in screen stalled {worst} s while the core loaded"


def test_window_frame_then_attach(qtbot, people_store):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.opening
    assert "正在打开" in window.opening.text()
    window.attach(people_store)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login)  # its list is read
    assert window.stack.indexOf(window.opening) == -1
