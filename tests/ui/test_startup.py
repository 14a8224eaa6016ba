"""Start-up: the main window paints before the core is imported, then attaches the store."""

import os
import subprocess
import sys

from ui.main_window import MainWindow

PROBE = r"""
import sys
from ui import app
code = app.main(["--exit-after-show"])
heavy = [m for m in ("sqlalchemy", "pydantic", "reportlab", "openpyxl", "pyhanko") if m in sys.modules]
print(code, ",".join(heavy) or "-")
"""


def test_first_paint_needs_no_database_or_record_libraries(home):
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BRANCHCHECK_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "-"]


def test_window_frame_then_attach(qtbot, people_store):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.opening
    assert "正在打开" in window.opening.text()
    window.attach(people_store)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login)  # its list is read
    assert window.stack.indexOf(window.opening) == -1
