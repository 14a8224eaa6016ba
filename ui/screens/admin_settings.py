"""设置 (administration menu): the settings a branch may change (branchcheck.settings_admin), in
groups, each with its help, its default and its message right below it; a number field takes
digits only. Saving runs on the worker (change_settings checks every value, writes the file and
audits each change); 已保存 shows only once it has returned, and the window then uses the new
settings. Head office's holiday table is imported from a file the same way."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branchcheck import holiday_table, settings_admin
from branchcheck.errors import EntryError
from branchcheck.holiday_table import HolidayTable
from branchcheck.settings import Settings, load_settings
from branchcheck.settings_admin import (
    CHOICE,
    FOLDER,
    INT,
    LANGUAGE_NAMES,
    SettingInfo,
)
from ui import i18n
from ui.screens import error_label, primary_button, subtle_label, title_label
from ui.screens.key_form import fit, retell, tell
from ui.tasks import TaskRunner, describe

if TYPE_CHECKING:
    from branchcheck.db import Store
    from branchcheck.people.signin import StaffInfo


def open_dialog(window) -> SettingsDialog:
    """The administration menu's entry: the settings of the window's data folder (beside the
    store); once saved, the window uses them."""
    home = window.home or window.core.path.parent
    dialog = SettingsDialog(window.core, home, tasks=window.tasks, user=window.user, parent=window)
    dialog.saved.connect(lambda new: setattr(window, "settings", new))
    dialog.show()
    return dialog


class _Row:
    """One setting's editor, its label, its help and its message."""

    def __init__(self, info: SettingInfo, parent: QWidget) -> None:
        self.info = info
        self.label = QLabel(parent)
        self.help = QLabel(parent)
        self.help.setObjectName("help")
        self.help.setWordWrap(True)
        self.error = error_label(parent)
        self.pick: QPushButton | None = None
        self.editor: QLineEdit | QComboBox
        if info.kind == CHOICE:
            combo = QComboBox(parent)
            for choice in info.choices:
                combo.addItem(choice, choice)
            self.editor = combo
        else:
            edit = QLineEdit(parent)
            if info.kind == INT and info.maximum is not None:
                edit.setValidator(QIntValidator(0, info.maximum, edit))
            self.editor = edit
            if info.kind == FOLDER:
                self.pick = QPushButton(parent)
        self.show_value(info.current)

    def show_value(self, value: Any) -> None:
        if isinstance(self.editor, QComboBox):
            self.editor.setCurrentIndex(max(self.editor.findData(value), 0))
        else:
            self.editor.setText(str(value))

    def text(self) -> str:
        if isinstance(self.editor, QComboBox):
            return str(self.editor.currentData())
        return self.editor.text()

    def changed(self) -> bool:
        return self.text().strip() != str(self.info.current)

    def field(self, parent: QWidget) -> QWidget:
        """The editor, its help and its message in one widget (so the form grows with the
        message's lines)."""
        widget = QWidget(parent)
        box = QVBoxLayout(widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(self.editor, 1)
        if self.pick is not None:
            line.addWidget(self.pick)
        box.addLayout(line)
        box.addWidget(self.help)
        box.addWidget(self.error)
        return widget


class SettingsDialog(QDialog):
    saved = Signal(object)  # the new Settings, once written and audited

    def __init__(
        self,
        store: Store,
        home: Path,
        *,
        tasks: TaskRunner,
        user: StaffInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.home, self.tasks, self.user = store, home, tasks, user
        self.rows: dict[str, _Row] = {}
        self.groups: list[tuple[QGroupBox, dict[str, str]]] = []
        self.forms: list[QGridLayout] = []
        self.table: HolidayTable | None = None
        self.setMinimumSize(640, 480)
        fit(self, 860, 760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = title_label(self)
        self.intro = subtle_label(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.body = QWidget(self.scroller)
        self.body_layout = QVBoxLayout(self.body)
        self.scroller.setWidget(self.body)
        layout.addWidget(self.scroller, 1)

        holidays = QHBoxLayout()
        self.holiday_label = QLabel(self)
        self.holiday_label.setWordWrap(True)
        self.holiday_button = QPushButton(self)
        self.holiday_button.clicked.connect(self.choose_holiday_table)
        holidays.addWidget(self.holiday_label, 1)
        holidays.addWidget(self.holiday_button)
        layout.addLayout(holidays)
        self.holiday_error = error_label(self)
        layout.addWidget(self.holiday_error)

        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("saved")
        buttons.addWidget(self.status, 1)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        self.save_button = primary_button(self)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)  # until the settings are read
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        # Enter saves; it never opens a file dialog
        for button in (self.holiday_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ reading

    def reload(self) -> None:
        home = self.home

        def read() -> tuple[list[SettingInfo], HolidayTable]:
            return (
                settings_admin.describe_settings(load_settings(home)),
                holiday_table.holiday_table(home),
            )

        self.tasks.run_in_background(read, self._read, self._failed)

    def _failed(self, exc: BaseException) -> None:
        tell(self.error, describe(exc))

    def _read(self, read: tuple[list[SettingInfo], HolidayTable]) -> None:
        infos, self.table = read
        if not self.rows:
            self._build(infos)
        for info in infos:
            self.rows[info.name].info = info
            self.rows[info.name].show_value(info.current)
        self.save_button.setEnabled(True)
        self.retranslate()

    def _build(self, infos: list[SettingInfo]) -> None:
        forms: dict[str, QGridLayout] = {}
        for info in infos:
            key = info.group["zh"]
            if key not in forms:
                box = QGroupBox(self.body)
                forms[key] = QGridLayout(box)  # a grid: rows grow with wrapped messages
                forms[key].setColumnStretch(1, 1)
                forms[key].setVerticalSpacing(8)
                self.forms.append(forms[key])
                self.groups.append((box, info.group))
                self.body_layout.addWidget(box)
            row = _Row(info, self.body)
            row.editor.setObjectName(info.name)
            if isinstance(row.editor, QLineEdit):
                row.editor.editingFinished.connect(lambda r=row: self._check(r))
            if row.pick is not None:
                row.pick.setAutoDefault(False)
                row.pick.clicked.connect(lambda _c=False, r=row: self._pick_folder(r))
            self.rows[info.name] = row
            grid = forms[key]
            at = grid.count() // 2  # two widgets a row
            grid.addWidget(row.label, at, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row.field(self.body), at, 1)
        self.body_layout.addStretch(1)

    # ------------------------------------------------------------------ texts

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("设置"))
        self.title.setText(self.tr("设置"))
        self.intro.setText(
            self.tr(
                "本网点的规则与期限。每项修改都会检查并记入审计日志，须由网点负责人或网点副职办理。"
            )
        )
        self.close_button.setText(self.tr("关闭"))
        self.save_button.setText(self.tr("保存"))
        self.holiday_button.setText(self.tr("导入节假日表…"))
        for box, group in self.groups:
            box.setTitle(i18n.text(group))
        for row in self.rows.values():
            row.label.setText(i18n.text(row.info.label))
            default = row.info.default
            if isinstance(row.editor, QComboBox):
                default = i18n.text(LANGUAGE_NAMES.get(str(default), {"zh": str(default)}))
                for n, choice in enumerate(row.info.choices):
                    names = LANGUAGE_NAMES.get(choice, {"zh": choice, "en": choice})
                    row.editor.setItemText(n, i18n.text(names))
            elif default == "":
                default = self.tr("数据文件夹下的 backups")
            row.help.setText(
                self.tr("{help}（默认：{default}）").format(
                    help=i18n.text(row.info.help), default=default
                )
            )
            if row.pick is not None:
                row.pick.setText(self.tr("选择…"))
        retell([self.error, self.holiday_error, *(row.error for row in self.rows.values())])
        self._show_table()
        self._relayout()

    def _relayout(self) -> None:
        """Messages shown or hidden change the rows' heights: lay the groups out anew (a form
        keeps the heights it worked out for wrapped text otherwise)."""
        for form in self.forms:
            form.invalidate()
        self.body_layout.invalidate()

    def _show_table(self) -> None:
        table = self.table
        if table is None or not table.years:
            self.holiday_label.setText(
                self.tr("节假日表：未导入总行节假日表（按国务院安排或推算）")
            )
            return
        self.holiday_label.setText(
            self.tr("节假日表：{years} 年，{holidays} 个休息日，{workdays} 个调休上班日").format(
                years=(", " if i18n.lang() == "en" else "、").join(map(str, table.years)),
                holidays=table.holidays,
                workdays=table.workdays,
            )
        )

    # ------------------------------------------------------------------ checking, saving

    def _check(self, row: _Row) -> bool:
        """A field's own check as it is left (the core's rule, no store): the message next to it."""
        if row.info.kind == FOLDER:  # the folder is looked at on the worker, when saving
            return True
        try:
            settings_admin.check_value(row.info.name, row.text())
        except ValueError as exc:
            tell(row.error, str(exc))
            self._relayout()
            return False
        tell(row.error, None)
        self._relayout()
        return True

    def _pick_folder(self, row: _Row) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), row.text())
        if folder:
            row.show_value(folder)

    def changes(self) -> dict[str, str]:
        return {name: row.text() for name, row in self.rows.items() if row.changed()}

    def save(self) -> None:
        changes = self.changes()
        for name, row in self.rows.items():
            if name not in changes:
                tell(row.error, None)
        ok = [self._check(self.rows[name]) for name in changes]
        tell(self.error, None)
        if not all(ok):
            return
        if not changes:
            self.status.setText(self.tr("没有修改"))
            return
        store, home, actor = self.store, self.home, self.user.employee_no
        self.save_button.setEnabled(False)
        self.status.setProperty("saving", True)
        self.status.setText(self.tr("保存中…"))
        self.tasks.run_in_background(
            lambda: settings_admin.change_settings(store, home, actor=actor, changes=changes),
            self._saved,
            self._refused,
        )

    def _saved(self, new: Settings) -> None:
        self.save_button.setEnabled(True)
        self.status.setProperty("saving", False)
        self.status.setText(self.tr("已保存"))
        for row in self.rows.values():
            tell(row.error, None)
        self._relayout()
        self.saved.emit(new)
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setProperty("saving", False)
        self.status.setText("")
        if isinstance(exc, EntryError):
            for name, message in exc.fields.items():
                if name in self.rows:
                    tell(self.rows[name].error, message)
            self._relayout()
            return
        tell(self.error, describe(exc))

    # ------------------------------------------------------------------ the holiday table

    def choose_holiday_table(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择总行节假日表"), "", self.tr("节假日表 (*.json)")
        )
        if name:
            self.import_holiday_table(Path(name))

    def import_holiday_table(self, path: Path) -> None:
        store, home, actor = self.store, self.home, self.user.employee_no
        tell(self.holiday_error, None)
        self.holiday_button.setEnabled(False)
        self.tasks.run_in_background(
            lambda: holiday_table.import_holidays(store, home, actor=actor, path=path),
            self._imported,
            self._import_failed,
        )

    def _imported(self, table: HolidayTable) -> None:
        self.holiday_button.setEnabled(True)
        self.table = table
        self._show_table()
        self.status.setText(self.tr("节假日表已导入"))

    def _import_failed(self, exc: BaseException) -> None:
        self.holiday_button.setEnabled(True)
        tell(self.holiday_error, describe(exc))
