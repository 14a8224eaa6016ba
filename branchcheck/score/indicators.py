"""The compliance index as pure arithmetic (seed 002: 合规性指数 = Σ wᵢ·Cᵢ, each Cᵢ scored 3/2/1).

`compute` turns a period's counts (PeriodFacts) into a ComplianceIndex; nothing here reads the
store. The indicators, each scored by the bands of settings.index_bands:

- on_time_checks: scheduled checks (weekly, pre-holiday, periodic, event counts) done on time
  / those whose outcome is known in the period; a miss the branch head explained is still a miss.
- teller_coverage: tellers covered / tellers to cover, over the weeks of the period.
- findings_per_check: findings the period's sealed inspections made / those inspections (lower is
  better).
- rectified_on_time: findings due in the period rectified on or before their due date / findings
  due in the period, from the dates (a late rectification stays late).
- repeat_findings: repeats (屡查屡犯) / the period's findings (lower is better).
- missed_problems: findings of the period an earlier inspection passed as 合格 (应发现未发现, 核查
  问责) — a count (lower is better).

An indicator with nothing to measure (no check due, no finding due, no inspection, no finding)
scores 3, the best score, shown "—": nothing was due so nothing was missed, and an empty period
must not pull the index down. Its raw value is None."""

from __future__ import annotations

from dataclasses import dataclass

from branchcheck.settings import INDEX_DIRECTIONS, Settings
from branchcheck.views import ComplianceIndex, IndicatorScore

NOTHING = "—"

NAMES: dict[str, dict[str, str]] = {
    "on_time_checks": {"zh": "按时完成检查", "en": "Scheduled checks on time"},
    "teller_coverage": {"zh": "柜员覆盖率", "en": "Teller coverage"},
    "findings_per_check": {"zh": "每次检查发现问题数", "en": "Findings per check"},
    "rectified_on_time": {"zh": "按期整改率", "en": "Rectified on time"},
    "repeat_findings": {"zh": "屡查屡犯占比", "en": "Repeat findings"},
    "missed_problems": {"zh": "应发现未发现（核查问责）", "en": "Missed problems (accountability)"},
}
# how the raw value reads: a share (95.0%), a rate (0.40) or a count (2)
KINDS: dict[str, str] = {
    "on_time_checks": "share",
    "teller_coverage": "share",
    "findings_per_check": "rate",
    "rectified_on_time": "share",
    "repeat_findings": "share",
    "missed_problems": "count",
}
ORDER = tuple(INDEX_DIRECTIONS)


@dataclass(frozen=True)
class PeriodFacts:
    """The counts of one period (first and last day included) the index is computed from."""

    first: str
    last: str
    scheduled: int = 0  # scheduled checks whose outcome is known (done, overdue, missed, explained)
    on_time: int = 0  # of those, done on or before their due date
    tellers_expected: int = 0
    tellers_covered: int = 0
    checks: int = 0  # sealed inspections dated in the period
    check_findings: int = 0  # findings those inspections made
    findings_due: int = 0  # findings whose due date falls in the period
    rectified_on_time: int = 0  # of those, rectified on or before the due date
    findings: int = 0  # the period's findings, of every origin
    repeats: int = 0  # of those, repeats
    missed: int = 0  # of those, linked to an earlier inspection that passed them (应发现未发现)

    def ratio(self, key: str) -> tuple[int, int]:
        """The numerator and denominator of an indicator (a count's denominator is 1)."""
        return {
            "on_time_checks": (self.on_time, self.scheduled),
            "teller_coverage": (self.tellers_covered, self.tellers_expected),
            "findings_per_check": (self.check_findings, self.checks),
            "rectified_on_time": (self.rectified_on_time, self.findings_due),
            "repeat_findings": (self.repeats, self.findings),
            "missed_problems": (self.missed, 1),
        }[key]


def display(key: str, raw: float | None) -> str:
    if raw is None:
        return NOTHING
    kind = KINDS[key]
    if kind == "share":
        return f"{raw * 100:.1f}%"
    if kind == "rate":
        return f"{raw:.2f}"
    return f"{raw:g}"


def _bound(key: str, value: float) -> str:
    return display(key, value) if KINDS[key] != "count" else f"{value:g}"


def band_words(key: str, score: int, bands: list[float]) -> str:
    """The band a score stands for, each by its own bound: "≥ 90.0%" (score 3), "≥ 80.0%" (2),
    "< 80.0%" (1); "≤ 0.50", "≤ 1.50", "> 1.50"; for a count in whole numbers "≤ 0", "1–2",
    "≥ 3" (seed 002's 0 / 1–2 / ≥3)."""
    if KINDS[key] == "count" and all(float(b).is_integer() for b in bands):
        low, high = (int(b) for b in bands)
        middle = f"{low + 1}–{high}" if high > low + 1 else f"{high}"
        return {3: f"≤ {low}", 2: middle, 1: f"≥ {high + 1}"}[score]
    best, middle = (_bound(key, b) for b in bands)
    if INDEX_DIRECTIONS[key] == "higher":
        return {3: f"≥ {best}", 2: f"≥ {middle}", 1: f"< {middle}"}[score]
    return {3: f"≤ {best}", 2: f"≤ {middle}", 1: f"> {middle}"}[score]


def band_score(key: str, raw: float | None, bands: list[float]) -> int:
    """3, 2 or 1 by the bands; 3 when there is nothing to measure."""
    if raw is None:
        return 3
    best, middle = bands
    if INDEX_DIRECTIONS[key] == "higher":
        return 3 if raw >= best else 2 if raw >= middle else 1
    return 3 if raw <= best else 2 if raw <= middle else 1


def indicator(key: str, facts: PeriodFacts, settings: Settings) -> IndicatorScore:
    numerator, denominator = facts.ratio(key)
    raw = numerator / denominator if denominator else None
    bands = settings.index_bands[key]
    score = band_score(key, raw, bands)
    return IndicatorScore(
        key=key,
        name=NAMES[key],
        weight=settings.index_weights[key],
        raw=raw,
        numerator=numerator,
        denominator=denominator,
        display=display(key, raw),
        band=band_words(key, score, bands) if raw is not None else NOTHING,
        score=score,
    )


def compute(facts: PeriodFacts, settings: Settings) -> ComplianceIndex:
    """合规性指数 = Σ wᵢ·Cᵢ over the six indicators (between 1 and 3), rounded to 4 places."""
    scores = tuple(indicator(key, facts, settings) for key in ORDER)
    return ComplianceIndex(
        first=facts.first,
        last=facts.last,
        index=round(sum(s.weight * s.score for s in scores), 4),
        indicators=scores,
        checks=facts.checks,
        findings=facts.findings,
    )
