"""What the export manifest of a record workbook binds. Format 3: the package digest, a SHA-256
over every zip member but the manifest itself, byte for byte, of a workbook written in one
canonical form. Formats 1 and 2 (workbooks exported before): the visible digest, a SHA-256 over
what a person can see in the visible sheets as openpyxl reads them, which misses parts openpyxl
does not read (drawings, rich text, data validation, fonts other than the ones listed, ...)."""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
from typing import TYPE_CHECKING, Any

from branchcheck.records.excel.hidden import SEAL_SHEET

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook as WorkbookT


def _color(c: Any) -> Any:
    if c is None:
        return None
    kind = getattr(c, "type", None)
    value = getattr(c, kind, None) if isinstance(kind, str) else None
    return [kind, value if isinstance(value, str | int | float) else str(value), c.tint]


def _value_tag(v: Any) -> list[Any]:
    if isinstance(v, _dt.datetime | _dt.date | _dt.time):
        return [type(v).__name__, v.isoformat()]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, bool | int | str) or v is None:
        return [type(v).__name__, v]
    return [type(v).__name__, str(v)]


def _anchor(anchor: Any) -> Any:
    if isinstance(anchor, str):
        return anchor
    out: dict[str, Any] = {"type": type(anchor).__name__}
    for name in ("_from", "to"):
        m = getattr(anchor, name, None)
        if m is not None:
            out[name] = [m.col, m.colOff, m.row, m.rowOff]
    ext = getattr(anchor, "ext", None)
    if ext is not None:
        out["ext"] = [getattr(ext, "width", None), getattr(ext, "height", None)]
    return out


def _image_bytes(img: Any) -> bytes:
    ref = getattr(img, "ref", None)
    if isinstance(ref, io.BytesIO) and not ref.closed:
        return ref.getvalue()
    if isinstance(ref, bytes):
        return ref
    return img._data()


def _print_setup(ws: Any) -> list[Any]:
    """Everything that decides how a sheet prints: page setup, fit to page, title rows, print
    area, margins, print options, headers and footers, page breaks."""
    ps, props = ws.page_setup, ws.sheet_properties.pageSetUpPr
    po, pm, hf = ws.print_options, ws.page_margins, ws.HeaderFooter
    heads = [
        hf.oddHeader,
        hf.oddFooter,
        hf.evenHeader,
        hf.evenFooter,
        hf.firstHeader,
        hf.firstFooter,
    ]
    return [
        [ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight, ps.scale],
        [ps.firstPageNumber, ps.useFirstPageNumber, ps.pageOrder, ps.blackAndWhite, ps.draft],
        props.fitToPage if props is not None else None,
        [ws.print_title_rows, ws.print_title_cols, str(ws.print_area)],
        [pm.left, pm.right, pm.top, pm.bottom, pm.header, pm.footer],
        [po.gridLines, po.headings, po.horizontalCentered, po.verticalCentered],
        [hf.differentFirst, hf.differentOddEven, hf.scaleWithDoc, hf.alignWithMargins],
        [[[p.text, p.size, p.font, p.color] for p in (h.left, h.center, h.right)] for h in heads],
        [[b.id, b.man] for b in ws.row_breaks.brk],
        [[b.id, b.man] for b in ws.col_breaks.brk],
    ]


def visible_digest(workbook: WorkbookT, *, print_setup: bool = True) -> str:
    """SHA-256 over what a person can see in every sheet except `_seal`, in workbook order:
    title and state; each non-empty or styled cell's coordinate, typed value, number format,
    font (bold, italic, underline, strike, size, colour), fill, horizontal alignment, comment and
    hyperlink; merged ranges; row heights/hidden rows; column widths/hidden columns; conditional
    formats; images (anchor, size and SHA-256 of the bytes); and with `print_setup` (manifests
    from format 2 on) how each sheet prints (_print_setup)."""
    h = hashlib.sha256()

    def feed(*parts: Any) -> None:
        h.update(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode())
        h.update(b"\n")

    for ws in workbook._sheets:
        if ws.title == SEAL_SHEET:
            continue
        feed("sheet", ws.title, ws.sheet_state, type(ws).__name__)
        cells = getattr(ws, "_cells", None)
        if cells is None:  # chartsheet: title and state only
            continue
        for (_r, _c), cell in sorted(cells.items()):
            v = cell.value
            if (v is None or v == "") and not cell.has_style:
                continue
            font, fill = cell.font, cell.fill
            feed(
                "cell",
                cell.coordinate,
                _value_tag(v),
                cell.data_type,
                cell.number_format,
                [font.b, font.i, font.u, font.strike, font.sz, _color(font.color)],
                [fill.fill_type, _color(getattr(fill, "fgColor", None))],
                [cell.alignment.horizontal, cell.alignment.wrap_text],
                cell.comment.text if cell.comment else None,
                cell.hyperlink.target if cell.hyperlink else None,
            )
        feed("merged", sorted(str(r) for r in ws.merged_cells.ranges))
        for key, dim in sorted(ws.row_dimensions.items()):
            if dim.hidden or dim.height is not None:
                feed("row", key, bool(dim.hidden), dim.height)
        for key, dim in sorted(ws.column_dimensions.items()):
            feed("col", key, dim.min, dim.max, bool(dim.hidden), dim.width)
        for cf in ws.conditional_formatting:
            feed(
                "cf",
                str(cf.sqref),
                [[r.type, r.operator, list(r.formula or []), r.dxfId] for r in cf.rules],
            )
        if print_setup:
            feed("print", _print_setup(ws))
        for img in ws._images:
            data = _image_bytes(img)
            feed(
                "image",
                _anchor(img.anchor),
                img.width,
                img.height,
                hashlib.sha256(data).hexdigest(),
            )
    return h.hexdigest()


# ---------------------------------------------------------------- the whole package (format 3)

MANIFEST_PART = "branchcheck/manifest.json"  # the one zip member the package digest leaves out
_JSON_TYPE = b'<Default Extension="json" ContentType="application/json"/>'
_EPOCH = (1980, 1, 1, 0, 0, 0)


def package_members(data: bytes) -> list[tuple[str, bytes]]:
    """The zip members of `data`, in file order, each read (and CRC-checked) in full."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info.filename, z.read(info)) for info in z.infolist()]


def canonical_package(members: list[tuple[str, bytes]]) -> bytes:
    """The zip of `members` in the given order, stored (no compression, so every byte of the
    file is a byte of some member or of the zip's own bookkeeping), with fixed times and
    attributes: the same members always give the same bytes."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.create_system = 3
            info.external_attr = 0o600 << 16
            z.writestr(info, content)
    return buf.getvalue()


def with_json_type(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """`members` with [Content_Types].xml declaring .json parts (the manifest is one)."""
    out = []
    for name, content in members:
        if name == "[Content_Types].xml" and _JSON_TYPE not in content:
            at = content.index(b">", content.index(b"<Types")) + 1
            content = content[:at] + _JSON_TYPE + content[at:]
        out.append((name, content))
    return out


def package_digest(members: list[tuple[str, bytes]]) -> str:
    """SHA-256 over every member but the manifest, in order: each name and its bytes with their
    lengths, so names, order, contents and any extra member all count."""
    h = hashlib.sha256()
    for name, content in members:
        if name == MANIFEST_PART:
            continue
        raw = name.encode("utf-8")
        h.update(len(raw).to_bytes(4, "big") + raw + len(content).to_bytes(8, "big"))
        h.update(content)
    return h.hexdigest()
