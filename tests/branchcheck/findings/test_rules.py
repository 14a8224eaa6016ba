"""Who may take each step: every step × every kind of person, on the demo store. A forbidden
actor is refused with a PeopleRuleError naming them, and nothing changes (state, audit log)."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from branchcheck import clock, findings
from branchcheck.db.models import AuditEntry
from branchcheck.errors import PeopleRuleError
from branchcheck.findings.rules import Actor, Involved, describe_who, refusal
from branchcheck.settings import Settings, save_settings

TODAY = clock.now().date()
RESPONSIBLE = "E004"  # 张伟, teller: the person responsible for the blank-voucher finding
PEOPLE = {
    "responsible": RESPONSIBLE,
    "branch_head": "E001",
    "authorised_deputy": "E002",
    "supervisor": "E010",
    "peer_teller": "E005",
    "external_escort": "X001",
}
ALLOWED = {
    "start_rectification": {"responsible", "branch_head", "authorised_deputy", "supervisor"},
    "record_result": {"responsible", "branch_head", "authorised_deputy", "supervisor"},
    # the result is recorded by the responsible teller: any supervising role but them
    "verify": {"branch_head", "authorised_deputy", "supervisor"},
    "close": {"branch_head", "supervisor"},
    "accept_exception": {"branch_head"},
}


def _finding(store):
    return next(
        f
        for f in findings.list_findings(store, state="open")
        if f.responsible and f.responsible.employee_no == RESPONSIBLE
    )


def _to(store, fid, step):
    """Bring the finding to where `step` starts, by people who may."""
    if step in ("record_result", "verify", "close"):
        findings.start_rectification(store, fid, action="重新登记", actor=RESPONSIBLE)
    if step in ("verify", "close"):
        findings.record_result(store, fid, result="已登记", actor=RESPONSIBLE)
    if step == "close":
        findings.verify(store, fid, actor="E010")


def _take(store, fid, step, actor):
    calls = {
        "start_rectification": lambda: findings.start_rectification(
            store, fid, action="整改", actor=actor
        ),
        "record_result": lambda: findings.record_result(store, fid, result="完成", actor=actor),
        "verify": lambda: findings.verify(store, fid, recheck_date=TODAY, actor=actor),
        "close": lambda: findings.close(store, fid, actor=actor),
        "accept_exception": lambda: findings.accept_exception(
            store, fid, reason="系统改造期间", until=TODAY + timedelta(days=30), actor=actor
        ),
    }
    return calls[step]()


def _audit_count(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


@pytest.mark.parametrize("who", sorted(PEOPLE))
@pytest.mark.parametrize("step", sorted(ALLOWED))
def test_each_step_by_each_kind_of_person(demo, step, who):
    fid = _finding(demo).id
    _to(demo, fid, step)
    before, entries = findings.get_finding(demo, fid), _audit_count(demo)
    actor = PEOPLE[who]
    if who in ALLOWED[step]:
        out = _take(demo, fid, step, actor)
        assert out.state == findings.TRANSITIONS[step].to_state
        assert _audit_count(demo) == entries + 1
        return
    with pytest.raises(PeopleRuleError) as exc:
        _take(demo, fid, step, actor)
    assert actor in exc.value.message
    assert findings.get_finding(demo, fid) == before
    assert _audit_count(demo) == entries


def test_who_recorded_the_result_may_not_recheck_it(demo):
    fid = _finding(demo).id
    findings.start_rectification(demo, fid, action="重新登记", actor=RESPONSIBLE)
    findings.record_result(demo, fid, result="已登记", actor="E010")
    with pytest.raises(PeopleRuleError, match="整改结果登记人"):
        findings.verify(demo, fid, actor="E010")
    out = findings.verify(demo, fid, actor="E002")
    assert out.state == "verified" and out.rechecker.employee_no == "E002"
    assert out.result_by.employee_no == "E010"


def test_the_steps_store_who_and_when(demo):
    fid = _finding(demo).id
    _to(demo, fid, "close")
    out = findings.close(demo, fid, actor="E001")
    assert out.result_by.employee_no == RESPONSIBLE and out.rectified_on == TODAY.isoformat()
    assert out.closed_by.employee_no == "E001" and out.closed_on == TODAY.isoformat()
    assert out.recheck_date == TODAY.isoformat()


def test_the_roles_come_from_the_settings(demo, home):
    save_settings(home, Settings(close_roles=["authorised_deputy"]))
    fid = _finding(demo).id
    _to(demo, fid, "close")
    with pytest.raises(PeopleRuleError, match="授权代理负责人"):
        findings.close(demo, fid, actor="E001")
    assert findings.close(demo, fid, actor="E002").state == "closed"


def test_may_take_asks_the_same_rule_as_the_core(demo):
    f = _finding(demo)
    start = findings.next_steps(f.state, has_result=False, record_sealed=True)[0]
    teller = Actor("E005", "刘芳", ("teller",))
    assert "E005" in findings.may_take(start, f, teller)
    assert findings.may_take(start, f, Actor(RESPONSIBLE, "张伟", ("teller",))) is None


def test_refusal_words():
    s = Settings()
    who = ("recheck_roles",)
    head = Actor("E001", "王建国", ("branch_head",))
    assert refusal("verify", who, ("responsible",), head, Involved(responsible="E001"), s) == (
        "王建国 (E001) 是此问题的整改责任人，不能复查确认（复查确认不得由整改责任人办理）/ is "
        "the person responsible of this finding: cannot verify"
    )
    assert describe_who(("responsible", "close_roles"), s) == (
        "整改责任人、网点负责人、营运主管 (the person responsible, branch head, operations "
        "supervisor)"
    )
    escort = Actor("X001", "黄海", ("escort",), external=True)
    assert "不是本网点在职员工" in refusal("close", ("close_roles",), (), escort, Involved(), s)
