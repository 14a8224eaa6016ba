"""The closed loop of findings: every transition, every refusal, filters, audit, and the CLI."""

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from branchcheck import audit, clock, findings, inspections
from branchcheck.cli import main
from branchcheck.db import open_store
from branchcheck.db.models import AuditEntry, Finding
from branchcheck.errors import AnswerError, NotFoundError, PeopleRuleError, StateError
from branchcheck.paths import examples_dir

TODAY = clock.now().date()


def _one(store, **filters):
    """A sealed record's finding with a responsible person (not the repeat one), newest first
    (not a missed obligation's or a key post's finding, which have no record)."""
    filters.setdefault("origin", "inspection")
    rows = [f for f in findings.list_findings(store, **filters) if f.responsible]
    return rows[0]


def _other_than(person: dict) -> str:
    return "E010" if person.employee_no != "E010" else "E002"


def _audit(store, subject):
    with store.session() as s:
        return [
            (e.action, e.actor, e.detail)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.subject == subject))
        ]


def _state(store, fid):
    with store.session() as s:
        f = s.get(Finding, fid)
        return f.state, f.action, f.result, f.rechecker_id, f.recheck_date


# ---------------------------------------------------------------- listing


def test_list_shape_and_order(demo):
    rows = findings.list_findings(demo)
    assert len(rows) >= 8
    f = rows[0]
    assert {
        "id",
        "record_id",
        "checklist",
        "checklist_title",
        "item_key",
        "title",
        "severity",
        "risk_driver",
        "responsible",
        "due_date",
        "state",
        "repeat",
        "overdue",
        "action",
        "result",
        "rechecker",
        "recheck_date",
        "created_at",
    } <= set(vars(f))
    assert set(f.title) == {"zh", "en"} and f.checklist_title["zh"]
    assert {"key", "zh", "en"} <= set(vars(f.risk_driver))
    created = [r.created_at for r in rows]
    assert created == sorted(created, reverse=True)
    assert all(r.state == "open" for r in rows)


def test_repeat_and_overdue_filters(demo):
    repeats = findings.list_findings(demo, repeat_only=True)
    assert repeats and all(r.repeat for r in repeats)
    assert {r.item_key for r in repeats} == {"registers"}
    # overdue: due before the date, not verified or closed
    every = findings.list_findings(demo, as_of=TODAY)
    overdue = findings.list_findings(demo, overdue_on=TODAY)
    assert {r.id for r in overdue} == {
        r.id for r in every if date.fromisoformat(r.due_date) < TODAY
    }
    assert overdue and all(r.overdue for r in overdue)
    # nothing is overdue on the day before the oldest finding was made
    oldest = min(date.fromisoformat(r.due_date) for r in every)
    assert findings.list_findings(demo, overdue_on=oldest) == []
    assert findings.list_findings(demo, responsible="E004")
    assert all(
        r.responsible.employee_no == "E004"
        for r in findings.list_findings(demo, responsible="E004")
    )
    with pytest.raises(AnswerError):
        findings.list_findings(demo, state="done")


def test_summary_counts(demo):
    total = len(findings.list_findings(demo))
    s = findings.summary(demo, as_of=TODAY)
    assert s.open == total and s.by_state["open"] == total
    assert s.repeat == 1
    assert s.overdue == len(findings.list_findings(demo, overdue_on=TODAY))
    assert sum(d.count for d in s.by_risk_driver) == total
    assert all(d.zh for d in s.by_risk_driver)


# ---------------------------------------------------------------- the loop


def test_full_loop_open_to_closed_with_audit(demo):
    f = _one(demo, overdue_on=TODAY)
    fid = f.id
    rechecker = _other_than(f.responsible)

    out = findings.start_rectification(demo, fid[:8], action="  补登登记簿 ", actor="E001")
    assert out.state == "rectifying" and out.action == "补登登记簿"
    assert out.overdue  # rectifying is still overdue

    out = findings.record_result(demo, fid, result="已补登，主管核对无误", actor="E001")
    assert out.state == "rectifying" and out.result == "已补登，主管核对无误"
    out = findings.record_result(demo, fid, result="已补登并核对", actor="E001")  # may be redone
    assert out.result == "已补登并核对"

    out = findings.verify(demo, fid, recheck_date=TODAY, actor=rechecker)
    assert out.state == "verified" and not out.overdue
    assert out.rechecker.employee_no == rechecker
    assert out.recheck_date == TODAY.isoformat()

    out = findings.close(demo, fid, actor="E001")
    assert out.state == "closed"
    assert fid not in {r.id for r in findings.list_findings(demo, state="open")}
    assert fid in {r.id for r in findings.list_findings(demo, state="closed")}

    entries = _audit(demo, fid)
    assert [a for a, _, _ in entries] == [
        "finding.rectify",
        "finding.result",
        "finding.result",
        "finding.verify",
        "finding.close",
    ]
    assert entries[0][2] == {"from": "open", "to": "rectifying", "action": "补登登记簿"}
    assert entries[3][2]["rechecker"] == rechecker
    with demo.session() as s:
        assert audit.check_chain(s).ok


def test_sealed_record_keeps_the_finding_as_sealed(demo):
    f = _one(demo)
    findings.start_rectification(demo, f.id, action="整改", actor="E001")
    _, _, _, doc = inspections.record_files(demo, f.record_id)
    [sealed] = [x for x in doc["findings"] if x["id"] == f.id]
    assert sealed["state"] == "open"


@pytest.mark.parametrize(
    "step",
    ["result", "verify", "close"],
)
def test_wrong_state_is_refused_naming_state_and_next_step(demo, step):
    fid = _one(demo).id
    calls = {
        "result": lambda: findings.record_result(demo, fid, result="x", actor="E001"),
        "verify": lambda: findings.verify(demo, fid, recheck_date=TODAY, actor="E010"),
        "close": lambda: findings.close(demo, fid, actor="E001"),
    }
    before = _state(demo, fid)
    with pytest.raises(StateError) as exc:
        calls[step]()
    text = str(exc.value)
    assert "待整改" in text and "开始整改" in text
    assert _state(demo, fid) == before
    assert _audit(demo, fid) == []


def test_later_wrong_states(demo):
    f = _one(demo)
    fid, other = f.id, _other_than(f.responsible)
    findings.start_rectification(demo, fid, action="a", actor="E001")
    with pytest.raises(StateError, match="整改中"):
        findings.start_rectification(demo, fid, action="again", actor="E001")
    with pytest.raises(StateError, match="整改中"):
        findings.close(demo, fid, actor="E001")
    findings.record_result(demo, fid, result="r", actor="E001")
    findings.verify(demo, fid, recheck_date=TODAY, actor=other)
    with pytest.raises(StateError, match="(?s)已复查.*关闭"):
        findings.record_result(demo, fid, result="r2", actor="E001")
    findings.close(demo, fid, actor="E001")
    with pytest.raises(StateError, match="已关闭"):
        findings.start_rectification(demo, fid, action="a", actor="E001")
    assert _state(demo, fid)[0] == "closed"


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_action_and_result_are_refused(demo, text):
    fid = _one(demo).id
    with pytest.raises(AnswerError, match="整改措施"):
        findings.start_rectification(demo, fid, action=text, actor="E001")
    assert _state(demo, fid)[0] == "open"
    findings.start_rectification(demo, fid, action="a", actor="E001")
    with pytest.raises(AnswerError, match="整改结果"):
        findings.record_result(demo, fid, result=text, actor="E001")
    assert _state(demo, fid)[2] == ""


def test_verify_needs_a_result(demo):
    f = _one(demo)
    findings.start_rectification(demo, f.id, action="a", actor="E001")
    with pytest.raises(StateError, match="整改结果"):
        findings.verify(demo, f.id, recheck_date=TODAY, actor=_other_than(f.responsible))
    assert _state(demo, f.id)[0] == "rectifying"


def _rectifying(demo):
    f = _one(demo)
    findings.start_rectification(demo, f.id, action="a", actor="E001")
    findings.record_result(demo, f.id, result="r", actor="E001")
    return f


def test_rechecker_cannot_be_the_responsible_person(demo):
    f = _rectifying(demo)
    who = f.responsible
    with pytest.raises(PeopleRuleError) as exc:
        findings.verify(demo, f.id, recheck_date=TODAY, actor=who.employee_no)
    assert who.employee_no in exc.value.message and who.name in exc.value.message
    assert "复查确认" in exc.value.message and "整改责任人" in exc.value.message
    assert _state(demo, f.id)[0] == "rectifying"
    assert [a for a, _, _ in _audit(demo, f.id)] == ["finding.rectify", "finding.result"]


def test_rechecker_must_be_staff(demo):
    f = _rectifying(demo)
    with pytest.raises(NotFoundError, match="E999"):
        findings.verify(demo, f.id, recheck_date=TODAY, actor="E999")
    with pytest.raises(PeopleRuleError, match="X001"):  # an external escort
        findings.verify(demo, f.id, recheck_date=TODAY, actor="X001")
    with pytest.raises(PeopleRuleError, match="E002"):  # names another person as 复查人
        findings.verify(demo, f.id, rechecker="E002", recheck_date=TODAY, actor="E010")
    assert _state(demo, f.id)[3] is None


def test_recheck_date_not_before_finding_nor_in_future(demo):
    f = _rectifying(demo)
    other = _other_than(f.responsible)
    made = datetime.fromisoformat(f.created_at).date()
    with pytest.raises(AnswerError, match="before the finding was made"):
        findings.verify(demo, f.id, recheck_date=made - timedelta(days=1), actor=other)
    with pytest.raises(AnswerError, match="in the future"):
        findings.verify(demo, f.id, recheck_date=TODAY + timedelta(days=1), actor=other)
    assert _state(demo, f.id)[0] == "rectifying"
    out = findings.verify(demo, f.id, recheck_date=made, actor=other)
    assert out.recheck_date == made.isoformat()


def test_unknown_and_ambiguous_ids_and_actor(demo):
    with pytest.raises(NotFoundError, match="no finding"):
        findings.start_rectification(demo, "zzzzzzzz", action="a", actor="E001")
    with pytest.raises(NotFoundError):
        findings.close(demo, "", actor="E001")
    with pytest.raises(NotFoundError):
        findings.close(demo, "ab", actor="E001")  # too short to be a prefix
    fid = _one(demo).id
    with pytest.raises(NotFoundError, match="E999"):
        findings.start_rectification(demo, fid, action="a", actor="E999")
    assert _state(demo, fid)[0] == "open"
    # a prefix that matches several findings
    ids = [r.id for r in findings.list_findings(demo)][:2]
    with demo.session() as s:
        for n, old in enumerate(ids):
            s.get(Finding, old).id = f"abcd{n}{old[5:]}"
    with pytest.raises(NotFoundError, match="matches 2 findings"):
        findings.close(demo, "abcd", actor="E001")
    assert findings.start_rectification(demo, "abcd0", action="a", actor="E001").state == (
        "rectifying"
    )


def test_unsealed_record_findings_wait_for_the_seal(demo):
    data = json.loads((examples_dir() / "answers" / "vault_check.json").read_text(encoding="utf-8"))
    data.pop("signatures", None)
    data.pop("inspector", None)
    data["date"] = datetime.combine(TODAY, datetime.min.time()).isoformat()
    data["answers"]["registers"] = "no"
    summary = inspections.run_answers_file(demo, "vault_check", data, inspector="E001")
    new = [f for f in findings.list_findings(demo) if f.record_id == summary.record_id]
    assert new and all(f.record_status == "completed" for f in new)
    with pytest.raises(StateError, match="not sealed"):
        findings.start_rectification(demo, new[0].id, action="a", actor="E001")


# ---------------------------------------------------------------- CLI


def test_cli_list_json_shape(demo, capsys):
    assert main(["findings", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(findings.list_findings(demo))
    assert {"id", "record_id", "title", "state", "overdue", "repeat", "responsible"} <= set(rows[0])
    assert main(["findings", "list", "--repeat", "--json"]) == 0
    assert all(r["repeat"] for r in json.loads(capsys.readouterr().out))
    assert main(["findings", "list", "--overdue", "--open", "--json"]) == 0
    assert all(r["overdue"] for r in json.loads(capsys.readouterr().out))
    assert main(["findings", "list"]) == 0
    out = capsys.readouterr().out
    assert "⚠屡查屡犯" in out and "待整改" in out


def test_cli_full_loop(demo, capsys):
    f = _one(demo)
    short, other = f.id[:8], _other_than(f.responsible)
    steps = [
        (
            ["rectify", short, "--action", "补登", "--as", "E001", "--password-env", "SIGNIN_PW"],
            "rectifying",
        ),
        (
            ["result", short, "--result", "已补登", "--as", "E001", "--password-env", "SIGNIN_PW"],
            "rectifying",
        ),
        (
            [
                "verify",
                short,
                "--date",
                TODAY.isoformat(),
                "--as",
                other,
                "--password-env",
                "SIGNIN_PW",
            ],
            "verified",
        ),
        (["close", short, "--as", "E001", "--password-env", "SIGNIN_PW"], "closed"),
    ]
    for argv, state in steps:
        assert main(["findings", *argv]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["id"] == f.id and out["state"] == state


def test_cli_refusals_exit_codes_without_traceback(demo, capsys):
    f = _one(demo)
    short, who = f.id[:8], f.responsible.employee_no

    def run(*argv):
        code = main(["findings", *argv])
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.startswith("error: ")
        return code, err

    code, err = run("close", short, "--as", "E001", "--password-env", "SIGNIN_PW")
    assert code == 5 and "待整改" in err and "开始整改" in err
    assert (
        run("rectify", "ffffffff", "--action", "a", "--as", "E001", "--password-env", "SIGNIN_PW")[
            0
        ]
        == 4
    )
    assert (
        run("rectify", short, "--action", " ", "--as", "E001", "--password-env", "SIGNIN_PW")[0]
        == 2
    )
    assert (
        main(
            [
                "findings",
                "rectify",
                short,
                "--action",
                "a",
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "findings",
                "result",
                short,
                "--result",
                "r",
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 0
    )
    capsys.readouterr()
    code, err = run(
        "verify", short, "--date", TODAY.isoformat(), "--as", who, "--password-env", "SIGNIN_PW"
    )
    assert code == 2 and "整改责任人" in err
    code, err = run(
        "verify", short, "--date", "20261301", "--as", "E010", "--password-env", "SIGNIN_PW"
    )
    assert code == 2 and "--date" in err
    assert _state(demo, f.id)[0] == "rectifying"


def test_a_sealed_correction_carries_its_findings_over_and_replaces_the_old_ones(
    tmp_path, monkeypatch
):
    """Correcting a record neither marks its own findings as repeats nor lists them twice."""
    from branchcheck import demo, findings, inspections
    from branchcheck.records import handwriting

    monkeypatch.setenv("BRANCHCHECK_HOME", str(tmp_path))
    store = open_store()
    demo.setup_demo(store, weeks=1)
    rec = next(
        r for r in inspections.list_records(store) if r.checklist == "vault_check" and r.findings
    )
    [old] = inspections.findings(store, rec.id)
    findings.start_rectification(store, old.id, action="补登登记簿", actor="E001")
    photo = b"\x89PNG\r\n\x1a\n" + b"\x03" * 16
    findings.add_evidence_bytes(store, old.id, data=photo, filename="补登.png", actor="E001")
    new_id = inspections.correct(store, rec.id, actor="E001")
    inspections.complete(store, new_id)
    [carried] = inspections.findings(store, new_id)
    assert carried.state == "rectifying" and carried.repeat == old.repeat
    [evidence] = findings.get_finding(store, carried.id).evidence
    assert evidence.filename == "补登.png" and findings.evidence_bytes(
        store, carried.id, evidence.id
    ) == ("补登.png", photo)
    for party in inspections.load(store, new_id).parties:
        inspections.sign(
            store,
            new_id,
            party=party.party,
            employee_no=party.person.employee_no,
            strokes=handwriting.demo_strokes(party.person.employee_no),
            password="demo1234",
        )
    inspections.seal(store, new_id, key_password="demo1234")
    listed = [f for f in findings.list_findings(store) if f.title == old.title]
    assert len(listed) == 1 and listed[0].state == "rectifying"
    store.dispose()
