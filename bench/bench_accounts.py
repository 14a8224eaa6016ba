"""Settlement-account review against python-calamine's own raw read of the same workbook.

Generates a realistic export once (about 5-15% of accounts flagged) and caches it under .bench/;
then times, median of 3: (a) CalamineWorkbook.from_path(p).get_sheet_by_index(0).to_python(),
(b) end to end: read + classify + write the review workbook. Goal: (b) / (a) <= 3.

    .venv/bin/python bench/bench_accounts.py [--rows 100000] [--profile]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 11, 22)
HEADERS = [
    "账号", "户名", "客户号", "账户性质", "开户日期", "最后动户日期", "余额", "是否欠款",
    "证明文件有效期至", "营业执照状态", "人行账户状态", "行内账户状态", "特殊长期不动户类别",
    "预留手机号", "注册地址", "法定代表人",
]  # fmt: skip
SPECIAL = [
    "贷款专户",
    "余额超过5万元",
    "证券保证金账户",
    "优质或有潜力客户",
    "武警军队账户",
    "其他特殊用途",
]
KINDS = ["基本存款账户", "一般存款账户", "一般存款账户", "专用存款账户", "临时存款账户"]


def _weighted(rng: random.Random, choices: list[tuple[object, float]]) -> object:
    x = rng.random()
    for value, p in choices:
        x -= p
        if x < 0:
            return value
    return choices[-1][0]


def generate_rows(n: int, seed: int = 20261122):
    """Rows of a realistic export: most accounts normal, a few percent in each problem."""
    rng = random.Random(seed)
    customer = 0
    for i in range(n):
        if i == 0 or rng.random() > 0.1:  # one customer in ten has a second account
            customer += 1
        opened = date(2005, 1, 1) + timedelta(days=rng.randrange(0, 7900))
        r = rng.random()
        if r < 0.02:
            last = ""  # never active
        elif r < 0.07:
            last = AS_OF - timedelta(days=rng.randrange(366, 2500))
        else:
            last = AS_OF - timedelta(days=rng.randrange(0, 300))
        if last != "" and last < opened:
            opened = last
        r = rng.random()
        if r < 0.2:
            docs = "长期"
        elif r < 0.23:
            docs = AS_OF - timedelta(days=rng.randrange(1, 400))
        else:
            docs = AS_OF + timedelta(days=rng.randrange(0, 3000))
        licence = _weighted(rng, [("存续", 0.99), ("注销", 0.006), ("吊销", 0.004)])
        pboc = _weighted(rng, [("正常", 0.985), ("久悬", 0.01), ("已撤销", 0.005)])
        host = _weighted(
            rng, [("正常", 0.97), ("只收不付", 0.01), ("不收不付", 0.01), ("久悬", 0.01)]
        )
        special = rng.choice(SPECIAL) if rng.random() < 0.01 else ""
        phone = f"1{rng.randrange(30, 99)}{customer:08d}" if rng.random() > 0.01 else "13800000000"
        address = f"江西省赣州市章贡区某路{customer}号"
        rep = f"法人{customer // 3 if rng.random() < 0.003 else customer + 10**6}"
        yield [
            f"36{i:017d}",
            f"赣州某某商贸有限公司{customer}",
            f"C{customer:010d}",
            rng.choice(KINDS),
            opened,
            last,
            round(rng.uniform(0, 2_000_000), 2),
            "是" if rng.random() < 0.01 else "否",
            docs,
            licence,
            pboc,
            host,
            special,
            phone,
            address,
            rep,
        ]


def make_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("账户清单")
    ws.append(HEADERS)
    for row in generate_rows(rows):
        ws.append(row)
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    tmp.replace(path)


def _median(fn, runs: int = 3) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="cProfile one end-to-end run")
    args = parser.parse_args(argv)

    from python_calamine import CalamineWorkbook

    from branchcheck.accounts import review, write_review_xlsx

    cache = ROOT / ".bench"
    cache.mkdir(exist_ok=True)
    src = cache / f"accounts_{args.rows}.xlsx"
    if not src.exists():
        t0 = time.perf_counter()
        make_workbook(src, args.rows)
        print(f"generated {src.name} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    out_dir = Path(tempfile.mkdtemp(prefix="bc-bench-accounts-"))
    out = out_dir / "review.xlsx"
    result: dict = {}

    def raw() -> None:
        CalamineWorkbook.from_path(str(src)).get_sheet_by_index(0).to_python()

    def end_to_end() -> None:
        rv = review(src, AS_OF)
        write_review_xlsx(rv, out)
        result["rv"] = rv

    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(end_to_end)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)

    raw_s = _median(raw)
    e2e_s = _median(end_to_end)
    rv = result["rv"]
    ratio = e2e_s / raw_s
    print(
        json.dumps(
            {
                "bench": "accounts_review",
                "rows": rv.rows,
                "flagged": rv.flagged,
                "flagged_share": round(rv.flagged / max(1, len(rv.accounts)), 3),
                "raw_read_s": round(raw_s, 3),
                "end_to_end_s": round(e2e_s, 3),
                "ratio": round(ratio, 2),
                "goal": 3.0,
            }
        )
    )
    out.unlink(missing_ok=True)
    out_dir.rmdir()
    return 0 if ratio <= 3.0 else 1


if __name__ == "__main__":
    sys.exit(main())
