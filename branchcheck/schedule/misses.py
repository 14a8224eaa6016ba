"""A missed obligation becomes a finding once its window has closed (sweep).

Each miss is one finding (origin "schedule", no inspection, obligation_key = the obligation's key,
item_key "schedule.<reason>"): a week without a vault check, a week whose checks left a teller
uncovered, a pre-holiday check not done, a periodic check or an expected event not done. Its
problem_key is the same for every period of the same obligation ("vault_check:schedule.weekly"),
and it is a repeat (屡查屡犯) when the previous period's same obligation was missed too. The
branch head answers for it (the first active staff with the role branch_head); its due date is
settings.due_days_for(severity) days after as_of. A miss the branch head explained is still a
finding: the explanation does not make it disappear. Running the sweep again makes nothing new
(one finding per obligation key), and nothing before the branch's first record is swept (see
branchcheck.schedule.ledger)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Finding, Staff
from branchcheck.schedule.facts import read_facts
from branchcheck.schedule.ledger import Entry, entries, env_for
from branchcheck.settings import Settings

ORIGIN = "schedule"
RISK_DRIVER = "supervision_lacking"  # 现场管理审核不到位
SEVERITY = {
    "weekly": "high",
    "pre_holiday": "high",
    "teller_coverage": "medium",
    "periodic": "medium",
    "events": "medium",
}
MISSED = ("missed", "explained")


def sweep(
    store: Store,
    as_of: date,
    *,
    now: datetime | None = None,
    settings: Settings | None = None,
    home: Path | None = None,
) -> list[str]:
    """Make the findings of the misses whose window closed by as_of; returns the new IDs."""
    env = env_for(settings, home)
    made: list[str] = []
    with store.session() as s:
        facts = read_facts(s)
        if facts.first_record is None:
            return []
        when = clock.local_or_now(now, env.settings.timezone)
        found = entries(facts, env, facts.first_record - timedelta(days=7), as_of, as_of)
        head = _branch_head(s)
        previous: dict[tuple[str, str], Entry] = {}
        for e in found:
            series = (e.ob.checklist, e.ob.reason)
            before = previous.get(series)
            previous[series] = e
            if e.ob.status not in MISSED or e.ob.key in facts.findings:
                continue
            severity = SEVERITY[e.ob.reason]
            finding = Finding(
                inspection_id=None,
                branch_id=facts.branch_id,
                checklist_key=e.ob.checklist,
                item_key=f"schedule.{e.ob.reason}",
                problem_key=f"{e.ob.checklist}:schedule.{e.ob.reason}",
                title=title(e, env.titles.get(e.ob.checklist)),
                severity=severity,
                risk_driver=RISK_DRIVER,
                responsible_id=head,
                due_date=(as_of + timedelta(days=env.settings.due_days_for(severity))).isoformat(),
                repeat=before is not None and before.ob.status in MISSED,
                created_at=clock.iso(when),
                origin=ORIGIN,
                obligation_key=e.ob.key,
            )
            s.add(finding)
            s.flush()
            audit.append(
                s,
                at=clock.iso(when),
                actor="system",
                action="finding.schedule",
                subject=finding.id,
                detail={
                    "obligation": e.ob.key,
                    "status": e.ob.status,
                    "due_on": e.ob.due_on,
                    "repeat": finding.repeat,
                },
            )
            made.append(finding.id)
    return made


def _branch_head(s: Session) -> int | None:
    for st in s.scalars(select(Staff).where(Staff.active.is_(True)).order_by(Staff.employee_no)):
        if "branch_head" in st.roles:
            return st.id
    return None


def title(e: Entry, checklist: dict[str, str] | None = None) -> dict[str, str]:
    """The finding's title, with the calendar's note where the date is estimated."""
    ob = e.ob
    label = ob.key.rsplit(":", 1)[-1]
    name = checklist or {"zh": ob.checklist, "en": ob.checklist}
    if ob.reason == "weekly":
        zh, en = (
            f"{label} 周未查库（应于 {ob.due_on} 前）",
            f"No vault check in week {label} (due {ob.due_on})",
        )
    elif ob.reason == "teller_coverage":
        names = [p.name for p in ob.uncovered]
        zh = f"{label} 周查库未覆盖柜员：{'、'.join(names)}"
        en = f"Tellers not covered in week {label}: {', '.join(names)}"
    elif ob.reason == "pre_holiday":
        start, days = e.detail.get("holiday_start", ""), e.detail.get("days", "")
        zh = f"节前未查库：{start} 起 {days} 天假期前（{ob.due_on}）"
        en = f"No check before the {days}-day holiday from {start} (due {ob.due_on})"
    elif ob.reason == "periodic":
        zh = f"{name['zh']}：{label} 期间未检查（应于 {ob.due_on} 前）"
        en = f"{name['en']}: no check in {label} (due {ob.due_on})"
    else:
        zh = f"{name['zh']}：{label} 应办 {ob.expected} 次，实办 {ob.count} 次"
        en = f"{name['en']}: {ob.count} of the {ob.expected} expected in {label}"
    note = ob.calendar_note
    if note:
        zh, en = f"{zh}（{note['zh']}）", f"{en} ({note['en']})"
    return {"zh": zh, "en": en}
