"""Typed results the core hands to the window and the CLI, and their JSON form (built here only).

Every view is a frozen dataclass; bilingual text stays a {"zh": ..., "en": ...} mapping."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonRef:
    """A person as an inspection names them: in a people slot, as inspector, as signer."""

    employee_no: str
    name: str
    roles: tuple[str, ...] = ()
    external: bool = False

    def as_dict(self) -> dict[str, str]:
        return {"employee_no": self.employee_no, "name": self.name}


@dataclass(frozen=True)
class PersonName:
    employee_no: str
    name: str


@dataclass(frozen=True)
class Label:
    """A coded term with its names, e.g. a risk driver."""

    key: str
    zh: str
    en: str


@dataclass(frozen=True)
class RecordSummary:
    """One inspection or record in the list of records."""

    id: str
    checklist: str
    checklist_version: int
    title: dict[str, str]
    status: str
    branch: str
    branch_name: str
    local_date: str
    started_at: str
    completed_at: str | None
    inspector: str
    inspector_name: str
    version: int
    supersedes: str | None
    findings: int


@dataclass(frozen=True)
class FindingBrief:
    """A finding as one inspection lists it."""

    id: str
    item_key: str
    title: dict[str, str]
    severity: str
    risk_driver: Label
    responsible: PersonName | None
    due_date: str
    state: str
    repeat: bool


@dataclass(frozen=True)
class ItemResult:
    result: str
    display: dict[str, str]
    computed: dict[str, Any]


@dataclass(frozen=True)
class InspectResult:
    """A whole inspection run from an answers file."""

    record_id: str
    checklist: str
    status: str
    items: dict[str, ItemResult]
    counts: dict[str, int]
    findings: tuple[FindingBrief, ...]


@dataclass(frozen=True)
class FindingView:
    """A finding in the branch's closed loop, with its record and its rectification."""

    id: str
    record_id: str
    record_status: str
    record_date: str
    checklist: str
    checklist_title: dict[str, str]
    item_key: str
    title: dict[str, str]
    severity: str
    risk_driver: Label
    responsible: PersonName | None
    due_date: str
    state: str
    repeat: bool
    overdue: bool
    action: str
    result: str
    rechecker: PersonName | None
    recheck_date: str | None
    created_at: str


@dataclass(frozen=True)
class RiskDriverCount:
    key: str
    zh: str
    en: str
    count: int


@dataclass(frozen=True)
class FindingsSummary:
    """Counts for a dashboard."""

    as_of: str
    total: int
    open: int
    overdue: int
    repeat: int
    by_state: dict[str, int]
    by_risk_driver: tuple[RiskDriverCount, ...]


@dataclass(frozen=True)
class Obligation:
    """One thing the schedule asks of the branch in one period, and how it stands.

    key: stable and unique per branch, e.g. "vault_check:weekly:2026-W05",
    "vault_check:teller_coverage:2026-W05", "vault_check:pre_holiday:2026-02-14",
    "blank_vouchers:periodic:2026-11". reason: weekly, pre_holiday, teller_coverage, periodic or
    events. status: due (its window is open, not yet done), overdue (past due_on, the window still
    open: done now it counts, as late), done, missed (the window closed without it), explained (a
    miss the branch head explained; still a miss in every report). calendar_note: set where the
    date depends on holiday data that is not official (e.g. 按法定假日推算，以正式安排为准)."""

    key: str
    checklist: str
    reason: str
    period_start: str
    due_on: str
    status: str
    records: tuple[str, ...] = ()  # the records that met it
    done_on: str | None = None
    uncovered: tuple[PersonName, ...] = ()  # teller coverage: who is still to be covered
    expected: int = 1
    count: int = 0
    explanation: str = ""
    finding_id: str | None = None
    calendar_source: str = "official"  # official, head_office, estimate or weekends
    calendar_note: dict[str, str] | None = None


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator of the compliance index (seed 002: each scored 3, 2 or 1 by its bands).

    key: on_time_checks, teller_coverage, findings_per_check, rectified_on_time, repeat_findings
    or missed_problems. raw: the measured value (a share 0–1 or a rate), None when the period has
    nothing to measure; display: raw as a person reads it ("95.0%", "0.40", "—"); band: the band
    it fell in, in words ("≥ 95%")."""

    key: str
    name: dict[str, str]
    weight: float
    raw: float | None
    numerator: int
    denominator: int
    display: str
    band: str
    score: int


@dataclass(frozen=True)
class ComplianceIndex:
    """合规性指数 = Σ wᵢ·Cᵢ over one period (first and last day included)."""

    first: str
    last: str
    index: float
    indicators: tuple[IndicatorScore, ...]
    checks: int
    findings: int


@dataclass(frozen=True)
class PeriodChange:
    """A figure against the same period a year earlier, as seed 000 reports its figures."""

    key: str
    name: dict[str, str]
    current: float | None
    previous: float | None
    change: float | None
    percent: float | None  # change / previous × 100; None when previous is 0 or unknown


@dataclass(frozen=True)
class ScoreReport:
    current: ComplianceIndex
    previous: ComplianceIndex | None  # the same period a year earlier; None without its data
    changes: tuple[PeriodChange, ...]


def to_json(value: Any) -> Any:
    """A view (or a list of views) as plain JSON data, field names as keys."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value
