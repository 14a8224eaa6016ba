"""Template patterns (a seal number's, a box ID's, an ID number's) in a safe subset of regular
expressions, refused at template load otherwise, so an answer is matched in bounded time.

Python's `re` backtracks: `^(A+)+B$` takes seconds on 30 letters. The safe subset has no
back-references or look-arounds, repeats only single characters or character classes (`[A-Z]{4,32}`,
`\\d+`, `(AB)?` — never `(AB)+`), at most MAX_VARIABLE_REPEATS repeats of variable length, and a
pattern is at most MAX_PATTERN characters long. The text matched is at most MAX_CODE characters
(the longest code a branch writes: box IDs 32, ID numbers 18): with these limits a match costs at
most about MAX_CODE ** MAX_VARIABLE_REPEATS steps (about a quarter of a million), a millisecond."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

MAX_PATTERN = 200
MAX_CODE = 64
MAX_VARIABLE_REPEATS = 3

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}
_ONE_CHARACTER = {_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN, _c.CATEGORY}
_REFUSED = {
    _c.GROUPREF: "a back-reference",
    _c.GROUPREF_EXISTS: "a conditional group",
    _c.ASSERT: "a look-ahead or look-behind",
    _c.ASSERT_NOT: "a look-ahead or look-behind",
}


def is_pattern_param(name: str) -> bool:
    return name == "pattern" or name.endswith("_pattern")


def pattern_problem(pattern: Any) -> str | None:
    """Why a template's pattern is outside the safe subset; None when it is fine."""
    if not isinstance(pattern, str) or not pattern:
        return "must be a regular expression (text)"
    if len(pattern) > MAX_PATTERN:
        return f"is longer than {MAX_PATTERN} characters"
    try:
        parsed = _parser.parse(pattern)
    except re.error as exc:
        return f"is not a valid regular expression ({exc})"
    problems: list[str] = []
    variable = _walk(parsed, problems)
    if problems:
        return f"uses {problems[0]}, which could make matching an answer take minutes"
    if variable > MAX_VARIABLE_REPEATS:
        return (
            f"has {variable} repeats of variable length (at most {MAX_VARIABLE_REPEATS}), "
            "which could make matching an answer slow"
        )
    return None


def _walk(subpattern: Any, problems: list[str]) -> int:
    """Collect what is outside the subset; return the number of variable-length repeats."""
    variable = 0
    for op, av in subpattern:
        if op in _REFUSED:
            problems.append(_REFUSED[op])
        elif op in _REPEATS:
            low, high, body = av
            if high > 1 and not _one_character(body):
                problems.append("a repeated group such as (AB)+ or (A+)+")
            variable += int(high != low)
            variable += _walk(body, problems)
        elif op == _c.SUBPATTERN:
            variable += _walk(av[-1], problems)
        elif op == _c.ATOMIC_GROUP:
            variable += _walk(av, problems)
        elif op == _c.BRANCH:
            variable += sum(_walk(branch, problems) for branch in av[1])
    return variable


def _one_character(body: Any) -> bool:
    items = list(body)
    if len(items) == 1 and items[0][0] == _c.SUBPATTERN:
        return _one_character(items[0][1][-1])
    return len(items) == 1 and items[0][0] in _ONE_CHARACTER


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def code_text(raw: Any) -> str:
    """An answered code as the text a pattern is matched against (stripped, upper-cased); "" when
    it is neither text nor a whole number of at most MAX_CODE characters (matching nothing)."""
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        return ""
    if isinstance(raw, int) and abs(raw) >= 10**MAX_CODE:
        return ""
    text = str(raw).strip().upper()
    return text if len(text) <= MAX_CODE else ""


def matches_pattern(pattern: str, value: str) -> bool:
    """Whether the whole of `value` matches a pattern of the safe subset (checked at load)."""
    return len(value) <= MAX_CODE and _compiled(pattern).fullmatch(value) is not None
