"""The set-up assistant's staff page: people added one by one by the administrator."""

from branchcheck.people import admin
from ui.screens.staff_import import StaffImportDialog
from ui.screens.staff_panel import StaffPanel
from ui.tasks import LazyStore, SyncTaskRunner


def make(qtbot, store) -> StaffPanel:
    panel = StaffPanel(LazyStore.of(store), tasks=SyncTaskRunner())
    qtbot.addWidget(panel)
    panel.set_actor("E001")
    return panel


def test_the_register_is_listed_and_a_person_added(qtbot, people_store):
    panel = make(qtbot, people_store)
    assert panel.table.rowCount() == 10 and "10 人" in panel.count.text()
    form = panel.form
    form.employee_no.setText("E011")
    form.name.setText("黄晓明")
    form.roles.set_roles(["vault_keeper"])
    panel.add_button.click()
    assert panel.error.isHidden()
    assert panel.table.rowCount() == 11 and form.employee_no.text() == ""
    added = next(p for p in admin.people(people_store) if p.employee_no == "E011")
    assert added.roles == ("vault_keeper",) and not added.has_password


def test_a_short_password_is_said_next_to_it(qtbot, people_store):
    panel = make(qtbot, people_store)
    form = panel.form
    form.employee_no.setText("E011")
    form.name.setText("黄晓明")
    form.roles.set_roles(["teller"])
    form.password.setText("short")
    form.password_again.setText("short")
    panel.add_button.click()
    assert "至少 8 个字符" in form.errors["password"].text()
    assert form.employee_no.text() == "E011"  # what was typed stays
    assert len(admin.people(people_store)) == 10


def test_the_import_dialog_opens_for_the_administrator(qtbot, people_store):
    panel = make(qtbot, people_store)
    panel.import_button.click()
    assert isinstance(panel.import_dialog, StaffImportDialog)
    assert panel.import_dialog.actor == "E001"


def test_an_imported_list_shows_in_the_register(qtbot, people_store, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("工号,姓名,岗位\nE020,钱多多,柜员\n", encoding="utf-8")
    panel = make(qtbot, people_store)
    panel.import_button.click()
    dialog = panel.import_dialog
    dialog.file_edit.setText(str(path))
    dialog.read()
    dialog.import_button.click()
    assert panel.table.rowCount() == 11
    assert "E020" in [r.employee_no for r in panel.rows]
