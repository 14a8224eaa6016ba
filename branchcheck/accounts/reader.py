"""Read a settlement-account export (.xlsx/.xls/.ods via python-calamine, or .csv) into accounts.

- Columns are found by header (see columns.py); a mapping renames other systems' headers.
- Every cell is converted here, once: dates to `date`, money to integer fen, enumerated values to
  their canonical Chinese form, identifiers to normalised text.
- The header is the row naming the most known columns among the first 20 non-blank rows (a
  title line above it is fine). Row numbers are the spreadsheet's own (header in row 1 -> first
  account in row 2).
- Only an unreadable account number, an unreadable date (every date column feeds a rule) or a
  duplicate account number makes its row an error (row number, header as written, reason in
  Chinese); the row is left out and the rest is read. An account number found on several rows
  makes all of them errors: nobody can tell which row is right, so none takes part in the
  classification. Any other cell that cannot be read (a value not recognised, a blank state, a
  bad balance) is a warning on that account (RowWarning), and the account is classified on
  every other column: an unrecognised state counts as "not controlled", so it never hides the
  account from a rule, and a non-blank special-dormant value, recognised or not, makes the
  account a special long-term idle account. A missing required column stops the whole read
  with InputFileError naming the file and every missing column, and so does a list beyond the
  limits of limits.py (more than 200,000 rows; an .xlsx whose sheet would not fit in memory).

Notes on what calamine returns: numbers always come back as float, empty cells as '', date cells
as `date`/`datetime`. A numeric account-number cell has lost its leading zeros in the source file
already (and anything past 15 significant digits); we accept integral numbers below 10^15 with a
warning and refuse longer ones as a row error, because their digits are no longer known.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from pathlib import Path
from typing import cast

from branchcheck.accounts.cells import (
    CellError,
    DateParser,
    EnumParser,
    Identifier,
    OwesBank,
    compact_text,
    money_fen,
    phone_digits,
    text,
)
from branchcheck.accounts.columns import (
    BLANK_WORDS,
    BY_KEY,
    COLUMNS,
    HEADER_INDEX,
    REQUIRED,
    ColumnMapping,
    check_mapping,
    header_key,
)
from branchcheck.accounts.limits import MAX_ROW_NUMBER, MAX_ROWS, check_rows, check_spreadsheet
from branchcheck.errors import InputFileError

Progress = Callable[[int, int], None]

_PROGRESS_EVERY = 5000


@dataclass(slots=True)
class Account:
    """One account row, converted. Field order follows columns.COLUMNS (row first).

    Identifiers (account_no, customer_id) are NFKC-normalised with all white space removed;
    phone is digits only; address and legal_rep are NFKC with white space removed (the form
    the shared-attribute rules compare); '' means blank. Not frozen: slots keep 100,000 of them
    cheap to build, and nobody mutates them."""

    row: int
    account_no: str
    account_name: str
    customer_id: str
    account_kind: str | None
    opened_on: date
    last_activity_on: date | None  # None: never active
    balance_fen: int | None  # None: no balance column, blank or unreadable cell
    owes_bank: bool | None  # None: not recognised (a warning)
    documents_valid_until: date | None  # None: blank or 长期 (no expiry)
    # None in the three states: the cell was blank or not recognised (a warning on the account)
    license_status: str | None  # 存续 / 注销 / 吊销
    pboc_status: str | None  # 正常 / 久悬 / 已撤销
    host_status: str | None  # 正常 / 只收不付 / 不收不付 / 久悬 / 已销户
    # one of columns.SPECIAL_KINDS; an unrecognised wording as written (still special); None
    special_dormant: str | None
    phone: str = ""
    address: str = ""
    legal_rep: str = ""


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # spreadsheet row number (header = row 1)
    column: str  # the header as written in the file
    reason: str  # Chinese, for the branch manager


@dataclass(frozen=True, slots=True)
class RowWarning:
    """A cell of a classified account that could not be read as it should (the account stays)."""

    row: int
    account_no: str
    column: str  # the header as written in the file
    reason: str  # Chinese: what was found and how the account was classified


@dataclass(slots=True)
class ReadResult:
    accounts: list[Account]
    errors: list[RowError]
    warnings: list[str]
    columns: dict[str, str]  # key -> header as written in the file
    rows: int = 0  # data rows read (blank rows not counted)
    source: Path = field(default_factory=Path)
    row_warnings: list[RowWarning] = field(default_factory=list)


# ----------------------------------------------------------------- reading the file


def _read_rows(path: Path) -> list[list[object]]:
    if not path.exists():
        raise InputFileError(f"{path}: no such file", hint="请检查文件路径")
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder, not a spreadsheet")
    if path.suffix.lower() in (".csv", ".txt"):
        return _read_csv(path)
    check_spreadsheet(path)
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if not workbook.sheet_names:
            raise InputFileError(f"{path}: the workbook has no sheet")
        # skip_empty_area=False keeps leading blank rows, so list index + 1 is the row number.
        return cast(
            list[list[object]], workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        )
    except InputFileError:
        raise
    except BaseException as exc:  # calamine's Rust panics derive from BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        raise InputFileError(
            f"{path}: not a readable spreadsheet ({type(exc).__name__}: {exc})",
            hint="请提供 .xlsx 或 .csv 文件",
        ) from None


def _read_csv(path: Path) -> list[list[object]]:
    try:
        check_spreadsheet(path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost any byte string
        raise InputFileError(f"{path}: not UTF-8 or GB18030 text")
    if "\x00" in content:
        raise InputFileError(f"{path}: not a text (CSV) file")
    check_rows(path, content.count("\n") - 1, MAX_ROW_NUMBER)  # a quoted line break only adds
    first = content.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    try:
        rows = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
        return cast(list[list[object]], list(rows))
    except csv.Error as exc:
        raise InputFileError(f"{path}: not a readable CSV file ({exc})") from None


def _is_blank(row: list[object]) -> bool:
    for cell in row:
        if cell != "" and cell is not None:
            if type(cell) is str and not cell.strip():
                continue
            return False
    return True


_HEADER_SCAN_ROWS = 20


def _find_header(rows: list[list[object]], mapping: Mapping[str, str]) -> int | None:
    """The header row: among the first non-blank rows, the one naming the most known columns
    (the earliest on a tie), so a title line above the header does no harm. With no known
    column anywhere, the first non-blank row (whose missing columns are then reported)."""
    known = set(HEADER_INDEX) | {header_key(h) for h in mapping}
    first: int | None = None
    best: tuple[int, int] | None = None  # (count, -index)
    seen = 0
    for i, r in enumerate(rows):
        if _is_blank(r):
            continue
        if first is None:
            first = i
        count = sum(1 for cell in r if type(cell) is str and header_key(cell) in known)
        if count and (best is None or count > best[0]):
            best = (count, i)
        seen += 1
        if seen >= _HEADER_SCAN_ROWS:
            break
    return best[1] if best is not None else first


def _find_columns(
    path: Path, header: list[object], mapping: Mapping[str, str]
) -> tuple[dict[str, int], dict[str, str], list[str]]:
    by_header = {header_key(h): k for h, k in mapping.items()}
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    clashes: list[str] = []
    seen_mapped: set[str] = set()
    for idx, cell in enumerate(header):
        name = text(cell)
        if not name:
            continue
        hk = header_key(name)
        key = by_header.get(hk)
        if key is not None:
            seen_mapped.add(hk)
        else:
            key = HEADER_INDEX.get(hk)
        if key is None:
            continue
        if key in positions:
            clashes.append(f"“{names[key]}”与“{name}”都对应 {key}")
            continue
        positions[key] = idx
        names[key] = name
    if clashes:
        raise InputFileError(
            f"{path}: ambiguous columns: " + "; ".join(clashes),
            hint="删除或改名其中一列，或用 --mapping 指定",
        )
    missing = [k for k in REQUIRED if k not in positions]
    if missing:
        listed = ", ".join(f"{BY_KEY[k].zh} ({k})" for k in missing)
        raise InputFileError(
            f"{path}: missing required column(s): {listed}",
            hint="检查表头，或用 --mapping 把其他系统的表头对应到这些列",
        )
    warnings = [
        f"映射文件中的表头“{h}”在文件中不存在" for h in mapping if header_key(h) not in seen_mapped
    ]
    return positions, names, warnings


def _warning_for_missing(key: str) -> str:
    col = BY_KEY[key]
    if col.needed_by:
        effect = f"规则 {'、'.join(col.needed_by)} 未执行"
        if key == "special_dormant":
            effect += "；所有账户按非特殊账户处理（DORMANT 可能包含特殊长期不动户）"
    else:
        effect = "不影响任何规则"
    return f"未找到可选列“{col.zh}”({key})：{effect}"


def _default_for(key: str) -> object:
    return "" if key in ("phone", "address", "legal_rep") else None


# Row errors: the account number and the dates every rule reads. Any other cell is a warning.
_FATAL = frozenset({"account_no", "opened_on", "last_activity_on", "documents_valid_until"})
# What an unreadable cell of a column means for the account's classification.
_EFFECT = {
    "account_name": "不影响规则",
    "customer_id": "按账号区分客户（共用手机号、地址、法定代表人规则）",
    "account_kind": "不影响规则",
    "balance": "未核对特殊长期不动户类别与余额",
    "owes_bank": "按未欠款处理",
    "license_status": "营业执照注销、吊销规则未对该账户判断，请人工核实",
    "pboc_status": "按人行未置久悬、未撤销处理",
    "host_status": "按行内未采取控制处理",
    "special_dormant": "仍按特殊长期不动户处理",
}


def _fallback(key: str, cell: object) -> object:
    """The value an account gets for a cell that could not be read."""
    if key == "special_dormant":
        return text(cell)  # non-blank (a blank one is None): still a special account
    if key in ("customer_id", "account_name"):
        return ""
    return None


def _warning_summary(header: str, found: list[RowWarning]) -> str:
    rows = "、".join(str(w.row) for w in found[:10]) + ("…" if len(found) > 10 else "")
    return (
        f"“{header}”列有 {len(found)} 户的取值未识别或无法读取（第 {rows} 行）："
        "这些账户按其余各列照常分类（详见各户提示）；可在映射文件的 values 中补充对应取值"
    )


def read_accounts(
    path: str | Path,
    *,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ReadResult:
    """Read every account of an export. `progress(done, total)` is called every few thousand
    rows and once at the end (from the calling thread; the GUI forwards it as a signal).

    Raises InputFileError (file unreadable, no header, required columns missing, bad mapping);
    everything else wrong is a RowError in the result."""
    path = Path(path)
    checked = check_mapping(mapping, source="mapping") if mapping else ColumnMapping()
    return accounts_from_rows(_read_rows(path), path, checked, progress)


def accounts_from_rows(
    rows: list[list[object]], path: Path, mapping: ColumnMapping, progress: Progress | None = None
) -> ReadResult:
    """The accounts of rows as python-calamine (or the CSV reader) returns them: `read_accounts`
    after the file is read."""
    values = mapping.value_names
    check_rows(path, len(rows) - 1, MAX_ROW_NUMBER)
    header_idx = _find_header(rows, mapping)
    if header_idx is None:
        raise InputFileError(f"{path}: the file is empty (no header row)")
    positions, names, warnings = _find_columns(path, rows[header_idx], mapping)
    for col in COLUMNS:
        if col.key not in positions:
            warnings.append(_warning_for_missing(col.key))

    account_no = Identifier("账号")
    customer_id = Identifier("客户号")
    parsers: dict[str, Callable[[object], object]] = {
        "account_no": account_no,
        "account_name": text,
        "customer_id": customer_id,
        "account_kind": EnumParser(
            "account_kind", "账户性质", blank_ok=True, extra=values.get("account_kind")
        ),
        "opened_on": DateParser("开户日期", blank_ok=False),
        "last_activity_on": DateParser("最后动户日期", blank_ok=True),
        "balance": money_fen,
        "owes_bank": OwesBank(
            "owes_bank", "是否欠款", blank_ok=False, extra=values.get("owes_bank")
        ),
        "documents_valid_until": DateParser("证明文件有效期", blank_ok=True, no_expiry_words=True),
        "license_status": EnumParser(
            "license_status", "营业执照状态", blank_ok=False, extra=values.get("license_status")
        ),
        "pboc_status": EnumParser(
            "pboc_status", "人行账户状态", blank_ok=False, extra=values.get("pboc_status")
        ),
        "host_status": EnumParser(
            "host_status", "行内账户状态", blank_ok=False, extra=values.get("host_status")
        ),
        "special_dormant": EnumParser(
            "special_dormant",
            "特殊长期不动户类别",
            blank_ok=True,
            blank_words=BLANK_WORDS | {"否"},
            extra=values.get("special_dormant"),
        ),
        "phone": phone_digits,
        "address": compact_text,
        "legal_rep": compact_text,
    }
    # (index or None for a column the file lacks, converter, header, key) in Account field order
    specs: list[tuple[int | None, Callable[[object], object], str, str]] = []
    for col in COLUMNS:
        if col.key in positions:
            specs.append((positions[col.key], parsers[col.key], names[col.key], col.key))
        else:
            specs.append((None, text, col.zh, col.key))
    width = max(positions.values()) + 1

    data = rows[header_idx + 1 :]
    total = len(data)
    kept: list[list[object]] = []
    rownums: list[int] = []
    first = header_idx + 2
    for offset, row in enumerate(data):
        if progress is not None and offset % _PROGRESS_EVERY == 0:
            progress(offset, total)
        if len(row) < width:
            if _is_blank(row):
                continue
            row = list(row) + [""] * (width - len(row))
        elif not any(row) and _is_blank(row):
            continue
        kept.append(row)
        rownums.append(first + offset)
    n_rows = len(kept)
    check_rows(path, n_rows, MAX_ROWS)

    # Column by column: a converter mapped over a whole column runs at C speed; a column with a
    # cell that cannot be converted is done again cell by cell to name its rows.
    cells_by_column = list(zip(*kept, strict=False)) if kept else [()] * width
    errors: list[RowError] = []
    noted: list[tuple[int, int, str, str]] = []  # (position, column index, header, reason)
    bad_rows: set[int] = set()  # positions in `kept`
    columns: list[object] = []
    for c, (idx, convert, header, key) in enumerate(specs):
        if idx is None:
            columns.append(repeat(_default_for(key), n_rows))
            continue
        column = cells_by_column[idx]
        try:
            columns.append(list(map(convert, column)))
            continue
        except CellError:
            if isinstance(convert, Identifier):
                convert.numeric_rows = 0  # counted again below
        converted: list[object] = []
        for pos, cell in enumerate(column):
            try:
                converted.append(convert(cell))
            except CellError as exc:
                if key in _FATAL:
                    errors.append(RowError(rownums[pos], header, str(exc)))
                    bad_rows.add(pos)
                    converted.append(None)
                else:
                    converted.append(_fallback(key, cell))
                    noted.append((pos, c, header, f"{exc}；{_EFFECT[key]}"))
        columns.append(converted)
    if progress is not None:
        progress(total, total)

    numbers = cast(list[str | None], columns[0])
    counts = Counter(numbers)
    numbers_seen: dict[str, list[int]] = {}
    if len(counts) < n_rows:
        for pos, no in enumerate(numbers):
            if no is not None and counts[no] > 1:
                numbers_seen.setdefault(no, []).append(rownums[pos])
    duplicates = {no: rws for no, rws in numbers_seen.items() if len(rws) > 1}
    if duplicates:
        header = names["account_no"]
        for no, rws in duplicates.items():
            where = "、".join(str(r) for r in rws)
            for r in rws:
                errors.append(
                    RowError(
                        r,
                        header,
                        f"账号 {no} 重复出现（第 {where} 行）；无法判断哪一行正确，"
                        "这几行都不参与分类",
                    )
                )
    accounts = list(map(Account, rownums, *columns))  # type: ignore[arg-type]
    if bad_rows or duplicates:
        accounts = [
            a
            for pos, a in enumerate(accounts)
            if pos not in bad_rows and a.account_no not in duplicates
        ]
    noted.sort()
    row_warnings = [
        RowWarning(rownums[pos], numbers[pos], header, reason)  # type: ignore[arg-type]
        for pos, _c, header, reason in noted
        if pos not in bad_rows and numbers[pos] not in duplicates
    ]
    by_column: dict[str, list[RowWarning]] = {}
    for w in row_warnings:
        by_column.setdefault(w.column, []).append(w)
    warnings += [_warning_summary(h, found) for h, found in by_column.items()]
    order = {c.key: i for i, c in enumerate(COLUMNS)}
    column_order = {names.get(k, BY_KEY[k].zh): i for k, i in order.items()}
    errors.sort(key=lambda e: (e.row, column_order.get(e.column, 99), e.reason))

    if account_no.numeric_rows:
        warnings.append(
            f"“{names['account_no']}”列有 {account_no.numeric_rows} 个数字格式的单元格："
            "前导零在源文件中可能已丢失，请让核心系统把账号导出为文本"
        )
    if customer_id.numeric_rows:
        warnings.append(
            f"“{names['customer_id']}”列有 {customer_id.numeric_rows} 个数字格式的单元格："
            "前导零在源文件中可能已丢失"
        )
    return ReadResult(
        accounts=accounts,
        errors=errors,
        warnings=warnings,
        columns=dict(names),
        rows=n_rows,
        source=path,
        row_warnings=row_warnings,
    )
