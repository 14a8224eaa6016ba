"""问题整改: the findings screen on a real demo store, walked through its buttons."""

import pytest

from branchcheck import findings
from ui.main_window import MainWindow
from ui.tasks import SyncTaskRunner


@pytest.fixture
def screen(qtbot, demo, home):
    window = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    window.login.refresh()
    window.login.select("E001")
    window.login.password.setText("demo1234")
    window.login.button.click()
    assert window.stack.currentWidget() is window.home_screen
    window.home_screen.findings_button.click()
    assert window.stack.currentWidget() is window.findings_screen
    screen = window.findings_screen
    screen.window_ = window
    return screen


def _row_of(screen, finding_id):
    return next(r for r, f in enumerate(screen.rows) if f.id == finding_id)


def test_lists_the_demo_findings_with_counts(screen, demo):
    every = findings.list_findings(demo, state="open")
    assert screen.table.rowCount() == len(every) >= 8
    titles = {screen.table.item(r, 0).text() for r in range(screen.table.rowCount())}
    assert {f.title["zh"] for f in every} == titles
    assert "⚠ 屡查屡犯" in screen.repeat_count.text() and ">1<" in screen.repeat_count.text()
    assert f">{len(every)}<" in screen.open_count.text()
    overdue = [r for r, f in enumerate(screen.rows) if f.overdue]
    assert overdue
    cell = screen.table.item(overdue[0], 4)
    assert cell.text() == screen.rows[overdue[0]].due_date
    assert cell.foreground().color().name() == "#b3261e" and cell.font().bold()
    assert cell.toolTip() == "已逾期"
    assert screen.table.item(0, 5).text() == "待整改"
    # the first finding is selected; its next step is 开始整改
    assert screen.current is not None
    assert screen.steps.currentIndex() == 1 and screen.rectify_button.isVisibleTo(screen)


def test_filters_to_repeats_and_back_home(screen):
    screen.filter_buttons["repeat"].click()
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 6).text() == "⚠ 屡查屡犯"
    assert "屡查屡犯" in screen.detail.text()
    screen.filter_buttons["closed"].click()
    assert screen.table.rowCount() == 0
    assert "没有符合条件的问题" in screen.note.text()
    screen.filter_buttons["overdue"].click()
    assert screen.table.rowCount() >= 1 and all(f.overdue for f in screen.rows)
    screen.home_button.click()
    assert screen.window_.stack.currentWidget() is screen.window_.home_screen


def test_walks_one_finding_from_open_to_closed(screen, demo):
    f = next(f for f in screen.rows if f.responsible and f.overdue)
    fid = f.id
    screen.table.selectRow(_row_of(screen, fid))
    assert screen.current.id == fid

    # 开始整改 with an empty action: refused inline, nothing changes
    screen.rectify_button.click()
    assert not screen.error.isHidden() and "整改措施" in screen.error.text()
    assert findings.get_finding(demo, fid).state == "open"

    screen.action_edit.setPlainText("补登登记簿，主管督导")  # CJK: typed through an IME
    screen.rectify_button.click()
    assert screen.error.isHidden()
    assert findings.get_finding(demo, fid).state == "rectifying"
    assert screen.current.id == fid and screen.steps.currentIndex() == 2
    assert screen.table.item(_row_of(screen, fid), 5).text() == "整改中"

    screen.result_edit.setPlainText("已补登并核对无误")
    screen.result_button.click()
    assert findings.get_finding(demo, fid).result == "已补登并核对无误"
    # E001 recorded the result: not their re-check; they may record it again
    assert screen.steps.currentIndex() == 2

    screen.open("E010")  # the operations supervisor signs in and re-checks
    assert screen.current.id == fid and screen.steps.currentIndex() == 3
    assert "郑华 (E010)" in screen.rechecker_label.text()
    screen.verify_button.click()
    done = findings.get_finding(demo, fid)
    assert done.state == "verified" and done.rechecker.employee_no == "E010"
    assert screen.steps.currentIndex() == 4
    assert "郑华" in screen.detail.text()

    screen.close_button.click()
    assert findings.get_finding(demo, fid).state == "closed"
    assert fid not in {x.id for x in screen.rows}  # 全部未关闭 no longer lists it
    assert "已关闭" in screen.message.text()
    screen.filter_buttons["closed"].click()
    assert [x.id for x in screen.rows] == [fid]
    assert screen.table.item(0, 5).text() == "已关闭"
    assert "此问题已整改、复查并关闭" in screen.note.text()


def test_a_step_the_person_may_not_take_is_not_offered(screen, demo):
    f = next(f for f in screen.rows if f.responsible)
    fid = f.id
    findings.start_rectification(demo, fid, action="整改", actor="E001")
    findings.record_result(demo, fid, result="完成", actor="E010")
    screen.open("E004")  # a teller: may record a result only on their own findings
    screen.select_finding(fid)
    assert screen.current.id == fid and screen.steps.currentIndex() == 0
    assert "张伟 (E004)" in screen.note.text() and "无权" in screen.note.text()
    screen.open("E010")  # recorded the result: may not re-check it, may record it again
    screen.select_finding(fid)
    assert screen.steps.currentIndex() == 2
    screen.open("E002")
    screen.select_finding(fid)
    assert screen.steps.currentIndex() == 3
    screen.verify_button.click()
    assert screen.error.isHidden()
    assert findings.get_finding(demo, fid).rechecker.employee_no == "E002"


def test_a_refusal_of_the_core_is_shown_inline(screen, demo):
    f = next(f for f in screen.rows if f.responsible)
    fid = f.id
    findings.start_rectification(demo, fid, action="整改", actor="E001")
    findings.record_result(demo, fid, result="完成", actor="E001")
    screen.open("E010")
    screen.select_finding(fid)
    assert screen.steps.currentIndex() == 3
    # the result is recorded again by E010 meanwhile (another window): the core now refuses
    findings.record_result(demo, fid, result="再次完成", actor="E010")
    screen.verify_button.click()
    assert not screen.error.isHidden()
    assert "整改结果登记人" in screen.error.text() and "E010" in screen.error.text()
    assert findings.get_finding(demo, fid).state == "rectifying"


def test_english_texts(screen, qtbot):
    from ui import i18n

    window = screen.window_
    try:
        window.set_language("en")
        qtbot.waitUntil(lambda: screen.title.text() == "Findings & rectification")
        assert screen.filter_buttons["repeat"].text() == "Repeat"
        assert screen.rectify_button.text() == "Start rectification"
        assert screen.table.item(0, 5).text() == "Open"
    finally:
        window.set_language("zh")
        i18n.set_language("zh")


def test_the_board_filters_by_severity_record_person_and_text(screen, demo, qtbot):
    bar = screen.filters
    every = findings.list_findings(demo, state="open")
    box = bar.choices["severity"]
    box.setCurrentIndex(box.findData("high"))
    box.activated.emit(box.currentIndex())
    assert screen.rows and {f.severity for f in screen.rows} == {"high"}
    assert len(screen.rows) == sum(1 for f in every if f.severity == "high")
    box.setCurrentIndex(0)
    record = next(f.record_id for f in every if f.record_id)
    records = bar.choices["record"]
    records.setCurrentIndex(records.findData(record))
    records.activated.emit(records.currentIndex())
    assert {f.record_id for f in screen.rows} == {record}
    records.setCurrentIndex(0)
    person = bar.choices["person"]
    person.setCurrentIndex(person.findData("E005"))
    person.activated.emit(person.currentIndex())
    assert screen.rows and {f.responsible.employee_no for f in screen.rows} == {"E005"}
    person.setCurrentIndex(0)
    qtbot.keyClicks(bar.search, "50.00")  # asked once the typing pauses
    shortages = [f.id for f in every if "50.00" in f.title["zh"]]
    qtbot.waitUntil(lambda: [f.id for f in screen.rows] == shortages)
    assert len(shortages) == 2


def test_enter_goes_to_the_step_and_a_finding_opens_its_record(screen, qtbot):
    from PySide6.QtCore import Qt

    window = screen.window_
    window.show()
    screen.select_finding(next(f.id for f in screen.rows if f.record_id and f.state == "open"))
    screen.table.setFocus()
    assert screen.steps.currentIndex() == 1  # 开始整改
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert screen.focusWidget() is screen.action_edit
    record = screen.current.record_id
    assert screen.record_button.isVisibleTo(screen)
    screen.record_button.click()
    assert window.stack.currentWidget() is window.sealed
    assert window.sealed.record_id == record
