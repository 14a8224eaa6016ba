import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from branchcheck import audit, inspections
from branchcheck.db.read import json_value


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


# ---------------------------------------------------------------- anchors and `audit verify`


def _sql(store, *statements: str, **params) -> None:
    with store.session() as s:
        for statement in statements:
            s.execute(text(statement), params)


def _verify(store) -> audit.TrailCheck:
    with store.read() as conn:
        return audit.verify(conn)


def _rewrite_from(store, position: int) -> None:
    """What someone with the file can do: change one entry and recompute every later hash."""
    _sql(store, "DROP TRIGGER audit_log_no_update")
    with store.session() as s:
        rows = list(
            s.execute(
                text("SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id")
            ).mappings()
        )
        prev = audit.GENESIS
        for i, row in enumerate(rows, start=1):
            actor = "E999" if i == position else row["actor"]
            detail = json_value(row["detail"])
            new = audit._entry_hash(prev, row["at"], actor, row["action"], row["subject"], detail)
            s.execute(
                text("UPDATE audit_log SET actor=:a, prev_hash=:p, hash=:h WHERE id=:id"),
                {"a": actor, "p": prev, "h": new, "id": row["id"]},
            )
            prev = new


def test_the_demo_trail_verifies_with_its_anchors_and_files(demo):
    result = _verify(demo)
    assert result.ok, result.lines()
    sealed = len(inspections_sealed(demo))
    assert len(result.anchors) == sealed > 0
    assert len(result.files) == 2 * sealed and all(f.ok for f in result.files)
    last = result.last_trusted
    assert last is not None and last.id == result.anchors[-1].id
    assert result.unanchored == result.chain.entries - last.count
    assert f"not yet anchored: {result.unanchored} entries" in result.lines()[-2]


def inspections_sealed(store) -> list:
    return [r for r in inspections.list_records(store) if r.status == "sealed"]


def test_each_seal_anchors_the_head_ending_with_its_own_entry(demo):
    with demo.read() as conn:
        ids = [i for (i,) in conn.execute(text("SELECT id FROM audit_log ORDER BY id"))]
        anchors = conn.execute(
            text(
                "SELECT a.count, a.record_id, l.id, l.action, l.subject FROM audit_anchor a "
                "JOIN audit_log l ON l.hash = a.hash ORDER BY a.id"
            )
        ).all()
    assert {a.record_id for a in anchors} == {r.id for r in inspections_sealed(demo)}
    for count, record_id, entry_id, action, subject in anchors:
        assert (action, subject) == ("record.seal", record_id)
        assert ids[count - 1] == entry_id


def test_truncation_after_dropping_the_trigger_is_caught(demo):
    before = _verify(demo)
    _sql(
        demo,
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE id > (SELECT max(id) - 20 FROM audit_log)",
    )
    with demo.read() as conn:
        assert audit.check_chain(conn).ok  # the unkeyed chain alone does not notice
    result = _verify(demo)
    assert not result.ok
    assert result.chain.entries == before.chain.entries - 20
    bad = [a for a in result.anchors if not a.ok]
    assert bad and all("entries were removed" in (a.problem or "") for a in bad)
    last = result.last_trusted
    assert last is not None and last.count <= result.chain.entries < bad[0].count


def test_a_rewritten_entry_with_every_later_hash_recomputed_is_caught(demo):
    _rewrite_from(demo, 50)
    with demo.read() as conn:
        assert audit.check_chain(conn).ok
    result = _verify(demo)
    assert not result.ok
    bad = [a for a in result.anchors if not a.ok]
    assert [a.count >= 50 for a in result.anchors] == [not a.ok for a in result.anchors]
    assert "rewritten" in (bad[0].problem or "")
    last = result.last_trusted
    assert last is None or last.count < 50
    assert any("最后可信锚点" in line or "没有可信的锚点" in line for line in result.lines())


def test_a_forged_entry_appended_after_the_last_anchor_is_reported_unanchored(demo):
    before = _verify(demo).unanchored
    with demo.session() as s:
        audit.append(
            s,
            at="2026-11-30T10:00:00+08:00",
            actor="E010",
            action="finding.verify",
            subject="F-forged",
        )
    result = _verify(demo)
    assert result.unanchored == before + 1
    assert f"not yet anchored: {before + 1} entries" in " ".join(result.lines())


def test_an_anchor_whose_count_is_changed_no_longer_verifies(demo):
    _sql(
        demo,
        "DROP TRIGGER audit_anchor_no_update",
        "UPDATE audit_anchor SET count = count - 1 WHERE id = (SELECT max(id) FROM audit_anchor)",
    )
    result = _verify(demo)
    assert not result.ok
    assert "signature does not match" in (result.anchors[-1].problem or "")
    assert result.last_trusted == result.anchors[-2]


def test_an_anchor_whose_ca_is_no_longer_trusted_fails(demo):
    _sql(demo, "DELETE FROM trusted_ca")
    result = _verify(demo)
    assert not result.ok
    assert all("not trusted" in (a.problem or "") for a in result.anchors)
    assert result.last_trusted is None


def test_a_bit_flipped_in_a_stored_file_is_reported(demo):
    rid = inspections_sealed(demo)[0].id
    with demo.read() as conn:
        pdf = bytearray(
            conn.execute(text("SELECT pdf FROM sealed_record WHERE id=:i"), {"i": rid}).scalar_one()
        )
    pdf[len(pdf) // 2] ^= 0x01
    _sql(demo, "DROP TRIGGER sealed_record_no_update")
    with demo.session() as s:
        s.execute(text("UPDATE sealed_record SET pdf=:p WHERE id=:i"), {"p": bytes(pdf), "i": rid})
    result = _verify(demo)
    assert result.chain.ok and all(a.ok for a in result.anchors)
    assert not result.ok
    assert [(f.record_id, f.kind) for f in result.files if not f.ok] == [(rid, "pdf")]
    assert any(rid in line and "pdf" in line for line in result.lines())


def test_cli_verify_and_its_alias_check(demo, capsys):
    from branchcheck.cli import main

    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert main(["audit", "check"]) == 0
    assert capsys.readouterr().out == out
    assert "audit log intact" in out
    assert main(["audit", "verify", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["last_trusted_anchor"] == data["anchors"][-1]["id"]
    _sql(demo, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE id > 100")
    assert main(["audit", "verify", "--json"]) == 6
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["entries"] == 100
    assert main(["audit", "verify"]) == 6
    err = capsys.readouterr().err
    assert "entries were removed" in err and "条目被删除" in err
