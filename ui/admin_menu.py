"""The administration menu (管理): staff, keys, settings, each entry a dialog of its own module.

An entry is (source text, "module:function"); the function takes the main window and opens its
dialog. The module is imported when the entry is chosen, so the menu costs nothing at start-up.
Entries are offered only to a signed-in person; each dialog's core call checks the person's
permission itself (branchcheck.people.permissions)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

# (source text, "module:function") in menu order; texts are translated in the "AdminMenu" context
ENTRIES: list[tuple[str, str]] = [
    (cast(str, QT_TRANSLATE_NOOP("AdminMenu", "人员")), "ui.screens.admin_staff:open_dialog"),
    (cast(str, QT_TRANSLATE_NOOP("AdminMenu", "密钥与证书")), "ui.screens.admin_keys:open_dialog"),
    (cast(str, QT_TRANSLATE_NOOP("AdminMenu", "设置")), "ui.screens.admin_settings:open_dialog"),
    (
        cast(str, QT_TRANSLATE_NOOP("AdminMenu", "打包上报…")),
        "ui.screens.upload_package:open_package_dialog",
    ),
    (
        cast(str, QT_TRANSLATE_NOOP("AdminMenu", "导入总行回执…")),
        "ui.screens.upload_package:open_receipt_dialog",
    ),
]


def _opener(target: str, window: QMainWindow) -> Callable[[], None]:
    module, _, name = target.partition(":")
    return lambda: getattr(importlib.import_module(module), name)(window)


class AdminMenu:
    """The menu and its actions; `retranslate()` re-sets the texts, `set_enabled()` follows
    sign-in."""

    def __init__(self, bar: QMenuBar, window: QMainWindow) -> None:
        self.menu: QMenu = bar.addMenu("")
        self.actions: list[tuple[QAction, str]] = []
        for text, target in ENTRIES:
            action = QAction(window)
            action.triggered.connect(_opener(target, window))
            self.menu.addAction(action)
            self.actions.append((action, text))
        self.menu.menuAction().setVisible(bool(ENTRIES))
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("AdminMenu", "管理(&M)"))
        for action, text in self.actions:
            action.setText(QCoreApplication.translate("AdminMenu", text))

    def set_enabled(self, signed_in: bool) -> None:
        for action, _text in self.actions:
            action.setEnabled(signed_in)
