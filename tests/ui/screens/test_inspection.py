from PySide6.QtCore import Qt

from branchcheck import inspections


def press_enter(qtbot, table, editor):
    """Enter in a cell editor commits it; Qt delivers that commit through the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def open_window(make_window, vault):
    iid = vault.start()
    window = make_window()
    vault.sign_in(window)
    assert window.stack.currentWidget() is window.inspection
    return iid, window


def test_yes_no_card_answers_by_key_and_commits(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    screen = window.inspection
    card = screen.cards["no_iou"]
    assert card.saved.text() == ""
    qtbot.keyClick(card.widget, Qt.Key.Key_N)
    assert inspections.load(people_store, iid).answers["no_iou"] == "no"  # committed right away
    assert card.saved.text() == "已保存 ✓"
    assert card.widget.buttons["no"].isChecked()
    assert "不符合" in card.result.text()
    qtbot.keyClick(card.widget, Qt.Key.Key_1)
    assert inspections.load(people_store, iid).answers["no_iou"] == "yes"
    assert screen.progress.value() == 1


def test_not_applicable_only_where_allowed(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    cards = window.inspection.cards
    assert "na" not in cards["no_iou"].widget.buttons
    qtbot.keyClick(cards["no_iou"].widget, Qt.Key.Key_A)  # ignored: not applicable is not allowed
    assert "no_iou" not in inspections.load(people_store, iid).answers
    qtbot.keyClick(cards["damaged_counterfeit"].widget, Qt.Key.Key_3)
    assert inspections.load(people_store, iid).answers["damaged_counterfeit"] == "na"


def test_enter_moves_to_the_next_card(make_window, vault, qtbot):
    _iid, window = open_window(make_window, vault)
    screen = window.inspection
    qtbot.keyClick(screen.cards["no_iou"].widget, Qt.Key.Key_Y)
    qtbot.keyClick(screen.cards["no_iou"].widget, Qt.Key.Key_Return)
    assert screen.cards["within_limit"].property("focusCard") == "true"
    assert screen.cards["no_iou"].property("focusCard") == "false"


def test_cash_grid_computes_live_and_commits(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    grid = window.inspection.cards["cash_count"].widget
    table = grid.table
    total_row = len(grid.dens)
    editor = grid.start_editing(0, grid.COL_BUNDLES)  # ¥100 notes
    qtbot.keyClicks(editor, "1")
    # computed while typing, before the cell is committed
    assert table.item(0, grid.COL_PIECES).text() == "1,000"
    assert table.item(0, grid.COL_AMOUNT).text() == "¥100,000.00"
    assert table.item(total_row, grid.COL_AMOUNT).text() == "¥100,000.00"
    press_enter(qtbot, table, editor)
    editor = grid.start_editing(1, grid.COL_LOOSE)  # ¥50 notes
    qtbot.keyClicks(editor, "3")
    assert table.item(1, grid.COL_AMOUNT).text() == "¥150.00"
    assert table.item(total_row, grid.COL_PIECES).text() == "1,003"
    assert grid.total_value.text() == "¥100,150.00"
    press_enter(qtbot, table, editor)
    assert "cash_count" not in inspections.load(people_store, iid).answers  # no book balance yet
    qtbot.keyClicks(grid.book, "100150")
    assert grid.diff_label.text() == "相符"
    qtbot.keyClick(grid.book, Qt.Key.Key_Return)
    saved = inspections.load(people_store, iid).answers["cash_count"]
    assert saved == {
        "rows": {
            "n100": {"bundles": 1, "straps": 0, "loose": 0},
            "n50": {"bundles": 0, "straps": 0, "loose": 3},
        },
        "book_fen": 10_015_000,
    }
    assert window.inspection.cards["cash_count"].saved.text() == "已保存 ✓"
    # a cell edit after the book balance is given commits again
    editor = grid.start_editing(2, grid.COL_STRAPS)
    qtbot.keyClicks(editor, "1")
    press_enter(qtbot, table, editor)
    saved = inspections.load(people_store, iid).answers["cash_count"]
    assert saved["rows"]["n20"] == {"bundles": 0, "straps": 1, "loose": 0}


def test_short_count_shows_shortage_in_red(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    card = window.inspection.cards["cash_count"]
    grid = card.widget
    table = grid.table
    editor = grid.start_editing(0, grid.COL_STRAPS)
    qtbot.keyClicks(editor, "2")
    press_enter(qtbot, table, editor)
    qtbot.keyClicks(grid.book, "20100")
    assert grid.diff_label.text() == "短款"
    assert grid.diff_value.text() == "-¥100.00"
    assert "#b3261e" in grid.diff_label.styleSheet()
    qtbot.keyClick(grid.book, Qt.Key.Key_Return)
    assert inspections.load(people_store, iid).answers["cash_count"]["book_fen"] == 2_010_000
    assert "短款 ¥100.00" in card.result.text()


def test_bad_book_balance_is_shown_inline_and_nothing_saved(
    make_window, vault, people_store, qtbot
):
    iid, window = open_window(make_window, vault)
    card = window.inspection.cards["cash_count"]
    card.widget.book.setText("12.345")
    card.widget.book.editingFinished.emit()
    assert not card.error.isHidden()
    assert "12.345" in card.error.text()
    assert "cash_count" not in inspections.load(people_store, iid).answers


def test_teller_box_table_commits_complete_rows(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    window.inspection.next_button.click()
    assert inspections.load(people_store, iid).current_section == 1
    boxes = window.inspection.cards["teller_boxes"].widget
    table = boxes.table
    assert table.rowCount() == 2
    assert table.item(0, boxes.COL_TELLER).text() == "张伟 (E004)"
    editor = boxes.start_editing(0, boxes.COL_SYSTEM)
    qtbot.keyClicks(editor, "5000")
    press_enter(qtbot, table, editor)
    assert "teller_boxes" not in inspections.load(people_store, iid).answers  # row not complete
    editor = boxes.start_editing(0, boxes.COL_COUNTED)
    qtbot.keyClicks(editor, "4990.5")
    assert "短款" in table.item(0, boxes.COL_DIFF).text()  # live
    press_enter(qtbot, table, editor)
    saved = inspections.load(people_store, iid).answers["teller_boxes"]
    assert saved == {
        "rows": [
            {
                "teller": "E004",
                "system_fen": 500_000,
                "counted_fen": 499_050,
                "vouchers_ok": True,
                "note": "",
            }
        ]
    }
    table.item(0, boxes.COL_VOUCHERS).setCheckState(Qt.CheckState.Unchecked)
    assert (
        inspections.load(people_store, iid).answers["teller_boxes"]["rows"][0]["vouchers_ok"]
        is False
    )


def test_resume_after_restart_in_the_same_section(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    qtbot.keyClick(window.inspection.cards["no_iou"].widget, Qt.Key.Key_Y)
    window.inspection.next_button.click()
    qtbot.keyClick(window.inspection.cards["daily_settlement"].widget, Qt.Key.Key_N)
    window.inspection.cards["daily_settlement"].note.setText("两名柜员未日结")
    window.inspection.cards["daily_settlement"].note.setModified(True)
    window.inspection.cards["daily_settlement"].note.editingFinished.emit()
    window.close()

    again = make_window()
    vault.sign_in(again)
    screen = again.inspection
    assert again.stack.currentWidget() is screen
    assert screen.section == 1
    assert screen.sections.currentRow() == 1
    card = screen.cards["daily_settlement"]
    assert card.widget.buttons["no"].isChecked()
    assert card.saved.text() == "已保存 ✓"
    assert card.note.text() == "两名柜员未日结"
    assert "不符合" in card.result.text()
    assert screen.progress.value() == 2


def test_complete_with_missing_items_lists_them_and_jumps(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    screen = window.inspection
    screen.go_to(2)
    screen.complete_button.click()
    assert inspections.load(people_store, iid).status == "in_progress"
    assert not screen.missing_frame.isHidden()
    assert "库存现金按券别清点，与账面相符" in screen.missing.text()
    assert "柜员库存现金每日日结" in screen.missing.text()
    assert screen.section == 0  # the first missing item's section
    assert screen.cards["cash_count"].error.text() == "必答项，尚未作答"
    assert screen.cards["cash_count"].property("focusCard") == "true"


def test_complete_goes_to_review_with_findings(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    vault.answer_everything(iid, short_fen=10_000)
    window.inspection.open(iid)
    window.inspection.complete_button.click()
    assert window.stack.currentWidget() is window.review
    review = window.review
    rows = {review.table.item(r, 0).text(): r for r in range(review.table.rowCount())}
    assert len(rows) == len(inspections.findings(people_store, iid))
    short = next(r for title, r in rows.items() if "短款" in title)
    assert review.table.item(short, 1).text() == "严重"
    assert review.table.item(short, 2).text() == "李梅 (E003)"
    assert "个问题" in review.summary.text()
    review.sign_button.click()
    assert window.stack.currentWidget() is window.signing
    assert len(window.signing.boxes) == 4  # inspector, vault keeper, two tellers


def test_a_shortcut_moves_between_sections_and_the_heading_says_which(
    make_window, vault, people_store, qtbot
):
    iid, window = open_window(make_window, vault)
    screen = window.inspection
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen.cards["no_iou"].widget.setFocus()
    assert "Ctrl+PgDown" in screen.heading.toolTip()
    qtbot.keyClick(
        screen.cards["no_iou"].widget, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert screen.section == 1 and inspections.load(people_store, iid).current_section == 1
    assert screen.heading.text() == "柜员尾箱"
    first = screen._card_order[0]
    qtbot.keyClick(
        first.widget.focus_target(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert screen.section == 0


def test_enter_on_a_sections_last_item_goes_to_the_next_section(make_window, vault, qtbot):
    _iid, window = open_window(make_window, vault)
    screen = window.inspection
    last = screen._card_order[-1]
    qtbot.keyClick(last.widget, Qt.Key.Key_Y)
    qtbot.keyClick(last.widget, Qt.Key.Key_Return)
    assert screen.section == 1
    assert screen._card_order[0].property("focusCard") == "true"


def test_focus_starts_on_the_count_grids_first_cell_to_fill(make_window, vault, qtbot):
    _iid, window = open_window(make_window, vault)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    grid = window.inspection.cards["cash_count"].widget
    window.inspection.focus_card(window.inspection.cards["cash_count"])
    qtbot.waitUntil(grid.table.hasFocus)
    assert (grid.table.currentRow(), grid.table.currentColumn()) == (0, grid.COL_BUNDLES)


def test_tab_leaves_the_teller_table_after_its_last_cell(make_window, vault, qtbot):
    _iid, window = open_window(make_window, vault)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.inspection
    screen.next_button.click()
    card = screen.cards["teller_boxes"]
    table = card.widget.table
    table.setFocus()
    table.setCurrentCell(1, card.widget.COL_NOTE)  # the last cell a person fills in
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert card.note.hasFocus()
