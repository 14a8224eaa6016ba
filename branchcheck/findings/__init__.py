"""Findings (风险甄别 → 风险认定 → 闭环管理).

A finding is made when an inspection is completed (风险甄别, `record_findings`) and confirmed when
the people involved sign and the record is sealed (风险认定); a missed obligation of the schedule
or a key post held too long is a finding without a record. From then on it is managed here
(闭环管理):

    open (待整改) --start_rectification--> rectifying (整改中) --record_result--> rectifying
        --verify--> verified (已复查) --close--> closed (已关闭)
    open | rectifying --accept_exception--> exception (例外接受) --expiry--> open | rectifying

    reading    list_findings, get_finding, summary: read-only SQL, no ORM (a list starts fast)
    rules      who may take each step (the settings' supervising and closing roles)
    loop       record_findings (on complete), the four steps, next_steps: what may come next
    evidence   add_evidence, evidence_bytes: photos, scans, PDFs with their SHA-256
    exception  accept_exception, reopen_expired
    missed     核查问责: link_missed, missed_candidates, missed_counts
    register   export_register: the findings register as a workbook and a signed PDF

The parts load on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from branchcheck.lazy import lazy_names

if TYPE_CHECKING:
    from branchcheck.findings.evidence import (
        add_evidence,
        add_evidence_bytes,
        evidence_bytes,
        export_evidence,
    )
    from branchcheck.findings.exception import accept_exception, reopen_expired
    from branchcheck.findings.loop import (
        TRANSITIONS,
        Step,
        close,
        may_take,
        next_steps,
        record_findings,
        record_result,
        start_rectification,
        verify,
    )
    from branchcheck.findings.missed import link_missed, missed_candidates, missed_counts
    from branchcheck.findings.reading import STATES, get_finding, list_findings, summary
    from branchcheck.findings.register import export_register
    from branchcheck.findings.rules import Actor

_PARTS = {
    "evidence": ("add_evidence", "add_evidence_bytes", "evidence_bytes", "export_evidence"),
    "exception": ("accept_exception", "reopen_expired"),
    "loop": (
        "TRANSITIONS",
        "Step",
        "close",
        "may_take",
        "next_steps",
        "record_findings",
        "record_result",
        "start_rectification",
        "verify",
    ),
    "missed": ("link_missed", "missed_candidates", "missed_counts"),
    "reading": ("STATES", "get_finding", "list_findings", "summary"),
    "register": ("export_register",),
    "rules": ("Actor",),
}
__all__ = [
    "STATES",
    "TRANSITIONS",
    "Actor",
    "Step",
    "accept_exception",
    "add_evidence",
    "add_evidence_bytes",
    "close",
    "evidence_bytes",
    "export_evidence",
    "export_register",
    "get_finding",
    "link_missed",
    "list_findings",
    "may_take",
    "missed_candidates",
    "missed_counts",
    "next_steps",
    "record_findings",
    "record_result",
    "reopen_expired",
    "start_rectification",
    "summary",
    "verify",
]


__getattr__ = lazy_names(__name__, _PARTS)
