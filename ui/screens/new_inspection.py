"""新建检查: the checklist and the people of each slot, a deputy's authorisation (授权代查), the time
the inspection took place and a late entry's reason (补录); the core's rules decide."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QSize, Qt, QTime
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck import clock, inspections
from branchcheck.checklists import LoadedTemplate, PeopleSlot
from branchcheck.db import Store
from branchcheck.errors import EntryError
from branchcheck.inspections.context import branch_env
from branchcheck.inspections.lifecycle import is_late
from branchcheck.people.rules import fits_slot, may_authorise, needs_authorisation
from branchcheck.people.signin import StaffInfo
from ui import i18n
from ui.screens import error_label, show_error, subtle_label, title_label
from ui.tasks import TaskRunner, describe


def _person_text(p: StaffInfo) -> str:
    return f"{p.name} ({p.employee_no}) {p.role_names(i18n.lang())}"


class SlotPicker(QWidget):
    """Staff holding one of the slot's roles: a checkbox list for several people, a combo for one."""

    def __init__(self, slot: PeopleSlot, candidates: list[StaffInfo], parent=None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.candidates = candidates
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list: QListWidget | None = None
        self.combo: QComboBox | None = None
        if slot.max > 1:
            self.list = QListWidget(self)
            self.list.setMinimumHeight(min(6, max(2, len(candidates))) * 36 + 8)
            for p in candidates:
                row = QListWidgetItem(_person_text(p))
                row.setData(Qt.ItemDataRole.UserRole, p.employee_no)
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(Qt.CheckState.Unchecked)
                row.setSizeHint(QSize(0, 36))
                self.list.addItem(row)
            layout.addWidget(self.list)
        else:
            self.combo = QComboBox(self)
            self.combo.setMinimumHeight(40)
            layout.addWidget(self.combo)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.list is not None:  # the people's roles in the current language
            for i, p in enumerate(self.candidates):
                self.list.item(i).setText(_person_text(p))
        if self.combo is None:
            return
        current = self.combo.currentData()
        self.combo.clear()
        self.combo.addItem(self.tr("（不选）") if self.slot.min == 0 else self.tr("请选择…"), None)
        for p in self.candidates:
            self.combo.addItem(_person_text(p), p.employee_no)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))

    def chosen(self) -> list[str]:
        if self.list is not None:
            return [
                self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked
            ]
        no = self.combo.currentData() if self.combo else None
        return [no] if no else []

    def choose(self, employee_nos: list[str]) -> None:
        if self.list is not None:
            for i in range(self.list.count()):
                row = self.list.item(i)
                on = row.data(Qt.ItemDataRole.UserRole) in employee_nos
                row.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif self.combo is not None:
            self.combo.setCurrentIndex(
                max(0, self.combo.findData(employee_nos[0] if employee_nos else None))
            )


class Field(QWidget):
    """An editor with its own error line under it: a refused value is explained where it is."""

    def __init__(self, editor: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        editor.setMinimumHeight(40)
        layout.addWidget(editor)
        self.error = error_label(self)
        layout.addWidget(self.error)


class EntryBox(QWidget):
    """When the inspection took place, a late entry's reason, and a deputy's authorisation: the
    core says which of them this inspector and checklist need."""

    def __init__(self, authorisers: list[StaffInfo], parent=None) -> None:
        super().__init__(parent)
        self.authorisers = authorisers
        self.settings = branch_env(None, None)[0]
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(8)
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, Field] = {}
        self.auth_note = subtle_label(self)
        self.form.addRow(self.auth_note)
        self.by = QComboBox(self)
        self.reason = QLineEdit(self)
        self.reference = QLineEdit(self)
        # the branch's local date and time, as wall-clock fields (the machine's zone plays no part)
        self.opened = clock.now().replace(second=0, tzinfo=None)
        today = QDate(self.opened.year, self.opened.month, self.opened.day)
        self.valid_from, self.valid_to = QDateEdit(today, self), QDateEdit(today, self)
        self.when = QDateTimeEdit(
            QDateTime(today, QTime(self.opened.hour, self.opened.minute)), self
        )
        self.late_reason = QLineEdit(self)
        for edit in (self.valid_from, self.valid_to, self.when):
            edit.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("yyyy-MM-dd")
        self.valid_to.setDisplayFormat("yyyy-MM-dd")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        for key, editor in (
            ("authorisation.by", self.by),
            ("authorisation.reason", self.reason),
            ("authorisation.reference", self.reference),
            ("authorisation.valid_from", self.valid_from),
            ("authorisation.valid_to", self.valid_to),
            ("date", self.when),
            ("late_reason", self.late_reason),
        ):
            self.labels[key] = QLabel(self)
            self.labels[key].setMinimumHeight(40)
            self.fields[key] = Field(editor, self)
            self.form.addRow(self.labels[key], self.fields[key])
        self.when.dateTimeChanged.connect(self._show_late_reason)
        self.deputy = False
        self.retranslate()
        self._show_late_reason()

    def retranslate(self) -> None:
        names = {
            "authorisation.by": self.tr("授权人"),
            "authorisation.reason": self.tr("授权事由"),
            "authorisation.reference": self.tr("授权书编号"),
            "authorisation.valid_from": self.tr("授权起始日期"),
            "authorisation.valid_to": self.tr("授权截止日期"),
            "date": self.tr("检查时间"),
            "late_reason": self.tr("补录原因"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self.auth_note.setText(
            self.tr("授权代查：网点负责人不能亲自检查时，须有其书面授权，授权记入本次检查记录。")
        )
        self.reason.setPlaceholderText(self.tr("如 休假、出差"))
        self.late_reason.setPlaceholderText(
            self.tr("检查时间距今超过 {hours} 小时，属补录").format(
                hours=self.settings.late_entry_hours
            )
        )
        current = self.by.currentData()
        self.by.clear()
        self.by.addItem(self.tr("请选择…"), None)
        for p in self.authorisers:
            self.by.addItem(_person_text(p), p.employee_no)
        self.by.setCurrentIndex(max(0, self.by.findData(current)))

    def show_authorisation(self, deputy: bool) -> None:
        self.deputy = deputy
        self.auth_note.setVisible(deputy)
        for key in self.fields:
            if key.startswith("authorisation."):
                self.labels[key].setVisible(deputy)
                self.fields[key].setVisible(deputy)

    def held_at(self) -> datetime | None:
        """When the inspection took place; None when left at the dialog's opening (now)."""
        d, t = self.when.date(), self.when.time()
        wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return None if wall == self.opened else clock.local(wall)

    def late(self) -> bool:
        held = self.held_at()
        return held is not None and is_late(held, clock.now(), self.settings)

    def _show_late_reason(self) -> None:
        late = self.late()
        self.labels["late_reason"].setVisible(late)
        self.fields["late_reason"].setVisible(late)

    def authorisation(self) -> dict[str, str] | None:
        if not self.deputy:
            return None
        return {
            "by": self.by.currentData() or "",
            "reason": self.reason.text(),
            "reference": self.reference.text(),
            "valid_from": self.valid_from.date().toString("yyyy-MM-dd"),
            "valid_to": self.valid_to.date().toString("yyyy-MM-dd"),
        }

    def show_errors(self, fields: dict[str, str]) -> dict[str, str]:
        """Each message next to its field; returns those with no field here."""
        for key, field in self.fields.items():
            show_error(field.error, fields.get(key))
        return {k: v for k, v in fields.items() if k not in self.fields}


class NewInspectionDialog(QDialog):
    """On OK starts the inspection in the background; a people-rule error stays in the dialog,
    nothing started."""

    def __init__(
        self,
        store: Store,
        *,
        tasks: TaskRunner,
        inspector: StaffInfo,
        templates: dict[str, LoadedTemplate],
        staff: list[StaffInfo],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.inspector = inspector
        self.templates = templates
        self.staff = staff
        self.inspection_id: str | None = None
        self.pickers: dict[str, SlotPicker] = {}
        self.slot_labels: dict[str, QLabel] = {}
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = title_label(self)
        self.inspector_label = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.inspector_label)
        self.entry = EntryBox(
            [p for p in staff if may_authorise(p.ref()) and p.employee_no != inspector.employee_no],
            self,
        )
        layout.addWidget(self.entry)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(12)
        self.checklist = QComboBox(self)
        self.checklist.setMinimumHeight(40)
        for key in templates:
            self.checklist.addItem("", key)  # the title: retranslate
        self.checklist_label = QLabel(self)
        self.checklist_label.setMinimumHeight(40)
        self.form.addRow(self.checklist_label, self.checklist)
        layout.addLayout(self.form)
        self.description = subtle_label(self)
        layout.addWidget(self.description)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("primary")
        for button in self.buttons.buttons():
            button.setIcon(QIcon())
            button.style().unpolish(button)  # the object name changed after the style sheet applied
            button.style().polish(button)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.checklist.currentIndexChanged.connect(self._build_slots)
        self._build_slots()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.entry.retranslate()
        self.setWindowTitle(self.tr("新建检查"))
        self.title.setText(self.tr("新建检查"))
        self.checklist_label.setText(self.tr("检查项目"))
        for i in range(self.checklist.count()):
            option = self.templates[self.checklist.itemData(i)].template
            self.checklist.setItemText(i, i18n.text(option.title.as_dict()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始检查"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        loaded = self.current_template()
        if loaded is None:
            return
        t = loaded.template
        self.inspector_label.setText(
            self.tr("{role}：{name} ({no})").format(
                role=i18n.text(t.inspector.title.as_dict()),
                name=self.inspector.name,
                no=self.inspector.employee_no,
            )
        )
        self.description.setText(i18n.text(t.description.as_dict()) if t.description else "")
        for slot in t.people:
            label = self.slot_labels[slot.key]
            suffix = self.tr("（可选）") if slot.min == 0 else ""
            if slot.max > 1:
                suffix += self.tr("（可多选）")
            label.setText(i18n.text(slot.title.as_dict()) + suffix)

    def select_checklist(self, key: str) -> None:
        self.checklist.setCurrentIndex(max(0, self.checklist.findData(key)))

    def current_template(self) -> LoadedTemplate | None:
        key = self.checklist.currentData()
        return self.templates.get(key) if key else None

    def _build_slots(self) -> None:
        while self.form.rowCount() > 1:
            self.form.removeRow(1)
        self.pickers.clear()
        self.slot_labels.clear()
        loaded = self.current_template()
        if loaded is None:
            return
        self.entry.show_authorisation(needs_authorisation(loaded.template, self.inspector.ref()))
        for slot in loaded.template.people:
            candidates = [p for p in self.staff if fits_slot(slot, p.roles, p.external)]
            picker = SlotPicker(slot, candidates, self)
            label = QLabel(self)
            label.setMinimumHeight(40)
            label.setAlignment(
                Qt.AlignmentFlag.AlignLeft
                | (Qt.AlignmentFlag.AlignTop if slot.max > 1 else Qt.AlignmentFlag.AlignVCenter)
            )
            self.form.addRow(label, picker)
            self.pickers[slot.key] = picker
            self.slot_labels[slot.key] = label
        self.retranslate()

    def people(self) -> dict[str, list[str]]:
        return {key: picker.chosen() for key, picker in self.pickers.items() if picker.chosen()}

    def start(self) -> None:
        loaded = self.current_template()
        if loaded is None:
            return
        people = self.people()
        authorisation, held_at = self.entry.authorisation(), self.entry.held_at()
        late_reason = self.entry.late_reason.text() if self.entry.late() else ""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.entry.show_errors({})
        show_error(self.error, None)

        def started(inspection_id: str) -> None:
            ok.setEnabled(True)
            self.inspection_id = inspection_id
            self.accept()

        def refused(exc: BaseException) -> None:
            ok.setEnabled(True)
            if isinstance(exc, EntryError):
                rest = self.entry.show_errors(exc.fields)
                show_error(self.error, "\n".join(rest.values()) or None)
            else:
                show_error(self.error, describe(exc))

        self.tasks.run_in_background(
            lambda: inspections.start(
                self.store,
                checklist=loaded,
                inspector=self.inspector.employee_no,
                people=people,
                authorisation=authorisation,
                held_at=held_at,
                late_reason=late_reason,
            ),
            started,
            refused,
        )
