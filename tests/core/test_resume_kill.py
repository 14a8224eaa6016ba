"""Killing the process mid-inspection loses nothing that was acknowledged as saved."""

import os
import signal
import subprocess
import sys

from branchcheck import inspections
from branchcheck.db import open_store

CHILD = r"""
import sys
from branchcheck import inspections
from branchcheck.db import open_store
store = open_store(sys.argv[1])
iid = sys.argv[2]
state = inspections.load(store, iid)
keys = [i.key for i in state.template.items() if i.type == "yes_no"]
for n in range(10_000):
    key = keys[n % len(keys)]
    inspections.answer(store, iid, key, "yes" if n % 2 else "no")
    print("ACK", n, key, flush=True)
"""


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
    acked: dict[str, str] = {}
    for line in proc.stdout:
        _, n, key = line.split()
        acked[key] = "yes" if int(n) % 2 else "no"
        if int(n) >= 40:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    reopened = open_store(path)
    state = inspections.load(reopened, iid)
    # every acknowledged answer is there (a later unacknowledged write may have landed too)
    for key in acked:
        assert key in state.answers
    assert state.status == "in_progress" and state.current_section == 1
    assert inspections.open_inspection_for(reopened, "E001") == iid
    reopened.dispose()
