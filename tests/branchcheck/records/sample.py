"""Builders shared by the records tests and bench/bench_records.py: a realistic sealed vault
check record (docs/record-format.md) and a demo CA with inspectors' credentials.

The record is made the way the application makes one: a checklist template (validated by the
engine) answered and evaluated by the engine, so its items, tables and findings follow the engine
— a record test never checks a table shape the engine no longer builds."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import uuid
from typing import Any

from branchcheck.engine import ITEM_TYPES, EvalContext, PersonRef
from branchcheck.engine.evaluate import Evaluation, evaluate
from branchcheck.engine.validate import template_from_content
from branchcheck.holidays import HolidayCalendar
from branchcheck.records import handwriting, pki
from branchcheck.records.document import sections_of
from branchcheck.records.pdf.layout import PAGES
from branchcheck.settings import Settings
from branchcheck.taxonomy import risk_driver_ref

RECORD_ID = "6f1c2a9e-4b7d-4c1e-9a55-0d3b8e1f2a77"
LOCAL_DATE = dt.date(2026, 11, 20)
SOURCE = "汪志勇、王勇才（工行赣州分行运营风险管理）第5段（查库管理）"

BRANCH = {"code": "GZ0101", "name": "赣州分行营业部", "name_en": "Ganzhou Branch Business Dept."}

INSPECTOR = PersonRef("E001", "王建国", ("branch_head",))
PEOPLE = {
    "vault_keeper": [PersonRef("E003", "李梅", ("vault_keeper",))],
    "tellers": [PersonRef("E011", "张伟", ("teller",)), PersonRef("E012", "刘洋", ("teller",))],
}
# E013 is a teller this week's checks have not covered yet; Saturday the 21st is a make-up working
# day, so on Friday the weekly coverage is still pending.
FACTS = {
    "by_role": {"teller": {"E011": "张伟", "E012": "刘洋", "E013": "陈静"}},
    "calendar": HolidayCalendar(workdays={dt.date(2026, 11, 21)}),
}


def _t(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def _item(
    key: str, zh: str, en: str, *, type_: str = "yes_no", driver: str = "steps_skipped", **more: Any
) -> dict[str, Any]:
    return {
        "key": key,
        "type": type_,
        "text": _t(zh, en),
        "risk_driver": driver,
        "source": SOURCE,
    } | more


DENOMINATIONS = [
    {"key": f"n{yuan}", "label": _t(f"{yuan}元", f"¥{yuan}"), "face_fen": yuan * 100}
    for yuan in (100, 50, 20, 10)
]

TEMPLATE = {
    "key": "vault_check",
    "version": 1,
    "title": _t("网点负责人查库", "Branch head vault check"),
    "record_title": _t("网点负责人查库记录", "Branch head vault check record"),
    "inspector": {"title": _t("查库人", "Inspector"), "staff_roles": ["branch_head"]},
    "people": [
        {
            "key": "vault_keeper",
            "title": _t("管库员", "Vault keeper"),
            "staff_roles": ["vault_keeper"],
        },
        {"key": "tellers", "title": _t("柜员", "Teller"), "staff_roles": ["teller"], "max": 40},
    ],
    "sections": [
        {
            "key": "cash",
            "title": _t("库存现金", "Cash in vault"),
            "items": [
                _item(
                    "cash_count",
                    "库存现金按券别清点，与账面相符",
                    "Cash counted by denomination matches the book",
                    type_="cash_count",
                    driver="accounting_error",
                    severity="high",
                    responsible="vault_keeper",
                    params={
                        "table_title": _t("库存现金清点表", "Cash count"),
                        "denominations": DENOMINATIONS,
                    },
                ),
                _item(
                    "teller_boxes",
                    "柜员尾箱现金与系统余额核对一致，重要空白凭证与登记相符",
                    "Teller boxes match the system and blank vouchers match the register",
                    type_="teller_boxes",
                    driver="review_error",
                    severity="high",
                    params={"slot": "tellers"},
                ),
                _item(
                    "cash_limit",
                    "库存现金未超过核定限额",
                    "Cash in vault within the approved limit",
                ),
                _item(
                    "damaged_notes",
                    "残损币、假币按规定登记、保管和上缴",
                    "Damaged and counterfeit notes registered, kept and handed in as required",
                    severity="low",
                    allow_na=True,
                ),
            ],
        },
        {
            "key": "vouchers",
            "title": _t("重要空白凭证及有价单证", "Blank vouchers and securities"),
            "items": [
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
                ),
                _item(
                    "securities",
                    "代保管有价单证登记清楚、收付有据",
                    "Securities in custody registered with receipts",
                    type_="count",
                    severity="low",
                    params={"unit": _t("份", "item(s)")},
                ),
            ],
        },
        {
            "key": "security",
            "title": _t("安全管理", "Security"),
            "items": [
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
                    "weekly_coverage",
                    "本周查库覆盖全部柜员",
                    "Every teller covered by this week's checks",
                    type_="computed",
                    rule="weekly_teller_coverage",
                    driver="supervision_lacking",
                    params={"slot": "tellers"},
                ),
            ],
        },
    ],
}

ANSWERS: dict[str, Any] = {
    "cash_count": {
        "rows": {"n100": {"bundles": 12, "straps": 8, "loose": 39}},
        "book_fen": 128400000,
    },
    "teller_boxes": {
        "rows": [
            {"teller": "E011", "system_fen": 5234567, "counted_fen": 5234567},
            {
                "teller": "E012",
                "system_fen": 812000,
                "counted_fen": 817000,
                "note": "-已查明：客户多付",
            },
        ]
    },
    "cash_limit": "yes",
    "damaged_notes": "na",
    "voucher_register": "yes",
    "voucher_custody": "yes",
    "seals": "yes",
    "securities": 3,
    "keys_split": "yes",
    "vault_log": "yes",
    "cctv": "yes",
}
NOTES = {"seals": "=1+1 <b>不是</b> & 公式", "securities": "@SUM(A1)"}
REPEATED = {"cash_count"}  # findings marked 屡查屡犯


def _padded(n_items: int | None) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """The template, answers and notes, with items repeated (new keys, longer texts) up to
    n_items."""
    content = copy.deepcopy(TEMPLATE)
    answers, notes = dict(ANSWERS), dict(NOTES)
    originals = [(s, list(s["items"])) for s in content["sections"]]
    total, i = sum(len(items) for _, items in originals), 0
    while n_items is not None and total < n_items:
        section, items = originals[i % len(originals)]
        base = items[i % len(items)]
        twin = copy.deepcopy(base) | {"key": f"{base['key']}_{i}"}
        twin["text"]["zh"] += f"（第 {i + 2} 次复核，检查范围含分理处及自助设备区域）"
        section["items"].append(twin)
        if base["key"] in answers:
            answers[twin["key"]] = answers[base["key"]]
        total, i = total + 1, i + 1
    return content, answers, notes


def evaluated(n_items: int | None = None) -> tuple[Any, dict[str, Any], Evaluation]:
    """The sample template, its parsed answers and the engine's evaluation of them."""
    content, raw, _ = _padded(n_items)
    template = template_from_content(content, "tests/branchcheck/records/sample.py").template
    ctx = EvalContext(
        template=template,
        local_date=LOCAL_DATE,
        inspector=INSPECTOR,
        people=PEOPLE,
        settings=Settings(),
        facts=FACTS,
    )
    values = {
        item.key: ITEM_TYPES[item.type].parse(item, raw[item.key], ctx)
        for item in template.items()
        if item.key in raw
    }
    ctx.answers = values
    return template, values, evaluate(template, values, ctx)


def _overall(counts: dict[str, int]) -> dict[str, str]:
    if counts["fail"]:
        return _t("发现问题", "Problems found")
    return (
        _t("合格（部分待定）", "Passed (some pending)")
        if counts["pending"]
        else _t("合格", "Passed")
    )


def build_doc(n_items: int | None = None) -> dict[str, Any]:
    """The sample vault check record; with n_items the sections are padded to that many items."""
    template, values, ev = evaluated(n_items)
    notes = _padded(n_items)[2]
    sections, tables = sections_of(template, ev, values, notes)
    names = {p.employee_no: p.name for p in [INSPECTOR, *(p for ps in PEOPLE.values() for p in ps)]}
    findings = [
        {
            "id": str(uuid.uuid5(uuid.UUID(RECORD_ID), f.problem_key)),
            "item_key": f.item_key,
            "title": dict(f.title),
            "severity": f.severity,
            "risk_driver": risk_driver_ref(f.risk_driver),
            "responsible": {"employee_no": f.responsible, "name": names[f.responsible]}
            if f.responsible
            else None,
            "due_date": f.due_date,
            "state": "open",
            "repeat": f.item_key in REPEATED,
        }
        for f in ev.findings
    ]
    counts = ev.counts()
    strokes_a = handwriting.demo_strokes("王建国")
    strokes_b = handwriting.demo_strokes("李梅")
    return {
        "format": "branchcheck-record/1",
        "pages": PAGES,
        "record_id": RECORD_ID,
        "version": 1,
        "supersedes": None,
        "branch": dict(BRANCH),
        "checklist": {
            "key": template.key,
            "version": template.version,
            "title": template.title.as_dict(),
            "record_title": template.record_title.as_dict(),
            "sha256": "9" * 64,
        },
        "inspector": {
            "employee_no": INSPECTOR.employee_no,
            "name": INSPECTOR.name,
            "role": _t("网点负责人", "Branch head"),
            "title": template.inspector.title.as_dict(),
        },
        "people": [
            {
                "slot": slot,
                "title": slot_title,
                "employee_no": p.employee_no,
                "name": p.name,
                "organisation": "",
            }
            for slot, slot_title in ((s.key, s.title.as_dict()) for s in template.people)
            for p in PEOPLE[slot]
        ],
        "local_date": LOCAL_DATE.isoformat(),
        "started_at": "2026-11-20T09:30:00+08:00",
        "completed_at": "2026-11-20T10:05:12+08:00",
        "sealed_at": "2026-11-20T10:07:40+08:00",
        "sections": sections,
        "tables": tables,
        "findings": findings,
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
            "items": len(ev.outcomes),
            "passed": counts["pass"],
            "failed": counts["fail"],
            "not_applicable": counts["na"],
            "pending": counts["pending"],
            "recorded": counts["info"],
            "findings": len(findings),
            "result": _overall(counts),
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
