"""检查: one section at a time, one card per item. Every answer is committed by the core before
its card says 已保存."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branchcheck import inspections
from branchcheck.checklists import Item
from branchcheck.db import Store
from branchcheck.engine import ITEM_TYPES, Outcome
from branchcheck.errors import AnswerError, BranchCheckError
from branchcheck.people.register import list_staff
from branchcheck.settings import Settings
from ui import i18n
from ui.items import ItemContext, ItemWidget, widget_for
from ui.screens import Screen, error_label, primary_button, show_error, subtle_label, title_label
from ui.style import RESULT_COLOURS


class ItemCard(QFrame):
    """Item text, help, the answer widget, a note, the saved mark, errors and the outcome."""

    commit = Signal(str, object, str)  # item key, answer, note
    commit_part = Signal(str, str, object)  # item key, part, the part's answer

    def __init__(self, item: Item, ctx: ItemContext, parent=None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("card")
        self.value: Any = ctx.state.answers.get(item.key)
        self.answered_before = item.key in ctx.state.answers
        self.outcome: Outcome | None = None
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
        self.note.setText(ctx.state.notes.get(item.key, ""))
        self.note.setMaxLength(2000)
        self.answerable = ITEM_TYPES[item.type].answerable
        if self.answerable:
            layout.addWidget(self.note)
        else:
            self.note.hide()
        if self.answered_before:
            self.widget.set_value(self.value)
        self.widget.answered.connect(self._answered)
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
        self.saved.setText(self.tr("已保存 ✓") if self.answered_before else "")
        self.widget.retranslate()
        if self.outcome is not None:
            self.show_outcome(self.outcome)

    def _answered(self, value: Any) -> None:
        self.saved.setText("")
        self.commit.emit(self.item.key, value, self.note.text())

    def _part_answered(self, part: str, value: Any) -> None:
        self.saved.setText("")
        self.commit_part.emit(self.item.key, part, value)

    def _note_finished(self) -> None:
        if self.answered_before and self.note.isModified():
            self.note.setModified(False)
            self.commit.emit(self.item.key, self.value, self.note.text())

    def mark_saved(self, value: Any, outcome: Outcome) -> None:
        """Called only after inspections.answer returned: the answer is committed."""
        self.value = value
        self.answered_before = True
        self.note.setModified(False)
        show_error(self.error, None)
        self.saved.setText(self.tr("已保存 ✓"))
        self.show_outcome(outcome)

    def show_failure(self, message: str) -> None:
        self.saved.setText(self.tr("已保存 ✓") if self.answered_before else "")
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


class InspectionScreen(Screen):
    completed = Signal(str)  # inspection ID, answering closed: go to the review
    home_requested = Signal()

    def __init__(
        self,
        store: Store,
        *,
        settings: Settings | None = None,
        home: Path | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings or Settings()
        self.home = home
        self.state: inspections.InspectionState | None = None
        self.ctx: ItemContext | None = None
        self.section = 0
        self.cards: dict[str, ItemCard] = {}
        self._card_order: list[ItemCard] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        self.title = title_label(self)
        self.subtitle = subtle_label(self)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        self.progress = QProgressBar(self)
        self.progress.setMinimumWidth(260)
        self.progress.setMinimumHeight(28)
        top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(top)
        self.missing = QLabel(self)
        self.missing.setObjectName("error")
        self.missing.setWordWrap(True)
        self.missing_frame = QFrame(self)
        self.missing_frame.setObjectName("missing")
        mf = QVBoxLayout(self.missing_frame)
        mf.setContentsMargins(14, 10, 14, 10)
        mf.addWidget(self.missing)
        self.missing_frame.hide()
        outer.addWidget(self.missing_frame)

        body = QHBoxLayout()
        body.setSpacing(14)
        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        self.sections.setFixedWidth(240)
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.sections)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body.addWidget(self.scroll, 1)
        outer.addLayout(body, 1)

        bottom = QHBoxLayout()
        self.home_button = QPushButton(self)
        self.prev_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.complete_button = primary_button(self)
        bottom.addWidget(self.home_button)
        bottom.addStretch(1)
        bottom.addWidget(self.prev_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.complete_button)
        outer.addLayout(bottom)

        self.sections.currentRowChanged.connect(self._section_clicked)
        self.prev_button.clicked.connect(lambda: self.go_to(self.section - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.section + 1))
        self.complete_button.clicked.connect(self.complete)
        self.home_button.clicked.connect(self.home_requested.emit)
        self.retranslate()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.home_button.setText(self.tr("返回首页"))
        self.prev_button.setText(self.tr("← 上一节"))
        self.next_button.setText(self.tr("下一节 →"))
        self.complete_button.setText(self.tr("完成检查"))
        self.progress.setFormat(self.tr("已答 %v / %m"))
        if self.state is None:
            return
        st = self.state
        self.title.setText(i18n.text(st.template.title.as_dict()))
        self.subtitle.setText(
            self.tr("{branch} · {date} · {role}：{name} ({no})").format(
                branch=st.branch_name,
                date=st.local_date.isoformat(),
                role=i18n.text(st.template.inspector.title.as_dict()),
                name=st.inspector.name,
                no=st.inspector.employee_no,
            )
        )
        self._update_progress()

    # ------------------------------------------------------------------ opening

    def open(self, inspection_id: str) -> None:
        self.state = inspections.load(self.store, inspection_id)
        self.ctx = ItemContext(self.state, list_staff(self.store), self.settings)
        self.missing_frame.hide()
        self.sections.blockSignals(True)
        self.sections.clear()
        for _section in self.state.template.sections:
            self.sections.addItem(QListWidgetItem())
        self.sections.blockSignals(False)
        self.retranslate()
        index = min(self.state.current_section, len(self.state.template.sections) - 1)
        self._show_section(index)

    def _section_progress(self, index: int) -> tuple[int, int]:
        items = [
            i for i in self.state.template.sections[index].items if ITEM_TYPES[i.type].answerable
        ]
        return sum(1 for i in items if i.key in self.state.answers), len(items)

    def _update_progress(self) -> None:
        if self.state is None:
            return
        done, total = self.state.progress()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        for i, section in enumerate(self.state.template.sections):
            d, t = self._section_progress(i)
            title = i18n.text(section.title.as_dict())
            row = self.sections.item(i)
            if row is not None:
                row.setText(f"✓  {title}" if d == t else f"{title}   {d}/{t}")

    # ------------------------------------------------------------------ sections

    def _section_clicked(self, index: int) -> None:
        if index >= 0 and index != self.section:
            self.go_to(index)

    def go_to(self, index: int) -> None:
        if self.state is None or not 0 <= index < len(self.state.template.sections):
            return
        self.setFocus()  # finishes an edit in progress, so its answer is committed first
        inspections.set_section(self.store, self.state.id, index)
        self._show_section(index)

    def _show_section(self, index: int) -> None:
        # answers given elsewhere (the CLI, another window) show up too
        self.state = inspections.load(self.store, self.state.id)
        self.ctx.state = self.state
        self.section = index
        section = self.state.template.sections[index]
        self.sections.blockSignals(True)
        self.sections.setCurrentRow(index)
        self.sections.blockSignals(False)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(12)
        heading = title_label(page)
        heading.setText(i18n.text(section.title.as_dict()))
        heading.setStyleSheet("font-size: 15pt;")
        layout.addWidget(heading)
        self.cards = {}
        self._card_order = []
        for item in section.items:
            card = ItemCard(item, self.ctx, page)
            card.commit.connect(self._commit)
            card.commit_part.connect(self._commit_part)
            card.widget.focus_next.connect(lambda c=card: self._focus_after(c))
            self.cards[item.key] = card
            self._card_order.append(card)
            layout.addWidget(card)
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(page)
        if old is not None:
            old.deleteLater()
        self._show_outcomes()
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.state.template.sections) - 1)
        self._update_progress()
        if self._card_order:
            self.focus_card(self._first_open_card())

    def _first_open_card(self) -> ItemCard:
        for card in self._card_order:
            if card.answerable and not card.answered_before:
                return card
        return self._card_order[0]

    def _show_outcomes(self) -> None:
        wanted = [c for c in self._card_order if c.answered_before or not c.answerable]
        if not wanted:
            return
        try:
            ev = inspections.evaluation(
                self.store, self.state.id, settings=self.settings, home=self.home
            )
        except BranchCheckError as exc:
            for card in wanted:
                card.show_failure(str(exc))
            return
        for card in wanted:
            card.show_outcome(ev.outcomes[card.item.key])

    def focus_card(self, card: ItemCard) -> None:
        for c in self._card_order:
            c.set_highlight(c is card)
        card.focus()
        QTimer.singleShot(0, lambda: self._scroll_to(card))

    def _scroll_to(self, card: ItemCard) -> None:
        """Show the card's top; a card taller than the view starts at the top of it."""
        if card not in self._card_order:
            return
        bar = self.scroll.verticalScrollBar()
        view = self.scroll.viewport().height()
        top, bottom = card.y() - 8, card.y() + card.height() + 8
        if card is self._card_order[0]:
            top = 0  # keep the section heading in view
        if top < bar.value() or bottom - top > view:
            bar.setValue(top)
        elif bottom > bar.value() + view:
            bar.setValue(bottom - view)

    def _focus_after(self, card: ItemCard) -> None:
        i = self._card_order.index(card)
        if i + 1 < len(self._card_order):
            self.focus_card(self._card_order[i + 1])
        else:
            self.next_button.setFocus() if self.next_button.isEnabled() else self.complete_button.setFocus()

    # ------------------------------------------------------------------ answers

    def _commit_part(self, item_key: str, part: str, value: Any) -> None:
        card = self.cards[item_key]
        try:
            outcome = inspections.answer_part(self.store, self.state.id, item_key, part, value)
        except BranchCheckError as exc:
            card.show_failure(str(exc))
            return
        whole = card.widget.value()  # the widget already shows the part applied
        self.state.answers[item_key] = whole
        card.mark_saved(whole, outcome)
        self._update_progress()

    def _commit(self, item_key: str, value: Any, note: str) -> None:
        card = self.cards[item_key]
        try:
            outcome = inspections.answer(
                self.store,
                self.state.id,
                item_key,
                value,
                note=note,
                settings=self.settings,
                home=self.home,
            )
        except BranchCheckError as exc:
            card.show_failure(str(exc))
            return
        self.state.answers[item_key] = value
        if note.strip():
            self.state.notes[item_key] = note.strip()
        card.mark_saved(value, outcome)
        self._update_progress()
        if not self.missing_frame.isHidden():
            self._refresh_missing()

    # ------------------------------------------------------------------ completing

    def missing_items(self) -> list[str]:
        ev = inspections.evaluation(
            self.store, self.state.id, settings=self.settings, home=self.home
        )
        return ev.missing_required

    def _refresh_missing(self) -> None:
        missing = self.missing_items()
        if not missing:
            self.missing_frame.hide()
            return
        lines = []
        for key in missing:
            item = self.state.template.item(key)
            section = next(s for s in self.state.template.sections if item in s.items)
            lines.append(
                f"• {i18n.text(section.title.as_dict())}：{i18n.text(item.text.as_dict())}"
            )
        self.missing.setText(
            self.tr("以下必答项尚未作答，请补充后再完成检查：") + "\n" + "\n".join(lines)
        )
        self.missing_frame.show()

    def complete(self) -> None:
        if self.state is None:
            return
        self.setFocus()  # commit an edit in progress first
        try:
            inspections.complete(self.store, self.state.id, settings=self.settings, home=self.home)
        except AnswerError:
            self._refresh_missing()
            missing = self.missing_items()
            if missing:
                self.jump_to_item(missing[0])
            return
        except BranchCheckError as exc:
            self.missing.setText(str(exc))
            self.missing_frame.show()
            return
        self.missing_frame.hide()
        self.completed.emit(self.state.id)

    def jump_to_item(self, item_key: str) -> None:
        for i, section in enumerate(self.state.template.sections):
            if any(item.key == item_key for item in section.items):
                if i != self.section:
                    self.go_to(i)
                card = self.cards[item_key]
                show_error(card.error, self.tr("必答项，尚未作答"))
                self.focus_card(card)
                return
