"""The UI language. Source strings are Simplified Chinese (`self.tr("…")`); English comes from
the shipped branchcheck/data/i18n/branchcheck_en.qm (compiled by resources/i18n/). Checklist texts
carry both languages and are picked with `text()`.

Switching installs or removes the translators; Qt then sends every widget a LanguageChange event
and each screen re-sets its texts in `retranslate()`. Qt's own texts (the file dialog, OK and
Cancel) have English as their source, so Chinese installs Qt's shipped Chinese catalogue; the
default QLocale follows too (calendars, number formats). The choice is remembered per data folder
in its `window.ini` (a machine setting, beside the store; `remember_language`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from branchcheck.i18n import pick
from branchcheck.paths import shipped

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

LANGUAGES = ("zh", "en")
CJK_FAMILY = "WenQuanYi Micro Hei"  # the shipped font, registered at start-up
# The shipped font has no bold face; its synthetic bold blurs Latin letters ("i" looks like "I"),
# so English text prefers a Latin font where the machine has one, CJK still from the shipped font.
LATIN_FAMILIES = ["Segoe UI", "Noto Sans", "DejaVu Sans"]
QT_CATALOGUES = {"zh": "qt_zh_CN"}  # Qt's own texts; English is their source language
LOCALES = {
    "zh": (QLocale.Language.Chinese, QLocale.Country.China),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
WINDOW_SETTINGS = "window.ini"  # in the data folder: the window's own machine settings


def qm_path(lang: str) -> Path:
    return shipped("i18n", f"branchcheck_{lang}.qm")


class _Language:
    """The translators of the application (Qt translators are application-wide anyway)."""

    def __init__(self) -> None:
        self.lang = "zh"
        self.applied: str | None = None  # the language whose translators are installed
        self.translators: list[QTranslator] = []

    def set(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}' (known: {', '.join(LANGUAGES)})")
        self.lang = lang
        app = QCoreApplication.instance()
        if app is None or lang == self.applied:
            return
        self.applied = lang
        QLocale.setDefault(QLocale(*LOCALES[lang]))
        apply_font()
        for translator in self.translators:
            app.removeTranslator(translator)  # posts LanguageChange
        self.translators = []
        paths = [qm_path(lang)] if lang != "zh" else []  # Chinese is the source language
        if lang in QT_CATALOGUES:
            folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            paths.append(folder / f"{QT_CATALOGUES[lang]}.qm")
        for path in paths:
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)  # posts LanguageChange
                self.translators.append(translator)


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


def plural(n: int, zh: str, en_one: str, en_other: str) -> str:
    """A count in the current language: Chinese has one form, English one for 1 and another for
    any other number; each text may use {n}."""
    form = zh if _language.lang == "zh" else en_one if n == 1 else en_other
    return form.format(n=n)


def join(parts: list[str] | tuple[str, ...]) -> str:
    """A list in running text: 甲、乙 in Chinese, "a, b" in English."""
    return ("、" if _language.lang == "zh" else ", ").join(parts)


def _window_settings(home: Path) -> QSettings:
    return QSettings(str(home / WINDOW_SETTINGS), QSettings.Format.IniFormat)


def remembered_language(home: Path | None) -> str | None:
    """The language last chosen on this data folder, if any (and known)."""
    if home is None:
        return None
    value = _window_settings(home).value("language")
    return value if value in LANGUAGES else None


def remember_language(home: Path | None, lang: str) -> None:
    """Keep the chosen language for the next start on this data folder."""
    if home is None or lang not in LANGUAGES:
        return
    settings = _window_settings(home)
    settings.setValue("language", lang)
    settings.sync()


def add_language_menu(window: QMainWindow, home: Path | None) -> dict[str, QAction]:
    """The 语言 / Language menu of a main window (its title in both languages, so anyone can
    find it): choosing switches the window's language and remembers it for `home`."""
    from PySide6.QtGui import QAction, QActionGroup

    menu = window.menuBar().addMenu("语言 / Language")
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}

    def choose(code: str) -> None:
        set_language(code)
        remember_language(home, code)  # the next start opens in it
        actions[code].setChecked(True)

    for code, name in (("zh", "中文（简体）"), ("en", "English")):
        action = QAction(name, window, checkable=True)
        action.triggered.connect(lambda _c=False, code=code: choose(code))
        group.addAction(action)
        menu.addAction(action)
        actions[code] = action
    actions[lang()].setChecked(True)
    return actions
