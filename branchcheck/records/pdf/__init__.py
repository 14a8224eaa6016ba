"""The signed PDF of a sealed record: an A4 inspection record drawn with reportlab platypus in
the shipped CJK font (`page` holds the furniture, `story` the content, `layout` places it),
carrying the record and its seal as embedded files (record.json, seal.json), then signed
PAdES B-B (offline, no timestamp) with pyHanko (`sign`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from branchcheck.records.pdf.layout import layout
from branchcheck.records.pdf.sign import embed_record, sign, unsigned

if TYPE_CHECKING:
    from branchcheck.records.pki import Credential

__all__ = ["render_pdf", "render_preview"]


def render_pdf(
    doc: dict[str, Any], seal: dict[str, Any], cred: Credential | None, *, lang: str = "zh"
) -> bytes:
    """The record as an A4 PDF with record.json and seal.json embedded; signed PAdES B-B with
    `cred` when given (an invisible signature field; the visible seal box is part of the page)."""
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    writer = embed_record(layout(doc, seal, lang, signed=cred is not None), doc, seal)
    return unsigned(writer) if cred is None else sign(writer, doc, cred)


def render_preview(doc: dict[str, Any], seal: dict[str, Any], *, lang: str = "zh") -> bytes:
    """The record's pages before sealing: unsigned, nothing embedded, and every page marked
    预览 · 未封存 / Preview · not sealed (a sealed record's pages never carry the mark)."""
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    return layout(doc, seal, lang, signed=False, preview=True)
