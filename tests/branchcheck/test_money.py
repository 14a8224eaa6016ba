from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchcheck.errors import AnswerError
from branchcheck.money import fen_to_yuan, format_fen, yuan_to_fen


def test_format():
    assert format_fen(123456) == "¥1,234.56"
    assert format_fen(-5) == "-¥0.05"
    assert format_fen(100, sign=True) == "+¥1.00"


@pytest.mark.parametrize("text,fen", [("1,234.56", 123456), ("¥12", 1200), ("0.5", 50), (7, 700)])
def test_parse(text, fen):
    assert yuan_to_fen(text) == fen


def test_not_an_amount():
    with pytest.raises(AnswerError, match="'abc' is not an amount"):
        yuan_to_fen("abc")


def test_floats_and_fractions_of_fen_are_refused():
    with pytest.raises(AnswerError):
        yuan_to_fen(1.5)
    with pytest.raises(AnswerError, match="two decimal places"):
        yuan_to_fen("1.005")


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_round_trip(fen):
    assert yuan_to_fen(str(fen_to_yuan(fen))) == fen
    assert fen_to_yuan(fen) == Decimal(fen) / 100


@pytest.mark.parametrize(
    "fen,words",
    [
        (12_300_000, "人民币壹拾贰万叁仟元整"),
        (0, "人民币零元整"),
        (100, "人民币壹元整"),
        (1_000, "人民币壹拾元整"),
        (50, "人民币伍角整"),
        (5, "人民币伍分"),
        (1_234_56, "人民币壹仟贰佰叁拾肆元伍角陆分"),
        (32_504, "人民币叁佰贰拾伍元零肆分"),
        (100_510, "人民币壹仟零伍元壹角整"),
        (10_000_000, "人民币壹拾万元整"),
        (10_070_053, "人民币壹拾万零柒佰元伍角叁分"),
        (100_100_000, "人民币壹佰万壹仟元整"),
        (10_000_000_000, "人民币壹亿元整"),
        (10_001_000_000, "人民币壹亿零壹万元整"),
        (26_052_500, "人民币贰拾陆万零伍佰贰拾伍元整"),
    ],
)
def test_amount_in_words(fen, words):
    from branchcheck.money import amount_in_words

    assert amount_in_words(fen) == words


def test_amount_in_words_refuses_negative_amounts():
    from branchcheck.money import amount_in_words

    with pytest.raises(ValueError, match="absolute"):
        amount_in_words(-100)
