"""The page furniture of the record PDF: the shipped CJK font, geometry, colours, paragraph
styles, the drawn title, the table grid, and the canvas that writes 第 x 页 共 y 页 footers."""

from __future__ import annotations

import threading
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from branchcheck import paths

FONT = "BranchCheckCJK"

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


class Styles:
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


class BoldTitle(Flowable):
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


def write_paged(path: Any, story: list[Any], *, footer: dict[str, str], title: str) -> None:
    """An A4 report (not a record) of `story` at `path`, in the records' margins, each page with
    the header and the 第 x 页 共 y 页 footer of `footer` (PagedCanvas)."""
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(
        str(path),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
    )
    doc.build(story, canvasmaker=lambda *a, **k: PagedCanvas(*a, footer=footer, **k))


class PagedCanvas(Canvas):
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
        if f.get("watermark"):  # a preview: said above the page's head and faint across it
            self.setFont(FONT, 9)
            self.setFillColor(SEAL_RED)
            self.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN_TOP + 10 * mm, f["watermark"])
            self.setFont(FONT, 54)
            self.setFillColor(SEAL_RED, alpha=0.16)
            self.translate(PAGE_W / 2, PAGE_H / 2)
            self.rotate(35)
            self.drawCentredString(0, 0, f["watermark"])
        self.restoreState()


def grid(header_rows: int = 1) -> list[tuple[Any, ...]]:
    """The table style commands of a ruled grid, the first `header_rows` rows shaded."""
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


class RecordTable(Table):
    """A table that never leaves its header rows at a page's foot: a part of it starts on a page
    only with its header and its first row whole, or MIN_START of a row taller than that
    (reportlab would split the first row anywhere, even to nothing)."""

    MIN_START = 18 * mm

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        rows = self._rowHeights
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        head = sum(rows[:repeat])
        first = rows[repeat] if len(rows) > repeat else 0
        if availHeight < head + min(first, self.MIN_START):
            return []
        return super().split(availWidth, availHeight)


class HeadedTable(Flowable):
    """A heading (a few flowables) and the table it heads, never parted by a page break (the
    table is a RecordTable: its header never ends a page), a table shorter than `keep_whole`
    moved to the next page whole."""

    def __init__(self, heading: list[Flowable], table: Table, keep_whole: float = 0) -> None:
        super().__init__()
        self._heading = heading
        self._table = table
        self._keep_whole = keep_whole

    def _heading_height(self, aw: float, ah: float) -> float:
        return sum(
            f.wrap(aw, ah)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self._heading
        )

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        hh = self._heading_height(aw, ah)
        _, th = self._table.wrap(aw, max(ah - hh, 0))
        self.width, self.height = aw, hh + th
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        if self.height <= self._keep_whole:
            return []  # short: the whole of it on the next page
        parts = self._table.split(aw, ah - self._heading_height(aw, ah))
        return [*self._heading, *parts] if parts else []

    def draw(self) -> None:
        y = self.height
        for f in [*self._heading, self._table]:
            y -= f.getSpaceBefore()
            _, h = f.wrap(self.width, y)
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()
