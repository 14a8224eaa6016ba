"""附件 on an item card: files added from the dialog go to the core (the worker), listed with
size and hash; a file that is no photo, scan or PDF is refused next to the list; removal."""

import io

from PIL import Image

from branchcheck import inspections
from branchcheck.inspections import evidence
from ui.items import ItemContext
from ui.items.attachments import AttachmentsBar
from ui.tasks import SyncTaskRunner


def bar_for(qtbot, store, iid, key="registers"):
    state = inspections.load(store, iid)
    bar = AttachmentsBar(
        state.template.item(key), ItemContext(state), store=store, tasks=SyncTaskRunner()
    )
    qtbot.addWidget(bar)
    return bar


def photo(path):
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (0, 90, 60)).save(buf, "JPEG")
    path.write_bytes(buf.getvalue())
    return path


def test_files_are_added_listed_and_removed(qtbot, vault, people_store, tmp_path):
    iid = vault.start()
    bar = bar_for(qtbot, people_store, iid)
    assert bar.title.text() == "附件（0）" and bar.list.isHidden()
    jpg = photo(tmp_path / "登记簿.jpg")
    bar.choose_files = lambda: [jpg]
    bar.add_button.click()
    [stored] = evidence.item_evidence(people_store, iid)
    assert stored.item_key == "registers" and stored.added_by.employee_no == "E001"
    assert bar.title.text() == "附件（1）" and not bar.list.isHidden()
    row = bar.list.item(0)
    assert "登记簿.jpg" in row.text() and stored.sha256[:12] in row.text()
    assert stored.sha256 in row.toolTip()
    assert not bar.remove_button.isEnabled()
    row.setSelected(True)
    bar.remove_button.click()
    assert evidence.item_evidence(people_store, iid) == [] and bar.title.text() == "附件（0）"


def test_a_file_that_is_no_evidence_is_refused_next_to_the_list(
    qtbot, vault, people_store, tmp_path
):
    iid = vault.start()
    bar = bar_for(qtbot, people_store, iid)
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo", encoding="utf-8")
    good = photo(tmp_path / "ok.jpg")
    bar.choose_files = lambda: [good, text]
    bar.add_button.click()
    assert not bar.error.isHidden() and "不是照片、扫描件或 PDF" in bar.error.text()
    assert [f.filename for f in bar.files] == ["ok.jpg"]  # the file before the refused one stays
    assert bar.add_button.isEnabled()
    bar.choose_files = lambda: []  # the dialog cancelled: nothing happens
    bar.add_button.click()
    assert len(evidence.item_evidence(people_store, iid)) == 1


def test_every_card_of_the_inspection_screen_has_its_bar(make_window, vault, people_store):
    iid = vault.start()
    window = make_window()
    vault.sign_in(window)
    assert window.stack.currentWidget() is window.inspection
    cards = window.inspection.cards
    bars = [card.findChild(AttachmentsBar) for card in cards.values()]
    assert cards and all(b is not None and b.inspection_id == iid for b in bars)
