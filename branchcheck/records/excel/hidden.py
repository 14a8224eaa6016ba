"""The very hidden sheet `_seal` of the record workbook: labelled texts (the canonical record
JSON, its seal, the export manifest) in column A, their chunks from column B."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook as WorkbookT

SEAL_SHEET = "_seal"
CHUNK = 32_000  # characters per cell, below Excel's limit of 32,767


def _chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


def write_hidden(wb: WorkbookT, parts: dict[str, str]) -> None:
    """Add the very hidden `_seal` sheet holding `parts` as labelled, chunked string cells."""
    ws = wb.create_sheet(SEAL_SHEET)
    ws.sheet_state = "veryHidden"
    for r, (label, text) in enumerate(parts.items(), start=1):
        ws.cell(row=r, column=1).value = label
        for c, chunk in enumerate(_chunks(text), start=2):
            cell = ws.cell(row=r, column=c)
            cell.value = chunk
            cell.data_type = "s"


def read_hidden(wb: WorkbookT) -> dict[str, str]:
    """The labelled texts of the `_seal` sheet (label in column A, chunks from column B)."""
    ws = wb[SEAL_SHEET]
    out: dict[str, str] = {}
    for row in ws.iter_rows(values_only=True):
        if not row or not isinstance(row[0], str):
            continue
        out[row[0]] = "".join(v for v in row[1:] if isinstance(v, str))
    return out
