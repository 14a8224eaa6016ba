"""Converting one cell of an account export: text, identifiers, dates, money in fen, enumerated
values, phone numbers. Each converter raises CellError with the reason shown to the user."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from branchcheck.accounts.columns import ACCEPTED, BLANK_WORDS, VALUE_INDEX, header_key, value_key
from branchcheck.errors import AnswerError
from branchcheck.money import yuan_to_fen

MAX_IDENTIFIER = 64  # account numbers have 10-22 digits; customer IDs fewer
# Excel stores numbers as doubles with 15 significant digits; beyond that the digits are gone.
_MAX_EXACT_NUMBER = 10**15


class CellError(ValueError):
    """A cell that cannot be converted; the message is the reason shown to the user."""


def _short(value: object) -> str:
    """A cell as a message quotes it: at most 30 characters."""
    shown = value if type(value) is str else repr(value) if type(value) is float else text(value)
    return shown if len(shown) <= 30 else shown[:29] + "…"


# ----------------------------------------------------------------- cell converters


def _nfkc_compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _number_text(value: float | int) -> str:
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():  # free text never fails: inf
            return repr(value)
        value = int(value)
    return str(value)


def text(value: object) -> str:
    """Free text: outer white space trimmed; numbers without a trailing '.0'."""
    if type(value) is str:
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


class Identifier:
    """Account numbers and customer IDs: NFKC, all white space removed, never empty.

    Counts numeric cells (rows) so the reader can warn that leading zeros may be lost."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.numeric_rows = 0

    def __call__(self, value: object) -> str:
        if type(value) is str:
            result = value if value.isascii() and value.isalnum() else _nfkc_compact(value)
        elif isinstance(value, float | int) and not isinstance(value, bool):
            if isinstance(value, float) and not value.is_integer():
                raise CellError(f"{self.label}是带小数的数字 {_short(value)}，请以文本格式导出")
            if abs(value) >= _MAX_EXACT_NUMBER:
                raise CellError(
                    f"{self.label}是数字格式且超过 15 位，Excel 已丢失末位数字，无法确定{self.label}；"
                    "请让核心系统以文本格式导出"
                )
            self.numeric_rows += 1
            result = str(int(value))
        else:
            result = _nfkc_compact(text(value))
        if not result:
            raise CellError(f"{self.label}为空")
        if len(result) > MAX_IDENTIFIER:
            raise CellError(f"{self.label}“{_short(result)}”过长（最多 {MAX_IDENTIFIER} 位）")
        return result


_DATE_SEP_RE = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d*)?)?)?"
)
_DATE_ZH_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?")
_DATE_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")
NO_EXPIRY_WORDS = frozenset({"长期", "长期有效", "永久", "永久有效", "无期限", "无固定期限"})


def _plain_date(s: str) -> date | None:
    """The common exports' forms without a regular expression: 2026-11-22, 2026/11/22 (ASCII)."""
    if len(s) == 10 and s[4] == s[7] and s[4] in "-/." and s.isascii():
        y, mo, d = s[:4], s[5:7], s[8:]
        if y.isdigit() and mo.isdigit() and d.isdigit():
            try:
                return date(int(y), int(mo), int(d))
            except ValueError:
                return None
    return None


def _date_from_text(raw: str) -> date:
    fast = _plain_date(raw)
    if fast is not None:
        return fast
    s = unicodedata.normalize("NFKC", raw).strip()
    m = _DATE_SEP_RE.fullmatch(s)
    if m is None:
        compact = "".join(s.split())
        m = _DATE_ZH_RE.fullmatch(compact) or _DATE_COMPACT_RE.fullmatch(compact)
        if m is None:
            raise CellError(
                f"“{_short(raw)}”不是日期（可用 2026-11-22、2026/11/22、2026年11月22日）"
            )
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        y, mo, d = m.group(1), m.group(3), m.group(4)
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        raise CellError(f"“{_short(raw)}”不是有效日期") from None


class DateParser:
    """Cells to dates, with a cache: an export holds few distinct date texts."""

    def __init__(self, label: str, *, blank_ok: bool, no_expiry_words: bool = False) -> None:
        self.label = label
        self.blank_ok = blank_ok
        self.cache: dict[str, date | None] = {}
        if no_expiry_words:
            for word in NO_EXPIRY_WORDS:
                self.cache[word] = None

    def __call__(self, value: object) -> date | None:
        t = type(value)
        if t is date:
            return value  # type: ignore[return-value]
        if t is datetime:
            return value.date()  # type: ignore[attr-defined]
        if t is str:
            try:
                return self.cache[value]  # type: ignore[index]
            except KeyError:
                pass
            stripped = value.strip()  # type: ignore[attr-defined]
            if stripped in self.cache:
                result = self.cache[stripped]
            elif not stripped:
                if not self.blank_ok:
                    raise CellError(f"{self.label}为空")
                result = None
            else:
                result = _date_from_text(stripped)
            self.cache[value] = result  # type: ignore[index]
            return result
        if isinstance(value, float | int) and not isinstance(value, bool):
            # A number: only yyyymmdd (a common core-system export) is a date we can trust.
            if float(value).is_integer() and 19000101 <= value <= 99991231:
                return _date_from_text(str(int(value)))
            raise CellError(f"“{_short(value)}”不是日期（数字只接受 yyyymmdd 形式）")
        if isinstance(value, date):
            return value if not isinstance(value, datetime) else value.date()
        raise CellError(f"“{_short(value)}”不是日期")


_FEN = Decimal("0.01")
_FLOAT_NOISE = Decimal("0.000001")
# The largest balance read: 10^15 fen (ten trillion yuan), the bound every amount in BranchCheck
# keeps (branchcheck.engine.bounds.MAX_FEN): exact in a spreadsheet, writable in words.
MAX_BALANCE_FEN = 10**15
_MAX_AMOUNT_TEXT = 40  # "-1,000,000,000,000.00" with room for spaces and a currency sign


def _bounded(fen: int, value: object) -> int:
    if abs(fen) > MAX_BALANCE_FEN:
        raise CellError(f"金额“{_short(value)}”超出上限（{MAX_BALANCE_FEN // 100} 元）")
    return fen


def _text_fen(raw: str) -> int:
    s = unicodedata.normalize("NFKC", raw).strip()
    if len(s) > _MAX_AMOUNT_TEXT:
        raise CellError(f"“{_short(raw)}”不是金额（过长）")
    digits = s.replace(",", "").replace("¥", "").replace("￥", "")
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        raise CellError(f"“{_short(raw)}”不是金额（最多两位小数）") from None
    if not amount.is_finite() or abs(amount) > MAX_BALANCE_FEN // 100:
        raise CellError(f"金额“{_short(raw)}”超出上限（{MAX_BALANCE_FEN // 100} 元）")
    try:
        return yuan_to_fen(amount, field="余额")
    except AnswerError:
        raise CellError(f"“{_short(raw)}”不是金额（最多两位小数）") from None


def money_fen(value: object) -> int | None:
    """A balance cell to integer fen; None for a blank cell.

    Floats (calamine returns every number as one) go through Decimal(repr(f)) — the shortest text
    that round-trips, i.e. what Excel shows — never through binary arithmetic. A float within a
    millionth of a fen boundary is Excel's own arithmetic noise (0.1+0.2) and is rounded to the
    fen; more decimals than that are an error. Beyond MAX_BALANCE_FEN, infinite or not a number is
    that cell's error, like any other unreadable balance."""
    t = type(value)
    if t is float:
        if not math.isfinite(value) or abs(value) * 100 > MAX_BALANCE_FEN:  # type: ignore[arg-type]
            raise CellError(f"“{_short(value)}”不是金额（超出上限或不是有限数）")
        if value.is_integer():  # type: ignore[attr-defined]
            return int(value) * 100  # type: ignore[call-overload]
        shown = repr(value)
        negative = shown[0] == "-"
        whole, dot, frac = shown.lstrip("-").partition(".")
        if dot and len(frac) <= 2 and frac.isdigit() and whole.isdigit():
            # Fast path: the shortest round-trip text has at most two decimals; exact.
            fen = int(whole) * 100 + int(frac.ljust(2, "0"))
            return -fen if negative else fen
        amount = Decimal(shown)  # finite, so always a number
        rounded = amount.quantize(_FEN)
        if abs(amount - rounded) > _FLOAT_NOISE:
            raise CellError(f"金额“{_short(value)}”超过两位小数")
        return yuan_to_fen(rounded, field="余额")
    if t is int:
        return _bounded(value * 100, value)  # type: ignore[operator]
    if t is str:
        if not value.strip():  # type: ignore[attr-defined]
            return None
        return _text_fen(value)  # type: ignore[arg-type]
    raise CellError(f"“{_short(value)}”不是金额")


class EnumParser:
    """Enumerated cells to their canonical value; synonyms per columns.py plus the mapping file's
    wordings (`extra`); matched by value_key(), then without a trailing “账户”; cached by raw
    text. A value not recognised raises CellError (the reader makes it a warning)."""

    def __init__(
        self,
        key: str,
        label: str,
        *,
        blank_ok: bool,
        blank_words: frozenset[str] = BLANK_WORDS,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.index = dict(VALUE_INDEX[key])
        for wording, canonical in (extra or {}).items():
            self.index[value_key(wording)] = canonical
            self.index[header_key(wording)] = canonical
        self.label = label
        self.blank_ok = blank_ok
        self.blank_words = blank_words
        self.accepted = "、".join(ACCEPTED[key])
        self.cache: dict[object, str | None] = {}

    def __call__(self, value: object) -> str | None:
        try:
            return self.cache[value]
        except (KeyError, TypeError):
            pass
        if isinstance(value, bool):
            hk = vk = "true" if value else "false"
        else:
            hk = header_key(text(value))
            vk = value_key(hk)
        index = self.index
        found = index.get(hk) or index.get(vk)
        if found is None and vk.endswith("账户") and len(vk) > 2:
            found = index.get(vk[:-2])
        if found is not None:
            result: str | None = found
        elif hk in self.blank_words or not vk:
            if not self.blank_ok:
                raise CellError(f"{self.label}为空（可用：{self.accepted}）")
            result = None
        else:
            raise CellError(f"{self.label}“{_short(value)}”未识别（可用：{self.accepted}）")
        self.cache[value] = result
        return result


class OwesBank(EnumParser):
    def __call__(self, value: object) -> bool:  # type: ignore[override]
        return super().__call__(value) == "是"


_NON_DIGITS = re.compile(r"[^0-9]+")


def phone_digits(value: object) -> str:
    """Digits only; a +86 / 0086 country prefix on a mobile number is dropped."""
    if type(value) is str:
        s = value if value.isascii() else unicodedata.normalize("NFKC", value)
        digits = _NON_DIGITS.sub("", s)
    else:
        digits = _NON_DIGITS.sub("", text(value))
    if len(digits) == 13 and digits.startswith("86"):
        return digits[2:]
    if len(digits) == 15 and digits.startswith("0086"):
        return digits[4:]
    return digits


def compact_text(value: object) -> str:
    """NFKC with all white space removed: the form addresses and names are compared in."""
    if type(value) is str:
        return _nfkc_compact(value)
    return _nfkc_compact(text(value))
