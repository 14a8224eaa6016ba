"""Screenshots for docs/screenshots, one module per set, each from a fresh demo store in a
temporary data home:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tools.screenshots.screens --out DIR

`screens` (01–09: sign-in to sealed), `widgets` (10–15: the table items and the account
import), `findings` (16). Run them on a real (xcb) display such as Xvfb, not offscreen, so fonts
render as on a desktop. `take` is the shared part: the window on the demo store, and saving."""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from branchcheck.db import Store
    from ui.items import ItemWidget
    from ui.main_window import MainWindow

SIZE = (1280, 800)
SIGN_IN_AS = "E001"  # the demo branch head
PASSWORD = "demo1234"  # every demo person's password (branchcheck.demo)

W = TypeVar("W", bound="ItemWidget")


@dataclass
class Shots:
    """The running window on the demo store, and where its pictures go."""

    app: QApplication
    store: Store
    window: MainWindow
    home: Path
    out: Path

    def pump(self, rounds: int = 5) -> None:
        for _ in range(rounds):
            self.app.processEvents()

    def save(self, widget: QWidget, name: str) -> None:
        """Let the widget settle, then save its picture as `name` in the output folder."""
        self.pump()
        path = self.out / name
        widget.grab().save(str(path))
        print(path)

    def type_password(self) -> None:
        self.window.login.select(SIGN_IN_AS)
        self.window.login.password.setText(PASSWORD)

    def sign_in(self) -> None:
        self.type_password()
        self.window.login.sign_in()
        self.pump()

    def item(self, key: str, kind: type[W]) -> W:
        """The widget of item `key` on the open inspection screen, checked to be a `kind`."""
        widget = self.window.inspection.cards[key].widget
        if not isinstance(widget, kind):
            raise TypeError(f"item {key} shows a {type(widget).__name__}, not a {kind.__name__}")
        return widget


def take(prog: str, shoot: Callable[[Shots], None], argv: list[str] | None = None) -> int:
    """Parse `--out`, open the window on a new demo store, let `shoot` take its pictures."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="branchcheck-shots-"))
    os.environ["BRANCHCHECK_HOME"] = str(home)  # before the app looks up its data home

    from ui.app import create_app

    app = create_app()
    from branchcheck.db import open_store
    from branchcheck.demo import setup_demo
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.tasks import SyncTaskRunner

    store = open_store(home / "branchcheck.sqlite3")
    setup_demo(store, weeks=3)
    i18n.set_language("zh")
    window = MainWindow(store, tasks=SyncTaskRunner(), home=home)
    window.resize(*SIZE)
    window.show()
    shots = Shots(app, store, window, home, args.out)
    shots.pump()
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        shoot(shots)
    finally:
        window.close()
        store.dispose()
    return 0
