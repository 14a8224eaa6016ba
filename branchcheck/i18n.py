"""Picking the Chinese or English text of a bilingual value, for the window, the PDF and the
workbook alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable


@runtime_checkable
class Bilingual(Protocol):
    """A text in both languages held as attributes (a checklist template's `Text`)."""

    zh: str
    en: str


def pick(value: object, lang: str) -> str:
    """The `lang` text of a {"zh", "en"} mapping or a `Bilingual`, falling back to Chinese, then
    English, when that one is empty; "" for None, str(value) for anything else."""
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("zh") or value.get("en") or "")
    if isinstance(value, Bilingual):
        return pick({"zh": value.zh, "en": value.en}, lang)
    return "" if value is None else str(value)
