"""Screenshot 16: the 问题整改 (findings) screen, one finding in rectification, one awaiting
review, and a repeat finding selected with its action being typed."""

from __future__ import annotations

import sys

from tools.screenshots import SIGN_IN_AS, Shots, take


def shoot(s: Shots) -> None:
    from branchcheck import findings

    store, window = s.store, s.window
    rows = findings.list_findings(store, state="open")
    a = next(f for f in rows if f.item_key == "vouchers")
    b = next(f for f in rows if f.item_key == "voided_handled")
    findings.start_rectification(
        store, a.id, action="停用跳号支票并登记，柜员重新学习凭证领用规定", actor=SIGN_IN_AS
    )
    findings.start_rectification(store, b.id, action="重新培训作废凭证处理流程", actor=SIGN_IN_AS)
    findings.record_result(store, b.id, result="作废凭证已剪角、加盖作废章并补登", actor=SIGN_IN_AS)
    s.sign_in()
    window.home_screen.findings_button.click()
    s.settle()
    screen = window.findings_screen
    repeat = next(f for f in screen.rows if f.repeat)
    screen.select_finding(repeat.id)
    s.settle()
    screen.action_edit.setPlainText("登记簿由管库员当日登记，负责人每周核对")
    s.save(window, "16_findings.png")


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.findings", shoot))
