"""The keyboard in every item table: only the cells a person fills in, in reading order; out of
the table by Tab past the last cell or Ctrl+Tab; Esc cancels an edit and keeps the focus; money
and count cells refuse what cannot be a value as it is typed and show amounts as ¥5,000.00."""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ui.items.cells import CellTable, LiveDelegate, amount_shown, number_cell


@pytest.fixture
def grid(qtbot):
    """Two rows: a read-only label, two editable counts, a read-only total; a field after."""
    host = QWidget()
    layout = QVBoxLayout(host)
    before = QLineEdit(host)
    table = CellTable(2, 4, host)
    after = QLineEdit(host)
    for w in (before, table, after):
        layout.addWidget(w)
    for r in range(2):
        table.setItem(r, 0, number_cell(f"label {r}"))
        table.setItem(r, 1, number_cell(editable=True))
        table.setItem(r, 2, number_cell(editable=True))
        table.setItem(r, 3, number_cell())
    counts = LiveDelegate(table)
    table.setItemDelegateForColumn(1, counts)
    table.setItemDelegateForColumn(2, counts)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    yield table, before, after, counts
    host.close()


def here(table):
    return table.currentRow(), table.currentColumn()


def test_focus_starts_on_the_first_editable_cell(grid, qtbot):
    table, before, _after, _counts = grid
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert table.hasFocus() and here(table) == (0, 1)


def test_tab_walks_only_editable_cells_in_reading_order_then_leaves(grid, qtbot):
    table, before, after, _counts = grid
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    seen = [here(table)]
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        seen.append(here(table))
    assert seen == [(0, 1), (0, 2), (1, 1), (1, 2)]
    qtbot.keyClick(table, Qt.Key.Key_Tab)  # past the last cell: out of the table
    assert after.hasFocus()


def test_shift_tab_walks_back_and_leaves_before_the_first_cell(grid, qtbot):
    table, before, _after, _counts = grid
    table.setFocus()
    table.setCurrentCell(1, 1)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert here(table) == (0, 2)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert before.hasFocus()


def test_ctrl_tab_leaves_the_table_from_any_cell(grid, qtbot):
    table, _before, after, _counts = grid
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert after.hasFocus()


def editing(table, counts, qtbot, row, col, text):
    table.setFocus()
    table.setCurrentCell(row, col)
    table.editItem(table.item(row, col))
    qtbot.waitUntil(lambda: counts.editor is not None)
    qtbot.keyClicks(counts.editor, text)
    return counts.editor


def test_enter_commits_and_moves_to_the_next_editable_cell(grid, qtbot):
    table, _before, _after, counts = grid
    editor = editing(table, counts, qtbot, 0, 2, "12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert table.item(0, 2).text() == "12"
    assert table.hasFocus() and here(table) == (1, 1)


def test_tab_inside_an_editor_commits_and_skips_read_only_cells(grid, qtbot):
    table, _before, _after, counts = grid
    editor = editing(table, counts, qtbot, 0, 2, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert table.item(0, 2).text() == "7" and here(table) == (1, 1) and table.hasFocus()


def test_enter_on_the_last_cell_says_the_table_is_done(grid, qtbot):
    table, _before, _after, counts = grid
    editor = editing(table, counts, qtbot, 1, 2, "3")
    with qtbot.waitSignal(table.finished):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert table.item(1, 2).text() == "3"
    with qtbot.waitSignal(table.finished):
        qtbot.keyClick(table, Qt.Key.Key_Return)  # and without an editor open


def test_escape_cancels_the_edit_and_keeps_the_focus_on_the_cell(grid, qtbot):
    table, _before, _after, counts = grid
    table.item(0, 1).setText("5")
    editor = editing(table, counts, qtbot, 0, 1, "99")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert table.item(0, 1).text() == "5"
    assert table.hasFocus() and here(table) == (0, 1)


def test_count_cells_take_only_whole_numbers_and_say_so(grid, qtbot):
    table, _before, _after, counts = grid
    with qtbot.waitSignal(counts.refused) as refused:
        editor = editing(table, counts, qtbot, 0, 1, "-3.5")
    assert editor.text() == "35"
    assert refused.args == ["此处只能填写 0 或正整数"]


def test_money_cells_refuse_what_is_no_amount_as_it_is_typed(qtbot):
    table = CellTable(1, 1)
    qtbot.addWidget(table)
    money = LiveDelegate(table, money=True)
    table.setItemDelegateForColumn(0, money)
    table.setItem(0, 0, number_cell(editable=True))
    table.show()
    refusals = []
    money.refused.connect(refusals.append)
    table.editItem(table.item(0, 0))
    qtbot.waitUntil(lambda: money.editor is not None)
    editor = money.editor
    for text in ("12ab.345", "-"):
        qtbot.keyClicks(editor, text)
    assert editor.text() == "12.34"
    assert len(refusals) == 4  # a, b, the third decimal, the minus sign
    editor.setText("")
    editor.insert("12ab.345")  # a paste that is no amount is refused whole
    assert editor.text() == "" and len(refusals) == 5


def test_amounts_in_tables_read_in_yuan_with_grouping():
    assert amount_shown("5000") == "¥5,000.00"
    assert amount_shown("1234.5") == "¥1,234.50"
    assert amount_shown("") == ""
    table = CellTable(1, 1)
    assert LiveDelegate(table, money=True).displayText("5000", QLocale()) == "¥5,000.00"
    assert LiveDelegate(table).displayText("5000", QLocale()) == "5000"


def test_an_amount_field_refuses_what_is_no_amount_and_says_so(qtbot):
    from ui.items.cells import amount_field

    edit = QLineEdit()
    qtbot.addWidget(edit)
    told = []
    amount_field(edit, told.append)
    qtbot.keyClicks(edit, "-12ab.345")
    assert edit.text() == "12.34"
    assert len(told) == 4 and told[0] == "此处只能填写金额：数字、一个小数点、最多两位小数"


def test_a_choice_list_in_a_cell_is_a_stop_and_tab_goes_on_from_it(grid, qtbot):
    from PySide6.QtWidgets import QComboBox

    table, before, _after, _counts = grid
    table.insertColumn(1)
    combos = []
    for r in range(2):
        combo = QComboBox(table)
        combo.addItems(["¥100", "¥50"])
        table.setCellWidget(r, 1, combo)
        combos.append(combo)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert combos[0].hasFocus() and here(table) == (0, 1)
    qtbot.keyClick(combos[0], Qt.Key.Key_Tab)
    assert table.hasFocus() and here(table) == (0, 2)
