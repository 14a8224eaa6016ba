"""The record table builder: columns as dicts, footer figures under their columns, bad shapes
refused."""

import pytest

from branchcheck.engine.tables import Column, footer, table

COLUMNS = (
    Column("name", "名称", "Name"),
    Column("n", "数量", "Count", "count"),
    Column("fen", "金额", "Amount", "money"),
)


def test_a_table_in_the_record_shape():
    t = table(
        "k",
        {"zh": "表", "en": "Table"},
        COLUMNS,
        [("a", 1, 100), ["b", 2, None]],
        [footer("合计 Total", n=3, fen=100), footer("差额 Difference", fen=-5)],
    )
    assert t == {
        "key": "k",
        "title": {"zh": "表", "en": "Table"},
        "columns": [
            {"key": "name", "zh": "名称", "en": "Name", "kind": "text"},
            {"key": "n", "zh": "数量", "en": "Count", "kind": "count"},
            {"key": "fen", "zh": "金额", "en": "Amount", "kind": "money"},
        ],
        "rows": [["a", 1, 100], ["b", 2, None]],
        "footer": [["合计 Total", 3, 100], ["差额 Difference", None, -5]],
    }
    assert table("k", {"zh": "表", "en": "T"}, COLUMNS, [])["footer"] == []


def test_the_title_is_a_copy():
    title = {"zh": "表", "en": "Table"}
    t = table("k", title, COLUMNS, [])
    t["title"]["zh"] = "改"
    assert title["zh"] == "表"


def test_bad_shapes_are_refused():
    with pytest.raises(ValueError, match="2 cells for 3 columns"):
        table("k", {"zh": "表", "en": "T"}, COLUMNS, [["a", 1]])
    with pytest.raises(ValueError, match="unknown columns"):
        table("k", {"zh": "表", "en": "T"}, COLUMNS, [], [footer("x", total=1)])
    with pytest.raises(ValueError, match="unknown columns"):
        table("k", {"zh": "表", "en": "T"}, COLUMNS, [], [footer("x", name="label twice")])
