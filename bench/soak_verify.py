"""Soak: the tamper fuzz of tests/branchcheck/records/verify/test_fuzz.py at any size.

Run: .venv/bin/python bench/soak_verify.py [--changes N] [--weeks W] [--seed S]
Makes a demo store of W weeks in a temporary folder, exports every sealed record (PDF and
workbook), verifies each untouched file, then makes N random single changes
(tests/branchcheck/records/verify/mutations.py) and verifies each changed file.
Prints one JSON line: {"untouched", "flagged", "changes", "caught", "missed", "by_kind", "s"};
exits 1 when an untouched file is flagged or a change is missed."""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _mutations() -> Any:
    path = ROOT / "tests" / "branchcheck" / "records" / "verify" / "mutations.py"
    spec = importlib.util.spec_from_file_location("branchcheck_tests_verify_mutations", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _demo_files(folder: Path, weeks: int) -> tuple[list[tuple[str, bytes]], list[Any]]:
    from branchcheck import inspections
    from branchcheck.db import open_store
    from branchcheck.demo import setup_demo
    from branchcheck.records import keys

    store = open_store(folder / "branchcheck.sqlite3")
    setup_demo(store, weeks=weeks)
    files = []
    for rec in inspections.list_records(store):
        if rec.status == "sealed":
            files += inspections.export(store, rec.id, folder / "out")
    roots = keys.trust_roots(store)
    store.dispose()
    return [(p.name, p.read_bytes()) for p in files], roots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--weeks", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from branchcheck.records.verify import verify_bytes_of

    mutations = _mutations()
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        import os

        os.environ["BRANCHCHECK_HOME"] = tmp
        files, roots = _demo_files(Path(tmp), args.weeks)
    flagged = [n for n, d in files if not verify_bytes_of(n, d, roots).ok]
    by_kind: dict[str, list[int]] = {}
    missed = []
    for i in range(args.changes):
        name, data = files[rng.randrange(len(files))]
        mutate = mutations.mutate_pdf if name.endswith(".pdf") else mutations.mutate_xlsx
        kind, changed = mutate(data, rng)
        r = verify_bytes_of(name, changed, roots)
        caught = not (r.ok or r.status == "untrusted")
        tally = by_kind.setdefault(f"{name.rsplit('.', 1)[-1]}:{kind}", [0, 0])
        tally[0 if caught else 1] += 1
        if not caught:
            missed.append({"file": name, "kind": kind, "i": i, "message": r.message})
    report = {
        "untouched": len(files),
        "flagged": len(flagged),
        "changes": args.changes,
        "caught": args.changes - len(missed),
        "missed": missed[:20],
        "by_kind": {k: {"caught": v[0], "missed": v[1]} for k, v in sorted(by_kind.items())},
        "s": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(report, ensure_ascii=False))
    return 0 if not flagged and not missed else 1


if __name__ == "__main__":
    sys.exit(main())
