"""The checklist engine: item types and named rules, and the evaluation of an inspection."""

from branchcheck.engine import (  # noqa: F401  (register types and rules)
    accounts,
    atm,
    basic,
    cash,
    handover,
    schedule,
    vouchers,
)
from branchcheck.engine.core import (
    ITEM_TYPES,
    RULE_PARAMS,
    RULES,
    EvalContext,
    Outcome,
    PersonRef,
    Problem,
)

__all__ = ["ITEM_TYPES", "RULES", "RULE_PARAMS", "EvalContext", "Outcome", "PersonRef", "Problem"]
