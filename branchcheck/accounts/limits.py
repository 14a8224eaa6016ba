"""How large an account list may be, checked before a spreadsheet is read.

python-calamine reads a whole sheet into a dense grid spanning every cell the sheet names, then
into Python objects: a 2 KB .xlsx declaring A1:XFD1048576 asks for 512 GB, a sparse one with two
far-apart cells for gigabytes, one 1 GiB string referenced by every cell for a copy per cell. So
an .xlsx is looked at first, from its zip directory and a streamed pass over its XML, without
inflating it into memory:

- at most MAX_ROWS rows (an export of 200,000 accounts is several times the largest branch's;
  more is refused with a message saying so) and MAX_COLUMNS columns, from the cell references
  and the declared <dimension>, so the grid calamine allocates is bounded;
- each part at most MAX_PART_BYTES uncompressed (the zip directory's sizes, which zipfile and
  calamine both stop at), and no text run longer than Excel's 32,767 characters per cell.

Other formats: .csv is read as text (bounded by MAX_FILE_BYTES and MAX_ROWS); .xls is bounded by
its format (65,536 × 256); .ods by MAX_FILE_BYTES and, once read, MAX_ROWS."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from branchcheck.errors import InputFileError

MAX_ROWS = 200_000  # data rows
# The grid calamine allocates: row numbers up to MAX_ROW_NUMBER (the rows, a header and title
# lines above it), columns A..AZ (an export has 16).
MAX_ROW_NUMBER = 209_999
MAX_COLUMNS = 52
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_PART_BYTES = 256 * 1024 * 1024  # 200,000 rows written by openpyxl take 220 MB
MAX_CELL_CHARS = 32_767  # Excel's own limit
# a cell's text as XML bytes: up to 10 bytes a character (&#131072; as openpyxl writes them)
_MAX_RUN_BYTES = MAX_CELL_CHARS * 10
_CHUNK = 4 * 1024 * 1024
# what a damaged zip raises while it is read (a bad CRC, a broken deflate stream, an unknown
# compression method, an encrypted member)
_DAMAGED = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# a reference beyond the bounds: a row number above 209,999 or a column after AZ, in a cell's or a
# row's r="…" or at the end of a range (<dimension ref="A1:XFD1048576">, merged cells). Searched
# as regular expressions with a literal start, so the 3 million cells of a full export are passed
# over at C speed.
_FAR = rb"\$?(?:(?:[B-Z][A-Z]|[A-Z]{3,})\$?[0-9]+|[A-Z]*\$?(?:[0-9]{7,}|[3-9][0-9]{5}|2[1-9][0-9]{4}))\""
_FAR_REFERENCE = re.compile(rb'r="' + _FAR)
_FAR_RANGE = re.compile(rb'ref="[^"]*:' + _FAR)


def too_many_rows(path: Path, rows: int) -> InputFileError:
    return InputFileError(
        f"{path}: 账户清单有 {rows} 行以上，超过上限 {MAX_ROWS} 行 / the account list has {rows} "
        f"rows or more, more than the limit of {MAX_ROWS}",
        hint="请按网点或账户性质分批导出 / export it in parts (by branch or account kind)",
    )


def check_rows(path: Path, rows: int, limit: int) -> None:
    if rows > limit:
        raise too_many_rows(path, rows)


def check_spreadsheet(path: Path) -> None:
    """An .xlsx by check_xlsx, any other file by its size."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        check_xlsx(path)
    else:
        check_file_size(path)


def check_file_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            f"{path}: 文件过大（{size // 2**20} MiB，上限 {MAX_FILE_BYTES // 2**20} MiB）/ the "
            f"file is larger than {MAX_FILE_BYTES // 2**20} MiB",
            hint="请按网点或账户性质分批导出 / export it in parts",
        )


def check_xlsx(path: Path) -> None:
    """Refuse an .xlsx whose first sheet calamine could not read within bounds; a file that is not
    a zip is left to calamine, which says so."""
    check_file_size(path)
    try:
        archive = zipfile.ZipFile(path)
    except (*_DAMAGED, ValueError):
        return
    with archive:
        sizes = {i.filename: i.file_size for i in archive.infolist()}
        for name, size in sizes.items():
            if size > MAX_PART_BYTES:
                raise _refuse(path, f"{name} 解压后过大 / {name} inflates to {size} bytes")
        sheet = _first_sheet(archive, sizes)
        if sheet is None:
            return  # calamine reports the missing sheet
        try:
            if "xl/sharedStrings.xml" in sizes:
                _check_runs(path, _chunks(archive, "xl/sharedStrings.xml"))
            _check_sheet(path, _chunks(archive, sheet))
        except _DAMAGED as exc:
            raise _refuse(path, f"{type(exc).__name__}: {exc}") from None


def _refuse(path: Path, why: str) -> InputFileError:
    return InputFileError(
        f"{path}: 无法安全读取的表格 / a spreadsheet too large to read safely: {why}",
        hint="请从核心系统重新导出账户清单 / export the account list again from the core system",
    )


def _first_sheet(archive: zipfile.ZipFile, sizes: dict[str, int]) -> str | None:
    """The part of the workbook's first sheet (the one calamine reads as index 0)."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, *_DAMAGED):
        return None
    first = book.find(f"{_MAIN}sheets/{_MAIN}sheet")
    if first is None:
        return None
    rid = first.get(f"{_REL}id")
    for rel in rels.iter(f"{_PKG_REL}Relationship"):
        if rel.get("Id") == rid:
            target = (rel.get("Target") or "").lstrip("/")
            name = target if target.startswith("xl/") else f"xl/{target}"
            return name if name in sizes else None
    return None


def _chunks(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    with archive.open(name) as part:
        while chunk := part.read(_CHUNK):
            yield chunk


def _check_runs(path: Path, chunks: Iterator[bytes]) -> None:
    """No text between two tags longer than a cell may hold (the shared strings: one long string
    referenced by many cells would be copied for each)."""
    run = 0  # bytes since the last '<'
    for chunk in chunks:
        first, last = chunk.find(b"<"), chunk.rfind(b"<")
        if first < 0:
            run += len(chunk)
        else:
            inner = max(map(len, chunk[first + 1 : last].split(b"<"))) if first < last else 0
            run = max(run + first, inner)
            if run <= _MAX_RUN_BYTES:
                run = len(chunk) - last - 1
        if run > _MAX_RUN_BYTES:
            raise _refuse(
                path,
                f"一个单元格超过 {MAX_CELL_CHARS} 字 / a cell holds more than "
                f"{MAX_CELL_CHARS} characters",
            )


def _check_sheet(path: Path, chunks: Iterator[bytes]) -> None:
    """The sheet's rows and the references of its cells, rows and dimension stay in bounds."""
    rows = 0
    tail = b""
    for chunk in chunks:
        rows += chunk.count(b"<row ") + chunk.count(b"<row>")
        if rows > MAX_ROWS + 1 + _TITLE_ROWS:
            raise too_many_rows(path, rows - 1)
        window = tail + chunk  # a reference cut between two chunks is whole in the next window
        far = _FAR_REFERENCE.search(window) or _FAR_RANGE.search(window)
        if far is not None:
            raise _refuse(
                path,
                f"单元格引用 {far.group(0)[:80].decode('ascii', 'replace')} 超出范围（最多 "
                f"{MAX_ROW_NUMBER} 行、{MAX_COLUMNS} 列 A–AZ）/ a reference beyond "
                f"{MAX_ROW_NUMBER} rows or {MAX_COLUMNS} columns (A–AZ)",
            )
        tail = chunk[-256:]


_TITLE_ROWS = 20  # lines above the header the reader looks through
