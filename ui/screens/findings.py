# longer than 500 lines: one screen (counts, filters, table, a detail panel with a page per step).
"""问题整改: the branch's findings and their closed loop (整改 → 复查 → 关闭).

Thin: the header, filter and table show `branchcheck.findings`; the detail panel shows the page of
the first step `findings.next_steps` allows that the signed-in person may take
(`findings.may_take`, the core's own rule), else why they may not; below it the evidence, the
exception and the 核查问责 link (findings_parts). A bar of filters (text, person responsible,
severity, source record) narrows the list in the core (`findings.list_findings`); Enter on the
list goes to the selected finding's step, and 打开记录 opens the record it was found in. Each button calls one core function in the
background, and a refusal of the core is shown inline in red, changing nothing. The re-check is
signed by the signed-in person: they are the 复查人."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck import clock, findings
from branchcheck.db import Store
from branchcheck.findings.loop import ADD_EVIDENCE, LINK_MISSED, TRANSITIONS, settings
from branchcheck.findings.rules import Actor
from branchcheck.people import register as staff
from branchcheck.people.signin import StaffInfo
from branchcheck.settings import Settings
from branchcheck.taxonomy import FINDING_ORIGINS, FINDING_STATES, SEVERITIES
from branchcheck.views import FindingsSummary, FindingView, MissedCandidate, RecordSummary
from ui import i18n
from ui.operations import choose_folder
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
from ui.screens.filters import FilterBar, enter_opens
from ui.screens.findings_parts import EvidenceBox, ExceptionBox, MissedBox, write_temp
from ui.screens.review import SEVERITY_COLOURS
from ui.style import ACCENT, GREEN, GREY, ORANGE, RED
from ui.tasks import TaskRunner, describe

FILTERS = ("open", "overdue", "repeat", "exception", "closed")
MAX_ROW = 76
STATE_COLOURS = {
    "open": RED,
    "rectifying": ORANGE,
    "verified": ACCENT,
    "closed": GREEN,
    "exception": GREY,
}
PAGES = {"start_rectification": 1, "record_result": 2, "verify": 3, "close": 4}  # of `steps`
WIDE = 1200  # narrower: NARROW_HIDDEN columns give way
NARROW_HIDDEN = (1, 6)  # 检查 and 屡查屡犯
TALL = 640  # lower: the explanation under the title gives way
PANEL_WIDTH = 340
Read = tuple[list[FindingView], FindingsSummary, list[StaffInfo], Settings, list[RecordSummary]]


def origin_text(f: FindingView) -> str:
    """Where a finding without a record comes from (应检未检, 轮岗提醒, …)."""
    return i18n.text(FINDING_ORIGINS.get(f.origin, {"zh": f.origin, "en": f.origin}))


def _count_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("card")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumWidth(120)
    label.setMinimumHeight(56)
    return label


class FindingsScreen(Screen):
    home_requested = Signal()
    record_requested = Signal(str)  # the ID of the record a finding was found in

    def __init__(self, store: Store, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.actor: str | None = None
        self.filter = "open"
        self.rows: list[FindingView] = []
        self.counts: FindingsSummary | None = None
        self.current: FindingView | None = None
        self.staff: list[StaffInfo] = []
        self.settings: Settings | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl  # tests replace it

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = title_label(self)
        self.subtitle = subtle_label(self)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        self.open_count = _count_label(self)
        self.overdue_count = _count_label(self)
        self.repeat_count = _count_label(self)
        for label in (self.open_count, self.overdue_count, self.repeat_count):
            heading.addWidget(label)
        layout.addLayout(heading)
        layout.addWidget(self.subtitle)

        counts = QHBoxLayout()  # the state filters
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str, QPushButton] = {}
        for key in FILTERS:
            button = QPushButton(self)
            button.setObjectName("answer")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=key: self.set_filter(k))
            self.filter_group.addButton(button)
            self.filter_buttons[key] = button
            counts.addWidget(button)
        counts.addStretch(1)
        self.filter_buttons["open"].setChecked(True)
        layout.addLayout(counts)
        self.filters = FilterBar(self)
        self.filters.add_choice("person", lambda: self.tr("整改责任人"))
        self.filters.add_choice("severity", lambda: self.tr("严重程度"))
        self.filters.add_choice("record", lambda: self.tr("来源记录"))
        self.filters.changed.connect(lambda: self.refresh())
        layout.addWidget(self.filters)
        self.records: list[RecordSummary] = []  # the records with findings: the record choice

        body = QHBoxLayout()
        body.setSpacing(16)
        self.table = QTableWidget(0, 7, self)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # long English titles wrap
        header.resizeSection(1, 160)
        body.addWidget(self.table, 1)
        body.addWidget(self._build_panel())
        layout.addLayout(body, 1)

        self.message = QLabel(self)
        self.message.setObjectName("saved")
        bottom = QHBoxLayout()
        self.home_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.export_button = QPushButton(self)
        bottom.addWidget(self.home_button)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.refresh_button)
        layout.addLayout(bottom)

        self.home_button.clicked.connect(self.home_requested.emit)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.export_button.clicked.connect(self._export)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        enter_opens(self.table, self.go_to_step)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """On a small screen the list keeps the finding's title readable: the checklist and
        repeat columns (both in the detail panel too) and the loop's explanation (the title's
        tooltip) give way."""
        super().resizeEvent(event)
        narrow = event.size().width() < WIDE
        for column in NARROW_HIDDEN:
            self.table.setColumnHidden(column, narrow)
        self.subtitle.setVisible(event.size().height() >= TALL)

    def _build_panel(self) -> QFrame:
        """The detail panel: its content scrolls when the parts below the step need the room."""
        frame = QFrame(self)
        frame.setObjectName("panel")
        frame.setFixedWidth(PANEL_WIDTH)
        outer = QVBoxLayout(frame)
        outer.setContentsMargins(0, 0, 0, 0)
        self.panel_scroll = scroll = QScrollArea(frame)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        panel = QWidget(scroll)
        panel.setAutoFillBackground(False)
        scroll.setWidget(panel)
        outer.addWidget(scroll)
        box = QVBoxLayout(panel)
        box.setContentsMargins(16, 16, 16, 16)
        box.setSpacing(10)
        self.detail_title = QLabel(panel)
        self.detail_title.setObjectName("itemText")
        self.detail_title.setWordWrap(True)
        self.detail = QLabel(panel)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton(panel)
        self.record_button.clicked.connect(self._open_record)
        box.addWidget(self.detail_title)
        box.addWidget(self.detail)
        box.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.steps = QStackedWidget(panel)
        # 0 nothing selected / closed / not sealed: a note only
        self.note = subtle_label(panel)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.addWidget(self.note)
        # 1 open → 开始整改
        page, self.action_label, self.action_edit, self.rectify_button = self._text_step(panel)
        self.steps.addWidget(page)
        # 2 rectifying without a result → 登记整改结果
        page, self.result_label, self.result_edit, self.result_button = self._text_step(panel)
        self.steps.addWidget(page)
        # 3 rectifying with a result → 复查确认
        page = QWidget(panel)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.rechecker_label = QLabel(page)
        self.rechecker_label.setWordWrap(True)
        self.date_label = QLabel(page)
        self.recheck_date = QDateEdit(QDate.currentDate(), page)
        self.recheck_date.setCalendarPopup(True)
        self.recheck_date.setDisplayFormat("yyyy-MM-dd")
        self.verify_button = primary_button(page)
        for w in (
            self.rechecker_label,
            self.date_label,
            self.recheck_date,
            self.verify_button,
        ):
            v.addWidget(w)
        v.addStretch(1)
        self.steps.addWidget(page)
        # 4 verified → 关闭
        page = QWidget(panel)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.close_note = subtle_label(page)
        self.close_button = primary_button(page)
        v.addWidget(self.close_note)
        v.addWidget(self.close_button)
        v.addStretch(1)
        self.steps.addWidget(page)
        box.addWidget(self.steps, 1)
        self.evidence_box = EvidenceBox(panel)
        self.exception_box = ExceptionBox(panel)
        self.missed_box = MissedBox(panel)
        for part in (self.evidence_box, self.exception_box, self.missed_box):
            part.hide()
            box.addWidget(part)
        self.error = error_label(panel)
        box.addWidget(self.error)
        self.evidence_box.add_requested.connect(self._add_evidence)
        self.evidence_box.open_requested.connect(self._open_evidence)
        self.exception_box.accept_requested.connect(self._accept_exception)
        self.missed_box.link_requested.connect(self._link_missed)

        self.rectify_button.clicked.connect(self._rectify)
        self.result_button.clicked.connect(self._record_result)
        self.verify_button.clicked.connect(self._verify)
        self.close_button.clicked.connect(self._close)
        return frame

    def _text_step(self, parent: QWidget):
        page = QWidget(parent)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        label = QLabel(page)
        edit = QPlainTextEdit(page)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(120)
        button = primary_button(page)
        v.addWidget(label)
        v.addWidget(edit)
        v.addWidget(button)
        v.addStretch(1)
        return page, label, edit, button

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.title.setText(self.tr("问题整改"))
        self.subtitle.setText(
            self.tr(
                "检查发现的问题在记录封存后进入整改闭环：开始整改 → 登记整改结果 → "
                "复查确认（由营运主管、授权代理负责人或网点负责人本人复查，不得为整改责任人或"
                "结果登记人）→ 关闭。"
            )
        )
        self.title.setToolTip(self.subtitle.text())
        names = {
            "open": self.tr("全部未关闭"),
            "overdue": self.tr("逾期"),
            "repeat": self.tr("屡查屡犯"),
            "exception": self.tr("例外接受"),
            "closed": self.tr("已关闭"),
        }
        for key, button in self.filter_buttons.items():
            button.setText(names[key])
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("问题"),
                self.tr("检查"),
                self.tr("严重程度"),
                self.tr("整改责任人"),
                self.tr("整改期限"),
                self.tr("状态"),
                self.tr("屡查屡犯"),
            ]
        )
        self.action_label.setText(self.tr("整改措施"))
        self.action_edit.setPlaceholderText(self.tr("采取了哪些整改措施"))
        self.rectify_button.setText(self.tr("开始整改"))
        self.result_label.setText(self.tr("整改结果"))
        self.result_edit.setPlaceholderText(self.tr("整改完成的情况"))
        self.result_button.setText(self.tr("登记整改结果"))
        self._show_rechecker()
        self.date_label.setText(self.tr("复查日期"))
        self.verify_button.setText(self.tr("复查确认"))
        self.close_note.setText(self.tr("整改已复查确认，可关闭此问题。"))
        self.close_button.setText(self.tr("关闭"))
        self.home_button.setText(self.tr("返回首页"))
        self.refresh_button.setText(self.tr("刷新"))
        self.export_button.setText(self.tr("导出台账…"))
        self.export_button.setToolTip(self.tr("问题整改台账：Excel 与签名 PDF"))
        self.record_button.setText(self.tr("打开记录"))
        self.record_button.setToolTip(self.tr("打开发现此问题的检查记录"))
        self.filters.retranslate()
        self.filters.search.setPlaceholderText(self.tr("搜索问题或责任人"))
        self.filters.set_choices(
            "severity", [(key, i18n.text(name)) for key, name in SEVERITIES.items()]
        )
        self._fill_choices()
        self._show_counts()
        self._fill()

    def state_text(self, state: str) -> str:
        return i18n.text(FINDING_STATES.get(state, {"zh": state, "en": state}))

    # ------------------------------------------------------------------ data

    def open(
        self, actor: str, then: Callable[[], None] | None = None, *, filter_key: str | None = None
    ) -> None:
        """Show the findings for the signed-in user (who is the actor of every change), with the
        filter `filter_key` (one of FILTERS) if given; `then` runs once they are shown."""
        self.actor = actor
        self.message.setText("")
        if filter_key is not None:
            self.filter = filter_key
            self.filter_buttons[filter_key].setChecked(True)
        self.refresh(then=then)

    def today(self) -> date:
        return clock.now().date()

    def set_filter(self, key: str) -> None:
        self.filter = key
        self.filter_buttons[key].setChecked(True)
        self.refresh()

    def refresh(self, select_id: str | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the findings, their counts and the staff in the background, then show them."""
        today = self.today()
        select_id = select_id or (self.current.id if self.current else None)
        queries: dict[str, dict[str, Any]] = {
            "open": {"state": "open"},
            "overdue": {"overdue_on": today},
            "repeat": {"state": "open", "repeat_only": True},
            "exception": {"state": "exception"},
            "closed": {"state": "closed"},
        }
        query = queries[self.filter] | self.query()
        store = self.store

        def read() -> Read:
            from branchcheck.inspections import list_records

            findings.reopen_expired(store, today)
            rows = findings.list_findings(store, as_of=today, **query)
            counts = findings.summary(store, as_of=today)
            records = [r for r in list_records(store) if r.findings]
            return rows, counts, staff.list_staff(store), settings(), records

        def done(result: Read) -> None:
            self._set_busy(False)
            self.rows, self.counts, self.staff, self.settings, self.records = result
            self._fill_choices()
            self._show_counts()
            self._fill(select_id)
            if then is not None:
                then()

        self._set_busy(True)
        self.tasks.run_in_background(read, done, self._failed)

    def query(self) -> dict[str, Any]:
        """The bar's filters as `findings.list_findings` takes them."""
        return {
            "responsible": self.filters.value("person"),
            "severity": self.filters.value("severity"),
            "record": self.filters.value("record"),
            "text": self.filters.text() or None,
        }

    def _fill_choices(self) -> None:
        self.filters.set_choices(
            "person",
            [(p.employee_no, f"{p.name} ({p.employee_no})") for p in self.staff if not p.external],
        )
        self.filters.set_choices(
            "record",
            [(r.id, f"{r.local_date} {i18n.text(r.title)} · {r.id[:8]}") for r in self.records],
        )

    def go_to_step(self) -> None:
        """Enter on the list: the focus goes to the selected finding's step (its text, else its
        button), or to 打开记录 when no step is the signed-in person's."""
        page = self.steps.currentWidget()
        for kind in (QPlainTextEdit, QDateEdit, QPushButton):
            target = page.findChild(kind) if page is not None else None
            if target is not None and target.isEnabled():
                target.setFocus()
                return
        if self.record_button.isVisible():
            self.record_button.setFocus()

    def _open_record(self) -> None:
        f = self.current
        if f is not None and f.record_id:
            self.record_requested.emit(f.record_id)

    def _set_busy(self, busy: bool) -> None:
        """While the store is read or a step is taken: no second step, no other filter."""
        for button in (
            self.refresh_button,
            self.rectify_button,
            self.result_button,
            self.verify_button,
            self.close_button,
            self.export_button,
            self.evidence_box.add_button,
            self.exception_box.button,
            self.missed_box.button,
            *self.filter_buttons.values(),
        ):
            button.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self.error, describe(exc))

    def _show_counts(self) -> None:
        c = self.counts
        for label, text, n, colour in (
            (self.open_count, self.tr("未关闭"), c.open if c else 0, ACCENT),
            (self.overdue_count, self.tr("逾期"), c.overdue if c else 0, RED),
            (self.repeat_count, self.tr("⚠ 屡查屡犯"), c.repeat if c else 0, RED),
        ):
            label.setText(
                f"<span style='color:{GREY}'>{escape(text)}</span>&nbsp;&nbsp;"
                f"<span style='font-size:18pt; font-weight:bold; color:{colour if n else GREY}'>"
                f"{n}</span>"
            )

    def _fill(self, select_id: str | None = None) -> None:
        select_id = select_id or (self.current.id if self.current else None)
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        bold = QFont()
        bold.setBold(True)
        for r, f in enumerate(self.rows):
            person = f.responsible
            cells = [
                i18n.text(f.title),
                f"{i18n.text(f.checklist_title)}\n{f.record_date or origin_text(f)}",
                i18n.text(SEVERITIES.get(f.severity, {"zh": f.severity, "en": f.severity})),
                f"{person.name} ({person.employee_no})" if person else "—",
                f.due_date,
                self.state_text(f.state),
                self.tr("⚠ 屡查屡犯") if f.repeat else "",
            ]
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, f.id)
                if c == 0:
                    cell.setToolTip(value)
                if c == 2:
                    cell.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#1f2933"))))
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == 4 and f.overdue:
                    cell.setForeground(QBrush(QColor(RED)))
                    cell.setFont(bold)
                    cell.setToolTip(self.tr("已逾期"))
                if c == 5:
                    cell.setForeground(QBrush(QColor(STATE_COLOURS.get(f.state, GREY))))
                if c == 6 and f.repeat:
                    cell.setForeground(QBrush(QColor(RED)))
                    cell.setFont(bold)
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        for r in range(self.table.rowCount()):  # long titles: three lines, the rest in the tooltip
            self.table.setRowHeight(r, min(MAX_ROW, max(44, self.table.rowHeight(r))))
        self.table.blockSignals(False)
        row = next((r for r, f in enumerate(self.rows) if f.id == select_id), None)
        if row is None and self.rows:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> FindingView | None:
        return selected_row(self.table, self.rows)

    def select_finding(self, finding_id: str) -> None:
        select_by_id(self.table, self.rows, finding_id)

    # ------------------------------------------------------------------ the detail panel

    def me(self) -> Actor:
        """The signed-in person as the rule of who may sees them (external if not in the list)."""
        person = next((p for p in self.staff if p.employee_no == self.actor), None)
        if person is None:
            return Actor(self.actor or "", self.actor or "", (), external=True)
        return Actor(person.employee_no, person.name, person.roles, person.external, person.active)

    def may(self, step: Any, f: FindingView) -> str | None:
        """Why the signed-in person may not take `step` on `f` (the core's rule), or None."""
        return findings.may_take(step, f, self.me(), self.settings or Settings())

    def _selection_changed(self) -> None:
        f = self.selected()
        changed = (f.id if f else None) != (self.current.id if self.current else None)
        self.current = f
        show_error(self.error, None)
        self.record_button.setVisible(f is not None and f.record_id is not None)
        if f is None:
            self.detail_title.setText("")
            self.detail.setText("")
            self.note.setText(
                self.tr("请在左侧选择一个问题。") if self.rows else self.tr("没有符合条件的问题。")
            )
            self.steps.setCurrentIndex(0)
            for part in (self.evidence_box, self.exception_box, self.missed_box):
                part.hide()
            return
        self.detail_title.setText(i18n.text(f.title))
        self.detail.setText(self._detail_html(f))
        if changed:
            self.action_edit.setPlainText(f.action)
            self.result_edit.setPlainText(f.result)
            self.exception_box.reason.clear()
        ready = f.record_id is None or f.record_status == "sealed"
        steps = [
            s
            for s in findings.next_steps(f.state, has_result=bool(f.result), record_sealed=ready)
            if s.action != "accept_exception"
        ]
        allowed = [s for s in steps if self.may(s, f) is None]
        if allowed:
            if allowed[0].action == "verify":
                self._fill_recheck(f)
            self.steps.setCurrentIndex(PAGES[allowed[0].action])
        elif steps:
            self.note.setText(self.may(steps[0], f) or "")
            self.steps.setCurrentIndex(0)
        elif not ready:
            self.note.setText(
                self.tr("该记录尚未签名封存。问题经各方签名确认、记录封存后方可开始整改。")
            )
            self.steps.setCurrentIndex(0)
        elif f.state == "exception":
            self.note.setText(
                self.tr("此问题已例外接受，至 {until} 到期后重新打开。").format(
                    until=f.exception_until or ""
                )
            )
            self.steps.setCurrentIndex(0)
        else:
            self.note.setText(self.tr("此问题已整改、复查并关闭。"))
            self.steps.setCurrentIndex(0)
        self._show_parts(f, ready)

    def _show_parts(self, f: FindingView, ready: bool) -> None:
        in_loop = ready and f.state in ADD_EVIDENCE.from_states
        self.evidence_box.show_for(f, may_add=in_loop and self.may(ADD_EVIDENCE, f) is None)
        exception = TRANSITIONS["accept_exception"]
        self.exception_box.show_for(
            f,
            allowed=ready and f.state in exception.from_states and self.may(exception, f) is None,
            today=self.today(),
        )
        self.missed_box.show_for(
            f, allowed=ready and f.record_id is not None and self.may(LINK_MISSED, f) is None
        )

    def _detail_html(self, f: FindingView) -> str:
        person = f.responsible
        where = f"{i18n.text(f.checklist_title)} · {f.record_date or origin_text(f)}"
        lines = [
            (self.tr("检查"), where),
            (self.tr("风险点"), i18n.text(f.risk_driver)),
            (
                self.tr("整改责任人"),
                f"{person.name} ({person.employee_no})" if person else "—",
            ),
            (self.tr("整改期限"), f.due_date),
            (self.tr("状态"), self.state_text(f.state)),
        ]
        if f.action:
            lines.append((self.tr("整改措施"), f.action))
        if f.result:
            lines.append((self.tr("整改结果"), f.result))
        if f.rectified_on:
            by = f" · {f.result_by.name}" if f.result_by else ""
            lines.append((self.tr("整改日期"), f"{f.rectified_on}{by}"))
        if f.rechecker:
            r = f.rechecker
            lines.append((self.tr("复查人"), f"{r.name} ({r.employee_no})"))
            lines.append((self.tr("复查日期"), f.recheck_date or ""))
        if f.closed_by:
            lines.append((self.tr("关闭"), f"{f.closed_by.name} · {f.closed_on or ''}"))
        if f.exception_until:
            lines.append(
                (
                    self.tr("例外接受"),
                    f"{f.exception_reason}（{self.tr('至')} {f.exception_until}）",
                )
            )
        html = "<br>".join(
            f"<span style='color:{GREY}'>{escape(k)}：</span>{escape(v)}" for k, v in lines
        )
        flags = []
        if f.overdue:
            flags.append(
                i18n.plural(
                    f.late_days, "已逾期 {n} 天", "Overdue by {n} day", "Overdue by {n} days"
                )
            )
        if f.on_time is False:
            flags.append(
                i18n.plural(
                    f.late_days,
                    "逾期整改（迟 {n} 天）",
                    "Rectified late (by {n} day)",
                    "Rectified late (by {n} days)",
                )
            )
        if f.exception_expired:
            flags.append(self.tr("例外接受已到期"))
        if f.repeat:
            flags.append(self.tr("⚠ 屡查屡犯：同一问题此前已被查出"))
        if flags:
            html += f"<br><b style='color:{RED}'>{escape('　'.join(flags))}</b>"
        return html

    def _show_rechecker(self) -> None:
        me = self.me() if self.actor else None
        who = f"{me.name} ({me.employee_no})" if me else ""
        self.rechecker_label.setText(
            self.tr("复查人：{who}（本人复查确认；不得为整改责任人或结果登记人）").format(who=who)
        )

    def _fill_recheck(self, f: FindingView) -> None:
        self._show_rechecker()
        made = date.fromisoformat(f.created_at[:10])
        today = self.today()
        self.recheck_date.setDateRange(
            QDate(made.year, made.month, made.day), QDate(today.year, today.month, today.day)
        )
        self.recheck_date.setDate(QDate(today.year, today.month, today.day))

    # ------------------------------------------------------------------ actions: one core call each

    def _do(self, call: Callable[[str, str], FindingView], done: str) -> None:
        """Take one step of the selected finding in the background (`call(finding ID, actor)`)."""
        f, actor = self.current, self.actor
        if f is None or actor is None:
            return
        finding_id = f.id

        def taken(out: FindingView) -> None:
            self._set_busy(False)
            self.message.setText(done)
            self.refresh(select_id=out.id)

        show_error(self.error, None)
        self._set_busy(True)
        self.tasks.run_in_background(lambda: call(finding_id, actor), taken, self._failed)

    def _rectify(self) -> None:
        action = self.action_edit.toPlainText()
        self._do(
            lambda fid, actor: findings.start_rectification(
                self.store, fid, action=action, actor=actor
            ),
            self.tr("已开始整改。"),
        )

    def _record_result(self) -> None:
        result = self.result_edit.toPlainText()
        self._do(
            lambda fid, actor: findings.record_result(self.store, fid, result=result, actor=actor),
            self.tr("整改结果已登记，待复查。"),
        )

    def _verify(self) -> None:
        day = self.recheck_date.date()
        recheck_date = date(day.year(), day.month(), day.day())
        self._do(
            lambda fid, actor: findings.verify(
                self.store, fid, recheck_date=recheck_date, actor=actor
            ),
            self.tr("已复查确认。"),
        )

    def _close(self) -> None:
        self._do(
            lambda fid, actor: findings.close(self.store, fid, actor=actor),
            self.tr("问题已关闭。"),
        )

    def _accept_exception(self, reason: str, until: date) -> None:
        self._do(
            lambda fid, actor: findings.accept_exception(
                self.store, fid, reason=reason, until=until, actor=actor
            ),
            self.tr("已例外接受，到期后重新打开。"),
        )

    def choose_evidence(self) -> Path | None:
        """The file to attach; None when cancelled. Tests replace this."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("添加证明材料"),
            "",
            self.tr("照片、扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)"),
        )
        return Path(path) if path else None

    def _add_evidence(self) -> None:
        path = self.choose_evidence()
        if path is None:
            return
        self._do(
            lambda fid, actor: findings.add_evidence(self.store, fid, path=path, actor=actor),
            self.tr("证明材料已添加：{name}").format(name=path.name),
        )

    def _open_evidence(self, evidence_id: int) -> None:
        f = self.current
        if f is None:
            return
        store, fid = self.store, f.id

        def fetch() -> Path:
            return write_temp(*findings.evidence_bytes(store, fid, evidence_id))

        def show(path: Path) -> None:
            self.open_url(QUrl.fromLocalFile(str(path)))

        self.tasks.run_in_background(fetch, show, self._failed)

    def choose_candidate(self, candidates: list[MissedCandidate]) -> MissedCandidate | None:
        """The earlier record to link; None when cancelled. Tests replace this."""
        names = [
            f"{c.record_date} · {c.record_id[:8]} · {c.inspector.name} ({c.inspector.employee_no})"
            for c in candidates
        ]
        picked, ok = QInputDialog.getItem(
            self,
            self.tr("关联应发现未发现的检查"),
            self.tr("此前将该项检查为合格的记录（由近及远）："),
            names,
            0,
            False,
        )
        return candidates[names.index(picked)] if ok and picked in names else None

    def _link_missed(self) -> None:
        f = self.current
        if f is None:
            return
        store, fid = self.store, f.id

        def chosen(candidates: list[MissedCandidate]) -> None:
            self._set_busy(False)
            if not candidates:
                show_error(self.error, self.tr("没有此前将该项检查为合格的已封存记录。"))
                return
            picked = self.choose_candidate(candidates)
            if picked is None:
                return
            self._do(
                lambda fid_, actor: findings.link_missed(
                    self.store, fid_, inspection_id=picked.record_id, actor=actor
                ),
                self.tr("已关联应发现未发现的检查。"),
            )

        self._set_busy(True)
        self.tasks.run_in_background(
            lambda: findings.missed_candidates(store, fid), chosen, self._failed
        )

    def choose_folder(self) -> Path | None:
        """Where to write the register; None when cancelled. Tests replace this."""
        return choose_folder(self)

    def ask_password(self) -> str | None:
        """The signed-in person's key password to sign the register ("" for unsigned); None when
        cancelled. Tests replace this."""
        password, ok = QInputDialog.getText(
            self,
            self.tr("导出问题整改台账"),
            self.tr("请输入您的签名密钥密码以签署 PDF（留空则不签名）："),
            QLineEdit.EchoMode.Password,
        )
        return password if ok else None

    def _export(self) -> None:
        folder = self.choose_folder()
        if folder is None:
            return
        password = self.ask_password()
        if password is None:
            return
        store, actor, today = self.store, self.actor, self.today()

        def done(paths: list[Path]) -> None:
            self._set_busy(False)
            self.message.setText(
                self.tr("已导出：{files}").format(files=i18n.join([p.name for p in paths]))
            )

        show_error(self.error, None)
        self._set_busy(True)
        self.tasks.run_in_background(
            lambda: findings.export_register(
                store,
                folder,
                as_of=today,
                signer=actor if password else None,
                password=password or None,
            ),
            done,
            self._failed,
        )
