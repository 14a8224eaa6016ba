"""Bench: the home page's desk on five years of weekly vault checks, against the same aggregate
queries run as raw SQL through sqlite3 on the same store.

Run: .venv/bin/python bench/bench_dashboard.py [--runs N] [--years Y]
Prints JSON lines: {"bench": "dashboard_desk", "desk_ms", "raw_sql_ms", "ratio", ...} and
{"bench": "dashboard_window", "desk_shown_ms", ...}.

The store is built once and cached under .bench/: a one-week demo branch (staff, keys, one real
sealed vault check with its findings), then Core bulk inserts copying that sealed record's row and
its findings' rows, one check a week back over `years` years, each with 0–3 findings (most closed,
some late, some repeats). The copies hold no answers, signatures or files: the desk never reads
them. The window figure is honest wall time offscreen: the home screen's refresh on the real
worker thread (records list and desk) until the desk is shown, event loop included."""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = ROOT / ".bench"
AS_OF = date(2026, 12, 2)


def _median(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _copies(sample: dict, found: list[dict], years: int) -> tuple[list[dict], list[dict]]:
    """One sealed check a week for `years` years before AS_OF, and its findings."""
    rng = random.Random(5)
    checks, made = [], []
    for week in range(1, years * 52 + 1):
        day = AS_OF - timedelta(weeks=week)
        iid = str(uuid.uuid4())
        stamp = f"{day.isoformat()}T16:30:00+08:00"
        checks.append(
            sample
            | {"id": iid, "local_date": day.isoformat(), "started_at": stamp, "completed_at": stamp}
        )
        for f in rng.sample(found, k=min(len(found), rng.choice((0, 0, 0, 1, 1, 2, 3)))):
            due = day + timedelta(days=14)
            row = f | {
                "id": str(uuid.uuid4()),
                "inspection_id": iid,
                "created_at": stamp,
                "due_date": due.isoformat(),
                "repeat": rng.random() < 0.2,
            }
            if week > 6 and rng.random() < 0.9:  # rectified: on time mostly, late sometimes
                done = due + timedelta(days=rng.choice((-10, -5, -2, 0, 3, 9)))
                row |= {"state": "closed", "rectified_on": done.isoformat()}
                row |= {"recheck_date": done.isoformat(), "closed_on": done.isoformat()}
            else:
                row |= {"state": rng.choice(("open", "rectifying", "verified"))}
            made.append(row)
    return checks, made


def build(years: int) -> Path:
    path = CACHE / f"dashboard_{years}y.sqlite3"
    if path.exists():
        return path
    from branchcheck.db import open_store
    from branchcheck.db.read import rows
    from branchcheck.demo import setup_demo

    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = open_store(partial)
    setup_demo(store, weeks=1, today=AS_OF)
    with store.read() as conn:
        sample = rows(
            conn,
            "SELECT i.* FROM inspection i JOIN template_version tv ON tv.id = i.template_id"
            " WHERE tv.key = 'vault_check' AND i.status = 'sealed' ORDER BY i.local_date LIMIT 1",
        )[0]
        # every finding of the demo as a shape (about ten), as if found by the vault check
        found = [
            r | {"checklist_key": "vault_check"}
            for r in rows(conn, "SELECT * FROM finding WHERE inspection_id IS NOT NULL")
        ]
    checks, made = _copies(sample, found, years)
    store.dispose()
    con = sqlite3.connect(partial)  # the stored values as read, written back as they are
    with con:
        for table, copies in (("inspection", checks), ("finding", made)):
            names = list(copies[0])
            con.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                f"({', '.join(':' + n for n in names)})",
                copies,
            )
    con.close()
    partial.rename(path)
    return path


def bench_desk(path: Path, runs: int) -> dict:
    from branchcheck import dashboard
    from branchcheck.db import open_store

    store = open_store(path)
    desk = dashboard.desk(store, AS_OF, obligations=(), score=None)  # warm-up
    desk_s = _median(lambda: dashboard.desk(store, AS_OF, obligations=(), score=None), runs)
    months = dashboard.last_months(AS_OF)
    params = {"as_of": AS_OF.isoformat(), "first": months[0], "last": months[-1]}
    con = sqlite3.connect(path)

    def raw() -> None:
        con.execute("BEGIN")
        for sql in dashboard.QUERIES:
            con.execute(sql, params).fetchall()
        con.execute("COMMIT")

    raw()
    raw_s = _median(raw, runs)
    # the desk as the window opens it: closed windows swept, the schedule's obligations of twelve
    # months, the year's index with its monthly figures, the rotation reminders (no baseline: the
    # figure a person waits for, on the worker thread, while the desk says 正在读取工作台…)
    dashboard.load(store, AS_OF)  # the first call makes the findings of the misses
    load_s = _median(lambda: dashboard.load(store, AS_OF), max(3, runs // 3))
    with store.read() as conn:
        from branchcheck.db.read import rows

        counts = rows(
            conn,
            "SELECT (SELECT count(*) FROM inspection) AS records, "
            "(SELECT count(*) FROM finding) AS findings",
        )[0]
    store.dispose()
    con.close()
    return {
        "bench": "dashboard_desk",
        "records": counts["records"],
        "findings": counts["findings"],
        "open_findings": desk.open_findings.value,
        "runs": runs,
        "desk_ms": round(desk_s * 1000, 2),
        "raw_sql_ms": round(raw_s * 1000, 2),
        "ratio": round(desk_s / raw_s, 2),
        "load_ms": round(load_s * 1000, 1),
    }


WINDOW = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop
from ui.app import create_app
app = create_app()
from branchcheck.db import open_store
from ui.main_window import load_desk
from ui.screens.home import HomeScreen
from ui.tasks import TaskManager
store = open_store(Path(sys.argv[1]))
tasks = TaskManager()
loop = QEventLoop()
times = []
for _ in range(int(sys.argv[2])):
    home = HomeScreen(store, tasks=tasks, load_desk=load_desk)
    home.resize(1280, 760)
    home.show()
    shown = []
    t0 = time.perf_counter()
    home.refresh(then=lambda: shown.append(time.perf_counter()))
    while not shown:
        loop.processEvents()
        time.sleep(0.001)
    loop.processEvents()  # the desk painted
    home.repaint()
    times.append(time.perf_counter() - t0)
    home.close()
    home.deleteLater()
tasks.shutdown()
store.dispose()
times.sort()
print(times[len(times) // 2])
"""


def bench_window(path: Path, runs: int) -> dict:
    import os

    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", WINDOW, str(path), str(runs)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = float(out.stdout.strip().splitlines()[-1])
    return {
        "bench": "dashboard_window",
        "desk_shown_ms": round(seconds * 1000, 1),
        "what": "home screen refresh on the worker thread until the desk is shown and painted",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    t0 = time.perf_counter()
    path = build(args.years)
    built = time.perf_counter() - t0
    result = bench_desk(path, max(5, args.runs))
    result["store_ready_s"] = round(built, 2)
    print(json.dumps(result, ensure_ascii=False))
    print(json.dumps(bench_window(path, max(3, args.runs // 3)), ensure_ascii=False))


if __name__ == "__main__":
    main()
