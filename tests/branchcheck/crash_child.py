"""The crash harness's child (crash_harness.py starts it and SIGKILLs it): it works vault checks
through the real core, one operation after another — yes/no answers (each write flips the answer),
notes, the vault's count grid, the teller table, the section reached, completing, each party's
signature, sealing, export — and starts the next check once one is sealed and exported.

Before each operation it sends `begin` with everything it is about to write; after the core call
has returned (committed) it sends `ack`. A message is one small write to a pipe, whole or absent.
It resumes whatever the store holds: the inspector's open inspection, a sealed record not yet
exported.

`python crash_child.py TEMPLATE SCRATCH` is the fork server: it imports the core and works one
inspection on a scratch copy of the template store (so every cache is warm), then forks one child
per job it reads on stdin. A kill costs a fork, not an interpreter start."""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

INSPECTOR = "E001"
PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004", "E005"]}
KEY_PASSWORD = "demo1234"
ANSWERED = ("yes_no", "cash_count", "teller_boxes")
FILL = 0.7  # an open inspection's next write goes to an item not answered yet this often
COMPLETE = 0.15  # once every item is answered, the next step completes this often
MAX_PAUSE_S = 0.004  # the inspector's pause between two operations: some kills land in it


def export_folder(home: Path, record_id: str) -> Path:
    return home / "out" / record_id


class Worker:
    """One inspection at a time, as far as the store says it has got."""

    def __init__(self, store: Any, home: Path, rng: random.Random, say: Any, first: int):
        self.store, self.home, self.rng, self.send = store, home, rng, say
        self.n = first  # the number of the next operation: notes name it, so a lost one shows
        self.iid: str | None = None
        self.state: Any = None

    def run(self, kind: str, call: Any, **write: Any) -> Any:
        """Announce, do and acknowledge one operation."""
        n = self.n
        self.n += 1
        self.send({"m": "begin", "n": n, "kind": kind, **write})
        result = call()
        self.send({"m": "ack", "n": n, "result": result if isinstance(result, str) else None})
        time.sleep(self.rng.uniform(0, MAX_PAUSE_S))
        return result

    # ------------------------------------------------------------ resuming

    def resume(self) -> None:
        from branchcheck import inspections

        self.iid = inspections.open_inspection_for(self.store, INSPECTOR)
        if self.iid is not None:
            self.reload()
        self.send(
            {
                "m": "ready",
                "iid": self.iid,
                "status": self.state.status if self.state else None,
                "section": self.state.current_section if self.state else None,
            }
        )
        if self.iid is None:
            self.export_newest()

    def reload(self) -> None:
        from branchcheck import inspections

        assert self.iid is not None
        self.state = inspections.load(self.store, self.iid)

    def export_newest(self) -> None:
        """The newest sealed record, if a kill came between its seal and its export."""
        from branchcheck import inspections

        sealed = [r for r in inspections.list_records(self.store) if r.status == "sealed"]
        if not sealed:
            return
        rid = max(sealed, key=lambda r: r.started_at).id
        out = export_folder(self.home, rid)
        if len([p for p in out.glob("*") if p.suffix in (".pdf", ".xlsx")]) < 2:
            self.export(rid)

    # ------------------------------------------------------------ one step

    def step(self) -> None:
        if self.iid is None:
            self.start()
        elif self.state.status == "in_progress":
            self.answer_or_complete()
        else:
            unsigned = self.state.unsigned()
            if unsigned:
                self.sign(unsigned[0])
            else:
                self.seal()

    def start(self) -> None:
        from branchcheck import inspections

        self.iid = self.run(
            "start",
            lambda: inspections.start(
                self.store, checklist="vault_check", inspector=INSPECTOR, people=PEOPLE
            ),
        )
        self.reload()

    def keys(self, *types: str) -> list[str]:
        return [i.key for i in self.state.template.items() if i.type in types]

    def answer_or_complete(self) -> None:
        """Mostly the items not answered yet, then now and then completing: no memory of its own,
        so a resumed child carries on as the killed one would have."""
        unanswered = [k for k in self.keys(*ANSWERED) if k not in self.state.answers]
        if unanswered and self.rng.random() < FILL:
            self.write(self.rng.choice(unanswered))
        elif not unanswered and self.rng.random() < COMPLETE:
            self.complete()
        else:
            self.random_write()

    def random_write(self) -> None:
        pick = self.rng.random()
        answered = [k for k in self.keys("yes_no") if k in self.state.answers]
        if pick < 0.15 and answered:
            self.note(self.rng.choice(answered))
        elif pick < 0.22:
            self.section()
        elif pick < 0.34:
            self.write("cash_count")
        elif pick < 0.46:
            self.write("teller_boxes")
        else:
            self.write(self.rng.choice(self.keys("yes_no")))

    def write(self, key: str) -> None:
        kind = self.state.template.item(key).type
        if kind == "yes_no":
            value = "no" if self.state.answers.get(key) == "yes" else "yes"  # each write flips it
            self.answer(kind, key, value, f"write {self.n}")
        elif kind == "cash_count":
            self.answer(kind, key, self.count_grid(), "")
        else:
            self.answer(kind, key, self.teller_table(), "")

    def note(self, key: str) -> None:
        self.answer("note", key, self.state.answers[key], f"note {self.n}")

    def answer(self, kind: str, key: str, value: Any, note: str) -> None:
        from branchcheck import inspections

        iid = self.iid
        self.run(
            kind,
            lambda: inspections.answer(self.store, iid, key, value, note=note),
            iid=iid,
            key=key,
            value=value,
            note=note,
        )
        self.state.answers[key] = value

    def count_grid(self) -> dict[str, Any]:
        """The vault's count grid, every field given, as the core stores it."""
        item = self.state.template.item("cash_count")
        rows = {}
        for d in item.params["denominations"]:
            if self.rng.random() < 0.5:
                continue
            b, s, loose = self.rng.randint(0, 3), self.rng.randint(0, 9), self.rng.randint(0, 99)
            book = (b * 1000 + s * 100 + loose) * d["face_fen"]
            if self.rng.random() < 0.1:
                book += d["face_fen"]  # a shortage now and then: a finding on complete
            rows[d["key"]] = {"bundles": b, "straps": s, "loose": loose, "book_fen": book}
        return {"rows": rows, "book_fen": sum(r["book_fen"] for r in rows.values())}

    def teller_table(self) -> dict[str, Any]:
        """The teller boxes' table: one row per teller checked, every field given."""
        rows = []
        for teller in PEOPLE["tellers"]:
            system = self.rng.randint(20_000, 150_000) * 100
            counted = system - (5000 if self.rng.random() < 0.1 else 0)
            rows.append(
                {
                    "teller": teller,
                    "system_fen": system,
                    "counted_fen": counted,
                    "vouchers_ok": self.rng.random() < 0.9,
                    "note": "",
                }
            )
        return {"rows": rows}

    def section(self) -> None:
        from branchcheck import inspections

        iid, index = self.iid, self.rng.randint(0, len(self.state.template.sections) - 1)
        self.run(
            "section",
            lambda: inspections.set_section(self.store, iid, index),
            iid=iid,
            index=index,
        )

    def complete(self) -> None:
        from branchcheck import inspections

        iid = self.iid
        self.run("complete", lambda: inspections.complete(self.store, iid), iid=iid)
        self.reload()

    def sign(self, party: Any) -> None:
        from branchcheck import inspections
        from branchcheck.records import handwriting

        iid, no, seed = self.iid, party.person.employee_no, f"{party.person.name}{self.n}"
        self.run(
            "sign",
            lambda: inspections.sign(
                self.store,
                iid,
                party=party.party,
                employee_no=no,
                strokes=handwriting.demo_strokes(seed),
                password=KEY_PASSWORD,  # everyone's sign-in password is the demo's too
            ),
            iid=iid,
            party=party.party,
            employee_no=no,
            strokes_seed=seed,
        )
        self.reload()

    def seal(self) -> None:
        from branchcheck import inspections

        iid = self.iid
        assert iid is not None
        self.run(
            "seal", lambda: inspections.seal(self.store, iid, key_password=KEY_PASSWORD), iid=iid
        )
        self.iid, self.state = None, None
        self.export(iid)

    def export(self, rid: str) -> None:
        from branchcheck import inspections

        out = export_folder(self.home, rid)
        self.run(
            "export",
            lambda: ",".join(p.name for p in inspections.export(self.store, rid, out)),
            iid=rid,
            out=str(out),
        )


def send(message: dict[str, Any]) -> None:
    """One message on stdout: one write of at most PIPE_BUF bytes, so it is whole or absent."""
    line = (json.dumps(message, ensure_ascii=False) + "\n").encode()
    assert len(line) <= select.PIPE_BUF, len(line)
    os.write(1, line)


def run(*, store_path: str, seed: str, first: int, max_ops: int, say: Any = send) -> None:
    """Resume the store at store_path and do up to max_ops operations (then say `done`)."""
    from branchcheck.db import open_store

    home = Path(store_path).parent
    os.environ["BRANCHCHECK_HOME"] = str(home)
    store = open_store(store_path)
    worker = Worker(store, home, random.Random(f"{seed}/{first}"), say, first)
    worker.resume()
    for _ in range(max_ops):
        worker.step()
    store.dispose()
    say({"m": "done"})


def warm_up(template: Path, scratch: Path) -> None:
    """One whole inspection on a copy of the template store, so that every import and cache a
    child needs (templates validated, mappers configured, fonts read) is ready before it forks."""
    scratch.mkdir(parents=True, exist_ok=True)
    for src in template.parent.glob(template.stem + ".*"):
        shutil.copy(src, scratch / src.name)
    run(
        store_path=str(scratch / template.name),
        seed="warm-up",
        first=0,
        max_ops=60,
        say=lambda message: None,
    )


def serve(template: str, scratch: str) -> None:
    """The fork server: warm up, then for each job read on stdin fork a child that runs it, say
    its pid, wait for it and say how it ended. Children write their messages to the same stdout,
    so everything a child said comes before its `exit`."""
    warm_up(Path(template), Path(scratch))
    send({"m": "serving"})
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run(**job)
            except BaseException:
                send({"m": "error", "traceback": traceback.format_exc()[-3000:]})
                code = 1
            os._exit(code)
        send({"m": "child", "pid": pid})
        _pid, status = os.waitpid(pid, 0)
        send({"m": "exit", "code": os.waitstatus_to_exitcode(status)})


if __name__ == "__main__":
    serve(*sys.argv[1:3])
