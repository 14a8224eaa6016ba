"""A whole review: read + classify, counts by flag, the review workbook and the JSON output."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from branchcheck.accounts.reader import Account, Progress, RowError, RowWarning, read_accounts
from branchcheck.accounts.rules import (
    DEFAULT_SETTINGS,
    FLAG_CODES,
    RULES,
    Flag,
    ReviewSettings,
    classify,
)
from branchcheck.errors import InputFileError


@dataclass(slots=True)
class Review:
    source: Path
    as_of: date
    settings: ReviewSettings
    accounts: list[Account]  # valid accounts, in file order (rows with errors left out)
    errors: list[RowError]
    warnings: list[str]
    columns: dict[str, str]  # key -> header found in the file
    rows: int  # data rows read, including rows with errors
    flags: dict[str, list[Flag]]  # account_no -> flags, flagged accounts only
    by_flag: dict[str, int]  # every code in RULES order -> accounts flagged with it
    row_warnings: list[RowWarning]  # cells of classified accounts that could not be read

    @property
    def flagged(self) -> int:
        return len(self.flags)

    @property
    def error_rows(self) -> int:
        return len({e.row for e in self.errors})

    def flagged_accounts(self) -> Iterator[tuple[Account, list[Flag]]]:
        """Flagged accounts with their flags, in file order."""
        flags = self.flags
        for account in self.accounts:
            found = flags.get(account.account_no)
            if found:
                yield account, found


def count_by_flag(flags: Mapping[str, list[Flag]]) -> dict[str, int]:
    counts = dict.fromkeys(FLAG_CODES, 0)
    for found in flags.values():
        for flag in found:
            counts[flag.code] += 1
    return counts


def review(
    path: str | Path,
    as_of: date,
    *,
    mapping: Mapping[str, str] | None = None,
    settings: ReviewSettings = DEFAULT_SETTINGS,
    progress: Progress | None = None,
) -> Review:
    """Read the export, classify its accounts as of `as_of`, count flags. See read_accounts for
    the errors raised and for `progress`."""
    read = read_accounts(path, mapping=mapping, progress=progress)
    flags = classify(read.accounts, as_of, settings)
    return Review(
        source=read.source,
        as_of=as_of,
        settings=settings,
        accounts=read.accounts,
        errors=read.errors,
        warnings=read.warnings,
        columns=read.columns,
        rows=read.rows,
        flags=flags,
        by_flag=count_by_flag(flags),
        row_warnings=read.row_warnings,
    )


def review_json(rv: Review) -> dict[str, Any]:
    return {
        "as_of": rv.as_of.isoformat(),
        "accounts": len(rv.accounts),
        "flagged": rv.flagged,
        "errors": [{"row": e.row, "column": e.column, "reason": e.reason} for e in rv.errors],
        "warnings": [
            {"row": w.row, "account_no": w.account_no, "column": w.column, "reason": w.reason}
            for w in rv.row_warnings
        ],
        "by_flag": dict(rv.by_flag),
        "flags": {no: [f.code for f in found] for no, found in rv.flags.items()},
    }


# ----------------------------------------------------------------- the review workbook

ACCOUNTS_SHEET = "待处理账户"
SUMMARY_SHEET = "汇总"
ERRORS_SHEET = "错误行"
WARNINGS_SHEET = "提示行"

ACCOUNT_HEADERS = (
    ("账号 Account no", 24),
    ("户名 Account name", 30),
    ("客户号 Customer id", 16),
    ("标志 Flags", 46),
    ("应采取控制 Required control", 60),
    ("依据 Source", 50),
    ("处理决定 Decision", 20),
    ("说明 Notes", 30),
    ("整改期限 Deadline", 14),
)


def _flag_lines(found: list[Flag]) -> tuple[str, str, str]:
    flags = "\n".join(
        f"{f.code} {f.label_zh}（{f.detail}）" if f.detail else f"{f.code} {f.label_zh}"
        for f in found
    )
    controls = "\n".join(f"{f.code}：{f.control_zh}" for f in found)
    sources = "\n".join(f"{f.code}：{f.source}" for f in found)
    return flags, controls, sources


def write_review_xlsx(rv: Review, out_path: str | Path) -> Path:
    """Write the review workbook (sheets 待处理账户, 汇总, 错误行, 提示行) atomically: a temporary file
    in the same folder, then os.replace, so a failure never leaves a partial workbook.
    Every text cell is a string cell, never a formula, whatever it starts with; text that starts
    like a formula is quoted as in the record workbooks (records.excel.sheets.text_cell)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    from branchcheck.records.excel.sheets import FORMULA_LEADS, text_cell

    out = Path(out_path)
    if not out.parent.is_dir():
        raise InputFileError(f"{out}: the folder {out.parent} does not exist")

    errors_text = frozenset(ERROR_CODES)
    illegal = ILLEGAL_CHARACTERS_RE.search
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)

    wb = Workbook(write_only=True)

    def safe(ws, value: object) -> object:
        """Plain values pass; text that openpyxl would turn into a formula or an error code
        becomes an explicit string cell. Control characters Excel refuses are dropped."""
        if type(value) is str:
            s: str = value
            if illegal(s):
                s = ILLEGAL_CHARACTERS_RE.sub("", s)
            if not s:
                return None
            if s.startswith(FORMULA_LEADS) or s in errors_text:
                cell = WriteOnlyCell(ws)
                text_cell(cell, s)
                return cell
            return s
        return value

    def wrapped(ws, value: str) -> object:
        # Styled cells are costly in write-only mode (a style lookup per cell when saved):
        # only multi-line texts (accounts with more than one flag) get the wrap style.
        if "\n" not in value:
            return safe(ws, value)
        cell = WriteOnlyCell(ws)
        text_cell(cell, value)
        cell.alignment = wrap
        return cell

    def header_row(ws, titles) -> list[WriteOnlyCell]:
        cells = []
        for title in titles:
            cell = WriteOnlyCell(ws, title)
            cell.font = bold
            cells.append(cell)
        return cells

    # 待处理账户
    ws = wb.create_sheet(ACCOUNTS_SHEET)
    for i, (_title, width) in enumerate(ACCOUNT_HEADERS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "B2"
    n = 0
    ws.append(header_row(ws, [t for t, _ in ACCOUNT_HEADERS]))
    for account, found in rv.flagged_accounts():
        flags, controls, sources = _flag_lines(found)
        ws.append(
            [
                safe(ws, account.account_no),
                safe(ws, account.account_name),
                safe(ws, account.customer_id),
                wrapped(ws, flags),
                wrapped(ws, controls),
                wrapped(ws, sources),
            ]
        )
        n += 1
    ws.auto_filter.ref = f"A1:I{n + 1}"

    # 汇总
    ws = wb.create_sheet(SUMMARY_SHEET)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 14
    ws.append(header_row(ws, ["项目 Item", "值 Value"]))
    s = rv.settings
    for label, value in (
        ("基准日期 As of", rv.as_of.isoformat()),
        ("输入文件 Input file", rv.source.name),
        ("数据行数 Rows read", rv.rows),
        ("参与分类账户 Accounts classified", len(rv.accounts)),
        ("有标志账户 Flagged accounts", rv.flagged),
        ("错误行 Rows with errors", rv.error_rows),
        ("错误条目 Error entries", len(rv.errors)),
        ("提示条目 Warning entries", len(rv.row_warnings)),
        ("证明文件宽限天数 Document grace days", s.docs_grace_days),
        ("不动户年限 Idle years", s.dormant_years),
        ("共用手机号客户数阈值 Shared-phone customers", s.shared_phone_customers),
        ("共用地址客户数阈值 Shared-address customers", s.shared_address_customers),
        ("同一法人客户数阈值 Same-legal-rep customers", s.legal_rep_customers),
    ):
        ws.append([label, safe(ws, value)])
    ws.append([])
    ws.append(header_row(ws, ["标志 Flag", "名称 Name", "账户数 Accounts"]))
    for code in FLAG_CODES:
        rule = RULES[code]
        ws.append([code, f"{rule.label_zh} / {rule.label_en}", rv.by_flag.get(code, 0)])
    if rv.warnings:
        ws.append([])
        ws.append(header_row(ws, ["提示 Warnings"]))
        for warning in rv.warnings:
            ws.append([safe(ws, warning)])

    # 错误行
    ws = wb.create_sheet(ERRORS_SHEET)
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 80
    ws.freeze_panes = "A2"
    ws.append(header_row(ws, ["行号 Row", "列 Column", "原因 Reason"]))
    for e in rv.errors:
        ws.append([e.row, safe(ws, e.column), safe(ws, e.reason)])

    # 提示行: accounts classified although a cell could not be read as it should
    ws = wb.create_sheet(WARNINGS_SHEET)
    for col, width in zip("ABCD", (10, 24, 22, 80), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    ws.append(header_row(ws, ["行号 Row", "账号 Account no", "列 Column", "说明 Note"]))
    for w in rv.row_warnings:
        ws.append([w.row, safe(ws, w.account_no), safe(ws, w.column), safe(ws, w.reason)])

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise InputFileError(f"{out}: cannot write in {out.parent} ({exc})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise InputFileError(f"{out}: cannot write the review workbook ({exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return out
