"""Parts of the findings screen's detail panel beyond the loop's steps: the evidence of a
rectification (添加证明材料, the list with size and short hash, 打开), the branch head's
exception (例外接受) and the 核查问责 link (关联应发现未发现的检查).

Each part only shows a finding and says what was asked (a signal); the screen runs the core call
through the task runner and the rule of who may (findings.may_take) decides what is offered."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.findings.exception import MAX_DAYS
from branchcheck.views import EvidenceView, FindingView
from ui.screens import subtle_label

LIST_ROWS = 3


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def evidence_line(e: EvidenceView) -> str:
    """One piece of evidence as the list shows it: its name, then size · SHA-256 (first 12)."""
    return f"{e.filename}\n{human_size(e.size)} · SHA-256 {e.sha256[:12]}"


def write_temp(filename: str, data: bytes) -> Path:
    """The evidence in a fresh temporary folder under its own name, for the system viewer."""
    folder = Path(tempfile.mkdtemp(prefix="branchcheck-evidence-"))
    path = folder / Path(filename).name
    path.write_bytes(data)
    return path


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class Part(QFrame):
    """A part of the detail panel; sets its texts in `retranslate()`, again on a language switch."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class EvidenceBox(Part):
    """证明材料: the finding's files and the buttons to add one and to open one."""

    add_requested = Signal()
    open_requested = Signal(int)  # evidence id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.label = QLabel(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFixedHeight(44 * LIST_ROWS + 6)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.open_button = QPushButton(self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        box.addWidget(self.label)
        box.addWidget(self.list)
        box.addLayout(buttons)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.open_button.clicked.connect(self._open)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self._open())
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("证明材料"))
        self.add_button.setText(self.tr("添加证明材料…"))
        self.open_button.setText(self.tr("打开"))

    def show_for(self, f: FindingView, *, may_add: bool) -> None:
        self.list.clear()
        for e in f.evidence:
            item = QListWidgetItem(evidence_line(e))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(f"SHA-256 {e.sha256}\n{e.added_by.name} · {e.added_at[:16]}")
            self.list.addItem(item)
        self.add_button.setVisible(may_add)
        self.setVisible(may_add or bool(f.evidence))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(bool(self.list.selectedItems()))

    def _open(self) -> None:
        picked = self.list.selectedItems()
        if picked:
            self.open_requested.emit(int(picked[0].data(Qt.ItemDataRole.UserRole)))


class ExceptionBox(Part):
    """例外接受 by the branch head: a reason and an expiry date within a year."""

    accept_requested = Signal(str, object)  # reason, expiry date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.reason = QLineEdit(self)
        row = QHBoxLayout()
        self.until_label = QLabel(self)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.button = QPushButton(self)
        row.addWidget(self.until_label)
        row.addWidget(self.until, 1)
        box.addWidget(self.label)
        box.addWidget(self.reason)
        box.addLayout(row)
        box.addWidget(self.button)
        self.button.clicked.connect(self._accept)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("例外接受（网点负责人，到期后重新打开）"))
        self.reason.setPlaceholderText(self.tr("例外接受的理由"))
        self.until_label.setText(self.tr("到期日"))
        self.button.setText(self.tr("例外接受"))

    def show_for(self, f: FindingView, *, allowed: bool, today: date) -> None:
        self.setVisible(allowed)
        if not allowed:
            return
        self.until.setDateRange(
            _qdate(today + timedelta(days=1)), _qdate(today + timedelta(days=MAX_DAYS))
        )
        self.until.setDate(_qdate(today + timedelta(days=30)))

    def _accept(self) -> None:
        day = self.until.date()
        self.accept_requested.emit(self.reason.text(), date(day.year(), day.month(), day.day()))


class MissedBox(Part):
    """核查问责: the link to the earlier record that passed this problem, and the button to make it."""

    link_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.note = subtle_label(self)
        self.button = QPushButton(self)
        box.addWidget(self.note)
        box.addWidget(self.button)
        self.button.clicked.connect(self.link_requested.emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("关联应发现未发现的检查…"))

    def show_for(self, f: FindingView, *, allowed: bool) -> None:
        linked = f.missed_record_id is not None
        self.setVisible(allowed or linked)
        self.button.setVisible(allowed)
        if linked and f.missed_by is not None:
            self.note.setText(
                self.tr("应发现未发现：{date} 的检查（{record}），检查人 {name}（{no}）").format(
                    date=f.missed_record_date or "",
                    record=(f.missed_record_id or "")[:8],
                    name=f.missed_by.name,
                    no=f.missed_by.employee_no,
                )
            )
        self.note.setVisible(linked)
