"""findings.next_steps says what the findings functions accept: walked through the whole loop, every
step it lists is accepted and every other one refused, changing nothing."""

import pytest

from branchcheck import clock, findings
from branchcheck.errors import PeopleRuleError, StateError
from branchcheck.views import FindingView

TODAY = clock.now().date()


def _rechecker(finding: FindingView) -> str:
    return "E010" if finding.responsible.employee_no != "E010" else "E002"


def _take(store, action: str, finding: FindingView) -> FindingView:
    fid = finding.id
    if action == "start_rectification":
        return findings.start_rectification(store, fid, action="补登借条", actor="E001")
    if action == "record_result":
        return findings.record_result(store, fid, result="已补登", actor="E001")
    if action == "verify":
        return findings.verify(store, fid, recheck_date=TODAY, actor=_rechecker(finding))
    return findings.close(store, fid, actor="E001")


def _steps(finding: FindingView) -> tuple[findings.Step, ...]:
    return findings.next_steps(
        finding.state,
        has_result=bool(finding.result),
        record_sealed=finding.record_status == "sealed",
    )


# the loop's path; an exception may be taken beside it (from open and rectifying)
ACTIONS = ("start_rectification", "record_result", "verify", "close")


def test_the_listed_steps_are_exactly_those_the_core_accepts(demo):
    finding = next(
        f for f in findings.list_findings(demo, state="open", origin="inspection") if f.responsible
    )
    walked = []
    while steps := tuple(s for s in _steps(finding) if s.action in ACTIONS):
        for action in ACTIONS:
            if action not in {s.action for s in steps}:
                with pytest.raises(StateError):
                    _take(demo, action, finding)
                assert findings.get_finding(demo, finding.id) == finding  # nothing changed
        step = steps[0]
        finding = _take(demo, step.action, finding)
        assert finding.state == step.to_state
        walked.append(step.action)
    assert walked == ["start_rectification", "record_result", "verify", "close"]
    assert finding.state == "closed"
    for action in ACTIONS:
        with pytest.raises(StateError):
            _take(demo, action, finding)


def test_a_recorded_result_can_be_recorded_again_before_verification(demo):
    finding = next(
        f for f in findings.list_findings(demo, state="open", origin="inspection") if f.responsible
    )
    finding = _take(demo, "record_result", _take(demo, "start_rectification", finding))
    steps = _steps(finding)
    assert [s.action for s in steps] == ["verify", "record_result", "accept_exception"]
    again = _take(demo, "record_result", finding)
    assert again.state == "rectifying" and _steps(again) == steps


def test_the_verify_step_names_who_may_not_recheck(demo):
    finding = next(
        f for f in findings.list_findings(demo, state="open", origin="inspection") if f.responsible
    )
    finding = _take(demo, "record_result", _take(demo, "start_rectification", finding))
    verify = _steps(finding)[0]
    assert verify.needs == ("recheck_date",) and verify.not_the_responsible
    assert verify.not_the == ("responsible", "result_by") and verify.who == ("recheck_roles",)
    with pytest.raises(PeopleRuleError):
        findings.verify(demo, finding.id, recheck_date=TODAY, actor=finding.responsible.employee_no)


def test_nothing_before_the_record_is_sealed_nor_once_closed():
    for state in findings.STATES:
        assert findings.next_steps(state, has_result=True, record_sealed=False) == ()
    assert findings.next_steps("closed", has_result=True, record_sealed=True) == ()


def test_each_step_is_an_appended_row_and_the_database_refuses_any_other_change(demo):
    import sqlite3

    finding = next(
        f for f in findings.list_findings(demo, state="open", origin="inspection") if f.responsible
    )
    finding = _take(demo, "start_rectification", finding)
    finding = _take(demo, "record_result", finding)
    db = sqlite3.connect(demo.path)
    rows = db.execute(
        "SELECT step, from_state, to_state, actor FROM finding_step WHERE finding_id = ? "
        "ORDER BY id",
        (finding.id,),
    ).fetchall()
    assert rows == [
        ("finding.rectify", "open", "rectifying", "E001"),
        ("finding.result", "rectifying", "rectifying", "E001"),
    ]
    for sql in (
        "UPDATE finding SET state = 'closed' WHERE id = ?",
        "UPDATE finding SET severity = severity || 'x' WHERE id = ?",
        "DELETE FROM finding WHERE id = ?",
        "UPDATE finding_step SET actor = 'E010' WHERE finding_id = ?",
        "DELETE FROM finding_step WHERE finding_id = ?",
    ):
        with pytest.raises(sqlite3.DatabaseError):
            db.execute(sql, (finding.id,))
    db.close()
    assert findings.get_finding(demo, finding.id) == finding
