import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from branchcheck import audit, inspections


def test_chain_holds_and_a_changed_entry_breaks_it(people_store):
    inspections.start(
        people_store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"]},
    )
    with people_store.session() as s:
        result = audit.check_chain(s)
        assert result.ok and result.entries > 10
    with pytest.raises(DatabaseError, match="append-only"), people_store.session() as s:
        s.execute(text("UPDATE audit_log SET actor='E999' WHERE id=3"))
    with people_store.session() as s:  # someone who drops the guard is still caught by the chain
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        s.execute(text("UPDATE audit_log SET actor='E999' WHERE id=3"))
    with people_store.session() as s:
        assert audit.check_chain(s).broken_at == 3
