"""Settlement account management: the account-list review summary from the facts, the practice
items' sources, and the people."""

import pytest

from branchcheck import inspections
from branchcheck.engine import RULES
from branchcheck.errors import PeopleRuleError

from .conftest import make_ctx, template

TEMPLATE = template("account_management")
REVIEW = TEMPLATE.item("account_review")
PEOPLE = {"account_clerks": ["E005", "E009"]}


def judge(review):
    facts = {"account_review": review} if review is not None else {}
    return RULES["account_review_summary"](
        REVIEW, None, make_ctx("account_management", PEOPLE, facts=facts)
    )


def test_no_review_imported_is_not_applicable():
    out = judge(None)
    assert out.result == "na" and out.display["zh"] == "本期未导入账户清单"


def test_review_with_every_flag_decided_passes():
    out = judge(
        {
            "review_id": "r1",
            "as_of": "2026-10-31",
            "accounts": 412,
            "flagged": 9,
            "undecided": 0,
            "by_flag": {"dormant": 5, "expired_documents": 3, "shared_phone": 1},
        }
    )
    assert out.result == "pass"
    assert out.computed["by_flag"] == {"dormant": 5, "expired_documents": 3, "shared_phone": 1}
    assert "412" in out.display["zh"] and out.tables[0]["footer"][1][2] == 9


def test_undecided_flags_fail():
    out = judge(
        {
            "review_id": "r1",
            "as_of": "2026-10-31",
            "accounts": 412,
            "flagged": 9,
            "undecided": 2,
            "applied": 5,
            "explained": 1,
            "rectify": 1,
            "by_flag": {"dormant": {"zh": "长期不动户", "en": "dormant", "count": 9}},
        }
    )
    assert out.result == "fail"
    undecided, rectify = out.problems
    assert "2 户" in undecided.title["zh"] and undecided.subject == "undecided"
    assert "1 户" in rectify.title["zh"] and rectify.subject == "rectify"
    assert out.tables[0]["rows"] == [["长期不动户", "dormant", 9]]
    assert [r[2] for r in out.tables[0]["footer"]] == [412, 9, 5, 1, 1, 2]
    assert (out.computed["applied"], out.computed["rectify"]) == (5, 1)


def test_a_review_with_accounts_to_rectify_fails_like_the_review():
    """Issue #8.16: the review's account list fails while accounts are to be rectified."""
    out = judge(
        {"review_id": "r1", "as_of": "2026-10-31", "accounts": 30, "flagged": 9, "undecided": 0,
         "applied": 8, "explained": 0, "rectify": 1, "by_flag": {}}
    )  # fmt: skip
    assert out.result == "fail"
    assert [p.subject for p in out.problems] == ["rectify"]
    assert "限期整改 1 户" in out.display["zh"]


def test_every_practice_item_cites_its_rule():
    sources = {i.key: i.source for i in TEMPLATE.items()}
    assert "第五十六条" in sources["dormant_accounts"]
    assert "银发〔2019〕41号" in sources["expired_documents"]
    assert "第六十二条" in sources["annual_review"]
    assert all(
        TEMPLATE.item(k).seed == "000_1561e782874b01c0.txt" and "汪志勇、王勇才" in sources[k]
        for k in ("special_idle_accounts", "deregistered_companies", "systems_agree", "red_flags")
    )


def test_inspector_does_not_review_own_work(people_store):
    with pytest.raises(PeopleRuleError, match="cannot be both"):
        inspections.start(
            people_store,
            checklist="account_management",
            inspector="E010",
            people={"account_clerks": ["E010"]},
        )


def test_the_proposed_rectification_date_is_the_cores():
    from datetime import date

    from branchcheck.engine.accounts import proposed_due_date
    from branchcheck.settings import Settings

    assert proposed_due_date(date(2026, 11, 20), Settings()) == date(2026, 12, 20)
    assert proposed_due_date(date(2026, 11, 20), Settings(rectify_days=7)) == date(2026, 11, 27)
