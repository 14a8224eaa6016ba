"""Backups through SQLite's online backup API, verified, the newest kept; restore keeps the
current store aside and a restored store passes the audit check."""

import json
import os
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import text

from branchcheck import audit, backup, clock
from branchcheck.db import open_store
from branchcheck.db.store import StoreError, audit_tip, read_anchor
from branchcheck.settings import Settings, save_settings


def _records(store) -> list[tuple]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT id, status FROM inspection ORDER BY id")))


def test_a_backup_is_a_verified_private_copy_named_by_branch_and_time(demo, home):
    count, last = audit_tip(demo.path)
    taken = backup.run(demo)
    assert taken.path.parent == home / "backups"
    assert taken.path.name.startswith("GZ0101-") and taken.path.suffix == ".sqlite3"
    assert taken.path.stat().st_mode & 0o777 == 0o600
    assert (taken.entries, taken.last_hash, taken.branch) == (count, last, "GZ0101")
    assert backup.verify(taken.path) == backup.BackupInfo(
        taken.path, taken.at, "GZ0101", count, last
    )
    assert backup.list_backups(home / "backups") == [
        backup.BackupInfo(taken.path, taken.at, "GZ0101", count, last)
    ]
    assert read_anchor(demo.path)["entries"] == count


def test_the_configured_folder_and_only_the_newest_backups_are_kept(people_store, home, tmp_path):
    usb = tmp_path / "usb"
    save_settings(home, Settings(backup_folder=str(usb), backup_keep=2))
    taken = [backup.run(people_store) for _ in range(3)]
    kept = backup.list_backups(usb)
    assert [b.path for b in kept] == [taken[2].path, taken[1].path]
    assert not taken[0].path.exists()
    assert not taken[0].path.with_name(taken[0].path.name + ".json").exists()


def test_backup_damage_restore_keeps_records_and_audit(demo, home):
    records = _records(demo)
    taken = backup.run(demo)
    path = demo.path
    demo.dispose()
    os.truncate(path, path.stat().st_size // 3)
    damaged = path.read_bytes()
    with pytest.raises(StoreError):
        open_store(path)

    done = backup.restore(taken.path, path, actor="E001", password="demo1234")
    assert done.kept_aside is not None and done.kept_aside.read_bytes() == damaged
    restored = open_store(path)
    try:
        assert _records(restored) == records
        with restored.read() as conn:
            chain = audit.check_chain(conn)
            last = conn.execute(text("SELECT action FROM audit_log ORDER BY id DESC")).scalar()
        assert chain.ok and chain.entries == taken.entries + 1
        assert last == "store.restored"
    finally:
        restored.dispose()
    assert read_anchor(path)["entries"] == taken.entries + 1


def test_restore_refuses_a_backup_that_does_not_verify_and_changes_nothing(people_store, home):
    taken = backup.run(people_store)
    path = people_store.path
    people_store.dispose()
    before = path.read_bytes()
    side = taken.path.with_name(taken.path.name + ".json")
    data = json.loads(side.read_text(encoding="utf-8"))
    side.write_text(json.dumps(data | {"entries": data["entries"] + 5}), encoding="utf-8")
    with pytest.raises(StoreError, match="side file says"):
        backup.restore(taken.path, path, actor="E001", password="demo1234")
    os.truncate(taken.path, taken.path.stat().st_size // 2)
    with pytest.raises(StoreError, match="damaged"):
        backup.restore(taken.path, path, actor="E001", password="demo1234")
    assert path.read_bytes() == before
    assert sorted(p.name for p in home.iterdir() if "before-restore" in p.name) == []


def test_restore_refuses_a_backup_whose_audit_chain_is_broken(people_store, home):
    taken = backup.run(people_store)
    con = sqlite3.connect(taken.path)
    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
    for (name,) in con.execute(triggers).fetchall():
        con.execute(f"DROP TRIGGER {name}")  # a forger's copy: the append-only guard gone
    con.execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 1")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="audit log is broken at entry 1"):
        backup.restore(taken.path, people_store.path, actor="E001", password="demo1234")


def test_the_daily_backup_runs_once_a_day(people_store):
    today = clock.now().date()
    assert backup.due(people_store, today)
    assert backup.run_if_due(people_store, today) is not None
    assert backup.run_if_due(people_store, today) is None
    assert backup.due(people_store, today + timedelta(days=1))


def test_after_a_command_a_changed_store_is_anchored_and_backed_up(people_store, home):
    taken = backup.after_command([people_store.path])
    assert [b.entries for b in taken] == [audit_tip(people_store.path)[0]]
    assert read_anchor(people_store.path)["entries"] == taken[0].entries
    assert backup.after_command([people_store.path]) == []  # backed up today already
