"""The read-only lists a number of the desk opens: its findings, its obligations, the index's
parts. Each dialog shows rows the core selected (`branchcheck.dashboard`); it filters nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck.taxonomy import (
    FINDING_STATES,
    OBLIGATION_REASONS,
    OBLIGATION_STATUSES,
    SEVERITIES,
)
from branchcheck.views import FindingView, Obligation, ScoreReport

if TYPE_CHECKING:
    from branchcheck.people.rotation import RotationReminder
from ui import i18n

T = {
    "findings": {"zh": "检查问题（{n}）", "en": "Findings ({n})"},
    "obligations": {"zh": "应做事项（{n}）", "en": "Obligations ({n})"},
    "index": {"zh": "合规性指数 {first} 至 {last}", "en": "Compliance index, {first} to {last}"},
    "open_board": {"zh": "在问题整改中打开", "en": "Open in Findings"},
    "close": {"zh": "关闭", "en": "Close"},
    "explain": {"zh": "说明原因…", "en": "Explain…"},
    "absence": {"zh": "登记缺勤…", "en": "Record absence…"},
    "none": {"zh": "没有符合条件的条目。", "en": "Nothing to list."},
    "finding_cols": {
        "zh": "日期|检查|问题|严重程度|状态|整改期限|责任人|屡查屡犯",
        "en": "Date|Inspection|Finding|Severity|State|Due|Responsible|Repeat",
    },
    "obligation_cols": {
        "zh": "检查|原因|期间开始|应完成日|状态|完成日|待覆盖柜员|说明",
        "en": "Checklist|Reason|Period from|Due on|Status|Done on|Tellers to cover|Explanation",
    },
    "index_cols": {
        "zh": "指标|实际值|档位|得分|权重|上年同期|变化",
        "en": "Indicator|Value|Band|Score|Weight|A year earlier|Change",
    },
    "total": {"zh": "合规性指数：{index:.2f}", "en": "Compliance index: {index:.2f}"},
    "yes": {"zh": "是", "en": "Yes"},
    "export_report": {"zh": "导出期间报告…", "en": "Export the period report…"},
    "rotation": {"zh": "轮岗提醒（{n}）", "en": "Rotation due ({n})"},
    "rotation_cols": {
        "zh": "人员|岗位|任职起始|年数/天数|应轮岗日|宽限至|状态|问题",
        "en": "Person|Post|Since|Years/days|Due on|Grace until|Status|Finding",
    },
}
ROTATION_STATUSES = {
    "reminder": {"zh": "到期提醒", "en": "Reminder"},
    "overdue": {"zh": "逾期未轮岗", "en": "Overdue"},
}


def t(key: str) -> str:
    return i18n.text(T[key])


def _named(names: dict[str, dict[str, str]], key: str) -> str:
    return i18n.text(names.get(key, {"zh": key, "en": key}))


def _table(
    parent: QWidget, columns: str, cells: Sequence[Sequence[str]], *, wide: int | None
) -> QTableWidget:
    headers = columns.split("|")
    table = QTableWidget(len(cells), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if wide is None:
        header.setStretchLastSection(True)
    else:  # the long text takes what is left and wraps; the short columns stay whole
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
    # rows follow their wrapped text as the columns are laid out
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ListDialog(QDialog):
    """A title, a read-only table of rows, a close button."""

    def __init__(
        self, parent: QWidget | None, title: str, columns: str, cells, *, wide: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1180, 560)
        self.body = layout = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        self.heading.setObjectName("screenTitle")
        layout.addWidget(self.heading)
        self.table = _table(self, columns, cells, wide=wide)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(t("none"), self)
        self.empty.setObjectName("subtle")
        self.empty.setVisible(not cells)
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(
            t("close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


class FindingsDialog(ListDialog):
    """The findings behind a number; one can be opened on the findings board."""

    finding_chosen = Signal(str)  # finding ID

    def __init__(self, rows: Sequence[FindingView], parent: QWidget | None = None) -> None:
        self.rows = list(rows)
        cells = [
            (
                f.record_date,
                i18n.text(f.checklist_title),
                i18n.text(f.title),
                _named(SEVERITIES, f.severity),
                _named(FINDING_STATES, f.state),
                f.due_date,
                f"{f.responsible.name} ({f.responsible.employee_no})" if f.responsible else "",
                t("yes") if f.repeat else "",
            )
            for f in self.rows
        ]
        super().__init__(
            parent, t("findings").format(n=len(cells)), t("finding_cols"), cells, wide=2
        )
        self.open_button = QPushButton(t("open_board"), self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(bool(self.rows))
        self.open_button.clicked.connect(self._open)
        self.table.doubleClicked.connect(lambda _i: self._open())
        if self.rows:
            self.table.selectRow(0)

    def ids(self) -> list[str]:
        return [f.id for f in self.rows]

    def _open(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        if picked:
            self.finding_chosen.emit(self.rows[picked[0].row()].id)
            self.accept()


class ObligationsDialog(ListDialog):
    """The obligations behind a number; a missed one can be explained, a teller still to cover
    recorded as away (the home screen does it)."""

    explain_chosen = Signal(object)  # the Obligation
    absence_chosen = Signal(object)  # the Obligation

    def __init__(
        self,
        rows: Sequence[Obligation],
        parent: QWidget | None = None,
        *,
        titles: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.rows = list(rows)
        sep = "、" if i18n.lang() == "zh" else ", "
        titles = titles or {}
        cells = [
            (
                i18n.text(titles.get(o.checklist, {"zh": o.checklist, "en": o.checklist})),
                _named(OBLIGATION_REASONS, o.reason),
                o.period_start,
                o.due_on,
                _named(OBLIGATION_STATUSES, o.status),
                o.done_on or "",
                sep.join(f"{p.name} ({p.employee_no})" for p in o.uncovered),
                " ".join(x for x in (o.explanation, i18n.text(o.calendar_note or {"zh": ""})) if x),
            )
            for o in self.rows
        ]
        super().__init__(parent, t("obligations").format(n=len(cells)), t("obligation_cols"), cells)
        self.explain_button = QPushButton(t("explain"), self)
        self.absence_button = QPushButton(t("absence"), self)
        for button, signal in (
            (self.explain_button, self.explain_chosen),
            (self.absence_button, self.absence_chosen),
        ):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _c=False, sig=signal: self._chosen(sig))
        self.table.itemSelectionChanged.connect(self._enable)
        if self.rows:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> Obligation | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked else None

    def _enable(self) -> None:
        ob = self.selected()
        self.explain_button.setEnabled(ob is not None and ob.status == "missed")
        self.absence_button.setEnabled(ob is not None and bool(ob.uncovered))

    def _chosen(self, signal: SignalInstance) -> None:
        ob = self.selected()
        if ob is not None:
            signal.emit(ob)


class RotationDialog(ListDialog):
    """Key posts held and ATM routes kept too long (seed 000: 三年轮岗), with the finding made of
    each once its grace period ran out."""

    def __init__(self, rows: Sequence[RotationReminder], parent: QWidget | None = None) -> None:
        self.rows = list(rows)
        cells = [
            (
                f"{r.name} ({r.employee_no})",
                i18n.text(r.role_name) + (f" · {r.route}" if r.route else ""),
                r.since,
                f"{r.years_held:.1f}" if r.kind == "post" else str(r.days_held),
                r.due_on,
                r.grace_until,
                _named(ROTATION_STATUSES, r.status),
                r.finding_id[:8] if r.finding_id else "",
            )
            for r in self.rows
        ]
        super().__init__(parent, t("rotation").format(n=len(cells)), t("rotation_cols"), cells)


class IndexDialog(ListDialog):
    """The index's parts, each against the same period a year earlier where known; the period
    report (workbook with charts, PDF) can be exported from here."""

    export_chosen = Signal(object)  # the folder (Path) to write the period report to

    def __init__(self, report: ScoreReport, parent: QWidget | None = None) -> None:
        current = report.current
        changes = {c.key: c for c in report.changes}

        def change(key: str) -> tuple[str, str]:
            c = changes.get(key)
            if c is None or c.previous is None:
                return "—", "—"
            percent = f" ({c.percent:+.1f}%)" if c.percent is not None else ""
            delta = f"{c.change:+.2f}{percent}" if c.change is not None else "—"
            return f"{c.previous:.2f}", delta

        cells = [
            (
                i18n.text(p.name),
                p.display,
                p.band,
                str(p.score),
                f"{p.weight:.0%}",
                *change(p.key),
            )
            for p in current.indicators
        ]
        title = t("index").format(first=current.first, last=current.last)
        super().__init__(parent, title, t("index_cols"), cells)
        self.total = QLabel(t("total").format(index=current.index), self)
        self.total.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.body.insertWidget(1, self.total)
        self.report = report
        self.export_button = QPushButton(t("export_report"), self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self._choose_folder)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("subtle")
        self.body.insertWidget(self.body.count() - 1, self.status)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, t("export_report"))
        if folder:
            self.export_chosen.emit(Path(folder))

    def show_status(self, message: str, *, error: bool = False, busy: bool = False) -> None:
        """The export's progress or outcome under the table; the button waits while it runs."""
        self.status.setObjectName("error" if error else "subtle")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(message)
        self.export_button.setEnabled(not busy)
