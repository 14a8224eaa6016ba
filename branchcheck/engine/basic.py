"""Plain item types: yes/no/not-applicable, count, money, text, date, time, seal number, choice,
person pick, and computed items (no answer; a rule works the result out from the store's facts)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from branchcheck.engine.bounds import shown
from branchcheck.engine.core import (
    EvalContext,
    ItemType,
    Outcome,
    Problem,
    Text,
    answer_error,
    display_value,
    item_type,
    needs_type,
    require_int,
    rule,
    text,
)
from branchcheck.engine.patterns import code_text, matches_pattern
from branchcheck.money import format_fen

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item, Template

YES_NO = {
    "yes": text("是", "Yes"),
    "no": text("否", "No"),
    "na": text("不适用", "N/A"),
}
_YES_NO_ALIASES = {
    "y": "yes",
    "yes": "yes",
    "true": "yes",
    "是": "yes",
    "1": "yes",
    "n": "no",
    "no": "no",
    "false": "no",
    "否": "no",
    "0": "no",
    "na": "na",
    "n/a": "na",
    "不适用": "na",
    "-": "na",
}


@item_type
class YesNo(ItemType):
    name = "yes_no"
    default_rule = "expect_answer"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> str:
        if isinstance(raw, bool):
            raw = "yes" if raw else "no"
        value = _YES_NO_ALIASES.get(str(raw).strip().lower())
        if value is None:
            raise answer_error(item, f"answer must be yes, no or na, got {raw!r}")
        if value == "na" and not item.allow_na:
            raise answer_error(item, "not applicable is not allowed for this item")
        return value

    def display(self, item: Item, value: str) -> Text:
        return dict(YES_NO[value])


@rule("expect_answer", check=needs_type("yes_no"))
def expect_answer(item: Item, value: str, ctx: EvalContext) -> Outcome:
    shown = dict(YES_NO[value])
    if value == "na":
        return Outcome("na", shown)
    if value == item.expect:
        return Outcome("pass", shown)
    return Outcome("fail", shown, problems=[Problem(title=item.text.as_dict())])


def _check_range_params(item: Item, template: Template) -> list[str]:
    out = needs_type("count", "money")(item, template)
    for k in ("min", "max"):
        v = item.params.get(k)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            out.append(f"params.{k} must be a whole number")
    return out


@item_type
class Count(ItemType):
    name = "count"
    default_rule = "within_range"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> int:
        return require_int(item, raw, "count")

    def display(self, item: Item, value: int) -> Text:
        unit = item.params.get("unit", {"zh": "", "en": ""})
        return text(f"{value}{unit.get('zh', '')}", f"{value} {unit.get('en', '')}".strip())


@item_type
class Money(ItemType):
    name = "money"
    default_rule = "within_range"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> int:
        return require_int(
            item, raw, "amount (fen)", minimum=None if item.params.get("signed") else 0
        )

    def display(self, item: Item, value: int) -> Text:
        return text(format_fen(value), format_fen(value))


@rule("within_range", check=_check_range_params)
def within_range(item: Item, value: int, ctx: EvalContext) -> Outcome:
    shown = display_value(item, value)
    lo, hi = item.params.get("min"), item.params.get("max")
    if lo is None and hi is None:
        return Outcome("info", shown)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return Outcome("fail", shown, problems=[Problem(title=item.text.as_dict())])
    return Outcome("pass", shown)


@item_type
class FreeText(ItemType):
    name = "text"
    default_rule = "record"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> str:
        if not isinstance(raw, str):
            raise answer_error(item, f"answer must be text, got {raw!r}")
        value = raw.strip()
        limit = item.params.get("max_length", 2000)
        if len(value) > limit:
            raise answer_error(item, f"text is longer than {limit} characters")
        return value


@item_type
class SealNo(ItemType):
    name = "seal_no"
    default_rule = "record"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> str:
        value = code_text(raw)
        if not matches_pattern(item.params.get("pattern", r"^[A-Z0-9\-]{4,32}$"), value):
            raise answer_error(
                item, f"'{shown(raw)}' is not a seal number (4–32 letters, digits or -)"
            )
        return value


@item_type
class DateItem(ItemType):
    name = "date"
    default_rule = "record"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> str:
        try:
            return date.fromisoformat(str(raw).strip()).isoformat()
        except ValueError:
            raise answer_error(item, f"'{raw}' is not a date (YYYY-MM-DD)") from None


@item_type
class DateTimeItem(ItemType):
    name = "datetime"
    default_rule = "record"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> str:
        try:
            dt = datetime.fromisoformat(str(raw).strip())
        except ValueError:
            raise answer_error(item, f"'{raw}' is not a date and time (YYYY-MM-DDTHH:MM)") from None
        if dt.tzinfo is None:
            from branchcheck.clock import local

            dt = local(dt, ctx.settings.timezone if ctx else "Asia/Shanghai")
        return dt.isoformat(timespec="minutes")


@item_type
class ChoiceItem(ItemType):
    name = "choice"
    default_rule = "record"

    def check_item(self, item: Item, template: Template) -> list[str]:
        return [] if item.choices else ["type 'choice' needs a non-empty 'choices' list"]

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> str:
        keys = [c.key for c in item.choices]
        if raw not in keys:
            raise answer_error(item, f"answer must be one of {', '.join(keys)}, got {raw!r}")
        return raw

    def display(self, item: Item, value: str) -> Text:
        choice = next(c for c in item.choices if c.key == value)
        return choice.label.as_dict()


@item_type
class PersonItem(ItemType):
    """Pick a person: an employee number from the staff register (ctx.facts['staff'])."""

    name = "person"
    default_rule = "record"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> str:
        value = str(raw).strip()
        staff = (ctx.facts.get("staff") or {}) if ctx else {}
        if staff and value not in staff:
            raise answer_error(
                item, f"no person with employee number '{value}' in the staff register"
            )
        return value


@rule("record")
def record(item: Item, value: Any, ctx: EvalContext) -> Outcome:
    return Outcome("info", display_value(item, value))


@item_type
class Computed(ItemType):
    name = "computed"
    answerable = False

    def check_item(self, item: Item, template: Template) -> list[str]:
        return [] if item.rule else ["type 'computed' needs a rule"]
