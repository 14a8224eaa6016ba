"""新建检查: the checklist and the people of each slot; the core's people rules decide."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchcheck import inspections
from branchcheck.checklists import LoadedTemplate, PeopleSlot
from branchcheck.db import Store
from branchcheck.people.rules import fits_slot
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

    def retranslate(self) -> None:
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
        self.form = QFormLayout()
        self.form.setVerticalSpacing(12)
        self.checklist = QComboBox(self)
        self.checklist.setMinimumHeight(40)
        for key, loaded in templates.items():
            self.checklist.addItem(i18n.text(loaded.template.title.as_dict()), key)
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
        self.setWindowTitle(self.tr("新建检查"))
        self.title.setText(self.tr("新建检查"))
        self.checklist_label.setText(self.tr("检查项目"))
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
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)

        def started(inspection_id: str) -> None:
            ok.setEnabled(True)
            self.inspection_id = inspection_id
            self.accept()

        def refused(exc: BaseException) -> None:
            ok.setEnabled(True)
            show_error(self.error, describe(exc))

        self.tasks.run_in_background(
            lambda: inspections.start(
                self.store, checklist=loaded, inspector=self.inspector.employee_no, people=people
            ),
            started,
            refused,
        )
