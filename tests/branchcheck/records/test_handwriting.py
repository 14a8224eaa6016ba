"""handwriting: stroke validation, deterministic PNG, demo scribbles."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from branchcheck.errors import AnswerError
from branchcheck.records import handwriting


def test_png_is_deterministic_and_plain():
    strokes = handwriting.demo_strokes("王建国")
    a = handwriting.render_png(strokes)
    b = handwriting.render_png([list(map(list, s)) for s in strokes])
    assert a == b
    assert a.startswith(b"\x89PNG\r\n\x1a\n")
    for chunk in (b"tIME", b"tEXt", b"iTXt", b"zTXt"):
        assert chunk not in a
    img = Image.open(io.BytesIO(a))
    assert img.size == (600, 240)
    lo, hi = img.convert("L").getextrema()
    assert lo < 60 and hi == 255  # dark ink on white
    assert img.convert("L").getpixel((0, 0)) == 255


def test_demo_strokes_valid_and_distinct():
    seen = set()
    for name in ["王建国", "李梅", "张伟", "刘洋", "Alice", "王建国 "]:
        strokes = handwriting.demo_strokes(name)
        assert handwriting.validate_strokes(strokes) == strokes
        assert len(strokes) >= 2
        assert handwriting.demo_strokes(name) == strokes
        seen.add(repr(strokes))
    assert len(seen) == 6


@pytest.mark.parametrize(
    ("strokes", "message"),
    [
        ([], "empty"),
        ([[[1, 1]]], "empty"),
        ("abc", "list of polylines"),
        ([[1, 2]], "point 1"),
        ([[[1, 2], [3]]], "point 2"),
        ([[[1.5, 2], [3, 4]]], "integers"),
        ([[[True, 2], [3, 4]]], "integers"),
        ([[[1, 2], [601, 4]]], "outside"),
        ([[[1, -1], [3, 4]]], "outside"),
        ([[]], "no points"),
        ([5], "stroke 1"),
    ],
)
def test_bad_strokes_rejected(strokes, message):
    with pytest.raises(AnswerError, match=message):
        handwriting.validate_strokes(strokes)


def test_single_dot_strokes_render():
    png = handwriting.render_png([[[10, 10]], [[300, 120], [310, 125]]])
    img = Image.open(io.BytesIO(png)).convert("L")
    assert img.getpixel((10, 10)) < 128
