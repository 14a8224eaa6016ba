"""Soak: the crash harness of tests/branchcheck/test_crash_harness.py at any size.

Run: .venv/bin/python bench/soak_crash.py [--kills N] [--per-sequence K] [--seed S]
A child process works vault checks through the core (answers, the count grid, the teller table,
notes, signatures, completing, sealing, export) and acknowledges each committed operation; it is
SIGKILLed N times at random moments, on fresh copies of one prepared store (K kills each), and
after every kill the store is checked (tests/branchcheck/crash_harness.py): integrity, every
acknowledged write there with its value, a seal absent or complete, `audit verify`, resume.
Prints one JSON line: {"kills", "mid_operation", "while_opening", "between_operations", "landed"
(writes under way at the kill found in the store after all), "acknowledged",
"acknowledged_by_kind", "killed_during", "sealed_records", "lost", "s", "cpu_s", "seed"}; on a
loss it prints what was lost (with the seed that replays the run's choices) and exits 1."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _harness() -> Any:
    path = ROOT / "tests" / "branchcheck" / "crash_harness.py"
    spec = importlib.util.spec_from_file_location("branchcheck_tests_crash_harness", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--per-sequence", type=int, default=35)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    harness = _harness()
    sequences = max(1, -(-args.kills // args.per_sequence))
    with tempfile.TemporaryDirectory(prefix="soak_crash_") as tmp:
        try:
            counts = harness.soak(Path(tmp), kills=args.kills, sequences=sequences, seed=args.seed)
        except harness.HarnessError as exc:
            print(json.dumps({"lost": 1, "seed": args.seed, "error": str(exc)}, ensure_ascii=False))
            return 1
    print(json.dumps(counts.as_dict() | {"seed": args.seed}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
