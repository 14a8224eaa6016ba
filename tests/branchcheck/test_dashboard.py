"""The desk: each number equals the length of the list it opens; hand-set findings give the
hand-counted figures; obligations passed in are counted and listed by status and week."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from branchcheck import clock, dashboard, findings, inspections
from branchcheck.dashboard import FindingsQuery, ObligationsQuery, RecordsQuery
from branchcheck.views import Obligation, PersonName, RecordSummary


def _figures(desk: dashboard.Desk) -> list[dashboard.Figure]:
    out = [
        desk.open_findings,
        desk.overdue_findings,
        desk.repeat_findings,
        *desk.open_by_severity,
        *desk.overdue_by_severity,
    ]
    for m in desk.months:
        out += [m.checks, m.findings, m.rectified_on_time, m.rectified_late, m.missed]
    return out


def test_each_number_counts_the_list_it_opens(demo):
    today = clock.now().date()
    desk = dashboard.desk(demo, today, obligations=(), score=None)
    records = inspections.list_records(demo)
    assert desk.open_findings.value > 0 and desk.repeat_findings.value >= 1
    assert sum(m.checks.value for m in desk.months) > 0
    for figure in _figures(desk):
        q = figure.opens
        if isinstance(q, FindingsQuery):
            assert len(dashboard.findings_for(demo, q, as_of=today)) == figure.value, figure.key
        elif isinstance(q, RecordsQuery):
            assert len(dashboard.select_records(records, q)) == figure.value, figure.key
        else:
            assert isinstance(q, ObligationsQuery) and q.keys == () and figure.value == 0


def test_findings_figures_match_the_findings_list(demo):
    today = clock.now().date()
    desk = dashboard.desk(demo, today, obligations=(), score=None)
    every = findings.list_findings(demo, as_of=today)
    unclosed = [f for f in every if f.state != "closed"]
    assert desk.open_findings.value == len(unclosed)
    assert desk.overdue_findings.value == sum(f.overdue for f in every)
    assert desk.repeat_findings.value == sum(f.repeat for f in unclosed)
    by_sev = {f.key: f.value for f in desk.open_by_severity}
    assert by_sev == {
        f"open:{s}": sum(f.severity == s for f in unclosed)
        for s in ("critical", "high", "medium", "low")
    }
    assert [f.key.split(":")[1] for f in desk.open_by_severity] == [
        "critical",
        "high",
        "medium",
        "low",
    ]


def test_rectified_on_time_and_late_by_month_from_the_dates(demo):
    """On time = the result's day on or before the due date, whatever the state is now."""
    today = clock.now().date()
    a, b, c = findings.list_findings(demo, state="open")[:3]
    with demo.engine.begin() as conn:
        # the database lets a finding change state only with a recorded step (finding_step)
        for fid, to in ((a.id, "closed"), (b.id, "verified"), (c.id, "closed")):
            conn.execute(
                text(
                    "INSERT INTO finding_step (finding_id, step, from_state, to_state, actor, "
                    "fields, recorded_at) VALUES (:id, 'test', 'open', :to, 'E001', '{}', "
                    "'2026-03-10T09:00:00+08:00')"
                ),
                {"id": fid, "to": to},
            )
        conn.execute(
            text(
                "UPDATE finding SET state='closed', rectified_on='2026-03-10', due_date='2026-03-10' WHERE id=:id"
            ),
            {"id": a.id},
        )
        conn.execute(
            text(
                "UPDATE finding SET state='verified', recheck_date='2026-03-20', due_date='2026-03-12' WHERE id=:id"
            ),
            {"id": b.id},
        )
        # no rectified_on (made before schema 0003): the re-check's date counts, here late
        conn.execute(
            text(
                "UPDATE finding SET state='closed', recheck_date='2026-04-02', due_date='2026-03-30' WHERE id=:id"
            ),
            {"id": c.id},
        )
    desk = dashboard.desk(demo, date(2026, 12, 2), obligations=(), score=None)
    months = {m.month: m for m in desk.months}
    assert (months["2026-03"].rectified_on_time.value, months["2026-03"].rectified_late.value) == (
        1,
        1,
    )
    assert (months["2026-04"].rectified_on_time.value, months["2026-04"].rectified_late.value) == (
        0,
        1,
    )
    on_time = dashboard.findings_for(demo, months["2026-03"].rectified_on_time.opens, as_of=today)
    late = dashboard.findings_for(demo, months["2026-03"].rectified_late.opens, as_of=today)
    assert [f.id for f in on_time] == [a.id] and [f.id for f in late] == [b.id]


def test_the_twelve_months_end_with_the_day_s_month():
    assert dashboard.last_months(date(2026, 2, 28)) == [
        "2025-03",
        "2025-04",
        "2025-05",
        "2025-06",
        "2025-07",
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]


def _ob(key: str, status: str, due_on: str, **kw) -> Obligation:
    return Obligation(
        key=key,
        checklist="vault_check",
        reason=kw.pop("reason", "weekly"),
        period_start="2026-11-30",
        due_on=due_on,
        status=status,
        **kw,
    )


def test_obligations_by_status_and_week(people_store):
    as_of = date(2026, 12, 2)  # a Wednesday
    zhang = PersonName("E004", "张伟")
    obligations = (
        _ob("a", "due", "2026-12-02"),
        _ob("b", "due", "2026-12-04", reason="teller_coverage", uncovered=(zhang,)),
        _ob("c", "due", "2026-12-09"),  # next week
        _ob("d", "overdue", "2026-12-01"),
        _ob("e", "missed", "2026-11-20"),
        _ob("f", "explained", "2026-10-09", explanation="停电"),
        _ob("g", "done", "2026-11-27"),
        _ob("h", "missed", "2026-12-04", reason="teller_coverage", uncovered=(zhang,)),
    )
    desk = dashboard.desk(people_store, as_of, obligations=obligations, score=None)
    keys = {
        name: [o.key for o in dashboard.select_obligations(desk, fig.opens)]
        for name, fig in (
            ("today", desk.due_today),
            ("week", desk.due_this_week),
            ("overdue", desk.overdue_obligations),
            ("missed", desk.missed_obligations),
        )
    }
    assert keys == {"today": ["a"], "week": ["a", "b"], "overdue": ["d"], "missed": ["e", "f", "h"]}
    assert desk.due_this_week.value == 2 and desk.missed_obligations.value == 3
    assert desk.to_cover == (zhang,)  # from the open coverage obligation, not the missed one
    assert (desk.week_first, desk.week_last) == ("2026-11-30", "2026-12-06")
    missed = {m.month: m.missed.value for m in desk.months}
    assert (missed["2026-10"], missed["2026-11"], missed["2026-12"]) == (1, 1, 1)
    assert sum(missed.values()) == 3


def _record(rid: str, status: str, day: str, supersedes: str | None = None) -> RecordSummary:
    return RecordSummary(
        id=rid,
        checklist="vault_check",
        checklist_version=1,
        title={"zh": "查库", "en": "Vault"},
        status=status,
        branch="GZ0101",
        branch_name="",
        local_date=day,
        started_at=day,
        completed_at=day,
        inspector="E001",
        inspector_name="",
        version=2 if supersedes else 1,
        supersedes=supersedes,
        findings=0,
    )


def test_records_of_a_month_are_the_current_sealed_ones():
    records = [
        _record("a", "sealed", "2026-05-07"),
        _record("b", "sealed", "2026-05-14"),
        _record("b2", "sealed", "2026-05-15", supersedes="b"),  # b's correction replaces it
        _record("c", "in_progress", "2026-05-21"),
        _record("d", "sealed", "2026-06-04"),
        _record("a2", "in_progress", "2026-05-08", supersedes="a"),  # not sealed: a stays
    ]
    chosen = dashboard.select_records(records, RecordsQuery(month="2026-05"))
    assert [r.id for r in chosen] == ["a", "b2"]
    assert [r.id for r in dashboard.select_records(records, RecordsQuery())] == ["a", "b2", "d"]


def test_the_desk_as_opened_sweeps_then_counts_misses_rotation_and_the_index(demo):
    """load(): the demo's key posts held too long are reminders (and findings once past their
    grace); the obligations are the schedule's; the index is the year's so far."""
    today = clock.now().date()
    desk = dashboard.load(demo, today)
    held = {(r.employee_no, r.role, r.kind) for r in desk.rotation_reminders}
    assert held == {("E003", "vault_keeper", "post"), ("E006", "atm_loader", "route")}
    assert desk.rotation.value == 2
    assert all(r.finding_id for r in desk.rotation_reminders)  # past the grace period
    rotation_findings = findings.list_findings(demo, origin="rotation")
    assert {f.id for f in rotation_findings} == {r.finding_id for r in desk.rotation_reminders}
    assert desk.score is not None and desk.score.current.first == f"{today.year}-01-01"
    assert desk.obligations and all(o.due_on >= f"{today.year - 1}" for o in desk.obligations)
    again = dashboard.load(demo, today)  # the sweep makes nothing twice
    assert len(findings.list_findings(demo, origin="rotation")) == 2
    assert again.rotation.value == 2
