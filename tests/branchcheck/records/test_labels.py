"""The words and displayed values shared by the PDF and the workbook."""

from __future__ import annotations

from branchcheck.records.labels import (
    clock,
    cn_index,
    format_cell,
    format_time,
    label,
    signature_png,
    vocab,
)
from branchcheck.taxonomy import RESULTS


def test_labels_and_vocabularies_by_language():
    assert (label("findings", "zh"), label("findings", "en")) == (
        "发现问题及整改",
        "Findings and rectification",
    )
    assert (vocab(RESULTS, "fail", "zh"), vocab(RESULTS, "fail", "en")) == ("不合格", "Fail")
    assert vocab(RESULTS, "made_up", "en") == "made_up"
    assert vocab(RESULTS, None, "zh") == ""


def test_section_numerals():
    numerals = [cn_index(i) for i in (0, 8, 9, 10, 11, 19, 20, 98)]
    assert numerals == ["一", "九", "十", "十一", "十二", "二十", "二十一", "九十九"]
    assert cn_index(99) == "100"


def test_cells_by_kind():
    assert format_cell(123_456, "money") == format_cell(123_456, "money", "en")
    assert format_cell(-10_000, "diff").endswith(" 短款")
    assert format_cell(10_000, "diff", "en").endswith(" overage")
    assert format_cell(12345, "count") == "12,345"
    assert (format_cell(True, "text"), format_cell(False, "text")) == ("是", "")
    assert format_cell(None, "money") == ""


def test_times():
    assert format_time("2026-11-26T09:05:03+08:00") == "2026-11-26 09:05:03"
    assert clock("2026-11-26T09:05:03+08:00") == "09:05:03"
    assert format_time("not a time") == "not a time"
    assert clock(None) == ""


def test_signature_png_accepts_only_png():
    assert signature_png("iVBORw0KGgo=") == b"\x89PNG\r\n\x1a\n"
    assert signature_png("R0lGODlh") is None  # GIF
    assert signature_png("not base64!") is None
    assert signature_png(None) is None
