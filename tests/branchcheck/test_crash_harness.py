"""Nothing acknowledged is lost: 200 SIGKILLs at random moments over answers, the count grid, the
teller table, notes, signatures, completing, sealing and export (crash_harness.py), each followed
by the checks of the store; and the checks themselves catch a lost or changed write.
bench/soak_crash.py runs the same harness at any size."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

KILLS = 200
SEQUENCES = 6
SEED = 20261202
EVERY_KIND = {"yes_no", "note", "cash_count", "teller_boxes", "sign", "seal"}


def _load(name: str) -> Any:
    """A test-helper module by file (test modules are not a package), loaded once."""
    key = f"branchcheck_tests_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, Path(__file__).with_name(f"{name}.py"))
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


harness = _load("crash_harness")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The harness's store: the branch, four people, the inspector's signing key."""
    return harness.prepare_template(tmp_path_factory.mktemp("crash") / "template")


def test_two_hundred_kills_lose_nothing(tmp_path, template):
    counts = harness.soak(tmp_path, kills=KILLS, sequences=SEQUENCES, seed=SEED, template=template)
    figures = counts.as_dict()
    print("crash harness, seed", SEED, figures)
    assert counts.kills == KILLS
    assert counts.mid_operation >= KILLS // 2, figures
    assert EVERY_KIND <= set(counts.killed_during), figures
    assert EVERY_KIND | {"complete", "export", "start"} <= set(counts.acknowledged), figures
    assert counts.sealed_records >= SEQUENCES, figures


@pytest.fixture(scope="module")
def worked_once(template, tmp_path_factory):
    """The harness's store after one child's operations, run in this process without a kill
    (one record sealed and exported, the next inspection under way), and what it acknowledged."""
    child = _load("crash_child")
    path = harness.copy_store(template, tmp_path_factory.mktemp("worked") / "home")
    run, begun = harness.ChildRun(), {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRANCHCHECK_HOME", str(path.parent))
        child.run(
            store_path=str(path),
            seed="fixture",
            first=0,
            max_ops=40,
            say=lambda m: run.take(m, begun),
        )
    return path, run


@pytest.fixture
def worked(worked_once, tmp_path, monkeypatch):
    """A copy of that store for one test, and the model of what was acknowledged."""
    import shutil

    path, run = worked_once
    home = tmp_path / "home"
    shutil.copytree(path.parent, home)
    monkeypatch.setenv("BRANCHCHECK_HOME", str(home))
    model = harness.Model()
    for op in run.acked:
        model.begun(dict(op, out=op.get("out", "").replace(str(path.parent), str(home))))
        model.apply(op)
    return home / path.name, model, run


def test_the_checks_pass_on_what_was_acknowledged(worked):
    path, model, run = worked
    assert run.done and {"seal", "export"} <= {op["kind"] for op in run.acked}
    assert harness.check_after_kill(path, model, None, full=True) is False


def _answer_written(model):
    return next((iid, key) for (iid, key) in model.answers if model.status[iid] != "sealed")


def test_a_lost_answer_is_caught(worked):
    path, model, _run = worked
    iid, key = _answer_written(model)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM answer WHERE inspection_id = ? AND item_key = ?", (iid, key))
    with pytest.raises(harness.HarnessError, match="answers"):
        harness.check_after_kill(path, model, None)


def test_an_answer_with_another_value_is_caught_unless_it_was_under_way(worked):
    path, model, _run = worked
    iid, key = _answer_written(model)
    value, note = model.answers[(iid, key)]
    model.answers[(iid, key)] = ("something else", note)
    with pytest.raises(harness.HarnessError, match="answers"):
        harness.check_after_kill(path, model, None)
    under_way = {"kind": "yes_no", "iid": iid, "key": key, "value": value, "note": note}
    assert harness.check_after_kill(path, model, under_way) is True
    assert model.answers[(iid, key)] == (value, note)


def test_a_missing_seal_is_caught(worked):
    path, model, _run = worked
    sealed = next(iid for iid, status in model.status.items() if status == "sealed")
    model.status[sealed] = "completed"
    with pytest.raises(harness.HarnessError, match="status"):
        harness.check_after_kill(path, model, None)
