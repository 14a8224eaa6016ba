"""The answer widgets of the handover, ATM, voucher and account-review checklists, each on a real
store inside the real inspection screen: restore a saved answer, commit an edit, show a figure."""

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from branchcheck import inspections
from branchcheck.accounts import record as account_review
from branchcheck.paths import examples_dir
from branchcheck.people import register as staff
from ui.items.vouchers import split_ranges
from ui.screens.inspection import InspectionScreen

EXAMPLES = examples_dir() / "answers"

ACCOUNTS_CSV = """\
账号,户名,客户号,账户性质,开户日期,最后动户日期,余额,是否欠款,证明文件有效期至,营业执照状态,人行账户状态,行内账户状态,特殊长期不动户类别,预留手机号,注册地址,法定代表人
6222000100010001,赣州市华联商贸有限公司,C0001,基本存款账户,2015-03-02,2026-10-30,12500.00,否,2030-12-31,存续,正常,正常,,13907970001,红旗大道1号,李华
6222000100010002,赣州市宏达家具厂,C0002,基本存款账户,2012-05-11,2024-01-15,300.00,否,2030-12-31,存续,正常,正常,,13907970002,家具城8号,王强
6222000100010003,赣州市云端科技有限公司,C0003,一般存款账户,2019-07-20,2026-11-01,8800.00,否,2025-06-30,存续,正常,正常,,13907970003,创业路5号,陈明
6222000100010004,赣州市恒通物流有限公司,C0004,基本存款账户,2018-01-09,2026-09-12,0,否,2031-01-01,注销,正常,正常,,13907970004,贡江大道2号,刘洋
"""


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def press_enter(qtbot, table, editor):
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


@pytest.fixture
def screen(qtbot, people_store, home):
    def make(iid: str, section: int = 0) -> InspectionScreen:
        s = InspectionScreen(people_store, home=home)
        qtbot.addWidget(s)
        s.resize(1280, 800)
        s.open(iid)
        s.go_to(section)
        return s

    return make


def saved(store, iid, key):
    return inspections.load(store, iid).answers.get(key)


# ---------------------------------------------------------------- the vault's count grid


@pytest.fixture
def vault_check(people_store):
    return inspections.start(
        people_store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004", "E005"]},
    )


def type_cell(qtbot, grid, row, col, text):
    editor = grid.start_editing(row, col)
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    press_enter(qtbot, grid.table, editor)


def test_count_grid_takes_a_book_figure_per_denomination(vault_check, people_store, screen, qtbot):
    card = screen(vault_check).cards["cash_count"]
    grid = card.widget
    table = grid.table
    type_cell(qtbot, grid, 0, grid.COL_STRAPS, "2")  # ¥100 × 200 = ¥20,000.00
    type_cell(qtbot, grid, 1, grid.COL_STRAPS, "4")  # ¥50 × 400 = ¥20,000.00
    type_cell(qtbot, grid, 0, grid.COL_BOOK, "19900")
    assert table.item(0, grid.COL_DIFF).text() == "+¥100.00 长款"
    assert saved(people_store, vault_check, "cash_count") is None  # ¥50 has no book figure yet
    assert grid.book.isReadOnly()
    type_cell(qtbot, grid, 1, grid.COL_BOOK, "20100")
    assert table.item(1, grid.COL_DIFF).text() == "-¥100.00 短款"
    assert table.item(1, grid.COL_DIFF).foreground().color().name() == "#b3261e"
    # the total agrees, the two denominations do not: both shown, never netted
    assert grid.book.text() == "40000.00"
    assert "长款合计 +¥100.00" in grid.diff_value.text()
    assert "短款合计 -¥100.00" in grid.diff_value.text()
    assert saved(people_store, vault_check, "cash_count") == {
        "rows": {
            "n100": {"bundles": 0, "straps": 2, "loose": 0, "book_fen": 1_990_000},
            "n50": {"bundles": 0, "straps": 4, "loose": 0, "book_fen": 2_010_000},
        },
        "book_fen": 4_000_000,
    }
    assert "2 个券别不符" in card.result.text()
    # cleared book figures give the total back to the book field
    for row in (0, 1):
        type_cell(qtbot, grid, row, grid.COL_BOOK, "")
    assert not grid.book.isReadOnly() and table.item(0, grid.COL_DIFF).text() == ""


def test_count_grid_restores_the_example(vault_check, people_store, screen):
    inspections.answer(
        people_store, vault_check, "cash_count", example("vault_check")["answers"]["cash_count"]
    )
    grid = screen(vault_check).cards["cash_count"].widget
    assert grid.table.item(0, grid.COL_BOOK).text() == "231200.00"
    assert grid.table.item(0, grid.COL_DIFF).text() == "相符"
    assert grid.value() == example("vault_check")["answers"]["cash_count"]


# ---------------------------------------------------------------- cash-box handover


@pytest.fixture
def handover(people_store):
    for no, name, id_number in (
        ("X001", "黄海", "360702198803151234"),
        ("X002", "林涛", "360702199107227654"),
    ):
        staff.add_staff(
            people_store,
            employee_no=no,
            name=name,
            roles=["escort"],
            external=True,
            organisation="赣州市金盾押运有限公司",
            id_number=id_number,
        )
    return inspections.start(
        people_store,
        checklist="cashbox_handover",
        inspector="E010",
        people=example("cashbox_handover")["people"],
    )


def test_escort_check_prefills_commits_and_restores(handover, people_store, screen):
    s = screen(handover)
    card = s.cards["escort_identity"]
    escorts = card.widget
    assert escorts.table.item(0, escorts.COL_ESCORT).text() == "黄海 (X001)"
    assert escorts.table.item(0, escorts.COL_ID).text() == "360702198803151234"  # from the register
    escorts.set_match(0, True)
    answer = saved(people_store, handover, "escort_identity")
    assert answer["rows"] == [
        {
            "escort": "X001",
            "id_number": "360702198803151234",
            "methods": ["work_card", "dispatch_sheet"],
            "matches": True,
            "note": "",
        }
    ]
    assert card.saved.text() == "已保存 ✓"
    escorts.set_match(1, False)
    assert saved(people_store, handover, "escort_identity")["rows"][1]["matches"] is False
    assert "交接中止" in card.result.text()

    again = screen(handover).cards["escort_identity"].widget
    assert again.match_boxes[1].currentText() == "不符"
    assert again.table.item(1, again.COL_ID).text() == "360702199107227654"


def test_an_escort_row_begun_and_not_finished_is_kept_as_a_draft(handover, people_store, screen):
    s = screen(handover)
    escorts = s.cards["escort_identity"].widget
    escorts.table.item(0, escorts.COL_ID).setText("36070219880315")  # being typed: 14 of 18
    s.flush_drafts()
    assert "18 位" in s.cards["escort_identity"].error.text()  # still told after the draft saved
    draft = inspections.load(people_store, handover).drafts["escort_identity"].value
    assert draft["rows"][0][:2] == ["X001", "36070219880315"]
    assert saved(people_store, handover, "escort_identity") is None
    again = screen(handover).cards["escort_identity"].widget
    assert again.table.item(0, again.COL_ID).text() == "36070219880315"
    again.table.item(0, again.COL_ID).setText("360702198803151234")
    again.set_match(0, True)
    assert saved(people_store, handover, "escort_identity")["rows"][0]["matches"] is True
    assert inspections.load(people_store, handover).drafts == {}


def test_a_box_without_its_seal_is_kept_as_a_draft(handover, people_store, screen):
    s = screen(handover, 1)
    widget = s.cards["box_list"].widget
    r = widget.actual.add_row()
    widget.actual.table.item(r, 0).setText("GZ0101-07")
    s.flush_drafts()
    rows = inspections.load(people_store, handover).drafts["box_list"].value["rows"]
    assert rows == [["actual", "GZ0101-07", "", True, True]]
    again = screen(handover, 1).cards["box_list"].widget
    assert again.actual.cells() == [["GZ0101-07", "", True, True]]


def test_box_list_shows_a_missing_box_and_commits_the_fix(handover, people_store, screen, qtbot):
    boxes = example("cashbox_handover")["answers"]["box_list"]
    short = {"expected": boxes["expected"], "actual": boxes["actual"][:3]}
    inspections.answer(people_store, handover, "box_list", short)
    card = screen(handover, 1).cards["box_list"]
    widget = card.widget
    assert widget.expected.table.rowCount() == 4  # restored
    assert widget.actual.table.rowCount() == 3
    assert not widget.banner.isHidden()
    assert "交接中止" in widget.banner.text()
    assert "缺少" in widget.details.text() and "GZ0101-04" in widget.details.text()
    assert "差数 -1" in widget.counts.text()

    # the fourth box is typed in on the actual side, lower case, through the cell editor
    table = widget.actual.table
    widget.actual.add_button.click()
    qtbot.keyClicks(table.viewport().focusWidget(), "gz0101-04")
    press_enter(qtbot, table, table.viewport().focusWidget())
    table.item(3, 1).setText("JD2026112004")
    answer = saved(people_store, handover, "box_list")
    assert answer["actual"][3] == {
        "box": "GZ0101-04",
        "seal": "JD2026112004",
        "lock_ok": True,
        "seal_ok": True,
    }
    assert widget.banner.isHidden()
    assert card.saved.text() == "已保存 ✓"
    # a wrong seal number on another box shows up at once
    table.item(0, 1).setText("JD0000000000")
    assert "封签号不符" in widget.details.text()
    assert not widget.banner.isHidden()


# ---------------------------------------------------------------- ATM


@pytest.fixture
def atm(people_store):
    return inspections.start(
        people_store,
        checklist="atm_replenishment",
        inspector="E010",
        people=example("atm_replenishment")["people"],
    )


def test_cassette_table_shows_a_shortage_and_commits_an_edit(atm, people_store, screen, qtbot):
    inspections.answer(
        people_store, atm, "cassettes", example("atm_replenishment")["answers"]["cassettes"]
    )
    card = screen(atm, 1).cards["cassettes"]
    grid = card.widget
    table = grid.table
    assert table.rowCount() == 4
    assert table.item(3, grid.COL_EXPECTED).text() == "1,388"
    assert table.item(3, grid.COL_COUNTED).text() == "1,387"
    diff = table.item(3, grid.COL_DIFF)
    assert "短款" in diff.text() and "-¥50.00" in diff.text()
    assert diff.foreground().color().name() == "#b3261e"
    assert table.item(0, grid.COL_DIFF).text() == "相符"
    assert grid.results["host_diff"].text() == "-¥50.00 短款"
    # the cassettes' overages and shortages, each on its own line
    assert grid.results["overages"].text() == "¥0.00"
    assert grid.results["shortages"].text() == "-¥50.00"

    editor = grid.start_editing(3, grid.COL_REMAINING)
    editor.selectAll()
    qtbot.keyClicks(editor, "1386")
    assert table.item(3, grid.COL_DIFF).text() == "相符"  # live, before the cell is committed
    press_enter(qtbot, table, editor)
    answer = saved(people_store, atm, "cassettes")
    assert answer["cassettes"][3]["remaining"] == 1386
    assert card.saved.text() == "已保存 ✓"
    assert grid.results["host_diff"].text() == "相符"
    assert grid.results["shortages"].text() == "¥0.00"


def test_cassettes_counted_before_the_host_figure_are_kept_as_a_draft(
    atm, people_store, screen, qtbot
):
    s = screen(atm, 1)
    card = s.cards["cassettes"]
    grid = card.widget
    editor = grid.start_editing(0, grid.COL_LAST)
    qtbot.keyClicks(editor, "2000")
    press_enter(qtbot, grid.table, editor)
    s.flush_drafts()
    draft = inspections.load(people_store, atm).drafts["cassettes"].value
    assert draft["rows"][0][0] == "1" and draft["rows"][0][2] == "2000"
    assert draft["fields"]["host_fen"] == ""
    assert saved(people_store, atm, "cassettes") is None
    assert card.saved.text() == "草稿（未完成）已保存"
    again = screen(atm, 1).cards["cassettes"].widget  # resumed: the cells come back
    assert again.table.item(0, again.COL_LAST).text() == "2000"
    assert again.den_boxes[0].currentData() == draft["rows"][0][1]


def test_a_refused_cassette_figure_puts_the_keyboard_on_its_cell(atm, people_store, screen):
    s = screen(atm, 1)
    card = s.cards["cassettes"]
    raw = example("atm_replenishment")["answers"]["cassettes"]
    card.widget.set_value(raw)
    raw["cassettes"][2] = raw["cassettes"][2] | {"dispensed": 10**7}
    card.widget.answered.emit(raw)
    assert "第 3 行" in card.error.text() and "已付出张数" in card.error.text()
    table = card.widget.table
    assert (table.currentRow(), table.currentColumn()) == (2, card.widget.COL_DISPENSED)


def test_a_line_typed_and_not_finished_is_kept_as_a_draft(atm, people_store, screen, qtbot):
    s = screen(atm, 0)
    card = s.cards["terminal_id"]
    card.widget.edit.setFocus()
    qtbot.keyClicks(card.widget.edit, "ATM-0")
    s.flush_drafts()
    assert inspections.load(people_store, atm).drafts["terminal_id"].value == "ATM-0"
    assert screen(atm, 0).cards["terminal_id"].widget.edit.text() == "ATM-0"
    qtbot.keyClicks(card.widget.edit, "7")
    card.widget.edit.editingFinished.emit()
    assert saved(people_store, atm, "terminal_id") == "ATM-07"
    assert inspections.load(people_store, atm).drafts == {}
    # typed away and back to the answer: answered again, no draft left behind
    card.widget.edit.setText("ATM-0")
    card.widget.edit.textEdited.emit("ATM-0")
    card.widget.edit.setText("ATM-07")
    card.widget.edit.editingFinished.emit()
    s.flush_drafts()
    assert saved(people_store, atm, "terminal_id") == "ATM-07"
    assert inspections.load(people_store, atm).drafts == {}


def test_a_difference_without_its_amount_is_kept_as_a_draft(atm, people_store, screen, qtbot):
    s = screen(atm, 1)
    widget = s.cards["open_differences"].widget
    r = widget.add_row()
    widget.table.item(r, widget.COL_DATE).setText("2026-11-20")
    s.flush_drafts()
    assert inspections.load(people_store, atm).drafts["open_differences"].value == {
        "rows": [["2026-11-20", "", ""]]
    }
    again = screen(atm, 1).cards["open_differences"].widget
    assert again.table.rowCount() == 1
    assert again.table.item(0, again.COL_DATE).text() == "2026-11-20"
    again.table.item(0, again.COL_AMOUNT).setText("-50")
    assert saved(people_store, atm, "open_differences")["rows"][0]["amount_fen"] == -5000
    assert inspections.load(people_store, atm).drafts == {}


def test_open_differences_none_and_a_late_one(atm, people_store, screen):
    card = screen(atm, 1).cards["open_differences"]
    widget = card.widget
    widget.none_button.click()
    assert saved(people_store, atm, "open_differences") == {"rows": []}
    widget.add_row()
    widget.table.item(0, widget.COL_DATE).setText("2020-01-02")
    widget.table.item(0, widget.COL_AMOUNT).setText("-100")
    assert saved(people_store, atm, "open_differences")["rows"][0]["amount_fen"] == -10_000
    assert widget.table.item(0, widget.COL_KIND).text() == "短款"
    assert "超期" in widget.table.item(0, widget.COL_AGE).text()
    assert not widget.none_button.isChecked()


# ---------------------------------------------------------------- blank vouchers


@pytest.fixture
def vouchers(people_store):
    return inspections.start(
        people_store,
        checklist="blank_vouchers",
        inspector="E001",
        people=example("blank_vouchers")["people"],
    )


def test_voucher_ranges_show_a_gap_live_and_commit(vouchers, people_store, screen, qtbot):
    card = screen(vouchers).cards["vouchers"]
    widget = card.widget
    block = widget.blocks["cash_cheque"]
    qtbot.keyClicks(block.edits["opening"], "00412301-00412350")
    qtbot.keyClicks(block.edits["used"], "00412301 - 00412310, 00412312")
    qtbot.keyClicks(block.edits["on_hand"], "00412313-00412350")
    assert "缺号 1" in block.issues.text() and "00412311" in block.issues.text()
    assert block.next_value.text() == "00412313"
    assert saved(people_store, vouchers, "vouchers") is None  # no physical count yet
    qtbot.keyClicks(block.edits["physical"], "38")
    assert block.diff_value.text() == "-1 实物短少"  # closing 50 − 11 = 39
    block.edits["physical"].editingFinished.emit()
    answer = saved(people_store, vouchers, "vouchers")
    assert answer["rows"]["cash_cheque"]["used"] == [
        ["00412301", "00412310"],
        ["00412312", "00412312"],
    ]
    assert answer["rows"]["cash_cheque"]["physical"] == 38
    assert "1 种不符" in card.result.text()
    assert widget.tabs.tabText(0).endswith("⚠")


def test_voucher_ranges_typed_before_the_count_are_kept_as_a_draft(
    vouchers, people_store, screen, qtbot
):
    s = screen(vouchers)
    block = s.cards["vouchers"].widget.blocks["cash_cheque"]
    qtbot.keyClicks(block.edits["opening"], "00412301-00412350")
    block.edits["opening"].editingFinished.emit()
    s.flush_drafts()
    rows = inspections.load(people_store, vouchers).drafts["vouchers"].value["rows"]
    assert ["cash_cheque", "00412301-00412350"] == rows[0][:2]
    assert saved(people_store, vouchers, "vouchers") is None
    again = screen(vouchers).cards["vouchers"].widget.blocks["cash_cheque"]
    assert again.edits["opening"].text() == "00412301-00412350"


def test_range_text_is_split_for_the_core():
    assert split_ranges("00412301 – 00412310，00412312、 00412320~00412322") == [
        "00412301-00412310",
        "00412312",
        "00412320-00412322",
    ]


def test_voucher_table_restores_the_example(vouchers, people_store, screen):
    inspections.answer(
        people_store, vouchers, "vouchers", example("blank_vouchers")["answers"]["vouchers"]
    )
    widget = screen(vouchers).cards["vouchers"].widget
    block = widget.blocks["transfer_cheque"]
    assert block.edits["used"].text() == "10285626-10285630, 10285632-10285640"
    assert block.edits["sold"].text() == "10285601-10285625"
    assert "跳号 1" in block.issues.text() and "10285631" in block.issues.text()
    assert widget.blocks["passbook"].edits["voided"].text() == "0061200038-0061200039"
    assert widget.blocks["passbook"].next_value.text() == "0061200040"


def sealed_voucher_check(store, rows, day):
    from datetime import datetime

    from branchcheck.db.models import Inspection

    iid = inspections.start(
        store,
        checklist="blank_vouchers",
        inspector="E001",
        people=example("blank_vouchers")["people"],
        now=datetime.fromisoformat(f"{day}T17:00:00+08:00"),
    )
    inspections.answer(store, iid, "vouchers", {"rows": rows})
    with store.session() as s:
        s.get(Inspection, iid).status = "sealed"  # as sealing leaves it; the keys are not the point
    return iid


def test_voucher_opening_is_prefilled_from_the_last_sealed_check(people_store, screen, qtbot):
    last = sealed_voucher_check(
        people_store,
        {
            "transfer_cheque": {
                "opening": ["10285601-10285700"],
                "used": ["10285601-10285630", "10285632-10285640"],
                "on_hand": ["10285631", "10285641-10285700"],
                "physical": 61,
            }
        },
        (date.today() - timedelta(days=7)).isoformat(),
    )
    iid = inspections.start(
        people_store,
        checklist="blank_vouchers",
        inspector="E001",
        people=example("blank_vouchers")["people"],
    )
    widget = screen(iid).cards["vouchers"].widget
    block = widget.blocks["transfer_cheque"]
    assert block.edits["opening"].text() == "10285631, 10285641-10285700"
    assert last[:8] in block.carry_note.text()
    assert widget.blocks["cash_cheque"].edits["opening"].text() == ""
    block.edits["opening"].clear()
    qtbot.keyClicks(block.edits["opening"], "10285651-10285700")
    assert "上次结存未列入 11" in block.issues.text()
    assert "10285631、10285641–10285650" in block.issues.text()
    assert widget.tabs.tabText(widget.tabs.indexOf(block)).endswith("⚠")


def test_voucher_sold_numbers_and_an_overlap_never_offered_next(
    vouchers, people_store, screen, qtbot
):
    widget = screen(vouchers).cards["vouchers"].widget
    block = widget.blocks["cash_cheque"]
    qtbot.keyClicks(block.edits["opening"], "00412301-00412350")
    qtbot.keyClicks(block.edits["used"], "00412301-00412310")
    qtbot.keyClicks(block.edits["sold"], "00412311-00412320")
    qtbot.keyClicks(block.edits["on_hand"], "00412318-00412350")  # 3 sold numbers again
    assert block.next_value.text() == "00412321"
    assert "重号 3" in block.issues.text()
    qtbot.keyClicks(block.edits["physical"], "30")
    assert block.diff_value.text() == "相符"
    block.edits["physical"].editingFinished.emit()
    answer = saved(people_store, vouchers, "vouchers")
    assert answer["rows"]["cash_cheque"]["sold"] == [["00412311", "00412320"]]


# ---------------------------------------------------------------- account-list review


def test_account_review_filters_and_decides(people_store, screen, tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text(ACCOUNTS_CSV, encoding="utf-8")
    iid, _rv = account_review.start_review(
        people_store, path, as_of=date(2026, 11, 20), inspector="E001"
    )
    card = screen(iid).cards["account_list"]
    widget = card.widget
    assert widget.model.rowCount() == 3
    assert widget.undecided() == 3
    assert "未处理 3" in widget.counts.text()
    flags = [widget.flag_filter.itemData(i) for i in range(widget.flag_filter.count())]
    assert flags == [None, "DOCS_EXPIRED", "DORMANT", "DEREGISTERED"]
    widget.flag_filter.setCurrentIndex(2)
    assert widget.proxy.rowCount() == 1
    assert widget.proxy.index(0, 0).data() == "6222000100010002"
    widget.flag_filter.setCurrentIndex(0)
    widget.search.setText("恒通")
    assert widget.proxy.rowCount() == 1

    widget.decide("6222000100010002", "applied")
    assert widget.undecided() == 2
    assert "未处理 2" in widget.counts.text()
    rows = {r["account_no"]: r for r in saved(people_store, iid, "account_list")["rows"]}
    assert rows["6222000100010002"]["decision"] == "applied"
    assert card.saved.text() == "已保存 ✓"

    widget.decide("6222000100010004", "rectify")
    rows = {r["account_no"]: r for r in saved(people_store, iid, "account_list")["rows"]}
    assert rows["6222000100010004"]["due_date"]  # proposed at once, editable in the table
    # the core's default: the inspection's date + settings.rectify_days (30)
    assert date.fromisoformat(rows["6222000100010004"]["due_date"]) - widget.today == timedelta(30)
    due = widget.proxy.mapFromSource(widget.model.index(2, widget.model.COL_DUE))
    assert widget.proxy.flags(due) & Qt.ItemFlag.ItemIsEditable

    # 已说明 without a reason is not committed; the reason column is opened instead
    widget.decide("6222000100010003", "explained")
    assert not card.error.isHidden()
    rows = {r["account_no"]: r for r in saved(people_store, iid, "account_list")["rows"]}
    assert rows["6222000100010003"]["decision"] is None
    reason = widget.model.index(1, widget.model.COL_REASON)
    widget.model.setData(reason, "已补交营业执照，系统更新中")
    rows = {r["account_no"]: r for r in saved(people_store, iid, "account_list")["rows"]}
    assert rows["6222000100010003"]["decision"] == "explained"
    assert widget.undecided() == 0

    again = screen(iid).cards["account_list"].widget
    assert again.undecided() == 0
    assert again.model.index(1, again.model.COL_DECISION).data() == "已说明"


def test_new_widgets_switch_language_live(atm, people_store, screen, qtbot):
    from ui import i18n

    inspections.answer(
        people_store, atm, "cassettes", example("atm_replenishment")["answers"]["cassettes"]
    )
    grid = screen(atm, 1).cards["cassettes"].widget
    try:
        i18n.set_language("en")
        qtbot.waitUntil(lambda: grid.table.horizontalHeaderItem(0).text() == "Cassette")
        assert "shortage" in grid.table.item(3, grid.COL_DIFF).text()
        assert grid.den_boxes[3].currentText() == "¥50 note"
    finally:
        i18n.set_language("zh")
    qtbot.waitUntil(lambda: grid.table.horizontalHeaderItem(0).text() == "钞箱")


def test_date_and_datetime_widgets_restore_and_answer(qtbot):
    """Both calendar fields restore a stored answer and answer on Enter in their own format."""
    from PySide6.QtCore import Qt

    from branchcheck.checklists import Item
    from ui.items.basic import DateTimeWidget, DateWidget

    def item(type_):
        return Item(
            key="when",
            type=type_,
            text={"zh": "时间", "en": "When"},
            risk_driver="steps_skipped",
            source="test",
        )

    for cls, type_, stored, expected in (
        (DateWidget, "date", "2026-11-20", "2026-11-20"),
        (DateTimeWidget, "datetime", "2026-11-20T09:30+08:00", "2026-11-20T09:30"),
    ):
        widget = cls(item(type_), ctx=None)
        qtbot.addWidget(widget)
        widget.set_value(stored)
        with qtbot.waitSignal(widget.answered) as got:
            qtbot.keyPress(widget, Qt.Key.Key_Return)
        assert got.args == [expected]
