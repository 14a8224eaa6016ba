"""Opening the store checks it: a damaged file, a store that disappeared or went back in time
against its anchor is refused (StoreError naming the file), and the file is left as it is."""

import json
import os
import shutil

import pytest

from branchcheck import backup
from branchcheck.db import open_store
from branchcheck.db.store import StoreError, audit_tip, read_anchor
from branchcheck.paths import anchor_path
from branchcheck.people import register as staff


def _truncate(path):
    os.truncate(path, path.stat().st_size // 2)


def _flip_bits(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 7 * 4096):  # the page type of a b-tree page's header
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def _not_a_database(path):
    path.write_text("这不是数据库 / not a database", encoding="utf-8")


def _header_only(path):
    path.write_bytes(path.read_bytes()[:100])


@pytest.mark.parametrize("damage", [_truncate, _flip_bits, _not_a_database, _header_only])
def test_a_damaged_store_is_refused_naming_the_file_and_left_as_it_is(demo, damage):
    path = demo.path
    demo.dispose()
    damage(path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert str(path) in caught.value.message
    assert "damaged" in caught.value.message and "损坏" in caught.value.message
    assert path.read_bytes() == before
    assert caught.value.exit_code == 7


def test_the_refusal_names_the_latest_backup_with_its_date(demo):
    taken = backup.run(demo)
    path = demo.path
    demo.dispose()
    _truncate(path)
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert f"branchcheck restore {taken.path}" in caught.value.hint
    assert taken.at in caught.value.hint


def test_disposing_a_store_records_its_anchor_0600(people_store):
    path = people_store.path
    people_store.dispose()
    anchor = read_anchor(path)
    count, last = audit_tip(path)
    assert count > 0 and anchor["entries"] == count and anchor["last_hash"] == last
    assert anchor_path(path).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_store_that_disappeared_is_refused_not_recreated(people_store, how):
    path = people_store.path
    people_store.dispose()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if how == "deleted":
        path.unlink()
    else:
        path.write_bytes(b"")
    with pytest.raises(StoreError, match="the store has disappeared"):
        open_store(path)
    assert path.exists() == (how == "emptied") and (not path.exists() or path.stat().st_size == 0)


def test_a_new_store_is_made_where_no_anchor_is(home):
    path = home / "branchcheck.sqlite3"
    st = open_store(path)
    st.dispose()
    assert path.stat().st_size > 0 and not anchor_path(path).exists()  # no entries: no anchor


def test_a_store_that_went_back_in_time_is_refused(people_store, tmp_path):
    path = people_store.path
    people_store.dispose()
    old = tmp_path / "old.sqlite3"
    shutil.copy(path, old)
    count, _ = audit_tip(path)
    st = open_store(path)
    staff.add_staff(st, employee_no="E099", name="新人", roles=["teller"], password="x" * 12)
    st.dispose()
    assert read_anchor(path)["entries"] > count
    shutil.copy(old, path)
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert f"went back in time: {count} audit entries" in caught.value.message
    assert f"the last anchor saw {read_anchor(path)['entries']}" in caught.value.message


def test_a_store_whose_chain_differs_from_the_anchor_is_refused(people_store):
    path = people_store.path
    people_store.dispose()
    anchor = anchor_path(path)
    data = json.loads(anchor.read_text(encoding="utf-8"))
    anchor.write_text(json.dumps(data | {"last_hash": "0" * 64}), encoding="utf-8")
    with pytest.raises(StoreError, match="went back in time"):
        open_store(path)


def test_without_the_anchor_file_the_newest_backup_is_the_anchor(people_store):
    backup.run(people_store)
    path = people_store.path
    people_store.dispose()
    anchor_path(path).unlink()
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with pytest.raises(StoreError, match="the store has disappeared"):
        open_store(path)
    assert not path.exists()
