"""The preview dialog shows every page of the PDF it is given."""

from branchcheck.records.pdf import render_preview
from ui.screens.record_preview import PreviewDialog

DOC = {
    "record_id": "R-1",
    "local_date": "2026-11-19",
    "branch": {"name": "赣州分行营业部", "name_en": "Ganzhou Branch"},
    "inspector": {"name": "王建国", "employee_no": "E001"},
}


def test_the_dialog_loads_every_page(qtbot):
    pdf = render_preview(DOC, {"sha256": "0" * 64, "signer": DOC["inspector"]})
    dialog = PreviewDialog(pdf)
    qtbot.addWidget(dialog)
    assert dialog.pages() >= 1
    assert dialog.document.status() == dialog.document.Status.Ready
    assert dialog.view.document() is dialog.document
    assert dialog.windowTitle() == "预览记录"
