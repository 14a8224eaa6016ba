"""The real time of an inspection: a date in the future is refused, a late entry (补录) needs its
reason, and the store and the audit log keep the real time of entry beside the time claimed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from branchcheck import inspections
from branchcheck.db.models import AuditEntry, Inspection
from branchcheck.errors import EntryError
from branchcheck.settings import Settings

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=TZ)
PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004"]}


def start(store, held_at, **kw):
    return inspections.start(
        store,
        checklist="vault_check",
        inspector="E001",
        people=PEOPLE,
        held_at=held_at,
        now=NOW,
        **kw,
    )


def count(store):
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Inspection))


@pytest.mark.parametrize(
    "held_at,message",
    [
        (datetime(2026, 12, 31, 9, 0, tzinfo=TZ), "检查日期 2026-12-31 晚于今天（2026-12-02）"),
        (NOW + timedelta(hours=6), "检查时间 16:00 晚于现在（10:00）"),
        # the branch's date: 17:30 UTC on 2026-12-02 is already 2026-12-03 in Shanghai
        (datetime(2026, 12, 2, 17, 30, tzinfo=ZoneInfo("UTC")), "晚于今天（2026-12-02）"),
    ],
)
def test_a_date_in_the_future_is_refused(people_store, held_at, message):
    with pytest.raises(EntryError) as exc:
        start(people_store, held_at)
    assert message in exc.value.fields["date"] and exc.value.exit_code == 2
    assert count(people_store) == 0


def test_a_late_entry_needs_a_reason(people_store):
    with pytest.raises(EntryError, match="补录") as exc:
        start(people_store, NOW - timedelta(hours=25))
    assert set(exc.value.fields) == {"late_reason"}
    assert count(people_store) == 0
    # within the set time no reason is needed, and a reason given is not kept
    iid = start(people_store, NOW - timedelta(hours=23), late_reason="不需要")
    with people_store.session() as s:
        assert s.get(Inspection, iid).late_reason == ""


def test_the_late_entry_time_is_a_setting(people_store):
    iid = start(people_store, NOW - timedelta(hours=30), settings=Settings(late_entry_hours=48))
    with people_store.session() as s:
        assert s.get(Inspection, iid).late_reason == ""


def test_a_late_entry_keeps_the_real_time_beside_the_claimed_one(people_store):
    held = datetime(2026, 11, 27, 16, 30, tzinfo=TZ)
    iid = start(people_store, held, late_reason="系统故障，纸质登记后补录")
    with people_store.session() as s:
        insp = s.get(Inspection, iid)
        assert (insp.local_date, insp.started_at, insp.entered_at) == (
            "2026-11-27",
            "2026-11-27T16:30:00+08:00",
            "2026-12-02T10:00:00+08:00",
        )
        assert insp.late_reason == "系统故障，纸质登记后补录"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "inspection.start")).one()
        assert entry.at == "2026-12-02T10:00:00+08:00"
        assert entry.detail["held_at"] == "2026-11-27T16:30:00+08:00"
        assert entry.detail["late_reason"] == "系统故障，纸质登记后补录"


def test_an_answers_file_records_real_times(people_store, answers_file, tmp_path):
    """The file's date is when it took place; the start, the answers and the completion carry
    the times they are made, not the date copied."""
    import json

    data = json.loads(answers_file(tmp_path, date="2026-12-02T08:30:00+08:00").read_text("utf-8"))
    ticks = iter(NOW + timedelta(seconds=n) for n in range(0, 1000, 7))
    summary = inspections.run_answers_file(
        people_store, "vault_check", data, inspector="E001", entry_clock=lambda: next(ticks)
    )
    with people_store.session() as s:
        insp = s.get(Inspection, summary.record_id)
        assert insp.started_at == "2026-12-02T08:30:00+08:00"
        assert insp.entered_at == "2026-12-02T10:00:07+08:00"
        assert insp.completed_at > insp.entered_at
        answered = {a.answered_at for a in insp.answers}
        assert len(answered) == len(insp.answers) and min(answered) > insp.entered_at


def test_an_answers_file_dated_in_the_future_stores_nothing(people_store, answers_file, tmp_path):
    import json

    data = json.loads(answers_file(tmp_path, date="2026-12-31T09:00:00+08:00").read_text("utf-8"))
    with pytest.raises(EntryError, match="2026-12-31"):
        inspections.run_answers_file(
            people_store, "vault_check", data, inspector="E001", entry_clock=lambda: NOW
        )
    assert count(people_store) == 0
