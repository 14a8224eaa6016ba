"""A store that cannot be opened: the window says why in place of the sign-in screen, instead of
never finishing starting; a store that opens takes the day's first backup on the worker."""

import os

from ui.main_window import MainWindow
from ui.tasks import SyncTaskRunner


def test_a_damaged_store_is_shown_on_the_opening_page(qtbot, demo):
    path = demo.path
    demo.dispose()
    os.truncate(path, path.stat().st_size // 2)
    window = MainWindow(database=path, tasks=SyncTaskRunner())
    qtbot.addWidget(window)
    window.show_sign_in()
    window.load_core()
    assert window.stack.currentWidget() is window.opening
    assert f"error: {path}: the store is damaged" in window.opening.text()
    assert window.store is None
    window.retranslate()  # a language change keeps the message
    assert "the store is damaged" in window.opening.text()


def test_opening_the_store_takes_the_days_backup(qtbot, people_store, home):
    people_store.dispose()
    window = MainWindow(database=people_store.path, tasks=SyncTaskRunner())
    qtbot.addWidget(window)
    window.show_sign_in()
    window.load_core()
    assert window.store is not None
    assert len(list((home / "backups").glob("*.sqlite3"))) == 1
    window.lazy.dispose()
