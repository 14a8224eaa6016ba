"""Screenshots 10–15: the handover box list and escort check, the ATM cassettes, voucher ranges
with a gap, the account import and the account review table."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QScrollArea

from branchcheck.paths import examples_dir
from tools.screenshots import Shots, take

HEADER = (
    "账号,户名,客户号,账户性质,开户日期,最后动户日期,余额,是否欠款,证明文件有效期至,"
    "营业执照状态,人行账户状态,行内账户状态,特殊长期不动户类别,预留手机号,注册地址,法定代表人"
)
TRADES = ["商贸", "建材", "物流", "科技", "家具", "食品", "电子", "餐饮", "农业", "医药"]
ROADS = ["红旗大道", "长征大道", "文明大道", "章江路", "贡江大道", "创业路"]
PLACES = ["章贡区", "南康区", "赣县区", "于都县", "信丰县", "瑞金市", "龙南市", "蓉江新区"]


def _example(name: str) -> dict[str, Any]:
    return json.loads((examples_dir() / "answers" / f"{name}.json").read_text("utf-8"))


def account_list(path: Path, n: int = 2400, seed: int = 7) -> Path:
    """A synthetic core-system export: mostly clean accounts, a few out of line."""
    rng = random.Random(seed)
    lines = [HEADER]
    for i in range(n):
        place, trade = rng.choice(PLACES), rng.choice(TRADES)
        last = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
        docs, licence, host = "2030-12-31", "存续", "正常"
        roll = rng.random()
        if roll < 0.03:
            last = f"20{rng.randint(21, 24)}-{rng.randint(1, 12):02d}-15"
        elif roll < 0.06:
            docs = f"2025-{rng.randint(1, 12):02d}-28"
        elif roll < 0.07:
            licence = "注销"
        elif roll < 0.075:
            licence = "吊销"
        date_opened = "不是日期" if i in (311, 1207) else f"20{rng.randint(10, 22)}-05-11"
        lines.append(
            ",".join(
                [
                    f"62220001{i:08d}",
                    f"赣州市{place}{rng.choice('华宏恒鑫瑞丰')}{rng.choice('达通盛源泰')}{trade}有限公司",
                    f"C{i:06d}",
                    "基本存款账户",
                    date_opened,
                    last,
                    f"{rng.randint(0, 900000)}.{rng.randint(0, 99):02d}",
                    "否",
                    docs,
                    licence,
                    "正常",
                    host,
                    "",
                    f"139{rng.randint(0, 99_999_999):08d}",
                    f"{place}{rng.choice(ROADS)}{i + 1}号",
                    f"法人{i}",
                ]
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def shoot(s: Shots) -> None:
    from branchcheck import inspections
    from ui.items.accounts import AccountListReviewWidget

    store, window = s.store, s.window
    s.sign_in()
    screen = window.inspection

    # 10 the box list: box 04 was not handed over, box 02's seal differs
    ex = _example("cashbox_handover")
    iid = inspections.start(
        store, checklist="cashbox_handover", inspector="E010", people=ex["people"]
    )
    boxes = ex["answers"]["box_list"]
    actual = [dict(r) for r in boxes["actual"][:3]]
    actual[1]["seal"] = "JD2026112092"
    inspections.answer(store, iid, "box_list", {"expected": boxes["expected"], "actual": actual})
    inspections.answer(store, iid, "escort_identity", ex["answers"]["escort_identity"])
    window.show_inspection(iid)
    s.settle()
    screen.go_to(1)
    s.settle()
    screen.focus_card(screen.cards["box_list"])
    s.save(window, "10_box_list.png")
    screen.go_to(0)
    s.settle()
    screen.focus_card(screen.cards["escort_identity"])
    s.settle()
    screen._scroll_to(screen.cards["escort_identity"])
    s.save(window, "15_escort_check.png")

    # 11 the cassette table: cassette 4 one ¥50 note short
    ex = _example("atm_replenishment")
    iid = inspections.start(
        store, checklist="atm_replenishment", inspector="E010", people=ex["people"]
    )
    inspections.answer(store, iid, "cassettes", ex["answers"]["cassettes"])
    window.show_inspection(iid)
    s.settle()
    screen.go_to(1)
    s.settle()
    screen.focus_card(screen.cards["cassettes"])
    s.save(window, "11_cassettes.png")

    # 12 voucher ranges with a gap: 00412319 used but never accounted for
    ex = _example("blank_vouchers")
    iid = inspections.start(
        store, checklist="blank_vouchers", inspector="E001", people=ex["people"]
    )
    vouchers = json.loads(json.dumps(ex["answers"]["vouchers"]))
    vouchers["rows"]["cash_cheque"]["voided"] = []
    vouchers["rows"]["cash_cheque"]["physical"] = 74
    inspections.answer(store, iid, "vouchers", vouchers)
    window.show_inspection(iid)
    s.settle()
    screen.focus_card(screen.cards["vouchers"])
    s.save(window, "12_voucher_ranges.png")

    # 13 the account import: progress done, the summary
    window.show_home()
    s.settle()
    window.home_screen.import_button.click()
    s.settle()
    dialog = window.import_dialog
    if dialog is None:
        raise RuntimeError("导入账户清单 did not open")
    dialog.file_edit.setText(str(account_list(s.home / "对公账户清单_20261120.csv")))
    dialog.checker.setCurrentIndex(max(dialog.checker.findData("E010"), 0))
    dialog.start()  # on the worker; the window then opens the new review
    s.settle()
    if dialog.inspection_id is None:
        raise RuntimeError(f"the account import failed: {dialog.error.text()}")
    dialog.adjustSize()
    s.save(dialog, "13_account_import.png")
    dialog.close_button.click()

    # 14 the review table, a few accounts decided
    review = s.item("account_list", AccountListReviewWidget)
    rows = review.model.rows
    review.decide(rows[0]["account_no"], "applied")
    review.decide(rows[1]["account_no"], "rectify")
    review.decide(rows[2]["account_no"], "explained", reason="客户已提交新营业执照，待系统更新")
    s.settle()
    screen.focus_card(screen.cards["account_list"])
    review.view.selectRow(1)
    s.settle()
    area = screen.findChild(QScrollArea)  # the screen's scroll area, whatever its attribute
    if area is None:
        raise RuntimeError("the inspection screen has no scroll area")
    area.verticalScrollBar().setValue(150)
    s.save(window, "14_account_review.png")


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.widgets", shoot))
