"""What the schedule reads from the store, in one snapshot: the counted records, the tellers and
their posts, absences, explanations and the findings already made from misses.

A record counts once it is completed or sealed: completing is when the check is finished on site
(all answers given, findings made); signing and sealing may follow later the same day. A record in
progress does not count (it may still be discarded), nor one replaced by a counted correction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck.db.models import (
    Finding,
    Inspection,
    InspectionPerson,
    ObligationNote,
    Staff,
    StaffAbsence,
    StaffPost,
    TemplateVersion,
)
from branchcheck.people.register import get_branch

COUNTED = ("completed", "sealed")
TELLER = "teller"


@dataclass(frozen=True)
class CountedRecord:
    id: str
    checklist: str
    local_date: date
    people: dict[str, frozenset[str]]  # slot → employee numbers


@dataclass(frozen=True)
class Teller:
    """A teller and when they held the post: spans None = no post history (counted every day)."""

    employee_no: str
    name: str
    spans: tuple[tuple[date, date | None], ...] | None
    absent: tuple[tuple[date, date], ...] = ()

    def on_duty(self, day: date) -> bool:
        if any(a <= day <= b for a, b in self.absent):
            return False
        if self.spans is None:
            return True
        return any(a <= day and (b is None or day <= b) for a, b in self.spans)


@dataclass(frozen=True)
class ExplanationNote:
    reason: str
    by: str
    at: str


@dataclass
class ScheduleFacts:
    branch_id: int
    records: list[CountedRecord] = field(default_factory=list)
    tellers: list[Teller] = field(default_factory=list)
    notes: dict[str, ExplanationNote] = field(default_factory=dict)
    findings: dict[str, str] = field(default_factory=dict)  # obligation key → finding ID
    first_record: date | None = None  # the branch's first record of any status (none: no history)

    def of(self, checklist: str, first: date, last: date) -> list[CountedRecord]:
        return sorted(
            (r for r in self.records if r.checklist == checklist and first <= r.local_date <= last),
            key=lambda r: r.local_date,
        )


def read_facts(s: Session) -> ScheduleFacts:
    branch = get_branch(s)
    facts = ScheduleFacts(branch.id)
    rows = s.execute(
        select(
            Inspection.id,
            Inspection.status,
            Inspection.local_date,
            Inspection.supersedes_id,
            TemplateVersion.key,
        )
        .join(TemplateVersion, TemplateVersion.id == Inspection.template_id)
        .where(Inspection.branch_id == branch.id)
    ).all()
    if rows:
        facts.first_record = date.fromisoformat(min(r.local_date for r in rows))
    counted = {r.id: r for r in rows if r.status in COUNTED}
    replaced = {r.supersedes_id for r in counted.values() if r.supersedes_id}
    people: dict[str, dict[str, set[str]]] = {}
    for iid, slot, no in s.execute(
        select(InspectionPerson.inspection_id, InspectionPerson.slot, Staff.employee_no)
        .join(Staff, Staff.id == InspectionPerson.staff_id)
        .where(InspectionPerson.inspection_id.in_(list(counted)))
    ).all():
        people.setdefault(iid, {}).setdefault(slot, set()).add(no)
    facts.records = [
        CountedRecord(
            r.id,
            r.key,
            date.fromisoformat(r.local_date),
            {k: frozenset(v) for k, v in people.get(r.id, {}).items()},
        )
        for r in counted.values()
        if r.id not in replaced
    ]
    facts.tellers = _tellers(s)
    facts.notes = {
        n.obligation_key: ExplanationNote(n.reason, no, n.explained_at)
        for n, no in s.execute(
            select(ObligationNote, Staff.employee_no)
            .join(Staff, Staff.id == ObligationNote.explained_by_id)
            .where(ObligationNote.branch_id == branch.id)
        ).all()
    }
    facts.findings = {
        key: fid
        for key, fid in s.execute(
            select(Finding.obligation_key, Finding.id).where(
                Finding.branch_id == branch.id, Finding.obligation_key.is_not(None)
            )
        ).all()
        if key is not None
    }
    return facts


def _tellers(s: Session) -> list[Teller]:
    """Tellers with a teller post in the history (those spans), else active staff with the role
    teller (every day: the register has no start date)."""
    spans: dict[int, list[tuple[date, date | None]]] = {}
    for post in s.scalars(select(StaffPost).where(StaffPost.role == TELLER)):
        spans.setdefault(post.staff_id, []).append(
            (
                date.fromisoformat(post.from_date),
                date.fromisoformat(post.to_date) if post.to_date else None,
            )
        )
    absent: dict[int, list[tuple[date, date]]] = {}
    for a in s.scalars(select(StaffAbsence)):
        absent.setdefault(a.staff_id, []).append(
            (date.fromisoformat(a.first_day), date.fromisoformat(a.last_day))
        )
    out = []
    for st in s.scalars(select(Staff).where(Staff.external.is_(False)).order_by(Staff.employee_no)):
        if st.id in spans:
            held: tuple[tuple[date, date | None], ...] | None = tuple(sorted(spans[st.id]))
        elif st.active and TELLER in st.roles:
            held = None
        else:
            continue
        out.append(Teller(st.employee_no, st.name, held, tuple(absent.get(st.id, ()))))
    return out


def tellers_on_duty(s: Session, days: list[date]) -> dict[str, str]:
    """{employee_no: name} of the tellers on duty on at least one of `days` (the week's working
    days): the roster the weekly coverage asks for, absences and post history applied."""
    return {t.employee_no: t.name for t in _tellers(s) if any(t.on_duty(d) for d in days)}
