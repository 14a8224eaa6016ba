# longer than 500 lines: one screen (the desk, the records with their search and filters, the actions on a record).
"""首页: the branch head's desk (工作台) and the records of this branch (记录), and what to do next.

The desk and the records are read in one background task; a number of the desk opens its list:
the records tab filtered, or a dialog of the findings, obligations or index parts it counts. The
records tab searches and filters in the core (`inspections.list_records` with the filters of the
bar above the table), on the worker; Enter or a double click opens the selected record."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchcheck import clock, dashboard, inspections
from branchcheck.dashboard import (
    Desk,
    FindingsQuery,
    IndexQuery,
    ObligationsQuery,
    Opens,
    RecordsQuery,
    RotationQuery,
)
from branchcheck.db import Store
from branchcheck.inspections.listing import RECORD_STATES
from branchcheck.people.signin import StaffInfo
from branchcheck.views import Obligation, RecordSummary
from ui import i18n
from ui.screens import (
    Screen,
    error_label,
    primary_button,
    select_by_id,
    selected_row,
    show_error,
    subtle_label,
    title_label,
)
from ui.screens.dashboard import DashboardView
from ui.screens.dashboard_lists import (
    FindingsDialog,
    IndexDialog,
    ObligationsDialog,
    RotationDialog,
)
from ui.screens.filters import FilterBar, enter_opens
from ui.screens.obligation_actions import AbsenceDialog, ExplainDialog
from ui.tasks import TaskRunner, describe

DeskLoader = Callable[[Store, date], Desk]  # the desk of a day, on the worker thread

EXPORTING = {"zh": "正在导出期间报告…", "en": "Exporting the period report…"}
EXPORTED = {"zh": "已导出 {files}（{folder}）", "en": "Written: {files} ({folder})"}
T = {
    "desk": {"zh": "工作台", "en": "Desk"},
    "records": {"zh": "记录", "en": "Records"},
    "filtered": {"zh": "筛选：{what}（{n} 条）", "en": "Filter: {what} ({n} records)"},
    "month": {"zh": "{month} 已封存的检查", "en": "checks sealed in {month}"},
    "sealed": {"zh": "已封存的检查", "en": "sealed checks"},
    "clear": {"zh": "显示全部", "en": "Show all"},
    "shown": {"zh": "共 {n} 条", "en": "{n} records"},
    "shown_one": {"zh": "共 {n} 条", "en": "{n} record"},
}
DeskLoaded = tuple[list[RecordSummary], Desk, list[StaffInfo]]


def t(key: str) -> str:
    return i18n.text(T[key])


class HomeScreen(Screen):
    new_requested = Signal()
    resume_requested = Signal(str)  # inspection ID
    export_requested = Signal(str)  # record ID
    import_requested = Signal()  # 导入账户清单
    correct_requested = Signal(str)  # record ID: start a correction (a new version)
    findings_requested = Signal()  # 问题整改
    finding_requested = Signal(str)  # 问题整改, with this finding selected

    def __init__(
        self,
        store: Store,
        *,
        tasks: TaskRunner,
        load_desk: DeskLoader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.load_desk = load_desk
        self.records: list[RecordSummary] = []  # as shown: those the filters let through
        self.records_filter: RecordsQuery | None = None  # the desk's number that set the filters
        self.desk: Desk | None = None
        self.dialog: FindingsDialog | ObligationsDialog | IndexDialog | RotationDialog | None = None
        self.action_dialog: ExplainDialog | AbsenceDialog | None = None
        self.staff: list[StaffInfo] = []  # for the person filter
        self.actor = ""  # the signed-in person (MainWindow.signed_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.subtitle = subtle_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addSpacing(24)
        self.new_button = primary_button(self)
        self.resume_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.correct_button = QPushButton(self)
        self.findings_button = QPushButton(self)
        for b in (self.new_button, self.import_button, self.findings_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)

        self.tabs = QTabWidget(self)
        self.dashboard = DashboardView(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.dashboard)
        self.tabs.addTab(scroll, "")
        records = QWidget(self)
        r_layout = QVBoxLayout(records)
        r_layout.setContentsMargins(0, 8, 0, 0)
        r_layout.addWidget(self.subtitle)
        self.filters = FilterBar(records)
        self.filters.add_choice("checklist", lambda: self.tr("检查项目"))
        self.filters.add_choice("status", lambda: self.tr("状态"))
        self.filters.add_choice("person", lambda: self.tr("人员"))
        r_layout.addWidget(self.filters)
        record_buttons = QHBoxLayout()
        for b in (self.resume_button, self.export_button, self.correct_button):
            record_buttons.addWidget(b)
        record_buttons.addSpacing(16)
        self.dates = self.filters.add_dates(record_buttons)
        record_buttons.addStretch(1)
        self.filter_label = QLabel(records)
        self.filter_label.setObjectName("subtle")
        self.clear_filter_button = QPushButton(records)
        record_buttons.addWidget(self.filter_label)
        record_buttons.addWidget(self.clear_filter_button)
        r_layout.addLayout(record_buttons)
        self.tabs.addTab(records, "")
        layout.addWidget(self.tabs, 1)
        self.table = QTableWidget(0, 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        r_layout.addWidget(self.table, 1)
        self.message = subtle_label(self)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label(self)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

        self.new_button.clicked.connect(self.new_requested.emit)
        self.resume_button.clicked.connect(self._resume)
        self.export_button.clicked.connect(self._export)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.import_button.clicked.connect(self.import_requested)
        self.correct_button.clicked.connect(self._correct)
        self.findings_button.clicked.connect(self.findings_requested.emit)
        self.clear_filter_button.clicked.connect(lambda: self.show_records(None))
        self.filters.changed.connect(self._filters_changed)
        self.dashboard.open_requested.connect(self.open_list)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self._open_selected())
        enter_opens(self.table, self._open_selected)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, t("desk"))
        self.tabs.setTabText(1, t("records"))
        self.clear_filter_button.setText(t("clear"))
        self.dashboard.retranslate()
        self.title.setText(self.tr("首页"))
        self.subtitle.setText(
            self.tr("本网点的检查记录。选择一条进行中的检查可继续，已封存的记录可导出。")
        )
        self.new_button.setText(self.tr("新建检查"))
        self.import_button.setText(self.tr("导入账户清单"))
        self.resume_button.setText(self.tr("继续"))
        self.export_button.setText(self.tr("导出…"))
        self.correct_button.setText(self.tr("更正…"))
        self.correct_button.setToolTip(
            self.tr("已封存的记录不可更改；更正会建立指向原记录的新版本。")
        )
        self.findings_button.setText(self.tr("问题整改").replace("&", "&&"))  # not a mnemonic
        self.findings_button.setToolTip(self.tr("本网点的检查问题：整改、复查、关闭"))
        self.refresh_button.setText(self.tr("刷新"))
        self.filters.retranslate()
        self.filters.search.setPlaceholderText(self.tr("搜索检查、人员或记录编号"))
        self.dates.retranslate(self.tr("日期"), self.tr("至"))
        self.filters.set_choices("status", [(s, self.status_text(s)) for s in RECORD_STATES])
        self._fill_choices()
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("日期"),
                self.tr("检查"),
                self.tr("状态"),
                self.tr("检查人"),
                self.tr("问题数"),
                self.tr("记录编号"),
            ]
        )
        self._show_filter()
        self._fill()

    def status_text(self, status: str) -> str:
        return {
            "in_progress": self.tr("进行中"),
            "completed": self.tr("待签名"),
            "sealed": self.tr("已封存"),
        }.get(status, status)

    def today(self) -> date:
        return clock.now().date()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the desk and the records in the background; `then` runs once they are shown."""
        store, load_desk, today = self.store, self.load_desk, self.today()
        self.refresh_button.setEnabled(False)
        self.dashboard.set_loading(True)
        self.dashboard.prepare()  # on the GUI thread while the worker reads

        filters = self.query()

        def read() -> DeskLoaded:
            from branchcheck.people.roster import list_staff

            records = inspections.list_records(store, **filters)
            return records, load_desk(store, today), list_staff(store)

        def done(result: DeskLoaded) -> None:
            self.refresh_button.setEnabled(True)
            self.records, self.desk, self.staff = result
            self.dashboard.show_desk(self.desk)
            self._fill_choices()
            self._show_filter()
            self._fill()
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.dashboard.set_loading(False)
            self.show_failure(describe(exc))

        self.tasks.run_in_background(read, done, failed)

    # ------------------------------------------------------------------ what a number opens

    def open_list(self, query: Opens) -> None:
        """Open the list behind a number of the desk."""
        if isinstance(query, RecordsQuery):
            self.show_records(query)
        elif isinstance(query, FindingsQuery):
            self._open_findings(query)
        elif isinstance(query, ObligationsQuery) and self.desk is not None:
            dialog = ObligationsDialog(
                dashboard.select_obligations(self.desk, query),
                self,
                titles=self.desk.checklist_titles,
            )
            dialog.explain_chosen.connect(self.explain_obligation)
            dialog.absence_chosen.connect(self.record_absence)
            self._show_dialog(dialog)
        elif isinstance(query, RotationQuery) and self.desk is not None:
            self._show_dialog(RotationDialog(self.desk.rotation_reminders, self))
        elif isinstance(query, IndexQuery) and self.desk is not None and self.desk.score:
            index = IndexDialog(self.desk.score, self)
            index.export_chosen.connect(lambda folder, d=index: self.export_period(d, folder))
            self._show_dialog(index)

    def export_period(self, dialog: IndexDialog, folder: Path) -> None:
        """导出期间报告: the index's period as a workbook with charts and a PDF, in `folder`."""
        from branchcheck.score.period import export_period_report

        score = dialog.report.current
        first, last = date.fromisoformat(score.first), date.fromisoformat(score.last)
        store, lang = self.store, i18n.lang()
        dialog.show_status(i18n.text(EXPORTING), busy=True)
        self.tasks.run_in_background(
            lambda: export_period_report(store, first, last, folder, as_of=last, lang=lang),
            lambda paths: dialog.show_status(
                i18n.text(EXPORTED).format(files=i18n.join([p.name for p in paths]), folder=folder)
            ),
            lambda exc: dialog.show_status(describe(exc), error=True),
        )

    def explain_obligation(self, ob: Obligation) -> ExplainDialog:
        """说明原因: the signed-in person explains a miss (the core says who may)."""
        from branchcheck import schedule

        dialog = ExplainDialog(ob, self, titles=self.desk.checklist_titles if self.desk else None)
        store, actor = self.store, self.actor

        def submit(done: Callable[[], None], failed: Callable[[str], None]) -> None:
            reason = dialog.reason_text()
            self.tasks.run_in_background(
                lambda: schedule.explain(store, ob.key, reason=reason, actor=actor),
                lambda _ob: self._acted(done),
                lambda exc: failed(describe(exc)),
            )

        dialog.submit = submit
        dialog.finished.connect(dialog.deleteLater)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def record_absence(self, ob: Obligation) -> AbsenceDialog:
        """登记缺勤: a teller still to cover was away (leave, sick, training)."""
        from branchcheck.people.absence import record_absence

        dialog = AbsenceDialog(ob, self)
        store, actor = self.store, self.actor

        def submit(done: Callable[[], None], failed: Callable[[str], None]) -> None:
            v = dialog.values()
            self.tasks.run_in_background(
                lambda: record_absence(
                    store,
                    employee_no=v.employee_no,
                    first_day=v.first_day,
                    last_day=v.last_day,
                    kind=v.kind,
                    reason=v.reason,
                    actor=actor,
                ),
                lambda _r: self._acted(done),
                lambda exc: failed(describe(exc)),
            )

        dialog.submit = submit
        dialog.finished.connect(dialog.deleteLater)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _acted(self, done: Callable[[], None]) -> None:
        """Saved: close the form and the list it came from, read the desk again."""
        done()
        if self.dialog is not None:
            self.dialog.accept()
        self.refresh()

    def _open_findings(self, query: FindingsQuery) -> None:
        store, today = self.store, self.today()

        def done(rows: list) -> None:
            dialog = FindingsDialog(rows, self)
            dialog.finding_chosen.connect(self.finding_requested.emit)
            self._show_dialog(dialog)

        self.tasks.run_in_background(
            lambda: dashboard.findings_for(store, query, as_of=today),
            done,
            lambda exc: self.show_failure(describe(exc)),
        )

    def _show_dialog(
        self, dialog: FindingsDialog | ObligationsDialog | IndexDialog | RotationDialog
    ) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_records(self, query: RecordsQuery | None) -> None:
        """The records tab, with the filters a number of the desk stands for (sealed, current,
        of its month and checklist), or every filter cleared (None)."""
        self.records_filter = query
        self.filters.clear()
        if query is not None:
            self.filters.set_value("status", "sealed")
            self.filters.set_value("checklist", query.checklist)
            if query.month:
                year, month = (int(x) for x in query.month.split("-"))
                last = calendar.monthrange(year, month)[1]
                self.dates.set_span(f"{query.month}-01", f"{query.month}-{last:02d}")
        self.tabs.setCurrentIndex(1)
        self.search_records()

    def query(self) -> dict[str, Any]:
        """The filters of the bar as `inspections.list_records` takes them."""
        f, span = self.filters, self.dates.span()
        return {
            "checklist": f.value("checklist"),
            "status": f.value("status"),
            "person": f.value("person"),
            "first": date.fromisoformat(span[0]) if span else None,
            "last": date.fromisoformat(span[1]) if span else None,
            "text": f.text() or None,
            "current_only": self.records_filter is not None,
        }

    def _filters_changed(self) -> None:
        self.records_filter = None  # changed by hand: no longer what the desk's number counts
        self.search_records()

    def search_records(self, then: Callable[[], None] | None = None) -> None:
        """Ask the core for the records the filters let through (on the worker), then show them."""
        store, filters = self.store, self.query()

        def done(records: list[RecordSummary]) -> None:
            self.records = records
            self._show_filter()
            self._fill()
            if then is not None:
                then()

        self.tasks.run_in_background(
            lambda: inspections.list_records(store, **filters),
            done,
            lambda exc: self.show_failure(describe(exc)),
        )

    def _fill_choices(self) -> None:
        titles = self.desk.checklist_titles if self.desk is not None else {}
        self.filters.set_choices(
            "checklist", [(key, i18n.text(title)) for key, title in titles.items()]
        )
        self.filters.set_choices(
            "person", [(p.employee_no, f"{p.name} ({p.employee_no})") for p in self.staff]
        )

    def _show_filter(self) -> None:
        """The line above the table: what a number of the desk shows, or how many are shown."""
        query, n = self.records_filter, len(self.records)
        narrowed = query is not None or self.filters.is_set()
        self.filter_label.setVisible(narrowed)
        self.clear_filter_button.setVisible(narrowed)
        if query is not None:
            what = t("month").format(month=query.month) if query.month else t("sealed")
            self.filter_label.setText(t("filtered").format(what=what, n=n))
        else:
            self.filter_label.setText(t("shown_one" if n == 1 else "shown").format(n=n))

    def _fill(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.records))
        for r, rec in enumerate(self.records):
            cells = [
                rec.local_date,
                i18n.text(rec.title)
                + (self.tr("（更正 第{n}版）").format(n=rec.version) if rec.version > 1 else ""),
                self.status_text(rec.status),
                f"{rec.inspector_name} ({rec.inspector})",
                str(rec.findings),
                rec.id[:8],
            ]
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, rec.id)
                if c == 4:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, cell)
            if selected is not None and rec.id == selected.id:
                self.table.selectRow(r)
        self._selection_changed()

    def selected(self) -> RecordSummary | None:
        return selected_row(self.table, self.records)

    def select_record(self, record_id: str) -> None:
        select_by_id(self.table, self.records, record_id)

    def _selection_changed(self) -> None:
        rec = self.selected()
        status = rec.status if rec is not None else None
        self.resume_button.setEnabled(status is not None and status != "sealed")
        self.export_button.setEnabled(status == "sealed")
        self.correct_button.setEnabled(status == "sealed")

    def _correct(self) -> None:
        rec = self.selected()
        if rec and rec.status == "sealed":
            self.correct_requested.emit(rec.id)

    def _resume(self) -> None:
        rec = self.selected()
        if rec and rec.status != "sealed":
            self.resume_requested.emit(rec.id)

    def _open_selected(self) -> None:
        """Enter or a double click: an open inspection resumes, a record opens its screen."""
        rec = self.selected()
        if rec is not None:
            self.resume_requested.emit(rec.id)

    def _export(self) -> None:
        rec = self.selected()
        if rec and rec.status == "sealed":
            self.export_requested.emit(rec.id)

    def show_message(self, message: str) -> None:
        show_error(self.error, None)
        self.message.setText(message)

    def show_failure(self, message: str) -> None:
        self.message.setText("")
        show_error(self.error, message)
