"""Staff absences (leave, sick leave, training, other): a teller away on every working day of a
week is not on duty that week, so the schedule does not ask for them to be covered.

Anyone in the staff register records an absence (for themselves or another); both days are
included and the first is not after the last; the reason is required. Audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Staff, StaffAbsence
from branchcheck.errors import AnswerError
from branchcheck.people.permissions import require, settings_for
from branchcheck.people.register import find_staff

ABSENCE_KINDS: dict[str, dict[str, str]] = {
    "leave": {"zh": "休假", "en": "Leave"},
    "sick": {"zh": "病假", "en": "Sick leave"},
    "training": {"zh": "培训", "en": "Training"},
    "other": {"zh": "其他", "en": "Other"},
}


@dataclass(frozen=True)
class Absence:
    employee_no: str
    name: str
    first_day: str
    last_day: str
    kind: str
    kind_name: dict[str, str]
    reason: str
    recorded_by: str
    recorded_at: str


def record_absence(
    store: Store,
    *,
    employee_no: str,
    first_day: date,
    last_day: date,
    kind: str,
    reason: str,
    actor: str,
    now: datetime | None = None,
) -> None:
    if kind not in ABSENCE_KINDS:
        known = ", ".join(f"{k} {v['zh']}" for k, v in ABSENCE_KINDS.items())
        raise AnswerError(f"缺勤类型 / kind: '{kind}' is not one of {known}")
    if first_day > last_day:
        raise AnswerError(
            f"开始日期 {first_day.isoformat()} 晚于结束日期 {last_day.isoformat()} / the first day "
            "is after the last day"
        )
    text = (reason or "").strip()
    if not text:
        raise AnswerError("事由不能为空 / the reason is required and cannot be empty")
    when = clock.local_or_now(now)
    with store.session() as s:
        by = require(s, actor, "record_absence", settings_for(store))
        person = find_staff(s, employee_no)
        s.add(
            StaffAbsence(
                staff_id=person.id,
                first_day=first_day.isoformat(),
                last_day=last_day.isoformat(),
                kind=kind,
                reason=text,
                recorded_by_id=by.id,
                recorded_at=clock.iso(when),
            )
        )
        audit.append(
            s,
            at=clock.iso(when),
            actor=actor,
            action="staff.absence",
            subject=employee_no,
            detail={
                "first_day": first_day.isoformat(),
                "last_day": last_day.isoformat(),
                "kind": kind,
                "reason": text,
            },
        )


def list_absences(store: Store, first: date, last: date) -> list[Absence]:
    """The absences that overlap [first, last], by first day then employee number."""
    recorder = aliased(Staff)
    with store.session() as s:
        rows = s.execute(
            select(StaffAbsence, Staff.employee_no, Staff.name, recorder.employee_no)
            .join(Staff, Staff.id == StaffAbsence.staff_id)
            .join(recorder, recorder.id == StaffAbsence.recorded_by_id)
            .where(
                StaffAbsence.first_day <= last.isoformat(),
                StaffAbsence.last_day >= first.isoformat(),
            )
            .order_by(StaffAbsence.first_day, Staff.employee_no)
        ).all()
        return [
            Absence(
                no,
                name,
                a.first_day,
                a.last_day,
                a.kind,
                ABSENCE_KINDS.get(a.kind, {"zh": a.kind, "en": a.kind}),
                a.reason,
                by,
                a.recorded_at,
            )
            for a, no, name, by in rows
        ]
