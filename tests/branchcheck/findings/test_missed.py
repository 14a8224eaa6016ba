"""核查问责: a finding linked to the earlier record that passed the same item (应发现未发现), the
candidates, the validation of a link, and the count per inspector."""

import json
from datetime import date

import pytest

from branchcheck import findings, inspections
from branchcheck.cli import main
from branchcheck.errors import AnswerError, NotFoundError, PeopleRuleError


def _latest_registers(store):
    """The newest vault-check finding on the registers (a repeat in the demo)."""
    return next(f for f in findings.list_findings(store) if f.item_key == "registers")


def _item_result(store, record_id, item_key):
    _, _, _, doc = inspections.record_files(store, record_id)
    return next(
        i["result"] for sec in doc["sections"] for i in sec["items"] if i["key"] == item_key
    )


def test_candidates_are_earlier_sealed_records_that_passed_the_item(demo):
    f = _latest_registers(demo)
    candidates = findings.missed_candidates(demo, f.id)
    assert candidates
    dates = [c.record_date for c in candidates]
    assert dates == sorted(dates, reverse=True) and max(dates) < f.record_date
    records = {r.id: r for r in inspections.list_records(demo)}
    for c in candidates:
        assert records[c.record_id].checklist == "vault_check"
        assert records[c.record_id].status == "sealed"
        assert _item_result(demo, c.record_id, "registers") == "pass"
        assert c.inspector.employee_no == records[c.record_id].inspector
    earlier_fail = next(
        x for x in findings.list_findings(demo) if x.item_key == "registers" and x.id != f.id
    )
    assert earlier_fail.record_id not in {c.record_id for c in candidates}


def test_link_sets_the_record_and_its_inspector_and_counts(demo):
    f = _latest_registers(demo)
    c = findings.missed_candidates(demo, f.id)[0]
    out = findings.link_missed(demo, f.id, inspection_id=c.record_id, actor="E010")
    assert out.missed_record_id == c.record_id and out.missed_record_date == c.record_date
    assert out.missed_by == c.inspector
    day = date.fromisoformat(f.record_date)
    assert findings.missed_counts(demo, day, day) == {c.inspector.employee_no: 1}
    assert findings.missed_counts(demo, date(2000, 1, 1), date(2000, 12, 31)) == {}


def test_a_link_that_does_not_hold_is_refused(demo):
    f = _latest_registers(demo)
    records = inspections.list_records(demo)
    other = next(r for r in records if r.checklist != "vault_check" and r.status == "sealed")
    earlier_fail = next(
        x for x in findings.list_findings(demo) if x.item_key == "registers" and x.id != f.id
    )
    later_or_same = f.record_id
    cases = [
        (other.id, "不是同一检查表"),
        (earlier_fail.record_id, "不是合格"),
        (later_or_same, "不早于"),
    ]
    for record_id, match in cases:
        with pytest.raises(AnswerError, match=match):
            findings.link_missed(demo, f.id, inspection_id=record_id, actor="E001")
    with pytest.raises(NotFoundError):
        findings.link_missed(demo, f.id, inspection_id="nope", actor="E001")
    c = findings.missed_candidates(demo, f.id)[0]
    with pytest.raises(PeopleRuleError, match="E004"):
        findings.link_missed(demo, f.id, inspection_id=c.record_id, actor="E004")
    assert findings.get_finding(demo, f.id).missed_record_id is None


def test_cli_candidates_and_link(demo, capsys):
    f = _latest_registers(demo)
    assert main(["findings", "candidates", f.id[:8]]) == 0
    [first, *_] = json.loads(capsys.readouterr().out)
    assert {"record_id", "record_date", "inspector"} <= set(first)
    argv = [
        "findings",
        "link-missed",
        f.id[:8],
        "--inspection",
        first["record_id"],
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
    ]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["missed_record_id"] == first["record_id"]
