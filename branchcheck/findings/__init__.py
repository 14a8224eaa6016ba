"""Findings (风险甄别 → 风险认定 → 闭环管理).

A finding is made when an inspection is completed (风险甄别, `record_findings`) and confirmed when
the people involved sign and the record is sealed (风险认定). From then on it is managed here
(闭环管理):

    open (待整改) --start_rectification--> rectifying (整改中) --record_result--> rectifying
        --verify--> verified (已复查) --close--> closed (已关闭)

    reading  list_findings, get_finding, summary: read-only SQL, no ORM (a list command starts fast)
    loop     record_findings (on complete), the four steps, next_steps: what may come next, for whom

The parts load on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from branchcheck.lazy import lazy_names

if TYPE_CHECKING:
    from branchcheck.findings.loop import (
        TRANSITIONS,
        Step,
        close,
        next_steps,
        record_findings,
        record_result,
        start_rectification,
        verify,
    )
    from branchcheck.findings.reading import STATES, get_finding, list_findings, summary

_PARTS = {
    "loop": (
        "TRANSITIONS",
        "Step",
        "close",
        "next_steps",
        "record_findings",
        "record_result",
        "start_rectification",
        "verify",
    ),
    "reading": ("STATES", "get_finding", "list_findings", "summary"),
}
__all__ = [
    "STATES",
    "TRANSITIONS",
    "Step",
    "close",
    "get_finding",
    "list_findings",
    "next_steps",
    "record_findings",
    "record_result",
    "start_rectification",
    "summary",
    "verify",
]


__getattr__ = lazy_names(__name__, _PARTS)
