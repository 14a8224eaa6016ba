from branchcheck import inspections
from branchcheck.engine.validate import load_all
from branchcheck.people.register import list_staff
from ui.screens.new_inspection import NewInspectionDialog
from ui.tasks import SyncTaskRunner


def make_dialog(qtbot, store, inspector_no):
    inspector = next(p for p in list_staff(store) if p.employee_no == inspector_no)
    dialog = NewInspectionDialog(
        store,
        tasks=SyncTaskRunner(),
        inspector=inspector,
        templates=load_all(),
        staff=list_staff(store),
    )
    qtbot.addWidget(dialog)
    dialog.select_checklist("vault_check")
    return dialog


def test_dialog_offers_staff_by_slot_role(qtbot, people_store):
    dialog = make_dialog(qtbot, people_store, "E001")
    assert dialog.checklist.currentText() == "网点负责人查库"
    keeper = dialog.pickers["vault_keeper"].combo
    assert [keeper.itemData(i) for i in range(keeper.count())] == [None, "E003"]
    tellers = dialog.pickers["tellers"].list
    assert [tellers.item(i).data(256) for i in range(tellers.count())] == ["E004", "E005", "E006"]
    assert dialog.pickers["co_inspector"].combo.itemText(0) == "（不选）"


def test_inspector_as_vault_keeper_is_refused_in_the_dialog(qtbot, people_store, vault):
    vault.add_person("E011", "黄晓明", ["branch_head", "vault_keeper"])
    dialog = make_dialog(qtbot, people_store, "E011")
    dialog.pickers["vault_keeper"].choose(["E011"])
    dialog.pickers["tellers"].choose(["E004"])
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.error.isHidden()
    assert "黄晓明" in dialog.error.text() and "管库员" in dialog.error.text()
    assert dialog.inspection_id is None
    assert inspections.list_records(people_store) == []
    assert dialog.result() == 0


def test_valid_people_start_the_inspection(qtbot, people_store):
    dialog = make_dialog(qtbot, people_store, "E001")
    dialog.pickers["vault_keeper"].choose(["E003"])
    dialog.pickers["tellers"].choose(["E004", "E006"])
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.error.isHidden()
    assert dialog.inspection_id
    state = inspections.load(people_store, dialog.inspection_id)
    assert [p.employee_no for p in state.people["tellers"]] == ["E004", "E006"]
    assert [p.employee_no for p in state.people["vault_keeper"]] == ["E003"]


def test_a_deputy_is_asked_for_the_authorisation_next_to_the_inspector(qtbot, people_store):
    from branchcheck.db.models import Inspection

    dialog = make_dialog(qtbot, people_store, "E002")
    entry = dialog.entry
    assert not entry.fields["authorisation.reason"].isHidden()
    assert [entry.by.itemData(i) for i in range(entry.by.count())] == [None, "E001"]
    dialog.pickers["vault_keeper"].choose(["E003"])
    dialog.pickers["tellers"].choose(["E004"])
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    assert "请填写授权人" in entry.fields["authorisation.by"].error.text()
    assert not entry.fields["authorisation.reason"].error.isHidden()
    assert "请填写授权书编号" in entry.fields["authorisation.reference"].error.text()
    assert entry.fields["authorisation.valid_to"].error.isHidden()
    assert dialog.inspection_id is None and inspections.list_records(people_store) == []
    entry.by.setCurrentIndex(entry.by.findData("E001"))
    entry.reason.setText("休假")  # keyClicks types ASCII only
    entry.reference.setText("授权书2026-031")
    ok.click()
    assert dialog.inspection_id and entry.fields["authorisation.by"].error.isHidden()
    with people_store.session() as s:
        auth = s.get(Inspection, dialog.inspection_id).authorisation
    assert (auth["by"], auth["reason"], auth["reference"]) == ("E001", "休假", "授权书2026-031")


def test_the_branch_head_is_not_asked_for_an_authorisation(qtbot, people_store):
    dialog = make_dialog(qtbot, people_store, "E001")
    assert dialog.entry.fields["authorisation.by"].isHidden()
    assert dialog.entry.fields["late_reason"].isHidden()


def test_a_late_entry_asks_for_its_reason(qtbot, people_store):
    from branchcheck.db.models import Inspection

    dialog = make_dialog(qtbot, people_store, "E001")
    entry = dialog.entry
    entry.when.setDateTime(entry.when.dateTime().addDays(-3))
    assert not entry.fields["late_reason"].isHidden()
    dialog.pickers["vault_keeper"].choose(["E003"])
    dialog.pickers["tellers"].choose(["E004"])
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    assert "补录原因" in entry.fields["late_reason"].error.text()
    assert inspections.list_records(people_store) == []
    entry.late_reason.setText("系统故障，纸质登记后补录")
    ok.click()
    assert dialog.inspection_id
    with people_store.session() as s:
        insp = s.get(Inspection, dialog.inspection_id)
        assert insp.late_reason == "系统故障，纸质登记后补录"
        assert insp.started_at < insp.entered_at
