"""Screenshots of each main screen at a small and a large screen, docs/screenshots/
size-1024x600-*.png and size-1920x1080-*.png (and the small size in English, size-1024x600-en-*):
sign-in, the desk, the records, an inspection at its cash count, the result, signing, a sealed
record and the findings board.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m tools.screenshots.sizes --out DIR
"""

from __future__ import annotations

import sys

from tools.screenshots import Shots, take

SIZES = ((1024, 600), (1920, 1080))
PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004", "E005"]}
COUNTED = {
    "rows": {
        "n100": {"bundles": 1, "straps": 3, "loose": 27},
        "n50": {"bundles": 0, "straps": 4, "loose": 12},
        "n20": {"bundles": 0, "straps": 2, "loose": 35},
    },
    "book_fen": 0,
}


def _complete_vault_check(s: Shots) -> str:
    """A vault check answered in full (one yes/no item 'no': a finding) and completed."""
    from branchcheck import inspections

    store = s.store
    iid = inspections.start(store, checklist="vault_check", inspector="E001", people=PEOPLE)
    state = inspections.load(store, iid)
    for item in state.template.items():
        if item.type == "yes_no":
            inspections.answer(store, iid, item.key, "no" if item.key == "registers" else "yes")
    total = inspections.answer(store, iid, "cash_count", COUNTED).computed["total_fen"]
    inspections.answer(store, iid, "cash_count", {**COUNTED, "book_fen": total})
    inspections.answer(
        store,
        iid,
        "teller_boxes",
        {
            "rows": [
                {"teller": t.employee_no, "system_fen": 500_000, "counted_fen": 500_000}
                for t in state.people["tellers"]
            ]
        },
    )
    inspections.complete(store, iid)
    return iid


def _screens(s: Shots, prefix: str, open_id: str, done_id: str, sealed_id: str) -> None:
    window = s.window
    home = window.home_screen
    window.sign_out()
    s.type_password()
    s.save(window, f"{prefix}-sign-in.png")
    s.sign_in()
    window.show_home()
    s.settle()
    home.tabs.setCurrentIndex(0)
    s.save(window, f"{prefix}-desk.png")
    home.tabs.setCurrentIndex(1)
    home.table.selectRow(0)
    s.save(window, f"{prefix}-records.png")
    window.show_inspection(open_id)
    s.settle()
    window.inspection.focus_card(window.inspection.cards["cash_count"])
    s.save(window, f"{prefix}-inspection.png")
    window.show_review(done_id)
    s.save(window, f"{prefix}-review.png")
    window.show_signing(done_id)
    s.save(window, f"{prefix}-signing.png")
    window.resume(sealed_id)
    s.save(window, f"{prefix}-sealed.png")
    window.show_findings()
    s.save(window, f"{prefix}-findings.png")


def shoot(s: Shots) -> None:
    from branchcheck import inspections
    from ui import i18n

    store = s.store
    sealed_id = next(r.id for r in inspections.list_records(store, status="sealed"))
    open_id = inspections.start(store, checklist="vault_check", inspector="E001", people=PEOPLE)
    inspections.answer(store, open_id, "cash_count", COUNTED)
    done_id = _complete_vault_check(s)
    s.sign_in()
    for width, height in SIZES:
        s.window.resize(width, height)
        _screens(s, f"size-{width}x{height}", open_id, done_id, sealed_id)
    width, height = SIZES[0]
    s.window.resize(width, height)
    i18n.set_language("en")
    try:
        _screens(s, f"size-{width}x{height}-en", open_id, done_id, sealed_id)
    finally:
        i18n.set_language("zh")


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.sizes", shoot))
