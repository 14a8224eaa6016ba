"""Core benchmarks, each against a baseline measured in the same run:
- window start-up: what a user waits for, `python -m ui --exit-after-ready` (the sign-in screen
  usable: its list of people painted), against a bare PySide6 window (goal ≤ 2×), and the main
  window's first paint (`--exit-after-show`); runs alternate with the bare window's and the ratio
  is the median of the pairs' ratios, so a machine that speeds up or slows down moves both;
- answer-to-committed latency: inspections.answer() p95 (goal ≤ 5 ms), against a bare SQLite
  INSERT + COMMIT with the same pragmas."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - t0


def _paired(cmd: list[str], base: list[str], env: dict[str, str], runs: int) -> tuple[float, ...]:
    """Median of cmd, median of base, median of cmd/base taken run by run (A B A B …)."""
    for warm_up in (cmd, base):  # not counted
        _wall(warm_up, env)
    pairs = [(_wall(cmd, env), _wall(base, env)) for _ in range(runs)]
    return (
        statistics.median(a for a, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(a / b for a, b in pairs),
    )


def bench_startup(runs: int = 9) -> dict:
    home = tempfile.mkdtemp(prefix="bc-bench-")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BRANCHCHECK_HOME": home}
    subprocess.run(
        [sys.executable, "-m", "branchcheck.cli", "demo", "--weeks", "2"],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    bare = [sys.executable, "-c", BARE]
    ready, bare_s, ratio = _paired(
        [sys.executable, "-m", "ui", "--exit-after-ready"], bare, env, runs
    )
    paint, _, paint_ratio = _paired(
        [sys.executable, "-m", "ui", "--exit-after-show"], bare, env, runs
    )
    probe = [sys.executable, str(ROOT / "bench" / "probe_core_load.py")]
    gaps, bare_gaps = [], []
    for _ in range(5):
        out = subprocess.run(probe, env=env, check=True, cwd=ROOT, capture_output=True, text=True)
        gaps.append(float(out.stdout.split()[2]))
        out = subprocess.run(
            [*probe, "--bare", "2"], env=env, check=True, cwd=ROOT, capture_output=True, text=True
        )
        bare_gaps.append(float(out.stdout.split()[2]))
    gap, bare_gap = statistics.median(gaps), statistics.median(bare_gaps)
    return {
        "bench": "window_startup",
        "sign_in_longest_wait_while_loading_s": round(gap, 3),
        "bare_qt_longest_wait_s": round(bare_gap, 3),
        "wait_goal": "longest wait <= bare + 0.1 s",
        "sign_in_ready_s": round(ready, 3),
        "bare_qt_s": round(bare_s, 3),
        "ready_ratio": round(ratio, 2),
        "goal": "ready_ratio <= 2",
        "first_paint_s": round(paint, 3),
        "first_paint_ratio": round(paint_ratio, 2),
    }


def bench_answer_latency(n: int = 400) -> dict:
    sys.path.insert(0, str(ROOT))
    from branchcheck import inspections
    from branchcheck.db import open_store
    from branchcheck.people import register as staff

    home = Path(tempfile.mkdtemp(prefix="bc-bench-"))
    store = open_store(home / "b.sqlite3")
    staff.add_branch(store, code="B1", name="基准网点")
    for no, roles in (("E1", ["branch_head"]), ("E3", ["vault_keeper"]), ("E4", ["teller"])):
        staff.add_staff(store, employee_no=no, name=no, roles=roles)
    iid = inspections.start(
        store,
        checklist="vault_check",
        inspector="E1",
        people={"vault_keeper": ["E3"], "tellers": ["E4"]},
    )
    keys = [i.key for i in inspections.load(store, iid).template.items() if i.type == "yes_no"]
    samples = []
    for k in range(n):
        t0 = time.perf_counter()
        inspections.answer(store, iid, keys[k % len(keys)], "yes" if k % 2 else "no")
        samples.append((time.perf_counter() - t0) * 1000)
    store.dispose()
    con = sqlite3.connect(home / "bare.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE a (k TEXT PRIMARY KEY, v TEXT)")
    bare = []
    for k in range(n):
        t0 = time.perf_counter()
        con.execute("BEGIN")
        con.execute("INSERT OR REPLACE INTO a VALUES (?, ?)", (keys[k % len(keys)], "yes"))
        con.execute("COMMIT")
        bare.append((time.perf_counter() - t0) * 1000)
    p95 = statistics.quantiles(samples, n=20)[18]
    bare95 = statistics.quantiles(bare, n=20)[18]
    return {
        "bench": "answer_to_committed",
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(p95, 2),
        "bare_sqlite_p95_ms": round(bare95, 2),
        "ratio_p95": round(p95 / bare95, 2),
        "goal": "p95 <= 5 ms",
    }


if __name__ == "__main__":
    for result in (bench_answer_latency(), bench_startup()):
        print(json.dumps(result, ensure_ascii=False))
