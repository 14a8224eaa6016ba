"""What the rules see of the store when an inspection is evaluated: the staff by role, this week's
and recent checks of the same kind, the period's account-list review, the holiday calendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck.checklists import Template
from branchcheck.db.models import Inspection, Staff, TemplateVersion
from branchcheck.engine import EvalContext
from branchcheck.engine.evaluate import Evaluation, evaluate
from branchcheck.holidays import load_calendar
from branchcheck.inspections.state import parsed_answers, people_of, template_of
from branchcheck.people.register import person_ref
from branchcheck.settings import Settings

ACCOUNT_REVIEW_KEY = "account_review"
ACCOUNT_REVIEW_DAYS = 100  # a review counts for the period when its list is at most this old


def branch_env(settings: Settings | None, home: Path | None) -> tuple[Settings, Path]:
    """The branch's settings and data folder (holiday table), the same for the window and the CLI."""
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    home = home or data_home()
    return (settings or load_settings(home)), home


def facts_for(
    session: Session,
    *,
    branch_id: int,
    checklist_key: str,
    today: date,
    home: Path | None,
    exclude_id: str | None = None,
) -> dict[str, Any]:
    """What the rules of an inspection of `checklist_key` on `today` need from the store."""
    staff = session.scalars(select(Staff).where(Staff.active.is_(True))).all()
    by_role: dict[str, dict[str, str]] = {}
    for st in staff:
        for r in st.roles:
            by_role.setdefault(r, {})[st.employee_no] = st.name
    monday = today - timedelta(days=today.weekday())
    others = session.scalars(
        select(Inspection).where(
            Inspection.branch_id == branch_id,
            Inspection.template_id.in_(
                select(TemplateVersion.id).where(TemplateVersion.key == checklist_key)
            ),
            Inspection.id != (exclude_id or ""),
            Inspection.status.in_(("completed", "sealed")),
        )
    ).all()
    week_people: dict[str, set[str]] = {}
    check_dates: set[date] = set()
    for o in others:
        d = date.fromisoformat(o.local_date)
        check_dates.add(d)
        if monday <= d <= today:
            for p in o.people:
                week_people.setdefault(p.slot, set()).add(p.staff.employee_no)
    return {
        "staff": {st.employee_no: st.name for st in staff},
        "id_numbers": {st.employee_no: st.id_number for st in staff if st.id_number},
        "account_review": _latest_account_review(session, branch_id, today),
        "by_role": by_role,
        "week_people": week_people,
        "check_dates": check_dates,
        "first_check_date": min(check_dates) if check_dates else today,
        "calendar": load_calendar(home),
    }


def _latest_account_review(session: Session, branch_id: int, today: date) -> dict[str, Any] | None:
    """Summary of the newest completed or sealed account-list review of the period, if any."""
    from branchcheck.engine.accounts import summary

    rows = session.scalars(
        select(Inspection)
        .where(
            Inspection.branch_id == branch_id,
            Inspection.status.in_(("completed", "sealed")),
            Inspection.template_id.in_(
                select(TemplateVersion.id).where(TemplateVersion.key == ACCOUNT_REVIEW_KEY)
            ),
            Inspection.local_date <= today.isoformat(),
            Inspection.local_date >= (today - timedelta(days=ACCOUNT_REVIEW_DAYS)).isoformat(),
        )
        .order_by(Inspection.local_date.desc(), Inspection.started_at.desc())
    ).all()
    for insp in rows:
        value = parsed_answers(insp, template_of(insp.template))[0].get("account_list")
        if value is None:
            continue
        return {"review_id": insp.id, "as_of": value["source"].get("as_of"), **summary(value)}
    return None


def register_facts(session: Session, template: Template) -> dict[str, Any]:
    """What parsing one answer needs: the staff register, where an item picks a person."""
    if any(i.type == "person" for i in template.items()):
        return {
            "staff": dict(session.execute(select(Staff.employee_no, Staff.name)).tuples().all())
        }
    return {}


def eval_context(
    session: Session,
    insp: Inspection,
    template: Template,
    settings: Settings,
    home: Path | None,
    answers: dict[str, Any] | None = None,
    *,
    facts: bool = True,
) -> EvalContext:
    """facts=False: only the staff register, for parsing one answer (the hot path)."""
    if facts:
        known = facts_for(
            session,
            branch_id=insp.branch_id,
            checklist_key=insp.template.key,
            today=date.fromisoformat(insp.local_date),
            home=home,
            exclude_id=insp.id,
        )
    else:
        known = register_facts(session, template)
    return EvalContext(
        template=template,
        local_date=date.fromisoformat(insp.local_date),
        inspector=person_ref(insp.inspector),
        people=people_of(insp),
        settings=settings,
        answers=answers or {},
        facts=known,
    )


def evaluate_inspection(
    session: Session, insp: Inspection, settings: Settings, home: Path | None
) -> tuple[Evaluation, dict[str, Any], dict[str, str]]:
    """The whole evaluation of an inspection as stored: (evaluation, answers, notes)."""
    template = template_of(insp.template)
    values, notes = parsed_answers(insp, template)
    ctx = eval_context(session, insp, template, settings, home, values)
    return evaluate(template, values, ctx), values, notes
