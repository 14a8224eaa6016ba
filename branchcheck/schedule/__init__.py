"""The branch's schedule of checks: what is due, what was missed, and the findings of misses.

    periods      ISO weeks, months, quarters, years, days and their labels
    facts        what the schedule reads from the store (counted records, tellers, absences)
    ledger       obligations(store, first, last, *, as_of) and due(store, as_of)
    misses       sweep(store, as_of): a missed obligation becomes a finding once
    explanations explain(store, key, *, reason, actor): the branch head's explanation of a miss

The parts load on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from branchcheck.lazy import lazy_names

if TYPE_CHECKING:
    from branchcheck.schedule.explanations import explain
    from branchcheck.schedule.ledger import due, obligations
    from branchcheck.schedule.misses import sweep

_PARTS = {
    "explanations": ("explain",),
    "ledger": ("due", "obligations"),
    "misses": ("sweep",),
}

__all__ = ["due", "explain", "obligations", "sweep"]
__getattr__ = lazy_names(__name__, _PARTS)
