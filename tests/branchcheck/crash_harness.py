# longer than 500 lines: one harness (children, kill moments, what was acknowledged, the checks)
"""The crash harness: crash_child.py works vault checks through the real core and acknowledges
each committed operation; this parent SIGKILLs it at random moments and after every kill checks
the store as the branch would find it:

- `PRAGMA integrity_check` is ok and the store opens (its opening checks, its anchor);
- every acknowledged answer is there with its value and note (the last acknowledgement per item
  wins; the one write under way at the kill may or may not have landed, nothing else may differ),
  and so is every acknowledged section, status, signature and export;
- a seal is absent or complete: the record row, its audit entry and its signed anchor all or
  none, and the stored files verify (`audit.verify` checks chain, anchors and files);
- the inspection resumes: the inspector's open inspection is the one expected, and the next
  child picks it up (its `ready`).

Children fork from a server that has the core imported and warm (crash_child.py), so a kill
costs a fork, not an interpreter start. tests/branchcheck/test_crash_harness.py runs it in the
suite, bench/soak_crash.py at any size; both print the seed, which replays the same choices of
operations and kill moments (not the machine's timing)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
INSPECTOR = "E001"
PASSWORD = "demo1234"
CA_PASSWORD = "crash-ca-1234"
STAFF = (
    ("E001", "王建国", ["branch_head"]),
    ("E003", "李梅", ["vault_keeper"]),
    ("E004", "张伟", ["teller"]),
    ("E005", "刘芳", ["teller"]),
)
ANSWER_KINDS = ("yes_no", "note", "cash_count", "teller_boxes")
GUESS_S = {"seal": 0.5, "complete": 0.05, "start": 0.02, "sign": 0.03}  # until measured
START_TIMEOUT_S = 120  # the fork server imports the core and seals one record first
SILENCE_S = 60
OPENING_KILLS = 0.05  # this share of kills lands while the child opens the store
SKIP = 8  # a kill comes in one of the first SKIP + 1 operations of a child…
# …or in one of these under way, this often (a kill during sealing must find no seal or a whole one)
RARE_KILLS = {"seal": 0.5, "export": 0.5, "complete": 0.3, "sign": 0.2, "start": 0.2}


class HarnessError(AssertionError):
    """What a kill left behind differs from what was acknowledged."""


@dataclass
class Counts:
    kills: int = 0
    mid_operation: int = 0  # an operation had begun and not been acknowledged
    while_opening: int = 0
    landed: int = 0  # of those, the write was found in the store after all
    acknowledged: Counter = field(default_factory=Counter)  # kind → operations
    killed_during: Counter = field(default_factory=Counter)  # kind → kills mid-operation
    sealed_records: int = 0
    seconds: float = 0.0  # wall time of the sequences
    cpu_seconds: float = 0.0  # CPU time of the whole soak, children included

    def add(self, other: Counts) -> None:
        for name in ("kills", "mid_operation", "while_opening", "landed", "sealed_records"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.acknowledged.update(other.acknowledged)
        self.killed_during.update(other.killed_during)
        self.seconds += other.seconds

    def as_dict(self) -> dict[str, Any]:
        return {
            "kills": self.kills,
            "mid_operation": self.mid_operation,
            "while_opening": self.while_opening,
            "between_operations": self.kills - self.mid_operation - self.while_opening,
            "landed": self.landed,
            "acknowledged": sum(self.acknowledged.values()),
            "acknowledged_by_kind": dict(sorted(self.acknowledged.items())),
            "killed_during": dict(sorted(self.killed_during.items())),
            "sealed_records": self.sealed_records,
            "lost": 0,  # a loss raises HarnessError: a finished run lost nothing
            "s": round(self.seconds, 1),
            "cpu_s": round(self.cpu_seconds, 1),
        }


# ---------------------------------------------------------------- the store every sequence copies


@contextlib.contextmanager
def data_home(folder: Path) -> Iterator[None]:
    """BRANCHCHECK_HOME is folder while the block runs, as it was after."""
    old = os.environ.get("BRANCHCHECK_HOME")
    os.environ["BRANCHCHECK_HOME"] = str(folder)
    try:
        yield
    finally:
        if old is None:
            del os.environ["BRANCHCHECK_HOME"]
        else:
            os.environ["BRANCHCHECK_HOME"] = old


def prepare_template(folder: Path) -> Path:
    """A store with the branch, four people and the inspector's signing key."""
    from branchcheck.db import open_store
    from branchcheck.people import register
    from branchcheck.records import keys

    folder.mkdir(parents=True, exist_ok=True)
    with data_home(folder):
        store = open_store(folder / "branchcheck.sqlite3")
        register.add_branch(store, code="GZ0101", name="赣州分行营业部", name_en="Ganzhou Branch")
        for no, name, roles in STAFF:
            register.add_staff(store, employee_no=no, name=name, roles=roles, password=PASSWORD)
        keys.create_branch_ca(store, ca_password=CA_PASSWORD)
        keys.issue_credential(
            store, employee_no=INSPECTOR, password=PASSWORD, ca_password=CA_PASSWORD
        )
        store.dispose()
    return folder / "branchcheck.sqlite3"


def copy_store(template: Path, home: Path) -> Path:
    home.mkdir(parents=True)
    for src in template.parent.glob(template.stem + ".*"):
        shutil.copy(src, home / src.name)
    return home / template.name


# ---------------------------------------------------------------- children


class ForkServer:
    """crash_child.py's fork server, on this tree's code; one job at a time."""

    def __init__(self, template: Path, scratch: Path):
        env = os.environ | {
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
        }
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(template), str(scratch)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.proc.stdin and self.proc.stdout
        self.fd = self.proc.stdout.fileno()
        self.buffer = b""
        if self.read(START_TIMEOUT_S) != {"m": "serving"}:
            raise HarnessError("the fork server did not start")

    def submit(self, job: dict[str, Any]) -> None:
        assert self.proc.stdin
        self.proc.stdin.write((json.dumps(job) + "\n").encode())
        self.proc.stdin.flush()

    def read(self, timeout: float) -> dict[str, Any] | None:
        """The next message, or None when none came within timeout seconds."""
        end = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, end - time.monotonic()))
            if not ready:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise HarnessError(f"the fork server ended (exit code {self.proc.wait()})")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def close(self) -> None:
        """End of jobs: the server exits once its stdin closes."""
        assert self.proc.stdin
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class ChildRun:
    """What one child said before it died: `ready`, then begun and acknowledged operations."""

    ready: dict[str, Any] | None = None
    acked: list[dict[str, Any]] = field(default_factory=list)
    in_flight: dict[str, Any] | None = None
    done: bool = False

    def take(self, message: dict[str, Any], begun: dict[int, dict[str, Any]]) -> None:
        kind = message["m"]
        if kind == "error":
            raise HarnessError("the child failed:\n" + message["traceback"])
        if kind == "ready":
            self.ready = message
        elif kind == "begin":
            begun[message["n"]] = message
            self.in_flight = message
        elif kind == "ack":
            op = dict(begun.pop(message["n"]), result=message["result"])
            self.acked.append(op)
            self.in_flight = None
        elif kind == "done":
            self.done = True


class KillPlan:
    """When to kill one child: while it opens the store, or some way into one of its operations."""

    def __init__(self, rng: random.Random, durations: dict[str, float]):
        self.rng, self.durations = rng, durations
        self.opening = rng.random() < OPENING_KILLS
        self.skip = rng.randint(0, SKIP)

    def delay_at_start(self) -> float | None:
        return self.rng.uniform(0, 0.03) if self.opening else None

    def delay_at_begin(self, kind: str) -> float | None:
        """Seconds from this operation's begin to the kill, or None to let it run."""
        if self.opening:
            return None
        if self.rng.random() < RARE_KILLS.get(kind, 0):
            self.skip = 0
        if self.skip > 0:
            self.skip -= 1
            return None
        return self.rng.uniform(0, 1.25 * self.durations.get(kind, GUESS_S.get(kind, 0.01)))


def run_child(
    server: ForkServer, store: Path, seed: str, first: int, plan: KillPlan | None
) -> ChildRun:
    """One child on the store, killed as the plan says (None: it resumes, then stops)."""
    server.submit(
        {"store_path": str(store), "seed": seed, "first": first, "max_ops": 10_000 if plan else 0}
    )
    run, begun = ChildRun(), {}
    delay = plan.delay_at_start() if plan else None
    kill_at = None if delay is None else time.monotonic() + delay
    pid, killed, code = None, False, None
    try:
        while code is None:
            due = kill_at is not None and not killed and pid is not None
            wait = max(0.0, kill_at - time.monotonic()) if due else SILENCE_S  # type: ignore[operator]
            message = server.read(wait)
            if message is None:
                if not due:
                    raise HarnessError(f"the child said nothing for {SILENCE_S} s")
                os.kill(pid, signal.SIGKILL)  # type: ignore[arg-type]
                killed = True
                continue
            now = time.monotonic()
            if message["m"] == "child":
                pid = message["pid"]
            elif message["m"] == "exit":
                code = message["code"]
            else:
                message["t"] = now
                run.take(message, begun)
            if message["m"] == "begin" and plan and kill_at is None:
                delay = plan.delay_at_begin(message["kind"])
                kill_at = None if delay is None else now + delay
            elif message["m"] == "ack" and plan:
                op = run.acked[-1]
                took = now - op["t"]
                plan.durations[op["kind"]] = 0.8 * plan.durations.get(op["kind"], took) + 0.2 * took
    except BaseException:
        if pid is not None and code is None and not killed:
            with contextlib.suppress(ProcessLookupError):  # the server then reaps it
                os.kill(pid, signal.SIGKILL)
        raise
    if killed and code != -signal.SIGKILL or not killed and not run.done:
        raise HarnessError(f"the child ended with exit code {code}")
    return run


# ---------------------------------------------------------------- what was acknowledged


@dataclass
class Model:
    """One store as its children acknowledged it."""

    answers: dict[tuple[str, str], tuple[Any, str]] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    signed: dict[tuple[str, str, str], str] = field(default_factory=dict)  # → strokes' seed
    exported: set[str] = field(default_factory=set)
    export_folders: dict[str, str] = field(default_factory=dict)  # of every export begun
    verified: set[str] = field(default_factory=set)  # exports whose files verified
    files_verified: dict[str, str] = field(default_factory=dict)  # record → its files' sha256
    open_iid: str | None = None

    def apply(self, op: dict[str, Any]) -> None:
        kind, iid = op["kind"], op.get("iid")
        if kind == "start":
            iid = op["result"]
            self.status[iid], self.sections[iid], self.open_iid = "in_progress", 0, iid
        elif kind in ANSWER_KINDS:
            self.answers[(iid, op["key"])] = (op["value"], op["note"])
        elif kind == "section":
            self.sections[iid] = op["index"]
        elif kind == "complete":
            self.status[iid] = "completed"
        elif kind == "sign":
            self.signed[(iid, op["party"], op["employee_no"])] = op["strokes_seed"]
        elif kind == "seal":
            self.status[iid], self.open_iid = "sealed", None
        elif kind == "export":
            self.exported.add(iid)

    def begun(self, op: dict[str, Any]) -> None:
        if op["kind"] == "export":
            self.export_folders[op["iid"]] = op["out"]


def _differs(what: str, found: Any, expected: Any) -> HarnessError:
    return HarnessError(f"{what}: found {found!r}, acknowledged {expected!r}")


def _one_of(what: str, found: Any, acked: Any, landed: Any | None) -> bool:
    """found is what was acknowledged, or what the operation under way would have made (True)."""
    if found == acked:
        return False
    if landed is not None and found == landed:
        return True
    raise _differs(what, found, acked)


def _under_way(in_flight: dict[str, Any] | None, iid: str, *kinds: str) -> dict[str, Any] | None:
    if in_flight and in_flight.get("iid") == iid and in_flight["kind"] in kinds:
        return in_flight
    return None


def _json(value: Any) -> Any:
    return json.loads(json.dumps(value))


# ---------------------------------------------------------------- the checks after a kill


def integrity(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    conn.close()
    if result != ["ok"]:
        raise HarnessError(f"PRAGMA integrity_check: {result[:5]}")


def check_inspection(model: Model, state: Any, in_flight: dict[str, Any] | None) -> bool:
    """One inspection against what was acknowledged; True when the write under way landed (the
    model then holds it)."""
    from branchcheck.records import handwriting

    iid, landed = state.id, False
    acked = {k: v for (i, k), v in model.answers.items() if i == iid}
    found = {k: (v, state.notes.get(k, "")) for k, v in state.answers.items()}
    op = _under_way(in_flight, iid, *ANSWER_KINDS)
    alt = None if op is None else acked | {op["key"]: (op["value"], op["note"])}
    if _one_of(f"{iid} answers", _json(found), _json(acked), None if alt is None else _json(alt)):
        model.apply(op)  # type: ignore[arg-type]
        landed = True
    op = _under_way(in_flight, iid, "section")
    if _one_of(f"{iid} section", state.current_section, model.sections[iid], op and op["index"]):
        model.apply(op)  # type: ignore[arg-type]
        landed = True
    op = _under_way(in_flight, iid, "complete", "seal")
    then = None if op is None else {"complete": "completed", "seal": "sealed"}[op["kind"]]
    if _one_of(f"{iid} status", state.status, model.status[iid], then):
        model.apply(op)  # type: ignore[arg-type]
        landed = True
    signed = {f"{p.party}/{p.person.employee_no}": p.strokes for p in state.parties if p.signed_at}
    expected = {
        f"{party}/{no}": handwriting.validate_strokes(handwriting.demo_strokes(seed))
        for (i, party, no), seed in model.signed.items()
        if i == iid
    }
    op = _under_way(in_flight, iid, "sign")
    alt = None
    if op is not None:
        strokes = handwriting.validate_strokes(handwriting.demo_strokes(op["strokes_seed"]))
        alt = _json(expected | {f"{op['party']}/{op['employee_no']}": strokes})
    if _one_of(f"{iid} signatures", _json(signed), _json(expected), alt):
        model.apply(op)  # type: ignore[arg-type]
        landed = True
    return landed


def check_seals(conn: Any, model: Model) -> None:
    """Every seal complete or absent: the record row, its audit entry and its anchor."""
    from sqlalchemy import text

    def per_record(sql: str) -> Counter:
        return Counter(r[0] for r in conn.execute(text(sql)))

    rows = per_record("SELECT id FROM sealed_record")
    entries = per_record("SELECT subject FROM audit_log WHERE action = 'record.seal'")
    anchors = per_record("SELECT record_id FROM audit_anchor WHERE record_id IS NOT NULL")
    sealed = Counter(iid for iid, status in model.status.items() if status == "sealed")
    for what, found in (("sealed records", rows), ("seal entries", entries), ("anchors", anchors)):
        if found != sealed:
            raise _differs(what, dict(found), dict(sealed))


def check_exports(store: Any, model: Model, in_flight: dict[str, Any] | None) -> bool:
    """Acknowledged exports hold both files, byte for byte as stored (and they verify); an
    export under way left no partial file under a final name. True when it finished."""
    from branchcheck import inspections
    from branchcheck.records import keys, verify_files

    landed = False
    for iid, folder in model.export_folders.items():
        _rid, pdf, xlsx, _doc = inspections.record_files(store, iid)
        files = {p.suffix: p for p in Path(folder).glob("*") if p.suffix in (".pdf", ".xlsx")}
        for suffix, data in ((".pdf", pdf), (".xlsx", xlsx)):
            if suffix in files and files[suffix].read_bytes() != data:
                raise HarnessError(f"{files[suffix]}: not the file stored at sealing")
        complete = set(files) == {".pdf", ".xlsx"}
        if iid in model.exported and not complete:
            raise HarnessError(f"{iid}: an acknowledged export lacks files: {sorted(files)}")
        if complete and iid not in model.exported:
            if not _under_way(in_flight, iid, "export"):
                raise HarnessError(f"{iid}: exported without an export under way")
            model.exported.add(iid)
            landed = True
        if complete and iid not in model.verified:
            results = verify_files(sorted(files.values()), keys.trust_roots(store))
            if [r.status for r in results] != ["ok", "ok"]:
                raise HarnessError(f"{iid}: exported files do not verify: {results}")
            model.verified.add(iid)
    return landed


def check_trail(conn: Any, model: Model, *, full: bool) -> None:
    """`audit verify` (audit.verify): the chain, its anchors and every sealed record's stored files.
    A sealed record's files cannot change (the database refuses it), and verifying them is most of
    the cost: unless `full`, files verified before are only compared with what was verified."""
    import hashlib

    from sqlalchemy import text

    from branchcheck import audit
    from branchcheck.records import pki

    files = {
        row[0]: hashlib.sha256(bytes(row[1]) + bytes(row[2])).hexdigest()
        for row in conn.execute(text("SELECT id, pdf, xlsx FROM sealed_record"))
    }
    if full or files.keys() != model.files_verified.keys():
        trail = audit.verify(conn)
        model.files_verified = files
    else:
        if files != model.files_verified:
            raise _differs("sealed records' files", files, model.files_verified)
        hashes = [h for (h,) in conn.execute(text("SELECT hash FROM audit_log ORDER BY id"))]
        roots = [
            pki.cert_from_pem(pem)
            for (pem,) in conn.execute(text("SELECT certificate_pem FROM trusted_ca ORDER BY id"))
        ]
        anchors = tuple(audit.check_anchors(conn, hashes, roots))
        trail = audit.TrailCheck(audit.check_chain(conn), anchors, ())
    if not trail.ok:
        raise HarnessError("audit verify: " + "; ".join(trail.lines()))


def check_after_kill(
    path: Path, model: Model, in_flight: dict[str, Any] | None, *, full: bool = False
) -> bool:
    """Everything above on the store at path; True when the write under way landed."""
    from branchcheck import inspections
    from branchcheck.db import open_store

    integrity(path)
    with data_home(path.parent):
        store = open_store(path)
    try:
        ids = {r.id for r in inspections.list_records(store)}
        new = ids - set(model.status)
        landed = False
        if new:
            if len(new) > 1 or not (in_flight and in_flight["kind"] == "start"):
                raise HarnessError(f"inspections nobody started: {sorted(new)}")
            model.apply(dict(in_flight, result=new.pop()))
            landed = True
        if set(model.status) - ids:
            raise HarnessError(f"acknowledged inspections gone: {sorted(set(model.status) - ids)}")
        for iid in sorted(ids):
            landed |= check_inspection(model, inspections.load(store, iid), in_flight)
        with store.read() as conn:
            check_seals(conn, model)
            check_trail(conn, model, full=full)
        landed |= check_exports(store, model, in_flight)
        resumes = inspections.open_inspection_for(store, INSPECTOR)
        if resumes != model.open_iid:
            raise _differs("the inspection to resume", resumes, model.open_iid)
    finally:
        store.dispose()
    return landed


def check_ready(ready: dict[str, Any], model: Model) -> None:
    """The child resumed what the store holds: the open inspection, its status and section."""
    iid = model.open_iid
    expected = {
        "iid": iid,
        "status": model.status.get(iid) if iid else None,
        "section": model.sections.get(iid) if iid else None,
    }
    found = {k: ready[k] for k in expected}
    if found != expected:
        raise _differs("resumed", found, expected)


# ---------------------------------------------------------------- sequences


def run_sequence(server: ForkServer, template: Path, home: Path, seed: int, kills: int) -> Counts:
    """Copy the template store to home, then kill `kills` children on it, checking after each;
    a last child resumes once more. HarnessError names the seed and the kill."""
    started = time.monotonic()
    path = copy_store(template, home)
    rng, model, counts = random.Random(seed), Model(), Counts()
    durations: dict[str, float] = {}
    next_n = 0
    for k in range(1, kills + 1):
        try:
            run = run_child(server, path, str(seed), next_n, KillPlan(rng, durations))
            if run.ready is not None:
                check_ready(run.ready, model)
            for op in run.acked + ([run.in_flight] if run.in_flight else []):
                model.begun(op)
            for op in run.acked:
                model.apply(op)
                counts.acknowledged[op["kind"]] += 1
            counts.kills += 1
            if run.ready is None:
                counts.while_opening += 1
            if run.in_flight is not None:
                counts.mid_operation += 1
                counts.killed_during[run.in_flight["kind"]] += 1
            seen = [op["n"] for op in run.acked] + ([run.in_flight["n"]] if run.in_flight else [])
            next_n = max([next_n - 1, *seen]) + 1
            counts.landed += check_after_kill(path, model, run.in_flight, full=k == kills)
        except HarnessError as exc:
            raise HarnessError(f"seed {seed}, kill {k} of {kills}: {exc}") from None
    last = run_child(server, path, str(seed), next_n, None)
    assert last.ready is not None
    check_ready(last.ready, model)
    counts.sealed_records = sum(1 for s in model.status.values() if s == "sealed")
    counts.seconds = time.monotonic() - started
    return counts


def _cpu_s() -> float:
    """CPU seconds of this process and of its children that ended (the fork server, and with it
    every child it forked): about the wall time on a machine that runs nothing else."""
    import resource

    return sum(
        u.ru_utime + u.ru_stime
        for u in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def soak(
    folder: Path, *, kills: int, sequences: int, seed: int, template: Path | None = None
) -> Counts:
    """`kills` kills spread over `sequences` fresh copies of one prepared store (`template`, else
    one prepared in folder)."""
    cpu = _cpu_s()
    template = template or prepare_template(folder / "template")
    server = ForkServer(template, folder / "warm-up")
    total = Counts()
    try:
        for i in range(sequences):
            share = kills // sequences + (1 if i < kills % sequences else 0)
            total.add(run_sequence(server, template, folder / f"seq{i}", seed * 1000 + i, share))
    finally:
        server.close()
    total.cpu_seconds = _cpu_s() - cpu
    return total
