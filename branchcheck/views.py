"""Typed results the core hands to the window and the CLI, and their JSON form (built here only).

Every view is a frozen dataclass; bilingual text stays a {"zh": ..., "en": ...} mapping."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from branchcheck.taxonomy import Label

__all__ = ["Label"]  # defined with the vocabularies it names; the views carry it


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
class EvidenceView:
    """A file that shows a rectification, as the findings list names it (its bytes: evidence_bytes)."""

    id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: PersonName
    added_at: str


@dataclass(frozen=True)
class FindingView:
    """A finding in the branch's closed loop, with its record (None for a finding of the schedule
    or of key-post rotation: origin "schedule"/"rotation", obligation_key set) and its
    rectification.

    state: as of the reading date; an exception past its expiry reads as the state it was taken
    from (exception_expired). on_time: rectified_on <= due_date, None while not rectified;
    late_days: days past the due date it was rectified, or (open) is overdue by, else 0."""

    id: str
    record_id: str | None
    record_status: str | None
    record_date: str | None
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
    origin: str = "inspection"
    obligation_key: str | None = None
    result_by: PersonName | None = None
    rectified_on: str | None = None
    closed_by: PersonName | None = None
    closed_on: str | None = None
    on_time: bool | None = None
    late_days: int = 0
    exception_reason: str = ""
    exception_until: str | None = None
    exception_by: PersonName | None = None
    exception_expired: bool = False
    missed_record_id: str | None = (
        None  # 核查问责: the earlier record that passed it (应发现未发现)
    )
    missed_record_date: str | None = None
    missed_by: PersonName | None = None  # that record's inspector
    evidence: tuple[EvidenceView, ...] = ()


@dataclass(frozen=True)
class MissedCandidate:
    """An earlier sealed record of the same checklist that passed the finding's item as 合格."""

    record_id: str
    record_date: str
    inspector: PersonName


@dataclass(frozen=True)
class FindingsRegister:
    """The findings register (问题整改台账) as both its files show it: the branch, the date, the
    headings (zh and en on two lines), the column widths (workbook units) and one row of text
    per finding."""

    branch: str
    branch_code: str
    as_of: str
    made_at: str
    signer: PersonName | None
    headings: tuple[str, ...]
    widths: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    summary: str


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
    exception: int = 0  # accepted exceptions not yet expired (not counted as open)


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
