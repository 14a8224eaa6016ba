"""Account lists fuzzed: any cell in any column is that row's error or warning, never a traceback
and never another row's problem; files damaged byte by byte are refused with InputFileError."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from branchcheck.accounts import COLUMNS, read_accounts
from branchcheck.accounts.columns import ColumnMapping
from branchcheck.accounts.reader import accounts_from_rows
from branchcheck.errors import InputFileError
from tests.branchcheck.accounts.conftest import Sheets, normal_row

KEYS = [c.key for c in COLUMNS]
HEADER = [c.zh for c in COLUMNS]
PATH = Path("fuzz.xlsx")

# what calamine hands over for a cell: float, str, date, datetime, bool, "" (blank)
CELLS = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.text(max_size=30)
    | st.sampled_from(["", "inf", "1e400", "9" * 5000, "长期", "2026年2月30日", "=1+1", "\ud800"])
    | st.dates()
    | st.datetimes()
    | st.booleans()
)


def _good(i: int) -> list[object]:
    row = normal_row(i)
    return [row[k] for k in KEYS]


@settings(max_examples=1000, deadline=None)
@given(
    changes=st.lists(st.tuples(st.integers(0, 4), st.integers(0, len(KEYS) - 1), CELLS), max_size=8)
)
def test_fuzzed_cells_stay_in_their_row(changes):
    rows = [HEADER] + [_good(i + 1) for i in range(5)]
    for r, c, value in changes:
        rows[r + 1][c] = value
    result = accounts_from_rows(rows, PATH, ColumnMapping())
    touched = {r + 2 for r, _c, _v in changes}  # spreadsheet row numbers
    kept = {a.row for a in result.accounts}
    assert kept | {e.row for e in result.errors} == set(range(2, 7))  # an account or an error
    if not any(c == 0 for _r, c, _v in changes):  # no account number changed: no duplicates
        assert set(range(2, 7)) - touched <= kept
        assert {e.row for e in result.errors} | {w.row for w in result.row_warnings} <= touched
    for e in result.errors:
        assert e.reason and len(e.reason) < 400


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.sampled_from(list(',"\n\r\t;=+-@ 0123456789.账号户名长期\x00')), max_size=200
    )
)
def test_fuzzed_csv_text_is_read_or_refused(tmp_path, text):
    path = tmp_path / "fuzz.csv"
    path.write_text(",".join(HEADER) + "\n" + text, encoding="utf-8")
    try:
        result = read_accounts(path)
    except InputFileError as exc:
        assert str(path) in str(exc)
    else:
        assert all(e.row >= 2 for e in result.errors)


def _small_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i in range(3):
        ws.append(_good(i + 1))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SMALL = _small_xlsx()


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(flips=st.lists(st.tuples(st.integers(0, len(SMALL) - 1), st.integers(1, 255)), max_size=6))
def test_damaged_xlsx_files_are_read_or_refused(tmp_path, flips):
    data = bytearray(SMALL)
    for at, xor in flips:
        data[at] ^= xor
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(data))
    try:
        read_accounts(path)
    except InputFileError as exc:
        assert str(path) in str(exc)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(
        CELLS.filter(lambda v: not isinstance(v, str) or "\ud800" not in v), min_size=3, max_size=3
    )
)
def test_fuzzed_cells_in_a_real_workbook(tmp_path, cells):
    """The same through openpyxl and calamine (slower: 100 cases)."""
    rows = [normal_row(i + 1) for i in range(3)]
    for row, value in zip(rows, cells, strict=True):
        row["balance"] = value
    try:
        path = Sheets(tmp_path).xlsx(rows)
    except (ValueError, TypeError, IllegalCharacterError):  # openpyxl cannot write these
        return
    result = read_accounts(path)
    assert {a.row for a in result.accounts} == {2, 3, 4}
