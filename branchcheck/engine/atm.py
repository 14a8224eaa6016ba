"""ATM loading and balancing (ATM 加钞/清机, domain.md §3; seed 000): the cassette table (what was
loaded, what the machine paid out, what is counted back), the counted cash against the expected
remainder and the host book, the new load against the cash issued for it, and ATM cash differences
still outstanding. 差额 = 实点 − 账面; > 0 长款, < 0 短款; cassettes never offset each other."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from branchcheck.engine.cash import (
    check_denominations,
    diff_label,
    diff_text,
    difference,
    over_short_text,
    overages_shortages,
)
from branchcheck.engine.core import (
    Cell,
    EvalContext,
    ItemType,
    Outcome,
    Problem,
    Text,
    answer_error,
    item_type,
    needs_type,
    require_int,
    rule,
    text,
)
from branchcheck.engine.tables import Column, footer, table
from branchcheck.money import format_fen

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item, Template

ROW_FIELDS = (
    "cassette",
    "denomination",
    "last_load",
    "dispensed",
    "remaining",
    "rejected",
    "new_load",
)
TOP_FIELDS = ("cassettes", "deposit_fen", "slip_fen", "host_fen", "load_book_fen")


@item_type
class CassetteTable(ItemType):
    """Answer: {"cassettes": [{"cassette": "1", "denomination": "n100", "last_load": pieces,
    "dispensed": pieces paid out (host/slip), "remaining": pieces counted in the cassette,
    "rejected": pieces in the reject/retract bin, "new_load": pieces loaded now (optional)}],
    "deposit_fen": counted deposit-cassette cash (optional), "host_fen": host book balance,
    "slip_fen": the machine slip's balance (optional), "load_book_fen": cash issued for this load
    (optional)}. params.denominations as for cash_count."""

    name = "cassette_table"
    default_rule = "atm_balances"

    def check_item(self, item: Item, template: Template) -> list[str]:
        return check_denominations(item, template)

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        if not isinstance(raw, dict) or not isinstance(raw.get("cassettes"), list):
            raise answer_error(item, "answer must be an object with a 'cassettes' list")
        unknown = set(raw) - set(TOP_FIELDS)
        if unknown:
            raise answer_error(item, f"unknown field(s) {', '.join(sorted(unknown))}")
        keys = [d["key"] for d in item.params["denominations"]]
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for i, row in enumerate(raw["cassettes"]):
            where = f"cassette row {i + 1}"
            if not isinstance(row, dict):
                raise answer_error(item, f"{where} must be an object")
            if set(row) - set(ROW_FIELDS):
                raise answer_error(
                    item,
                    f"{where}: unknown field(s) {', '.join(sorted(set(row) - set(ROW_FIELDS)))}",
                )
            name = str(row.get("cassette", i + 1)).strip()
            if name in seen:
                raise answer_error(item, f"{where}: cassette '{name}' appears twice")
            seen.add(name)
            den = row.get("denomination")
            if den not in keys:
                raise answer_error(
                    item, f"{where}: unknown denomination {den!r} (known: {', '.join(keys)})"
                )
            parsed: dict[str, Any] = {"cassette": name, "denomination": den}
            row_name = text(f"{name} 号钞箱", f"cassette {name}")
            for f in ROW_FIELDS[2:]:
                cell = Cell(i + 1, row_name, f, _column_words(f))
                parsed[f] = require_int(item, row.get(f, 0), f"cassette {name} {f}", cell=cell)
            if parsed["dispensed"] > parsed["last_load"]:
                raise answer_error(
                    item,
                    f"cassette {name}: dispensed ({parsed['dispensed']}) is more than "
                    f"was loaded ({parsed['last_load']})",
                    words=text(
                        f"{item.text['zh']}：第 {i + 1} 行（{name} 号钞箱）已付出张数"
                        f"（{parsed['dispensed']}）多于上次加钞张数（{parsed['last_load']}）",
                        f"{item.text['en']}: row {i + 1} (cassette {name}), dispensed "
                        f"({parsed['dispensed']}) is more than the last load "
                        f"({parsed['last_load']})",
                    ),
                    row=i + 1,
                    column="dispensed",
                )
            rows.append(parsed)
        if "host_fen" not in raw:
            raise answer_error(item, "the host book balance (host_fen) is missing")
        out: dict[str, Any] = {
            "cassettes": rows,
            "deposit_fen": require_int(item, raw.get("deposit_fen", 0), "deposit_fen"),
            "host_fen": require_int(item, raw["host_fen"], "host_fen"),
        }
        for f in ("slip_fen", "load_book_fen"):
            out[f] = None if raw.get(f) is None else require_int(item, raw[f], f)
        return out

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        return text(f"{len(value['cassettes'])} 个钞箱", f"{len(value['cassettes'])} cassette(s)")


def faces(item: Item) -> dict[str, dict[str, Any]]:
    return {d["key"]: d for d in item.params["denominations"]}


def balance(item: Item, value: dict[str, Any]) -> dict[str, Any]:
    """Per cassette: expected remainder = last load − dispensed, counted = remaining + rejected;
    totals in fen: counted cash = Σ (remaining + rejected) × face, plus the deposit cassette."""
    den = faces(item)
    rows = []
    for r in value["cassettes"]:
        face = den[r["denomination"]]["face_fen"]
        expected = r["last_load"] - r["dispensed"]
        counted = r["remaining"] + r["rejected"]
        rows.append(
            r
            | {
                "face_fen": face,
                "expected": expected,
                "counted": counted,
                "diff_pieces": difference(counted, expected),
                "diff_fen": difference(counted, expected) * face,
                "load_fen": r["new_load"] * face,
            }
        )
    counted_cash = sum(r["counted"] * r["face_fen"] for r in rows)
    expected_fen = sum(r["expected"] * r["face_fen"] for r in rows)
    counted_fen = counted_cash + value["deposit_fen"]
    load_fen = sum(r["load_fen"] for r in rows)
    out = {
        "rows": rows,
        "expected_fen": expected_fen,
        "counted_cash_fen": counted_cash,
        "deposit_fen": value["deposit_fen"],
        "counted_fen": counted_fen,
        "diff_expected_fen": difference(counted_cash, expected_fen),
        "host_fen": value["host_fen"],
        "diff_host_fen": difference(counted_fen, value["host_fen"]),
        "slip_fen": value["slip_fen"],
        "load_fen": load_fen,
        "load_book_fen": value["load_book_fen"],
        "diff_load_fen": None
        if value["load_book_fen"] is None
        else difference(load_fen, value["load_book_fen"]),
    }
    return out


def _column_words(key: str) -> Text:
    column = next(c for c in CASSETTE_COLUMNS if c.key == key)
    return text(column.zh, column.en)


CASSETTE_COLUMNS = (
    Column("cassette", "钞箱", "Cassette"),
    Column("denomination", "券别", "Denomination"),
    Column("face", "面额", "Face value", "money"),
    Column("last_load", "上次加钞张数", "Last load", "count"),
    Column("dispensed", "已付出张数", "Dispensed", "count"),
    Column("expected", "应余张数", "Expected", "count"),
    Column("remaining", "钞箱剩余", "Remaining", "count"),
    Column("rejected", "废钞/回收", "Rejected/retracted", "count"),
    Column("counted", "实点张数", "Counted", "count"),
    Column("diff", "差额", "Difference", "diff"),
    Column("new_load", "本次加钞张数", "This load", "count"),
    Column("load_amount", "本次加钞金额", "Load amount", "money"),
)


@rule("atm_balances", check=needs_type("cassette_table"))
def atm_balances(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    b = balance(item, value)
    den = faces(item)
    problems: list[Problem] = []
    for r in b["rows"]:
        if r["diff_fen"]:
            shown = diff_text(r["diff_fen"])
            label = den[r["denomination"]]["label"]
            problems.append(
                Problem(
                    title=text(
                        f"钞箱 {r['cassette']}（{label['zh']}）清点与应余不符：{shown['zh']}",
                        f"Cassette {r['cassette']} ({label['en']}) against the expected remainder: "
                        f"{shown['en']}",
                    ),
                    subject=f"{ctx.answers.get('terminal_id', '')}:cassette {r['cassette']}:"
                    f"{diff_label(r['diff_fen'])['en']}",
                )
            )
    # A host difference the cassettes already explain is the same money: found once, not twice.
    explained = bool(problems) and b["diff_host_fen"] == b["diff_expected_fen"]
    if b["diff_host_fen"] and not explained:
        shown = diff_text(b["diff_host_fen"])
        problems.append(
            Problem(
                title=text(
                    f"ATM 现金实点与主机账面不符：{shown['zh']}",
                    f"ATM cash counted against the host book: {shown['en']}",
                ),
                subject=f"{ctx.answers.get('terminal_id', '')}:host:"
                f"{diff_label(b['diff_host_fen'])['en']}",
            )
        )
    if b["slip_fen"] is not None and b["slip_fen"] != b["host_fen"]:
        problems.append(
            Problem(
                title=text(
                    f"机具凭条余额 {format_fen(b['slip_fen'])} 与主机账面 {format_fen(b['host_fen'])} 不符",
                    f"Slip balance {format_fen(b['slip_fen'])} ≠ host book {format_fen(b['host_fen'])}",
                ),
                subject=f"{ctx.answers.get('terminal_id', '')}:slip",
            )
        )
    if b["diff_load_fen"]:
        shown = diff_text(b["diff_load_fen"])
        problems.append(
            Problem(
                title=text(
                    f"本次加钞金额与出库（尾箱）付出金额不符：{shown['zh']}",
                    f"This load against the cash issued for it: {shown['en']}",
                ),
                subject=f"{ctx.answers.get('terminal_id', '')}:load:"
                f"{diff_label(b['diff_load_fen'])['en']}",
            )
        )

    overage, shortage = overages_shortages([r["diff_fen"] for r in b["rows"]])
    totals = [
        footer("钞箱长款合计 Overages", diff=overage),
        footer("钞箱短款合计 Shortages", diff=-shortage),
        footer("钞箱实点 Cassettes counted", load_amount=b["counted_cash_fen"]),
        footer("应余金额 Expected", load_amount=b["expected_fen"]),
        footer("存款钞箱 Deposit cassette", load_amount=b["deposit_fen"]),
        footer("实点合计 Counted total", load_amount=b["counted_fen"]),
        footer("主机账面 Host book", load_amount=b["host_fen"]),
        footer("差额（对主机）Difference", diff=b["diff_host_fen"]),
    ]
    if b["slip_fen"] is not None:
        totals.append(footer("凭条余额 Slip balance", load_amount=b["slip_fen"]))
    if b["load_book_fen"] is not None:
        totals.append(footer("加钞出库金额 Issued for load", load_amount=b["load_book_fen"]))
    cassettes = table(
        item.key,
        text("ATM 钞箱清点表", "ATM cassettes"),
        CASSETTE_COLUMNS,
        [
            [
                r["cassette"],
                den[r["denomination"]]["label"]["zh"],
                r["face_fen"],
                r["last_load"],
                r["dispensed"],
                r["expected"],
                r["remaining"],
                r["rejected"],
                r["counted"],
                r["diff_fen"],
                r["new_load"],
                r["load_fen"],
            ]
            for r in b["rows"]
        ],
        totals,
    )
    computed = {k: v for k, v in b.items() if k != "rows"} | {
        "diff_host_kind": diff_label(b["diff_host_fen"])["en"],
        "diff_expected_kind": diff_label(b["diff_expected_fen"])["en"],
        # cassettes never offset each other: their overages and shortages, never a net figure
        "overage_fen": overage,
        "shortage_fen": shortage,
    }
    head = text(
        f"实点 {format_fen(b['counted_fen'])}，主机账面 {format_fen(b['host_fen'])}",
        f"counted {format_fen(b['counted_fen'])}, host book {format_fen(b['host_fen'])}",
    )
    parts_zh, parts_en = [head["zh"]], [head["en"]]
    if overage or shortage:
        split = over_short_text(overage, shortage, ctx.settings)
        parts_zh.append(f"钞箱{split['zh']}")
        parts_en.append(f"cassettes: {split['en']}")
    if b["diff_host_fen"] and not explained:
        shown = diff_text(b["diff_host_fen"])
        parts_zh.append(f"对主机账面{shown['zh']}")
        parts_en.append(f"against the host book: {shown['en']}")
    if len(parts_zh) == 1:
        parts_zh.append("钞箱与主机账面均相符")
        parts_en.append("cassettes and host book balance")
    display = text("；".join(parts_zh), "; ".join(parts_en))
    return Outcome("fail" if problems else "pass", display, computed, problems, [cassettes])


# ---------------------------------------------------------------- differences still outstanding

DEFAULT_MAX_DAYS = 7


def _check_max_days(item: Item, template: Template) -> list[str]:
    v = item.params.get("max_days", DEFAULT_MAX_DAYS)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        return ["params.max_days must be a whole number of days (≥ 0)"]
    return []


def max_days(item: Item) -> int:
    """How many days a difference may stay outstanding (params.max_days, default 7)."""
    return int(item.params.get("max_days", DEFAULT_MAX_DAYS))


@dataclass(frozen=True)
class Age:
    days: int  # since it was booked, to the inspection date
    overdue: bool  # older than the item's max_days


def age(item: Item, booked_on: str, today: date) -> Age:
    """A difference booked on `booked_on` (YYYY-MM-DD) as of `today`: its age and whether it is
    overdue — the one test, shared by the rule and the answer widget."""
    days = (today - date.fromisoformat(booked_on)).days
    return Age(days, days > max_days(item))


@item_type
class OpenDifferences(ItemType):
    """Answer: {"rows": [{"booked_on": "YYYY-MM-DD", "amount_fen": signed int (> 0 长款, < 0 短款),
    "note": ""}]} — ATM differences booked to the suspense account and not yet cleared."""

    name = "open_differences"
    default_rule = "differences_outstanding"

    def check_item(self, item: Item, template: Template) -> list[str]:
        return _check_max_days(item, template)

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("rows"), list)
            or set(raw) - {"rows"}
        ):
            raise answer_error(
                item, "answer must be an object with a 'rows' list (empty when none)"
            )
        rows = []
        for i, row in enumerate(raw["rows"]):
            where = f"row {i + 1}"
            if not isinstance(row, dict) or set(row) - {"booked_on", "amount_fen", "note"}:
                raise answer_error(item, f"{where}: give booked_on, amount_fen and note")
            try:
                booked = date.fromisoformat(str(row.get("booked_on", "")).strip())
            except ValueError:
                raise answer_error(
                    item, f"{where}: booked_on '{row.get('booked_on')}' is not a date (YYYY-MM-DD)"
                ) from None
            if ctx is not None and booked > ctx.local_date:
                raise answer_error(
                    item, f"{where}: booked_on {booked} is after the inspection date"
                )
            amount = require_int(item, row.get("amount_fen"), f"{where} amount_fen", minimum=None)
            if amount == 0:
                raise answer_error(
                    item, f"{where}: amount_fen is zero — only differences are listed"
                )
            rows.append(
                {
                    "booked_on": booked.isoformat(),
                    "amount_fen": amount,
                    "note": str(row.get("note", "")).strip(),
                }
            )
        return {"rows": rows}

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        n = len(value["rows"])
        return text(
            f"{n} 笔未处理长短款" if n else "无未处理长短款",
            f"{n} outstanding difference(s)" if n else "none outstanding",
        )


DIFFERENCE_COLUMNS = (
    Column("booked_on", "挂账日期", "Booked on"),
    Column("kind", "类别", "Kind"),
    Column("amount", "金额", "Amount", "diff"),
    Column("age", "已挂账天数", "Days outstanding", "int"),
    Column("status", "状态", "Status"),
    Column("note", "说明", "Note"),
)


@rule("differences_outstanding", check=needs_type("open_differences"))
def differences_outstanding(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    """Each outstanding difference is flagged once it is older than params.max_days (default 7)."""
    limit = max_days(item)
    problems: list[Problem] = []
    rows: list[list[Any]] = []
    for r in value["rows"]:
        a = age(item, r["booked_on"], ctx.local_date)
        shown = diff_text(r["amount_fen"])
        rows.append(
            [
                r["booked_on"],
                diff_label(r["amount_fen"])["zh"],
                r["amount_fen"],
                a.days,
                "超期" if a.overdue else "期限内",
                r["note"],
            ]
        )
        if a.overdue:
            problems.append(
                Problem(
                    title=text(
                        f"ATM {shown['zh']}（{r['booked_on']} 挂账）已 {a.days} 天未处理，超过 {limit} 天",
                        f"ATM {shown['en']} booked {r['booked_on']} outstanding {a.days} days (limit {limit})",
                    ),
                    subject=f"{ctx.answers.get('terminal_id', '')}:{r['booked_on']}:{r['amount_fen']}",
                )
            )
    listed = table(
        item.key, text("ATM 未处理长短款", "Outstanding ATM differences"), DIFFERENCE_COLUMNS, rows
    )
    computed = {
        "outstanding": len(rows),
        "overdue": len(problems),
        "max_days": limit,
        "overage_fen": sum(r["amount_fen"] for r in value["rows"] if r["amount_fen"] > 0),
        "shortage_fen": -sum(r["amount_fen"] for r in value["rows"] if r["amount_fen"] < 0),
    }
    if problems:
        return Outcome(
            "fail",
            text(
                f"{len(problems)} 笔超过 {limit} 天未处理",
                f"{len(problems)} older than {limit} days",
            ),
            computed,
            problems,
            [listed],
        )
    if not rows:
        return Outcome("pass", text("无未处理长短款", "none outstanding"), computed)
    return Outcome(
        "pass",
        text(
            f"{len(rows)} 笔挂账，均未超过 {limit} 天",
            f"{len(rows)} outstanding, none over {limit} days",
        ),
        computed,
        tables=[listed],
    )
