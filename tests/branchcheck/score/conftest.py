"""A branch's history written straight into a fresh store: sealed inspections and findings with
the dates the index counts, and Obligation views built by hand."""

from __future__ import annotations

from datetime import date

import pytest

from branchcheck.db.models import Branch, Finding, Inspection, Staff, TemplateVersion
from branchcheck.views import Obligation


class History:
    def __init__(self, store):
        self.store = store
        with store.session() as s:
            tv = TemplateVersion(
                key="vault_check",
                version=1,
                sha256="0" * 64,
                content={"title": {"zh": "查库", "en": "Vault check"}},
                source_name="vault_check.yaml",
                stored_at="2025-01-01T00:00:00+08:00",
            )
            s.add(tv)
            s.flush()
            self.template_id = tv.id
            self.branch_id = s.query(Branch.id).scalar()
            self.inspector_id = s.query(Staff.id).filter(Staff.employee_no == "E001").scalar()

    def inspection(self, day: str, *, status: str = "sealed", supersedes: str | None = None) -> str:
        with self.store.session() as s:
            insp = Inspection(
                branch_id=self.branch_id,
                template_id=self.template_id,
                inspector_id=self.inspector_id,
                status=status,
                local_date=day,
                started_at=f"{day}T09:00:00+08:00",
                supersedes_id=supersedes,
            )
            s.add(insp)
            s.flush()
            return insp.id

    def finding(
        self,
        inspection_id: str | None,
        *,
        due: str,
        made: str = "2026-01-05",
        rectified_on: str | None = None,
        repeat: bool = False,
        missed_by: str | None = None,
        origin: str = "inspection",
    ) -> str:
        with self.store.session() as s:
            f = Finding(
                inspection_id=inspection_id,
                branch_id=self.branch_id,
                checklist_key="vault_check",
                item_key="cash_count",
                problem_key=f"vault_check:cash_count:{due}",
                title={"zh": "账实不符", "en": "Cash differs"},
                severity="medium",
                risk_driver="steps_skipped",
                due_date=due,
                repeat=repeat,
                created_at=f"{made}T10:00:00+08:00",
                rectified_on=rectified_on,
                missed_by_inspection_id=missed_by,
                origin=origin,
            )
            s.add(f)
            s.flush()
            return f.id


@pytest.fixture
def history(people_store) -> History:
    return History(people_store)


def obligation(
    due_on: str,
    status: str,
    *,
    reason: str = "weekly",
    done_on: str | None = None,
    expected: int = 1,
    count: int = 0,
) -> Obligation:
    day = date.fromisoformat(due_on)
    return Obligation(
        key=f"vault_check:{reason}:{due_on}",
        checklist="vault_check",
        reason=reason,
        period_start=due_on,
        due_on=day.isoformat(),
        status=status,
        done_on=done_on,
        expected=expected,
        count=count,
    )


@pytest.fixture
def make_obligation():
    """Build an Obligation view: make_obligation(due_on, status, reason=..., done_on=...)."""
    return obligation
