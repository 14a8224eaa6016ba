"""`audit verify` holds the rows against what vouches for them: the guards are all there, a
finding's row agrees with its steps and with its sealed record — whoever dropped a trigger first."""

import sqlite3

import pytest

from branchcheck import audit, findings
from branchcheck.integrity import GUARDS


def _verify(store):
    with store.read() as conn:
        return audit.verify(conn)


def test_the_guard_list_is_what_the_migrations_make(store):
    db = sqlite3.connect(store.path)
    made = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    db.close()
    assert made == set(GUARDS)


def _sealed_open_finding(demo):
    return next(
        f
        for f in findings.list_findings(demo, state="open", origin="inspection")
        if f.record_status == "sealed"
    )


def _tamper(demo, *statements):
    db = sqlite3.connect(demo.path)
    with db:
        for sql, params in statements:
            db.execute(sql, params)
    db.close()


def test_an_untouched_demo_store_verifies(demo):
    result = _verify(demo)
    assert result.guards_missing == () and result.rows == ()
    assert result.ok


def test_a_dropped_guard_is_reported(demo):
    _tamper(demo, ("DROP TRIGGER finding_no_delete", ()))
    result = _verify(demo)
    assert result.guards_missing == ("finding_no_delete",) and not result.ok
    assert any("guards are missing: finding_no_delete" in line for line in result.lines())


@pytest.mark.parametrize(
    ("statements", "problem"),
    [
        (
            [
                "DROP TRIGGER finding_state_needs_step",
                "UPDATE finding SET state = 'closed' WHERE id = ?",
            ],
            "state closed with no recorded step",
        ),
        (
            [
                "DROP TRIGGER finding_fixed_no_update",
                "UPDATE finding SET severity = 'zz' WHERE id = ?",
            ],
            "differs from the sealed record: severity",
        ),
        (
            ["DROP TRIGGER finding_no_delete", "DELETE FROM finding WHERE id = ?"],
            "a sealed record's finding is gone",
        ),
    ],
)
def test_a_finding_rewritten_behind_the_guards_is_reported(demo, statements, problem):
    f = _sealed_open_finding(demo)
    _tamper(demo, *[(sql, (f.id,) if "?" in sql else ()) for sql in statements])
    result = _verify(demo)
    assert [r.problem.split(" / ")[1] for r in result.rows] == [problem]
    assert result.rows[0].subject == f"finding {f.id[:8]}"
    assert not result.ok


def test_a_step_text_rewritten_in_place_is_reported(demo):
    f = _sealed_open_finding(demo)
    findings.start_rectification(demo, f.id, action="补登借条", actor="E001")
    _tamper(demo, ("UPDATE finding SET action = '无需整改' WHERE id = ?", (f.id,)))
    result = _verify(demo)
    assert [r.problem for r in result.rows] == [
        "action 与整改步骤记录不符 / action differs from what its steps recorded"
    ]


def test_a_role_given_or_a_person_added_by_direct_sql_is_reported(demo):
    _tamper(
        demo,
        ("UPDATE staff SET roles = '[\"branch_head\"]' WHERE employee_no = 'E004'", ()),
        (
            "INSERT INTO staff (employee_no, name, roles, external, organisation, id_number, "
            "active) VALUES ('E999', '某人', '[\"supervisor\"]', 0, '', '', 1)",
            (),
        ),
    )
    result = _verify(demo)
    assert [(r.subject, r.problem.split(" / ")[1]) for r in result.rows] == [
        ("staff E004", "roles branch_head differ from the audit trail's (teller)"),
        ("staff E999", "the audit trail never added this person"),
    ]
