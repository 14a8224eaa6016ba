"""Vault checks on given days, made through the real core (start, answer, complete)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from branchcheck import inspections
from branchcheck.db.models import Staff, StaffPost

from ..conftest import YES

TZ = ZoneInfo("Asia/Shanghai")
ALL_TELLERS = ("E004", "E005", "E006")


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)


def vault_check(store, day: date, tellers=ALL_TELLERS, *, complete: bool = True) -> str:
    """A vault check by E001 on `day` covering `tellers`; completed unless told otherwise."""
    when = at(day)
    iid = inspections.start(
        store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": list(tellers)},
        now=when,
    )
    for key in YES:
        inspections.answer(store, iid, key, "yes", now=when)
    inspections.answer(
        store,
        iid,
        "cash_count",
        {"rows": {"n100": {"bundles": 1, "straps": 0, "loose": 0}}, "book_fen": 10000000},
        now=when,
    )
    inspections.answer(
        store,
        iid,
        "teller_boxes",
        {"rows": [{"teller": t, "system_fen": 500000, "counted_fen": 500000} for t in tellers]},
        now=when,
    )
    if complete:
        inspections.complete(store, iid, now=at(day, 11))
    return iid


def add_post(store, employee_no: str, role: str, from_date: date, to_date: date | None = None):
    with store.session() as s:
        st = s.scalars(select(Staff).where(Staff.employee_no == employee_no)).one()
        s.add(
            StaffPost(
                staff_id=st.id,
                role=role,
                from_date=from_date.isoformat(),
                to_date=to_date.isoformat() if to_date else None,
            )
        )


@pytest.fixture
def check():
    return vault_check
