"""Account lists beyond the limits are refused before they are read, quickly and in little
memory; a bad balance cell is that row's warning, never the whole import's failure."""

import subprocess
import sys
import textwrap
import time
import zipfile

import pytest

from branchcheck.accounts import limits, read_accounts
from branchcheck.errors import InputFileError
from tests.branchcheck.accounts.conftest import normal_row

WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
ROOT_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "{dimension}<sheetData>{rows}</sheetData></worksheet>"
)


def _xlsx(path, rows: str | bytes, *, dimension: str = "", shared: str | None = None):
    """A minimal workbook written by hand: what an attacker (or a careless exporter) can write."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        if shared is not None:
            z.writestr(
                "xl/sharedStrings.xml",
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"{shared}</sst>",
            )
        body = rows if isinstance(rows, bytes) else rows.encode()
        dim = f'<dimension ref="{dimension}"/>' if dimension else ""
        head, tail = SHEET.split("{rows}")
        z.writestr(
            "xl/worksheets/sheet1.xml", head.format(dimension=dim).encode() + body + tail.encode()
        )
    return path


def _cell(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


PEAK_KIB = textwrap.dedent(
    """
    import resource

    def peak_kib():
        try:
            with open("/proc/self/status") as f:
                return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
        except OSError:
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    """
)


def _refused(path, message):
    began = time.perf_counter()
    with pytest.raises(InputFileError) as exc:
        read_accounts(path)
    assert time.perf_counter() - began < 10
    assert message in str(exc.value) and str(path) in str(exc.value)


def test_a_declared_range_of_the_whole_sheet_is_refused(tmp_path):
    path = _xlsx(
        tmp_path / "dim.xlsx", f'<row r="1">{_cell("A1", "账号")}</row>', dimension="A1:XFD1048576"
    )
    assert path.stat().st_size < 2048
    _refused(path, "超出范围")


@pytest.mark.parametrize("far", ["XFD1", "A1048576", "BA2", "A210000", "AZ300000"])
def test_a_sparse_sheet_with_a_far_cell_is_refused(tmp_path, far):
    row = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    rows = f'<row r="1">{_cell("A1", "账号")}</row><row r="{row}">{_cell(far, "x")}</row>'
    _refused(_xlsx(tmp_path / "sparse.xlsx", rows), "a reference beyond 209999 rows or 52 columns")


def test_cells_within_the_bounds_are_read(tmp_path):
    rows = f'<row r="1">{_cell("A1", "账号")}{_cell("AZ1", "x")}</row><row r="209999">{_cell("A209999", "1")}</row>'
    path = _xlsx(tmp_path / "edge.xlsx", rows)
    with pytest.raises(InputFileError, match="missing required column"):  # read, not refused
        read_accounts(path)


def test_a_huge_shared_string_is_refused(tmp_path):
    huge = "很" * (limits.MAX_CELL_CHARS * 4)
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>'
    _refused(_xlsx(tmp_path / "big.xlsx", rows, shared=f"<si><t>{huge}</t></si>"), "32767")


def test_more_rows_than_the_limit_are_refused_early(tmp_path):
    header = "".join(
        _cell(f"{c}1", h) for c, h in zip("ABCDEFGHIJKLMNOP", ["账号", "户名"], strict=False)
    )
    body = b"".join(
        b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' for _ in range(limits.MAX_ROWS + 30)
    )
    _refused(
        _xlsx(tmp_path / "many.xlsx", f'<row r="1">{header}</row>'.encode() + body),
        "超过上限 200000 行",
    )


def test_a_csv_with_more_rows_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("账号,户名\n" + "1,a\n" * (limits.MAX_ROW_NUMBER + 1), encoding="utf-8")
    _refused(path, "超过上限 200000 行")


def test_a_file_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.csv"
    path.write_text("账号\n" + "1\n" * 1000, encoding="utf-8")
    _refused(path, "文件过大")


@pytest.mark.parametrize("cell", ["inf", "-inf", "nan", "1e400", "9" * 5000, "10000000000001"])
def test_a_bad_balance_is_that_rows_warning(sheets, cell):
    path = sheets.csv([normal_row(1), normal_row(2, balance=cell), normal_row(3)])
    result = read_accounts(path)
    assert [a.row for a in result.accounts] == [2, 3, 4]
    assert [a.balance_fen for a in result.accounts] == [123456, None, 123456]
    [warning] = result.row_warnings
    assert (warning.row, warning.column) == (3, "余额")
    assert len(warning.reason) < 200


def test_a_bad_balance_in_an_xlsx_is_that_rows_warning(sheets):
    path = sheets.xlsx([normal_row(1), normal_row(2, balance="inf"), normal_row(3, balance=1e300)])
    result = read_accounts(path)
    assert [a.balance_fen for a in result.accounts] == [123456, None, None]
    assert [w.row for w in result.row_warnings] == [3, 4]


def test_a_million_row_list_is_refused_within_a_gigabyte(tmp_path):
    """Measured in a child process: the peak memory of refusing a million-row .xlsx (VmHWM: a
    child's ru_maxrss starts from the size of this test process)."""
    path = tmp_path / "million.xlsx"
    row = b'<row><c t="inlineStr"><is><t>36000000000000000001</t></is></c><c><v>1</v></c></row>'
    _xlsx(path, f'<row r="1">{_cell("A1", "账号")}</row>'.encode() + row * 1_000_000)
    script = PEAK_KIB + textwrap.dedent(
        f"""
        import sys
        from branchcheck.accounts import read_accounts
        from branchcheck.errors import InputFileError
        try:
            read_accounts({str(path)!r})
        except InputFileError as exc:
            assert "超过上限" in str(exc), exc
        else:
            sys.exit("not refused")
        print(peak_kib())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    peak_kib = int(done.stdout.split()[-1])
    assert peak_kib < 1024 * 1024, f"peak {peak_kib} KiB"
