"""The record laid out as A4 pages: the story placed by reportlab platypus, with the footer
and running head on every page and the document properties taken from the record."""

from __future__ import annotations

import datetime as _dt
import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from branchcheck.i18n import pick
from branchcheck.records.labels import label
from branchcheck.records.pdf.page import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PagedCanvas,
    register_font,
)
from branchcheck.records.pdf.story import Story

# A record carrying "pages": PAGES has pages verify can lay out again and compare byte for byte
# (records/verify/pages.py). Raise it whenever the layout of a record changes.
PAGES = "branchcheck-pages/1"


def pdf_date(text: Any) -> str:
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


PREVIEW_MARK = {"zh": "预览 · 未封存", "en": "PREVIEW · NOT SEALED"}


def layout(
    doc: dict[str, Any], seal: dict[str, Any], lang: str, signed: bool, preview: bool = False
) -> bytes:
    """The unsigned PDF bytes of the record's pages in `lang` ('zh' or 'en'); `signed` picks
    the note in the seal box; `preview` marks every page (a record before sealing)."""
    register_font()
    story = Story(doc, seal, lang, signed)
    title = story.title_text()
    branch = doc.get("branch", {})
    footer = {
        "left": f"{label('record_id', lang)}{'：' if lang == 'zh' else ': '}{doc.get('record_id', '')}",
        "right": label("app", lang),
        "page": label("page", lang),
        "head_left": f"{pick({'zh': branch.get('name'), 'en': branch.get('name_en')}, lang)}　{title}",
        "head_right": f"{doc.get('local_date', '')}",
        "pdf_date": pdf_date(doc.get("sealed_at")),
    }
    if preview:
        footer["watermark"] = PREVIEW_MARK[lang]
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
        story.flowables(),
        canvasmaker=lambda *a, **k: PagedCanvas(*a, footer=footer, **k),
    )
    return buf.getvalue()
