"""What the rules see of the store when an inspection is evaluated: the staff by role, this week's
and recent checks of the same kind, the period's account-list review, the holiday calendar, the
blank vouchers the last sealed check left on hand."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck.checklists import Template
from branchcheck.db import Store
from branchcheck.db.models import Inspection, Staff, TemplateVersion
from branchcheck.engine import EvalContext
from branchcheck.engine.evaluate import Evaluation, evaluate
from branchcheck.engine.vouchers import CARRIED_FACT, as_strings, closing_ranges, voucher_types
from branchcheck.holidays import load_calendar
from branchcheck.inspections.state import parsed_answers, people_of, template_of
from branchcheck.people.register import person_ref
from branchcheck.schedule.facts import tellers_on_duty
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
    calendar = load_calendar(home)
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
        "calendar": calendar,
        "tellers_on_duty": tellers_on_duty(
            session, calendar.workdays_between(monday, monday + timedelta(days=6))
        ),
        CARRIED_FACT: _vouchers_carried(session, branch_id, checklist_key, today, exclude_id),
    }


def _vouchers_carried(
    session: Session, branch_id: int, checklist_key: str, today: date, exclude_id: str | None
) -> dict[str, dict[str, Any]]:
    """Per voucher-table item: the closing ranges by voucher type of the last sealed check of the
    same checklist at the branch before this one (by date, then start time), with its record ID and
    date. A record later corrected counts as its sealed correction; a correction compares with the
    check before the record it corrects. Empty when no such check holds a voucher table."""
    rows = session.execute(
        select(
            Inspection.id,
            Inspection.supersedes_id,
            Inspection.status,
            Inspection.local_date,
            Inspection.started_at,
        ).where(
            Inspection.branch_id == branch_id,
            Inspection.local_date <= today.isoformat(),
            Inspection.template_id.in_(
                select(TemplateVersion.id).where(TemplateVersion.key == checklist_key)
            ),
        )
    ).all()
    by_id = {r.id: r for r in rows}

    def chain(iid: str | None) -> list[str]:
        out: list[str] = []
        while iid is not None and iid in by_id and iid not in out:
            out.append(iid)
            iid = by_id[iid].supersedes_id
        return out

    def order(iid: str) -> tuple[str, str]:
        root = by_id[chain(iid)[-1]]
        return by_id[iid].local_date, root.started_at

    own = chain(exclude_id)
    corrected = {r.supersedes_id for r in rows if r.status == "sealed" and r.supersedes_id}
    candidates = [
        r.id
        for r in rows
        if r.status == "sealed"
        and r.id not in own
        and r.id not in corrected
        and (not own or order(r.id) < order(own[0]))
    ]
    if not candidates:
        return {}
    last = session.get_one(Inspection, max(candidates, key=order))
    template = template_of(last.template)
    items = [i for i in template.items() if i.type == "voucher_table"]
    if not items:
        return {}
    values = parsed_answers(last, template)[0]
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.key not in values:
            continue
        types = voucher_types(item)
        held = {
            kind: as_strings(closing_ranges(row), types[kind]["width"])
            for kind, row in values[item.key]["rows"].items()
            if kind in types
        }
        out[item.key] = {
            "record_id": last.id,
            "local_date": last.local_date,
            "rows": {k: r for k, r in held.items() if r},
        }
    return out


def widget_facts(store: Store, inspection_id: str) -> dict[str, Any]:
    """What the window shows before an answer exists, from the same facts the rules see: the
    blank vouchers carried forward, which the voucher widget offers as the opening ranges."""
    from branchcheck.inspections.rows import get_inspection

    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        carried = _vouchers_carried(
            s,
            insp.branch_id,
            insp.template.key,
            date.fromisoformat(insp.local_date),
            insp.id,
        )
    return {CARRIED_FACT: carried}


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
