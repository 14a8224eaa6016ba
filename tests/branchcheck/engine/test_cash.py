"""The count grid and the teller boxes: totals, differences, 长款/短款, no offsetting."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchcheck.engine import ITEM_TYPES, RULES, EvalContext, PersonRef
from branchcheck.engine.validate import load_all
from branchcheck.errors import AnswerError
from branchcheck.settings import Settings

TEMPLATE = load_all()["vault_check"].template
CASH = TEMPLATE.item("cash_count")
BOXES = TEMPLATE.item("teller_boxes")
DENOMS = CASH.params["denominations"]
TELLERS = [PersonRef("E004", "张伟", ("teller",)), PersonRef("E005", "刘芳", ("teller",))]


def ctx(settings=None):
    settings = settings or Settings()
    return EvalContext(
        template=TEMPLATE,
        local_date=date(2026, 11, 20),
        inspector=PersonRef("E001", "王建国", ("branch_head",)),
        people={"tellers": TELLERS, "vault_keeper": [PersonRef("E003", "李梅", ("vault_keeper",))]},
        settings=settings,
    )


counts = st.fixed_dictionaries(
    {
        d["key"]: st.fixed_dictionaries(
            {
                "bundles": st.integers(0, 20),
                "straps": st.integers(0, 9),
                "loose": st.integers(0, 99),
            }
        )
        for d in DENOMS
    }
)


@given(counts, st.integers(0, 10**10))
def test_total_is_sum_of_pieces_times_face(rows, book):
    value = ITEM_TYPES["cash_count"].parse(CASH, {"rows": rows, "book_fen": book}, ctx())
    outcome = RULES["cash_balances"](CASH, value, ctx())
    expected = sum(
        (r["bundles"] * 1000 + r["straps"] * 100 + r["loose"]) * d["face_fen"]
        for d in DENOMS
        for r in [rows[d["key"]]]
    )
    assert outcome.computed["total_fen"] == expected
    diff = expected - book
    assert outcome.computed["diff_fen"] == diff
    assert isinstance(expected, int)
    if diff > 0:
        assert outcome.result == "fail" and "长款" in outcome.display["zh"]
    elif diff < 0:
        assert outcome.result == "fail" and "短款" in outcome.display["zh"]
    else:
        assert outcome.result == "pass" and not outcome.problems
    table = outcome.tables[0]
    assert table["footer"][0][-1] == expected and table["footer"][2][-1] == diff


@given(st.integers(1, 5000), st.integers(1, 500))
def test_bundle_sizes_are_settings(per_bundle, per_strap):
    s = Settings(notes_per_bundle=per_bundle, notes_per_strap=per_strap)
    value = {"rows": {"n100": {"bundles": 2, "straps": 3, "loose": 4}}, "book_fen": 0}
    out = RULES["cash_balances"](CASH, value, ctx(s))
    assert out.computed["total_fen"] == (2 * per_bundle + 3 * per_strap + 4) * 10000


@pytest.mark.parametrize(
    "bad,msg",
    [
        (
            {
                "rows": {},
            },
            "book balance",
        ),
        ({"rows": {"n3": {"bundles": 1}}, "book_fen": 0}, "unknown denomination 'n3'"),
        ({"rows": {"n100": {"bundles": -1}}, "book_fen": 0}, "n100.bundles must be ≥ 0"),
        ({"rows": {"n100": {"bundles": 1.5}}, "book_fen": 0}, "whole number"),
        ("lots", "must be an object"),
    ],
)
def test_bad_count_answers_name_the_item_and_field(bad, msg):
    with pytest.raises(AnswerError, match=msg) as exc:
        ITEM_TYPES["cash_count"].parse(CASH, bad, ctx())
    assert "cash_count" in str(exc.value)


@given(st.lists(st.integers(-(10**6), 10**6), min_size=2, max_size=2))
def test_teller_overages_and_shortages_never_offset(diffs):
    rows = [
        {"teller": p.employee_no, "system_fen": 10**7, "counted_fen": 10**7 + d}
        for p, d in zip(TELLERS, diffs, strict=True)
    ]
    value = ITEM_TYPES["teller_boxes"].parse(BOXES, {"rows": rows}, ctx())
    out = RULES["teller_boxes_balance"](BOXES, value, ctx())
    assert out.computed["overage_fen"] == sum(d for d in diffs if d > 0)
    assert out.computed["shortage_fen"] == -sum(d for d in diffs if d < 0)
    assert len(out.problems) == sum(1 for d in diffs if d)
    assert (out.result == "pass") == all(d == 0 for d in diffs)
    for p, d in zip(out.problems, [d for d in diffs if d], strict=True):
        assert ("长款" if d > 0 else "短款") in p.title["zh"]


def test_unchecked_teller_and_stranger_rows():
    out = RULES["teller_boxes_balance"](
        BOXES,
        {
            "rows": [
                {
                    "teller": "E004",
                    "system_fen": 1,
                    "counted_fen": 1,
                    "vouchers_ok": True,
                    "note": "",
                }
            ]
        },
        ctx(),
    )
    assert out.result == "fail" and "刘芳尾箱未核对" in out.problems[0].title["zh"]
    with pytest.raises(AnswerError, match="not among the people checked"):
        ITEM_TYPES["teller_boxes"].parse(
            BOXES, {"rows": [{"teller": "E999", "system_fen": 1, "counted_fen": 1}]}, ctx()
        )


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_difference_is_counted_minus_book(counted, book):
    from branchcheck.engine.cash import diff_label, difference

    diff = difference(counted, book)
    assert diff == counted - book
    assert diff_label(diff)["zh"] == ("长款" if diff > 0 else "短款" if diff < 0 else "相符")
