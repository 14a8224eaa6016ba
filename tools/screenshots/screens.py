"""Screenshots 01–09: sign-in, home, a new vault check, its cash count and teller boxes (and
the inspection in English), the review with findings, signing, and the sealed record."""

from __future__ import annotations

import sys
from unittest import mock

from tools.screenshots import PASSWORD, Shots, take


def shoot(s: Shots) -> None:
    from branchcheck import inspections
    from branchcheck.records.handwriting import demo_strokes
    from ui import i18n
    from ui.items.basic import YesNoWidget
    from ui.items.cash import TellerBoxesWidget
    from ui.screens.new_inspection import NewInspectionDialog

    store, window = s.store, s.window

    # 1 sign-in
    s.type_password()
    s.save(window, "01_sign_in.png")

    # 2 home: the records tab (the desk is 17)
    s.sign_in()
    window.home_screen.tabs.setCurrentIndex(1)
    window.home_screen.table.selectRow(0)
    s.save(window, "02_home.png")

    # 3 new inspection, as the home screen's button opens it
    window.home_screen.new_button.click()
    s.settle()
    dialog = window.findChild(NewInspectionDialog)
    if dialog is None:
        raise RuntimeError("新建检查 did not open")
    dialog.select_checklist("vault_check")
    dialog.pickers["vault_keeper"].choose(["E003"])
    dialog.pickers["tellers"].choose(["E004", "E005", "E006"])
    dialog.pickers["co_inspector"].choose(["E010"])
    dialog.adjustSize()
    s.save(dialog, "03_new_inspection.png")
    dialog.start()  # on the worker; the window then opens the new inspection
    s.settle()
    screen = window.inspection
    if screen.state is None:  # the dialog stays open, saying why
        raise RuntimeError(f"the new inspection did not start: {dialog.error.text()}")
    iid = screen.state.id

    # 4 the cash count, with a shortage of ¥100
    counted = {
        "rows": {
            "n100": {"bundles": 1, "straps": 3, "loose": 27},
            "n50": {"bundles": 0, "straps": 4, "loose": 12},
            "n20": {"bundles": 0, "straps": 2, "loose": 35},
            "n10": {"bundles": 0, "straps": 1, "loose": 48},
            "n5": {"bundles": 0, "straps": 0, "loose": 60},
            "n1": {"bundles": 0, "straps": 1, "loose": 5},
            "c1": {"bundles": 0, "straps": 0, "loose": 80},
        },
        "book_fen": 0,
    }
    total = inspections.answer(store, iid, "cash_count", counted).computed["total_fen"]
    inspections.answer(
        store, iid, "cash_count", {**counted, "book_fen": total + 10_000}
    )  # ¥100 short
    window.show_inspection(iid)  # read anew, with the answers given above
    s.settle()
    s.item("no_iou", YesNoWidget).choose("yes")
    s.settle()
    screen.focus_card(screen.cards["cash_count"])
    s.save(window, "04_cash_count.png")

    # 5 teller boxes
    state = inspections.load(store, iid)
    tellers = [p.employee_no for p in state.people["tellers"]]
    inspections.answer(
        store,
        iid,
        "teller_boxes",
        {
            "rows": [
                {
                    "teller": tellers[0],
                    "system_fen": 5_234_050,
                    "counted_fen": 5_234_050,
                    "vouchers_ok": True,
                    "note": "",
                },
                {
                    "teller": tellers[1],
                    "system_fen": 3_120_000,
                    "counted_fen": 3_110_000,
                    "vouchers_ok": True,
                    "note": "差 100 元，待查",
                },
            ]
        },
    )
    screen.go_to(1)
    s.settle()
    s.item("daily_settlement", YesNoWidget).choose("yes")
    screen.focus_card(screen.cards["teller_boxes"])
    s.settle()
    # the third teller is typed in on screen
    boxes = s.item("teller_boxes", TellerBoxesWidget)
    for column in (boxes.COL_SYSTEM, boxes.COL_COUNTED):
        cell = boxes.table.item(2, column)
        if cell is None:
            raise RuntimeError("the teller boxes table has no third row")
        cell.setText("2860.00")
    s.save(window, "05_teller_boxes.png")
    i18n.set_language("en")
    screen.go_to(0)
    s.save(window, "09_inspection_en.png")
    i18n.set_language("zh")
    screen.go_to(1)
    s.settle()

    # 6 the review with findings
    for item in state.template.items():
        if item.type == "yes_no" and item.key not in inspections.load(store, iid).answers:
            inspections.answer(store, iid, item.key, "no" if item.key == "registers" else "yes")
    screen.open(iid)
    s.settle()
    screen.complete()  # the window then shows the review
    s.save(window, "06_review.png")

    # 7 signing: two have signed, the third types their own password
    window.review.sign_button.click()
    s.settle()
    parties = window.signing.boxes
    for n, party in enumerate(parties):
        person = party.party.person
        if n == 2:  # the third has typed a password and not yet confirmed it
            party.password.setText(PASSWORD)
            continue
        party.confirmed(PASSWORD)
        party.pad.set_strokes(demo_strokes(person.name + person.employee_no))
        if n < 2:
            window.signing.sign(party)
    s.save(window, "07_signing.png")
    for party in parties[2:]:
        person = party.party.person
        party.confirmed(PASSWORD)
        party.pad.set_strokes(demo_strokes(person.name + person.employee_no))
        window.signing.sign(party)
    s.settle()

    # 8 sealed
    with mock.patch.object(window.signing, "ask_password", return_value=PASSWORD):
        window.signing.seal_button.click()
        s.settle()
    s.save(window, "08_sealed.png")


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.screens", shoot))
