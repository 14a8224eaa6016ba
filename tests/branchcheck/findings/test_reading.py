"""Reading findings: a finding without a record (the schedule's), and lateness from the dates."""

from datetime import date, datetime, timedelta

from branchcheck import clock, findings
from branchcheck.db.models import Branch, Finding, Staff
from branchcheck.findings.reading import lateness

TODAY = clock.now().date()


def _schedule_finding(store, *, due: date) -> str:
    with store.session() as s:
        head = s.query(Staff).filter_by(employee_no="E001").one()
        f = Finding(
            inspection_id=None,
            branch_id=s.query(Branch).one().id,
            checklist_key="vault_check",
            item_key="weekly",
            problem_key="vault_check:weekly",
            title={"zh": "未做到每周查库一次", "en": "No vault check this week"},
            severity="high",
            risk_driver="supervision_lacking",
            responsible_id=head.id,
            due_date=due.isoformat(),
            created_at=clock.iso(clock.now()),
            origin="schedule",
            obligation_key="vault_check:weekly:2026-W47",
        )
        s.add(f)
        s.flush()
        return f.id


def test_a_finding_without_a_record_is_listed_and_counted(demo):
    before = findings.summary(demo, as_of=TODAY)
    fid = _schedule_finding(demo, due=TODAY - timedelta(days=2))
    f = findings.get_finding(demo, fid[:8])
    assert f.record_id is None and f.record_status is None and f.record_date is None
    assert f.origin == "schedule" and f.obligation_key == "vault_check:weekly:2026-W47"
    assert f.checklist_title["zh"] == "网点负责人查库"
    assert f.overdue and f.late_days == 2 and f.on_time is None
    assert fid in {x.id for x in findings.list_findings(demo, state="open")}
    assert [x.id for x in findings.list_findings(demo, origin="schedule")] == [fid]
    after = findings.summary(demo, as_of=TODAY)
    assert (after.total, after.open, after.overdue) == (
        before.total + 1,
        before.open + 1,
        before.overdue + 1,
    )


def test_a_finding_without_a_record_moves_through_the_loop(demo):
    fid = _schedule_finding(demo, due=TODAY + timedelta(days=3))
    assert findings.next_steps("open", has_result=False, record_sealed=True)
    findings.start_rectification(demo, fid, action="补做查库", actor="E001")
    findings.record_result(demo, fid, result="已补查", actor="E001")
    findings.verify(demo, fid, actor="E010")
    out = findings.close(demo, fid, actor="E001")
    assert out.state == "closed" and out.on_time is True and out.late_days == 0


def test_a_late_closure_stays_late(demo):
    f = next(x for x in findings.list_findings(demo, state="open") if x.responsible)
    due = date.fromisoformat(f.due_date)
    late = datetime.combine(due + timedelta(days=4), datetime.min.time().replace(hour=10))
    later = late + timedelta(days=3)
    findings.start_rectification(demo, f.id, action="整改", actor="E001", now=late)
    findings.record_result(demo, f.id, result="完成", actor="E001", now=late)
    findings.verify(demo, f.id, actor="E010", now=later)
    out = findings.close(demo, f.id, actor="E001", now=later)
    assert out.rectified_on == (due + timedelta(days=4)).isoformat()
    assert out.state == "closed" and not out.overdue
    assert out.on_time is False and out.late_days == 4
    years_on = findings.get_finding(demo, f.id, as_of=due + timedelta(days=400))
    assert years_on.on_time is False and years_on.late_days == 4


def test_lateness_from_the_dates():
    day = date(2026, 12, 10)
    assert lateness("closed", "2026-12-10", "2026-12-10", day) == (True, 0)
    assert lateness("verified", "2026-12-10", "2026-12-12", day) == (False, 2)
    assert lateness("rectifying", "2026-12-10", None, date(2026, 12, 15)) == (None, 5)
    assert lateness("open", "2026-12-10", None, day) == (None, 0)
    assert lateness("exception", "2026-12-10", None, date(2026, 12, 15)) == (None, 0)


def test_filters_by_severity_record_and_text(demo):
    every = findings.list_findings(demo)
    high = findings.list_findings(demo, severity="high")
    assert high and {f.id for f in high} == {f.id for f in every if f.severity == "high"}
    record = next(f.record_id for f in every if f.record_id)
    of_record = findings.list_findings(demo, record=record)
    assert of_record and {f.id for f in of_record} == {f.id for f in every if f.record_id == record}
    short = findings.list_findings(demo, text="短款")
    assert short and all("短款" in f.title["zh"] for f in short)
    by_name = findings.list_findings(demo, text="刘芳")
    assert {f.id for f in by_name} == {
        f.id for f in every if f.responsible and f.responsible.name == "刘芳"
    } | {f.id for f in every if "刘芳" in f.title["zh"]}
    assert findings.list_findings(demo, text="%") == []
    both = findings.list_findings(demo, severity="high", responsible="E005", state="open")
    assert {f.id for f in both} == {
        f.id
        for f in every
        if f.severity == "high" and f.responsible and f.responsible.employee_no == "E005"
    }


def test_an_unknown_severity_or_a_too_long_search_is_refused(demo):
    import pytest

    from branchcheck.errors import AnswerError

    with pytest.raises(AnswerError, match="unknown severity 'urgent'"):
        findings.list_findings(demo, severity="urgent")
    with pytest.raises(AnswerError, match="at most 100 characters"):
        findings.list_findings(demo, text="x" * 101)
