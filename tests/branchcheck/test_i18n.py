"""branchcheck.i18n.pick: the one zh/en text picker of the window, the PDF and the workbook."""

from __future__ import annotations

from branchcheck.checklists.schema import Text
from branchcheck.i18n import pick


def test_mapping_in_each_language():
    value = {"zh": "现金", "en": "Cash"}
    assert (pick(value, "zh"), pick(value, "en")) == ("现金", "Cash")


def test_missing_or_empty_language_falls_back_to_chinese_then_english():
    assert pick({"zh": "现金", "en": ""}, "en") == "现金"
    assert pick({"zh": "现金"}, "en") == "现金"
    assert pick({"en": "Cash"}, "zh") == "Cash"
    assert pick({}, "zh") == ""


def test_checklist_text():
    value = Text(zh="现金", en="Cash")
    assert (pick(value, "zh"), pick(value, "en")) == ("现金", "Cash")


def test_other_values():
    assert pick(None, "en") == ""
    assert pick("原文", "en") == "原文"
    assert pick(12, "zh") == "12"
