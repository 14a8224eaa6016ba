"""The words and displayed values shared by the PDF and the workbook."""

from __future__ import annotations

import re

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


def test_the_conclusion_counts_every_item_state(rsample):
    from branchcheck.records.labels import counts_line, result_counts

    d = rsample.build_doc()
    items = [i for s in d["sections"] for i in s["items"]]
    d["sections"][0]["items"][2]["result"] = "unanswered"
    counts = result_counts(d)
    info = sum(i["result"] == "info" for i in items)
    assert info and sum(counts.values()) == len(items)
    assert (counts["info"], counts["unanswered"]) == (info, 1)
    zh = counts_line(d, "zh")
    assert (
        zh.startswith(f"检查项目 {len(items)} 项：") and f"仅记录 {info}" in zh and "未答 1" in zh
    )
    assert "共" not in zh
    named = [int(n) for n in re.findall(r"(?:合格|不合格|不适用|待定|仅记录|未答) (\d+)", zh)]
    assert sum(named) == len(items)
    assert zh.endswith(f"发现问题 {len(d['findings'])} 个")
    assert counts_line(d, "en").startswith(f"{len(items)} items checked: ")


def test_id_numbers_are_masked_to_first_six_and_last_four():
    from branchcheck.records.labels import mask_ids

    assert mask_ids("押运员 360702198803151234，另一名 36070219910722765X") == (
        "押运员 360702********1234，另一名 360702********765X"
    )
    # account numbers, voucher numbers and terminal IDs are not ID numbers
    for other in ("3605002022633920", "36050020226339201234567", "36070199Z777", "10285651"):
        assert mask_ids(other) == other


def test_flag_codes_print_as_their_rule_names():
    from branchcheck.records.labels import table_cells

    table = {
        "columns": [
            {"key": "flag", "zh": "关注情形", "en": "Flag", "kind": "text"},
            {"key": "key", "zh": "代码", "en": "Code", "kind": "text"},
            {"key": "count", "zh": "账户数", "en": "Accounts", "kind": "count"},
        ],
        "rows": [["DOCS_EXPIRED", "DOCS_EXPIRED", 1], ["自定义情形", "OTHER", 2]],
    }
    assert table_cells(table, table["rows"][0], "zh") == ["证明文件已过期", "DOCS_EXPIRED", 1]
    assert table_cells(table, table["rows"][0], "en")[0] == "Account documents expired"
    assert table_cells(table, table["rows"][1], "zh") == ["自定义情形", "OTHER", 2]
