"""Staff lists: lenient headers in Chinese or English, several roles per cell, each bad row that
row's error naming file, sheet, row and column; imported all or nothing; bounded like the account
lists; fuzzed (no traceback, nothing stored for a refused file)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from branchcheck.db.models import AuditEntry, Staff, StaffPost
from branchcheck.errors import InputFileError, PeopleRuleError
from branchcheck.people import staff_list
from branchcheck.people.person_input import PersonInput
from branchcheck.people.posts import post_history
from branchcheck.people.staff_list import (
    MAX_PEOPLE,
    import_staff_list,
    parse_roles,
    read_staff_list,
    staff_from_rows,
)
from tests.branchcheck.accounts.test_limits import _cell, _xlsx

GOOD_CSV = (
    "赣州分行营业部 人员名单\n"
    "Employee Number, 姓 名 ,ROLES,单位,证件号码,其他\n"
    "E011,钱多,柜员、Teller，管库员,,360701,备注\n"
    "E012,孙七,teller;加钞员 / sorter,,,\n"
    ",,,,,\n"
    "X001,黄海,押运人员,安保押运公司,3607,\n"
)


def _write(tmp_path: Path, text: str, name: str = "staff.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _xlsx_list(tmp_path: Path, rows: list[list[object]], sheet: str = "人员") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    path = tmp_path / "staff.xlsx"
    wb.save(path)
    return path


def _stored(store):
    with store.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t)) for t in (Staff, StaffPost, AuditEntry)
        )


def test_a_csv_with_a_title_line_and_english_headers(tmp_path):
    listed = read_staff_list(_write(tmp_path, GOOD_CSV))
    assert listed.errors == () and listed.sheet == ""
    assert [(p.row, p.person) for p in listed.people] == [
        (3, PersonInput("E011", "钱多", ("teller", "vault_keeper"), False, "", "360701")),
        (4, PersonInput("E012", "孙七", ("teller", "atm_loader", "sorter"))),
        (6, PersonInput("X001", "黄海", ("escort",), True, "安保押运公司", "3607")),
    ]
    assert listed.columns["name"] == "姓 名" and listed.columns["employee_no"] == "Employee Number"


def test_a_gb18030_csv_reads_the_same(tmp_path):
    listed = read_staff_list(_write(tmp_path, GOOD_CSV, encoding="gb18030"))
    assert [p.person.name for p in listed.people] == ["钱多", "孙七", "黄海"]


def test_an_xlsx_with_numbers_as_employee_numbers(tmp_path):
    path = _xlsx_list(
        tmp_path,
        [
            ["工号", "姓名", "角色", "外部"],
            [1001, "赵磊", "teller atm_loader", "否"],
            [1002, "钱", "柜员", "maybe"],
        ],
    )
    listed = read_staff_list(path)
    assert [p.person.employee_no for p in listed.people] == ["1001"]
    assert listed.people[0].person.roles == ("teller", "atm_loader")
    (error,) = listed.errors
    assert (error.row, error.column) == (3, "外部")
    assert listed.messages() == [
        f"{path}，工作表 / sheet “人员”，第 3 行 / row 3，“外部”列 / column “外部”："
        "“maybe”应为 是 或 否 / should be yes or no"
    ]


def test_each_bad_row_is_that_rows_error(tmp_path):
    text = (
        "工号,姓名,岗位,单位\n"
        "E011,,出纳,\n"  # two errors in one row
        "E012,孙七,柜员,\n"
        "E012,孙八,柜员,\n"  # the same number twice: both rows
        "E#13,周,柜员,\n"
        "X001,黄海,押运人员,\n"  # an escort names their company
        "E014,吴,柜员,\n"
    )
    listed = read_staff_list(_write(tmp_path, text))
    assert [p.person.employee_no for p in listed.people] == ["E014"]
    assert [(e.row, e.column) for e in listed.errors] == [
        (2, "姓名"),
        (2, "岗位"),
        (3, "工号"),
        (4, "工号"),
        (5, "工号"),
        (6, "单位"),
    ]
    assert "未知岗位 出纳" in listed.errors[1].reason
    assert "重复出现（第 3、4 行）/ employee number E012 is on rows 3, 4" in listed.errors[2].reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("工号,名字\nE1,甲\n", "missing required column(s): 岗位 (roles)"),
        ("工号,姓名,岗位,角色\nE1,甲,柜员,柜员\n", "the same column twice"),
        ("", "the file is empty"),
    ],
)
def test_a_file_that_cannot_be_a_staff_list_is_refused(tmp_path, text, words):
    path = _write(tmp_path, text)
    with pytest.raises(InputFileError) as exc:
        read_staff_list(path)
    assert str(path) in str(exc.value) and words in str(exc.value)


def test_bounded_like_the_account_lists(tmp_path):
    rows = [["工号", "姓名", "岗位"]] + [[f"E{i}", "某", "柜员"] for i in range(MAX_PEOPLE + 1)]
    with pytest.raises(InputFileError, match=f"more than {MAX_PEOPLE} people"):
        staff_from_rows(rows, Path("big.csv"))
    assert len(staff_from_rows(rows[:-1], Path("ok.csv")).people) == MAX_PEOPLE
    bomb = _xlsx(
        tmp_path / "dim.xlsx", f'<row r="1">{_cell("A1", "工号")}</row>', dimension="A1:XFD1048576"
    )
    with pytest.raises(InputFileError, match="too large to read safely"):
        read_staff_list(bomb)
    with pytest.raises(InputFileError, match="no such file"):
        read_staff_list(tmp_path / "missing.xlsx")


def test_role_names_in_either_language():
    assert parse_roles("网点负责人, Deputy head；supervisor") == (
        "branch_head",
        "deputy_head",
        "supervisor",
    )
    assert parse_roles("") == ()
    with pytest.raises(ValueError, match="unknown role"):
        parse_roles("柜员 出纳")


# ---------------------------------------------------------------- importing


def test_import_adds_everyone_with_their_posts(people_store, tmp_path):
    result = import_staff_list(
        people_store, actor="E001", path=_write(tmp_path, GOOD_CSV), on=date(2026, 1, 5)
    )
    assert [p.employee_no for p in result.added] == ["E011", "E012", "X001"]
    assert not any(p.can_sign_in for p in result.added)
    assert [(p.role, p.from_date) for p in post_history(people_store, "E011")] == [
        ("teller", "2026-01-05"),
        ("vault_keeper", "2026-01-05"),
    ]
    with people_store.session() as s:
        added = s.scalars(
            select(AuditEntry.subject).where(
                AuditEntry.action == "staff.add", AuditEntry.actor == "E001"
            )
        ).all()
    assert added == ["E011", "E012", "X001"]


def test_one_bad_row_and_nobody_is_added(people_store, tmp_path):
    before = _stored(people_store)
    text = GOOD_CSV + "E004,张伟,柜员,,,\nE099,,柜员,,,\n"  # in the register already; no name
    path = _write(tmp_path, text)
    with pytest.raises(InputFileError) as exc:
        import_staff_list(people_store, actor="E001", path=path)
    said = str(exc.value)
    assert "2 error(s); nobody was added" in said
    assert "第 7 行 / row 7" in said and "E004 is already in the staff register" in said
    assert "第 8 行 / row 8" in said and "“姓 名”列" in said
    assert _stored(people_store) == before


def test_only_an_administrator_imports(people_store, tmp_path):
    before = _stored(people_store)
    with pytest.raises(PeopleRuleError, match="cannot manage staff"):
        import_staff_list(people_store, actor="E010", path=_write(tmp_path, GOOD_CSV))
    assert _stored(people_store) == before


def test_numbers_to_skip_are_left_out(people_store, tmp_path):
    text = GOOD_CSV + "E001,王建国,网点负责人,,,\n"
    result = import_staff_list(
        people_store, actor="E001", path=_write(tmp_path, text), skip=("E001",)
    )
    assert result.skipped == ("E001",) and len(result.added) == 3


# ---------------------------------------------------------------- fuzzed

HEADER = ["工号", "姓名", "岗位", "外部", "单位", "证件号"]
CELLS = (
    st.text(max_size=20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.sampled_from(["", "柜员", "押运人员", "是", "否", "teller、escort", "\ud800", "9" * 5000])
    | st.booleans()
    | st.dates()
)


def _good_row(i: int) -> list[object]:
    return [f"E{i:03d}", f"人{i}", "柜员", "否", "", ""]


@settings(max_examples=1000, deadline=None)
@given(changes=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 5), CELLS), max_size=8))
def test_fuzzed_cells_stay_in_their_row(changes):
    rows = [HEADER] + [_good_row(i) for i in range(5)]
    for r, c, value in changes:
        rows[r + 1][c] = value
    listed = staff_from_rows(rows, Path("fuzz.xlsx"), "s")
    kept = {p.row for p in listed.people}
    wrong = {e.row for e in listed.errors}
    assert kept | wrong == set(range(2, 7)) and not kept & wrong
    if not any(c == 0 for _r, c, _v in changes):  # no number changed: no duplicates
        assert wrong <= {r + 2 for r, _c, _v in changes}
    for e in listed.errors:
        assert e.reason and len(e.reason) < 600


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.sampled_from(list(',"\n\r\t;=+-@ 0123456789E工号姓名岗位柜员押运人员是否\x00')),
        max_size=120,
    )
)
def test_fuzzed_files_are_imported_whole_or_refused_leaving_nothing(people_store, tmp_path, text):
    path = tmp_path / "fuzz.csv"
    path.write_text("工号,姓名,岗位,外部,单位\n" + text, encoding="utf-8")
    before = _stored(people_store)
    try:
        result = import_staff_list(people_store, actor="E001", path=path)
    except InputFileError as exc:
        assert str(path) in str(exc)
        assert _stored(people_store) == before
    else:
        people, posts, entries = _stored(people_store)
        assert people == before[0] + len(result.added) and entries == before[2] + len(result.added)


def _small_xlsx() -> bytes:
    wb = Workbook()
    for row in [HEADER] + [_good_row(i) for i in range(3)]:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SMALL = _small_xlsx()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), max_size=6))
def test_damaged_workbooks_are_read_or_refused(tmp_path, flips):
    data = bytearray(SMALL)
    for at, xor in flips:
        data[at % len(data)] ^= xor
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(data))
    try:
        staff_list.read_staff_list(path)
    except InputFileError as exc:
        assert str(path) in str(exc)
