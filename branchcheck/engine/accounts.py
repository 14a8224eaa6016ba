"""The settlement-account list review as a checklist item: the flagged accounts of an imported list,
each with the manager's decision — control applied, explained (with the reason), or to be
rectified by a date. Accounts to be rectified become findings with that date; accounts left
without a decision become findings too.

Also the account-management checklist's summary rule (结算账户管理, domain.md §5): the period's
review, which the store puts in the facts as ctx.facts["account_review"]."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from branchcheck.accounts.rules import RULES as ACCOUNT_RULES
from branchcheck.accounts.rules import allowed_decisions
from branchcheck.engine.basic import expect_answer
from branchcheck.engine.core import (
    EvalContext,
    ItemType,
    Outcome,
    Problem,
    Text,
    answer_error,
    item_type,
    needs_type,
    rule,
    text,
)
from branchcheck.engine.tables import Column, footer, table

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item
    from branchcheck.settings import Settings

DECISIONS: dict[str, dict[str, str]] = {
    "applied": {"zh": "已采取控制", "en": "Control applied"},
    "explained": {"zh": "已说明", "en": "Explained"},
    "rectify": {"zh": "限期整改", "en": "To be rectified"},
}
ROW_FIELDS = {
    "account_no",
    "account_name",
    "customer_id",
    "flags",
    "flag_labels",
    "control",
    "source",
    "decision",
    "reason",
    "due_date",
}
SOURCE_FIELDS = {"file", "sha256", "as_of", "accounts", "flagged", "errors", "warnings", "by_flag"}


DECISION_FIELDS = {"decision", "reason", "due_date"}


def proposed_due_date(review_date: date, settings: Settings) -> date:
    """The deadline proposed when an account is marked to be rectified: the review's (the
    inspection's) date plus settings.rectify_days."""
    return review_date + timedelta(days=settings.rectify_days)


def _decision(
    item: Item,
    no: str,
    row: dict[str, Any],
    where: str,
    flags: list[str],
    ctx: EvalContext | None,
) -> tuple[str | None, str, str | None]:
    decision = row.get("decision")
    if decision not in (None, *DECISIONS):
        raise answer_error(
            item, f"account {no}: decision must be one of {', '.join(DECISIONS)}, got {decision!r}"
        )
    allowed = allowed_decisions(flags)
    if decision is not None and decision not in allowed:
        barred = [
            ACCOUNT_RULES[f].label_zh
            for f in flags
            if f in ACCOUNT_RULES and decision not in ACCOUNT_RULES[f].decisions
        ]
        raise answer_error(
            item,
            f"账户 {no}：{'、'.join(barred)}不能以“{DECISIONS[decision]['zh']}”处理，"
            f"可选：{'、'.join(DECISIONS[d]['zh'] for d in allowed)} / account {no}: "
            f"{decision} is not allowed for {', '.join(f for f in flags if f in ACCOUNT_RULES)}",
        )
    reason = _text(row, "reason", where, item, limit=1000)
    due = row.get("due_date")
    if decision == "explained" and not reason:
        raise answer_error(item, f"account {no}: an explanation needs its reason")
    if decision == "rectify":
        try:
            day = date.fromisoformat(str(due))
        except ValueError:
            raise answer_error(
                item, f"account {no}: to be rectified needs a due date (YYYY-MM-DD), got {due!r}"
            ) from None
        if ctx is not None:
            _check_due(item, no, day, ctx)
        due = day.isoformat()
    else:
        due = None
    return decision, reason, due


def _check_due(item: Item, no: str, day: date, ctx: EvalContext) -> None:
    """A deadline from the review's (the inspection's) date to settings.rectify_max_days on."""
    review_day, most = ctx.local_date, ctx.settings.rectify_max_days
    if day < review_day:
        raise answer_error(
            item,
            f"账户 {no}：整改期限 {day.isoformat()} 早于复核日期 {review_day.isoformat()} / "
            "the due date is before the review's date",
        )
    if day > review_day + timedelta(days=most):
        raise answer_error(
            item,
            f"账户 {no}：整改期限 {day.isoformat()} 超过复核日期后 {most} 天"
            f"（最晚 {(review_day + timedelta(days=most)).isoformat()}） / "
            f"the due date is more than {most} days after the review",
        )


def _text(row: dict[str, Any], key: str, where: str, item: Item, *, limit: int = 500) -> str:
    value = row.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value) > limit:
        raise answer_error(item, f"{where}: {key} must be text of at most {limit} characters")
    return value.strip()


@item_type
class AccountListReview(ItemType):
    """Answer: {"source": {"file", "sha256", "as_of", "accounts", "flagged", "errors", "by_flag"},
    "rows": [{"account_no", "account_name", "customer_id", "flags": [FLAG, ...], "flag_labels",
    "control", "source", "decision": applied|explained|rectify|null, "reason", "due_date"}]}"""

    name = "account_list_review"
    default_rule = "account_decisions"
    takes_parts = True

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        if not isinstance(raw, dict) or not isinstance(raw.get("rows"), list):
            raise answer_error(item, "answer must be an object with 'source' and a 'rows' list")
        source = raw.get("source") or {}
        if not isinstance(source, dict) or set(source) - SOURCE_FIELDS:
            raise answer_error(item, f"'source' takes only {', '.join(sorted(SOURCE_FIELDS))}")
        rows, seen = [], set()
        for i, row in enumerate(raw["rows"]):
            where = f"row {i + 1}"
            if not isinstance(row, dict):
                raise answer_error(item, f"{where} must be an object")
            unknown = set(row) - ROW_FIELDS
            if unknown:
                raise answer_error(item, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
            no = _text(row, "account_no", where, item, limit=64)
            if not no:
                raise answer_error(item, f"{where}: the account number is missing")
            if no in seen:
                raise answer_error(item, f"{where}: account {no} appears twice")
            seen.add(no)
            flags = row.get("flags") or []
            if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
                raise answer_error(
                    item, f"{where} (account {no}): flags must be a list of flag codes"
                )
            decision, reason, due = _decision(item, no, row, where, list(flags), ctx)
            rows.append(
                {
                    "account_no": no,
                    "account_name": _text(row, "account_name", where, item),
                    "customer_id": _text(row, "customer_id", where, item, limit=64),
                    "flags": list(flags),
                    "flag_labels": _text(row, "flag_labels", where, item),
                    "control": _text(row, "control", where, item, limit=1000),
                    "source": _text(row, "source", where, item, limit=1000),
                    "decision": decision,
                    "reason": reason,
                    "due_date": due,
                }
            )
        return {"source": dict(source), "rows": rows}

    def parse_part(
        self, item: Item, value: dict[str, Any], part: str, raw: Any, ctx: EvalContext | None
    ) -> dict[str, Any]:
        """One account's decision: {"decision", "reason", "due_date"}; the part is the account no."""
        row = next((r for r in value["rows"] if r["account_no"] == part), None)
        if row is None:
            raise answer_error(
                item, f"account {part} is not among the flagged accounts of this review"
            )
        if not isinstance(raw, dict) or set(raw) - DECISION_FIELDS:
            raise answer_error(item, f"a decision takes {', '.join(sorted(DECISION_FIELDS))}")
        decision, reason, due = _decision(item, part, raw, f"account {part}", row["flags"], ctx)
        return {"decision": decision, "reason": reason, "due_date": due}

    def part_outcome(self, item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
        """The counts only: building every finding of a long list on each decision is waste."""
        return Outcome("fail" if _open(summary(value)) else "pass", _display(value), summary(value))

    def merge_parts(
        self, item: Item, value: dict[str, Any], parts: dict[str, Any]
    ) -> dict[str, Any]:
        if not parts:
            return value
        rows = [
            r | parts[r["account_no"]] if r["account_no"] in parts else r for r in value["rows"]
        ]
        return {"source": value["source"], "rows": rows}

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        n = len(value["rows"])
        return text(f"{n} 户标记账户", f"{n} flagged account(s)")


def summary(value: dict[str, Any]) -> dict[str, Any]:
    rows = value["rows"]
    by_decision = {k: sum(1 for r in rows if r["decision"] == k) for k in DECISIONS}
    return {
        "accounts": value["source"].get("accounts", len(rows)),
        "flagged": len(rows),
        "undecided": sum(1 for r in rows if r["decision"] is None),
        **by_decision,
        "by_flag": value["source"].get("by_flag", {}),
    }


def _open(counts: dict[str, Any]) -> bool:
    return bool(counts["undecided"] or counts["rectify"])


def _display(value: dict[str, Any]) -> dict[str, str]:
    c, as_of = summary(value), value["source"].get("as_of", "")
    return text(
        f"截至 {as_of}：{c['accounts']} 户，标记 {c['flagged']} 户，"
        f"未处理 {c['undecided']} 户，限期整改 {c['rectify']} 户",
        f"as of {as_of}: {c['accounts']} accounts, {c['flagged']} flagged, "
        f"{c['undecided']} undecided, {c['rectify']} to rectify",
    )


LIST_COLUMNS = (
    Column("account_no", "账号", "Account"),
    Column("account_name", "户名", "Name"),
    Column("flags", "标志", "Flags"),
    Column("control", "应采取控制", "Required control"),
    Column("decision", "处理决定", "Decision"),
    Column("note", "说明", "Note"),
)


def _english(flags: list[str], part: str) -> str:
    """The flags' labels or controls in English (the row keeps the Chinese), codes when unknown."""
    known = [ACCOUNT_RULES[f] for f in flags if f in ACCOUNT_RULES]
    if len(known) < len(flags):
        return ", ".join(flags)
    texts = (rule.label_en if part == "label" else rule.control_en for rule in known)
    return "; ".join(dict.fromkeys(texts))


@rule("account_decisions", check=needs_type("account_list_review"))
def account_decisions(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    problems: list[Problem] = []
    table_rows = []
    for r in value["rows"]:
        label = f"{r['account_no']} {r['account_name']}".strip()
        decision = DECISIONS.get(r["decision"] or "", {"zh": "未处理", "en": "undecided"})
        note = r["reason"] + (f"（整改期限 {r['due_date']}）" if r["due_date"] else "")
        table_rows.append(
            [
                r["account_no"],
                r["account_name"],
                r["flag_labels"] or "、".join(r["flags"]),
                r["control"],
                decision["zh"],
                note,
            ]
        )
        if r["decision"] == "rectify":
            problems.append(
                Problem(
                    title=text(
                        f"账户{label}：{r['flag_labels']}，应{r['control']}",
                        f"Account {label}: {_english(r['flags'], 'label')}; "
                        f"{_english(r['flags'], 'control')}",
                    ),
                    subject=r["account_no"],
                    due_date=r["due_date"],
                )
            )
        elif r["decision"] is None:
            problems.append(
                Problem(
                    title=text(
                        f"账户{label}：标记未处理（{r['flag_labels']}）",
                        f"Account {label}: flagged, no decision ({_english(r['flags'], 'label')})",
                    ),
                    subject=f"{r['account_no']}:undecided",
                )
            )
    computed = summary(value)
    listed = table(item.key, text("账户清单复核", "Account list review"), LIST_COLUMNS, table_rows)
    display = _display(value)
    return Outcome("fail" if problems else "pass", display, computed, problems, [listed])


# ---------------------------------------------------------------- account management


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


SUMMARY_COLUMNS = (
    Column("flag", "关注情形", "Flag"),
    Column("key", "代码", "Code"),
    Column("count", "账户数", "Accounts", "count"),
)


@rule("account_review_summary")
def account_review_summary(item: Item, value: None, ctx: EvalContext) -> Outcome:
    """facts["account_review"]: {"review_id", "as_of", "accounts", "flagged", "undecided",
    "applied", "explained", "rectify", "by_flag": {flag: count}}. Follows the review's account
    list: fails while flagged accounts remain without a decision or are to be rectified."""
    review = ctx.facts.get("account_review")
    if not review:
        return Outcome("na", text("本期未导入账户清单", "no account list imported for this period"))
    accounts = int(review.get("accounts", 0))
    flagged = int(review.get("flagged", 0))
    undecided = int(review.get("undecided", 0))
    rectify = int(review.get("rectify", 0))
    as_of = str(review.get("as_of", ""))
    computed = {
        "review_id": review.get("review_id"),
        "as_of": as_of,
        "accounts": accounts,
        "flagged": flagged,
        "undecided": undecided,
        "by_flag": {r[1]: r[2] for r in _flag_rows(review.get("by_flag"))},
        **{k: int(review[k]) for k in DECISIONS if k in review},
    }
    counts = table(
        item.key,
        text(f"账户清单复核汇总（截至 {as_of}）", f"Account list review (as of {as_of})"),
        SUMMARY_COLUMNS,
        _flag_rows(review.get("by_flag")),
        [
            footer("账户总数 Accounts", count=accounts),
            footer("标记 Flagged", count=flagged),
            *[
                footer(f"{d['zh']} {d['en']}", count=int(review[k]))
                for k, d in DECISIONS.items()
                if k in review
            ],
            footer("未决 Undecided", count=undecided),
        ],
    )
    display = text(
        f"截至 {as_of}：账户 {accounts} 户，标记 {flagged} 户，未处理 {undecided} 户，"
        f"限期整改 {rectify} 户",
        f"as of {as_of}: {accounts} accounts, {flagged} flagged, {undecided} without a decision, "
        f"{rectify} to rectify",
    )
    problems = []
    if undecided > 0:
        problems.append(
            Problem(
                title=text(
                    f"账户清单复核：{undecided} 户标记账户尚未处理",
                    f"Account review: {undecided} flagged account(s) without a decision",
                ),
                subject="undecided",
            )
        )
    if rectify > 0:
        problems.append(
            Problem(
                title=text(
                    f"账户清单复核：{rectify} 户标记账户限期整改中",
                    f"Account review: {rectify} flagged account(s) to be rectified",
                ),
                subject="rectify",
            )
        )
    return Outcome("fail" if problems else "pass", display, computed, problems, [counts])


@rule("accounts_checked_review", check=needs_type("count"))
def accounts_checked_review(item: Item, value: int, ctx: EvalContext) -> Outcome:
    """The accounts checked must agree with the period's review, when there is one: the review
    classified every account of its list."""
    review = ctx.facts.get("account_review")
    unit = item.params.get("unit", {"zh": "户", "en": "accounts"})
    if not review:
        return Outcome(
            "info", text(f"{value}{unit.get('zh', '')}", f"{value} {unit.get('en', '')}")
        )
    listed = int(review.get("accounts", 0))
    as_of = str(review.get("as_of", ""))
    if value == listed:
        return Outcome(
            "pass",
            text(
                f"{value}户（与截至 {as_of} 的账户清单复核一致）",
                f"{value} accounts (as in the account list review as of {as_of})",
            ),
        )
    title = text(
        f"本次抽查账户数 {value} 户与截至 {as_of} 的账户清单复核 {listed} 户不一致",
        f"{value} accounts checked, but the account list review as of {as_of} holds {listed}",
    )
    return Outcome("fail", title, problems=[Problem(title=title, subject="accounts_checked")])


@rule("expired_documents_period", check=needs_type("yes_no"))
def expired_documents_period(item: Item, value: str, ctx: EvalContext) -> Outcome:
    """The yes/no answer on expired documents, with the reasonable period of the branch's
    settings (the same docs_grace_days the account review's DOCS_EXPIRED rule uses)."""
    out = expect_answer(item, value, ctx)
    days = ctx.settings.docs_grace_days
    period = text(f"合理期限 {days} 天", f"reasonable period {days} days")
    display = text(
        f"{out.display['zh']}（{period['zh']}）", f"{out.display['en']} ({period['en']})"
    )
    problems = [
        Problem(
            title=text(f"{p.title['zh']}（{period['zh']}）", f"{p.title['en']} ({period['en']})"),
            subject=p.subject,
        )
        for p in out.problems
    ]
    return Outcome(out.result, display, out.computed, problems, out.tables)
