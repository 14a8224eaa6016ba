"""The demo's half year of history, cut to the weeks that hold each of its events."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from branchcheck import clock, dashboard, demo, findings, inspections
from branchcheck.db import open_store

WEEKS = max(demo.MISSED_WEEK, demo.UNCOVERED_WEEK, demo.CLOSED_LATE_WEEK, *demo.REGISTERS_NOT_KEPT)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    st = open_store(tmp_path_factory.mktemp("demo_history") / "branchcheck.sqlite3")
    result = demo.setup_demo(st, weeks=WEEKS)
    yield st, result
    st.dispose()


def _monday(weeks_ago: int) -> date:
    today = clock.now().date()
    return today - timedelta(days=today.weekday(), weeks=weeks_ago)


def _vault_checks(store) -> list:
    return [r for r in inspections.list_records(store) if r.checklist == "vault_check"]


def test_one_week_has_no_vault_check(history):
    store, _ = history
    days = {date.fromisoformat(r.local_date) for r in _vault_checks(store)}
    weeks = {w for w in range(1, WEEKS + 1) if any(_monday(w) <= d < _monday(w - 1) for d in days)}
    assert set(range(1, WEEKS + 1)) - weeks == {demo.MISSED_WEEK}


def test_one_week_leaves_a_teller_out(history):
    store, _ = history
    (check,) = [
        r
        for r in _vault_checks(store)
        if _monday(demo.UNCOVERED_WEEK)
        <= date.fromisoformat(r.local_date)
        < _monday(demo.UNCOVERED_WEEK - 1)
    ]
    tellers = [p.employee_no for p in inspections.load(store, check.id).people["tellers"]]
    assert tellers == ["E004", "E005"]  # E006 not covered that week


def test_a_finding_closed_late_stays_late_and_repeats_are_marked(history):
    store, _ = history
    (closed,) = findings.list_findings(store, state="closed")
    assert closed.item_key == "registers"
    assert closed.recheck_date is not None and closed.recheck_date > closed.due_date
    desk = dashboard.desk(store, clock.now().date(), obligations=(), score=None)
    assert sum(m.rectified_late.value for m in desk.months) == 1
    assert sum(m.rectified_on_time.value for m in desk.months) == 0
    registers = [f for f in findings.list_findings(store) if f.item_key == "registers"]
    assert len(registers) == len(demo.REGISTERS_NOT_KEPT)
    assert sum(f.repeat for f in registers) == len(registers) - 1  # all but the first
