"""Reading exports: columns, cell conversion, row errors, file errors, mappings."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from branchcheck.accounts import REQUIRED, load_mapping, read_accounts
from branchcheck.accounts.cells import money_fen, phone_digits
from branchcheck.errors import InputFileError

# ---------------------------------------------------------------- both formats


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_reads_both_formats(sheets, row, fmt):
    path = getattr(sheets, fmt)([row(1), row(2)])
    result = read_accounts(path)
    assert result.errors == []
    assert [a.account_no for a in result.accounts] == ["3600000000000000001", "3600000000000000002"]
    a = result.accounts[0]
    assert a.row == 2
    assert a.opened_on == date(2020, 5, 6)
    assert a.balance_fen == 123456
    assert a.owes_bank is False
    assert (a.license_status, a.pboc_status, a.host_status) == ("存续", "正常", "正常")
    assert a.special_dormant is None
    assert result.columns["account_no"] == "账号"
    assert result.rows == 2
    assert result.warnings == []


def test_gb18030_csv(sheets, row):
    path = sheets.csv([row(1)], encoding="gb18030")
    assert read_accounts(path).accounts[0].account_name == "赣州某某商贸有限公司1"


def test_order_free_extra_columns_ignored_english_keys(sheets, row):
    keys = list(reversed(list(row(1))))
    header = ["备注", *keys]
    data = [["anything", *[row(1)[k] for k in keys]]]
    path = sheets.xlsx(header=header, raw=data)
    result = read_accounts(path)
    assert result.errors == [] and len(result.accounts) == 1
    assert result.columns["host_status"] == "host_status"


def test_header_after_blank_rows_keeps_spreadsheet_row_numbers(sheets, row):
    path = sheets.xlsx([row(1), row(2, opened_on="不是日期")], leading_blank_rows=2)
    result = read_accounts(path)
    assert result.accounts[0].row == 4
    assert [(e.row, e.column) for e in result.errors] == [(5, "开户日期")]


def test_title_line_above_the_header(sheets, row):
    header, body = sheets.table([row(1), row(2, opened_on="坏")])
    path = sheets.xlsx(header=["单位结算账户清单（2026-11-22 导出）"], raw=[[], header, *body])
    result = read_accounts(path)
    assert [a.row for a in result.accounts] == [4]
    assert [e.row for e in result.errors] == [5]


def test_blank_rows_are_skipped(sheets, row):
    raw_header, body = sheets.table([row(1), row(2)])
    path = sheets.xlsx(header=raw_header, raw=[body[0], [""] * len(raw_header), body[1]])
    result = read_accounts(path)
    assert [a.row for a in result.accounts] == [2, 4]
    assert result.rows == 2


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "cell",
    [
        date(2026, 3, 4),
        datetime(2026, 3, 4, 10, 30),
        "2026-03-04",
        "2026/03/04",
        "2026-3-4",
        "2026/3/4",
        "2026年3月4日",
        "2026年03月04日",
        " 2026 年 3 月 4 日 ",
        "２０２６－０３－０４",
        "2026-03-04 00:00:00",
        "20260304",
        20260304,
    ],
)
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_date_formats(sheets, row, cell, fmt):
    if fmt == "csv" and isinstance(cell, datetime):
        cell = cell.isoformat(sep=" ")
    path = getattr(sheets, fmt)([row(1, last_activity_on=cell)])
    result = read_accounts(path)
    assert result.errors == []
    assert result.accounts[0].last_activity_on == date(2026, 3, 4)


def test_blank_dates(sheets, row):
    path = sheets.csv(
        [
            row(1, last_activity_on="", documents_valid_until="长期"),
            row(2, documents_valid_until=""),
        ]
    )
    a, b = read_accounts(path).accounts
    assert a.last_activity_on is None and a.documents_valid_until is None
    assert b.documents_valid_until is None


@pytest.mark.parametrize("bad", ["2026-13-01", "2026-02-30", "昨天", "2026.1", "45000"])
def test_bad_date_is_a_row_error(sheets, row, bad):
    path = sheets.csv([row(1), row(2, opened_on=bad), row(3)])
    result = read_accounts(path)
    assert [a.row for a in result.accounts] == [2, 4]
    (err,) = result.errors
    assert (err.row, err.column) == (3, "开户日期")
    assert bad in err.reason


def test_blank_opening_date_is_an_error(sheets, row):
    result = read_accounts(sheets.csv([row(1, opened_on="")]))
    assert result.accounts == []
    assert result.errors[0].reason == "开户日期为空"


# ---------------------------------------------------------------- account numbers


def test_account_number_normalised(sheets, row):
    path = sheets.xlsx([row(1, account_no=" ００１２ ３４５６ "), row(2, account_no="0099")])
    result = read_accounts(path)
    assert [a.account_no for a in result.accounts] == ["00123456", "0099"]
    assert result.warnings == []


def test_numeric_account_number_warns(sheets, row):
    result = read_accounts(sheets.xlsx([row(1, account_no=123456)]))
    assert result.accounts[0].account_no == "123456"
    assert any("前导零" in w for w in result.warnings)


def test_numeric_account_number_beyond_15_digits_is_an_error(sheets, row):
    result = read_accounts(sheets.xlsx([row(1, account_no=3600000000000000001)]))
    assert result.accounts == []
    assert "15 位" in result.errors[0].reason


def test_empty_account_number(sheets, row):
    result = read_accounts(sheets.csv([row(1), row(2, account_no="  ")]))
    assert len(result.accounts) == 1
    (err,) = result.errors
    assert (err.row, err.column, err.reason) == (3, "账号", "账号为空")


def test_duplicate_account_number_excludes_both(sheets, row):
    path = sheets.csv([row(1), row(2, account_no="X1"), row(3), row(4, account_no="X1")])
    result = read_accounts(path)
    assert [a.row for a in result.accounts] == [2, 4]
    assert [(e.row, e.column) for e in result.errors] == [(3, "账号"), (5, "账号")]
    for e in result.errors:
        assert "第 3、5 行" in e.reason and "都不参与分类" in e.reason


def test_duplicate_counts_rows_with_other_errors(sheets, row):
    path = sheets.csv([row(1, account_no="X1", opened_on="坏"), row(2, account_no="X1")])
    result = read_accounts(path)
    assert result.accounts == []
    assert [(e.row, e.column) for e in result.errors] == [(2, "账号"), (2, "开户日期"), (3, "账号")]


# ---------------------------------------------------------------- enumerations and money


@pytest.mark.parametrize(
    ("column", "bad", "read_as"),
    [
        ("host_status", "冻结", None),
        ("pboc_status", "x", None),
        ("license_status", "", None),
        ("owes_bank", "也许", None),
        ("special_dormant", "普通户", "普通户"),
        ("account_kind", "储蓄账户", None),
        ("balance", "很多", None),
        ("customer_id", "  ", ""),
    ],
)
def test_unknown_value_is_a_warning_and_the_account_is_still_read(
    sheets, row, column, bad, read_as
):
    """Issue #8.12: only an unreadable account number or date, or a duplicate, is a row error."""
    result = read_accounts(sheets.csv([row(1, **{column: bad})]))
    assert result.errors == []
    (a,) = result.accounts
    field = "balance_fen" if column == "balance" else column
    assert getattr(a, field) == read_as
    (w,) = result.row_warnings
    assert (w.row, w.account_no) == (2, a.account_no)
    assert w.column == sheets.table([])[0][list(row()).index(column)]
    assert any("未识别" in x or "为空" in x for x in result.warnings)


def test_unknown_special_kind_still_marks_a_special_account(sheets, row):
    """The source's own wording abbreviated a way we do not know: still special, still reviewed."""
    path = sheets.csv(
        [
            row(1, special_dormant="优质潜力户", documents_valid_until=date(2024, 1, 1),
                license_status="注销", last_activity_on=date(2020, 1, 1)),
        ]
    )  # fmt: skip
    result = read_accounts(path)
    (a,) = result.accounts
    assert a.special_dormant == "优质潜力户"
    from branchcheck.accounts import classify

    codes = [f.code for f in classify(result.accounts, date(2026, 11, 22))[a.account_no]]
    assert codes == ["DOCS_EXPIRED", "SPECIAL_DORMANT_PBOC", "DEREGISTERED"]
    assert "特殊长期不动户" in result.row_warnings[0].reason


@pytest.mark.parametrize(
    "given",
    [
        "优质、有潜力或业务发展需要的客户账户",
        "优质、有潜力或业务发展需要的客户",
        "优质/有潜力客户",
        "业务发展需要的客户账户",
        "优质 有潜力客户",
        "优质，有潜力或业务发展需要客户",
    ],
)
def test_the_sources_wording_and_its_abbreviations(sheets, row, given):
    result = read_accounts(sheets.csv([row(1, special_dormant=given)]))
    assert result.accounts[0].special_dormant == "优质或有潜力客户"
    assert result.row_warnings == []


def test_unreadable_rule_date_is_still_a_row_error(sheets, row):
    result = read_accounts(sheets.csv([row(1, documents_valid_until="下月", host_status="冻结")]))
    assert result.accounts == []
    assert [e.column for e in result.errors] == ["证明文件有效期至"]


def test_value_mapping_in_the_mapping_file(sheets, row, tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text(
        "columns:\n  Host: host_status\nvalues:\n  host_status:\n    冻结: 不收不付\n"
        "  special_dormant:\n    VIP户: 优质或有潜力客户\n",
        encoding="utf-8",
    )
    mapping = load_mapping(path)
    keys = [k for k in row() if k != "host_status"]
    data = sheets.csv(
        header=[*(sheets.table([])[0][list(row()).index(k)] for k in keys), "Host"],
        raw=[[*(row(1, special_dormant="VIP户")[k] for k in keys), "冻结"]],
    )
    result = read_accounts(data, mapping=mapping)
    (a,) = result.accounts
    assert (a.host_status, a.special_dormant) == ("不收不付", "优质或有潜力客户")
    assert result.row_warnings == []


def test_value_mapping_to_an_unknown_value_is_refused(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"values": {"host_status": {"冻结": "封存"}}}), encoding="utf-8")
    with pytest.raises(InputFileError, match="封存"):
        load_mapping(path)


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("余额超5万元", "余额超过5万元"),
        ("武警、军队账户", "武警军队账户"),
        ("优质客户", "优质或有潜力客户"),
        ("证券保证金", "证券保证金账户"),
        ("贷款账户", "贷款专户"),
        ("其他", "其他特殊用途"),
        ("无", None),
        ("", None),
    ],
)
def test_special_kind_synonyms(sheets, row, given, canonical):
    result = read_accounts(sheets.csv([row(1, special_dormant=given)]))
    assert result.accounts[0].special_dormant == canonical


def test_enum_synonyms(sheets, row):
    path = sheets.xlsx(
        [
            row(
                1,
                owes_bank=True,
                host_status=" 销户 ",
                pboc_status="撤销",
                license_status="吊销，未注销",
            )
        ]
    )
    a = read_accounts(path).accounts[0]
    assert (a.owes_bank, a.host_status, a.pboc_status, a.license_status) == (
        True,
        "已销户",
        "已撤销",
        "吊销",
    )


@pytest.mark.parametrize(
    ("cell", "fen"),
    [
        (12.34, 1234),
        (0.1 + 0.2, 30),
        (100.0, 10000),
        (-5.5, -550),
        (1234567.89, 123456789),
        ("1,234.50", 123450),
        ("¥12", 1200),
        ("", None),
        (7, 700),
    ],
)
def test_money_to_fen(cell, fen):
    assert money_fen(cell) == fen


def test_money_with_three_decimals_is_a_warning(sheets, row):
    result = read_accounts(sheets.xlsx([row(1, balance=12.345), row(2, balance="1.001")]))
    assert [a.balance_fen for a in result.accounts] == [None, None]
    assert result.errors == []
    assert [w.column for w in result.row_warnings] == ["余额", "余额"]


def test_phone_digits():
    assert phone_digits("138-0000 0000") == "13800000000"
    assert phone_digits("+86 138 0000 0000") == "13800000000"
    assert phone_digits("１３８００００００００") == "13800000000"
    assert phone_digits(13800000000.0) == "13800000000"
    assert phone_digits("") == ""


def test_address_and_legal_rep_compared_without_spaces(sheets, row):
    a = read_accounts(
        sheets.csv([row(1, address=" 章贡区 某路１号 ", legal_rep="张 三")])
    ).accounts[0]
    assert (a.address, a.legal_rep) == ("章贡区某路1号", "张三")


# ---------------------------------------------------------------- columns and files


def test_missing_required_columns_are_all_named(sheets, row):
    keys = [k for k in row() if k not in ("customer_id", "host_status", "opened_on")]
    path = sheets.xlsx([row(1)], keys=keys)
    with pytest.raises(InputFileError) as exc:
        read_accounts(path)
    message = exc.value.message
    assert str(path) in message
    for name in ("客户号", "行内账户状态", "开户日期", "customer_id", "host_status", "opened_on"):
        assert name in message
    assert exc.value.exit_code == 2


def test_header_only_with_nothing_required(sheets):
    path = sheets.csv(header=["x", "y"], raw=[])
    with pytest.raises(InputFileError) as exc:
        read_accounts(path)
    for key in REQUIRED:
        assert key in exc.value.message


def test_missing_optional_columns_warn(sheets, row):
    keys = [k for k in row() if k not in ("phone", "special_dormant", "balance")]
    result = read_accounts(sheets.xlsx([row(1)], keys=keys))
    assert len(result.accounts) == 1
    text = "\n".join(result.warnings)
    assert "SHARED_PHONE" in text and "SPECIAL_ACTIVE" in text and "余额" in text
    assert result.accounts[0].phone == "" and result.accounts[0].balance_fen is None


def test_two_columns_for_one_key(sheets, row):
    h, body = sheets.table([row(1)])
    path = sheets.csv(header=[*h, "account_no"], raw=[[*body[0], "123"]])
    with pytest.raises(InputFileError, match="ambiguous"):
        read_accounts(path)


@pytest.mark.parametrize(
    ("name", "content"),
    [("broken.xlsx", b"this is not a zip"), ("empty.xlsx", b""), ("data.bin", b"\x00\x01\x02")],
)
def test_unreadable_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError) as exc:
        read_accounts(path)
    assert str(path) in exc.value.message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputFileError, match="no such file"):
        read_accounts(tmp_path / "nope.xlsx")
    with pytest.raises(InputFileError, match="folder"):
        read_accounts(tmp_path)


def test_empty_csv(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="empty"):
        read_accounts(path)


# ---------------------------------------------------------------- mapping


OTHER = {
    "account_no": "Acct No",
    "account_name": "Acct Name",
    "customer_id": "Cust",
    "opened_on": "Open Date",
    "last_activity_on": "Last Txn",
    "owes_bank": "Debt",
    "documents_valid_until": "Docs Until",
    "license_status": "Licence",
    "pboc_status": "PBOC",
    "host_status": "Host",
}


def _other_system_file(sheets, row):
    keys = list(OTHER)
    header = [OTHER[k] for k in keys]
    return sheets.csv(header=header, raw=[[row(1)[k] for k in keys]])


def test_mapping_dict(sheets, row):
    path = _other_system_file(sheets, row)
    with pytest.raises(InputFileError):
        read_accounts(path)
    mapping = {v: k for k, v in OTHER.items()}
    result = read_accounts(path, mapping=mapping)
    assert result.errors == [] and len(result.accounts) == 1
    assert result.columns["account_no"] == "Acct No"


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml", ""])
def test_mapping_files(sheets, row, tmp_path, suffix):
    mapping_path = tmp_path / f"map{suffix}"
    if suffix in (".yaml", ".yml"):
        mapping_path.write_text(
            "\n".join(f'"{v}": {k}' for k, v in OTHER.items()), encoding="utf-8"
        )
    else:
        mapping_path.write_text(json.dumps({v: k for k, v in OTHER.items()}), encoding="utf-8")
    mapping = load_mapping(mapping_path)
    assert len(read_accounts(_other_system_file(sheets, row), mapping=mapping).accounts) == 1


def test_mapping_to_chinese_header_is_accepted(sheets, row):
    mapping = {v: k for k, v in OTHER.items()} | {"Acct No": "账号"}
    assert len(read_accounts(_other_system_file(sheets, row), mapping=mapping).accounts) == 1


def test_mapping_to_unknown_key(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"Acct No": "account_number", "X": "acct"}), encoding="utf-8")
    with pytest.raises(InputFileError) as exc:
        load_mapping(path)
    assert "account_number" in exc.value.message and "acct" in exc.value.message
    assert str(path) in exc.value.message


def test_mapping_dict_to_unknown_key(sheets, row):
    with pytest.raises(InputFileError, match="nonsense"):
        read_accounts(sheets.csv([row(1)]), mapping={"x": "nonsense"})


@pytest.mark.parametrize(
    ("name", "content"), [("m.json", "{not json"), ("m.yaml", "- a\n- b\n"), ("m.json", "[1, 2]")]
)
def test_bad_mapping_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputFileError) as exc:
        load_mapping(path)
    assert str(path) in exc.value.message


def test_missing_mapping_file(tmp_path):
    with pytest.raises(InputFileError, match="cannot read"):
        load_mapping(tmp_path / "nope.json")


def test_mapped_header_absent_warns(sheets, row):
    result = read_accounts(sheets.csv([row(1)]), mapping={"Gone": "phone"})
    assert any("Gone" in w for w in result.warnings)


# ---------------------------------------------------------------- progress


def test_progress_is_reported(sheets, row):
    calls: list[tuple[int, int]] = []
    read_accounts(
        sheets.csv([row(i) for i in range(1, 12)]), progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0] == (0, 11) and calls[-1] == (11, 11)


def test_account_fields_follow_the_columns():
    from dataclasses import fields

    from branchcheck.accounts import COLUMNS, Account

    expected = ["row", *("balance_fen" if c.key == "balance" else c.key for c in COLUMNS)]
    assert [f.name for f in fields(Account)] == expected


def test_numeric_account_numbers_counted_once_when_a_column_has_a_bad_cell(sheets, row):
    result = read_accounts(sheets.xlsx([row(1, account_no=123456), row(2, account_no="  ")]))
    assert any("有 1 个数字格式" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("m.yaml", "a: &a [x, x]\nb: [*a, *a]\n", "anchors and aliases"),
        ("m.yaml", "户名: account_name\n户名: account_no\n", "duplicate key"),
        ("m.yaml", "x: " + "[" * 3000 + "]" * 3000, "nested deeper"),
        ("m.json", "[" * 100_000 + "]" * 100_000, "not valid JSON"),
        ("m.json", "{" + '"a": 1,' * 200_000 + '"b": 2}', "at most 1048576 bytes"),
    ],
)
def test_hostile_mapping_files_are_refused(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputFileError, match=expected):
        load_mapping(path)
