"""Screenshots for docs/screenshots, one module per set, each from a fresh demo store in a
temporary data home:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tools.screenshots.screens --out DIR

`screens` (01–09: sign-in to sealed), `widgets` (10–15: the table items and the account
import), `findings` (16), `dashboard` (17–19: the desk on the demo's half year). Run them on a real (xcb) display such as Xvfb, not offscreen, so fonts
render as on a desktop. `take` is the shared part: the window on the demo store, started as the
app starts it (sign-in first, the core loaded on the worker thread), and saving. Every store call
of the window runs on that worker, so a script waits for it (`Shots.settle`) before it reads the
window or saves a picture."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QWidget

    from branchcheck.db import Store
    from ui.items import ItemWidget
    from ui.main_window import MainWindow
    from ui.screens.login import LoginScreen

SIZE = (1280, 800)
SIGN_IN_AS = "E001"  # the demo branch head
PASSWORD = "demo1234"  # every demo person's password (branchcheck.demo)

TIMEOUT = 120.0  # seconds the worker may take over one step (sealing, the account import)
POLL = 0.01  # seconds between looks at the event queue while waiting

W = TypeVar("W", bound="ItemWidget")


def wait_for(loop: QEventLoop, done: Callable[[], bool], what: str) -> None:
    """Run the event loop (where the worker's results arrive) until `done()` holds.

    Events are processed through a `QEventLoop` object, not `QApplication.processEvents`: with
    PySide6 6.12 on Python 3.11 each call of the static one (like many Qt calls returning
    nothing) drops a reference to None; polled in a loop it crashed the interpreter
    ("none_dealloc") within seconds."""
    deadline = time.monotonic() + TIMEOUT
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {TIMEOUT:.0f} s for {what}")
        loop.processEvents()
        time.sleep(POLL)


@dataclass
class Shots:
    """The running window on the demo store, and where its pictures go."""

    loop: QEventLoop
    store: Store  # the script's own connection, for answers given "elsewhere" (like the CLI)
    window: MainWindow
    login: LoginScreen
    home: Path
    out: Path

    def pump(self, rounds: int = 5) -> None:
        for _ in range(rounds):
            self.loop.processEvents()

    def settle(self) -> None:
        """Wait until the worker is idle and what its results set off (a screen opened, a
        timer at 0) has run, twice in a row: a result may start the next task."""
        tasks = self.window.tasks
        idle = 0
        while idle < 2:
            wait_for(self.loop, lambda: not tasks.busy, "the worker")
            self.pump()
            idle = idle + 1 if not tasks.busy else 0

    def save(self, widget: QWidget, name: str) -> None:
        """Let the window settle, then save the widget's picture as `name` in the output folder."""
        self.settle()
        path = self.out / name
        widget.grab().save(str(path))
        print(path)

    def type_password(self) -> None:
        self.login.select(SIGN_IN_AS)
        self.login.password.setText(PASSWORD)

    def sign_in(self) -> None:
        """Sign in and wait for the screen the window goes to (home, or an open inspection)."""
        self.type_password()
        self.login.sign_in()
        self.settle()
        if self.window.user is None:
            raise RuntimeError(f"signing in failed: {self.login.error.text()}")

    def item(self, key: str, kind: type[W]) -> W:
        """The widget of item `key` on the open inspection screen, checked to be a `kind`."""
        widget = self.window.inspection.cards[key].widget
        if not isinstance(widget, kind):
            raise TypeError(f"item {key} shows a {type(widget).__name__}, not a {kind.__name__}")
        return widget


def take(
    prog: str,
    shoot: Callable[[Shots], None],
    argv: list[str] | None = None,
    *,
    weeks: int | None = 3,
) -> int:
    """Parse `--out`, open the window on a new demo store (`weeks` of history; None: the demo's
    default half year), let `shoot` take its pictures."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="branchcheck-shots-"))
    os.environ["BRANCHCHECK_HOME"] = str(home)  # before the app looks up its data home

    from PySide6.QtCore import QEventLoop

    from ui.app import create_app

    create_app()
    from branchcheck.db import open_store
    from branchcheck.demo import WEEKS, setup_demo
    from ui import i18n
    from ui.main_window import MainWindow

    database = home / "branchcheck.sqlite3"
    store = open_store(database)
    setup_demo(store, weeks=WEEKS if weeks is None else weeks)
    i18n.set_language("zh")
    window = MainWindow(database=database, home=home)
    window.resize(*SIZE)
    window.show()
    try:
        loop = QEventLoop()
        login = open_window(loop, window)
        shots = Shots(loop, store, window, login, home, args.out)
        shots.settle()
        args.out.mkdir(parents=True, exist_ok=True)
        shoot(shots)
    finally:
        window.close()  # shuts the worker down
        if window.lazy is not None:
            window.lazy.dispose()
        store.dispose()
    return 0


def open_window(loop: QEventLoop, window: MainWindow) -> LoginScreen:
    """As `ui.app.main` does: the sign-in screen, then the core loaded on the worker; back once
    the people are listed and the other screens are built."""
    login = window.show_sign_in()
    wait_for(loop, lambda: login.people_loaded, "the sign-in list")
    failures: list[str] = []
    window.load_core(on_error=failures.append)
    wait_for(loop, lambda: window.store is not None or bool(failures), "the core")
    if failures:
        raise RuntimeError(f"the core did not load: {failures[0]}")
    return login
