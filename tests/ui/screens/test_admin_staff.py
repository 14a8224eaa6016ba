"""The 人员 administration dialog: each action reaches the store (read back with the core), a
refusal is said next to its field and changes nothing, escorts are listed apart."""

from sqlalchemy import select

from branchcheck import clock
from branchcheck.db.models import Staff, StaffPost
from branchcheck.people import admin, register
from ui.screens.admin_staff import StaffAdminDialog, open_dialog
from ui.screens.staff_dialogs import (
    AddDialog,
    AddEscortDialog,
    DeactivateDialog,
    RolesDialog,
    qdate,
)
from ui.screens.staff_import import StaffImportDialog
from ui.tasks import SyncTaskRunner


def person(store, no):
    return next(p for p in admin.people(store) if p.employee_no == no)


def dialog_for(qtbot, store, actor="E001") -> StaffAdminDialog:
    dialog = StaffAdminDialog(store, tasks=SyncTaskRunner(), actor=actor, today=clock.now().date())
    qtbot.addWidget(dialog)
    return dialog


def test_the_menu_entry_opens_the_register_for_the_signed_in_person(signed_in):
    [(action, text)] = [(a, t) for a, t in signed_in.admin_menu.actions if t == "人员"]
    assert action.isEnabled()
    action.trigger()
    [dialog] = signed_in.findChildren(StaffAdminDialog)
    assert dialog.actor == "E001"
    assert dialog.staff_tab.table.rowCount() == 10
    assert dialog.escort_tab.table.rowCount() == 0
    assert dialog.tabs.tabText(1) == "押运公司人员"
    assert open_dialog(signed_in) is not None


def test_adding_a_person_reaches_the_store(qtbot, people_store):
    dialog = dialog_for(qtbot, people_store)
    dialog.add_button.click()
    add = dialog.action
    assert isinstance(add, AddDialog) and not isinstance(add, AddEscortDialog)
    form = add.person_form
    form.employee_no.setText("E011")
    form.name.setText("黄晓明")
    form.roles.set_roles(["teller", "sorter"])
    form.password.setText("teller-pass-1")
    form.password_again.setText("teller-pass-1")
    add.ok.click()
    row = person(people_store, "E011")
    assert row.roles == ("teller", "sorter") and row.has_password and row.active
    assert register.sign_in(people_store, "E011", "teller-pass-1").employee_no == "E011"
    assert "黄晓明（E011）" in dialog.message.text()
    assert "E011" in [r.employee_no for r in dialog.staff_tab.rows]


def test_a_refused_field_is_said_next_to_it_and_nothing_is_stored(qtbot, people_store):
    dialog = dialog_for(qtbot, people_store)
    dialog.add_button.click()
    add = dialog.action
    add.person_form.employee_no.setText("E004")  # already in the register
    add.person_form.name.setText("重名")
    add.person_form.roles.set_roles(["teller"])
    add.ok.click()
    assert "已在人员名册中" in add.person_form.errors["employee_no"].text()
    assert not add.person_form.errors["employee_no"].isHidden()
    assert add.person_form.errors["name"].isHidden()
    assert person(people_store, "E004").name == "张伟"
    add.person_form.employee_no.setText("E012")
    add.person_form.name.setText("")
    add.ok.click()
    assert "姓名" in add.person_form.errors["name"].text()
    assert add.person_form.errors["employee_no"].isHidden()
    assert "E012" not in [p.employee_no for p in admin.people(people_store)]


def test_escorts_are_added_and_listed_apart(qtbot, people_store):
    dialog = dialog_for(qtbot, people_store)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.add_button.text() == "新增押运人员…"
    assert not dialog.roles_button.isVisibleTo(dialog)  # an escort's role is always escort
    assert not dialog.password_button.isVisibleTo(dialog)  # and they never sign in
    dialog.add_button.click()
    add = dialog.action
    assert isinstance(add, AddEscortDialog)
    assert not add.person_form.password.isVisibleTo(add)
    add.person_form.employee_no.setText("X001")
    add.person_form.name.setText("钱勇")
    add.person_form.organisation.setText("赣州安保押运公司")
    add.ok.click()
    row = person(people_store, "X001")
    assert row.external and row.roles == ("escort",) and not row.has_password
    assert [r.employee_no for r in dialog.escort_tab.rows] == ["X001"]
    assert "X001" not in [r.employee_no for r in dialog.staff_tab.rows]
    assert dialog.escort_tab.table.item(0, 2).text() == "赣州安保押运公司"


def test_deactivating_keeps_the_person_marked(qtbot, people_store):
    dialog = dialog_for(qtbot, people_store)
    dialog.staff_tab.select("E004")
    assert dialog.deactivate_button.isEnabled()
    dialog.deactivate_button.click()
    deactivate = dialog.action
    assert isinstance(deactivate, DeactivateDialog)
    deactivate.ok.click()  # no reason given
    assert "原因" in deactivate.form.errors["reason"].text()
    assert person(people_store, "E004").active
    day = clock.now().date()
    deactivate.on.setDate(qdate(day))
    deactivate.reason.setText("调离本网点")
    deactivate.ok.click()
    row = person(people_store, "E004")
    assert not row.active and row.deactivated_on == day.isoformat()
    dialog.staff_tab.select("E004")
    r = [p.employee_no for p in dialog.staff_tab.rows].index("E004")
    assert dialog.staff_tab.table.item(r, 3).text() == f"已停用（{day.isoformat()}）"
    assert not dialog.deactivate_button.isEnabled() and not dialog.roles_button.isEnabled()
    assert dialog.edit_button.isEnabled()


def test_roles_change_from_their_date(qtbot, people_store):
    dialog = dialog_for(qtbot, people_store)
    dialog.staff_tab.select("E005")
    dialog.roles_button.click()
    roles = dialog.action
    assert isinstance(roles, RolesDialog)
    assert roles.roles.roles() == ("teller",)
    roles.roles.set_roles(["teller", "atm_loader"])
    roles.ok.click()
    assert person(people_store, "E005").roles == ("teller", "atm_loader")
    with people_store.session() as s:
        staff_id = s.scalar(select(Staff.id).where(Staff.employee_no == "E005"))
        posts = s.scalars(select(StaffPost).where(StaffPost.staff_id == staff_id)).all()
        started = {p.role: p.from_date for p in posts if p.to_date is None}
    assert started["atm_loader"] == clock.now().date().isoformat()
    assert "岗位" in dialog.message.text()


def test_someone_who_may_not_manage_staff_is_told_and_nothing_changes(qtbot, people_store):
    dialog = dialog_for(qtbot, people_store, actor="E004")
    dialog.add_button.click()
    add = dialog.action
    add.person_form.employee_no.setText("E013")
    add.person_form.name.setText("试试")
    add.person_form.roles.set_roles(["teller"])
    add.ok.click()
    assert "管理人员" in add.error.text() and not add.error.isHidden()
    assert "E013" not in [p.employee_no for p in admin.people(people_store)]


def test_a_staff_list_is_imported_from_the_dialog(qtbot, people_store, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("工号,姓名,岗位\nE020,钱多多,柜员\nE021,孙悟,清分员、柜员\n", encoding="utf-8")
    dialog = dialog_for(qtbot, people_store)
    dialog.import_button.click()
    imported = dialog.import_dialog
    assert isinstance(imported, StaffImportDialog)
    imported.file_edit.setText(str(path))
    imported.read()
    imported.import_button.click()
    assert person(people_store, "E021").roles == ("sorter", "teller")
    assert {"E020", "E021"} <= {r.employee_no for r in dialog.staff_tab.rows}
