"""The findings register as an A4 landscape PDF in the record PDFs' font (records.pdf.page), the
heading row repeated on every page, 第 x 页 共 y 页 in the footer; signed PAdES B-B with the
signer's key through records.pdf.sign, as a sealed record is."""

from __future__ import annotations

import io
from html import escape
from typing import TYPE_CHECKING, Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer

from branchcheck.records.pdf.page import FONT, GREY, INK, Styles, grid, register_font

if TYPE_CHECKING:
    from branchcheck.records.pki import Credential
    from branchcheck.views import FindingsRegister

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 10 * mm
FOOT = 8 * mm


class _FooterCanvas(Canvas):
    """Holds the pages back until save() so each footer can say 共 y 页."""

    def __init__(self, *args: Any, footer: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab API name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(GREY)
            self.drawString(MARGIN, FOOT, self._footer)
            self.drawRightString(PAGE_W - MARGIN, FOOT, "网点自查 BranchCheck")
            self.setFillColor(INK)
            self.drawCentredString(PAGE_W / 2, FOOT, f"第 {self.getPageNumber()} 页 共 {total} 页")
            self.restoreState()
            super().showPage()
        super().save()


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _layout(register: FindingsRegister) -> bytes:
    register_font()
    s = Styles()
    cell = ParagraphStyle("reg_cell", parent=s.cell, fontSize=6.6, leading=8.4)
    mono = ParagraphStyle("reg_hash", parent=cell, fontSize=5.6, leading=7.2)
    head = ParagraphStyle("reg_head", parent=s.head, fontSize=6.4, leading=8.2)
    usable = PAGE_W - 2 * MARGIN
    total = sum(register.widths)
    widths = [usable * w / total for w in register.widths]
    last = len(register.headings) - 1
    data = [[_p(h, head) for h in register.headings]]
    data += [
        [_p(v, mono if c == last else cell) for c, v in enumerate(row)] for row in register.rows
    ]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid(1) + [("VALIGN", (0, 1), (-1, -1), "TOP")])
    signer = register.signer
    meta = f"截至 {register.as_of}　生成于 {register.made_at[:16].replace('T', ' ')}" + (
        f"　签署人 {signer.name}（{signer.employee_no}）" if signer else "　未签名"
    )
    title = f"{register.branch}　问题整改台账"
    story = [
        _p(title, ParagraphStyle("reg_title", parent=s.branch, fontSize=14, leading=18)),
        _p(meta, s.subtitle),
        _p(register.summary, s.subtitle),
        Spacer(1, 3 * mm),
        table,
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=title,
        author=signer.name if signer else "",
        creator="BranchCheck 网点自查",
        lang="zh-CN",
    )
    footer = f"{register.branch}（{register.branch_code}）　截至 {register.as_of}"
    doc.build(story, canvasmaker=lambda *a, **k: _FooterCanvas(*a, footer=footer, **k))
    return buf.getvalue()


def register_pdf(register: FindingsRegister, cred: Credential | None) -> bytes:
    """The register's PDF, signed PAdES B-B by `cred` when given."""
    pdf = _layout(register)
    if cred is None:
        return pdf
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from branchcheck.records.pdf.sign import sign

    about = {
        "record_id": f"findings register {register.branch_code} {register.as_of}",
        "branch": {"code": register.branch_code},
    }
    return sign(IncrementalPdfFileWriter(io.BytesIO(pdf)), about, cred)
