from branchcheck import inspections


def test_sign_in_succeeds_and_shows_home(make_window, vault):
    window = make_window()
    assert window.stack.currentWidget() is window.login
    labels = [window.login.person.itemText(i) for i in range(window.login.person.count())]
    assert "王建国 (E001) 网点负责人" in labels
    vault.sign_in(window)
    assert window.stack.currentWidget() is window.home_screen
    assert window.user.employee_no == "E001"
    assert "王建国" in window.user_label.text()


def test_wrong_password_shows_inline_message(make_window, vault):
    window = make_window()
    vault.sign_in(window, password="wrong")
    assert window.stack.currentWidget() is window.login
    assert not window.login.error.isHidden()
    assert "不正确" in window.login.error.text()
    assert window.login.password.text() == ""
    assert window.user is None


def test_enter_in_password_field_signs_in(make_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_window()
    window.login.select("E002")
    qtbot.keyClicks(window.login.password, "demo1234")
    qtbot.keyClick(window.login.password, Qt.Key.Key_Return)
    assert window.user is not None and window.user.employee_no == "E002"


def test_home_lists_records_and_sign_in_resumes_open_inspection(make_window, people_store, vault):
    iid = vault.start()
    window = make_window()
    vault.sign_in(window)
    assert window.stack.currentWidget() is window.inspection  # resumed at once
    window.show_home()
    table = window.home_screen.table
    assert table.rowCount() == 1
    assert table.item(0, 2).text() == "进行中"
    assert table.item(0, 5).text() == iid[:8]
    window.home_screen.table.selectRow(0)
    assert window.home_screen.resume_button.isEnabled()
    assert not window.home_screen.export_button.isEnabled()
    window.home_screen.resume_button.click()
    assert window.stack.currentWidget() is window.inspection
    assert inspections.list_records(people_store)[0].status == "in_progress"


def test_language_switches_live(make_window, qtbot):
    from ui import i18n

    window = make_window()
    try:
        window.set_language("en")
        qtbot.waitUntil(lambda: window.login.button.text() == "Sign in")
        assert window.login.password_label.text() == "Password"
    finally:
        window.set_language("zh")
    qtbot.waitUntil(lambda: window.login.button.text() == "登录")
    assert i18n.lang() == "zh"


def test_correcting_a_sealed_record_from_home(qtbot, tmp_path, monkeypatch):
    """A sealed record is corrected by a new version that opens for editing; the old one stays."""
    from branchcheck import demo, inspections
    from branchcheck.db import open_store
    from ui.main_window import MainWindow
    from ui.tasks import SyncTaskRunner

    monkeypatch.setenv("BRANCHCHECK_HOME", str(tmp_path))
    store = open_store()
    demo.setup_demo(store, weeks=1)
    window = MainWindow(store, tasks=SyncTaskRunner())
    qtbot.addWidget(window)
    from branchcheck.people.register import sign_in

    window.signed_in(sign_in(store, "E001", "demo1234"))
    home = window.home_screen
    sealed = next(r for r in home.records if r.checklist == "vault_check")
    home.select_record(sealed.id)
    assert home.correct_button.isEnabled()
    home.correct_button.click()
    assert window.stack.currentWidget() is window.inspection
    new = next(r for r in inspections.list_records(store) if r.supersedes == sealed.id)
    assert new.version == 2 and new.status == "in_progress"
    assert inspections.load(store, sealed.id).status == "sealed"
    store.dispose()


def test_empty_store_says_how_to_get_users(qtbot, store):
    from ui.screens.login import LoginScreen
    from ui.tasks import LazyStore, SyncTaskRunner

    screen = LoginScreen(LazyStore.of(store), tasks=SyncTaskRunner())
    qtbot.addWidget(screen)
    assert screen.person.count() == 0
    assert "branchcheck setup" in screen.error.text()


def test_a_locked_person_is_told_until_when(make_window, vault):
    window = make_window()
    for _ in range(4):
        vault.sign_in(window, employee_no="E002", password="wrong")
        assert window.login.error.text() == "密码不正确，请重新输入。"
    vault.sign_in(window, employee_no="E002", password="wrong")
    text = window.login.error.text()
    assert "已锁定至" in text and "约 15 分钟后可再试" in text and "locked" not in text
    assert window.login.button.isEnabled()
    vault.sign_in(window, employee_no="E002")  # the right password, still locked
    assert window.user is None
    assert "已锁定至" in window.login.error.text()


def test_the_lock_is_told_in_english_with_its_time(make_window, vault, qtbot):
    from datetime import timedelta

    from branchcheck import clock
    from ui import i18n

    window = make_window()
    for _ in range(5):
        vault.sign_in(window, employee_no="E002", password="wrong")
    try:
        window.set_language("en")
        vault.sign_in(window, employee_no="E002")
        text = window.login.error.text()
    finally:
        window.set_language("zh")
        i18n.set_language("zh")
    until = clock.now() + timedelta(minutes=15)
    assert text.startswith("Too many wrong passwords: locked until ")
    assert (
        until.strftime("%H:%M") in text or (until - timedelta(minutes=1)).strftime("%H:%M") in text
    )
    assert "(about 15 minutes from now)" in text and not any(
        "\u4e00" <= c <= "\u9fff" for c in text
    )


def test_the_password_field_has_the_focus_and_an_empty_one_is_told(make_window, people_store):
    from sqlalchemy import func, select

    from branchcheck.db.models import AuditEntry

    window = make_window()
    window.show()
    assert window.login.focusWidget() is window.login.password
    with people_store.session() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    window.login.select("E001")
    window.login.button.click()
    assert window.login.error.text() == "请输入密码。" and window.user is None
    with people_store.session() as s:  # no attempt was made: nothing audited, nothing counted
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before


def _demo_window(qtbot, demo, home):
    from ui.main_window import MainWindow
    from ui.tasks import SyncTaskRunner

    window = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    window.login.select("E001")
    window.login.password.setText("demo1234")
    window.login.button.click()
    window.show_home()
    window.home_screen.tabs.setCurrentIndex(1)
    return window


def test_the_records_are_searched_and_filtered_in_the_core(qtbot, demo, home):
    window = _demo_window(qtbot, demo, home)
    screen, bar = window.home_screen, window.home_screen.filters
    every = inspections.list_records(demo)
    assert len(screen.records) == len(every)
    qtbot.keyClicks(bar.search, "e002")  # asked once the typing pauses
    qtbot.waitUntil(
        lambda: [r.id for r in screen.records] == [r.id for r in every if r.inspector == "E002"]
    )
    assert screen.filter_label.text() == "共 1 条" and screen.clear_filter_button.isVisibleTo(
        screen
    )
    bar.search.clear()
    box = bar.choices["checklist"]
    box.setCurrentIndex(box.findData("vault_check"))
    box.activated.emit(box.currentIndex())
    assert {r.checklist for r in screen.records} == {"vault_check"}
    assert len(screen.records) == len(inspections.list_records(demo, checklist="vault_check"))
    screen.dates.use.setChecked(True)
    screen.dates.first.setDate(screen.dates.first.date().fromString("2026-11-19", "yyyy-MM-dd"))
    screen.dates.last.setDate(screen.dates.last.date().fromString("2026-11-23", "yyyy-MM-dd"))
    assert sorted(r.local_date for r in screen.records) == ["2026-11-19", "2026-11-23"]
    screen.clear_filter_button.click()
    assert len(screen.records) == len(every) and not screen.dates.is_set()


def test_enter_opens_the_selected_record(qtbot, demo, home):
    from PySide6.QtCore import Qt

    window = _demo_window(qtbot, demo, home)
    screen = window.home_screen
    screen.table.setFocus()
    screen.table.selectRow(0)
    assert screen.selected().status == "sealed"
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.sealed
