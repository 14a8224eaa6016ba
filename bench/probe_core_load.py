"""The app started on a store, loading its core while the sign-in screen is up: one line,
`CODE TICKS WORST_GAP_S OFF_GUI ON_GUI` — the exit code, how often a 10 ms timer on the GUI thread
ran, the longest gap between its runs, how many core and library modules were imported off the GUI
thread and which were imported on it ("-": none). `--bare SECONDS`: the same timer in a bare Qt
app idling that long, the baseline for the gap (`CODE TICKS WORST_GAP_S`).

Read by tests/ui/test_app.py (the imports: a fact) and bench/bench_core.py (the gap: a figure)."""

import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ui import app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

HEAVY = {"sqlalchemy", "pydantic", "reportlab", "openpyxl", "pyhanko", "alembic", "cryptography"}
loading, on_gui, elsewhere = threading.Event(), set(), set()


class Watch:
    # Sees every import as it starts, on the thread that asks for it; finds nothing itself.
    @staticmethod
    def find_spec(name, path=None, target=None):
        top = name.partition(".")[0]
        if loading.is_set() and (top in HEAVY or name.startswith("branchcheck.")):
            if threading.current_thread() is threading.main_thread():
                on_gui.add(name)
            else:
                elsewhere.add(name)
        return None


sys.meta_path.insert(0, Watch)
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
        loading.set()
        timers.append(QTimer(interval=10, timeout=tick))
        timers[0].start()


MainWindow._sign_in_shown = sign_in_shown

attach = MainWindow.attach


def attached(self, store):
    loading.clear()
    attach(self, store)
    QTimer.singleShot(20, QApplication.quit)


MainWindow.attach = attached

if len(sys.argv) == 3 and sys.argv[1] == "--bare":
    bare = QApplication([])
    tick_timer = QTimer(interval=10, timeout=tick)
    tick_timer.start()
    QTimer.singleShot(int(float(sys.argv[2]) * 1000), bare.quit)
    print(bare.exec(), len(gaps), round(max(gaps), 3))
    sys.exit(0)
code = app.main([])
print(code, len(gaps), round(max(gaps), 3), len(elsewhere), ",".join(sorted(on_gui)) or "-")
