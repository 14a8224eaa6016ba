"""The desk on the home page: every number opens its list with the right rows, the charts draw the
desk's monthly figures, the language switches live. Obligations and the index are built by hand
(their producers live elsewhere); findings and records are the demo store's."""

from __future__ import annotations

import pytest

from branchcheck import clock, dashboard, findings, inspections
from branchcheck.dashboard import IndexQuery
from branchcheck.views import (
    ComplianceIndex,
    IndicatorScore,
    Obligation,
    PeriodChange,
    PersonName,
    ScoreReport,
)
from ui import i18n
from ui.main_window import MainWindow
from ui.screens.dashboard_lists import FindingsDialog, IndexDialog, ObligationsDialog
from ui.tasks import SyncTaskRunner

ZHANG = PersonName("E004", "张伟")


def _obligations() -> tuple[Obligation, ...]:
    today = clock.now().date()
    monday = today.toordinal() - today.weekday()
    sunday = clock.now().date().fromordinal(monday + 6).isoformat()

    def ob(key: str, status: str, due_on: str, **kw) -> Obligation:
        return Obligation(
            key=key,
            checklist="vault_check",
            reason=kw.pop("reason", "weekly"),
            period_start=today.isoformat(),
            due_on=due_on,
            status=status,
            **kw,
        )

    return (
        ob("today", "due", today.isoformat()),
        ob("week", "due", sunday, reason="teller_coverage", uncovered=(ZHANG,)),
        ob("late", "overdue", "2026-01-05"),
        ob("gone", "missed", "2026-01-09"),
        ob("said", "explained", "2026-01-16", explanation="停电，已报告"),
    )


def _indicator(key: str, zh: str, en: str, weight: float, score: int) -> IndicatorScore:
    return IndicatorScore(key, {"zh": zh, "en": en}, weight, 0.9, 9, 10, "90.0%", "≥ 90%", score)


REPORT = ScoreReport(
    current=ComplianceIndex(
        first="2026-01-01",
        last="2026-06-30",
        index=2.6,
        indicators=(
            _indicator("on_time_checks", "按期检查", "Checks on time", 0.6, 3),
            _indicator("repeat_findings", "屡查屡犯", "Repeat findings", 0.4, 2),
        ),
        checks=20,
        findings=6,
    ),
    previous=None,
    changes=(
        PeriodChange(
            "on_time_checks", {"zh": "按期检查", "en": "Checks on time"}, 0.9, 0.8, 0.1, 12.5
        ),
    ),
)


@pytest.fixture
def window(demo, home, qtbot):
    """The window on the demo store, signed in as the branch head, the desk with hand-made
    obligations and index."""
    w = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    w.home_screen.load_desk = lambda store, day: dashboard.desk(
        store, day, obligations=_obligations(), score=REPORT
    )
    qtbot.addWidget(w)
    w.login.refresh()
    w.login.select("E001")
    w.login.password.setText("demo1234")
    w.login.button.click()
    assert w.stack.currentWidget() is w.home_screen
    return w


def _dialog(window, kind):
    dialog = window.home_screen.dialog
    assert isinstance(dialog, kind)
    return dialog


def test_the_desk_is_the_home_page(window):
    home = window.home_screen
    assert home.tabs.currentIndex() == 0 and home.tabs.tabText(0) == "工作台"
    view = home.dashboard.board
    assert view.open_findings.value_text == str(home.desk.open_findings.value)
    assert view.open_findings.name_text == "未关闭问题"
    assert view.due_week.figure.value == 2
    assert "张伟 (E004)" in view.to_cover.text()
    assert view.index_button.value_text == "2.60"


def test_each_findings_number_opens_its_findings(window, demo, qtbot):
    home = window.home_screen
    today = home.today()
    every = findings.list_findings(demo, as_of=today)
    expected = {
        home.dashboard.board.open_findings: [f.id for f in every if f.state != "closed"],
        home.dashboard.board.overdue_findings: [f.id for f in every if f.overdue],
        home.dashboard.board.repeat_findings: [
            f.id for f in every if f.repeat and f.state != "closed"
        ],
    }
    for button in home.dashboard.board.severity_buttons.values():
        column, severity = button.figure.key.split(":")
        expected[button] = [
            f.id
            for f in every
            if f.severity == severity
            and (f.overdue if column == "overdue" else f.state != "closed")
        ]
    assert len(home.dashboard.board.severity_buttons) == 8
    for button, ids in expected.items():
        button.click()
        dialog = _dialog(window, FindingsDialog)
        assert dialog.ids() == ids, button.figure.key
        assert dialog.table.rowCount() == len(ids) == button.figure.value
        dialog.reject()
    assert any(expected.values())


def test_a_listed_finding_opens_on_the_findings_board(window):
    home = window.home_screen
    home.dashboard.board.open_findings.click()
    dialog = _dialog(window, FindingsDialog)
    dialog.table.selectRow(1)
    chosen = dialog.rows[1].id
    dialog.open_button.click()
    assert window.stack.currentWidget() is window.findings_screen
    assert window.findings_screen.selected().id == chosen


def test_each_obligations_number_opens_its_obligations(window):
    view = window.home_screen.dashboard.board
    for button, keys in (
        (view.due_today, ["today"]),
        (view.due_week, ["today", "week"]),
        (view.overdue, ["late"]),
        (view.missed, ["gone", "said"]),
    ):
        button.click()
        dialog = _dialog(window, ObligationsDialog)
        assert [o.key for o in dialog.rows] == keys
        assert dialog.table.rowCount() == len(keys)
        dialog.reject()
    view.missed.click()
    dialog = _dialog(window, ObligationsDialog)
    assert dialog.cell(0, 4) == "漏做" and dialog.cell(1, 4) == "漏做（已说明）"
    assert dialog.cell(1, 7) == "停电，已报告"


def test_the_index_opens_its_parts(window):
    window.home_screen.dashboard.board.index_button.click()
    dialog = _dialog(window, IndexDialog)
    assert [dialog.cell(r, 0) for r in range(dialog.table.rowCount())] == ["按期检查", "屡查屡犯"]
    assert (dialog.cell(0, 3), dialog.cell(0, 4), dialog.cell(0, 5)) == ("3", "60%", "0.80")
    assert dialog.cell(0, 6) == "+0.10 (+12.5%)" and dialog.cell(1, 6) == "—"
    assert "2.60" in dialog.total.text()


def test_the_charts_draw_the_monthly_figures(window):
    home = window.home_screen
    months = home.desk.months
    assert len(months) == 12 and months[-1].month == home.today().isoformat()[:7]
    assert home.dashboard.board.activity_chart.values() == {
        "完成检查": [float(m.checks.value) for m in months],
        "发现问题": [float(m.findings.value) for m in months],
    }
    assert home.dashboard.board.rectified_chart.values() == {
        "按期整改": [float(m.rectified_on_time.value) for m in months],
        "逾期整改": [float(m.rectified_late.value) for m in months],
        "漏做": [float(m.missed.value) for m in months],
    }
    assert sum(m.checks.value for m in months) > 0


def test_a_month_s_bar_opens_its_records(window, demo):
    home = window.home_screen
    months = home.desk.months
    index = max(range(12), key=lambda i: months[i].checks.value)
    checks = home.dashboard.board.activity_chart.series.barSets()[0]
    checks.clicked.emit(index)
    assert home.tabs.currentIndex() == 1
    month = months[index].month
    assert home.table.rowCount() == months[index].checks.value > 0
    assert {r.local_date[:7] for r in home.records} == {month}
    assert {r.status for r in home.records} == {"sealed"}
    assert home.filter_label.isVisibleTo(home)
    home.clear_filter_button.click()
    assert home.table.rowCount() == len(inspections.list_records(demo))
    assert not home.filter_label.isVisibleTo(home)


def test_a_month_s_findings_bar_opens_that_month_s_findings(window, demo):
    home = window.home_screen
    months = home.desk.months
    index = max(range(12), key=lambda i: months[i].findings.value)
    home.dashboard.board.activity_chart.series.barSets()[1].clicked.emit(index)
    dialog = _dialog(window, FindingsDialog)
    made = [
        f.id
        for f in findings.list_findings(demo, as_of=home.today())
        if f.created_at.startswith(months[index].month)
    ]
    assert dialog.ids() == made and len(made) == months[index].findings.value > 0


def test_the_desk_switches_to_english(window, qtbot):
    home = window.home_screen
    try:
        window.set_language("en")
        qtbot.waitUntil(lambda: home.tabs.tabText(0) == "Desk")
        assert home.tabs.tabText(1) == "Records"
        assert home.dashboard.board.open_findings.name_text == "Open findings"
        assert ">Findings</b>" in home.dashboard.board.findings_title.text()
        assert "Tellers still to cover: 张伟 (E004)" == home.dashboard.board.to_cover.text()
        assert set(home.dashboard.board.activity_chart.values()) == {"Checks done", "Findings made"}
        home.dashboard.board.overdue.click()
        dialog = _dialog(window, ObligationsDialog)
        assert dialog.cell(0, 4) == "Overdue"
    finally:
        i18n.set_language("zh")
    qtbot.waitUntil(lambda: home.tabs.tabText(0) == "工作台")


class HeldTasks(SyncTaskRunner):
    """Holds each task until `run_all()`: what the window shows while the worker reads."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list = []

    def run_in_background(self, fn, on_done=None, on_error=None) -> None:
        self.held.append((fn, on_done, on_error))

    def run_all(self) -> None:
        while self.held:
            super().run_in_background(*self.held.pop(0))


def test_the_desk_says_it_is_reading_until_the_worker_is_done(demo, qtbot):
    from ui.screens.home import HomeScreen

    tasks = HeldTasks()
    home = HomeScreen(
        demo,
        tasks=tasks,
        load_desk=lambda store, day: dashboard.desk(store, day, obligations=(), score=None),
    )
    qtbot.addWidget(home)
    home.refresh()
    assert home.dashboard.status.text() == "正在读取工作台…"
    board = home.dashboard.board
    assert board is not None and not board.isVisibleTo(home)  # shown with the first desk
    assert not home.refresh_button.isEnabled() and home.desk is None
    tasks.run_all()
    assert home.dashboard.status.isHidden() and home.refresh_button.isEnabled()
    assert home.desk is not None and board.isVisibleTo(home)
    assert board.open_findings.figure == home.desk.open_findings


def test_the_rotation_number_opens_the_posts_held_too_long(demo, home, qtbot):
    """With the real desk (branchcheck.dashboard.load): the demo's vault keeper and one loader's
    route are due for rotation."""
    from ui.screens.dashboard_lists import RotationDialog

    w = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(w)
    w.login.refresh()
    w.login.select("E001")
    w.login.password.setText("demo1234")
    w.login.button.click()
    w.show_home()
    board = w.home_screen.dashboard.board
    assert board.rotation.figure.value == 2
    board.rotation.click()
    dialog = w.home_screen.dialog
    assert isinstance(dialog, RotationDialog)
    assert dialog.table.rowCount() == 2
    assert {dialog.cell(r, 0) for r in range(2)} == {"李梅 (E003)", "赵磊 (E006)"}
    assert "R01" in {dialog.cell(r, 1).split(" · ")[-1] for r in range(2)}


def test_the_index_exports_its_period_report(window, tmp_path):
    """导出期间报告 writes the index's period as a workbook and a PDF and says so."""
    home = window.home_screen
    home.open_list(IndexQuery())
    dialog = _dialog(window, IndexDialog)
    home.export_period(dialog, tmp_path / "report")
    assert sorted(p.suffix for p in (tmp_path / "report").iterdir()) == [".pdf", ".xlsx"]
    assert "已导出" in dialog.status.text() and dialog.export_button.isEnabled()
