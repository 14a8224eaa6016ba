"""Answer widgets, one class per checklist item type, in a registry keyed by the type's name.

A later checklist with a new item type adds a module with

    @register("my_type")
    class MyTypeWidget(ItemWidget):
        def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None: ...
        def set_value(self, value): ...          # show a saved answer, emit nothing
        def show_outcome(self, outcome): ...     # optional: the evaluated result
        def value(self): ...                     # widgets that emit part_answered: the whole answer

and emits `answered(value)` with the answer JSON the core's item type parses. A table that is
filled only in part emits `drafted(cells)` instead (`draft()` gives them, `set_draft` shows them
again): the core keeps them as a draft, never as an answer. The inspection screen never changes:
it looks the widget up in WIDGETS."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QWidget

from branchcheck.checklists import Item
from branchcheck.engine import Outcome
from branchcheck.inspections import InspectionState
from branchcheck.people.register import StaffInfo
from branchcheck.settings import Settings

Index = QModelIndex | QPersistentModelIndex  # what Qt passes to model and delegate overrides


@dataclass
class ItemContext:
    """What an answer widget may need besides its item: the inspection, staff, settings and the
    facts from the store the core gives widgets (e.g. the vouchers carried forward)."""

    state: InspectionState
    staff: list[StaffInfo] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    facts: dict[str, Any] = field(default_factory=dict)  # inspections.context.widget_facts


class ItemWidget(QWidget):
    """Base of answer widgets. Subclasses emit `answered` when the user commits a value."""

    answered = Signal(object)  # the answer JSON for inspections.answer
    part_answered = Signal(str, object)  # one part of a list answer for inspections.answer_part
    drafted = Signal(object)  # the cells as typed while they are no answer yet (a draft)
    invalid = Signal(str)  # input that cannot become an answer (shown inline, nothing saved)
    focus_next = Signal()  # the user asks to go on to the next item (Enter)

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.ctx = ctx

    def set_value(self, value: Any) -> None:
        """Show a saved answer without emitting `answered`."""

    def draft(self) -> Any:
        """What the widget holds as typed, in a draft's shape (inspections.save_draft); None for
        widgets whose input is a single choice, committed at once."""
        return None

    def set_draft(self, draft: Any) -> None:
        """Show a draft saved earlier, without emitting anything."""

    def point_at(self, row: int | None, column: str | None) -> None:
        """Put the keyboard on the cell an error is about (`row` 1-based, `column` the answer's
        field), where the widget has one."""

    def value(self) -> Any:
        """The whole answer as the widget shows it now (the answer JSON). The screen asks for it
        after saving a part, so every widget that emits `part_answered` gives it."""
        raise NotImplementedError(f"{type(self).__name__} does not hold its answer whole")

    def show_outcome(self, outcome: Outcome) -> None:
        """Show the evaluated outcome (totals, difference) where the widget has room for it."""

    def focus_target(self) -> QWidget:
        """The widget that takes the keyboard focus when the card is entered."""
        return self

    def retranslate(self) -> None:
        """Re-set texts after a language switch."""


WIDGETS: dict[str, type[ItemWidget]] = {}


def register(type_name: str) -> Callable[[type[ItemWidget]], type[ItemWidget]]:
    """Class decorator: the widget for item type `type_name`."""

    def deco(cls: type[ItemWidget]) -> type[ItemWidget]:
        WIDGETS[type_name] = cls
        return cls

    return deco


def widget_for(item: Item, ctx: ItemContext, parent: QWidget | None = None) -> ItemWidget:
    from ui.items import (  # noqa: F401  (register the shipped widgets)
        accounts,
        atm,
        atm_differences,
        basic,
        cash,
        handover,
        vouchers,
    )

    cls = WIDGETS.get(item.type)
    if cls is None:
        from ui.items.basic import UnsupportedWidget

        cls = UnsupportedWidget
    return cls(item, ctx, parent)
