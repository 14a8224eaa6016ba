"""Sealed records: the record document, its seal, the keys that sign it, the signed PDF and
workbook, and their offline verification.

The renderers import reportlab, openpyxl and pyHanko; they are loaded on first use, so importing
this package (or `records.keys`, `records.sealing`) stays cheap."""

from __future__ import annotations

from branchcheck.lazy import lazy_names

_PARTS = {
    "pdf": ("render_pdf",),
    "excel": ("render_xlsx", "visible_digest"),
    "verify": ("VerifyResult", "verify_file", "verify_files"),
}

__all__ = [
    "VerifyResult",
    "render_pdf",
    "render_xlsx",
    "verify_file",
    "verify_files",
    "visible_digest",
]

__getattr__ = lazy_names(__name__, _PARTS)
