"""`accounts review` through the CLI entry point: exit codes, --json shape, nothing written on error."""

from __future__ import annotations

import argparse
import json

import pytest
from openpyxl import load_workbook

from branchcheck.cli import main
from branchcheck.cli.accounts import cmd_review, register


@pytest.fixture
def export(sheets, row):
    return sheets.csv([row(1), row(2, license_status="注销"), row(3, opened_on="坏")])


def test_summary(export, tmp_path, capsys):
    out = tmp_path / "review.xlsx"
    assert (
        main(["accounts", "review", str(export), "--as-of", "2026-11-22", "--out", str(out)]) == 0
    )
    printed = capsys.readouterr().out
    assert "有标志 1 户" in printed and "DEREGISTERED" in printed and str(out) in printed
    assert load_workbook(out).sheetnames == ["待处理账户", "汇总", "错误行", "提示行"]


def test_json(export, tmp_path, capsys):
    out = tmp_path / "review.xlsx"
    argv = ["accounts", "review", str(export), "--as-of", "2026-11-22", "--out", str(out), "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"as_of", "accounts", "flagged", "errors", "warnings", "by_flag", "flags"}
    assert data["accounts"] == 2 and data["flagged"] == 1
    assert data["flags"] == {"3600000000000000002": ["DEREGISTERED"]}
    assert data["errors"][0]["row"] == 4 and set(data["errors"][0]) == {"row", "column", "reason"}
    assert out.exists()


def test_mapping_option(sheets, row, tmp_path, capsys):
    r = row(1, license_status="吊销")
    keys = list(r)
    header = ["Acct" if k == "account_no" else sheets.table([])[0][keys.index(k)] for k in keys]
    path = sheets.csv(header=header, raw=[[r[k] for k in keys]])
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Acct: account_no\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    argv = ["accounts", "review", str(path), "--as-of", "2026-11-22", "--out", str(out)]
    assert main([*argv, "--mapping", str(mapping), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["by_flag"]["REVOKED"] == 1


@pytest.mark.parametrize("as_of", ["2026-13-01", "22/11/2026", "20261122", "tomorrow"])
def test_bad_as_of(export, tmp_path, capsys, as_of):
    out = tmp_path / "review.xlsx"
    assert main(["accounts", "review", str(export), "--as-of", as_of, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--as-of" in err and "Traceback" not in err
    assert not out.exists()


def test_missing_columns(sheets, row, tmp_path, capsys):
    path = sheets.csv([row(1)], keys=["account_no", "account_name"])
    out = tmp_path / "review.xlsx"
    assert main(["accounts", "review", str(path), "--as-of", "2026-11-22", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "host_status" in err and "customer_id" in err
    assert not out.exists()


@pytest.mark.parametrize("problem", ["unreadable", "missing", "bad-mapping", "same-as-input"])
def test_errors_write_nothing(export, tmp_path, capsys, problem):
    out = tmp_path / "review.xlsx"
    src = export
    extra: list[str] = []
    if problem == "unreadable":
        src = tmp_path / "x.xlsx"
        src.write_bytes(b"garbage")
    elif problem == "missing":
        src = tmp_path / "absent.xlsx"
    elif problem == "bad-mapping":
        m = tmp_path / "m.json"
        m.write_text('{"A": "no_such_key"}', encoding="utf-8")
        extra = ["--mapping", str(m)]
    else:
        out = export
    before = export.read_bytes()
    argv = ["accounts", "review", str(src), "--as-of", "2026-11-22", "--out", str(out), *extra]
    assert main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "review.xlsx").exists()
    assert export.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_register_into_a_main_parser(export, tmp_path):
    parser = argparse.ArgumentParser(prog="branchcheck")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    out = tmp_path / "r.xlsx"
    args = parser.parse_args(
        ["accounts", "review", str(export), "--as-of", "2026-11-22", "--out", str(out)]
    )
    assert args.func is cmd_review
    assert args.func(args) == 0 and out.exists()
