"""Command speed, whole processes, each against a yardstick measured in the same run:
- every read-only command against `python -c "import sqlalchemy"` (goal ≤ 1.5×);
- `verify` of one signed PDF against `python -c "import pyhanko.sign.validation, reportlab.platypus,
  reportlab.pdfbase.ttfonts"` — the two libraries it needs: the signature and the pages laid out
  again (goal ≤ 2×: the record is laid out again, beyond the imports);
- `verify` of 100 PDFs in one call against 10 one-file calls (goal < 1×);
- `audit verify` (the chain, its signed anchors and every stored record file) against `verify` of
  the same files exported (goal ≤ 1.5×);
- `records list --json | head -1` ends quietly (nothing on stderr).

A and B run in turn (A B A B ...) and the ratio is taken pair by pair, so a machine that slows
down during the run moves both; figures are medians. Builds its own demo branch in a temp folder.

    .venv/bin/python bench/bench_cli.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "branchcheck.cli"]
IMPORT_SQLALCHEMY = [sys.executable, "-c", "import sqlalchemy"]
# verify checks the signature (pyHanko) and lays the sealed record's pages out again to compare
# them (reportlab): the yardstick imports both
IMPORT_PYHANKO = [
    sys.executable,
    "-c",
    "import pyhanko.sign.validation, reportlab.platypus, reportlab.pdfbase.ttfonts",
]
READ_ONLY = (
    ["records", "list", "--json"],
    ["findings", "list", "--json"],
    ["staff", "list", "--json"],
    ["checklists", "list"],
)


@dataclass
class Row:
    name: str
    seconds: float
    baseline: str
    baseline_seconds: float
    ratio: float
    goal: float
    strict: bool = False  # the ratio must be below the goal, not just at most

    @property
    def met(self) -> bool:
        return self.ratio < self.goal if self.strict else self.ratio <= self.goal

    @property
    def goal_text(self) -> str:
        return f"{'<' if self.strict else '≤'} {self.goal:g}×"


def _wall(commands: list[list[str]], env: dict[str, str]) -> float:
    """Seconds for the commands run one after another, each a whole process."""
    t0 = time.perf_counter()
    for cmd in commands:
        subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def paired(
    name: str,
    a: list[list[str]],
    baseline: str,
    b: list[list[str]],
    env: dict[str, str],
    runs: int,
    goal: float,
    strict: bool = False,
) -> Row:
    _wall(a, env), _wall(b, env)  # warm-up: file caches, bytecode
    pairs = [(_wall(a, env), _wall(b, env)) for _ in range(runs)]
    return Row(
        name,
        statistics.median(ta for ta, _ in pairs),
        baseline,
        statistics.median(tb for _, tb in pairs),
        statistics.median(ta / tb for ta, tb in pairs),
        goal,
        strict,
    )


def demo_branch(env: dict[str, str], home: Path) -> list[Path]:
    """A demo store in home and its newest records exported; returns the signed PDFs."""
    out = home / "out"
    subprocess.run(
        [*CLI, "demo", "--weeks", "1", "--out", str(out)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return sorted(out.glob("*.pdf"))


def closed_pipe_is_quiet(env: dict[str, str]) -> bool:
    """`records list --json | head -1` when head has gone before the first write: stdout is a
    real pipe whose read end is closed, so the write fails for certain, not by a race."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [*CLI, "records", "list", "--json"],
            env=env,
            cwd=ROOT,
            stdout=write_end,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(write_end)
    return proc.stderr == b""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="bc-bench-cli-"))
    env = os.environ | {
        "BRANCHCHECK_HOME": str(home),
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    }
    try:
        pdfs = demo_branch(env, home)
        hundred = home / "hundred"
        hundred.mkdir()
        for n in range(100):
            shutil.copy(pdfs[n % len(pdfs)], hundred / f"{n:03d}.pdf")
        many = [str(p) for p in sorted(hundred.glob("*.pdf"))]

        rows = [
            paired(
                " ".join(cmd),
                [[*CLI, *cmd]],
                "import sqlalchemy",
                [IMPORT_SQLALCHEMY],
                env,
                args.runs,
                1.5,
            )
            for cmd in READ_ONLY
        ]
        rows.append(
            paired(
                "verify 1 PDF",
                [[*CLI, "verify", many[0]]],
                "import pyhanko + reportlab",
                [IMPORT_PYHANKO],
                env,
                args.runs,
                # the pages are laid out again to be compared (the CJK font parsed ~0.1 s, the
                # layout ~0.16 s): a whole record rendered beyond the two imports
                2.0,
            )
        )
        exported = sorted((home / "out").glob("*.pdf")) + sorted((home / "out").glob("*.xlsx"))
        rows.append(
            paired(
                "audit verify",
                [[*CLI, "audit", "verify"]],
                f"verify the store's {len(exported)} record files",
                [[*CLI, "verify", *map(str, exported)]],
                env,
                max(3, args.runs // 2),
                1.5,
            )
        )
        rows.append(
            paired(
                "verify 100 PDFs, 1 call",
                [[*CLI, "verify", *many]],
                "10 one-file calls",
                [[*CLI, "verify", f] for f in many[:10]],
                env,
                max(3, args.runs // 2),
                1.0,
                strict=True,
            )
        )
        quiet = closed_pipe_is_quiet(env)
    finally:
        shutil.rmtree(home, ignore_errors=True)

    print(f"{'command':<28} {'s':>7}  {'baseline':<30} {'s':>7} {'ratio':>6}  goal")
    for r in rows:
        mark = "" if r.met else "  (missed)"
        print(
            f"{r.name:<28} {r.seconds:>7.3f}  {r.baseline:<30} {r.baseline_seconds:>7.3f}"
            f" {r.ratio:>6.2f}  {r.goal_text}{mark}"
        )
    print(f"records list --json | head -1: {'quiet' if quiet else 'NOT quiet (stderr output)'}")
    for r in rows:
        print(
            json.dumps(
                {
                    "bench": "cli",
                    "command": r.name,
                    "s": round(r.seconds, 3),
                    "baseline": r.baseline,
                    "baseline_s": round(r.baseline_seconds, 3),
                    "ratio": round(r.ratio, 2),
                    "goal": r.goal_text,
                },
                ensure_ascii=False,
            )
        )
    print(json.dumps({"bench": "cli", "command": "records list --json | head -1", "quiet": quiet}))
    return 0 if quiet and all(r.met for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
