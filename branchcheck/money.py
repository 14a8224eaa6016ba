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


DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def _group_in_words(n: int) -> str:
    """0 < n < 10000 in capital numerals; inner zeros as one 零, trailing zeros unwritten."""
    out, zero = "", False
    for place in range(3, -1, -1):
        d = n // 10**place % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[d] + _PLACES[place]
    return out


def amount_in_words(fen: int) -> str:
    """An amount in capital numerals as bank forms write it (大写): 人民币壹拾贰万叁仟元整.

    Zeros inside the number are one 零 (壹仟零伍元), 整 follows 元 or 角 when there are no 分,
    and a 角 of zero before 分 is 零 (叁佰贰拾伍元零肆分). Differences are written by their
    absolute amount with 长款/短款 beside them, so a negative amount is refused."""
    if fen < 0:
        raise ValueError("amount_in_words takes the absolute amount (no sign)")
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    groups = []
    n = yuan
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(_GROUPS):
        raise ValueError(f"amount too large for words: {fen} fen")
    words, gap = "", False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            gap = bool(words)
            continue
        if words and (gap or g < 1000):
            words += "零"
        words += _group_in_words(g) + _GROUPS[i]
        gap = False
    if words:
        words += "元"
    elif not (jiao or cents):
        words = "零元"
    if jiao:
        words += DIGITS[jiao] + "角"
    elif cents and yuan:
        words += "零"
    if cents:
        words += DIGITS[cents] + "分"
    else:
        words += "整"
    return "人民币" + words
