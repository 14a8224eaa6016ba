"""The database itself refuses changes to what a sealed record depends on (migration 0004): its
inspection row, answers and signatures, and the audit anchors."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from branchcheck import inspections


def _sealed_id(store) -> str:
    return next(r.id for r in inspections.list_records(store) if r.status == "sealed")


def _refused(store, statement: str, match: str, **params) -> None:
    with pytest.raises(DatabaseError, match=match), store.session() as s:
        s.execute(text(statement), params)


@pytest.mark.parametrize(
    ("statement", "match"),
    [
        (
            "UPDATE inspection SET status='in_progress' WHERE id=:i",
            "sealed inspection never changes",
        ),
        ("UPDATE inspection SET current_section=3 WHERE id=:i", "sealed inspection never changes"),
        ("DELETE FROM inspection WHERE id=:i", "sealed inspection is never removed"),
        (
            "INSERT INTO answer (inspection_id, item_key, part, value, answered_at) "
            "VALUES (:i, 'forged', '', '{\"v\": 1}', '2026-11-30T10:00:00+08:00')",
            "answers of a sealed record never change",
        ),
        ("UPDATE answer SET value='{\"v\": 0}' WHERE inspection_id=:i", "answers of a sealed"),
        ("DELETE FROM signature WHERE inspection_id=:i", "signatures of a sealed record"),
        ("UPDATE signature SET signed_at='x' WHERE inspection_id=:i", "signatures of a sealed"),
        (
            "INSERT INTO signature (inspection_id, party, staff_id, strokes, png, signed_at) "
            "VALUES (:i, 'forged', 1, '[]', x'00', '2026-11-30T10:00:00+08:00')",
            "signatures of a sealed record",
        ),
        ("UPDATE audit_anchor SET count=1", "audit anchors are append-only"),
        ("DELETE FROM audit_anchor", "audit anchors are append-only"),
    ],
)
def test_direct_sql_on_a_sealed_record_is_refused(demo, statement, match):
    rid = _sealed_id(demo)
    _refused(demo, statement, match, i=rid)
    with demo.read() as conn:
        status = conn.execute(text("SELECT status FROM inspection WHERE id=:i"), {"i": rid})
        assert status.scalar_one() == "sealed"


def test_an_unsealed_inspection_still_changes(people_store):
    rid = inspections.start(
        people_store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"]},
    )
    with people_store.session() as s:
        s.execute(text("UPDATE inspection SET current_section=1 WHERE id=:i"), {"i": rid})
    with people_store.read() as conn:
        row = conn.execute(text("SELECT current_section FROM inspection WHERE id=:i"), {"i": rid})
        assert row.scalar_one() == 1
