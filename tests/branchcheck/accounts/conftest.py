"""Helpers for the settlement-account tests: build exports (.xlsx/.csv) and accounts."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest

from branchcheck.accounts import COLUMNS, Account

AS_OF = date(2026, 11, 22)
ZH = {c.key: c.zh for c in COLUMNS}


def normal_row(i: int = 1, **changes: object) -> dict[str, object]:
    """One export row (by key) of an account that breaks no rule as of AS_OF."""
    row: dict[str, object] = {
        "account_no": f"36{i:017d}",
        "account_name": f"赣州某某商贸有限公司{i}",
        "customer_id": f"C{i:06d}",
        "account_kind": "一般存款账户",
        "opened_on": date(2020, 5, 6),
        "last_activity_on": date(2026, 10, 1),
        "balance": "1234.56",
        "owes_bank": "否",
        "documents_valid_until": date(2030, 1, 1),
        "license_status": "存续",
        "pboc_status": "正常",
        "host_status": "正常",
        "special_dormant": "",
        "phone": f"139{i:08d}",
        "address": f"江西省赣州市章贡区某路{i}号",
        "legal_rep": f"法人{i}",
    }
    row.update(changes)
    return row


class Sheets:
    """Writes exports into a test's tmp_path; headers are the Chinese ones unless given."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def table(
        self, rows: Iterable[dict[str, object]], keys: Iterable[str] | None = None
    ) -> tuple[list[str], list[list[object]]]:
        rows = list(rows)
        keys = list(keys) if keys is not None else [c.key for c in COLUMNS]
        header = [ZH.get(k, k) for k in keys]
        return header, [[r.get(k, "") for k in keys] for r in rows]

    def xlsx(
        self,
        rows: Iterable[dict[str, object]] = (),
        *,
        keys: Iterable[str] | None = None,
        header: list[str] | None = None,
        raw: list[list[object]] | None = None,
        name: str = "accounts.xlsx",
        leading_blank_rows: int = 0,
    ) -> Path:
        from openpyxl import Workbook

        h, body = self.table(rows, keys)
        wb = Workbook()
        ws = wb.active
        for _ in range(leading_blank_rows):
            ws.append([])
        ws.append(header or h)
        for r in raw if raw is not None else body:
            ws.append(r)
        path = self.folder / name
        wb.save(path)
        return path

    def csv(
        self,
        rows: Iterable[dict[str, object]] = (),
        *,
        keys: Iterable[str] | None = None,
        header: list[str] | None = None,
        raw: list[list[object]] | None = None,
        name: str = "accounts.csv",
        encoding: str = "utf-8-sig",
    ) -> Path:
        h, body = self.table(rows, keys)
        path = self.folder / name
        with path.open("w", encoding=encoding, newline="") as f:
            w = csv.writer(f)
            w.writerow(header or h)
            for r in raw if raw is not None else body:
                w.writerow([v.isoformat() if isinstance(v, date) else v for v in r])
        return path


@pytest.fixture
def sheets(tmp_path: Path) -> Sheets:
    return Sheets(tmp_path)


def make_account(i: int = 1, **changes: object) -> Account:
    """An Account that breaks no rule as of AS_OF (for classify tests)."""
    values: dict[str, object] = {
        "row": i + 1,
        "account_no": f"36{i:017d}",
        "account_name": f"公司{i}",
        "customer_id": f"C{i:06d}",
        "account_kind": "一般存款账户",
        "opened_on": date(2020, 5, 6),
        "last_activity_on": date(2026, 10, 1),
        "balance_fen": 123456,
        "owes_bank": False,
        "documents_valid_until": date(2030, 1, 1),
        "license_status": "存续",
        "pboc_status": "正常",
        "host_status": "正常",
        "special_dormant": None,
        "phone": f"139{i:08d}",
        "address": f"某路{i}号",
        "legal_rep": f"法人{i}",
    }
    values.update(changes)
    return Account(**values)  # type: ignore[arg-type]


@pytest.fixture
def acct():
    return make_account


@pytest.fixture
def row():
    return normal_row
