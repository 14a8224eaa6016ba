"""The words and displayed values of a record, shared by the PDF and the workbook: the labels
printed on it by language, vocabulary names, times, table cells and the signature images."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import re
from typing import Any

from branchcheck.i18n import pick
from branchcheck.money import format_fen
from branchcheck.taxonomy import RESULTS

# Labels printed on the record, by language.
LABELS: dict[str, dict[str, str]] = {
    "record": {"zh": "记录", "en": " record"},
    "branch": {"zh": "网点", "en": "Branch"},
    "record_id": {"zh": "记录编号", "en": "Record ID"},
    "version": {"zh": "记录版本", "en": "Version"},
    "supersedes": {"zh": "更正的记录", "en": "Corrects record"},
    "checklist": {"zh": "检查单", "en": "Checklist"},
    "date": {"zh": "检查日期", "en": "Date"},
    "time": {"zh": "检查时间", "en": "Time"},
    "inspector": {"zh": "检查人", "en": "Inspector"},
    "sealed_at": {"zh": "封存时间", "en": "Sealed at"},
    "people": {"zh": "参检人员", "en": "People"},
    "conclusion": {"zh": "检查结论", "en": "Result"},
    "counts": {
        "zh": "检查项目 {items} 项：{states}；发现问题 {findings} 个",
        "en": "{items} items checked: {states}; {findings} finding(s)",
    },
    "no": {"zh": "序号", "en": "No."},
    "item": {"zh": "检查项目", "en": "Item"},
    "result": {"zh": "结果", "en": "Result"},
    "display": {"zh": "检查情况说明", "en": "Details"},
    "severity": {"zh": "严重程度", "en": "Severity"},
    "source": {"zh": "依据", "en": "Source"},
    "note": {"zh": "备注", "en": "Note"},
    "tables": {"zh": "附表", "en": "Tables"},
    "findings": {"zh": "发现问题及整改", "en": "Findings and rectification"},
    "f_title": {"zh": "问题", "en": "Finding"},
    "f_driver": {"zh": "风险驱动因素", "en": "Risk driver"},
    "f_resp": {"zh": "整改责任人", "en": "Responsible"},
    "f_due": {"zh": "整改期限", "en": "Due"},
    "f_state": {"zh": "状态", "en": "State"},
    "repeat": {"zh": "屡查屡犯", "en": "Repeat"},
    "no_findings": {"zh": "本次检查未发现问题。", "en": "No findings."},
    "signatures": {"zh": "签名确认", "en": "Signatures"},
    "signed_at": {"zh": "签名时间", "en": "Signed at"},
    "seal": {"zh": "电子签章", "en": "Electronic seal"},
    "sha256": {"zh": "记录摘要 SHA-256", "en": "Record SHA-256"},
    "signer": {"zh": "签章人", "en": "Sealed by"},
    "cert_fp": {"zh": "证书指纹", "en": "Certificate"},
    "algorithm": {"zh": "签章算法", "en": "Algorithm"},
    "seal_note_signed": {
        "zh": "本文件已由签章人以数字证书签名（PAdES），内附记录原文 record.json 及签章 seal.json。"
        "任何改动都会使签名失效，可用 “branchcheck verify 文件名” 校验。",
        "en": "This file is digitally signed (PAdES) and carries the record (record.json) and its "
        "seal (seal.json). Any change breaks the signature; check it with "
        "“branchcheck verify FILE”.",
    },
    "seal_note_unsigned": {
        "zh": "本文件未经数字签名（仅供预览），请以已签名的文件为准。",
        "en": "This file is not digitally signed (preview only).",
    },
    "page": {"zh": "第 {x} 页 共 {y} 页", "en": "Page {x} of {y}"},
    "yes": {"zh": "是", "en": "yes"},
    "overage": {"zh": "长款", "en": "overage"},
    "shortage": {"zh": "短款", "en": "shortage"},
    "app": {"zh": "网点自查 BranchCheck", "en": "BranchCheck"},
}

CN_NUMERALS = "一二三四五六七八九十"

# Every result an item can have, as the conclusion line counts it ("info" items are recorded
# only: they neither pass nor fail).
COUNT_NAMES: dict[str, dict[str, str]] = {
    "pass": {"zh": "合格", "en": "passed"},
    "fail": {"zh": "不合格", "en": "failed"},
    "na": {"zh": "不适用", "en": "N/A"},
    "pending": {"zh": "待定", "en": "pending"},
    "info": {"zh": "仅记录", "en": "recorded only"},
    "unanswered": {"zh": "未答", "en": "unanswered"},
}

# An 18-character ID-card number (GB 11643: 6-digit area, birth date, 3-digit sequence, check
# character) standing alone; printed records show its first 6 and last 4 characters only.
ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])(\d{6})((?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2})"
    r"(\d[0-9Xx])(?![0-9A-Za-z])"
)


def label(key: str, lang: str) -> str:
    """The record label `key` in `lang`."""
    return pick(LABELS[key], lang)


def mask_ids(text: str) -> str:
    """`text` with every ID-card number masked to its first 6 and last 4 characters."""
    return ID_NUMBER.sub(lambda m: m[1] + "*" * 8 + m[2][-2:] + m[3], text)


def result_counts(doc: dict[str, Any]) -> dict[str, int]:
    """How many items of the record have each result (every state, zero or not), counted from
    the items the record carries, so the counts always add up to the items printed."""
    counts = dict.fromkeys(RESULTS, 0)
    for section in doc.get("sections") or []:
        for item in section.get("items") or []:
            result = str(item.get("result"))
            counts[result] = counts.get(result, 0) + 1
    return counts


def counts_line(doc: dict[str, Any], lang: str) -> str:
    """The conclusion's count line: 检查项目 N 项 and the number of items in every state."""
    counts = result_counts(doc)
    sep = "，" if lang == "zh" else ", "
    states = sep.join(
        f"{pick(COUNT_NAMES[k], lang)} {n}" if lang == "zh" else f"{n} {pick(COUNT_NAMES[k], lang)}"
        for k, n in counts.items()
        if k in COUNT_NAMES
    )
    extra = [f"{k} {n}" for k, n in counts.items() if k not in COUNT_NAMES]
    return pick(LABELS["counts"], lang).format(
        items=sum(counts.values()),
        states=sep.join([states, *extra]),
        findings=len(doc.get("findings") or []),
    )


def table_cells(table: dict[str, Any], row: list[Any], lang: str) -> list[Any]:
    """The cells of one record-table row as printed: a row that names an account-review flag
    only by its code (a `flag` column equal to the `key` column) shows the rule's name there,
    so the code is printed once, in its own column."""
    keys = [c.get("key") for c in table.get("columns") or []]
    cells = list(row)
    if "flag" in keys and "key" in keys:
        fi, ki = keys.index("flag"), keys.index("key")
        if fi < len(cells) and ki < len(cells) and cells[fi] == cells[ki]:
            cells[fi] = flag_name(cells[ki], lang)
    return cells


def flag_name(code: Any, lang: str) -> Any:
    """The name of an account-review rule by its code (an unknown code as itself)."""
    from branchcheck.accounts.rules import RULES

    rule = RULES.get(code) if isinstance(code, str) else None
    if rule is None:
        return code
    return rule.label_zh if lang == "zh" else rule.label_en


def vocab(table: dict[str, dict[str, str]], key: Any, lang: str) -> str:
    """The name of `key` in a taxonomy table (results, severities, finding states) in `lang`;
    an unknown key shows as itself."""
    if isinstance(key, str) and key in table:
        return pick(table[key], lang)
    return "" if key is None else str(key)


def cn_index(i: int) -> str:
    """The Chinese numeral of the 0-based section index `i` (一 … 十, 十一 … 九十九), digits from
    the 100th section on."""
    tens, ones = divmod(i + 1, 10)
    if tens == 0:
        return CN_NUMERALS[ones - 1]
    if tens >= 10:
        return str(i + 1)
    return (
        (CN_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMERALS[ones - 1] if ones else "")
    )


def format_time(text: Any) -> str:
    """An ISO time of the record as 'YYYY-MM-DD HH:MM:SS' (unparseable text as it is)."""
    if not isinstance(text, str) or not text:
        return ""
    try:
        return _dt.datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return text


def clock(text: Any) -> str:
    """The time of day of an ISO time as 'HH:MM:SS' (unparseable text as it is)."""
    if not isinstance(text, str) or not text:
        return ""
    try:
        return _dt.datetime.fromisoformat(text).strftime("%H:%M:%S")
    except ValueError:
        return text


def format_cell(value: Any, kind: str, lang: str = "zh") -> str:
    """Display text of one table cell by column kind (money/diff as ¥ with 长款/短款)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return label("yes", lang) if value else ""
    if kind == "money" and isinstance(value, int):
        return format_fen(value)
    if kind == "diff" and isinstance(value, int):
        if value == 0:
            return format_fen(0)
        word = label("overage" if value > 0 else "shortage", lang)
        return f"{format_fen(value, sign=True)} {word}"
    if kind in ("int", "count") and isinstance(value, int):
        return f"{value:,}"
    return str(value)


def signature_png(b64: Any) -> bytes | None:
    """The PNG bytes of a signature's `png_b64`, or None when it is missing or not a PNG."""
    if not isinstance(b64, str) or not b64:
        return None
    try:
        data = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(b"\x89PNG\r\n\x1a\n") else None
