"""Builders shared by the records tests and bench/bench_records.py: a realistic sealed vault
check record (docs/record-format.md) and a demo CA with inspectors' credentials."""

from __future__ import annotations

import base64
import copy
import datetime as dt
from typing import Any

from branchcheck.records import handwriting, pki
from branchcheck.taxonomy import risk_driver_ref

RECORD_ID = "6f1c2a9e-4b7d-4c1e-9a55-0d3b8e1f2a77"

BRANCH = {"code": "GZ0101", "name": "赣州分行营业部", "name_en": "Ganzhou Branch Business Dept."}


def _t(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def _item(
    key: str,
    zh: str,
    en: str,
    *,
    result: str = "pass",
    display: tuple[str, str] = ("符合要求", "as required"),
    severity: str = "medium",
    driver: str = "steps_skipped",
    source: str = "000_1561e782874b01c0.txt",
    note: str = "",
    type_: str = "yes_no",
    answer: Any = None,
) -> dict[str, Any]:
    return {
        "key": key,
        "type": type_,
        "text": _t(zh, en),
        "required": True,
        "severity": severity,
        "risk_driver": risk_driver_ref(driver),
        "source": source,
        "answer": {"value": True} if answer is None else answer,
        "display": _t(*display),
        "result": result,
        "note": note,
    }


SECTIONS: list[tuple[str, str, str, list[dict[str, Any]]]] = [
    (
        "cash",
        "库存现金",
        "Cash in vault",
        [
            _item(
                "cash_count",
                "库存现金按券别清点，与账面相符",
                "Cash counted by denomination matches the book",
                result="fail",
                display=(
                    "合计 ¥1,283,900.00，账面 ¥1,284,000.00，短款 ¥100.00",
                    "total ¥1,283,900.00, book ¥1,284,000.00, shortage ¥100.00",
                ),
                severity="high",
                driver="accounting_error",
                type_="cash_count",
                answer={"book_fen": 128400000, "rows": {"100": {"bundles": 12, "straps": 8}}},
            ),
            _item(
                "teller_boxes",
                "柜员尾箱现金与系统余额核对一致，重要空白凭证与登记相符",
                "Teller boxes match the system and blank vouchers match the register",
                display=("2 个尾箱，均相符", "2 boxes, all balanced"),
                severity="high",
                driver="review_error",
                type_="teller_boxes",
            ),
            _item(
                "cash_limit",
                "库存现金未超过核定限额",
                "Cash in vault within the approved limit",
                display=("限额 ¥2,000,000.00", "limit ¥2,000,000.00"),
            ),
            _item(
                "damaged_notes",
                "残损币、假币按规定登记、保管和上缴",
                "Damaged and counterfeit notes registered, kept and handed in as required",
                result="na",
                display=("本期无残损币", "none this period"),
                severity="low",
            ),
        ],
    ),
    (
        "vouchers",
        "重要空白凭证及有价单证",
        "Blank vouchers and securities",
        [
            _item(
                "voucher_register",
                "重要空白凭证入库、领用、缴回登记完整，账实相符",
                "Blank voucher register complete, stock matches",
                driver="review_error",
            ),
            _item(
                "voucher_custody",
                "重要空白凭证由专人保管，交接手续齐全",
                "Blank vouchers kept by a named keeper with full handovers",
            ),
            _item(
                "seals",
                "业务印章、压数机按规定保管使用，人离章收",
                "Business seals and check writers kept and locked away when unattended",
                note="=1+1 <b>不是</b> & 公式",
            ),
            _item(
                "securities",
                "代保管有价单证登记清楚、收付有据",
                "Securities in custody registered with receipts",
                result="info",
                display=("记录：代保管单证 3 份", "recorded: 3 items in custody"),
                severity="low",
                note="@SUM(A1)",
            ),
        ],
    ),
    (
        "security",
        "安全管理",
        "Security",
        [
            _item(
                "keys_split",
                "库房钥匙、密码分人保管，双人开库",
                "Vault keys and codes held separately; vault opened by two people",
                severity="critical",
                driver="supervision_lacking",
            ),
            _item(
                "vault_log",
                "出入库登记簿记录完整，与监控录像一致",
                "Vault entry log complete and consistent with CCTV",
                driver="supervision_lacking",
            ),
            _item(
                "cctv",
                "监控设备运行正常，录像保存不少于三个月",
                "CCTV working; recordings kept at least three months",
                driver="system_failure",
            ),
            _item(
                "alarm",
                "报警系统与公安联网测试正常",
                "Alarm linked to the police tested",
                result="pending",
                display=("本周测试尚未进行", "weekly test not done yet"),
                driver="system_failure",
            ),
        ],
    ),
]

CASH_TABLE = {
    "key": "cash_count",
    "title": _t("库存现金清点表", "Cash count"),
    "columns": [
        {"key": "denomination", "zh": "券别", "en": "Denomination", "kind": "text"},
        {"key": "face", "zh": "面额", "en": "Face value", "kind": "money"},
        {"key": "bundles", "zh": "捆", "en": "Bundles", "kind": "count"},
        {"key": "straps", "zh": "把", "en": "Straps", "kind": "count"},
        {"key": "loose", "zh": "零张", "en": "Loose", "kind": "count"},
        {"key": "pieces", "zh": "张数", "en": "Pieces", "kind": "count"},
        {"key": "amount", "zh": "金额", "en": "Amount", "kind": "money"},
    ],
    "rows": [
        ["100元", 10000, 12, 8, 39, 12839, 128390000],
        ["50元", 5000, 0, 0, 0, 0, 0],
        ["20元", 2000, 0, 0, 0, 0, 0],
        ["10元", 1000, 0, 0, 0, 0, 0],
    ],
    "footer": [
        ["合计 Total", None, None, None, None, 12839, 128390000],
        ["账面余额 Book", None, None, None, None, None, 128400000],
        ["差额 Difference", None, None, None, None, None, -10000],
    ],
}

TELLER_TABLE = {
    "key": "teller_boxes",
    "title": _t("柜员尾箱核对表", "Teller boxes"),
    "columns": [
        {"key": "teller", "zh": "柜员", "en": "Teller", "kind": "text"},
        {"key": "system", "zh": "系统余额", "en": "System balance", "kind": "money"},
        {"key": "counted", "zh": "实点金额", "en": "Counted", "kind": "money"},
        {"key": "diff", "zh": "差额", "en": "Difference", "kind": "diff"},
        {"key": "vouchers", "zh": "重要空白凭证", "en": "Blank vouchers", "kind": "text"},
        {"key": "note", "zh": "备注", "en": "Note", "kind": "text"},
    ],
    "rows": [
        ["张伟（E011）", 5234567, 5234567, 0, "相符", ""],
        ["刘洋（E012）", 812000, 817000, 5000, "相符", "-已查明：客户多付"],
    ],
    "footer": [],
}


def build_doc(n_items: int | None = None) -> dict[str, Any]:
    """The sample vault check record; with n_items the sections are padded/cut to that many."""
    sections = []
    for key, zh, en, items in SECTIONS:
        sections.append({"key": key, "title": _t(zh, en), "items": copy.deepcopy(items)})
    if n_items is not None:
        flat = [it for s in sections for it in s["items"]]
        i = 0
        while len(flat) < n_items:
            base = copy.deepcopy(SECTIONS[i % 3][3][i % 4])
            base["key"] = f"{base['key']}_{i}"
            base["text"]["zh"] += f"（第 {i + 2} 次复核，检查范围含分理处及自助设备区域）"
            sections[i % 3]["items"].append(base)
            flat.append(base)
            i += 1
    items = [it for s in sections for it in s["items"]]
    counts = {
        r: sum(1 for it in items if it["result"] == r) for r in ("pass", "fail", "na", "pending")
    }
    strokes_a = handwriting.demo_strokes("王建国")
    strokes_b = handwriting.demo_strokes("李梅")
    return {
        "format": "branchcheck-record/1",
        "record_id": RECORD_ID,
        "version": 1,
        "supersedes": None,
        "branch": dict(BRANCH),
        "checklist": {
            "key": "vault_check",
            "version": 1,
            "title": _t("网点负责人查库", "Branch head vault check"),
            "sha256": "9" * 64,
        },
        "inspector": {
            "employee_no": "E001",
            "name": "王建国",
            "role": _t("网点负责人", "Branch head"),
        },
        "people": [
            {
                "slot": "vault_keeper",
                "title": _t("管库员", "Vault keeper"),
                "employee_no": "E003",
                "name": "李梅",
            },
            {
                "slot": "tellers",
                "title": _t("柜员", "Teller"),
                "employee_no": "E011",
                "name": "张伟",
            },
            {
                "slot": "tellers",
                "title": _t("柜员", "Teller"),
                "employee_no": "E012",
                "name": "刘洋",
            },
        ],
        "local_date": "2026-11-20",
        "started_at": "2026-11-20T09:30:00+08:00",
        "completed_at": "2026-11-20T10:05:12+08:00",
        "sealed_at": "2026-11-20T10:07:40+08:00",
        "sections": sections,
        "tables": [copy.deepcopy(CASH_TABLE), copy.deepcopy(TELLER_TABLE)],
        "findings": [
            {
                "id": "0b7e5f1c-2d3a-4e8f-9c6b-1a2b3c4d5e6f",
                "item_key": "cash_count",
                "title": _t("库存现金短款 ¥100.00", "Cash shortage ¥100.00"),
                "severity": "high",
                "risk_driver": risk_driver_ref("accounting_error"),
                "responsible": {"employee_no": "E003", "name": "李梅"},
                "due_date": "2026-11-27",
                "state": "open",
                "repeat": True,
            }
        ],
        "signatures": [
            {
                "party": "inspector",
                "title": _t("查库人", "Inspector"),
                "employee_no": "E001",
                "name": "王建国",
                "signed_at": "2026-11-20T10:06:01+08:00",
                "strokes": strokes_a,
                "png_b64": base64.b64encode(handwriting.render_png(strokes_a)).decode("ascii"),
            },
            {
                "party": "vault_keeper",
                "title": _t("管库员", "Vault keeper"),
                "employee_no": "E003",
                "name": "李梅",
                "signed_at": "2026-11-20T10:06:40+08:00",
                "strokes": strokes_b,
                "png_b64": base64.b64encode(handwriting.render_png(strokes_b)).decode("ascii"),
            },
        ],
        "summary": {
            "items": len(items),
            "passed": counts["pass"],
            "failed": counts["fail"],
            "not_applicable": counts["na"],
            "pending": counts["pending"],
            "findings": 1,
            "result": _t("不合格", "Failed"),
        },
    }


class DemoPKI:
    """A demo branch CA and the inspector's credential (RSA 2048)."""

    def __init__(self, branch_name: str = "赣州分行营业部", *, demo: bool = True) -> None:
        # Valid from before the sample's dates (2026-11-20), whatever today is.
        start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        self.ca_key, self.ca_cert = pki.create_ca(
            f"{branch_name} 网点自查 CA", branch_name, demo=demo, not_before=start
        )
        key, cert = pki.issue_signing_cert(
            self.ca_key,
            self.ca_cert,
            name="王建国",
            employee_no="E001",
            organization=branch_name,
            demo=demo,
            not_before=start,
        )
        self.cred = pki.Credential(key, cert, [self.ca_cert])
