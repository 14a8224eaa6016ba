"""Each dialog of the 人员 screen on its own: one core call, a refusal next to its field."""

from datetime import timedelta

from branchcheck import clock
from branchcheck.people import admin, register
from ui.screens.staff_dialogs import (
    DeactivateDialog,
    EditDialog,
    PasswordDialog,
    RolesDialog,
    qdate,
)
from ui.tasks import SyncTaskRunner


def row(store, no):
    return next(p for p in admin.people(store) if p.employee_no == no)


def make(qtbot, kind, store, no, actor="E001"):
    dialog = kind(store, SyncTaskRunner(), actor, row(store, no), clock.now().date())
    qtbot.addWidget(dialog)
    changed = []
    dialog.changed.connect(changed.append)
    return dialog, changed


def test_a_password_is_reset_once_typed_twice_alike(qtbot, people_store):
    dialog, changed = make(qtbot, PasswordDialog, people_store, "E004")
    assert dialog.title.text() == "重置密码：张伟（E004）"
    dialog.password.setText("new-pass-44")
    dialog.password_again.setText("new-pass-45")
    dialog.ok.click()
    assert "不一致" in dialog.form.errors["password_again"].text() and changed == []
    dialog.password_again.setText("new-pass-44")
    dialog.ok.click()
    assert [p.employee_no for p in changed] == ["E004"] and dialog.result() == 1
    assert register.sign_in(people_store, "E004", "new-pass-44").employee_no == "E004"


def test_a_short_new_password_is_said_next_to_it(qtbot, people_store):
    dialog, changed = make(qtbot, PasswordDialog, people_store, "E004")
    dialog.password.setText("short")
    dialog.password_again.setText("short")
    dialog.ok.click()
    assert "至少 8 个字符" in dialog.form.errors["password"].text()
    assert changed == [] and dialog.result() == 0


def test_a_date_in_the_future_is_said_next_to_the_date(qtbot, people_store):
    dialog, changed = make(qtbot, DeactivateDialog, people_store, "E005")
    dialog.on.setDate(qdate(clock.now().date() + timedelta(days=3)))
    dialog.reason.setText("退休")
    dialog.ok.click()
    assert "将来" in dialog.form.errors["on"].text()
    assert dialog.form.errors["reason"].isHidden()
    assert row(people_store, "E005").active and changed == []


def test_deactivating_oneself_is_refused(qtbot, people_store):
    dialog, changed = make(qtbot, DeactivateDialog, people_store, "E001")
    dialog.reason.setText("调离")
    dialog.ok.click()
    assert "不能停用自己" in dialog.error.text() and "/" not in dialog.error.text().split("\n")[0]
    assert row(people_store, "E001").active


def test_taking_the_last_branch_heads_role_is_refused(qtbot, people_store):
    dialog, changed = make(qtbot, RolesDialog, people_store, "E001", actor="E002")
    assert dialog.roles.roles() == ("branch_head",)
    dialog.roles.set_roles(["supervisor"])
    dialog.ok.click()
    assert "唯一的网点负责人" in dialog.error.text() and not dialog.error.isHidden()
    assert row(people_store, "E001").roles == ("branch_head",) and changed == []


def test_no_role_is_said_next_to_the_roles(qtbot, people_store):
    dialog, _ = make(qtbot, RolesDialog, people_store, "E004")
    dialog.roles.set_roles([])
    dialog.ok.click()
    assert "至少一个岗位" in dialog.form.errors["roles"].text()
    assert row(people_store, "E004").roles == ("teller",)


def test_a_name_is_edited_and_the_number_kept(qtbot, people_store):
    dialog, changed = make(qtbot, EditDialog, people_store, "E008")
    form = dialog.person_form
    assert form.employee_no.isReadOnly() and form.name.text() == "周强"
    assert not form.roles.isVisibleTo(dialog)  # roles change with a date, in their own dialog
    form.name.setText("周强强")
    dialog.ok.click()
    assert row(people_store, "E008").name == "周强强"
    assert [p.name for p in changed] == ["周强强"]
