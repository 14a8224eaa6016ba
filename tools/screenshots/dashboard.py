"""Screenshots 17–21: the desk (工作台) on the demo's half year, in Chinese and in English, and the
lists its numbers open (the overdue findings, the missed obligations, the posts due for rotation)."""

from __future__ import annotations

import sys

from tools.screenshots import Shots, take


def shoot(s: Shots) -> None:
    from ui.screens.dashboard_lists import FindingsDialog, ObligationsDialog, RotationDialog

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

    for button, kind, name in (
        (board.missed, ObligationsDialog, "20_dashboard_missed.png"),
        (board.rotation, RotationDialog, "21_dashboard_rotation.png"),
    ):
        button.click()
        s.settle()
        listed = home.dialog
        if not isinstance(listed, kind):
            raise RuntimeError(f"{name}: the list did not open")
        s.save(listed, name)
        listed.reject()

    window.set_language("en")
    s.settle()
    s.save(window, "19_dashboard_en.png")
    window.set_language("zh")


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.dashboard", shoot, weeks=None))
