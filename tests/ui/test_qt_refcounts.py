"""PySide6 6.12.0 drops one reference to None on every static QApplication.processEvents() and on
many void-returning calls; on Python 3.11 (None not yet immortal) a long session then dies with
"none_dealloc: deallocating None". pyproject.toml keeps PySide6 below 6.12; this test finds such a
leak in whatever PySide6 is installed before a branch head meets it at the window. The probe runs
in its own process, since the leak can kill the interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 2000
PROBE = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for i in range({CALLS}):
    QApplication.processEvents()
    label.setText(str(i))
    QTimer.singleShot(0, label.clear)
QApplication.processEvents()
print(before - sys.getrefcount(None))
"""


def test_qt_calls_keep_their_references_to_none():
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, f"the Qt probe died: {proc.stderr[-500:]}"
    lost = int(proc.stdout.strip().splitlines()[-1])
    assert lost < CALLS // 10, f"{lost} references to None lost over {CALLS} rounds of Qt calls"
