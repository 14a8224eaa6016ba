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


# ---------------------------------------------------------------- book by denomination


def by_denomination(n100_book, n50_book, total=None):
    """¥100: 1 bundle, 2 straps, 30 loose (¥123,000.00); ¥50: 4 straps (¥20,000.00)."""
    rows = {
        "n100": {"bundles": 1, "straps": 2, "loose": 30, "book_fen": n100_book},
        "n50": {"bundles": 0, "straps": 4, "loose": 0, "book_fen": n50_book},
    }
    book = n100_book + n50_book if total is None else total
    return ITEM_TYPES["cash_count"].parse(CASH, {"rows": rows, "book_fen": book}, ctx())


def test_denominations_never_offset_each_other():
    # ¥100 notes one over, ¥50 notes two under: the total agrees, two differences all the same
    value = by_denomination(12_300_000 - 10_000, 2_000_000 + 10_000)
    out = RULES["cash_balances"](CASH, value, ctx())
    assert out.computed["diff_fen"] == 0
    assert out.result == "fail"
    assert [p.title["zh"] for p in out.problems] == [
        "库存现金按券别清点，与账面相符：100元券长款 ¥100.00",
        "库存现金按券别清点，与账面相符：50元券短款 ¥100.00",
    ]
    assert len({p.subject for p in out.problems}) == 2
    assert "相符" not in out.display["zh"] and "¥0.00" not in out.display["zh"]
    assert "长款合计 ¥100.00" in out.display["zh"] and "短款合计 ¥100.00" in out.display["zh"]
    assert out.computed["compared"] == "denomination"
    assert out.computed["overage_fen"] == 10_000 and out.computed["shortage_fen"] == 10_000
    table = out.tables[0]
    cols = [c["key"] for c in table["columns"]]
    assert cols[-2:] == ["book", "diff"]
    n100, n50 = table["rows"][0], table["rows"][1]
    assert n100[-2:] == [12_290_000, 10_000] and n50[-2:] == [2_010_000, -10_000]
    labels = [f[0] for f in table["footer"]]
    assert "长款合计 Overages" in labels and "短款合计 Shortages" in labels
    assert not any(label.startswith("差额") for label in labels)


def test_denominations_that_agree_pass():
    out = RULES["cash_balances"](CASH, by_denomination(12_300_000, 2_000_000), ctx())
    assert out.result == "pass" and "各券别均与账面相符" in out.display["zh"]


def test_a_denomination_in_the_book_but_not_counted_is_a_shortage():
    raw = {"rows": {"n20": {"book_fen": 2000}}, "book_fen": 2000}
    value = ITEM_TYPES["cash_count"].parse(CASH, raw, ctx())
    out = RULES["cash_balances"](CASH, value, ctx())
    assert [p.title["zh"] for p in out.problems] == [
        "库存现金按券别清点，与账面相符：20元券短款 ¥20.00"
    ]


def test_only_a_total_book_figure_says_so():
    raw = {"rows": {"n100": {"bundles": 1}}, "book_fen": 10_000_000}
    value = ITEM_TYPES["cash_count"].parse(CASH, raw, ctx())
    out = RULES["cash_balances"](CASH, value, ctx())
    assert out.result == "pass" and out.computed["compared"] == "total"
    assert "按合计核对" in out.display["zh"] and "by total" in out.display["en"]
    assert out.tables[0]["footer"][1][0] == "账面余额（按合计核对）Book (total only)"


@pytest.mark.parametrize(
    "raw,msg",
    [
        (
            {"rows": {"n100": {"loose": 1, "book_fen": 10_000}}, "book_fen": 20_000},
            "differs from the sum",
        ),
        (
            {
                "rows": {"n100": {"loose": 1, "book_fen": 10_000}, "n50": {"loose": 2}},
                "book_fen": 20_000,
            },
            "n50: the book figure",
        ),
        (
            {"rows": {"n100": {"loose": 1, "book_fen": -1}}, "book_fen": 0},
            "n100.book_fen must be ≥ 0",
        ),
    ],
)
def test_book_by_denomination_must_add_up(raw, msg):
    with pytest.raises(AnswerError, match=msg):
        ITEM_TYPES["cash_count"].parse(CASH, raw, ctx())


# ---------------------------------------------------------------- amounts in words (大写)


def test_large_totals_and_differences_are_also_in_words():
    value = by_denomination(12_300_000, 2_000_000 + 10_000)
    out = RULES["cash_balances"](CASH, value, ctx())
    assert "（人民币壹拾肆万叁仟元整）" in out.display["zh"]
    assert out.computed["total_words"] == "人民币壹拾肆万叁仟元整"
    # ¥100 is under the default threshold (¥10,000): no words for it
    assert "短款合计 ¥100.00，" in out.display["zh"] + "，"
    s = Settings(words_from_fen=100)
    out = RULES["cash_balances"](CASH, value, ctx(s))
    assert "短款合计 ¥100.00（人民币壹佰元整）" in out.display["zh"]
    assert out.computed["shortage_words"] == "人民币壹佰元整"


def test_a_total_difference_in_words_names_its_kind():
    raw = {"rows": {"n100": {"bundles": 1}}, "book_fen": 12_000_000}
    value = ITEM_TYPES["cash_count"].parse(CASH, raw, ctx())
    out = RULES["cash_balances"](CASH, value, ctx(Settings(words_from_fen=100)))
    assert "短款 ¥20,000.00（短款 人民币贰万元整）" in out.display["zh"]
    assert out.computed["diff_words"] == "短款 人民币贰万元整"


def test_words_are_an_absolute_amount_with_its_kind():
    from branchcheck.engine.cash import diff_in_words

    assert diff_in_words(-12_300_000) == "短款 人民币壹拾贰万叁仟元整"
    assert diff_in_words(5) == "长款 人民币伍分"
    assert diff_in_words(0) == "相符"


# ---------------------------------------------------------------- the boxes' summary


def test_box_summary_agrees_with_its_findings():
    tellers = TELLERS + [PersonRef("E006", "陈静", ("teller",))]
    c = ctx()
    c.people["tellers"] = tellers
    rows = [
        {"teller": "E004", "system_fen": 10_000, "counted_fen": 0},
        {"teller": "E005", "system_fen": 10_000, "counted_fen": 20_000, "vouchers_ok": False},
        {"teller": "E006", "system_fen": 10_000, "counted_fen": 10_000, "vouchers_ok": False},
    ]
    value = ITEM_TYPES["teller_boxes"].parse(BOXES, {"rows": rows}, c)
    out = RULES["teller_boxes_balance"](BOXES, value, c)
    assert len(out.problems) == 4
    assert out.display["zh"] == (
        "3 个尾箱，2 个金额不符（长款合计 ¥100.00，短款合计 ¥100.00），2 个重要空白凭证不符"
    )
    c.people["tellers"] = tellers + [PersonRef("E007", "赵磊", ("teller",))]
    out = RULES["teller_boxes_balance"](BOXES, value, c)
    assert len(out.problems) == 5 and out.display["zh"].endswith("；1 名柜员尾箱未核对")
    labels = [f[0] for f in out.tables[0]["footer"]]
    assert labels == ["长款合计 Overages", "短款合计 Shortages"]
