"""Bounds on answer values: money, counts, text, nesting — checked without recursion."""

from branchcheck.engine import bounds


def test_values_within_bounds_pass():
    value = {"rows": [{"book_fen": bounds.MAX_FEN, "bundles": bounds.MAX_COUNT, "note": "好"}]}
    assert bounds.value_problem(value, "answer") is None


def test_each_bound_names_the_path():
    cases = {
        "answer.rows[0].book_fen: 金额超出上限": {"rows": [{"book_fen": bounds.MAX_FEN + 1}]},
        "answer.bundles: 数值超出上限": {"bundles": 10**30},
        "answer.x: 不是有限的数": {"x": float("inf")},
        "answer.note: 含无效字符": {"note": "a\ud800"},
        "answer.t: 文字过长": {"t": "x" * (bounds.MAX_TEXT + 1)},
        "answer: 'kkkkk": {"k" * 200: 1},
        "answer.x: 不支持的值": {"x": object()},
    }
    for expected, value in cases.items():
        assert (bounds.value_problem(value, "answer") or "").startswith(expected), expected


def test_any_depth_is_refused_without_recursion():
    deep: list = []
    for _ in range(200_000):
        deep = [deep]
    assert "嵌套过深" in (bounds.value_problem(deep, "answer") or "")


def test_shown_never_fails_and_stays_short():
    assert bounds.shown(10**5000) == "a 16610-bit number"
    assert len(bounds.shown("x" * 10**6)) == 40
    assert bounds.shown([1, 2]) == "a list of 2"
    assert bounds.shown("\ud800") == "'\\ud800'"
