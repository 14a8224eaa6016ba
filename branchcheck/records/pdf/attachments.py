"""An item's attached files on the record PDF: under the item, each file's thumbnail (images),
name, size, who added it and when, and its SHA-256 (the hash the seal covers). Drawn from the
record alone (the thumbnails are in it), so verify lays the pages out again the same."""

from __future__ import annotations

import base64
import binascii
import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Table, TableStyle

from branchcheck.records.labels import format_time, mask_ids
from branchcheck.records.pdf.linebreak import Para
from branchcheck.records.pdf.page import Styles

ATTACHMENT = {"zh": "附件", "en": "Attachment"}
THUMB_W = 38 * mm


def thumbnail_jpeg(b64: Any) -> bytes | None:
    """The JPEG bytes of an attachment's `thumbnail_b64`, or None when missing or not a JPEG."""
    if not isinstance(b64, str) or not b64:
        return None
    try:
        data = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(b"\xff\xd8\xff") else None


def thumbnail(b64: Any, width: float) -> Image | None:
    """An attachment's thumbnail from the record, within a `width` square, or None."""
    data = thumbnail_jpeg(b64)
    if data is None:
        return None
    try:
        img = Image(io.BytesIO(data))
    except OSError:  # a thumbnail that is no image draws as none
        return None
    scale = min(width / img.imageWidth, width / img.imageHeight)  # within a width × width box
    img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
    img.hAlign = "LEFT"
    return img


def _p(text: Any, style: ParagraphStyle) -> Para:
    return Para(escape(mask_ids(str(text))), style)


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:,.1f} KB"
    return f"{size / 1024 / 1024:,.1f} MB"


def _line(n: int, f: dict[str, Any], lang: str) -> str:
    by = f.get("added_by") or {}
    size = f.get("size")
    kb = _size(size) if isinstance(size, int) else ""
    at = format_time(f.get("added_at"))
    colon = "：" if lang == "zh" else ": "
    if lang == "zh":
        return f"{ATTACHMENT['zh']} {n}{colon}{f.get('filename', '')}（{kb}，{by.get('name', '')} {at} 添加）"
    return f"{ATTACHMENT['en']} {n}{colon}{f.get('filename', '')} ({kb}, added by {by.get('name', '')} {at})"


def evidence_table(files: Any, width: float, lang: str, s: Styles) -> Table:
    """The files of one item as a table `width` wide: thumbnail | name, size, SHA-256."""
    mono = ParagraphStyle("hash", parent=s.small, fontSize=6.5, leading=8.5)
    rows: list[list[Any]] = []
    listed = [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []
    for n, f in enumerate(listed, start=1):
        text = [_p(_line(n, f, lang), s.small), _p(f"SHA-256 {f.get('sha256', '')}", mono)]
        rows.append([thumbnail(f.get("thumbnail_b64"), THUMB_W) or "", text])
    table = Table(rows or [["", ""]], colWidths=[THUMB_W + 4, width - THUMB_W - 12])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
