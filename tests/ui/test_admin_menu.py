"""The administration menu opens each entry's dialog, only for a signed-in person."""

from ui import admin_menu

OPENED: list[object] = []


def open_probe(window) -> None:
    OPENED.append(window)


def test_an_entry_opens_its_function_with_the_window(monkeypatch, make_window, qtbot):
    monkeypatch.setattr(admin_menu, "ENTRIES", [("人员", f"{__name__}:open_probe")])
    window = make_window()
    menu = window.admin_menu
    [(action, text)] = menu.actions
    assert text == "人员" and action.text() == "人员"
    assert menu.menu.title() == "管理(&M)"
    assert not action.isEnabled()  # nobody signed in yet
    menu.set_enabled(True)
    action.trigger()
    assert OPENED == [window]
