from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from branchcheck import inspections
from branchcheck.db.models import Signature
from ui.signature_pad import SignaturePad

from ..conftest import PASSWORD

KEY_PASSWORD = "key-pass-1"


def draw(qtbot, pad, points):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(pad, QPoint(*p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_pad_turns_mouse_drags_into_box_strokes(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.setFixedSize(300, 120)  # half the 600×240 box
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty()
    draw(qtbot, pad, [(10, 10), (50, 60), (100, 100)])
    draw(qtbot, pad, [(150, 20), (200, 30)])
    assert pad.strokes() == [[[20, 20], [100, 120], [200, 200]], [[300, 40], [400, 60]]]
    assert not pad.is_empty()
    pad.clear()
    assert pad.strokes() == []


def completed_on_signing_screen(make_window, vault, people_store):
    iid = vault.start({"vault_keeper": ["E003"], "tellers": ["E004"]})
    vault.answer_everything(iid)
    inspections.complete(people_store, iid)
    window = make_window()
    vault.sign_in(window)  # a completed inspection resumes at its review
    assert window.stack.currentWidget() is window.review
    window.review.sign_button.click()
    assert window.stack.currentWidget() is window.signing
    return iid, window


def confirm(box, password=PASSWORD):
    box.password.setText(password)
    box.confirm_button.click()


def sign_everyone(qtbot, window):
    for i, box in enumerate(window.signing.boxes):
        box.pad.setFixedSize(540, 216)
        box.pad.show()
        confirm(box)
        draw(qtbot, box.pad, [(40, 150), (120, 60 + i * 10), (220, 160), (400, 90)])
        assert box.sign_button.isEnabled()
        box.sign_button.click()


def test_signing_stores_the_strokes(make_window, vault, people_store, qtbot):
    iid, window = completed_on_signing_screen(make_window, vault, people_store)
    window.show()
    screen = window.signing
    assert [b.party.party for b in screen.boxes] == ["inspector", "vault_keeper", "tellers"]
    assert not screen.seal_button.isEnabled()
    first = screen.boxes[0]
    confirm(first)
    assert not first.sign_button.isEnabled()  # nothing drawn yet
    draw(qtbot, first.pad, [(54, 54), (108, 108), (270, 54)])
    expected = first.pad.strokes()
    first.sign_button.click()
    state = inspections.load(people_store, iid)
    assert state.parties[0].signed_at is not None
    assert "已签名" in first.status.text()
    with people_store.session() as s:
        sig = s.query(Signature).filter_by(inspection_id=iid, party="inspector").one()
        assert sig.strokes == expected
    assert not screen.seal_button.isEnabled()
    for i, box in enumerate(screen.boxes[1:]):
        confirm(box)
        draw(qtbot, box.pad, [(30, 30 + 20 * i), (200, 150)])
        box.sign_button.click()
    assert screen.seal_button.isEnabled()


@pytest.fixture
def keys_for_inspector(people_store):
    pytest.importorskip(
        "branchcheck.records.pki", reason="branchcheck.records.pki (signing keys) is not there yet"
    )
    pytest.importorskip(
        "branchcheck.records", reason="branchcheck.records (PDF/Excel) is not there yet"
    )
    from branchcheck.records import keys

    keys.create_branch_ca(people_store, ca_password="ca-pass-1", demo=True)
    keys.issue_credential(
        people_store, employee_no="E001", password=KEY_PASSWORD, ca_password="ca-pass-1", demo=True
    )


def test_full_flow_through_sealing_and_export(
    make_window, vault, people_store, keys_for_inspector, qtbot, tmp_path, monkeypatch
):
    iid, window = completed_on_signing_screen(make_window, vault, people_store)
    window.show()
    sign_everyone(qtbot, window)
    asked: list[str | None] = []
    answers = iter(["wrong-password", KEY_PASSWORD])

    def ask(error=None):
        asked.append(error)
        return next(answers)

    window.signing.preview_button.click()  # a look before sealing: the pages as they will be
    dialog = window.signing.preview_dialog
    assert dialog is not None and dialog.isVisible() and dialog.pages() >= 1
    dialog.reject()
    assert inspections.load(people_store, iid).status == "completed"
    window.signing.ask_password = ask
    window.signing.seal_button.click()
    # the wrong password is reported and asked again; the right one seals
    assert asked[0] is None and asked[1] and "密码" in asked[1]
    assert window.stack.currentWidget() is window.sealed
    assert iid in window.sealed.record.text()
    assert inspections.load(people_store, iid).status == "sealed"

    out = tmp_path / "out"
    monkeypatch.setattr("ui.operations.choose_folder", lambda parent: out)
    window.sealed.export_button.click()
    pdfs = list(out.glob("*.pdf"))
    xlsx = list(out.glob("*.xlsx"))
    assert len(pdfs) == 1 and len(xlsx) == 1
    shown = window.sealed.paths.text()
    assert str(pdfs[0].resolve()) in shown and str(xlsx[0].resolve()) in shown
    opened: list[str] = []
    window.sealed.open_url = lambda url: opened.append(url.toLocalFile()) or True
    assert window.sealed.open_file_button.isVisibleTo(window.sealed)
    window.sealed.open_file_button.click()
    window.sealed.open_folder_button.click()
    assert opened == [str(pdfs[0].resolve()), str(out.resolve())]
    window.sealed.open_url = lambda url: False
    window.sealed.open_file_button.click()
    assert "无法打开" in window.sealed.error.text()

    window.sealed.home_button.click()
    home = window.home_screen
    assert home.table.item(0, 2).text() == "已封存"
    home.select_record(iid)
    assert home.export_button.isEnabled() and not home.resume_button.isEnabled()
    out2 = tmp_path / "again"
    monkeypatch.setattr("ui.operations.choose_folder", lambda parent: out2)
    home.export_button.click()
    assert sorted(p.name.split(".", 1)[1] for p in Path(out2).iterdir()) == [
        "pdf",
        "xlsx",
        "xlsx.p7s",
    ]
    assert "已导出" in home.message.text()


def test_seal_failure_is_shown_on_the_signing_screen(make_window, vault, people_store, qtbot):
    iid, window = completed_on_signing_screen(make_window, vault, people_store)
    sign_everyone(qtbot, window)
    window.signing.ask_password = lambda error=None: "whatever"
    window.signing.seal_button.click()  # no signing key for the inspector in this store
    assert window.stack.currentWidget() is window.signing
    assert not window.signing.error.isHidden()
    assert window.signing.error.text()
    assert inspections.load(people_store, iid).status == "completed"


def test_the_pad_waits_for_the_persons_own_password(make_window, vault, people_store, qtbot):
    from branchcheck.db.models import Staff
    from branchcheck.people.signin import hash_password

    with people_store.session() as s:
        s.query(Staff).filter_by(employee_no="E003").one().password_hash = hash_password("li-own")
    iid, window = completed_on_signing_screen(make_window, vault, people_store)
    window.show()
    keeper = window.signing.boxes[1]
    assert keeper.party.person.employee_no == "E003"
    assert "李梅" in keeper.password.placeholderText()
    assert not keeper.confirm_button.isEnabled()  # nothing typed yet
    draw(qtbot, keeper.pad, [(30, 30), (200, 150)])
    assert keeper.pad.is_empty() and not keeper.sign_button.isEnabled()  # locked: no strokes
    confirm(keeper, PASSWORD)  # the inspector's password does not sign for her
    assert not keeper.password_error.isHidden()
    assert "密码不正确" in keeper.password_error.text()
    assert keeper.confirmed_password is None and keeper.password.isVisibleTo(keeper)
    draw(qtbot, keeper.pad, [(30, 30), (200, 150)])
    assert keeper.pad.is_empty()
    confirm(keeper, "li-own")
    assert keeper.password_error.isHidden() and not keeper.password.isVisibleTo(keeper)
    assert "身份已确认" in keeper.status.text()
    draw(qtbot, keeper.pad, [(30, 30), (200, 150)])
    keeper.sign_button.click()
    signed = {
        p.person.employee_no for p in inspections.load(people_store, iid).parties if p.signed_at
    }
    assert signed == {"E003"} and "已签名" in keeper.status.text()


def test_the_same_strokes_for_another_person_are_refused(make_window, vault, people_store, qtbot):
    iid, window = completed_on_signing_screen(make_window, vault, people_store)
    window.show()
    first, second = window.signing.boxes[:2]
    for box in (first, second):
        confirm(box)
        draw(qtbot, box.pad, [(40, 150), (120, 60), (220, 160), (400, 90)])
        box.sign_button.click()
    assert "已签名" in first.status.text()
    assert not second.error.isHidden() and "签名相同" in second.error.text()
    assert "王建国" in second.error.text()
    assert second.party.signed_at is None and second.sign_button.isEnabled()
    second.pad.clear()
    draw(qtbot, second.pad, [(60, 40), (300, 200), (500, 60)])
    second.sign_button.click()
    assert second.error.isHidden() and "已签名" in second.status.text()
