"""Computed items about the schedule of checks: every teller covered in the week, and the check
on the last working day before a holiday block (domain.md §1; seed 000)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from branchcheck.engine.core import EvalContext, Outcome, Problem, rule, slot_param, text
from branchcheck.holidays import HolidayCalendar

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item


@rule("weekly_teller_coverage", check=slot_param)
def weekly_teller_coverage(item: Item, value: None, ctx: EvalContext) -> Outcome:
    """facts: tellers_on_duty {employee_no: name} this week (absences and post history applied;
    branchcheck.schedule.facts), else by_role {role: {employee_no: name}}; week_people {slot:
    {employee_no}} of this week's other checks of this kind. params: slot (who this check covers),
    role (default teller)."""
    slot = item.params["slot"]
    role = item.params.get("role", "teller")
    on_duty = ctx.facts.get("tellers_on_duty") if role == "teller" else None
    active: dict[str, str] = (
        on_duty if on_duty is not None else ctx.facts.get("by_role", {}).get(role, {})
    )
    covered = set(ctx.facts.get("week_people", {}).get(slot, set()))
    covered |= {p.employee_no for p in ctx.slot(slot)}
    missing = sorted(set(active) - covered)
    computed = {"active": len(active), "covered": len(set(active) & covered), "missing": missing}
    if not missing:
        return Outcome(
            "pass",
            text(
                f"本周已覆盖全部 {len(active)} 名柜员",
                f"all {len(active)} tellers covered this week",
            ),
            computed,
        )
    names = "、".join(active[m] for m in missing)
    names_en = ", ".join(active[m] for m in missing)
    cal: HolidayCalendar = ctx.facts.get("calendar") or HolidayCalendar()
    if ctx.local_date >= cal.last_workday_of_week(ctx.local_date):
        # one finding per teller: the repeat key names the teller, never the week
        problems = [
            Problem(
                title=text(
                    f"本周查库未覆盖柜员：{active[m]}", f"Teller not covered this week: {active[m]}"
                ),
                subject=m,
                responsible=ctx.inspector.employee_no,
            )
            for m in missing
        ]
        return Outcome(
            "fail", text(f"未覆盖：{names}", f"not covered: {names_en}"), computed, problems
        )
    return Outcome(
        "pending",
        text(f"本周尚未覆盖：{names}", f"not yet covered this week: {names_en}"),
        computed,
    )


def _labelled(display: dict[str, str], note: dict[str, str] | None) -> dict[str, str]:
    """The display with the calendar's note (an estimated or assumed holiday) appended."""
    if note is None:
        return display
    return {"zh": f"{display['zh']}（{note['zh']}）", "en": f"{display['en']} ({note['en']})"}


@rule("pre_holiday_check")
def pre_holiday_check(item: Item, value: None, ctx: EvalContext) -> Outcome:
    """facts: calendar, check_dates {date} of earlier checks of this kind. Where the holiday
    block (or the absence of one) depends on dates the official data does not cover, the
    calendar's note (按法定假日推算，以正式安排为准) is part of the outcome's display and computed."""
    cal: HolidayCalendar = ctx.facts.get("calendar") or HolidayCalendar()
    today = ctx.local_date
    min_days = ctx.settings.pre_holiday_min_days
    done: set[date] = set(ctx.facts.get("check_dates", set())) | {today}
    earliest: date | None = ctx.facts.get("first_check_date")
    # A block that began in the last two weeks whose eve had no check.
    for start, days in cal.holiday_blocks(today - timedelta(days=14), today, min_days):
        due = cal.last_workday_before(start)
        if due < today and due not in done and (earliest is None or due >= earliest):
            problem = Problem(
                title=text(
                    f"节前未查库：{start.isoformat()} 起 {days} 天假期前（{due.isoformat()}）",
                    f"No check before the {days}-day holiday from {start.isoformat()} (due {due.isoformat()})",
                ),
                subject="not_done",  # any holiday's eve: the date is not part of the repeat key
                responsible=ctx.inspector.employee_no,
            )
            note = cal.note([due, *cal.block_days(start)])
            return Outcome(
                "fail",
                _labelled(
                    text(f"{due.isoformat()} 应查未查", f"due {due.isoformat()}, not done"), note
                ),
                {"due": due.isoformat(), "done": False} | ({"calendar_note": note} if note else {}),
                [problem],
            )
    horizon = today + timedelta(days=ctx.settings.pre_holiday_lookahead_days)
    ahead = cal.holiday_blocks(today + timedelta(days=1), horizon, min_days)
    warning = cal.warning_text()
    computed: dict[str, Any] = {"warning": warning} if warning else {}
    if ahead:
        start, days = ahead[0]
        due = cal.last_workday_before(start)
        note = cal.note([due, *cal.block_days(start)])
        computed |= {"due": due.isoformat(), "holiday_start": start.isoformat(), "days": days}
        if note:
            computed["calendar_note"] = note
        if due == today:
            return Outcome(
                "pass",
                _labelled(
                    text(
                        f"本次即节前查库（{start.isoformat()} 起放假 {days} 天）",
                        f"this is the pre-holiday check ({days}-day holiday from {start.isoformat()})",
                    ),
                    note,
                ),
                computed,
            )
        return Outcome(
            "na",
            _labelled(
                text(
                    f"节前查库应于 {due.isoformat()} 进行（{start.isoformat()} 起放假 {days} 天）",
                    f"pre-holiday check due {due.isoformat()} ({days}-day holiday from {start.isoformat()})",
                ),
                note,
            ),
            computed,
        )
    note = cal.note(today + timedelta(days=i) for i in range(1, (horizon - today).days + 1))
    if note:
        computed["calendar_note"] = note
    return Outcome("na", _labelled(text("近期无节假日", "no holiday ahead"), note), computed)
