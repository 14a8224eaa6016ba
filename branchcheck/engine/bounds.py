"""Bounds on any value a person or a file gives as an answer, checked before the item's own parsing
so that no value can exhaust memory, time or the stack, or fail to be stored (UTF-8, SQLite JSON).

- money (a field whose name ends in `_fen`): at most MAX_FEN = 10^15 fen either way, ten trillion
  yuan — above any branch's cash or balance, below 2^53 so every amount stays exact in JSON, in a
  spreadsheet (15 significant digits) and in words (万亿 is the largest group).
- counts (any other whole number): at most MAX_COUNT = 10^8 — a hundred million notes, bundles or
  vouchers; no real count comes near it, and a count times the largest note stays within MAX_FEN.
- numbers with a fraction only when finite; text at most MAX_TEXT characters and valid Unicode (a
  lone surrogate cannot be stored); object keys at most MAX_KEY characters.
- at most MAX_DEPTH levels of nesting and MAX_VALUES values in one answer."""

from __future__ import annotations

import math
from typing import Any

MAX_FEN = 10**15
MAX_COUNT = 10**8
MAX_TEXT = 10_000
MAX_KEY = 100
MAX_DEPTH = 12
MAX_VALUES = 1_000_000


def _text_problem(text: str, limit: int) -> str | None:
    if len(text) > limit:
        return f"文字过长（最多 {limit} 字）/ text longer than {limit} characters"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "含无效字符（孤立代理项）/ contains an invalid character (a lone surrogate)"
    return None


def text_problem(text: Any, limit: int = MAX_TEXT) -> str | None:
    """Why `text` is not acceptable text of at most `limit` characters; None when it is."""
    if not isinstance(text, str):
        return f"应为文字 / must be text, got {shown(text)}"
    return _text_problem(text, limit)


def _number_problem(value: int | float, name: str) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return "不是有限的数 / not a finite number"
    if name.endswith("_fen"):
        if abs(value) > MAX_FEN:
            return f"金额超出上限 {MAX_FEN} 分 / amount beyond {MAX_FEN} fen (10 trillion yuan)"
    elif abs(value) > MAX_COUNT:
        return f"数值超出上限 {MAX_COUNT} / number beyond {MAX_COUNT}"
    return None


def value_problem(value: Any, where: str) -> str | None:
    """The first thing out of bounds in `value` as "where.path: problem"; None when all is fine.
    Walks without recursion, so no depth of nesting can overflow the stack."""
    stack: list[tuple[Any, str, str, int]] = [(value, where, "", 0)]
    seen = 0
    while stack:
        node, path, name, depth = stack.pop()
        seen += 1
        if seen > MAX_VALUES:
            return f"{where}: 数据过多（最多 {MAX_VALUES} 项）/ more than {MAX_VALUES} values"
        problem: str | None = None
        if node is None or isinstance(node, bool):
            continue
        if isinstance(node, int | float):
            problem = _number_problem(node, name)
        elif isinstance(node, str):
            problem = _text_problem(node, MAX_TEXT)
        elif isinstance(node, dict | list):
            if depth >= MAX_DEPTH:
                return f"{path}: 嵌套过深（最多 {MAX_DEPTH} 层）/ nested deeper than {MAX_DEPTH} levels"
            if isinstance(node, list):
                stack.extend((v, f"{path}[{i}]", name, depth + 1) for i, v in enumerate(node))
                continue
            for key, v in node.items():
                key_problem = text_problem(key, MAX_KEY)
                if key_problem:
                    return f"{path}: {shown(key)}: {key_problem}"
                stack.append((v, f"{path}.{key}", key, depth + 1))
            continue
        else:
            problem = f"不支持的值 / unsupported value {type(node).__name__}"
        if problem:
            return f"{path}: {problem}"
    return None


def shown(value: Any, limit: int = 40) -> str:
    """A value as a message may quote it: short, and never failing (a huge int has no str())."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        return f"a {value.bit_length()}-bit number"
    if isinstance(value, dict | list):
        return f"a {'list' if isinstance(value, list) else 'object'} of {len(value)}"
    text = repr(value[: limit + 1] if isinstance(value, str) else value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
