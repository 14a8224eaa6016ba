"""The signed PDF of a sealed record: an A4 inspection record drawn with reportlab platypus in
the shipped CJK font, carrying the record and its seal as embedded files (record.json,
seal.json), then signed PAdES B-B (offline, no timestamp) with pyHanko."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import io
import json
import threading
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from branchcheck import paths
from branchcheck.money import format_fen
from branchcheck.records.sealing import canonical_bytes
from branchcheck.taxonomy import FINDING_STATES, RESULTS, SEVERITIES

if TYPE_CHECKING:
    from branchcheck.records.pki import Credential

FONT = "BranchCheckCJK"
RECORD_FILE = "record.json"
SEAL_FILE = "seal.json"
SIGNATURE_FIELD = "BranchCheckSeal"

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#5f6368")
RULE = colors.HexColor("#7a7a7a")
HEAD_BG = colors.HexColor("#e8ecf1")
LABEL_BG = colors.HexColor("#f3f5f8")
FAIL = colors.HexColor("#b3261e")
SEAL_RED = colors.HexColor("#c0392b")

_font_lock = threading.Lock()
_font_ready = False

# Labels printed on the record, by language.
L: dict[str, dict[str, str]] = {
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
        "zh": "共 {items} 项：合格 {passed}，不合格 {failed}，不适用 {not_applicable}，"
        "待定 {pending}；发现问题 {findings} 个",
        "en": "{items} items: {passed} passed, {failed} failed, {not_applicable} n/a, "
        "{pending} pending; {findings} finding(s)",
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


def _cn_index(i: int) -> str:
    if i < 10:
        return CN_NUMERALS[i]
    if i < 20:
        return "十" + (CN_NUMERALS[i - 10] if i > 10 else "")
    return str(i + 1)


# ---------------------------------------------------------------- font and styles


def register_font() -> str:
    """Register the shipped WenQuanYi Micro Hei once per process; returns the font name."""
    global _font_ready
    if _font_ready:
        return FONT
    with _font_lock:
        if not _font_ready:
            pdfmetrics.registerFont(TTFont(FONT, str(paths.font_path()), subfontIndex=0))
            # One face only: <b> and <i> in paragraphs fall back to the same outlines.
            pdfmetrics.registerFontFamily(
                FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT
            )
            _font_ready = True
    return FONT


class _Styles:
    def __init__(self) -> None:
        base = ParagraphStyle(
            "base",
            fontName=FONT,
            fontSize=9,
            leading=12.5,
            textColor=INK,
            wordWrap="CJK",
        )
        self.base = base
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5)
        self.cell_c = ParagraphStyle("cell_c", parent=self.cell, alignment=TA_CENTER)
        self.cell_r = ParagraphStyle("cell_r", parent=self.cell, alignment=TA_RIGHT)
        self.small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=10, textColor=GREY)
        self.head = ParagraphStyle("head", parent=self.cell, alignment=TA_CENTER, textColor=INK)
        self.label = ParagraphStyle("label", parent=self.cell, textColor=GREY)
        self.branch = ParagraphStyle(
            "branch", parent=base, fontSize=11, leading=15, alignment=TA_CENTER
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=9, leading=12, alignment=TA_CENTER, textColor=GREY
        )
        self.h2 = ParagraphStyle(
            "h2", parent=base, fontSize=11.5, leading=16, spaceBefore=8, spaceAfter=4
        )
        self.h3 = ParagraphStyle("h3", parent=base, fontSize=10, leading=14, spaceBefore=4)
        self.meta = ParagraphStyle("meta", parent=base, fontSize=8, leading=11, alignment=TA_RIGHT)
        self.seal = ParagraphStyle("seal", parent=self.cell, fontSize=8, leading=11)
        self.left = ParagraphStyle("left", parent=self.cell, alignment=TA_LEFT)


# ---------------------------------------------------------------- text helpers


def _esc(value: Any) -> str:
    """XML-escape any text from the record for a Paragraph; newlines become line breaks."""
    if value is None:
        return ""
    return escape(str(value)).replace("\r\n", "\n").replace("\n", "<br/>")


def _t(obj: Any, lang: str) -> str:
    """The text of a {"zh", "en"} dict in `lang` (falling back to the other), or str(obj)."""
    if isinstance(obj, dict):
        return str(obj.get(lang) or obj.get("zh") or obj.get("en") or "")
    return "" if obj is None else str(obj)


def _lbl(key: str, lang: str) -> str:
    return L[key].get(lang) or L[key]["zh"]


def _fmt_time(text: Any, *, seconds: bool = True) -> str:
    if not isinstance(text, str) or not text:
        return ""
    try:
        dt = _dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return dt.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def _clock(text: Any) -> str:
    if not isinstance(text, str) or not text:
        return ""
    try:
        return _dt.datetime.fromisoformat(text).strftime("%H:%M:%S")
    except ValueError:
        return text


def _vocab(table: dict[str, dict[str, str]], key: Any, lang: str) -> str:
    if isinstance(key, str) and key in table:
        return table[key].get(lang) or table[key]["zh"]
    return "" if key is None else str(key)


def format_cell(value: Any, kind: str, lang: str = "zh") -> str:
    """Display text of one table cell by column kind (money/diff as ¥ with 长款/短款)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _lbl("yes", lang) if value else ""
    if kind == "money" and isinstance(value, int):
        return format_fen(value)
    if kind == "diff" and isinstance(value, int):
        if value == 0:
            return format_fen(0)
        word = _lbl("overage" if value > 0 else "shortage", lang)
        return f"{format_fen(value, sign=True)} {word}"
    if kind in ("int", "count") and isinstance(value, int):
        return f"{value:,}"
    return str(value)


# ---------------------------------------------------------------- flowables and canvas


class _BoldTitle(Flowable):
    """A centred title drawn fill+stroke, since the embedded CJK font has no bold face."""

    def __init__(self, text: str, size: float, color: colors.Color = INK) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.color = color

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.size * 1.45

    def draw(self) -> None:
        c = self.canv
        w = pdfmetrics.stringWidth(self.text, FONT, self.size)
        c.saveState()
        c.setFillColor(self.color)
        c.setStrokeColor(self.color)
        c.setLineWidth(self.size * 0.035)
        t = c.beginText((self.width - w) / 2, self.size * 0.3)
        t.setFont(FONT, self.size)
        t.setTextRenderMode(2)
        t.textOut(self.text)
        c.drawText(t)
        c.restoreState()


class _PagedCanvas(Canvas):
    """Holds every finished page back until save(), so each footer can say 共 y 页."""

    def __init__(self, *args: Any, footer: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        created = footer.get("pdf_date")
        if created:  # the record's sealed_at, instead of the (invariant) build time
            self.setDateFormatter(lambda *_ymdhms: created)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab API name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        f = self._footer
        page = self.getPageNumber()
        y = MARGIN_BOTTOM - 9 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(MARGIN_X, y + 4.2 * mm, PAGE_W - MARGIN_X, y + 4.2 * mm)
        self.setFillColor(GREY)
        self.setFont(FONT, 7.5)
        self.drawString(MARGIN_X, y, f["left"])
        self.drawRightString(PAGE_W - MARGIN_X, y, f["right"])
        self.setFont(FONT, 8.5)
        self.setFillColor(INK)
        self.drawCentredString(PAGE_W / 2, y, f["page"].format(x=page, y=total))
        if page > 1:  # a running head on continuation pages
            self.setFont(FONT, 7.5)
            self.setFillColor(GREY)
            top = PAGE_H - MARGIN_TOP + 5 * mm
            self.drawString(MARGIN_X, top, f["head_left"])
            self.drawRightString(PAGE_W - MARGIN_X, top, f["head_right"])
            self.setStrokeColor(RULE)
            self.line(MARGIN_X, top - 1.8 * mm, PAGE_W - MARGIN_X, top - 1.8 * mm)
        self.restoreState()


def _grid(header_rows: int = 1, *, zebra: bool = False) -> list[tuple[Any, ...]]:
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.45, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG))
        cmds.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK))
    return cmds


# ---------------------------------------------------------------- the story


class _Builder:
    def __init__(self, doc: dict[str, Any], seal: dict[str, Any], lang: str, signed: bool) -> None:
        self.doc = doc
        self.seal = seal
        self.lang = lang
        self.signed = signed
        self.s = _Styles()

    # small helpers
    def p(self, text: Any, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(_esc(text), style or self.s.cell)

    def raw(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.s.cell)

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ": "

    def lbl(self, key: str) -> str:
        return _lbl(key, self.lang)

    def t(self, obj: Any) -> str:
        return _t(obj, self.lang)

    def title_text(self) -> str:
        title = self.t(self.doc.get("checklist", {}).get("title"))
        return title + self.lbl("record")

    # sections
    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        out += self.header()
        out += self.items()
        out += self.tables()
        out += self.findings()
        out += self.signatures()
        out += self.seal_box()
        return out

    def header(self) -> list[Flowable]:
        d, s, lang = self.doc, self.s, self.lang
        branch = d.get("branch", {})
        checklist = d.get("checklist", {})
        title = checklist.get("title", {})
        other = "en" if lang == "zh" else "zh"
        sub = _t(title, other)
        if other == "en" and sub:
            sub = f"{sub} record"
        elif sub:
            sub = sub + "记录"
        out: list[Flowable] = [
            self.p(
                branch.get("name" if lang == "zh" else "name_en") or branch.get("name"), s.branch
            ),
            Spacer(1, 1.5 * mm),
            _BoldTitle(self.title_text(), 19),
            self.p(sub, s.subtitle),
            Spacer(1, 2 * mm),
        ]
        c = self.colon
        ver = (
            f"{self.lbl('record_id')}{c}{d.get('record_id', '')}    "
            f"{self.lbl('version')}{c}v{d.get('version', '')}"
        )
        out.append(self.p(ver, s.meta))
        if d.get("supersedes"):
            out.append(self.p(f"{self.lbl('supersedes')}{c}{d['supersedes']}", s.meta))
        out.append(Spacer(1, 1.5 * mm))

        inspector = d.get("inspector", {})
        people = d.get("people") or []
        people_text = "；".join(
            f"{self.t(p.get('title'))} {p.get('name', '')}（{p.get('employee_no', '')}）"
            for p in people
        )
        summary = d.get("summary", {})
        counts = {
            k: summary.get(k, 0)
            for k in ("items", "passed", "failed", "not_applicable", "pending", "findings")
        }
        result_text = self.t(summary.get("result"))
        failed = bool(summary.get("failed")) or bool(summary.get("findings"))
        result_markup = (
            f'<font color="{FAIL.hexval()}">{_esc(result_text)}</font>'
            if failed
            else _esc(result_text)
        )
        lab = s.label
        rows = [
            [
                self.p(self.lbl("branch"), lab),
                self.p(f"{branch.get('name', '')}（{branch.get('code', '')}）"),
                self.p(self.lbl("date"), lab),
                self.p(d.get("local_date", "")),
            ],
            [
                self.p(self.lbl("checklist"), lab),
                self.p(
                    f"{self.t(title)}（{checklist.get('key', '')} "
                    + (
                        f"第 {checklist.get('version', '')} 版）"
                        if lang == "zh"
                        else f"v{checklist.get('version', '')})"
                    )
                ),
                self.p(self.lbl("time"), lab),
                self.p(f"{_clock(d.get('started_at'))} – {_clock(d.get('completed_at'))}"),
            ],
            [
                self.p(self.lbl("inspector"), lab),
                self.p(
                    f"{self.t(inspector.get('role'))} {inspector.get('name', '')}"
                    f"（{inspector.get('employee_no', '')}）"
                ),
                self.p(self.lbl("sealed_at"), lab),
                self.p(_fmt_time(d.get("sealed_at"))),
            ],
            [self.p(self.lbl("people"), lab), self.p(people_text or "—"), "", ""],
            [
                self.p(self.lbl("conclusion"), lab),
                self.raw(
                    f"{result_markup}　　"
                    f'<font size="8" color="{GREY.hexval()}">'
                    f"{_esc(_lbl('counts', lang).format(**counts))}</font>"
                ),
                "",
                "",
            ],
        ]
        widths = [20 * mm, 78 * mm, 20 * mm, CONTENT_W - 118 * mm]
        table = Table(rows, colWidths=widths)
        style = _grid(0)
        style += [
            ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
            ("BACKGROUND", (2, 0), (2, 2), LABEL_BG),
            ("SPAN", (1, 3), (3, 3)),
            ("SPAN", (1, 4), (3, 4)),
        ]
        table.setStyle(TableStyle(style))
        out.append(table)
        return out

    def items(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        out: list[Flowable] = []
        widths = [10 * mm, 56 * mm, 16 * mm, 50 * mm, 16 * mm]
        widths.append(CONTENT_W - sum(widths))
        header = [
            self.p(self.lbl(k), s.head)
            for k in ("no", "item", "result", "display", "severity", "source")
        ]
        for si, section in enumerate(self.doc.get("sections") or []):
            prefix = f"{_cn_index(si)}、" if lang == "zh" else f"{si + 1}. "
            heading = prefix + self.t(section.get("title"))
            other = _t(section.get("title"), "en" if lang == "zh" else "zh")
            markup = _esc(heading)
            if other and other != self.t(section.get("title")):
                markup += f'　<font size="8.5" color="{GREY.hexval()}">{_esc(other)}</font>'
            rows: list[list[Any]] = [header]
            fails: list[int] = []
            for ii, item in enumerate(section.get("items") or []):
                result = item.get("result")
                res_text = _vocab(RESULTS, result, lang)
                if result == "fail":
                    fails.append(ii + 1)
                    res = self.raw(
                        f'<font color="{FAIL.hexval()}">{_esc(res_text)}</font>', s.cell_c
                    )
                else:
                    res = self.p(res_text, s.cell_c)
                detail = _esc(self.t(item.get("display")))
                note = item.get("note")
                if note:
                    sep = "<br/>" if detail else ""
                    detail += f'{sep}<font color="{GREY.hexval()}">{_esc(self.lbl("note"))}{self.colon}{_esc(note)}</font>'
                text_markup = _esc(self.t(item.get("text")))
                if item.get("required") is False:
                    text_markup += f' <font size="7" color="{GREY.hexval()}">（选填）</font>'
                rows.append(
                    [
                        self.p(f"{si + 1}.{ii + 1}", s.cell_c),
                        self.raw(text_markup),
                        res,
                        self.raw(detail),
                        self.p(_vocab(SEVERITIES, item.get("severity"), lang), s.cell_c),
                        self.p(item.get("source") or "", s.small),
                    ]
                )
            table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
            style = _grid(1)
            for r in fails:
                style.append(("BACKGROUND", (2, r), (2, r), colors.HexColor("#fbeaea")))
            table.setStyle(TableStyle(style))
            out.append(CondPageBreak(40 * mm))
            out.append(self.raw(markup, s.h2))
            out.append(table)
        return out

    def tables(self) -> list[Flowable]:
        s = self.s
        tables = self.doc.get("tables") or []
        if not tables:
            return []
        out: list[Flowable] = [CondPageBreak(40 * mm), self.p(self.lbl("tables"), s.h2)]
        for ti, tab in enumerate(tables):
            cols = tab.get("columns") or []
            if not cols:
                continue
            kinds = [c.get("kind", "text") for c in cols]
            numeric = [k in ("money", "diff", "int", "count") for k in kinds]
            header = [self.p(_t(c, self.lang), s.head) for c in cols]
            rows: list[list[Any]] = [header]
            for row in tab.get("rows") or []:
                rows.append(self._table_row(row, kinds, numeric))
            footer = tab.get("footer") or []
            first_footer = len(rows)
            for row in footer:
                rows.append(self._table_row(row, ["text"] + kinds[1:], [False] + numeric[1:]))
            widths = self._table_widths(cols, kinds)
            table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
            style = _grid(1)
            if footer:
                style += [
                    ("BACKGROUND", (0, first_footer), (-1, -1), LABEL_BG),
                    ("LINEABOVE", (0, first_footer), (-1, first_footer), 0.8, INK),
                ]
            table.setStyle(TableStyle(style))
            caption = (
                f"附表 {ti + 1}　{self.t(tab.get('title'))}"
                if self.lang == "zh"
                else (f"Table {ti + 1}  {self.t(tab.get('title'))}")
            )
            # A short table moves to the next page whole; a long one splits, header repeated.
            out.append(KeepTogether([self.p(caption, s.h3), Spacer(1, 1.5 * mm), table]))
            out.append(Spacer(1, 3 * mm))
        return out

    def _table_row(self, row: list[Any], kinds: list[str], numeric: list[bool]) -> list[Any]:
        cells: list[Any] = []
        for ci, kind in enumerate(kinds):
            value = row[ci] if ci < len(row) else None
            text = format_cell(value, kind, self.lang)
            if kind == "diff" and isinstance(value, int) and value != 0:
                cells.append(
                    self.raw(f'<font color="{FAIL.hexval()}">{_esc(text)}</font>', self.s.cell_r)
                )
            else:
                cells.append(self.p(text, self.s.cell_r if numeric[ci] else self.s.cell))
        return cells

    @staticmethod
    def _table_widths(cols: list[dict[str, Any]], kinds: list[str]) -> list[float]:
        weight = {"money": 1.35, "diff": 1.6, "int": 0.8, "count": 0.75, "text": 1.5}
        ws = [weight.get(k, 1.5) for k in kinds]
        if kinds and kinds[0] == "text":
            ws[0] = max(ws[0], 1.8)
        total = sum(ws)
        return [CONTENT_W * w / total for w in ws]

    def findings(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        findings = self.doc.get("findings") or []
        out: list[Flowable] = [CondPageBreak(35 * mm), self.p(self.lbl("findings"), s.h2)]
        if not findings:
            out.append(self.p(self.lbl("no_findings")))
            return out
        header = [
            self.p(self.lbl(k), s.head)
            for k in ("no", "f_title", "severity", "f_driver", "f_resp", "f_due", "f_state")
        ]
        rows: list[list[Any]] = [header]
        for i, f in enumerate(findings):
            title = _esc(self.t(f.get("title")))
            if f.get("repeat"):
                title += f' <font color="{FAIL.hexval()}">【{_esc(self.lbl("repeat"))}】</font>'
            resp = f.get("responsible") or {}
            resp_text = (
                f"{resp.get('name', '')}（{resp.get('employee_no', '')}）"
                if isinstance(resp, dict) and resp
                else ""
            )
            rows.append(
                [
                    self.p(i + 1, s.cell_c),
                    self.raw(title),
                    self.p(_vocab(SEVERITIES, f.get("severity"), lang), s.cell_c),
                    self.p(self.t(f.get("risk_driver"))),
                    self.p(resp_text),
                    self.p(f.get("due_date") or "", s.cell_c),
                    self.p(_vocab(FINDING_STATES, f.get("state"), lang), s.cell_c),
                ]
            )
        widths = [10 * mm, 52 * mm, 16 * mm, 30 * mm, 25 * mm, 21 * mm]
        widths.append(CONTENT_W - sum(widths))
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle(_grid(1)))
        out.append(table)
        return out

    def signatures(self) -> list[Flowable]:
        s = self.s
        sigs = self.doc.get("signatures") or []
        if not sigs:
            return []
        cell_w = CONTENT_W / 2
        img_w, img_h = 55 * mm, 22 * mm
        cells: list[Any] = []
        for sig in sigs:
            parts: list[Flowable] = [
                self.raw(
                    f"{_esc(self.t(sig.get('title')))}"
                    f'<font size="7.5" color="{GREY.hexval()}">　'
                    f"{_esc(_t(sig.get('title'), 'en' if self.lang == 'zh' else 'zh'))}</font>",
                    s.cell,
                ),
            ]
            png = _png(sig.get("png_b64"))
            if png is not None:
                img = Image(io.BytesIO(png), width=img_w, height=img_h)
                img.hAlign = "CENTER"
                parts.append(img)
            else:
                parts.append(Spacer(1, img_h))
            parts.append(self.p(f"{sig.get('name', '')}（{sig.get('employee_no', '')}）", s.cell_c))
            parts.append(
                self.p(
                    f"{self.lbl('signed_at')}{self.colon}{_fmt_time(sig.get('signed_at'))}", s.small
                )
            )
            cells.append(parts)
        if len(cells) % 2:
            cells.append("")
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        table = Table(rows, colWidths=[cell_w, cell_w])
        style = _grid(0)
        style += [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5)]
        table.setStyle(TableStyle(style))
        return [KeepTogether([CondPageBreak(60 * mm), self.p(self.lbl("signatures"), s.h2), table])]

    def seal_box(self) -> list[Flowable]:
        s, seal, d = self.s, self.seal, self.doc
        signer = seal.get("signer") or {}
        fp = ""
        pem = seal.get("certificate_pem")
        if isinstance(pem, str):
            try:
                from branchcheck.records import pki

                fp = pki.fingerprint(pki.cert_from_pem(pem))
            except Exception:  # a bad PEM just shows no fingerprint
                fp = ""
        sha = str(seal.get("sha256", ""))
        mono = ParagraphStyle("mono", parent=s.seal, fontName=FONT, fontSize=7.5, leading=10)
        rows = [
            [self.p(self.lbl("record_id"), s.label), self.p(d.get("record_id", ""), mono)],
            [self.p(self.lbl("sha256"), s.label), self.p(sha, mono)],
            [
                self.p(self.lbl("signer"), s.label),
                self.p(f"{signer.get('name', '')}（{signer.get('employee_no', '')}）"),
            ],
            [self.p(self.lbl("cert_fp"), s.label), self.p(f"SHA-256 {fp}", mono)],
            [self.p(self.lbl("algorithm"), s.label), self.p(seal.get("algorithm", ""))],
            [self.p(self.lbl("sealed_at"), s.label), self.p(_fmt_time(d.get("sealed_at")))],
        ]
        inner = Table(rows, colWidths=[30 * mm, CONTENT_W - 30 * mm - 10 * mm - 8])
        inner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.HexColor("#d9a6a1")),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        note = self.lbl("seal_note_signed" if self.signed else "seal_note_unsigned")
        head = self.raw(
            f'<font color="{SEAL_RED.hexval()}">{_esc(self.lbl("seal"))}</font>'
            f'<font size="8" color="{GREY.hexval()}">　Electronic seal</font>'
            if self.lang == "zh"
            else f'<font color="{SEAL_RED.hexval()}">{_esc(self.lbl("seal"))}</font>',
            s.h3,
        )
        box = Table([[head], [inner], [self.p(note, s.small)]], colWidths=[CONTENT_W - 10 * mm])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.4, SEAL_RED),
                    ("INNERGRID", (0, 0), (-1, -1), 0, colors.white),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdf7f6")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        box.hAlign = "CENTER"
        return [Spacer(1, 5 * mm), KeepTogether([box])]


def _pdf_date(text: Any) -> str:
    """An ISO time as a PDF date string (D:YYYYMMDDHHmmSS+HH'mm'), or '' if not parseable."""
    if not isinstance(text, str):
        return ""
    try:
        dt = _dt.datetime.fromisoformat(text)
    except ValueError:
        return ""
    off = dt.utcoffset() or _dt.timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hh, mm_ = divmod(abs(minutes), 60)
    return f"D:{dt:%Y%m%d%H%M%S}{sign}{hh:02d}'{mm_:02d}'"


def _png(b64: Any) -> bytes | None:
    if not isinstance(b64, str) or not b64:
        return None
    try:
        data = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(b"\x89PNG\r\n\x1a\n") else None


# ---------------------------------------------------------------- render and sign


def _layout(doc: dict[str, Any], seal: dict[str, Any], lang: str, signed: bool) -> bytes:
    register_font()
    builder = _Builder(doc, seal, lang, signed)
    title = builder.title_text()
    branch = doc.get("branch", {})
    footer = {
        "left": f"{_lbl('record_id', lang)}{'：' if lang == 'zh' else ': '}{doc.get('record_id', '')}",
        "right": _lbl("app", lang),
        "page": _lbl("page", lang),
        "head_left": f"{_t({'zh': branch.get('name'), 'en': branch.get('name_en')}, lang)}　{title}",
        "head_right": f"{doc.get('local_date', '')}",
        "pdf_date": _pdf_date(doc.get("sealed_at")),
    }
    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=str((doc.get("inspector") or {}).get("name", "")),
        subject=f"{branch.get('name', '')} {doc.get('local_date', '')} {doc.get('record_id', '')}",
        creator="BranchCheck 网点自查",
        keywords=f"branchcheck-record/1 {doc.get('record_id', '')}",
        invariant=True,
        lang="zh-CN" if lang == "zh" else "en",
    )
    template.build(
        builder.story(),
        canvasmaker=lambda *a, **k: _PagedCanvas(*a, footer=footer, **k),
    )
    return buf.getvalue()


def _embed(writer: Any, name: str, data: bytes, description: str) -> None:
    from pyhanko.pdf_utils import embed, generic

    ef = embed.EmbeddedFileObject.from_file_data(
        writer, data=data, mime_type="application/json", params=embed.EmbeddedFileParams()
    )
    spec = embed.FileSpec(
        file_spec_string=name,
        file_name=name,
        embedded_data=ef,
        description=description,
        af_relationship=generic.pdf_name("/Data"),
    )
    embed.embed_file(writer, spec)


def _signer(cred: Credential) -> Any:
    """A pyHanko SimpleSigner that signs with the in-memory key object (no DER reload)."""
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params

    class _CredentialSigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mech = self.get_signature_mechanism_for_digest(digest_algorithm)
            name = mech["algorithm"].native
            key = cred.key
            if name == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
                return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
            if name == "rsassa_pss" and isinstance(key, rsa.RSAPrivateKey):
                pad, algo = process_pss_params(mech["parameters"])
                return key.sign(data, pad, algo)
            if isinstance(key, ec.EllipticCurvePrivateKey):
                return key.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
            return super().sign_raw(data, digest_algorithm)

    der = serialization.Encoding.DER
    key = akeys.PrivateKeyInfo.load(
        cred.key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    cert = ax509.Certificate.load(cred.cert.public_bytes(der))
    chain = [ax509.Certificate.load(c.public_bytes(der)) for c in cred.chain]
    return _CredentialSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )


def _reserve(cred: Credential) -> int:
    """Bytes reserved for the CMS blob (skips pyHanko's dry-run size estimate)."""
    from cryptography.hazmat.primitives import serialization

    der = serialization.Encoding.DER
    certs = sum(len(c.public_bytes(der)) for c in [cred.cert, *cred.chain])
    return 6144 + certs + (certs % 2)  # pyHanko requires an even number


def render_pdf(
    doc: dict[str, Any], seal: dict[str, Any], cred: Credential | None, *, lang: str = "zh"
) -> bytes:
    """The record as an A4 PDF with record.json and seal.json embedded; signed PAdES B-B with
    `cred` when given (an invisible signature field; the visible seal box is part of the page)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    record = canonical_bytes(doc)
    seal_bytes = json.dumps(seal, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    laid_out = _layout(doc, seal, lang, signed=cred is not None)

    writer = IncrementalPdfFileWriter(io.BytesIO(laid_out))
    _embed(writer, RECORD_FILE, record, "BranchCheck sealed record (canonical JSON)")
    _embed(writer, SEAL_FILE, seal_bytes, "Seal of record.json (sha256 + signature)")
    if cred is None:
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=f"BranchCheck record {doc.get('record_id', '')}",
        location=str((doc.get("branch") or {}).get("code", "")),
        name=cred.name,
    )
    result = signers.sign_pdf(writer, meta, signer=_signer(cred), bytes_reserved=_reserve(cred))
    return result.getvalue()
