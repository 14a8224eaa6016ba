"""What the branch head does about an obligation from the desk's list: explain a miss (说明原因),
or record that a teller still to cover is away (登记缺勤). The dialogs collect the input; the
home screen runs the core's function on the worker thread and shows its refusal here, next to
the fields, without closing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchcheck.people.absence import ABSENCE_KINDS
from branchcheck.taxonomy import OBLIGATION_REASONS
from branchcheck.views import Obligation
from ui import i18n
from ui.screens import error_label, show_error

T = {
    "explain": {"zh": "说明未履行的原因", "en": "Explain a missed obligation"},
    "explain_intro": {
        "zh": "{what}\n说明会记录并留痕；该项在各报表中仍计为漏做（已说明）。",
        "en": "{what}\nThe explanation is recorded and audited; the obligation still counts as "
        "missed (explained) in every report.",
    },
    "reason": {"zh": "说明理由", "en": "Reason"},
    "absence_reason": {"zh": "事由", "en": "Reason"},
    "absence": {"zh": "登记缺勤", "en": "Record an absence"},
    "person": {"zh": "人员", "en": "Person"},
    "from": {"zh": "开始日期", "en": "First day"},
    "to": {"zh": "结束日期", "en": "Last day"},
    "kind": {"zh": "类型", "en": "Kind"},
    "save": {"zh": "保存", "en": "Save"},
    "cancel": {"zh": "取消", "en": "Cancel"},
    "saving": {"zh": "保存中…", "en": "Saving…"},
}


@dataclass(frozen=True)
class AbsenceInput:
    employee_no: str
    first_day: date
    last_day: date
    kind: str
    reason: str


def describe(ob: Obligation, titles: dict[str, dict[str, str]]) -> str:
    """An obligation in a person's words: the checklist's title, why it was due, its period."""
    title = i18n.text(titles.get(ob.checklist, {"zh": ob.checklist, "en": ob.checklist}))
    reason = i18n.text(OBLIGATION_REASONS.get(ob.reason, {"zh": ob.reason, "en": ob.reason}))
    return f"{title} · {reason} · {ob.period_start} – {ob.due_on}"


def t(key: str) -> str:
    return i18n.text(T[key])


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _ActionDialog(QDialog):
    """A form, an error line next to it, 保存 / 取消. `submit(values, done, failed)` runs the core
    function; the dialog closes only once it succeeded."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 320)
        self.body = QVBoxLayout(self)
        self.form = QFormLayout()
        self.body.addLayout(self.form)
        self.error = error_label(self)
        self.body.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(t("save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(t("cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.body.addWidget(self.buttons)
        self.submit: Callable[[Callable[[], None], Callable[[str], None]], None] | None = None

    def _save(self) -> None:
        if self.submit is None:
            return
        show_error(self.error, None)
        self.save_button.setEnabled(False)
        self.save_button.setText(t("saving"))

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            self.save_button.setText(t("save"))
            show_error(self.error, message)

        self.submit(self.accept, failed)


class ExplainDialog(_ActionDialog):
    def __init__(
        self,
        obligation: Obligation,
        parent: QWidget | None = None,
        *,
        titles: dict[str, dict[str, str]] | None = None,
    ) -> None:
        super().__init__(parent, t("explain"))
        self.obligation = obligation
        self.intro = intro = QLabel(
            t("explain_intro").format(what=describe(obligation, titles or {})), self
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.reason = QPlainTextEdit(self)
        self.form.addRow(t("reason"), self.reason)

    def reason_text(self) -> str:
        return self.reason.toPlainText()


class AbsenceDialog(_ActionDialog):
    """An absence of one of the obligation's tellers still to cover; the dates default to the
    obligation's week."""

    def __init__(self, obligation: Obligation, parent: QWidget | None = None) -> None:
        super().__init__(parent, t("absence"))
        self.obligation = obligation
        self.person = QComboBox(self)
        for p in obligation.uncovered:
            self.person.addItem(f"{p.name} ({p.employee_no})", p.employee_no)
        self.form.addRow(t("person"), self.person)
        start = date.fromisoformat(obligation.period_start)
        self.first = QDateEdit(_qdate(start), self)
        self.last = QDateEdit(_qdate(start + timedelta(days=6)), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(t("from"), self.first)
        self.form.addRow(t("to"), self.last)
        self.kind = QComboBox(self)
        for key, names in ABSENCE_KINDS.items():
            self.kind.addItem(i18n.text(names), key)
        self.form.addRow(t("kind"), self.kind)
        self.reason = QLineEdit(self)
        self.form.addRow(t("absence_reason"), self.reason)

    def values(self) -> AbsenceInput:
        return AbsenceInput(
            str(self.person.currentData()),
            _pydate(self.first.date()),
            _pydate(self.last.date()),
            str(self.kind.currentData()),
            self.reason.text(),
        )
