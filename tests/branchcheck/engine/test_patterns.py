"""Template patterns: a safe subset, matched in bounded time."""

import time

import pytest

from branchcheck.engine import patterns
from branchcheck.engine.handover import BOX_ID, ID_NUMBER, SEAL


@pytest.mark.parametrize("pattern", [BOX_ID, SEAL, ID_NUMBER, r"^(AB)?C[0-9]+$", r"^(a|b)+$"])
def test_the_shipped_and_simple_patterns_are_in_the_subset(pattern):
    assert patterns.pattern_problem(pattern) is None


@pytest.mark.parametrize(
    "pattern,problem",
    [
        (r"^(A+)+B$", "a repeated group"),
        (r"^(a|aa)*$", "a repeated group"),
        (r"^(\d{3}-){2}$", "a repeated group"),
        (r"(a)\1", "a back-reference"),
        (r"(?<=a)b", "a look-ahead or look-behind"),
        (r"(a)?(?(1)b|c)", "a conditional group"),
        (r"a*b*c*d*", "4 repeats of variable length"),
    ],
)
def test_patterns_outside_the_subset_say_why(pattern, problem):
    assert problem in (patterns.pattern_problem(pattern) or "")


def test_matching_is_bounded_in_length_and_time():
    worst = r"^A*A*A*B$"  # three variable repeats: allowed, the slowest the subset allows
    assert patterns.pattern_problem(worst) is None
    began = time.perf_counter()
    assert not patterns.matches_pattern(worst, "A" * patterns.MAX_CODE)
    assert time.perf_counter() - began < 0.5
    assert not patterns.matches_pattern(r"^A+$", "A" * (patterns.MAX_CODE + 1))
    assert patterns.matches_pattern(SEAL, "A1234567")


def test_code_text_takes_text_and_whole_numbers_only():
    assert patterns.code_text(" ab-1 ") == "AB-1"
    assert patterns.code_text(123) == "123"
    assert patterns.code_text(10**5000) == ""  # no str() of a 5,000-digit number
    assert [patterns.code_text(v) for v in (True, None, 1.5, ["A"], "A" * 65)] == [""] * 5
