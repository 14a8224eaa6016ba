"""Nothing typed is lost: a table filled in part and a note on an unanswered item are kept as
drafts, marked 草稿（未完成） only once committed, shown again on resume and never counted."""

from PySide6.QtCore import Qt

from branchcheck import inspections

DRAFT_MARK = "草稿（未完成）已保存"


def press_enter(qtbot, table, editor):
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def open_window(make_window, vault):
    iid = vault.start()
    window = make_window()
    vault.sign_in(window)
    return iid, window


def type_cell(qtbot, grid, row, col, text):
    editor = grid.start_editing(row, col)
    qtbot.keyClicks(editor, text)
    press_enter(qtbot, grid.table, editor)


def drafts(store, iid):
    return inspections.load(store, iid).drafts


def test_a_half_counted_vault_is_saved_as_a_draft_after_a_pause(
    make_window, vault, people_store, qtbot
):
    iid, window = open_window(make_window, vault)
    card = window.inspection.cards["cash_count"]
    grid = card.widget
    type_cell(qtbot, grid, 0, grid.COL_BUNDLES, "2")
    type_cell(qtbot, grid, 1, grid.COL_LOOSE, "7")
    assert card.saved.text() == ""  # not yet committed: no mark
    qtbot.waitUntil(lambda: card.saved.text() == DRAFT_MARK, timeout=2000)
    draft = drafts(people_store, iid)["cash_count"].value
    assert draft == {
        "rows": [["n100", "2", "", "", ""], ["n50", "", "", "7", ""]],
        "fields": {"book": ""},
    }
    assert "cash_count" not in inspections.load(people_store, iid).answers
    assert window.inspection.progress.value() == 0
    # the book balance makes it an answer: the draft is gone
    qtbot.keyClicks(grid.book, "200003.5")
    qtbot.keyClick(grid.book, Qt.Key.Key_Return)
    assert inspections.load(people_store, iid).answers["cash_count"]["book_fen"] == 20_000_350
    assert drafts(people_store, iid) == {}
    assert card.saved.text() == "已保存 ✓"


def test_a_draft_comes_back_on_resume_marked_as_such(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    grid = window.inspection.cards["cash_count"].widget
    type_cell(qtbot, grid, 2, grid.COL_STRAPS, "4")
    window.close()  # closing saves the waiting draft at once
    assert drafts(people_store, iid)["cash_count"].value["rows"] == [["n20", "", "4", "", ""]]

    again = make_window()
    vault.sign_in(again)
    card = again.inspection.cards["cash_count"]
    assert card.widget.table.item(2, card.widget.COL_STRAPS).text() == "4"
    assert card.widget.total_value.text() == "¥8,000.00"
    assert card.saved.text() == DRAFT_MARK


def test_a_teller_row_with_one_amount_is_a_draft_until_both_are_in(
    make_window, vault, people_store, qtbot
):
    iid, window = open_window(make_window, vault)
    screen = window.inspection
    screen.next_button.click()
    card = screen.cards["teller_boxes"]
    boxes = card.widget
    type_cell(qtbot, boxes, 0, boxes.COL_SYSTEM, "5000")
    screen.flush_drafts()
    assert drafts(people_store, iid)["teller_boxes"].value["rows"][0] == [
        "E004",
        "5000",
        "",
        True,
        "",
    ]
    assert card.saved.text() == DRAFT_MARK
    type_cell(qtbot, boxes, 0, boxes.COL_COUNTED, "5000")
    assert inspections.load(people_store, iid).answers["teller_boxes"]["rows"][0][
        "counted_fen"
    ] == (500_000)
    assert drafts(people_store, iid) == {}


def test_a_note_on_an_unanswered_item_is_kept(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    card = window.inspection.cards["no_iou"]
    card.note.setFocus()
    qtbot.keyClicks(card.note, "IOU to check")
    qtbot.waitUntil(lambda: card.saved.text() == DRAFT_MARK, timeout=2000)
    assert drafts(people_store, iid)["no_iou"].note == "IOU to check"
    window.close()
    again = make_window()
    vault.sign_in(again)
    assert again.inspection.cards["no_iou"].note.text() == "IOU to check"
    qtbot.keyClick(again.inspection.cards["no_iou"].widget, Qt.Key.Key_Y)
    state = inspections.load(people_store, iid)
    assert state.answers["no_iou"] == "yes" and state.notes["no_iou"] == "IOU to check"


def test_leaving_the_section_saves_the_waiting_draft_first(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    grid = window.inspection.cards["cash_count"].widget
    type_cell(qtbot, grid, 0, grid.COL_LOOSE, "9")
    window.inspection.next_button.click()
    assert drafts(people_store, iid)["cash_count"].value["rows"] == [["n100", "", "", "9", ""]]


def test_a_refused_answer_is_told_next_to_the_item_in_the_windows_language(
    make_window, vault, people_store, qtbot
):
    from ui import i18n

    iid, window = open_window(make_window, vault)
    screen = window.inspection
    screen.next_button.click()
    card = screen.cards["teller_boxes"]
    boxes = card.widget
    boxes.table.item(1, boxes.COL_SYSTEM).setText("100")  # 刘芳's row, second in the table
    boxes.table.item(1, boxes.COL_COUNTED).setText("100")
    bad = {"rows": [{"teller": "E005", "system_fen": -10000, "counted_fen": 0}]}
    card.widget.answered.emit(bad)  # what no cell lets a person type, as another source might
    assert not card.error.isHidden()
    assert card.error.text().endswith("第 1 行（刘芳）系统余额不能为负数（填写的是 -¥100.00）")
    assert "system_fen" not in card.error.text()
    assert (boxes.table.currentRow(), boxes.table.currentColumn()) == (1, boxes.COL_SYSTEM)
    try:
        i18n.set_language("en")
        qtbot.waitUntil(lambda: "cannot be negative" in card.error.text())
        assert card.error.text().endswith(
            "row 1 (刘芳), System balance cannot be negative (given: -¥100.00)"
        )
    finally:
        i18n.set_language("zh")


def test_a_note_on_an_answered_item_is_saved_after_a_pause(make_window, vault, people_store, qtbot):
    iid, window = open_window(make_window, vault)
    card = window.inspection.cards["no_iou"]
    qtbot.keyClick(card.widget, Qt.Key.Key_Y)
    card.note.setFocus()
    qtbot.keyClicks(card.note, "checked twice")
    qtbot.waitUntil(
        lambda: inspections.load(people_store, iid).notes.get("no_iou") == "checked twice",
        timeout=2000,
    )
    assert inspections.load(people_store, iid).answers["no_iou"] == "yes"
    assert card.saved.text() == "已保存 ✓"


def test_typing_back_the_answer_after_a_draft_answers_again(
    make_window, vault, people_store, qtbot
):
    iid, window = open_window(make_window, vault)
    screen = window.inspection
    grid = screen.cards["cash_count"].widget
    type_cell(qtbot, grid, 0, grid.COL_BUNDLES, "1")
    qtbot.keyClicks(grid.book, "100000")
    qtbot.keyClick(grid.book, Qt.Key.Key_Return)
    answer = inspections.load(people_store, iid).answers["cash_count"]
    grid.book.clear()
    grid.book.editingFinished.emit()
    screen.flush_drafts()
    assert "cash_count" in drafts(people_store, iid)
    grid.book.setText("100000")
    grid.book.editingFinished.emit()
    assert inspections.load(people_store, iid).answers["cash_count"] == answer
    assert drafts(people_store, iid) == {}
