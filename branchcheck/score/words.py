"""The words of the period report (workbook and PDF), in Chinese and English."""

from __future__ import annotations

from typing import Any

_WORDS: dict[str, dict[str, Any]] = {
    "zh": {
        "title": "合规性指数报告",
        "sheet": "合规性指数",
        "monthly_sheet": "按月",
        "period": "期间：{first} 至 {last}",
        "summary": "合规性指数 {index:.2f}（满分 3，各项 3/2/1 分加权）；检查 {checks} 次，发现问题 {findings} 个",
        "columns": ["指标", "权重", "实际值", "分子", "分母", "档位", "本期得分", "上年同期得分"],
        "index": "合规性指数",
        "score": "得分",
        "chart_scores": "各项得分：本期与上年同期",
        "chart_monthly": "合规性指数按月",
        "compare": "与上年同期比较",
        "no_previous": "上年同期无检查记录，不作比较。",
        "change_columns": ["项目", "本期", "上年同期", "增减", "增减幅度"],
        "month_columns": ["月份", "合规性指数", "检查次数", "发现问题"],
        "nothing": "“—”：本期无可计量的数据，按 3 分计。",
        "missed_title": "核查问责：应发现未发现（按检查人）",
        "missed_sheet": "核查问责",
        "missed_columns": ["检查人", "员工号", "应发现未发现"],
        "missed_none": "本期没有应发现未发现的问题。",
    },
    "en": {
        "title": "Compliance index report",
        "sheet": "Compliance index",
        "monthly_sheet": "By month",
        "period": "Period: {first} to {last}",
        "summary": "Compliance index {index:.2f} (of 3; each indicator scored 3/2/1, weighted); "
        "{checks} checks, {findings} findings",
        "columns": [
            "Indicator",
            "Weight",
            "Value",
            "Count",
            "Of",
            "Band",
            "Score",
            "A year earlier",
        ],
        "index": "Compliance index",
        "score": "Score",
        "chart_scores": "Scores: this period and a year earlier",
        "chart_monthly": "Compliance index by month",
        "compare": "Against the same period a year earlier",
        "no_previous": "No inspection in the same period a year earlier: no comparison.",
        "change_columns": ["Figure", "This period", "A year earlier", "Change", "Change %"],
        "month_columns": ["Month", "Index", "Checks", "Findings"],
        "nothing": "“—”: nothing to measure in the period; scored 3.",
        "missed_title": "Accountability: problems an inspector should have found (by inspector)",
        "missed_sheet": "Missed problems",
        "missed_columns": ["Inspector", "Employee no.", "Missed problems"],
        "missed_none": "No problem of the period was missed by an earlier inspection.",
    },
}


def words(lang: str) -> dict[str, Any]:
    """The report's words in `lang` (Chinese for any other language)."""
    return _WORDS.get(lang, _WORDS["zh"])
