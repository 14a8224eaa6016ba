"""GUI test set-up: real stores from tests/conftest.py and a synchronous task runner."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from branchcheck import inspections
from branchcheck.people import register as staff
from ui.main_window import MainWindow
from ui.tasks import SyncTaskRunner

PASSWORD = "demo1234"

VAULT_PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004", "E005"]}


def start_vault_check(store, people=None) -> str:
    return inspections.start(
        store, checklist="vault_check", inspector="E001", people=people or VAULT_PEOPLE
    )


def answer_everything(store, inspection_id: str, *, short_fen: int = 0) -> None:
    """Every required item of the vault check, through the core."""
    state = inspections.load(store, inspection_id)
    for item in state.template.items():
        if item.type == "yes_no":
            inspections.answer(store, inspection_id, item.key, "yes")
    inspections.answer(
        store,
        inspection_id,
        "cash_count",
        {
            "rows": {"n100": {"bundles": 1, "straps": 2, "loose": 3}},
            "book_fen": 12_030_000 + short_fen,
        },
    )
    inspections.answer(
        store,
        inspection_id,
        "teller_boxes",
        {
            "rows": [
                {
                    "teller": t.employee_no,
                    "system_fen": 500_000,
                    "counted_fen": 500_000,
                    "vouchers_ok": True,
                    "note": "",
                }
                for t in state.people["tellers"]
            ]
        },
    )


def sign_in(window, employee_no: str = "E001", password: str = PASSWORD) -> None:
    window.login.refresh()
    window.login.select(employee_no)
    window.login.password.setText(password)
    window.login.button.click()


def add_person(store, employee_no: str, name: str, roles: list[str]) -> None:
    staff.add_staff(store, employee_no=employee_no, name=name, roles=roles, password=PASSWORD)


@pytest.fixture
def vault(people_store):
    """The helpers above, for test modules (importlib mode: they cannot import each other)."""
    return SimpleNamespace(
        people=VAULT_PEOPLE,
        start=lambda people=None: start_vault_check(people_store, people),
        answer_everything=lambda iid, short_fen=0: answer_everything(
            people_store, iid, short_fen=short_fen
        ),
        sign_in=sign_in,
        add_person=lambda no, name, roles: add_person(people_store, no, name, roles),
    )


@pytest.fixture
def make_window(qtbot, people_store, home):
    """Build main windows on the same store, each with a synchronous task runner."""

    def make() -> MainWindow:
        window = MainWindow(people_store, tasks=SyncTaskRunner(), home=home)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def signed_in(make_window, qtbot) -> MainWindow:
    window = make_window()
    window.login.select("E001")
    window.login.password.setText("demo1234")
    window.login.button.click()
    assert window.user is not None
    return window
