"""The period report a person asks for (`branchcheck score`, the desk's 期间报告): the schedule's
obligations of the period and of the same period a year earlier, scored; and its files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from branchcheck import clock
from branchcheck.db import Store
from branchcheck.errors import AnswerError
from branchcheck.score.gather import (
    InspectorMisses,
    MonthRow,
    missed_by_inspector,
    monthly,
    report,
    year_earlier,
)
from branchcheck.views import ScoreReport


@dataclass(frozen=True)
class PeriodReport:
    score: ScoreReport
    monthly: tuple[MonthRow, ...]
    as_of: str
    missed_by_inspector: tuple[InspectorMisses, ...] = ()  # 核查问责, most first


def _today() -> date:
    from branchcheck.paths import data_home
    from branchcheck.settings import load_settings

    return clock.now(load_settings(data_home()).timezone).date()


def period_report(
    store: Store, first: date, last: date, *, as_of: date | None = None
) -> PeriodReport:
    """The compliance index of [first, last] as the store stands on as_of (the branch's today by
    default), against the same period a year earlier, with each month's index. A period that has
    not begun is refused; one that runs past as_of is scored on what is known so far."""
    from branchcheck.schedule import obligations

    today = as_of or _today()
    if first > last:
        raise AnswerError(
            f"期间的起始日 {first.isoformat()} 晚于截止日 {last.isoformat()} / "
            f"the period's first day {first.isoformat()} is after its last day {last.isoformat()}"
        )
    if first > today:
        raise AnswerError(
            f"期间起始日 {first.isoformat()} 在今天（{today.isoformat()}）之后 / the period begins "
            f"after today ({today.isoformat()})"
        )
    current = obligations(store, first, last, as_of=today)
    earlier = obligations(store, year_earlier(first), year_earlier(last), as_of=today)
    scored = report(
        store, first, last, obligations=current, previous_obligations=earlier, as_of=today
    )
    months = monthly(store, first, last, obligations=current, as_of=today)
    missed = missed_by_inspector(store, first, last)
    return PeriodReport(scored, tuple(months), today.isoformat(), tuple(missed))


def export_period_report(
    store: Store,
    first: date,
    last: date,
    out_dir: Path,
    *,
    as_of: date | None = None,
    lang: str = "zh",
) -> list[Path]:
    """The period report as a workbook with native charts and as a PDF, in out_dir."""
    from branchcheck.people.register import get_branch
    from branchcheck.score.report_excel import export_excel
    from branchcheck.score.report_pdf import export_pdf

    made = period_report(store, first, last, as_of=as_of)
    with store.session() as s:
        b = get_branch(s)
        branch = (
            f"{b.name} ({b.code})" if lang == "zh" or not b.name_en else f"{b.name_en} ({b.code})"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"compliance_{first.isoformat()}_{last.isoformat()}"
    return [
        export_excel(
            made.score,
            out_dir / f"{stem}.xlsx",
            branch=branch,
            lang=lang,
            monthly=made.monthly,
            missed=made.missed_by_inspector,
        ),
        export_pdf(
            made.score,
            out_dir / f"{stem}.pdf",
            branch=branch,
            lang=lang,
            monthly=made.monthly,
            missed=made.missed_by_inspector,
        ),
    ]
