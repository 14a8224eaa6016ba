"""Sealed records: the record document, its seal, the keys that sign it, the signed PDF and
workbook, and their offline verification.

The renderers import reportlab, openpyxl and pyHanko; they are loaded on first use, so importing
this package (or `records.keys`, `records.sealing`) stays cheap."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "render_pdf": "branchcheck.records.pdf",
    "render_xlsx": "branchcheck.records.excel",
    "visible_digest": "branchcheck.records.excel",
    "VerifyResult": "branchcheck.records.verify",
    "verify_file": "branchcheck.records.verify",
    "verify_files": "branchcheck.records.verify",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'branchcheck.records' has no attribute {name!r}")
    return getattr(import_module(module), name)
