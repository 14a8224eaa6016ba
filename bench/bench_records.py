"""Bench: rendering + signing a 60-item record PDF against rendering the same PDF unsigned.

Run: .venv/bin/python bench/bench_records.py [--runs N]
Prints one JSON line: {"pdf_render_sign_s", "baseline_s", "ratio", "goal": 4.0, ...}.
The baseline is render_pdf(cred=None): the same platypus content and embedded files, no
signature. Figures are medians of N runs after one warm-up (imports, font registration)."""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _sample() -> Any:
    spec = importlib.util.spec_from_file_location(
        "branchcheck_tests_records_sample", ROOT / "tests" / "branchcheck" / "records" / "sample.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _median(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--items", type=int, default=60)
    args = parser.parse_args()
    runs = max(5, args.runs)

    from branchcheck.records import render_pdf, render_xlsx, sealing, verify_file  # noqa: F401

    sample = _sample()
    pki = sample.DemoPKI()
    doc = sample.build_doc(n_items=args.items)
    seal = sealing.seal_document(doc, pki.cred)

    render_pdf(doc, seal, pki.cred)  # warm-up: imports, font registration
    render_pdf(doc, seal, None)
    signed = _median(lambda: render_pdf(doc, seal, pki.cred), runs)
    baseline = _median(lambda: render_pdf(doc, seal, None), runs)
    xlsx = _median(lambda: render_xlsx(doc, seal, pki.cred), runs)

    from branchcheck.records.verify import verify_bytes_of

    pdf = render_pdf(doc, seal, pki.cred)
    verify = _median(lambda: verify_bytes_of("b.pdf", pdf, [pki.ca_cert]), runs)
    print(
        json.dumps(
            {
                "items": args.items,
                "runs": runs,
                "pdf_render_sign_s": round(signed, 4),
                "baseline_s": round(baseline, 4),
                "ratio": round(signed / baseline, 2),
                "goal": 4.0,
                "xlsx_render_sign_s": round(xlsx, 4),
                "pdf_verify_s": round(verify, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
