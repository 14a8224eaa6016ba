"""例外接受: by the branch head, with a reason, until a date within a year; at expiry it reads as
open again and reopen_expired makes it so, audited."""

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from branchcheck import clock, findings
from branchcheck.cli import main
from branchcheck.db.models import AuditEntry, Finding
from branchcheck.errors import AnswerError, PeopleRuleError, StateError

TODAY = clock.now().date()


def _open(store):
    return next(x for x in findings.list_findings(store, state="open") if x.responsible)


def _stored_state(store, fid):
    with store.session() as s:
        return s.get(Finding, fid).state


def test_accepted_then_reopened_at_expiry(demo):
    f = _open(demo)
    until = TODAY + timedelta(days=10)
    out = findings.accept_exception(demo, f.id, reason="  待系统升级 ", until=until, actor="E001")
    assert out.state == "exception" and not out.overdue
    assert (out.exception_reason, out.exception_until) == ("待系统升级", until.isoformat())
    assert out.exception_by.employee_no == "E001"
    assert f.id not in {x.id for x in findings.list_findings(demo, state="open")}
    assert findings.summary(demo, as_of=TODAY).exception == 1
    # on the expiry date it still holds; the day after it reads open, overdue by its due date
    assert findings.get_finding(demo, f.id, as_of=until).state == "exception"
    after = until + timedelta(days=1)
    seen = findings.get_finding(demo, f.id, as_of=after)
    assert seen.state == "open" and seen.exception_expired and seen.overdue
    assert f.id in {x.id for x in findings.list_findings(demo, state="open", as_of=after)}
    counts = findings.summary(demo, as_of=after)
    assert counts.exception == 0 and counts.by_state["open"] >= 1
    assert _stored_state(demo, f.id) == "exception"
    assert findings.reopen_expired(demo, until) == []
    assert findings.reopen_expired(demo, after) == [f.id]
    assert _stored_state(demo, f.id) == "open"
    assert findings.reopen_expired(demo, after) == []
    with demo.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "finding.reopen")).one()
        assert entry.subject == f.id and entry.detail["to"] == "open"


def test_a_rectifying_exception_reopens_rectifying_on_the_next_step(demo):
    f = _open(demo)
    findings.start_rectification(demo, f.id, action="整改", actor="E001")
    start = datetime.combine(TODAY, datetime.min.time().replace(hour=9))
    findings.accept_exception(
        demo, f.id, reason="等待总行批复", until=TODAY + timedelta(days=5), actor="E001", now=start
    )
    with pytest.raises(StateError, match="例外接受"):
        findings.record_result(demo, f.id, result="完成", actor="E001", now=start)
    out = findings.record_result(
        demo, f.id, result="完成", actor="E001", now=start + timedelta(days=6)
    )
    assert out.state == "rectifying" and out.result == "完成"


@pytest.mark.parametrize(
    ("reason", "days", "match"),
    [
        ("", 10, "理由"),
        ("原因", 0, "须晚于今天"),
        ("原因", -3, "须晚于今天"),
        ("原因", 367, "超过一年"),
    ],
)
def test_bad_reason_or_date_is_refused(demo, reason, days, match):
    f = _open(demo)
    with pytest.raises(AnswerError, match=match):
        findings.accept_exception(
            demo, f.id, reason=reason, until=TODAY + timedelta(days=days), actor="E001"
        )
    assert _stored_state(demo, f.id) == "open"


def test_only_the_branch_head_and_only_from_open_or_rectifying(demo):
    f = _open(demo)
    until = TODAY + timedelta(days=30)
    for who in ("E010", "E002", "E004"):
        with pytest.raises(PeopleRuleError, match="网点负责人"):
            findings.accept_exception(demo, f.id, reason="r", until=until, actor=who)
    findings.start_rectification(demo, f.id, action="a", actor="E001")
    findings.record_result(demo, f.id, result="r", actor="E001")
    findings.verify(demo, f.id, actor="E010")
    with pytest.raises(StateError, match="已复查"):
        findings.accept_exception(demo, f.id, reason="r", until=until, actor="E001")


def test_cli_exception_and_list_reopens(demo, capsys):
    f = _open(demo)
    until = (TODAY + timedelta(days=3)).isoformat()
    argv = ["findings", "exception", f.id[:8], "--reason", "停业装修", "--until", until]
    assert main([*argv, "--as", "E001", "--password-env", "SIGNIN_PW"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "exception"
    with demo.session() as s:
        s.get(Finding, f.id).exception_until = (TODAY - timedelta(days=1)).isoformat()
    assert main(["findings", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert next(x for x in listed if x["id"] == f.id)["state"] == "open"
    assert _stored_state(demo, f.id) == "open"
