"""Settlement account review (单位银行结算账户复核, domain.md §5): read a core-system export,
flag every account out of line with the account rules, write the review workbook.

Pure core: no Qt. Long work reports progress through a `progress(done, total)` callback."""

from branchcheck.accounts.columns import COLUMNS, OPTIONAL, REQUIRED, load_mapping
from branchcheck.accounts.reader import Account, ReadResult, RowError, read_accounts
from branchcheck.accounts.review import Review, review, review_json, write_review_xlsx
from branchcheck.accounts.rules import (
    FLAG_CODES,
    RULES,
    Flag,
    ReviewSettings,
    Rule,
    classify,
    years_before,
)

__all__ = [
    "COLUMNS",
    "FLAG_CODES",
    "OPTIONAL",
    "REQUIRED",
    "RULES",
    "Account",
    "Flag",
    "ReadResult",
    "Review",
    "ReviewSettings",
    "RowError",
    "Rule",
    "classify",
    "load_mapping",
    "read_accounts",
    "review",
    "review_json",
    "write_review_xlsx",
    "years_before",
]
