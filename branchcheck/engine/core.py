"""The checklist engine's building blocks: item types and rules as named entries in registries.

An item type parses and displays an answer; a rule judges it. Templates name both; nothing in a
template is ever evaluated as code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from branchcheck.errors import AnswerError, TemplateError
from branchcheck.money import format_fen
from branchcheck.views import PersonRef as PersonRef  # a view; rules receive it

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item, Template
    from branchcheck.settings import Settings

Text = dict[str, str]  # {"zh": ..., "en": ...}


def text(zh: str, en: str) -> Text:
    return {"zh": zh, "en": en}


@dataclass(frozen=True)
class Problem:
    """One thing wrong, which becomes one finding."""

    title: Text
    subject: str = ""  # what the problem is about (a teller, a box ID): part of the repeat key
    responsible: str | None = None  # employee number; None = the item's responsible slot
    severity: str | None = None  # None = the item's severity
    due_date: str | None = None  # ISO date; None = inspection date + the severity's days


@dataclass(frozen=True)
class Outcome:
    result: str  # pass | fail | na | pending | info | unanswered
    display: Text
    computed: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class EvalContext:
    """Everything a rule may look at besides the answer. Facts come from the store, computed
    by the inspection service before evaluation, so rules stay pure."""

    template: Template
    local_date: date
    inspector: PersonRef
    people: dict[str, list[PersonRef]]
    settings: Settings
    answers: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)

    def person(self, employee_no: str) -> PersonRef | None:
        if self.inspector.employee_no == employee_no:
            return self.inspector
        for persons in self.people.values():
            for p in persons:
                if p.employee_no == employee_no:
                    return p
        return None

    def slot(self, key: str) -> list[PersonRef]:
        if key == "inspector":
            return [self.inspector]
        return self.people.get(key, [])


class ItemType:
    """Base of item types. Subclasses set `name` and override what differs."""

    name: str = ""
    default_rule: str | None = None
    answerable: bool = True
    takes_parts: bool = False  # True: parse_part/merge_parts take the answer one row at a time

    def check_item(self, item: Item, template: Template) -> list[str]:
        """Template-level checks of the item's params; messages without the item prefix."""
        return []

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> Any:
        """Validate and normalise an answer; raise AnswerError naming the item."""
        return raw

    def display(self, item: Item, value: Any) -> Text:
        return text(str(value), str(value))

    # Items whose answer is a long list may take one row at a time ("parts").
    def parse_part(
        self, item: Item, value: Any, part: str, raw: Any, ctx: EvalContext | None
    ) -> Any:
        """Validate one part against the item's whole (merged) answer; AnswerError if unfit."""
        raise AnswerError(f"item '{item.key}' takes its answer whole, not in parts")

    def merge_parts(self, item: Item, value: Any, parts: dict[str, Any]) -> Any:
        """The whole answer with its stored parts applied."""
        return value

    def part_outcome(self, item: Item, value: Any, ctx: EvalContext) -> Outcome | None:
        """A quick outcome after one part is saved; None = evaluate the item fully."""
        return None


ITEM_TYPES: dict[str, ItemType] = {}
RuleFn = Callable[["Item", Any, EvalContext], Outcome]
ParamsCheck = Callable[["Item", "Template"], list[str]]
RULES: dict[str, RuleFn] = {}
RULE_PARAMS: dict[str, ParamsCheck] = {}

T = TypeVar("T", bound=type[ItemType])


def item_type(cls: T) -> T:
    ITEM_TYPES[cls.name] = cls()
    return cls


def rule(name: str, *, check: ParamsCheck | None = None) -> Callable[[RuleFn], RuleFn]:
    """Register a named rule; `check` validates the item's params at template load."""

    def deco(fn: RuleFn) -> RuleFn:
        RULES[name] = fn
        if check:
            RULE_PARAMS[name] = check
        return fn

    return deco


def needs_type(*type_names: str) -> ParamsCheck:
    """A rule's template check: the rule only judges answers of these item types."""

    def check(item: Item, template: Template) -> list[str]:
        if item.type not in type_names:
            wanted = " or ".join(f"'{t}'" for t in type_names)
            return [f"rule '{item.rule}' needs an item of type {wanted}, not '{item.type}'"]
        return []

    return check


def slot_param(item: Item, template: Template) -> list[str]:
    """Template check of items whose rows follow a people slot (params.slot)."""
    slot = item.params.get("slot")
    if not slot or template.slot(slot) is None:
        return [f"params.slot must name a people slot (got {slot!r})"]
    return []


def slot_rows(
    item: Item, raw: Any, ctx: EvalContext | None, *, person: str, fields: set[str]
) -> list[tuple[str, dict[str, Any], str]]:
    """(where, row, employee no) for an answer holding one row per person of params.slot: the
    shape, unknown fields, a person missing, not in the slot, or listed twice are all refused."""
    if not isinstance(raw, dict) or not isinstance(raw.get("rows"), list):
        raise answer_error(item, "answer must be an object with a 'rows' list, one per person")
    allowed = {p.employee_no for p in ctx.slot(item.params["slot"])} if ctx else None
    out, seen = [], set()
    for i, row in enumerate(raw["rows"]):
        where = f"row {i + 1}"
        if not isinstance(row, dict):
            raise answer_error(item, f"{where} must be an object")
        unknown = set(row) - fields - {person}
        if unknown:
            raise answer_error(item, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        no = str(row.get(person, "")).strip()
        if not no:
            raise answer_error(item, f"{where}: the {person} is missing")
        if allowed is not None and no not in allowed:
            raise answer_error(item, f"{where}: {person} '{no}' is not among the people checked")
        if no in seen:
            raise answer_error(item, f"{where}: {person} '{no}' appears twice")
        seen.add(no)
        out.append((where, row, no))
    return out


def answer_error(
    item: Item,
    message: str,
    *,
    words: Text | None = None,
    row: int | None = None,
    column: str | None = None,
) -> AnswerError:
    """The error of an answer to `item`: `message` for the command line; `words` (zh and en, in
    the person's terms) for the window, which shows them next to the item's `row` and `column`."""
    return AnswerError(
        f"item '{item.key}' ({item.text['zh']}): {message}",
        zh=words["zh"] if words else None,
        en=words["en"] if words else None,
        field=item.key,
        row=row,
        column=column,
    )


@dataclass(frozen=True)
class Cell:
    """Where in an answer's table a value sits, in the person's terms: the row (1-based) and
    what the row is (a denomination, a teller), the column's key and label."""

    row: int | None
    row_name: Text | None
    column: str
    label: Text


def _place(item: Item, cell: Cell) -> Text:
    """'库存现金清点：第 1 行（100元券）捆' / 'Vault cash count: row 1 (¥100 note), bundles'."""
    zh, en = item.text["zh"] + "：", item.text["en"] + ": "
    if cell.row is not None:
        zh += f"第 {cell.row} 行"
        en += f"row {cell.row}"
        if cell.row_name:
            zh += f"（{cell.row_name['zh']}）"
            en += f" ({cell.row_name['en']})"
        en += ", "
    return text(zh + cell.label["zh"], en + cell.label["en"])


def _shown_number(value: int, money: bool) -> str:
    return format_fen(value) if money else str(value)


def require_int(
    item: Item,
    value: Any,
    field_name: str,
    *,
    minimum: int | None = 0,
    cell: Cell | None = None,
) -> int:
    """A whole number (of fen when the field's key ends in _fen) of at least `minimum`; `cell`
    words the error in the person's terms."""
    place = _place(item, cell) if cell else None
    row, column = (cell.row, cell.column) if cell else (None, None)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        else:
            words = place and text(
                f"{place['zh']}应填整数", f"{place['en']} must be a whole number"
            )
            raise answer_error(
                item,
                f"{field_name} must be a whole number, got {value!r}",
                words=words,
                row=row,
                column=column,
            )
    if minimum is not None and value < minimum:
        shown = _shown_number(value, field_name.endswith("_fen"))
        if place is None:
            words = None
        elif minimum == 0:
            words = text(
                f"{place['zh']}不能为负数（填写的是 {shown}）",
                f"{place['en']} cannot be negative (given: {shown})",
            )
        else:
            least = _shown_number(minimum, field_name.endswith("_fen"))
            words = text(
                f"{place['zh']}至少为 {least}（填写的是 {shown}）",
                f"{place['en']} must be at least {least} (given: {shown})",
            )
        raise answer_error(
            item,
            f"{field_name} must be ≥ {minimum}, got {value}",
            words=words,
            row=row,
            column=column,
        )
    return value


def rule_name(item: Item) -> str:
    """The rule that judges the item: its own, or its type's default (templates are checked to
    have one at load)."""
    name = item.rule or ITEM_TYPES[item.type].default_rule
    if name is None:
        raise TemplateError(f"item '{item.key}': type '{item.type}' needs a rule")
    return name


def display_value(item: Item, value: Any) -> Text:
    return ITEM_TYPES[item.type].display(item, value)
