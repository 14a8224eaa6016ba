"""From the desk's list of obligations the branch head explains a miss and records a teller's
absence; a refusal shows next to the fields and changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from branchcheck import clock
from branchcheck.db.models import ObligationNote, StaffAbsence
from ui.main_window import MainWindow
from ui.screens.dashboard_lists import ObligationsDialog
from ui.screens.obligation_actions import AbsenceDialog, ExplainDialog
from ui.tasks import SyncTaskRunner

from ...branchcheck.schedule.conftest import vault_check


@pytest.fixture
def window(people_store, home, qtbot):
    """Two weeks ago a check left E006 out; last week had no check at all."""
    today = clock.now().date()
    monday = today - timedelta(days=today.weekday())
    vault_check(people_store, monday - timedelta(weeks=2), tellers=("E004", "E005"))
    w = MainWindow(people_store, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(w)
    return w, monday


def _sign_in(w, employee_no):
    w.login.refresh()
    w.login.select(employee_no)
    w.login.password.setText("demo1234")
    w.login.button.click()
    w.show_home()  # E001's completed check, still to sign, opens first
    assert w.stack.currentWidget() is w.home_screen


def _missed_list(w) -> ObligationsDialog:
    home = w.home_screen
    home.open_list(home.desk.missed_obligations.opens)
    dialog = home.dialog
    assert isinstance(dialog, ObligationsDialog)
    return dialog


def _select(dialog: ObligationsDialog, key: str) -> None:
    dialog.table.selectRow([o.key for o in dialog.rows].index(key))


def test_the_branch_head_explains_a_missed_week(window, people_store):
    w, monday = window
    _sign_in(w, "E001")
    dialog = _missed_list(w)
    week = (monday - timedelta(weeks=1)).isocalendar()
    key = f"vault_check:weekly:{week.year}-W{week.week:02d}"
    _select(dialog, key)
    assert dialog.explain_button.isEnabled()
    dialog.explain_button.click()
    form = w.home_screen.action_dialog
    assert isinstance(form, ExplainDialog) and form.obligation.key == key
    # the person reads the checklist and the week, never the internal key
    assert "网点负责人查库 · 每周查库" in form.intro.text() and key not in form.intro.text()
    form.save_button.click()  # no reason: refused, next to the field
    assert form.error.isVisible() and "说明理由不能为空" in form.error.text()
    form.reason.setPlainText("全行停电，已报告总行")
    form.save_button.click()
    with people_store.session() as s:
        note = s.scalars(select(ObligationNote)).one()
    assert (note.obligation_key, note.reason) == (key, "全行停电，已报告总行")
    explained = {o.key: o.status for o in w.home_screen.desk.obligations}
    assert explained[key] == "explained"


def test_a_teller_cannot_explain_and_nothing_is_stored(window, people_store):
    w, monday = window
    _sign_in(w, "E004")
    dialog = _missed_list(w)
    week = (monday - timedelta(weeks=1)).isocalendar()
    _select(dialog, f"vault_check:weekly:{week.year}-W{week.week:02d}")
    dialog.explain_button.click()
    form = w.home_screen.action_dialog
    form.reason.setPlainText("我来说明")
    form.save_button.click()
    assert form.isVisible() and "须由网点负责人办理" in form.error.text()
    with people_store.session() as s:
        assert s.scalars(select(ObligationNote)).all() == []


def test_an_absent_teller_is_no_longer_to_cover(window, people_store):
    w, monday = window
    _sign_in(w, "E001")
    home = w.home_screen
    home.open_list(home.desk.due_this_week.opens)
    dialog = home.dialog
    week = monday.isocalendar()
    key = f"vault_check:teller_coverage:{week.year}-W{week.week:02d}"
    _select(dialog, key)
    assert dialog.absence_button.isEnabled() and not dialog.explain_button.isEnabled()
    dialog.absence_button.click()
    form = home.action_dialog
    assert isinstance(form, AbsenceDialog)
    form.person.setCurrentIndex(form.person.findData("E005"))
    form.reason.setText("年休假")
    form.save_button.click()
    with people_store.session() as s:
        away = s.scalars(select(StaffAbsence)).one()
    assert (away.first_day, away.last_day, away.kind) == (
        monday.isoformat(),
        (monday + timedelta(days=6)).isoformat(),
        "leave",
    )
    coverage = {o.key: o for o in home.desk.obligations}[key]
    assert "E005" not in {p.employee_no for p in coverage.uncovered}
    assert "E004" in {p.employee_no for p in coverage.uncovered}
