"""The list of records and its filters: each filter is a query of the store, combined with AND."""

from datetime import date

import pytest
from sqlalchemy import text

from branchcheck import inspections
from branchcheck.errors import AnswerError

PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004", "E005"]}


def _start(store) -> str:
    return inspections.start(store, checklist="vault_check", inspector="E001", people=PEOPLE)


def _sealed_correction(store, record_id: str) -> str:
    """A sealed correction of `record_id` as its inspection row (what current_only reads)."""
    with store.session() as s:
        cols = [r[1] for r in s.execute(text("PRAGMA table_info(inspection)"))]
        same = ", ".join(c for c in cols if c not in ("id", "supersedes_id", "version"))
        s.execute(
            text(
                f"INSERT INTO inspection (id, supersedes_id, version, {same}) "
                f"SELECT 'correction-1', id, 2, {same} FROM inspection WHERE id = :id"
            ),
            {"id": record_id},
        )
        s.commit()
    return "correction-1"


def _ids(records) -> set[str]:
    return {r.id for r in records}


def test_no_filter_lists_every_record_newest_first(demo):
    records = inspections.list_records(demo)
    assert len(records) == 11
    started = [r.started_at for r in records]
    assert started == sorted(started, reverse=True)


def test_checklist_and_date_range(demo):
    every = inspections.list_records(demo)
    vault = inspections.list_records(demo, checklist="vault_check")
    assert _ids(vault) == {r.id for r in every if r.checklist == "vault_check"} and vault
    first, last = date(2026, 11, 19), date(2026, 11, 24)
    ranged = inspections.list_records(demo, first=first, last=last)
    assert _ids(ranged) == {r.id for r in every if "2026-11-19" <= r.local_date <= "2026-11-24"}
    both = inspections.list_records(demo, checklist="vault_check", first=first, last=last)
    assert sorted(r.local_date for r in both) == ["2026-11-19", "2026-11-23", "2026-11-24"]


def test_status_filter(people_store):
    open_id = _start(people_store)
    assert _ids(inspections.list_records(people_store, status="in_progress")) == {open_id}
    assert inspections.list_records(people_store, status="sealed") == []
    with pytest.raises(AnswerError, match="unknown record status 'open'"):
        inspections.list_records(people_store, status="open")


def test_person_is_the_inspector_or_anyone_on_the_record(people_store):
    rid = _start(people_store)
    for person in ("E001", "E003", "E005"):  # inspector, vault keeper, a teller
        assert _ids(inspections.list_records(people_store, person=person)) == {rid}
    assert inspections.list_records(people_store, person="E009") == []
    assert inspections.list_records(people_store, person="E999") == []  # a match, not a lookup


def test_text_search_finds_title_names_numbers_and_id_prefix(demo):
    every = inspections.list_records(demo)
    vault = {r.id for r in every if r.checklist == "vault_check"}
    assert _ids(inspections.list_records(demo, text="查库")) >= vault
    assert _ids(inspections.list_records(demo, text="VAULT CHECK")) == vault  # either language
    assert _ids(inspections.list_records(demo, text="  e002 ")) == {
        r.id for r in every if r.inspector == "E002"
    }
    one = every[3]
    assert _ids(inspections.list_records(demo, text=one.id[:6])) == {one.id}
    assert inspections.list_records(demo, text="100%") == []  # % is itself, not a wildcard
    assert inspections.list_records(demo, text="_") == []


def test_a_too_long_search_is_refused(demo):
    with pytest.raises(AnswerError, match="at most 100 characters"):
        inspections.list_records(demo, text="查" * 101)


def test_current_only_leaves_out_a_record_replaced_by_a_sealed_correction(demo):
    every = inspections.list_records(demo)
    replaced = every[0].id
    new = _sealed_correction(demo, replaced)
    current = _ids(inspections.list_records(demo, current_only=True))
    assert current == {r.id for r in every} - {replaced} | {new}
    assert replaced in _ids(inspections.list_records(demo))
