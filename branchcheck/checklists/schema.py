"""The checklist template schema: a template file is validated into these typed objects. What the
schema alone cannot see (item types, rules, people slots, staff roles, risk drivers named in it)
is checked by branchcheck.engine.validate; this module never imports the engine."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

KEY = r"^[a-z][a-z0-9_]*$"
# A seed document's file name (seeds/000_1561e782874b01c0.txt): a reference, never a citation.
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


class Strict(BaseModel):
    # strict: `version: true` or `required: "yes"` is an error, never coerced to 1 or True
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Text(Strict):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}

    def __getitem__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Choice(Strict):
    key: str = Field(pattern=KEY)
    label: Text


class Item(Strict):
    key: str = Field(pattern=KEY)
    type: str
    text: Text
    help: Text | None = None
    required: bool = True
    severity: Literal["low", "medium", "high", "critical"] = "medium"
    risk_driver: str
    # the citation printed in the record's 依据 column: a rule and its article, or the source
    # document and its paragraph; `seed` may add the seed file it was read from
    source: str = Field(min_length=1)
    seed: str | None = None
    rule: str | None = None
    # who answers for a failure of this item: a people slot key or "inspector"
    responsible: str | None = None
    # yes/no items: the answer that passes; whether not-applicable is allowed
    expect: Literal["yes", "no"] = "yes"
    allow_na: bool = False
    choices: list[Choice] = Field(default_factory=list)
    params: dict[str, Any] = Field(default_factory=dict)

    @field_validator("source")
    @classmethod
    def _citation(cls, source: str) -> str:
        if SEED_FILE.search(source):
            raise ValueError(
                "source must be a citation a person can use (a rule and its article, or the "
                "document and its paragraph), not a seed file name: put the file name in 'seed'"
            )
        return source


class Section(Strict):
    key: str = Field(pattern=KEY)
    title: Text
    items: list[Item] = Field(min_length=1)


class InspectorSlot(Strict):
    title: Text
    staff_roles: list[str] = Field(min_length=1)


class PeopleSlot(Strict):
    key: str = Field(pattern=KEY)
    title: Text
    staff_roles: list[str] = Field(min_length=1)
    min: int = Field(default=1, ge=0)
    max: int = Field(default=1, ge=1)
    signs: bool = True
    external: bool = False

    @model_validator(mode="after")
    def _min_max(self) -> PeopleSlot:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


PERIODS = ("weekly", "monthly", "quarterly", "yearly")


class Schedule(Strict):
    """How often the checklist is due (domain.md; the setting schedule_periods overrides a periodic
    template's period, expected_events gives an events checklist its expected count):
    weekly — one per ISO week, with the teller coverage and the pre-holiday check when set;
    periodic — one per period; events — done when the work happens (a handover, an ATM job)."""

    kind: Literal["weekly", "periodic", "events"]
    period: Literal["weekly", "monthly", "quarterly", "yearly"] | None = None
    teller_coverage: bool = False
    pre_holiday: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Schedule:
        if self.kind == "periodic" and self.period is None:
            raise ValueError(
                "a periodic schedule names its period (weekly, monthly, quarterly, yearly)"
            )
        if self.kind != "periodic" and self.period is not None:
            raise ValueError(f"a {self.kind} schedule has no period")
        if self.kind != "weekly" and (self.teller_coverage or self.pre_holiday):
            raise ValueError("teller_coverage and pre_holiday belong to a weekly schedule")
        return self


class Template(Strict):
    key: str = Field(pattern=KEY)
    version: int = Field(ge=1)
    title: Text
    record_title: Text
    description: Text | None = None
    sources: list[str] = Field(default_factory=list)
    inspector: InspectorSlot
    people: list[PeopleSlot] = Field(default_factory=list)
    # each group: slot keys ("inspector" included) whose people must all be different persons
    distinct: list[list[str]] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    schedule: Schedule | None = None

    @field_validator("distinct")
    @classmethod
    def _groups(cls, groups: list[list[str]]) -> list[list[str]]:
        for g in groups:
            if not g:
                raise ValueError("a distinct group names at least one slot")
        return groups

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, key: str) -> Item:
        for item in self.items():
            if item.key == key:
                return item
        from branchcheck.errors import NotFoundError

        raise NotFoundError(f"checklist '{self.key}' has no item '{key}'")

    def slot(self, key: str) -> PeopleSlot | None:
        return next((s for s in self.people if s.key == key), None)

    def slot_keys(self) -> list[str]:
        return ["inspector"] + [s.key for s in self.people]
