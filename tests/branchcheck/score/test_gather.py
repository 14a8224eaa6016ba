"""The counts from the store, the year-earlier comparison and the report as text."""

from datetime import date

import pytest

from branchcheck.errors import AnswerError
from branchcheck.score.gather import (
    change,
    change_words,
    gather,
    monthly,
    obligation_counts,
    report,
    to_text,
    year_earlier,
)
from branchcheck.settings import Settings

JAN, JAN_END = date(2026, 1, 1), date(2026, 1, 31)


def test_counts_only_what_stands_in_the_period(history):
    a = history.inspection("2026-01-05")
    b = history.inspection("2026-01-12")
    replaced = history.inspection("2026-01-19")
    history.inspection("2026-01-19", supersedes=replaced)  # a sealed correction
    draft = history.inspection("2026-01-26", status="completed")
    outside = history.inspection("2026-02-02")
    history.finding(a, due="2026-01-12", rectified_on="2026-01-12")  # on time, on the day
    history.finding(a, due="2026-01-12", rectified_on="2026-01-13", repeat=True)  # late
    history.finding(b, due="2026-01-19", missed_by=a)  # not rectified: not on time
    history.finding(replaced, due="2026-01-26")  # its record was replaced
    history.finding(draft, due="2026-01-27")  # not sealed yet
    history.finding(outside, due="2026-01-30", rectified_on="2026-01-29")  # due in January
    history.finding(None, due="2026-01-20", made="2026-01-13", origin="schedule")
    facts = gather(history.store, JAN, JAN_END, obligations=[], as_of=date(2026, 3, 1))
    # a, b and the correction (the replaced record and the draft do not count)
    assert facts.checks == 3
    assert facts.check_findings == 3
    assert (facts.findings, facts.repeats, facts.missed) == (4, 1, 1)
    # due in January: a's two, b's, outside's, the schedule finding
    assert (facts.findings_due, facts.rectified_on_time) == (5, 2)


def test_a_finding_still_within_its_time_is_not_late_yet(history):
    a = history.inspection("2026-01-05")
    history.finding(a, due="2026-01-20")  # due, not rectified
    history.finding(a, due="2026-01-25")  # due on the day judged: it may still be rectified
    history.finding(a, due="2026-01-28", rectified_on="2026-01-21")  # rectified early
    facts = gather(history.store, JAN, JAN_END, obligations=[], as_of=date(2026, 1, 25))
    assert (facts.findings_due, facts.rectified_on_time) == (2, 1)
    later = gather(history.store, JAN, JAN_END, obligations=[], as_of=date(2026, 2, 1))
    assert (later.findings_due, later.rectified_on_time) == (3, 1)


def test_obligations_count_by_due_day_and_outcome(make_obligation):
    obligations = [
        make_obligation("2026-01-09", "done", done_on="2026-01-09"),  # on time, on the day
        make_obligation("2026-01-16", "done", done_on="2026-01-17"),  # done late
        make_obligation("2026-01-23", "explained"),  # a miss even explained
        make_obligation("2026-01-30", "overdue"),
        make_obligation("2026-02-06", "due"),  # outside the period
        make_obligation("2026-01-30", "due", reason="periodic"),  # no outcome yet
        make_obligation("2026-01-27", "done", reason="pre_holiday", done_on="2026-01-26"),
        make_obligation("2026-01-09", "done", reason="teller_coverage", expected=3, count=3),
        make_obligation("2026-01-16", "missed", reason="teller_coverage", expected=3, count=1),
        make_obligation("2026-01-30", "due", reason="teller_coverage", expected=3, count=0),
    ]
    assert obligation_counts(obligations, JAN, JAN_END) == {
        "scheduled": 5,
        "on_time": 2,
        "tellers_expected": 6,
        "tellers_covered": 4,
    }


def test_a_report_without_a_year_earlier(history, make_obligation):
    history.inspection("2026-01-05")
    obligations = [make_obligation("2026-01-09", "done", done_on="2026-01-05")]
    result = report(
        history.store,
        JAN,
        JAN_END,
        obligations=obligations,
        previous_obligations=[],
        settings=Settings(),
        as_of=date(2026, 2, 1),
    )
    assert result.previous is None
    assert result.current.index == 3.0
    index_change = result.changes[0]
    assert (index_change.key, index_change.current, index_change.previous) == ("index", 3.0, None)
    assert all(c.change is None and c.percent is None for c in result.changes)
    text = to_text(result, "zh")
    assert "上年同期无检查记录" in text
    assert "按时完成检查  0.25  100.0%  ≥ 100.0%  3" in text
    assert "  每次检查发现问题数  0.10  0.00  ≤ 0.50  3" in text
    assert "No inspection in the same period a year earlier" in to_text(result, "en")


def test_a_report_against_a_year_earlier(history, make_obligation):
    for day in ("2025-01-06", "2025-01-13"):
        history.inspection(day)
    earlier = history.inspection("2025-01-20")
    history.finding(earlier, due="2025-01-27", made="2025-01-20")
    history.finding(earlier, due="2025-01-27", made="2025-01-20")
    history.finding(history.inspection("2026-01-05"), due="2026-01-12", rectified_on="2026-01-10")
    previous_obligations = [
        make_obligation("2025-01-10", "done", done_on="2025-01-06"),
        make_obligation("2025-01-17", "missed"),
    ]
    result = report(
        history.store,
        JAN,
        JAN_END,
        obligations=[],
        previous_obligations=previous_obligations,
        settings=Settings(),
        as_of=date(2026, 6, 1),
    )
    assert result.previous is not None
    assert (result.previous.first, result.previous.last) == ("2025-01-01", "2025-01-31")
    by_key = {c.key: c for c in result.changes}
    assert (by_key["checks"].current, by_key["checks"].previous) == (1, 3)
    assert (by_key["checks"].change, by_key["checks"].percent) == (-2, -66.67)
    assert (by_key["findings"].change, by_key["findings"].percent) == (-1, -50.0)
    # a year earlier: on time 1 of 2 → 1; findings per check 2/3 → 2; rectified 0 of 2 → 1
    # 0.25·1 + 0.15·3 + 0.10·2 + 0.20·1 + 0.15·3 + 0.15·3 = 2.0
    assert result.previous.index == 2.0
    # this January: 1 finding per check → 2, the rest 3: 3 − 0.10
    assert result.current.index == 2.9
    assert (by_key["index"].change, by_key["index"].percent) == (0.9, 45.0)
    text = to_text(result, "zh")
    assert "与上年同期（2025-01-01 至 2025-01-31）比较" in text
    assert "检查次数 1（上年同期 3，下降 2，降幅 66.67%）" in text
    assert "Findings 1 (a year earlier 2, down 1 or 50.00%)" in to_text(result, "en")


def test_change_as_seed_000_reports_it():
    c = change("findings", 23_902, 37_371)
    assert (c.change, c.percent) == (-13_469, -36.04)
    assert change_words(c, "en") == "Findings 23,902 (a year earlier 37,371, down 13,469 or 36.04%)"
    assert change("findings", 3, 0).percent is None  # nothing to compare a percent with
    assert change_words(change("findings", 3, 3), "zh") == "发现问题 3（上年同期 3，持平）"


def test_the_same_day_a_year_earlier():
    assert year_earlier(date(2028, 2, 29)) == date(2027, 2, 28)
    assert year_earlier(date(2026, 3, 31)) == date(2025, 3, 31)


def test_monthly_rows_cut_to_the_period(history, make_obligation):
    history.inspection("2026-01-20")
    history.finding(history.inspection("2026-02-03"), due="2026-02-10", made="2026-02-03")
    obligations = [make_obligation("2026-02-06", "missed")]
    rows = monthly(
        history.store,
        date(2026, 1, 15),
        date(2026, 3, 10),
        obligations=obligations,
        settings=Settings(),
        as_of=date(2026, 6, 1),
    )
    assert [(r.month, r.checks, r.findings) for r in rows] == [
        ("2026-01", 1, 0),
        ("2026-02", 1, 1),
        ("2026-03", 0, 0),
    ]
    # February: on time 0 of 1 → 1; 1 finding per check → 2; the finding not yet rectified → 1
    # 0.25·1 + 0.15·3 + 0.10·2 + 0.20·1 + 0.15·3 + 0.15·3 = 2.0
    # March: nothing due, done or found — no index, not a flattering 3
    assert [r.index for r in rows] == [3.0, 2.0, None]


def test_a_period_backwards_is_refused(store):
    with pytest.raises(AnswerError, match="first day 2026-02-01 is after the last day"):
        gather(store, date(2026, 2, 1), JAN_END, obligations=[])
