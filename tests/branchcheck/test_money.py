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
