"""Killing the process mid-inspection loses nothing that was acknowledged as saved."""

import inspect
import os
import signal
import subprocess
import sys

from branchcheck import inspections
from branchcheck.db import open_store


def write(keys: list[str], n: int) -> tuple[str, str]:
    """Write n: the key it answers and the answer. Each visit to a key flips its answer, and
    the note names the write, so a lost write shows in the value read back."""
    return keys[n % len(keys)], "yes" if (n // len(keys)) % 2 else "no"


CHILD = (
    inspect.getsource(write)
    + r"""
import sys
from branchcheck import inspections
from branchcheck.db import open_store
store = open_store(sys.argv[1])
iid = sys.argv[2]
state = inspections.load(store, iid)
keys = [i.key for i in state.template.items() if i.type == "yes_no"]
print("KEYS", *keys, flush=True)
for n in range(10_000):
    key, value = write(keys, n)
    inspections.answer(store, iid, key, value, note=f"write {n}")
    print("ACK", n, flush=True)
"""
)


def test_sigkill_mid_inspection_then_resume(people_store):
    iid = inspections.start(
        people_store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"]},
    )
    inspections.set_section(people_store, iid, 1)
    path = str(people_store.path)
    people_store.dispose()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, path, iid],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None
    keys = proc.stdout.readline().split()[1:]
    assert len(keys) >= 10
    last = -1
    for line in proc.stdout:
        last = int(line.split()[1])
        if last >= 40:
            proc.send_signal(signal.SIGKILL)
            break
    # acknowledgements already in the pipe when the kill landed count too
    for line in proc.stdout.read().splitlines():
        last = int(line.split()[1])
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert last >= 40
    acked: dict[str, tuple[str, str]] = {}
    for n in range(last + 1):
        key, value = write(keys, n)
        acked[key] = (value, f"write {n}")
    assert set(acked) == set(keys)
    in_flight_key, in_flight_value = write(keys, last + 1)
    reopened = open_store(path)
    state = inspections.load(reopened, iid)
    # every acknowledged answer holds its last acknowledged value; only the write that was under
    # way when the process died may have landed on top of one
    for key, expected in acked.items():
        found = (state.answers.get(key), state.notes.get(key))
        if key == in_flight_key and found == (in_flight_value, f"write {last + 1}"):
            continue
        assert found == expected, key
    assert state.status == "in_progress" and state.current_section == 1
    assert inspections.open_inspection_for(reopened, "E001") == iid
    reopened.dispose()


def draft_cells(n: int) -> dict:
    """Draft n of the count grid: n cells typed so far, each holding the number of its write."""
    rows = [["n100", "", "", "", ""] for _ in range(8)]
    for k in range(n + 1):
        rows[k // 4 % 8][1 + k % 4] = str(k)
    return {"rows": rows, "fields": {"book": ""}}


DRAFT_CHILD = (
    inspect.getsource(draft_cells)
    + r"""
import sys
from branchcheck import inspections
from branchcheck.db import open_store
store = open_store(sys.argv[1])
iid = sys.argv[2]
print("READY", flush=True)
for n in range(10_000):
    inspections.save_draft(store, iid, "cash_count", draft_cells(n), note=f"draft {n}")
    print("ACK", n, flush=True)
"""
)


def test_sigkill_while_drafting_keeps_every_acknowledged_cell(people_store):
    iid = inspections.start(
        people_store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"]},
    )
    path = str(people_store.path)
    people_store.dispose()
    proc = subprocess.Popen(
        [sys.executable, "-c", DRAFT_CHILD, path, iid],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY"
    last = -1
    for line in proc.stdout:
        last = int(line.split()[1])
        if last >= 25:
            proc.send_signal(signal.SIGKILL)
            break
    for line in proc.stdout.read().splitlines():
        last = int(line.split()[1])
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    reopened = open_store(path)
    state = inspections.load(reopened, iid)
    draft = state.drafts["cash_count"]
    # the last acknowledged draft with every one of its cells, or the one under way at the kill
    assert (draft.value, draft.note) in (
        (draft_cells(last), f"draft {last}"),
        (draft_cells(last + 1), f"draft {last + 1}"),
    )
    assert sum(1 for row in draft.value["rows"] for cell in row[1:] if cell) >= min(last + 1, 32)
    assert "cash_count" not in state.answers
    reopened.dispose()
