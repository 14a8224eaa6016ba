"""Only the branch head explains a miss, with a reason, once; it stays a miss."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from branchcheck.db.models import AuditEntry, ObligationNote
from branchcheck.errors import AnswerError, AuthError, NotFoundError, StateError
from branchcheck.schedule import due, explain, obligations

from .conftest import vault_check

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
KEY = "vault_check:weekly:2026-W46"


@pytest.fixture
def missed(people_store):
    vault_check(people_store, date(2026, 11, 2))
    return people_store


def test_the_branch_head_explains_and_it_stays_a_miss(missed):
    ob = explain(missed, KEY, reason="  网点装修停业一周  ", actor="E001", now=NOW)
    assert (ob.key, ob.status, ob.explanation) == (KEY, "explained", "网点装修停业一周")
    [again] = [
        o
        for o in obligations(
            missed, date(2026, 11, 9), date(2026, 11, 15), as_of=date(2026, 11, 24)
        )
        if o.key == KEY
    ]
    assert (again.status, again.count, again.explanation) == ("explained", 0, "网点装修停业一周")
    assert {o.key: o.status for o in due(missed, date(2026, 11, 24))}[KEY] == "explained"
    with missed.session() as s:
        [note] = s.scalars(select(ObligationNote)).all()
        assert (note.obligation_key, note.reason) == (KEY, "网点装修停业一周")
        [entry] = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "obligation.explain")
        ).all()
        assert (entry.actor, entry.subject, entry.detail["reason"]) == (
            "E001",
            KEY,
            "网点装修停业一周",
        )


@pytest.mark.parametrize("actor", ["E004", "E002", "E010"])  # teller, deputy, supervisor
def test_only_the_branch_head_may_explain(missed, actor):
    with pytest.raises(
        AuthError, match="须由网点负责人办理 / .* cannot explain a missed check: only branch head"
    ):
        explain(missed, KEY, reason="理由", actor=actor, now=NOW)
    with missed.session() as s:
        assert s.scalars(select(ObligationNote)).all() == []


def test_a_reason_is_required(missed):
    with pytest.raises(AnswerError, match="reason is required"):
        explain(missed, KEY, reason="   ", actor="E001", now=NOW)


def test_a_second_explanation_is_refused(missed):
    explain(missed, KEY, reason="网点装修", actor="E001", now=NOW)
    with pytest.raises(StateError, match="already explained on 2026-11-24 by E001"):
        explain(missed, KEY, reason="另一理由", actor="E001", now=NOW)
    with missed.session() as s:
        assert [n.reason for n in s.scalars(select(ObligationNote))] == ["网点装修"]


def test_only_a_missed_obligation_can_be_explained(missed):
    with pytest.raises(StateError, match="only a missed obligation.*due"):
        explain(missed, "vault_check:weekly:2026-W48", reason="理由", actor="E001", now=NOW)
    with pytest.raises(StateError, match="only a missed obligation.*done"):
        explain(missed, "vault_check:weekly:2026-W45", reason="理由", actor="E001", now=NOW)


@pytest.mark.parametrize(
    "key", ["vault_check:weekly:2026-W02", "vault_check:weekly:someday", "nonsense"]
)
def test_an_unknown_obligation_is_not_found(missed, key):
    with pytest.raises(NotFoundError):
        explain(missed, key, reason="理由", actor="E001", now=NOW)
