"""Head office at scale: ingest N record PDFs and workbooks with full verification, on SQLite and
on PostgreSQL, then the consolidated report over them.

The corpus is made from the demo: every sealed demo record's document is sealed again under a
new record ID (and one of BRANCHES branch codes) with its inspector's own key, laid out as a PDF
and a workbook, and the workbook signed (detached CMS), exactly as sealing makes them; packages
of PER_PACKAGE records carry the demo's obligations and each copy's findings, with a manifest
signed by the demo's branch head. Made once (both cores) and kept in bench/.cache/headoffice/.

Measured, each a whole command (`branchcheck headoffice ingest … --workers 2`, `… report`):
- ingest: seconds, records per second, peak memory (the largest process and the whole process
  tree, sampled from /proc); goal ≤ 60 s for 10,000 records.
- memory flat in the number of records: the peak of ingesting all N against ingesting N/10
  (goal ≤ 1.25×) and ≤ 500 MB for the tree.
- against a yardstick of the same run: `branchcheck verify` of one package's files in one
  process, per record; ingest per record / verify per record (goal ≤ 0.75×: verification over
  both cores, storing costs little beside it).
- the report over the N records: seconds (goal ≤ 10 s).

    .venv/bin/python bench/bench_headoffice.py [--records 10000] [--db sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLI = [sys.executable, "-m", "branchcheck.cli"]
CACHE = ROOT / "bench" / ".cache" / "headoffice"
CORPUS_VERSION = 2
PER_PACKAGE = 100
BRANCHES = 20
PASSWORD = "demo1234"
HO_PASSWORD = "ho-bench"


@dataclass(frozen=True)
class Source:
    """One demo record to copy: its document, its inspector and its findings' facts."""

    doc: dict[str, Any]
    inspector: str
    findings: tuple[dict[str, Any], ...]


def _canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def demo_template(work: Path) -> dict[str, Any]:
    """A demo branch made in `work`; its sealed records, a real package of its whole period (for
    the obligations and the findings' facts as packing writes them) and its CA."""
    from sqlalchemy import select

    from branchcheck.db import open_store
    from branchcheck.db.models import SealedRecord
    from branchcheck.records import keys
    from branchcheck.upload.package import make_package

    home = work / "demo"
    if not (home / "branchcheck.sqlite3").is_file():  # kept with the corpus: the same CA and keys
        env = os.environ | {"BRANCHCHECK_HOME": str(home)}
        subprocess.run([*CLI, "demo"], env=env, cwd=ROOT, check=True, capture_output=True)
    store = open_store(home / "branchcheck.sqlite3")
    with store.session() as s:
        rows = [(json.loads(r.document), r.seal) for r in s.scalars(select(SealedRecord)).all()]
    days = sorted(d["local_date"] for d, _ in rows)
    from datetime import date

    package = make_package(
        store,
        first=date.fromisoformat(days[0]),
        last=date.fromisoformat(days[-1]),
        out=work / "template",
        actor="E001",
        key_password=PASSWORD,
    )
    keys.export_ca(store, work / "branch-ca.pem")
    store.dispose()
    manifest = json.loads((package.folder / "manifest.json").read_bytes())
    by_record: dict[str, list[dict[str, Any]]] = {}
    for f in manifest["findings"]:
        by_record.setdefault(f["record_id"] or "", []).append(f)
    sources = [
        Source(doc, seal["signer"]["employee_no"], tuple(by_record.get(doc["record_id"], ())))
        for doc, seal in rows
    ]
    return {
        "home": str(home),
        "sources": sources,
        "obligations": (package.folder / "obligations.json").read_bytes(),
        "period": manifest["period"],
    }


_state: dict[str, Any] = {}


def _init(template: dict[str, Any]) -> None:
    from branchcheck.db import open_store
    from branchcheck.records import keys

    store = open_store(Path(template["home"]) / "branchcheck.sqlite3")
    needed = {s.inspector for s in template["sources"]} | {"E001"}
    _state["creds"] = {no: keys.load_credential(store, no, PASSWORD) for no in needed}
    _state["template"] = template
    store.dispose()


def _make_package(job: tuple[int, int, str]) -> str:
    """Package k of the corpus, written under `out`; its folder's name."""
    from branchcheck.records import render_pdf, render_xlsx, sealing
    from branchcheck.upload import cms

    k, per, out = job
    template, creds = _state["template"], _state["creds"]
    sources: list[Source] = template["sources"]
    code, name = f"B{k % BRANCHES + 1:03d}", f"演示网点 {k % BRANCHES + 1:03d}"
    folder = Path(out) / f"pkg_{k:05d}"
    tmp = folder.with_name(folder.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "records").mkdir(parents=True)
    files: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []

    def put(rel: str, data: bytes) -> None:
        (tmp / rel).write_bytes(data)
        files.append({"path": rel, "sha256": _sha(data), "size": len(data)})

    for j in range(per):
        src = sources[(k * per + j) % len(sources)]
        doc = copy.deepcopy(src.doc)
        rid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"branchcheck-bench/{k}/{j}"))
        doc["record_id"], doc["version"], doc["supersedes"] = rid, 1, None
        doc["branch"] = doc["branch"] | {"code": code, "name": name}
        cred = creds[src.inspector]
        seal = sealing.seal_document(doc, cred)
        pdf, xlsx = render_pdf(doc, seal, cred), render_xlsx(doc, seal, cred)
        stem = f"records/{doc['local_date']}_{doc['checklist']['key']}_{rid}"
        put(stem + ".pdf", pdf)
        put(stem + ".xlsx", xlsx)
        put(stem + ".xlsx.p7s", cms.sign_detached(cred, xlsx))
        records.append(
            {
                "id": rid,
                "checklist": doc["checklist"]["key"],
                "local_date": doc["local_date"],
                "version": 1,
                "supersedes": None,
                "pdf": stem + ".pdf",
                "xlsx": stem + ".xlsx",
                "xlsx_p7s": stem + ".xlsx.p7s",
            }
        )
        for n, f in enumerate(src.findings):
            fid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"branchcheck-bench/{k}/{j}/{n}"))
            findings.append(f | {"id": fid, "record_id": rid, "missed_record_id": None})
    put("obligations.json", template["obligations"])
    said = {"branch": code, "records": records, "findings": findings, "period": template["period"]}
    manifest = {
        "format": "branchcheck-package/1",
        "package_id": _sha(_canonical(said)),
        "branch": {"code": code, "name": name, "head_office": ""},
        "period": template["period"],
        "made_at": "2026-11-30T18:00:00+08:00",
        "made_by": "E001",
        "records": records,
        "findings": sorted(findings, key=lambda f: f["id"]),
        "files": sorted(files, key=lambda f: f["path"]),
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    (tmp / "manifest.json").write_bytes(data)
    (tmp / "manifest.json.p7s").write_bytes(cms.sign_detached(creds["E001"], data))
    tmp.rename(folder)
    return folder.name


def corpus(records: int, per: int) -> tuple[Path, list[Path]]:
    """The corpus folder (with branch-ca.pem) and its package folders, made if not cached."""
    where = CACHE / f"v{CORPUS_VERSION}-{per}"
    packages = [where / "packages" / f"pkg_{k:05d}" for k in range(records // per)]
    if all(p.is_dir() for p in packages) and (where / "branch-ca.pem").is_file():
        return where, packages
    work = where / "work"  # the demo branch the corpus is made from, kept with it
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    template = demo_template(work)
    shutil.copy(work / "branch-ca.pem", where / "branch-ca.pem")
    todo = [(k, per, str(where / "packages")) for k, p in enumerate(packages) if not p.is_dir()]
    (where / "packages").mkdir(exist_ok=True)
    context = multiprocessing.get_context("forkserver")
    with context.Pool(2, initializer=_init, initargs=(template,)) as pool:
        for n, _ in enumerate(pool.imap_unordered(_make_package, todo), start=1):
            if n % 10 == 0 or n == len(todo):
                print(
                    f"   corpus: {n}/{len(todo)} packages ({time.perf_counter() - t0:.0f} s)",
                    flush=True,
                )
    return where, packages


def head_office_key(folder: Path) -> Path:
    from branchcheck.records import pki

    ca_key, ca_cert = pki.create_ca("总行基准测试 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    path = folder / "headoffice.p12"
    path.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca_cert]), HO_PASSWORD))
    return path


def _tree_rss(root: int) -> tuple[int, int]:
    """(sum, largest) resident set size in bytes of `root` and its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                changed = True
    sizes = [rss.get(p, 0) for p in tree]
    return sum(sizes), max(sizes, default=0)


@dataclass
class Run:
    seconds: float
    peak_tree: int
    peak_process: int
    returncode: int
    stdout: str
    stderr: str


def measured(cmd: list[str], env: dict[str, str]) -> Run:
    """The whole command's wall time and its process tree's peak memory (sampled every 0.1 s)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peaks = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, largest = _tree_rss(proc.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    return Run(seconds, peaks[0], peaks[1], proc.returncode, out, err)


def ingest(url: str, packages: list[Path], key: Path, receipts: Path, env: dict[str, str]) -> Run:
    cmd = [*CLI, "headoffice", "ingest", *map(str, packages), "--db", url, "--key", str(key)]
    cmd += ["--key-password-env", "HO_PW", "--receipts", str(receipts), "--workers", "2"]
    run = measured([*cmd, "--json"], env)
    if run.returncode != 0:
        raise SystemExit(f"ingest failed ({run.returncode}): {run.stderr[-2000:]}")
    said = json.loads(run.stdout)
    accepted = sum(len(p["accepted"]) for p in said)
    expected = sum(1 for p in packages for _ in (p / "records").glob("*.pdf"))
    if accepted != expected:
        raise SystemExit(f"ingest accepted {accepted} records of {expected}")
    return run


def row(name: str, value: float, unit: str, goal: str, met: bool) -> None:
    print(
        json.dumps(
            {"bench": name, "value": round(value, 3), "unit": unit, "goal": goal, "met": met},
            ensure_ascii=False,
        ),
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--db", default="sqlite,postgresql")
    args = parser.parse_args()
    per = min(PER_PACKAGE, args.records)
    where, packages = corpus(args.records, per)
    total = len(packages) * per
    work = Path(tempfile.mkdtemp(prefix="bc-bench-ho-"))
    env = os.environ | {"HO_PW": HO_PASSWORD, "BRANCHCHECK_HOME": str(work / "home")}
    key = head_office_key(work)
    ok = True
    try:
        # the yardstick: one package's files verified in one process, per record
        files = sorted(str(p) for p in (packages[0] / "records").glob("*.pdf"))
        files += sorted(str(p) for p in (packages[0] / "records").glob("*.xlsx"))
        trust = ["--no-local-trust", "--trust", str(where / "branch-ca.pem")]
        yard = measured([*CLI, "verify", *files, *trust], env)
        per_record_verify = yard.seconds / per
        row("verify, one process, per record", per_record_verify, "s", "yardstick", True)
        for kind in [k for k in args.db.split(",") if k]:
            server_cm = None
            if kind == "postgresql":
                from tests.pg import throwaway_server

                server_cm = throwaway_server()
                server = server_cm.__enter__()
            try:
                urls = []
                for n in (1, 2):
                    if kind == "sqlite":
                        urls.append(f"sqlite:///{work / f'ho-{n}.sqlite3'}")
                    else:
                        urls.append(server.url(server.create_database(f"ho_bench_{n}")))
                for url in urls:
                    trust_run = measured(
                        [*CLI, "headoffice", "trust", "add", str(where / "branch-ca.pem")]
                        + ["--db", url, "--key", str(key), "--key-password-env", "HO_PW"],
                        env,
                    )
                    if trust_run.returncode != 0:
                        raise SystemExit(trust_run.stderr)
                tenth = packages[: max(1, len(packages) // 10)]
                small = ingest(urls[0], tenth, key, work / f"receipts-{kind}-small", env)
                full = ingest(urls[1], packages, key, work / f"receipts-{kind}", env)
                rate = total / full.seconds
                met = full.seconds <= 60 * total / 10_000
                ok &= met
                row(f"{kind}: ingest {total} records", full.seconds, "s", "≤ 60 s / 10,000", met)
                row(f"{kind}: records per second", rate, "records/s", "≥ 167", rate >= 167)
                mb = full.peak_tree / 2**20
                row(f"{kind}: peak memory, process tree", mb, "MB", "≤ 500", mb <= 500)
                row(
                    f"{kind}: peak memory, largest process",
                    full.peak_process / 2**20,
                    "MB",
                    "",
                    True,
                )
                flat = full.peak_tree / max(small.peak_tree, 1)
                row(
                    f"{kind}: peak memory {total} / {len(tenth) * per} records",
                    flat,
                    "×",
                    "≤ 1.25×",
                    flat <= 1.25,
                )
                ratio = (full.seconds / total) / per_record_verify
                row(
                    f"{kind}: ingest per record / verify per record",
                    ratio,
                    "×",
                    "≤ 0.75×",
                    ratio <= 0.75,
                )
                ok &= mb <= 500 and flat <= 1.25
                report = work / f"report-{kind}.xlsx"
                period = json.loads((packages[0] / "manifest.json").read_bytes())["period"]
                rep = measured(
                    [*CLI, "headoffice", "report", "--db", urls[1], "--from", period["from"]]
                    + ["--to", period["to"], "--out", str(report)],
                    env,
                )
                if rep.returncode != 0:
                    raise SystemExit(f"report failed ({rep.returncode}): {rep.stderr[-2000:]}")
                row(
                    f"{kind}: report over {total} records",
                    rep.seconds,
                    "s",
                    "≤ 10",
                    rep.seconds <= 10,
                )
                ok &= rep.seconds <= 10
            finally:
                if server_cm is not None:
                    server_cm.__exit__(None, None, None)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
