"""Settlement account management (结算账户管理, domain.md §5): the summary of the period's
account-list review, which another part of the app imports and decides account by account and puts
in the facts as ctx.facts["account_review"]."""

from __future__ import annotations

from typing import Any

from branchcheck.engine.core import EvalContext, Outcome, Problem, rule, text

# decision counts the review may carry besides "undecided"
DECISIONS = (
    ("applied", "已采取控制", "Control applied"),
    ("explained", "已说明", "Explained"),
    ("rectify", "限期整改", "To be rectified"),
)


def _flag_rows(by_flag: Any) -> list[list[Any]]:
    """by_flag maps a flag key to a count, or to {"zh", "en", "count"} (either is accepted)."""
    rows = []
    for key, v in (by_flag or {}).items():
        if isinstance(v, dict):
            label = v.get("zh") or v.get("label", {}).get("zh") or key
            n = v.get("count", 0)
        else:
            label, n = key, v
        rows.append([str(label), str(key), int(n) if isinstance(n, int) else 0])
    return rows


@rule("account_review_summary")
def account_review_summary(item, value, ctx: EvalContext) -> Outcome:
    """facts["account_review"]: {"review_id", "as_of", "accounts", "flagged", "undecided",
    "by_flag": {flag: count}}. Fails while flagged accounts remain without a decision."""
    review = ctx.facts.get("account_review")
    if not review:
        return Outcome("na", text("本期未导入账户清单", "no account list imported for this period"))
    accounts = int(review.get("accounts", 0))
    flagged = int(review.get("flagged", 0))
    undecided = int(review.get("undecided", 0))
    as_of = str(review.get("as_of", ""))
    computed = {
        "review_id": review.get("review_id"),
        "as_of": as_of,
        "accounts": accounts,
        "flagged": flagged,
        "undecided": undecided,
        "by_flag": {r[1]: r[2] for r in _flag_rows(review.get("by_flag"))},
        **{k: int(review[k]) for k, _, _ in DECISIONS if k in review},
    }
    table = {
        "key": item.key,
        "title": text(f"账户清单复核汇总（截至 {as_of}）", f"Account list review (as of {as_of})"),
        "columns": [
            {"key": "flag", "zh": "关注情形", "en": "Flag", "kind": "text"},
            {"key": "key", "zh": "代码", "en": "Code", "kind": "text"},
            {"key": "count", "zh": "账户数", "en": "Accounts", "kind": "count"},
        ],
        "rows": _flag_rows(review.get("by_flag")),
        "footer": [
            ["账户总数 Accounts", None, accounts],
            ["标记 Flagged", None, flagged],
            *[[f"{zh} {en}", None, int(review[k])] for k, zh, en in DECISIONS if k in review],
            ["未决 Undecided", None, undecided],
        ],
    }
    display = text(
        f"截至 {as_of}：账户 {accounts} 户，标记 {flagged} 户，未处理 {undecided} 户",
        f"as of {as_of}: {accounts} accounts, {flagged} flagged, {undecided} without a decision",
    )
    if undecided > 0:
        problem = Problem(
            title=text(
                f"账户清单复核：{undecided} 户标记账户尚未处理",
                f"Account review: {undecided} flagged account(s) without a decision",
            ),
            subject="undecided",
        )
        return Outcome("fail", display, computed, [problem], [table])
    return Outcome("pass", display, computed, tables=[table])
