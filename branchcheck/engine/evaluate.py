"""Evaluating a whole inspection: pure functions over the answers and the context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from branchcheck.checklists.schema import Item, Template
from branchcheck.engine.core import ITEM_TYPES, RULES, EvalContext, Outcome, rule_name, text


@dataclass(frozen=True)
class FindingDraft:
    item_key: str
    title: dict[str, str]
    severity: str
    risk_driver: str
    responsible: str | None  # employee number
    due_date: str
    # the repeat key (屡查屡犯): checklist, item and the problem's subject — what failed (a teller,
    # a terminal's cassette, a box), never when or where on the form (no date, week or row)
    problem_key: str


@dataclass(frozen=True)
class Evaluation:
    outcomes: dict[str, Outcome]
    findings: list[FindingDraft] = field(default_factory=list)
    missing_required: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"pass": 0, "fail": 0, "na": 0, "pending": 0, "info": 0, "unanswered": 0}
        for o in self.outcomes.values():
            out[o.result] += 1
        return out


def evaluate_item(item: Item, value: Any, ctx: EvalContext, *, answered: bool) -> Outcome:
    itype = ITEM_TYPES[item.type]
    if itype.answerable and not answered:
        if item.required:
            return Outcome("unanswered", text("未答", "unanswered"))
        return Outcome("unanswered", text("未填写（选填）", "not filled in (optional)"))
    return RULES[rule_name(item)](item, value, ctx)


def responsible_for(item: Item, ctx: EvalContext) -> str | None:
    if item.responsible:
        persons = ctx.slot(item.responsible)
        if persons:
            return persons[0].employee_no
    return ctx.inspector.employee_no


def evaluate(template: Template, answers: dict[str, Any], ctx: EvalContext) -> Evaluation:
    """answers: item key → parsed answer value (only answered items present)."""
    ev = Evaluation(outcomes={})
    for item in template.items():
        answered = item.key in answers
        outcome = evaluate_item(item, answers.get(item.key), ctx, answered=answered)
        ev.outcomes[item.key] = outcome
        if outcome.result == "unanswered" and item.required:
            ev.missing_required.append(item.key)
        for problem in outcome.problems:
            severity = problem.severity or item.severity
            due = ctx.local_date + timedelta(days=ctx.settings.due_days_for(severity))
            if problem.due_date:
                due = date.fromisoformat(problem.due_date)
            ev.findings.append(
                FindingDraft(
                    item_key=item.key,
                    title=problem.title,
                    severity=severity,
                    risk_driver=item.risk_driver,
                    responsible=problem.responsible or responsible_for(item, ctx),
                    due_date=due.isoformat(),
                    problem_key=f"{template.key}:{item.key}:{problem.subject}",
                )
            )
    return ev
