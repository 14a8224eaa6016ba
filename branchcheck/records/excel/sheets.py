"""The visible sheets of the record workbook.

Money cells hold yuan as a number (the record's integer fen / 100, written as an exact
two-decimal value) with the number format '"¥"#,##0.00'; `diff` cells use a format that shows
the sign and 长款/短款. Reading back, Decimal(repr(value)).quantize(0.01) * 100 gives the fen
again exactly (any amount below 2^53 fen survives a double). Text is always a string cell:
text starting with =, +, -, @, a tab or a carriage return never becomes a formula (text_cell)."""

from __future__ import annotations

import io
import re
from copy import copy
from typing import TYPE_CHECKING, Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.image import Image as XLImage
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from branchcheck.i18n import pick
from branchcheck.money import fen_to_yuan
from branchcheck.records.excel.hidden import SEAL_SHEET
from branchcheck.records.excel.printing import Layout, fit_row_heights, setup_print, text_width
from branchcheck.records.labels import (
    COUNT_NAMES,
    format_time,
    mask_ids,
    result_counts,
    signature_png,
    table_cells,
    vocab,
)
from branchcheck.taxonomy import FINDING_STATES, RESULTS, SEVERITIES

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook as WorkbookT
    from openpyxl.worksheet.worksheet import Worksheet

MONEY_FORMAT = '"¥"#,##0.00;-"¥"#,##0.00'
DIFF_FORMAT = '+"¥"#,##0.00" 长款";-"¥"#,##0.00" 短款";"¥"0.00'
COUNT_FORMAT = "#,##0"
FONT_NAME = "Microsoft YaHei"

_HEAD_FILL = PatternFill("solid", fgColor="FFE8ECF1")
_LABEL_FILL = PatternFill("solid", fgColor="FFF3F5F8")
_FOOT_FILL = PatternFill("solid", fgColor="FFF3F5F8")
_THIN = Side(style="thin", color="FF9A9A9A")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name=FONT_NAME, size=10)
_BOLD = Font(name=FONT_NAME, size=10, bold=True)
_TITLE = Font(name=FONT_NAME, size=16, bold=True)
_FAIL = Font(name=FONT_NAME, size=10, bold=True, color="FFB3261E")
_GREY = Font(name=FONT_NAME, size=9, color="FF5F6368")
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _clean(text: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", mask_ids(text))
    return text[:32_000]


# What a spreadsheet may take for the start of a formula (a tab or carriage return first, then one
# of these, is one too when pasted or imported as CSV).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(cell: Any, text: str) -> None:
    """Hold `text` in a cell (a worksheet's or a write-only one) as text: a string cell, never a
    formula; one that starts like a formula also gets Excel's quote prefix, so it stays text
    when the cell is edited. Every workbook BranchCheck writes puts its text through here."""
    cell.value = text
    cell.data_type = "s"  # "=1+1" stays text: openpyxl would otherwise mark it a formula
    if text.startswith(FORMULA_LEADS):
        cell.quotePrefix = True


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    *,
    font: Font | None = None,
    fmt: str | None = None,
    fill: PatternFill | None = None,
    align: Alignment | None = None,
    border: bool = True,
) -> None:
    """Write one cell. Text is always a string cell (never a formula), whatever it starts with."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text_cell(cell, _clean(value))
    else:
        cell.value = value
    _style(cell, font or _FONT, fmt, fill, align or _WRAP, border)


_STYLES = "_branchcheck_styles"  # the workbook's attribute holding what _style worked out


def _style(
    cell: Any,
    font: Font,
    fmt: str | None,
    fill: PatternFill | None,
    align: Alignment,
    border: bool,
) -> None:
    """The cell's font, number format, fill, alignment and border. openpyxl looks each up in the
    workbook's lists by value (hashing it: most of a workbook's build); a cell styled as one before
    takes its indices, so the lists grow alike and the bytes are the same. The objects are kept
    with the indices: the `id`s in the key stay theirs."""
    known: dict[tuple[Any, ...], Any] = cell.parent.parent.__dict__.setdefault(_STYLES, {})
    before = None if cell._style is None else tuple(cell._style)
    key = (before, id(font), fmt, id(fill), id(align), border)
    done = known.get(key)
    if done is not None:
        cell._style = copy(done[0])
        return
    cell.font = font
    if fmt:
        cell.number_format = fmt
    if fill:
        cell.fill = fill
    cell.alignment = align
    if border:
        cell.border = _BORDER
    known[key] = (copy(cell._style), (font, fill, align))


def _money(fen: Any) -> Any:
    if isinstance(fen, int) and not isinstance(fen, bool):
        return fen_to_yuan(fen)
    return fen


def _widths(ws: Worksheet, widths: list[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _content_width(header: str, cells: list[str]) -> float:
    """A text column's width: its longest cell (up to 40; longer text wraps), at least half its
    header (which wraps on two lines) and 10."""
    widest = max((text_width(c) for c in cells), default=0.0)
    return round(min(40.0, max(10.0, text_width(header) / 2 + 2, widest + 2)), 1)


def _header(ws: Worksheet, row: int, labels: list[str]) -> None:
    for c, label in enumerate(labels, start=1):
        put(ws, row, c, label, font=_BOLD, fill=_HEAD_FILL, align=_CENTER)


def _sheet_title(title: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub("_", title).strip().strip("'") or "表"
    if base.lower() == "history":
        base = "history_"
    base = base[:31]
    name, n = base, 2
    while name.lower() in used or name == SEAL_SHEET:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


# ---------------------------------------------------------------- sheets


def _summary(wb: WorkbookT, doc: dict[str, Any]) -> None:
    ws = wb.create_sheet("概要")
    _widths(ws, [18, 34, 16, 22])
    title = pick(doc.get("checklist", {}).get("title"), "zh") + "记录"
    put(ws, 1, 1, title, font=_TITLE, align=Alignment(horizontal="center"), border=False)
    ws.merge_cells("A1:D1")
    ws.row_dimensions[1].height = 30
    branch = doc.get("branch") or {}
    put(
        ws,
        2,
        1,
        pick(doc.get("checklist", {}).get("title"), "en") + " record",
        font=_GREY,
        align=Alignment(horizontal="center"),
        border=False,
    )
    ws.merge_cells("A2:D2")
    checklist = doc.get("checklist") or {}
    inspector = doc.get("inspector") or {}
    rows: list[tuple[str, Any]] = [
        ("网点 Branch", f"{branch.get('name', '')}（{branch.get('code', '')}）"),
        ("网点英文名", branch.get("name_en", "")),
        ("记录编号 Record ID", doc.get("record_id", "")),
        ("记录版本 Version", doc.get("version")),
        ("更正的记录 Supersedes", doc.get("supersedes") or ""),
        ("检查单 Checklist", f"{pick(checklist.get('title'), 'zh')}（{checklist.get('key', '')}）"),
        ("检查单版本", checklist.get("version")),
        ("检查单摘要 SHA-256", checklist.get("sha256", "")),
        ("检查日期 Date", doc.get("local_date", "")),
        ("开始时间 Started", format_time(doc.get("started_at"))),
        ("完成时间 Completed", format_time(doc.get("completed_at"))),
        ("封存时间 Sealed", format_time(doc.get("sealed_at"))),
        (
            # the checklist's own word for the inspector (检查人, 现场监督人, ...)
            " ".join((pick(inspector["title"], "zh"), pick(inspector["title"], "en")))
            if inspector.get("title")
            else "检查人 Inspector",
            f"{pick(inspector.get('role'), 'zh')} {inspector.get('name', '')}（{inspector.get('employee_no', '')}）",
        ),
        *[
            (
                f"{pick(n.get('label'), 'zh')} {pick(n.get('label'), 'en')}",
                pick(n.get("text"), "zh"),
            )
            for n in doc.get("notices") or []
        ],
    ]
    r = 4
    for label, value in rows:
        put(ws, r, 1, label, font=_BOLD, fill=_LABEL_FILL)
        put(ws, r, 2, value if value is not None else "")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
        r += 1
    r += 1
    put(ws, r, 1, "参检人员 People", font=_BOLD, border=False)
    r += 1
    _header(ws, r, ["岗位 Role", "姓名 Name", "工号 Employee no."])
    for p in doc.get("people") or []:
        r += 1
        put(ws, r, 1, pick(p.get("title"), "zh"))
        put(ws, r, 2, p.get("name", ""))
        put(ws, r, 3, p.get("employee_no", ""))
    r += 2
    put(ws, r, 1, "检查结果 Results", font=_BOLD, border=False)
    summary = doc.get("summary") or {}
    by_state = result_counts(doc)
    counts: list[tuple[str, int]] = [("检查项目 Items", sum(by_state.values()))]
    counts += [
        (f"{names['zh']} {names['en'][:1].upper()}{names['en'][1:]}", by_state.get(key, 0))
        for key, names in COUNT_NAMES.items()
    ]
    counts.append(("发现问题 Findings", len(doc.get("findings") or [])))
    for label, n in counts:
        r += 1
        put(ws, r, 1, label, fill=_LABEL_FILL)
        put(ws, r, 2, n, fmt=COUNT_FORMAT, align=_RIGHT)
    r += 1
    result = pick(summary.get("result"), "zh")
    put(ws, r, 1, "检查结论 Result", font=_BOLD, fill=_LABEL_FILL)
    failed = bool(summary.get("failed")) or bool(summary.get("findings"))
    put(ws, r, 2, result, font=_FAIL if failed else _BOLD)


def _items(wb: WorkbookT, doc: dict[str, Any]) -> None:
    ws = wb.create_sheet("检查项目")
    labels = [
        "章节",
        "序号",
        "项目键",
        "检查项目",
        "结果",
        "说明",
        "备注",
        "严重程度",
        "风险驱动因素",
        "依据",
    ]
    _widths(ws, [16, 7, 16, 42, 9, 38, 24, 10, 20, 26])
    _header(ws, 1, labels)
    ws.freeze_panes = "A2"
    r = 1
    for si, section in enumerate(doc.get("sections") or []):
        for ii, item in enumerate(section.get("items") or []):
            r += 1
            result = item.get("result")
            put(ws, r, 1, pick(section.get("title"), "zh"))
            put(ws, r, 2, f"{si + 1}.{ii + 1}", align=_CENTER)
            put(ws, r, 3, item.get("key", ""))
            put(ws, r, 4, pick(item.get("text"), "zh"))
            put(
                ws,
                r,
                5,
                vocab(RESULTS, result, "zh"),
                font=_FAIL if result == "fail" else None,
                align=_CENTER,
            )
            put(ws, r, 6, pick(item.get("display"), "zh"))
            put(ws, r, 7, item.get("note") or "")
            put(ws, r, 8, vocab(SEVERITIES, item.get("severity"), "zh"), align=_CENTER)
            put(ws, r, 9, pick(item.get("risk_driver"), "zh"))
            put(ws, r, 10, item.get("source") or "")


def _cell_value(value: Any, kind: str) -> tuple[Any, str | None]:
    if value is None:
        return "", None
    if isinstance(value, bool):
        return ("是" if value else "否"), None
    if isinstance(value, int):
        if kind == "money":
            return _money(value), MONEY_FORMAT
        if kind == "diff":
            return _money(value), DIFF_FORMAT
        return value, COUNT_FORMAT
    return str(value), None


def _table(wb: WorkbookT, table: dict[str, Any], used: set[str]) -> None:
    ws = wb.create_sheet(
        _sheet_title(pick(table.get("title"), "zh") or table.get("key", "表"), used)
    )
    cols = table.get("columns") or []
    kinds = [c.get("kind", "text") for c in cols]
    texts = [[str(v) for v in table_cells(table, row, "zh")] for row in table.get("rows") or []]
    texts += [[str(v) for v in row] for row in table.get("footer") or []]
    _widths(
        ws,
        [
            _content_width(
                f"{pick(c, 'zh')} {c.get('en', '')}", [row[ci] for row in texts if ci < len(row)]
            )
            if k == "text"
            else 16
            for ci, (c, k) in enumerate(zip(cols, kinds, strict=True))
        ],
    )
    put(ws, 1, 1, pick(table.get("title"), "zh"), font=_BOLD, border=False)
    _header(ws, 2, [f"{pick(c, 'zh')} {c.get('en', '')}".strip() for c in cols])
    r = 2
    for raw in table.get("rows") or []:
        r += 1
        row = table_cells(table, raw, "zh")
        for ci, kind in enumerate(kinds):
            value, fmt = _cell_value(row[ci] if ci < len(row) else None, kind)
            font = _FAIL if kind == "diff" and isinstance(value, int | float) and value else None
            put(ws, r, ci + 1, value, fmt=fmt, font=font, align=_RIGHT if fmt else None)
    for row in table.get("footer") or []:
        r += 1
        for ci, kind in enumerate(kinds):
            value, fmt = _cell_value(
                row[ci] if ci < len(row) else None, "text" if ci == 0 else kind
            )
            put(
                ws,
                r,
                ci + 1,
                value,
                fmt=fmt,
                font=_BOLD,
                fill=_FOOT_FILL,
                align=_RIGHT if fmt else None,
            )


def _findings(wb: WorkbookT, doc: dict[str, Any]) -> None:
    ws = wb.create_sheet("问题清单")
    _widths(ws, [7, 40, 16, 10, 22, 12, 12, 12, 10, 10])
    _header(
        ws,
        1,
        [
            "序号",
            "问题",
            "检查项目键",
            "严重程度",
            "风险驱动因素",
            "整改责任人",
            "责任人工号",
            "整改期限",
            "状态",
            "屡查屡犯",
        ],
    )
    ws.freeze_panes = "A2"
    for i, f in enumerate(doc.get("findings") or [], start=1):
        r = i + 1
        resp = f.get("responsible") or {}
        put(ws, r, 1, i, align=_CENTER)
        put(ws, r, 2, pick(f.get("title"), "zh"))
        put(ws, r, 3, f.get("item_key") or "")
        put(ws, r, 4, vocab(SEVERITIES, f.get("severity"), "zh"), align=_CENTER)
        put(ws, r, 5, pick(f.get("risk_driver"), "zh"))
        put(ws, r, 6, resp.get("name", "") if isinstance(resp, dict) else "")
        put(ws, r, 7, resp.get("employee_no", "") if isinstance(resp, dict) else "")
        put(ws, r, 8, f.get("due_date") or "", align=_CENTER)
        put(ws, r, 9, vocab(FINDING_STATES, f.get("state"), "zh"), align=_CENTER)
        put(
            ws,
            r,
            10,
            "屡查屡犯" if f.get("repeat") else "否",
            font=_FAIL if f.get("repeat") else None,
            align=_CENTER,
        )


def _signatures(wb: WorkbookT, doc: dict[str, Any]) -> None:
    ws = wb.create_sheet("签名")
    _widths(ws, [14, 14, 12, 12, 21, 24])
    _header(
        ws,
        1,
        [
            "签名方 Party",
            "岗位 Role",
            "姓名 Name",
            "工号 Employee no.",
            "签名时间 Signed at",
            "签名 Signature",
        ],
    )
    for i, sig in enumerate(doc.get("signatures") or [], start=2):
        put(ws, i, 1, sig.get("party", ""))
        put(ws, i, 2, pick(sig.get("title"), "zh"))
        put(ws, i, 3, sig.get("name", ""))
        put(ws, i, 4, sig.get("employee_no", ""))
        put(ws, i, 5, format_time(sig.get("signed_at")))
        put(ws, i, 6, "")
        ws.row_dimensions[i].height = 52
        png = signature_png(sig.get("png_b64"))
        if png is not None:
            img = XLImage(io.BytesIO(png))
            img.width, img.height = 165, 66
            ws.add_image(img, f"F{i}")


def _seal_sheet_visible(
    wb: WorkbookT, doc: dict[str, Any], seal: dict[str, Any], exporter: str | None
) -> None:
    from branchcheck.records import pki

    ws = wb.create_sheet("签章")
    _widths(ws, [24, 80])
    put(ws, 1, 1, "电子签章 Electronic seal", font=_TITLE, border=False)
    ws.row_dimensions[1].height = 26
    signer = seal.get("signer") or {}
    fp = ""
    try:
        fp = pki.fingerprint(pki.cert_from_pem(seal["certificate_pem"]))
    except Exception:  # a malformed seal just shows no fingerprint
        fp = ""
    rows: list[tuple[str, Any]] = [
        ("记录编号 Record ID", doc.get("record_id", "")),
        ("记录摘要 SHA-256", seal.get("sha256", "")),
        ("签章人 Sealed by", signer.get("name", "")),
        ("签章人工号 Employee no.", signer.get("employee_no", "")),
        ("证书主题 Subject", signer.get("subject", "")),
        ("证书指纹 Certificate SHA-256", fp),
        ("签章算法 Algorithm", seal.get("algorithm", "")),
        ("封存时间 Sealed at", format_time(doc.get("sealed_at"))),
        ("导出签名人 Exported by", exporter or "未签名 unsigned"),
        ("校验 Verify with", "branchcheck verify FILE"),
    ]
    for r, (label, value) in enumerate(rows, start=3):
        put(ws, r, 1, label, font=_BOLD, fill=_LABEL_FILL)
        put(ws, r, 2, value)
    put(
        ws,
        len(rows) + 4,
        1,
        "本工作簿内附记录原文及签章；任何改动（包括单元格内容和格式）都会使校验失败。",
        font=_GREY,
        border=False,
    )


def add_visible_sheets(
    wb: WorkbookT, doc: dict[str, Any], seal: dict[str, Any], exporter: str | None
) -> None:
    """Add the sheets a person reads, in order: 概要, 检查项目, the tables, 问题清单, 签名, 签章
    (excel.attachments puts 附件 before 签名 on a record with files);
    `exporter` ("name（employee no.）" of the export signer, None: unsigned) is shown on 签章."""
    used = {"概要", "检查项目", "问题清单", "签名", "签章"}

    def printed(layout: Layout) -> None:
        ws = wb.worksheets[-1]
        fit_row_heights(ws)
        setup_print(ws, doc, layout)

    _summary(wb, doc)
    printed(Layout(title_rows=None))
    _items(wb, doc)
    printed(Layout(title_rows="1:1", landscape=True))
    for table in doc.get("tables") or []:
        _table(wb, table, used)
        printed(Layout(title_rows="1:2", landscape=len(table.get("columns") or []) > 5))
    _findings(wb, doc)
    printed(Layout(title_rows="1:1", landscape=True))
    _signatures(wb, doc)
    printed(Layout(title_rows="1:1"))
    _seal_sheet_visible(wb, doc, seal, exporter)
    printed(Layout(title_rows=None, one_page=True))
