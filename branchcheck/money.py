"""Money is integer fen in the store and in answers, Decimal yuan in computations shown to people."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from branchcheck.errors import AnswerError

FEN_PER_YUAN = 100


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def yuan_to_fen(value: str | int | Decimal, *, field: str = "amount") -> int:
    """Parse a yuan amount given as text ('1,234.56', '¥12', '12.5') into integer fen.

    Floats are refused on purpose: money never passes through binary floating point."""
    if isinstance(value, bool) or isinstance(value, float):
        raise AnswerError(f"{field}: amounts must be text or integer fen, not {value!r}")
    if isinstance(value, int):
        return value * FEN_PER_YUAN
    text = str(value).strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise AnswerError(f"{field}: '{value}' is not an amount") from None
    if amount != amount.quantize(Decimal("0.01")):
        raise AnswerError(f"{field}: '{value}' has more than two decimal places")
    return int((amount * FEN_PER_YUAN).to_integral_value(rounding=ROUND_HALF_UP))


def format_fen(fen: int, *, sign: bool = False) -> str:
    """¥1,234.56; with sign=True a leading + for positive amounts (differences)."""
    negative = fen < 0
    yuan = fen_to_yuan(abs(fen))
    text = f"¥{yuan:,.2f}"
    if negative:
        return "-" + text
    if sign and fen > 0:
        return "+" + text
    return text
