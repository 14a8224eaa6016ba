"""Drafts: a partly filled table kept as typed, never evaluated as an answer; a full answer
replaces it."""

import pytest
from sqlalchemy import select

from branchcheck import inspections
from branchcheck.db import open_store
from branchcheck.db.models import AuditEntry
from branchcheck.errors import AnswerError, StateError

from ..conftest import YES
from .test_inspections import fill, start

HALF_COUNT = {"rows": [["n100", "3", "", "7", ""], ["n50", "", "", "", ""]], "fields": {"book": ""}}


def _deep(levels):
    value = "deep"
    for _ in range(levels):
        value = [value]
    return value


def audit_actions(store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_a_draft_is_committed_and_shown_again_but_is_no_answer(people_store):
    iid = start(people_store)
    inspections.save_draft(people_store, iid, "cash_count", HALF_COUNT, note="点到一半")
    other = open_store(people_store.path)  # on disk before save_draft returned
    state = inspections.load(other, iid)
    other.dispose()
    assert state.drafts["cash_count"].value == HALF_COUNT
    assert state.drafts["cash_count"].note == "点到一半"
    assert "cash_count" not in state.answers and "cash_count" not in state.notes
    assert state.progress()[0] == 0
    ev = inspections.evaluation(people_store, iid)
    assert ev.outcomes["cash_count"].result == "unanswered"
    assert "cash_count" in ev.missing_required


def test_complete_lists_a_drafted_item_as_unanswered(people_store):
    iid = start(people_store)
    fill(people_store, iid)
    inspections.save_draft(people_store, iid, "cash_count", HALF_COUNT)
    with pytest.raises(AnswerError, match="required item.*cash_count") as caught:
        inspections.complete(people_store, iid)
    assert caught.value.missing == ["cash_count"]


def test_a_full_answer_replaces_the_draft_and_a_draft_the_answer(people_store):
    iid = start(people_store)
    inspections.save_draft(people_store, iid, "no_iou", None, note="还没看")
    inspections.answer(people_store, iid, "no_iou", "yes", note="看过了")
    state = inspections.load(people_store, iid)
    assert state.answers == {"no_iou": "yes"} and state.notes == {"no_iou": "看过了"}
    assert state.drafts == {}
    inspections.save_draft(people_store, iid, "no_iou", None, note="改一下")
    state = inspections.load(people_store, iid)
    assert state.answers == {} and state.drafts["no_iou"].note == "改一下"


def test_drafting_a_completed_inspection_reopens_it(people_store):
    iid = start(people_store)
    fill(people_store, iid)
    inspections.complete(people_store, iid)
    inspections.save_draft(people_store, iid, "cash_count", HALF_COUNT)
    state = inspections.load(people_store, iid)
    assert state.status == "in_progress" and "cash_count" not in state.answers


def test_only_the_start_of_a_draft_is_audited(people_store):
    iid = start(people_store)
    before = audit_actions(people_store)
    for n in range(5):
        draft = {"rows": [["n100", str(n), "", "", ""]]}
        inspections.save_draft(people_store, iid, "cash_count", draft)
    assert audit_actions(people_store)[len(before) :] == ["answer.draft"]
    inspections.answer(people_store, iid, "no_iou", "yes")
    inspections.save_draft(people_store, iid, "no_iou", None)
    assert audit_actions(people_store)[-2:] == ["answer", "answer.draft"]


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ({"rows": "n100"}, "rows must be a list"),
        ({"rows": [["n100", {"bundles": 3}]]}, "row 1 must be a list of cells"),
        ({"rows": [], "book_fen": 5}, "rows and fields"),
        ({"fields": {"book": ["x"]}}, "fields must be cells"),
        ({"rows": [["x" * 10_001]]}, "longer than 10000"),
        (_deep(14), "nested deeper"),
    ],
)
def test_a_draft_out_of_shape_or_bounds_is_refused_and_nothing_stored(people_store, raw, words):
    iid = start(people_store)
    before = audit_actions(people_store)
    with pytest.raises(AnswerError, match=words):
        inspections.save_draft(people_store, iid, "cash_count", raw)
    assert inspections.load(people_store, iid).drafts == {}
    assert audit_actions(people_store) == before


def test_a_part_draft_leaves_the_list_answer_alone(people_store):
    iid = start(people_store)
    inspections.answer(people_store, iid, "no_iou", "yes")
    inspections.save_draft(people_store, iid, "no_iou", "半句", part="A1")
    state = inspections.load(people_store, iid)
    assert state.answers == {"no_iou": "yes"}
    assert state.drafts["no_iou"].parts == {"A1": "半句"} and state.drafts["no_iou"].value is None


def test_no_draft_on_a_sealed_record(demo):
    rec = next(r for r in inspections.list_records(demo) if r.status == "sealed")
    before = audit_actions(demo)
    with pytest.raises(StateError, match="sealed"):
        inspections.save_draft(demo, rec.id, YES[0], None, note="late")
    assert audit_actions(demo) == before
