"""Screenshots of every screen for docs/screenshots, from a demo store in a temporary data home.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m ui.screenshots --out docs/screenshots

Run it on a real (xcb) display, not offscreen, so fonts render as on a desktop."""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from pathlib import Path

SIZE = (1280, 800)


def _pump(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget, out: Path, name: str, app) -> None:
    _pump(app)
    path = out / name
    widget.grab().save(str(path))
    print(path)


def _scribble(seed: int) -> list[list[list[int]]]:
    """A cursive-looking line of loops, if the core's demo strokes are not available."""
    points = []
    for i in range(120):
        t = i / 119
        x = 50 + 480 * t + 28 * math.cos(t * 18 + seed)
        y = 140 - 45 * math.sin(t * 18 + seed) * (1 - 0.4 * t)
        points.append([round(x), round(y)])
    return [points, [[70 + seed * 7, 175], [300, 168], [520, 178]]]


def _strokes(name: str, n: int):
    try:
        from branchcheck.records.handwriting import demo_strokes

        return demo_strokes(name)
    except ImportError:
        return _scribble(n)


def _demo_store(home: Path):
    from branchcheck.db import open_store
    from branchcheck.people import register as staff
    from branchcheck.records import keys

    store = open_store(home / "branchcheck.sqlite3")
    try:
        from branchcheck.demo import setup_demo

        setup_demo(store, weeks=3)
        return store, "demo1234"
    except Exception as exc:  # noqa: BLE001 - the demo is optional for screenshots
        print(f"demo data not available ({exc}); using a minimal branch", file=sys.stderr)
    store.dispose()
    (home / "branchcheck.sqlite3").unlink(missing_ok=True)
    store = open_store(home / "branchcheck.sqlite3")
    staff.add_branch(store, code="GZ0101", name="赣州分行营业部", name_en="Ganzhou Branch")
    people = [
        ("E001", "王建国", ["branch_head"]),
        ("E003", "李梅", ["vault_keeper"]),
        ("E004", "张伟", ["teller"]),
        ("E005", "刘芳", ["teller"]),
        ("E006", "赵磊", ["teller"]),
        ("E010", "郑华", ["supervisor"]),
    ]
    for no, name, roles in people:
        staff.add_staff(store, employee_no=no, name=name, roles=roles, password="demo1234")
    keys.create_branch_ca(store, ca_password="demo-ca-1234", demo=True)
    keys.issue_credential(
        store, employee_no="E001", password="demo1234", ca_password="demo-ca-1234", demo=True
    )
    return store, "demo1234"


def take(out: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="branchcheck-shots-"))
    os.environ["BRANCHCHECK_HOME"] = str(home)
    from ui.app import create_app

    app = create_app()
    from branchcheck import inspections
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.tasks import SyncTaskRunner

    store, password = _demo_store(home)
    i18n.set_language("zh")
    window = MainWindow(store, tasks=SyncTaskRunner(), home=home)
    window.resize(*SIZE)
    window.show()
    _pump(app)
    out.mkdir(parents=True, exist_ok=True)

    # 1 sign-in
    window.login.select("E001")
    window.login.password.setText(password)
    _save(window, out, "01_sign_in.png", app)

    # 2 home
    window.login.sign_in()
    window.home_screen.table.selectRow(0)
    _save(window, out, "02_home.png", app)

    # 3 new inspection
    dialog = window.new_inspection_dialog()
    dialog.select_checklist("vault_check")
    dialog.pickers["vault_keeper"].choose(["E003"])
    dialog.pickers["tellers"].choose(["E004", "E005", "E006"])
    dialog.pickers["co_inspector"].choose(["E010"])
    dialog.show()
    dialog.adjustSize()
    _save(dialog, out, "03_new_inspection.png", app)
    dialog.start()
    iid = dialog.inspection_id
    dialog.close()

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
    window.show_inspection(iid)
    screen = window.inspection
    screen.cards["no_iou"].widget.choose("yes")
    _pump(app)
    screen.focus_card(screen.cards["cash_count"])
    _save(window, out, "04_cash_count.png", app)

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
    screen.cards["daily_settlement"].widget.choose("yes")
    screen.focus_card(screen.cards["teller_boxes"])
    _pump(app)
    # the third teller is typed in on screen
    boxes = screen.cards["teller_boxes"].widget
    boxes.table.item(2, boxes.COL_SYSTEM).setText("2860.00")
    boxes.table.item(2, boxes.COL_COUNTED).setText("2860.00")
    _save(window, out, "05_teller_boxes.png", app)
    i18n.set_language("en")
    _pump(app)
    screen.go_to(0)
    _save(window, out, "09_inspection_en.png", app)
    i18n.set_language("zh")
    _pump(app)
    screen.go_to(1)

    # 6 the review with findings
    for item in state.template.items():
        if item.type == "yes_no" and item.key not in inspections.load(store, iid).answers:
            inspections.answer(store, iid, item.key, "no" if item.key == "registers" else "yes")
    screen.open(iid)
    screen.complete()
    _save(window, out, "06_review.png", app)

    # 7 signing: two have signed, the third has drawn
    window.review.sign_button.click()
    boxes = window.signing.boxes
    for n, box in enumerate(boxes):
        box.pad.set_strokes(_strokes(box.party.person.name + box.party.person.employee_no, n))
        if n < 2:
            window.signing.sign(box)
    _save(window, out, "07_signing.png", app)
    for box in boxes[2:]:
        window.signing.sign(box)

    # 8 sealed
    window.signing.ask_password = lambda error=None: password
    window.signing.seal_button.click()
    _save(window, out, "08_sealed.png", app)

    window.close()
    store.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    take(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
