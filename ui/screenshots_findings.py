"""Screenshot of the 问题整改 (findings) screen on a demo store, for docs/screenshots/.

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m ui.screenshots_findings --out docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots_findings")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="bc-findings-shot-"))
    os.environ["BRANCHCHECK_HOME"] = str(home)

    from ui.app import create_app

    app = create_app()
    from branchcheck import findings
    from branchcheck.db import open_store
    from branchcheck.demo import setup_demo
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.tasks import SyncTaskRunner

    store = open_store(home / "branchcheck.sqlite3")
    setup_demo(store, weeks=3)
    rows = findings.list_findings(store, state="open")
    a = next(f for f in rows if f["item_key"] == "vouchers")
    b = next(f for f in rows if f["item_key"] == "voided_handled")
    findings.start_rectification(
        store, a["id"], action="停用跳号支票并登记，柜员重新学习凭证领用规定", actor="E001"
    )
    findings.start_rectification(store, b["id"], action="重新培训作废凭证处理流程", actor="E001")
    findings.record_result(store, b["id"], result="作废凭证已剪角、加盖作废章并补登", actor="E001")
    i18n.set_language("zh")
    window = MainWindow(store, tasks=SyncTaskRunner(), home=home)
    window.resize(1280, 800)
    window.show()
    window.login.select("E001")
    window.login.password.setText("demo1234")
    window.login.sign_in()
    window.home_screen.findings_button.click()
    screen = window.findings_screen
    repeat = next(f for f in screen.rows if f["repeat"])
    screen.select_finding(repeat["id"])
    screen.action_edit.setPlainText("登记簿由管库员当日登记，负责人每周核对")
    for _ in range(10):
        app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "16_findings.png"
    window.grab().save(str(path))
    print(path)
    window.close()
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
