"""Settlement-account review against python-calamine's own raw read of the same workbook.

Generates realistic exports once (about 5-15% of accounts flagged) and caches them under .bench/:
one whose dates are all Excel dates, and one as real core-system exports come, with a third of the
dates as text (`2026/11/22`, `2026年11月22日`). For each file, times, median of 3:
(a) CalamineWorkbook.from_path(p).get_sheet_by_index(0).to_python(),
(b) end to end: read + classify + write the review workbook. Goal: (b) / (a) <= 3 for each,
(a) measured in the same run as (b).

Memory (each in a fresh child process, peak RSS by resource.getrusage): reading the largest list
accepted (200,000 rows), the largest sparse grid accepted (A1 and AZ209999), and refusing a
million-row list. Goal: each within 1 GiB.

    .venv/bin/python bench/bench_accounts.py [--rows 100000] [--profile] [--memory-only]
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
from itertools import chain
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


def _as_text(day: date, rng: random.Random) -> str:
    return (
        day.strftime("%Y/%m/%d") if rng.random() < 0.5 else f"{day.year}年{day.month}月{day.day}日"
    )


def generate_rows(n: int, seed: int = 20261122, text_dates: float = 0.0):
    """Rows of a realistic export: most accounts normal, a few percent in each problem;
    `text_dates` of the date cells written as text, as some core systems export them."""
    rng = random.Random(seed)
    texts = random.Random(seed + 1)

    def cell(day: object) -> object:
        if isinstance(day, date) and texts.random() < text_dates:
            return _as_text(day, texts)
        return day

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
        host = _weighted(
            rng, [("正常", 0.97), ("只收不付", 0.01), ("不收不付", 0.01), ("久悬", 0.01)]
        )
        # the two systems mostly agree; a few accounts contradict (host/PBOC mismatch flags)
        if host == "久悬" and rng.random() < 0.9:
            pboc = "久悬"
        else:
            pboc = _weighted(rng, [("正常", 0.99), ("久悬", 0.005), ("已撤销", 0.005)])
        special = rng.choice(SPECIAL) if rng.random() < 0.01 else ""
        phone = f"1{rng.randrange(30, 99)}{customer:08d}" if rng.random() > 0.01 else "13800000000"
        address = f"江西省赣州市章贡区某路{customer}号"
        rep = f"法人{customer // 3 if rng.random() < 0.003 else customer + 10**6}"
        yield [
            f"36{i:017d}",
            f"赣州某某商贸有限公司{customer}",
            f"C{customer:010d}",
            rng.choice(KINDS),
            cell(opened),
            cell(last),
            round(rng.uniform(0, 2_000_000), 2),
            "是" if rng.random() < 0.01 else "否",
            cell(docs),
            licence,
            pboc,
            host,
            special,
            phone,
            address,
            rep,
        ]


def make_workbook(path: Path, rows: int, text_dates: float = 0.0) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("账户清单")
    ws.append(HEADERS)
    for row in generate_rows(rows, text_dates=text_dates):
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


# (name, share of date cells written as text)
FILES = (("accounts_review", 0.0), ("accounts_review_text_dates", 1 / 3))


def bench_file(src: Path, name: str, *, profile: bool) -> dict:
    """Raw read and end to end of one file, in this run; the JSON line's fields."""
    from python_calamine import CalamineWorkbook

    from branchcheck.accounts import review, write_review_xlsx

    out_dir = Path(tempfile.mkdtemp(prefix="bc-bench-accounts-"))
    out = out_dir / "review.xlsx"
    result: dict = {}

    def raw() -> None:
        CalamineWorkbook.from_path(str(src)).get_sheet_by_index(0).to_python()

    def end_to_end() -> None:
        rv = review(src, AS_OF)
        write_review_xlsx(rv, out)
        result["rv"] = rv

    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(end_to_end)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)

    raw_s = _median(raw)
    e2e_s = _median(end_to_end)
    rv = result["rv"]
    out.unlink(missing_ok=True)
    out_dir.rmdir()
    return {
        "bench": name,
        "rows": rv.rows,
        "flagged": rv.flagged,
        "flagged_share": round(rv.flagged / max(1, len(rv.accounts)), 3),
        "errors": len(rv.errors),
        "raw_read_s": round(raw_s, 3),
        "end_to_end_s": round(e2e_s, 3),
        "ratio": round(e2e_s / raw_s, 2),
        "goal": 3.0,
    }


MEMORY_GOAL_MIB = 1024
_SHEET_HEAD = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_PARTS = {
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}


def _xml_cell(value: object) -> bytes:
    from xml.sax.saxutils import escape

    if isinstance(value, int | float):
        return b"<c><v>%s</v></c>" % repr(value).encode()
    text = value.isoformat() if isinstance(value, date) else str(value)
    return b'<c t="inlineStr"><is><t>%s</t></is></c>' % escape(text).encode()


def write_raw_xlsx(path: Path, rows) -> None:
    """A workbook written straight as XML (seconds for a million rows; openpyxl takes minutes)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, body in _PARTS.items():
            z.writestr(name, body)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_SHEET_HEAD)
            for row in rows:
                sheet.write(b"<row>" + b"".join(map(_xml_cell, row)) + b"</row>")
            sheet.write(b"</sheetData></worksheet>")


# A child's ru_maxrss on Linux starts from its parent's size (it is kept across fork and exec):
# VmHWM, the peak of the process's own memory since exec, says what the read itself used.
_PEAK_KIB = (
    "def _peak_kib():\n"
    "    try:\n"
    "        with open('/proc/self/status') as f:\n"
    "            return next(int(l.split()[1]) for l in f if l.startswith('VmHWM:'))\n"
    "    except OSError:\n"
    "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
)


def _peak_mib(src: Path) -> tuple[float, str]:
    """Peak RSS of reading (and reviewing) `src` in a fresh process; what the read ended with."""
    import subprocess

    script = (
        "import resource, sys\n" + _PEAK_KIB + f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from datetime import date\n"
        "from branchcheck.accounts import review\n"
        "from branchcheck.errors import InputFileError\n"
        "try:\n"
        f"    outcome = str(review({str(src)!r}, date(2026, 11, 22)).rows) + ' rows read'\n"
        "except InputFileError as exc:\n"
        "    outcome = 'refused: ' + exc.message.split(' / ')[-1]\n"
        "print(_peak_kib())\n"
        "print(outcome)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    peak_kib, outcome = done.stdout.strip().split("\n", 1)
    return int(peak_kib) / 1024, outcome


def bench_memory(cache: Path) -> list[dict]:
    from branchcheck.accounts import limits

    cases = {
        "largest_list": lambda: chain([HEADERS], generate_rows(limits.MAX_ROWS)),
        "sparse_grid": lambda: iter(()),
        "million_rows": lambda: chain([HEADERS], generate_rows(1_000_000)),
    }
    lines = []
    for name, rows in cases.items():
        src = cache / f"memory_{name}.xlsx"
        if not src.exists():
            if name == "sparse_grid":
                _write_sparse(src, limits.MAX_ROW_NUMBER)
            else:
                write_raw_xlsx(src, rows())
        peak, outcome = _peak_mib(src)
        lines.append(
            {
                "bench": f"accounts_memory_{name}",
                "peak_rss_mib": round(peak),
                "outcome": outcome,
                "goal_mib": MEMORY_GOAL_MIB,
            }
        )
    return lines


def _write_sparse(path: Path, last_row: int) -> None:
    """Two cells as far apart as the limits allow: the largest grid calamine is let allocate."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in _PARTS.items():
            z.writestr(name, body)
        header = b"".join(_xml_cell(h) for h in HEADERS)
        far = b'<c r="AZ%d" t="inlineStr"><is><t>x</t></is></c>' % last_row
        z.writestr(
            "xl/worksheets/sheet1.xml",
            _SHEET_HEAD
            + b'<row r="1">'
            + header
            + b'</row><row r="%d">' % last_row
            + far
            + b"</row></sheetData></worksheet>",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="cProfile one end-to-end run")
    parser.add_argument("--only", choices=[n for n, _ in FILES], help="one file only")
    parser.add_argument("--memory-only", action="store_true", help="the memory figures only")
    args = parser.parse_args(argv)

    cache = ROOT / ".bench"
    cache.mkdir(exist_ok=True)
    ok = True
    for line in bench_memory(cache):
        print(json.dumps(line, ensure_ascii=False), flush=True)
        ok = ok and line["peak_rss_mib"] <= line["goal_mib"]
    for name, text_dates in FILES:
        if args.memory_only:
            break
        if args.only and name != args.only:
            continue
        suffix = "" if not text_dates else "_text_dates"
        src = cache / f"accounts_{args.rows}{suffix}.xlsx"
        if not src.exists():
            t0 = time.perf_counter()
            make_workbook(src, args.rows, text_dates)
            print(f"generated {src.name} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        line = bench_file(src, name, profile=args.profile)
        print(json.dumps(line), flush=True)
        ok = ok and line["ratio"] <= line["goal"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
