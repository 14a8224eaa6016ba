"""Screenshots 22–28: the set-up assistant on an empty store (the branch, the administrator with a
refused field, the staff page, done) and the 人员 administration screen on the demo branch (branch
staff with a deactivated person, the escorts apart, a staff list's preview with a row error)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from tools.screenshots import SIZE, Shots, take, wait_for

STAFF_LIST = (
    "赣州分行营业部 人员名单\n"
    "工号,姓名,岗位,外部,单位\n"
    "E020,钱多多,柜员,,\n"
    "E021,孙悟,清分员、柜员,,\n"
    "E022,周文,飞行员,,\n"
    "X009,蔡勇,押运人员,是,赣州安保押运公司\n"
)


def assistant(out: Path) -> None:
    """22–25 on a new, empty store, the window started as the app starts it."""
    home = Path(tempfile.mkdtemp(prefix="branchcheck-shots-"))
    os.environ["BRANCHCHECK_HOME"] = str(home)
    from PySide6.QtCore import QEventLoop

    from ui.app import create_app

    create_app()
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.set_language("zh")
    window = MainWindow(database=home / "branchcheck.sqlite3", home=home)
    window.resize(*SIZE)
    window.show()
    loop = QEventLoop()
    try:
        window.show_sign_in()
        wait_for(loop, lambda: window.setup is not None, "the set-up assistant")
        setup = window.setup
        assert setup is not None

        def save(name: str) -> None:
            wait_for(loop, lambda: not window.tasks.busy, "the worker")
            for _ in range(5):
                loop.processEvents()
            window.grab().save(str(out / name))
            print(out / name)

        setup.branch.code.setText("GZ0101")
        setup.branch.name.setText("赣州分行营业部")
        setup.branch.name_en.setText("Ganzhou Branch, Business Department")
        setup.branch.head_office.setText("赣州分行")
        save("22_setup_branch.png")
        setup.next_button.click()
        admin = setup.admin
        admin.employee_no.setText("E001")
        admin.name.setText("王建国")
        for edit in (admin.password, admin.password_again):
            edit.setText("short")
        for edit in (admin.ca_password, admin.ca_password_again):
            edit.setText("ca-pass-123")
        setup.next_button.click()
        save("23_setup_admin.png")  # the password refused next to its field
        for edit in (admin.password, admin.password_again):
            edit.setText("head-pass-1")
        setup.next_button.click()
        wait_for(loop, lambda: setup.result is not None, "the set-up")
        staff = setup.staff
        for no, name, roles in (("E003", "李梅", ["vault_keeper"]), ("E004", "张伟", ["teller"])):
            staff.form.employee_no.setText(no)
            staff.form.name.setText(name)
            staff.form.roles.set_roles(roles)
            staff.add()
            wait_for(loop, lambda: not window.tasks.busy, "adding a person")
        staff.form.employee_no.setText("E005")
        staff.form.name.setText("刘芳")
        staff.form.roles.set_roles(["teller"])
        save("24_setup_staff.png")
        setup.next_button.click()
        save("25_setup_done.png")
    finally:
        window.close()
        if window.lazy is not None:
            window.lazy.dispose()


def administration(s: Shots) -> None:
    """26–28 on the demo branch: the register, the escorts, a staff list's preview."""
    from branchcheck.people import admin
    from ui.screens.admin_staff import open_dialog

    admin.deactivate(s.store, actor="E001", employee_no="E008", reason="调离本网点")
    s.sign_in()
    dialog = open_dialog(s.window)
    assert dialog is not None
    dialog.resize(1100, 680)
    s.settle()
    dialog.staff_tab.select("E005")
    s.save(dialog, "26_admin_staff.png")
    dialog.tabs.setCurrentIndex(1)
    s.save(dialog, "27_admin_escorts.png")
    dialog.tabs.setCurrentIndex(0)
    path = s.home / "人员名单.csv"
    path.write_text(STAFF_LIST, encoding="utf-8")
    dialog.import_button.click()
    imported = dialog.import_dialog
    assert imported is not None
    imported.resize(900, 560)
    imported.file_edit.setText(str(path))
    imported.read()
    s.save(imported, "28_staff_import.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots.admin")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    assistant(args.out)
    return take("python -m tools.screenshots.admin", administration, ["--out", str(args.out)])


if __name__ == "__main__":
    sys.exit(main())
