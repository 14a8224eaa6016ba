"""Rendering and verifying sealed record files (PDF and workbook).

Imports reportlab, openpyxl and pyHanko: import this package lazily, when a record is rendered,
signed or verified."""

from __future__ import annotations

from branchcheck.records.excel import render_xlsx, visible_digest
from branchcheck.records.pdf import render_pdf
from branchcheck.records.verify import VerifyResult, verify_file, verify_files

__all__ = [
    "VerifyResult",
    "render_pdf",
    "render_xlsx",
    "verify_file",
    "verify_files",
    "visible_digest",
]
