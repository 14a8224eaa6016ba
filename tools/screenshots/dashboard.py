"""Screenshots 17–19: the desk (工作台) on the demo's half year, in Chinese and in English, and the
list one of its numbers opens (the overdue findings)."""

from __future__ import annotations

import sys

from tools.screenshots import Shots, take


def shoot(s: Shots) -> None:
    from ui.screens.dashboard_lists import FindingsDialog

    window = s.window
    s.sign_in()
    home = window.home_screen
    home.tabs.setCurrentIndex(0)
    s.save(window, "17_dashboard.png")

    board = home.dashboard.board
    if board is None:
        raise RuntimeError("the desk was not shown")
    board.overdue_findings.click()
    s.settle()
    dialog = home.dialog
    if not isinstance(dialog, FindingsDialog):
        raise RuntimeError("the overdue findings did not open")
    s.save(dialog, "18_dashboard_findings.png")
    dialog.reject()

    window.set_language("en")
    s.settle()
    s.save(window, "19_dashboard_en.png")
    window.set_language("zh")


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.dashboard", shoot, weeks=None))
