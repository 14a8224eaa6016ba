# longer than 500 lines: sections, cards and the commits of answers, notes and drafts.
"""检查: one section at a time, one card per item (`ui.screens.item_card`). Every answer is committed
by the core on the worker thread: its card says 保存中 until then and 已保存 only once it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branchcheck import inspections
from branchcheck.db import Store
from branchcheck.engine import Outcome
from branchcheck.engine.evaluate import Evaluation
from branchcheck.errors import BranchCheckError, MissingAnswersError
from branchcheck.people.register import StaffInfo, list_staff
from branchcheck.settings import Settings
from ui import i18n
from ui.items import ItemContext
from ui.items.attachments import attach_to
from ui.screens import Screen, primary_button, show_error, subtle_label, title_label
from ui.screens.item_card import ItemCard
from ui.tasks import SyncTaskRunner, TaskRunner, describe

NEXT_SECTION_KEYS = "Ctrl+PgDown"  # also Enter on a section's last item
PREVIOUS_SECTION_KEYS = "Ctrl+PgUp"

Loaded = tuple[inspections.InspectionState, Evaluation | None, str | None]  # state, outcomes, error


def _read(store: Store, inspection_id: str, settings: Settings, home: Path | None) -> Loaded:
    """Worker thread: the inspection and its evaluated outcomes (or why they cannot be had)."""
    state = inspections.load(store, inspection_id)
    try:
        return (
            state,
            inspections.evaluation(store, inspection_id, settings=settings, home=home),
            None,
        )
    except BranchCheckError as exc:
        return state, None, str(exc)


def section_progress(state: inspections.InspectionState, index: int) -> tuple[int, int]:
    """The core's `InspectionState.progress`, counted over one section."""
    one = state.template.model_copy(update={"sections": [state.template.sections[index]]})
    return replace(state, template=one).progress()


SECTIONS_WIDTH = {False: 240, True: 170}  # the list of sections, and on a screen below 1200 px


class InspectionScreen(Screen):
    completed = Signal(str)  # inspection ID, answering closed: go to the review
    home_requested = Signal()

    def __init__(
        self,
        store: Store,
        *,
        tasks: TaskRunner | None = None,
        settings: Settings | None = None,
        home: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`tasks`: the window's runner; without one (the screen on its own) work runs at once."""
        super().__init__(parent)
        self.store = store
        self.tasks: TaskRunner = tasks if tasks is not None else SyncTaskRunner()
        self.settings = settings or Settings()
        self.home = home
        self.state: inspections.InspectionState | None = None
        self.ctx: ItemContext | None = None
        self.section = 0
        self.cards: dict[str, ItemCard] = {}
        self.actor: str | None = None  # the signed-in person: the core refuses anyone else
        self._card_order: list[ItemCard] = []
        self.heading: QLabel | None = None  # the shown section's title

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
        self.sections.setFixedWidth(SECTIONS_WIDTH[False])
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.sections)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body.addWidget(self.scroll_area, 1)
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
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.next_section_key = QShortcut(QKeySequence(NEXT_SECTION_KEYS), self, context=context)
        self.next_section_key.activated.connect(lambda: self.go_to(self.section + 1))
        self.previous_section_key = QShortcut(
            QKeySequence(PREVIOUS_SECTION_KEYS), self, context=context
        )
        self.previous_section_key.activated.connect(lambda: self.go_to(self.section - 1))
        self.retranslate()

    # ------------------------------------------------------------------ texts

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # a small screen gives the items the room
        self.sections.setFixedWidth(SECTIONS_WIDTH[event.size().width() < 1200])

    def retranslate(self) -> None:
        self.home_button.setText(self.tr("返回首页"))
        self.prev_button.setText(self.tr("← 上一节"))
        self.next_button.setText(self.tr("下一节 →"))
        self.complete_button.setText(self.tr("完成检查"))
        self.progress.setFormat(self.tr("已答 %v / %m"))
        self.sections.setToolTip(self.section_keys_hint())
        self.next_button.setToolTip(self.section_keys_hint())
        if self.state is None:
            return
        st = self.state
        if self.heading is not None and self.section < len(st.template.sections):
            self.heading.setText(i18n.text(st.template.sections[self.section].title.as_dict()))
            self.heading.setToolTip(self.section_keys_hint())
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

    def section_keys_hint(self) -> str:
        native = QKeySequence.SequenceFormat.NativeText
        return self.tr("下一节：{next}（或在本节最后一项按回车）；上一节：{previous}").format(
            next=QKeySequence(NEXT_SECTION_KEYS).toString(native),
            previous=QKeySequence(PREVIOUS_SECTION_KEYS).toString(native),
        )

    # ------------------------------------------------------------------ opening

    def _open_state(self) -> inspections.InspectionState:
        if self.state is None:
            raise RuntimeError("no inspection is open")
        return self.state

    def _set_busy(self, busy: bool) -> None:
        """While a section loads or the inspection completes: no second navigation meanwhile."""
        sections = len(self.state.template.sections) if self.state is not None else 0
        self.prev_button.setEnabled(not busy and self.section > 0)
        self.next_button.setEnabled(not busy and self.section < sections - 1)
        self.complete_button.setEnabled(not busy)
        self.sections.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.missing.setText(describe(exc))
        self.missing_frame.show()

    def open(self, inspection_id: str, then: Callable[[], None] | None = None) -> None:
        """Read the inspection in the background and show its current section; `then` runs
        once it is shown."""
        store, settings, home = self.store, self.settings, self.home

        def read() -> tuple[Loaded, list[StaffInfo], dict[str, Any]]:
            from branchcheck.inspections.context import widget_facts

            loaded = _read(store, inspection_id, settings, home)
            return loaded, list_staff(store), widget_facts(store, inspection_id)

        def done(result: tuple[Loaded, list[StaffInfo], dict[str, Any]]) -> None:
            loaded, staff, facts = result
            state = loaded[0]
            self.state = state
            self.ctx = ItemContext(state, staff, self.settings, facts)
            self.missing_frame.hide()
            self.sections.blockSignals(True)
            self.sections.clear()
            for _section in state.template.sections:
                self.sections.addItem(QListWidgetItem())
            self.sections.blockSignals(False)
            self.retranslate()
            self._show_section(min(state.current_section, len(state.template.sections) - 1), loaded)
            if then is not None:
                then()

        self._set_busy(True)
        self.tasks.run_in_background(read, done, self._failed)

    def _update_progress(self) -> None:
        if self.state is None:
            return
        done, total = self.state.progress()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        for i, section in enumerate(self.state.template.sections):
            d, t = section_progress(self.state, i)
            title = i18n.text(section.title.as_dict())
            row = self.sections.item(i)
            if row is not None:
                row.setText(f"✓  {title}" if d == t else f"{title}   {d}/{t}")

    # ------------------------------------------------------------------ sections

    def _section_clicked(self, index: int) -> None:
        if index >= 0 and index != self.section:
            self.go_to(index)

    def go_to(self, index: int, then: Callable[[], None] | None = None) -> None:
        """Remember the section in the store and show it, with answers given elsewhere (the CLI,
        another window) read anew."""
        if self.state is None or not 0 <= index < len(self.state.template.sections):
            return
        self.setFocus()  # finishes an edit in progress: its answer is committed first (in order)
        self.flush_drafts()
        store, inspection_id, settings, home = self.store, self.state.id, self.settings, self.home

        def read() -> Loaded:
            inspections.set_section(store, inspection_id, index)
            return _read(store, inspection_id, settings, home)

        def done(loaded: Loaded) -> None:
            self._show_section(index, loaded)
            if then is not None:
                then()

        self._set_busy(True)
        self.tasks.run_in_background(read, done, self._failed)

    def _show_section(self, index: int, loaded: Loaded) -> None:
        state, evaluation, error = loaded
        self.state = state
        if self.ctx is not None:
            self.ctx.state = state
        ctx = self.ctx or ItemContext(state, [], self.settings)
        self.section = index
        section = state.template.sections[index]
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
        heading.setToolTip(self.section_keys_hint())
        self.heading = heading
        layout.addWidget(heading)
        self.cards = {}
        self._card_order = []
        for item in section.items:
            card = ItemCard(item, ctx, page)
            card.commit.connect(self._commit)
            card.commit_part.connect(self._commit_part)
            card.commit_note.connect(self._commit_note)
            card.commit_draft.connect(self._commit_draft)
            card.widget.focus_next.connect(lambda c=card: self._focus_after(c))
            attach_to(card, item, ctx, store=self.store, tasks=self.tasks)
            self.cards[item.key] = card
            self._card_order.append(card)
            layout.addWidget(card)
        layout.addStretch(1)
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(page)
        if old is not None:
            old.deleteLater()
        self._show_outcomes(evaluation, error)
        self._set_busy(False)
        self._update_progress()
        if self._card_order:
            self.focus_card(self._first_open_card())

    def _first_open_card(self) -> ItemCard:
        for card in self._card_order:
            if card.answerable and not card.answered_before:
                return card
        return self._card_order[0]

    def _show_outcomes(self, evaluation: Evaluation | None, error: str | None) -> None:
        for card in self._card_order:
            if not (card.answered_before or not card.answerable):
                continue
            if evaluation is not None:
                card.show_outcome(evaluation.outcomes[card.item.key])
            elif error is not None:
                card.show_failure(error)

    def focus_card(self, card: ItemCard) -> None:
        for c in self._card_order:
            c.set_highlight(c is card)
        card.focus()
        QTimer.singleShot(0, lambda: self._scroll_to(card))

    def _scroll_to(self, card: ItemCard) -> None:
        """Show the card's top; a card taller than the view starts at the top of it."""
        if card not in self._card_order:
            return
        bar = self.scroll_area.verticalScrollBar()
        view = self.scroll_area.viewport().height()
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
        elif self.state is not None and self.section + 1 < len(self.state.template.sections):
            self.go_to(self.section + 1)
        else:
            self.complete_button.setFocus()

    # ------------------------------------------------------------------ answers

    def _shown(self, card: ItemCard) -> bool:
        """The card is still on screen (the section may have changed while its answer saved)."""
        return card in self._card_order

    def _commit_part(self, item_key: str, part: str, value: Any) -> None:
        card, state = self.cards[item_key], self._open_state()
        actor = self.actor
        store = self.store

        def work() -> tuple[Outcome, Any]:
            outcome = inspections.answer_part(store, state.id, item_key, part, value, actor=actor)
            return outcome, inspections.load(store, state.id).answers[item_key]

        def done(result: tuple[Outcome, Any]) -> None:
            outcome, whole = result
            state.answers[item_key] = whole
            if self._shown(card):
                card.mark_saved(whole, outcome)
            self._update_progress()

        self.tasks.run_in_background(work, done, lambda exc: self._commit_failed(card, exc))

    def _commit_failed(self, card: ItemCard, exc: BaseException) -> None:
        if self._shown(card):
            card.commit_failed(exc)

    def _commit(self, item_key: str, value: Any, note: str) -> None:
        card, state = self.cards[item_key], self._open_state()
        actor = self.actor
        store, settings, home = self.store, self.settings, self.home
        check_missing = not self.missing_frame.isHidden()

        def work() -> tuple[Outcome, list[str] | None]:
            outcome = inspections.answer(
                store,
                state.id,
                item_key,
                value,
                note=note,
                actor=actor,
                settings=settings,
                home=home,
            )
            if not check_missing:
                return outcome, None
            ev = inspections.evaluation(store, state.id, settings=settings, home=home)
            return outcome, ev.missing_required

        def done(result: tuple[Outcome, list[str] | None]) -> None:
            outcome, missing = result
            state.answers[item_key] = value
            if note.strip():
                state.notes[item_key] = note.strip()
            if self._shown(card):
                card.mark_saved(value, outcome)
            self._update_progress()
            if missing is not None:
                self._show_missing(missing)

        self.tasks.run_in_background(work, done, lambda exc: self._commit_failed(card, exc))

    def flush_drafts(self) -> None:
        """Save now every draft still waiting for its delay (before leaving the section, on
        completing, when the window closes): tasks run in order, so it lands before what follows."""
        for card in self._card_order:
            card.flush()

    def _commit_draft(self, item_key: str, cells: Any, note: str) -> None:
        card, state = self.cards[item_key], self._open_state()
        actor = self.actor
        store = self.store

        def done(_none: None) -> None:
            state.answers.pop(item_key, None)
            if self._shown(card):
                card.mark_drafted()
            self._update_progress()

        self.tasks.run_in_background(
            lambda: inspections.save_draft(
                store, state.id, item_key, cells, note=note, actor=actor
            ),
            done,
            lambda exc: self._commit_failed(card, exc),
        )

    def _commit_note(self, item_key: str, note: str) -> None:
        """The note goes with the answer as committed when its turn comes: after every answer
        typed before it (tasks run in order), so it never writes back an older answer."""
        card, state = self.cards[item_key], self._open_state()
        actor = self.actor
        store, settings, home = self.store, self.settings, self.home

        def work() -> tuple[Outcome, Any] | None:
            answers = inspections.load(store, state.id).answers
            if item_key not in answers:
                return None  # no answer committed (it failed): nothing to attach the note to
            value = answers[item_key]
            outcome = inspections.answer(
                store,
                state.id,
                item_key,
                value,
                note=note,
                actor=actor,
                settings=settings,
                home=home,
            )
            return outcome, value

        def done(result: tuple[Outcome, Any] | None) -> None:
            if result is not None and note.strip():
                state.notes[item_key] = note.strip()
            if not self._shown(card):
                return
            if result is None:
                card.settled()
            else:
                outcome, value = result
                card.mark_saved(value, outcome)

        self.tasks.run_in_background(work, done, lambda exc: self._commit_failed(card, exc))

    # ------------------------------------------------------------------ completing

    def _show_missing(self, missing: list[str]) -> None:
        if not missing or self.state is None:
            self.missing_frame.hide()
            return
        template = self.state.template
        lines = []
        for key in missing:
            item = template.item(key)
            section = next(s for s in template.sections if item in s.items)
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
        self.setFocus()  # an edit in progress is committed first (tasks run in order)
        self.flush_drafts()
        store, inspection_id, settings, home = self.store, self.state.id, self.settings, self.home
        actor = self.actor

        def done(_evaluation: Evaluation) -> None:
            self._set_busy(False)
            self.missing_frame.hide()
            self.completed.emit(inspection_id)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, MissingAnswersError):
                self._failed(exc)
                return
            self._set_busy(False)
            self._show_missing(exc.missing)
            if exc.missing:
                self.jump_to_item(exc.missing[0])

        self._set_busy(True)
        self.tasks.run_in_background(
            lambda: inspections.complete(
                store, inspection_id, actor=actor, settings=settings, home=home
            ),
            done,
            failed,
        )

    def jump_to_item(self, item_key: str) -> None:
        """Show the item's section and mark the card as still to be answered."""
        if self.state is None:
            return

        def mark() -> None:
            card = self.cards[item_key]
            show_error(card.error, self.tr("必答项，尚未作答"))
            self.focus_card(card)

        for i, section in enumerate(self.state.template.sections):
            if any(item.key == item_key for item in section.items):
                if i != self.section:
                    self.go_to(i, then=mark)
                else:
                    mark()
                return
