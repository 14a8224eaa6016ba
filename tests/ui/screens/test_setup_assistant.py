"""The set-up assistant: an empty store opens it instead of the sign-in; driven in the window from
nothing to a first sealed vault check, no demo data; a bad field is said next to it and nothing
is stored."""

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import func, select

from branchcheck import inspections
from branchcheck.db.models import Branch, Staff
from branchcheck.people import admin
from branchcheck.records.verify import local_trust_roots, verify_file
from branchcheck.setup import is_set_up
from ui.main_window import MainWindow
from ui.screens.new_inspection import NewInspectionDialog
from ui.tasks import SyncTaskRunner

ADMIN_PW = "head-pass-1"
CA_PW = "ca-pass-123"
STAFF_PW = "staff-pass-1"


def empty_window(qtbot, store, home) -> MainWindow:
    window = MainWindow(store, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    return window


def fill_branch(setup, code="GZ0101", name="赣州分行营业部", head_office="赣州分行"):
    setup.branch.code.setText(code)
    setup.branch.name.setText(name)
    setup.branch.head_office.setText(head_office)


def fill_admin(setup, password=ADMIN_PW, again=None, ca=CA_PW):
    form = setup.admin
    form.employee_no.setText("E001")
    form.name.setText("王建国")
    form.password.setText(password)
    form.password_again.setText(password if again is None else again)
    form.ca_password.setText(ca)
    form.ca_password_again.setText(ca)


def add_in_form(panel, no, name, roles, password=STAFF_PW):
    form = panel.form
    form.employee_no.setText(no)
    form.name.setText(name)
    form.roles.set_roles(roles)
    form.password.setText(password)
    form.password_again.setText(password)
    panel.add_button.click()


def count(store, model) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def draw(qtbot, pad, points):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(pad, QPoint(*p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def count_through_the_core(store, iid: str) -> None:
    """The two tables (the count grid and the tellers' boxes), given as the CLI would."""
    inspections.answer(
        store,
        iid,
        "cash_count",
        {"rows": {"n100": {"bundles": 1, "straps": 2, "loose": 3}}, "book_fen": 12_030_000},
    )
    inspections.answer(
        store,
        iid,
        "teller_boxes",
        {
            "rows": [
                {
                    "teller": "E004",
                    "system_fen": 500_000,
                    "counted_fen": 500_000,
                    "vouchers_ok": True,
                }
            ]
        },
    )


def test_an_empty_store_opens_the_assistant(qtbot, store, home):
    window = empty_window(qtbot, store, home)
    assert window.stack.currentWidget() is window.setup
    assert window.setup.page() is window.setup.branch
    assert window.setup.next_button.text() == "下一步"


def test_enter_in_a_field_goes_on_to_the_next_page(qtbot, store, home):
    window = empty_window(qtbot, store, home)
    setup = window.setup
    fill_branch(setup)
    qtbot.keyClick(setup.branch.head_office, Qt.Key.Key_Return)
    assert setup.page() is setup.admin
    setup.back_button.click()
    assert setup.page() is setup.branch and setup.branch.code.text() == "GZ0101"
    setup.set_busy(True)  # the branch being made: Enter again does nothing
    qtbot.keyClick(setup.branch.head_office, Qt.Key.Key_Return)
    assert setup.page() is setup.branch and not setup.next_button.isEnabled()


def test_a_set_up_store_opens_the_sign_in(make_window):
    window = make_window()
    assert window.setup is None
    assert window.stack.currentWidget() is window.login


def test_from_an_empty_store_to_a_first_sealed_vault_check(
    qtbot, store, home, tmp_path, monkeypatch
):
    window = empty_window(qtbot, store, home)
    window.show()
    setup = window.setup
    fill_branch(setup)
    setup.next_button.click()
    assert setup.page() is setup.admin
    fill_admin(setup)
    setup.next_button.click()  # 建立网点: the branch, its head, the CA and the head's key
    assert setup.error.isHidden(), setup.error.text()
    assert setup.page() is setup.staff
    assert is_set_up(store)

    staff = setup.staff
    add_in_form(staff, "E003", "李梅", ["vault_keeper"])
    add_in_form(staff, "E004", "张伟", ["teller"])
    assert staff.error.isHidden(), staff.error.text()
    assert [r.employee_no for r in staff.rows] == ["E001", "E003", "E004"]
    assert staff.table.rowCount() == 3 and staff.table.item(2, 1).text() == "张伟"
    setup.next_button.click()
    assert "E001" in setup.done.text() and setup.result.ca_fingerprint in setup.done.text()
    setup.next_button.click()  # 前往登录

    login = window.login
    assert window.stack.currentWidget() is login
    assert login.person.currentData() == "E001" and login.error.isHidden()
    login.password.setText(ADMIN_PW)
    login.button.click()
    assert window.user is not None and window.user.employee_no == "E001"
    assert window.stack.currentWidget() is window.home_screen

    window.home_screen.new_button.click()
    [dialog] = window.findChildren(NewInspectionDialog)
    dialog.select_checklist("vault_check")
    dialog.pickers["vault_keeper"].choose(["E003"])
    dialog.pickers["tellers"].choose(["E004"])
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    iid = dialog.inspection_id
    assert iid and window.stack.currentWidget() is window.inspection
    count_through_the_core(store, iid)
    screen = window.inspection
    screen.open(iid)
    for section in range(screen.sections.count()):  # every 是/否 item answered in the window
        screen.go_to(section)
        for card in screen.cards.values():
            if "yes" in getattr(card.widget, "buttons", {}):
                card.widget.buttons["yes"].click()
    screen.complete_button.click()
    assert window.stack.currentWidget() is window.review, screen.missing.text()
    window.review.sign_button.click()
    signing = window.signing
    for i, box in enumerate(signing.boxes):
        box.pad.setFixedSize(540, 216)
        box.pad.show()
        # each signer confirms with their own password before the pad takes strokes
        own = ADMIN_PW if box.party.person.employee_no == "E001" else STAFF_PW
        box.password.setText(own)
        box.confirm_button.click()
        draw(qtbot, box.pad, [(40, 150), (120, 60 + i * 10), (220, 160), (400, 90)])
        box.sign_button.click()
    signing.ask_password = lambda error=None: ADMIN_PW  # the head's key: their set-up password
    signing.seal_button.click()
    assert window.stack.currentWidget() is window.sealed, signing.error.text()
    assert inspections.load(store, iid).status == "sealed"

    out = tmp_path / "out"
    monkeypatch.setattr("ui.operations.choose_folder", lambda parent: out)
    window.sealed.export_button.click()
    [pdf] = out.glob("*.pdf")
    checked = verify_file(pdf, local_trust_roots(store.path))
    assert checked.ok, checked.message
    assert checked.signer_employee_no == "E001"


def test_a_bad_field_is_said_next_to_it_and_nothing_is_stored(qtbot, store, home):
    window = empty_window(qtbot, store, home)
    setup = window.setup
    fill_branch(setup, code="")
    setup.next_button.click()
    fill_admin(setup, password="short")
    setup.next_button.click()
    # the branch code's message is on the branch page, shown again; the password's on its page
    assert setup.page() is setup.branch
    assert "网点代码" in setup.branch.errors["code"].text()
    assert not setup.branch.errors["code"].isHidden()
    assert setup.branch.errors["name"].isHidden()
    assert "密码" in setup.admin.errors["password"].text()
    assert "8" in setup.admin.errors["password"].text()
    assert not is_set_up(store) and count(store, Branch) == 0 and count(store, Staff) == 0

    fill_branch(setup)
    setup.next_button.click()
    fill_admin(setup)
    setup.next_button.click()
    assert setup.page() is setup.staff
    assert setup.admin.errors["password"].isHidden()
    assert count(store, Branch) == 1


def test_the_branch_name_and_the_persons_name_are_told_apart(qtbot, store, home):
    window = empty_window(qtbot, store, home)
    setup = window.setup
    fill_branch(setup)
    setup.next_button.click()
    fill_admin(setup)
    setup.admin.name.clear()
    setup.next_button.click()
    assert setup.page() is setup.admin
    assert "姓名" in setup.admin.errors["name"].text()
    assert setup.branch.errors["name"].isHidden()
    assert count(store, Staff) == 0


def test_passwords_typed_differently_are_said_before_anything_is_asked(qtbot, store, home):
    window = empty_window(qtbot, store, home)
    setup = window.setup
    fill_branch(setup)
    setup.next_button.click()
    fill_admin(setup, again="head-pass-2")
    setup.next_button.click()
    assert setup.page() is setup.admin
    assert "不一致" in setup.admin.errors["password_again"].text()
    assert count(store, Branch) == 0


def test_english_messages_in_an_english_window(qtbot, store, home):
    from ui import i18n

    window = empty_window(qtbot, store, home)
    setup = window.setup
    fill_branch(setup, code="GZ 01")
    setup.next_button.click()
    fill_admin(setup)
    i18n.set_language("en")
    try:
        setup.next_button.click()
        text = setup.branch.errors["code"].text()
    finally:
        i18n.set_language("zh")
    assert text.startswith("branch code") and "网点" not in text


def test_a_refused_person_on_the_staff_page_changes_nothing(qtbot, store, home):
    window = empty_window(qtbot, store, home)
    setup = window.setup
    fill_branch(setup)
    setup.next_button.click()
    fill_admin(setup)
    setup.next_button.click()
    add_in_form(setup.staff, "E003", "李梅", [])
    assert "岗位" in setup.staff.form.errors["roles"].text()
    assert [p.employee_no for p in admin.people(store)] == ["E001"]
