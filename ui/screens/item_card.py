"""One item of the inspection screen: its text and help, the answer widget, a note, the mark that
says 保存中 until the core has committed an answer and 已保存 once it has, errors, the outcome.

What is typed and is no answer yet (a table filled in part, a note on an unanswered item) is kept
as a draft: saved DRAFT_DELAY_MS after the last edit, at once when the widget loses the focus or
the screen asks (`flush`), and marked 草稿（未完成） once the core has committed it. A note on an
answered item goes with the answer after the same pause."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from branchcheck.checklists import Item
from branchcheck.engine import ITEM_TYPES, Outcome
from branchcheck.errors import AnswerError
from ui import i18n
from ui.items import ItemContext, ItemWidget, widget_for
from ui.screens import error_label, show_error
from ui.style import RESULT_COLOURS
from ui.tasks import describe

DRAFT_DELAY_MS = 300


class ItemCard(QFrame):
    """Item text, help, the answer widget, a note, the saved mark, errors and the outcome."""

    commit = Signal(str, object, str)  # item key, answer, note
    commit_part = Signal(str, str, object)  # item key, part, the part's answer
    commit_note = Signal(str, str)  # item key, note: for the answer as committed by then
    commit_draft = Signal(str, object, str)  # item key, the cells as typed, note

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.saving = 0  # answers given and not yet committed
        self.setObjectName("card")
        self.value: Any = ctx.state.answers.get(item.key)
        self.answered_before = item.key in ctx.state.answers
        draft = ctx.state.drafts.get(item.key)
        self.is_draft = draft is not None  # what the store holds of the item is a draft
        self.outcome: Outcome | None = None
        self.failure: BaseException | None = None  # the core's refusal shown next to the item
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(DRAFT_DELAY_MS)
        self._note_timer.timeout.connect(self._note_finished)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        head = QHBoxLayout()
        self.text = QLabel(self)
        self.text.setObjectName("itemText")
        self.text.setWordWrap(True)
        head.addWidget(self.text, 1)
        self.saved = QLabel(self)
        self.saved.setObjectName("saved")
        head.addWidget(self.saved, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.help = QLabel(self)
        self.help.setObjectName("help")
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.widget: ItemWidget = widget_for(item, ctx, self)
        layout.addWidget(self.widget)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.note = QLineEdit(self)
        self.note.setText(draft.note if draft else ctx.state.notes.get(item.key, ""))
        self.note.setMaxLength(2000)
        self.answerable = ITEM_TYPES[item.type].answerable
        if self.answerable:
            layout.addWidget(self.note)
        else:
            self.note.hide()
        if self.answered_before:
            self.widget.set_value(self.value)
        elif draft is not None and draft.value is not None:
            self.widget.set_draft(draft.value)
        self.widget.answered.connect(self._answered)
        self.widget.drafted.connect(self._drafted)
        self.widget.focus_target().installEventFilter(self)
        self.note.textEdited.connect(self._note_typed)
        self.widget.part_answered.connect(self._part_answered)
        self.widget.invalid.connect(lambda message: show_error(self.error, message))
        self.note.editingFinished.connect(self._note_finished)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        required = "" if self.item.required or not self.answerable else self.tr("（选答）")
        self.text.setText(i18n.text(self.item.text.as_dict()) + required)
        self.help.setText(i18n.text(self.item.help.as_dict()) if self.item.help else "")
        self.help.setVisible(self.item.help is not None)
        self.note.setPlaceholderText(self.tr("备注（可选）"))
        self._show_saved()
        self.widget.retranslate()
        if self.outcome is not None:
            self.show_outcome(self.outcome)
        if self.failure is not None:
            show_error(self.error, describe(self.failure))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def _show_saved(self) -> None:
        if self.saving:
            self.saved.setText(self.tr("保存中…"))
        elif self.is_draft:
            self.saved.setText(self.tr("草稿（未完成）已保存"))
        else:
            self.saved.setText(self.tr("已保存 ✓") if self.answered_before else "")
        saving = "true" if self.saving else "false"
        if self.saved.property("saving") != saving:  # grey while saving, green once saved
            self.saved.setProperty("saving", saving)
            self.saved.style().unpolish(self.saved)
            self.saved.style().polish(self.saved)

    def _saving(self) -> None:
        self.saving += 1
        self._show_saved()

    def _answered(self, value: Any) -> None:
        self._draft_timer.stop()  # the answer replaces any draft
        self._saving()
        self.commit.emit(self.item.key, value, self.note.text())

    def _part_answered(self, part: str, value: Any) -> None:
        self._saving()
        self.commit_part.emit(self.item.key, part, value)

    def _drafted(self, _cells: Any) -> None:
        self._draft_timer.start()

    def _note_typed(self, _text: str) -> None:
        if self.answered_before:  # goes with the answer after a pause, as on leaving the field
            self._note_timer.start()
        else:  # a note on an unanswered item is kept as a draft
            self._draft_timer.start()

    def flush(self) -> None:
        """Save a draft still waiting for its delay now (the screen changes, the window closes)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._save_draft()
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._note_finished()

    def _save_draft(self) -> None:
        self._saving()
        self.commit_draft.emit(self.item.key, self.widget.draft(), self.note.text())

    def mark_drafted(self) -> None:
        """Called only once the core has committed the draft."""
        self.saving = max(0, self.saving - 1)
        self.is_draft = True
        self.answered_before = False
        self.outcome = None
        if self.failure is not None:  # the core's refusal is superseded; the widget's own
            show_error(self.error, None)  # note on what is typed (a short ID) stays
        self.failure = None
        self.result.setText("")
        self._show_saved()

    def _note_finished(self) -> None:
        self._note_timer.stop()
        if self._draft_timer.isActive():  # the draft carries the note
            self.note.setModified(False)
            self.flush()
            return
        if (self.answered_before or self.saving) and self.note.isModified():
            self.note.setModified(False)
            self._saving()
            self.commit_note.emit(self.item.key, self.note.text())

    def mark_saved(self, value: Any, outcome: Outcome) -> None:
        """Called only once the core has committed the answer."""
        self.saving = max(0, self.saving - 1)
        self.value = value
        self.answered_before = True
        self.is_draft = False
        self.failure = None
        show_error(self.error, None)
        self._show_saved()
        self.show_outcome(outcome)

    def settled(self) -> None:
        """A commit that had nothing to save (a note with no answer committed to go with)."""
        self.saving = max(0, self.saving - 1)
        self._show_saved()

    def commit_failed(self, exc: BaseException) -> None:
        """The core refused or could not commit an answer: nothing of it was saved. Its words
        stay next to the item in the window's language, also after a switch."""
        self.saving = max(0, self.saving - 1)
        self.failure = exc
        self.show_failure(describe(exc))
        if isinstance(exc, AnswerError):
            self.widget.point_at(exc.row, exc.column)

    def show_failure(self, message: str) -> None:
        self._show_saved()
        show_error(self.error, message)

    def show_outcome(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.widget.show_outcome(outcome)
        if not self.answerable or outcome.result == "unanswered":
            self.result.setText("")
            return
        colour = RESULT_COLOURS.get(outcome.result, "#1f2933")
        if self.item.type == "yes_no":
            words = {
                "pass": self.tr("✓ 符合"),
                "fail": self.tr("✗ 不符合，完成检查时列为问题"),
                "na": self.tr("不适用"),
            }
            shown = words.get(outcome.result, i18n.text(outcome.display))
        else:
            mark = {"pass": "✓ ", "fail": "✗ "}.get(outcome.result, "")
            shown = mark + i18n.text(outcome.display)
        self.result.setText(shown)
        self.result.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def set_highlight(self, on: bool) -> None:
        self.setProperty("focusCard", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def focus(self) -> None:
        self.widget.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
