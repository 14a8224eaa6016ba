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


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _column(ref: str) -> int:
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + ord(ch.upper()) - 64
    return n


def read_hidden_members(members: dict[str, bytes]) -> dict[str, str] | None:
    """The labelled texts of the `_seal` sheet read from the zip members as written here (inline
    string cells), without loading the workbook; None when the seal sheet is not written that
    way (the caller then reads it with openpyxl, `read_hidden`)."""
    from defusedxml.ElementTree import fromstring

    book = fromstring(members["xl/workbook.xml"])
    rid = next(
        (s.get(_REL) for s in book.iter(f"{_MAIN}sheet") if s.get("name") == SEAL_SHEET), None
    )
    rels = fromstring(members["xl/_rels/workbook.xml.rels"])
    target = next((r.get("Target") for r in rels.iter(_PKG_REL) if r.get("Id") == rid), None)
    if rid is None or target is None:
        return None
    sheet = members.get(target[1:] if target.startswith("/") else f"xl/{target}")
    if sheet is None:
        return None
    out: dict[str, str] = {}
    for row in fromstring(sheet).iter(f"{_MAIN}row"):
        cells: dict[int, str] = {}
        for c in row.iter(f"{_MAIN}c"):
            if (
                not c.get("r")
                or c.get("t") != "inlineStr"
                or c.find(f"{_MAIN}is/{_MAIN}r") is not None
            ):
                return None
            t = c.find(f"{_MAIN}is/{_MAIN}t")
            cells[_column(c.get("r") or "")] = (t.text or "") if t is not None else ""
        if 1 in cells:
            out[cells[1]] = "".join(v for k, v in sorted(cells.items()) if k > 1)
    return out
