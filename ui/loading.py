"""What the window loads on the worker thread: the screens after sign-in, the store, the desk."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from branchcheck.dashboard import Desk
    from branchcheck.db import Store
    from ui.tasks import LazyStore


def import_screens() -> None:
    """Import the screens after sign-in and their answer widgets (and with them SQLAlchemy, the
    engine, the checklists). No widget is made: this may run on the worker thread."""
    from ui.items import accounts, atm, basic, cash, handover, vouchers  # noqa: F401
    from ui.screens import (  # noqa: F401
        account_import,
        dashboard,
        findings,
        home,
        inspection,
        new_inspection,
        review,
        signing,
    )


def load_core(store: LazyStore) -> Store:
    """Worker thread: open the store and import the rest, while the person types their password."""
    import_screens()
    return store.get()


def back_up_if_due(store: Store) -> object:
    """Worker thread: the day's first backup (branchcheck.backup.run_if_due), imported here."""
    from branchcheck import backup

    return backup.run_if_due(store)


def load_desk(store: Store, as_of: date) -> Desk:
    """Worker thread: the home page's desk (branchcheck.dashboard.load)."""
    from branchcheck import dashboard

    return dashboard.load(store, as_of)
