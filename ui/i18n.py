"""The UI language. Source strings are Simplified Chinese (`self.tr("…")`); English comes from
the shipped branchcheck/data/i18n/branchcheck_en.qm (compiled by resources/i18n/). Checklist texts
carry both languages and are picked with `text()`.

Switching installs or removes the translator; Qt then sends every widget a LanguageChange event
and each screen re-sets its texts in `retranslate()`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from branchcheck.i18n import pick
from branchcheck.paths import shipped

LANGUAGES = ("zh", "en")
CJK_FAMILY = "WenQuanYi Micro Hei"  # the shipped font, registered at start-up
# The shipped font has no bold face; its synthetic bold blurs Latin letters ("i" looks like "I"),
# so English text prefers a Latin font where the machine has one, CJK still from the shipped font.
LATIN_FAMILIES = ["Segoe UI", "Noto Sans", "DejaVu Sans"]


def qm_path(lang: str) -> Path:
    return shipped("i18n", f"branchcheck_{lang}.qm")


class _Language:
    """The one translator of the application (Qt translators are application-wide anyway)."""

    def __init__(self) -> None:
        self.lang = "zh"
        self.translator: QTranslator | None = None

    def set(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}' (known: {', '.join(LANGUAGES)})")
        app = QCoreApplication.instance()
        if app is None or lang == self.lang:
            self.lang = lang
            return
        self.lang = lang
        apply_font()
        if self.translator is not None:
            app.removeTranslator(self.translator)  # posts LanguageChange
            self.translator = None
        if lang != "zh":
            translator = QTranslator(app)
            if translator.load(str(qm_path(lang))):
                app.installTranslator(translator)  # posts LanguageChange
                self.translator = translator


_language = _Language()


def apply_font() -> None:
    """Set the application font's family list for the current language."""
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = app.font()
    font.setFamilies(LATIN_FAMILIES + [CJK_FAMILY] if _language.lang == "en" else [CJK_FAMILY])
    app.setFont(font)
    if app.styleSheet():
        app.setStyleSheet(app.styleSheet())  # style-sheet fonts are fixed at polish time: re-polish


def lang() -> str:
    """The current UI language: 'zh' or 'en'."""
    return _language.lang


def set_language(value: str) -> None:
    _language.set(value)


def text(t: dict[str, str] | object) -> str:
    """A bilingual checklist text ({"zh", "en"} or a schema Text) in the current language."""
    return pick(t, lang())
