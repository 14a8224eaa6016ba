# longer than 500 lines: one checklist's rules (ranges, the answer, balance, carry-forward, tables).
"""Blank important vouchers (重要空白凭证, domain.md §4): per voucher type, the number ranges that came
in (期初, 领入) against where every number went (使用, 出售, 作废, 上缴, 结存), counted by number, and
the opening ranges against the closing ranges of the last sealed check (carry-forward).

The range arithmetic is pure functions over inclusive integer ranges (first, last), so it can be
property-tested; voucher numbers themselves are fixed-width strings with leading zeros and are only
turned into integers here, for the arithmetic, and back again for display."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from branchcheck.engine.core import (
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
from branchcheck.engine.tables import Column, table

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item, Template

Range = tuple[int, int]  # inclusive: (first, last), first <= last

# ---------------------------------------------------------------- pure range functions


def range_count(r: Range) -> int:
    """How many numbers a range holds: last − first + 1."""
    return r[1] - r[0] + 1


def count(ranges: Iterable[Range]) -> int:
    """Numbers in the ranges as given (a number in two ranges counts twice, as on a register)."""
    return sum(range_count(r) for r in ranges)


def merge(ranges: Iterable[Range]) -> list[Range]:
    """Sorted, with overlapping and adjacent ranges joined: the set of numbers covered."""
    out: list[Range] = []
    for first, last in sorted(ranges):
        if out and first <= out[-1][1] + 1:
            if last > out[-1][1]:
                out[-1] = (out[-1][0], last)
        else:
            out.append((first, last))
    return out


def subtract(a: Iterable[Range], b: Iterable[Range]) -> list[Range]:
    """Numbers in `a` that are not in `b`, merged."""
    out: list[Range] = []
    cut = merge(b)
    for first, last in merge(a):
        cur = first
        for bf, bl in cut:
            if bl < cur:
                continue
            if bf > last:
                break
            if bf > cur:
                out.append((cur, bf - 1))
            cur = max(cur, bl + 1)
            if cur > last:
                break
        if cur <= last:
            out.append((cur, last))
    return out


def intersect(a: Iterable[Range], b: Iterable[Range]) -> list[Range]:
    """Numbers in both `a` and `b`, merged."""
    ma = merge(a)
    return subtract(ma, subtract(ma, b))


def overlaps(ranges: Iterable[Range]) -> list[Range]:
    """Numbers covered by two or more of the given ranges (a repeated number), merged."""
    events: list[tuple[int, int]] = []
    for first, last in ranges:
        events.append((first, 1))
        events.append((last + 1, -1))
    events.sort()
    out: list[Range] = []
    depth, start = 0, 0
    for at, step in events:
        before = depth
        depth += step
        if before < 2 <= depth:
            start = at
        elif before >= 2 > depth and at > start:
            out.append((start, at - 1))
    return merge(out)


def gaps(universe: Iterable[Range], accounted: Iterable[Range]) -> list[Range]:
    """Numbers that came in but are nowhere accounted for (缺号)."""
    return subtract(universe, accounted)


def skipped(
    universe: Iterable[Range], consumed: Iterable[Range], released: Iterable[Range]
) -> list[Range]:
    """跳号: numbers that came in and were neither consumed (used, voided) nor released (returned)
    although a higher number was already consumed — vouchers are used strictly in number order."""
    consumed = merge(consumed)
    if not consumed:
        return []
    top = consumed[-1][1]
    held = subtract(universe, list(consumed) + list(released))
    return [(a, min(b, top - 1)) for a, b in held if a < top]


def out_of_order(used_in_order: list[Range]) -> list[tuple[Range, Range]]:
    """Pairs of used ranges, in the order of use, where the later one starts at or below the end of
    the one before it: a lower number used after a higher one."""
    return [(a, b) for a, b in zip(used_in_order, used_in_order[1:], strict=False) if b[0] <= a[1]]


def next_number(on_hand: Iterable[Range]) -> int | None:
    """The next voucher to use: the smallest number on hand."""
    merged = merge(on_hand)
    return merged[0][0] if merged else None


# ---------------------------------------------------------------- the voucher table item

FIELDS = (
    "opening",
    "opening_count",
    "received",
    "used",
    "sold",
    "voided",
    "returned",
    "on_hand",
    "physical",
)
RANGE_FIELDS = ("opening", "received", "used", "sold", "voided", "returned", "on_hand")
CONSUMED = (
    "used",
    "sold",
    "voided",
    "returned",
)  # the ways a number leaves the stock, in this order
FIELD_TEXT = {
    "opening": text("期初号段", "opening ranges"),
    "received": text("领入号段", "received ranges"),
    "used": text("使用号段", "used ranges"),
    "sold": text("出售号段", "sold ranges"),
    "voided": text("作废号码", "voided numbers"),
    "returned": text("上缴号段", "returned ranges"),
    "on_hand": text("结存号段", "on-hand ranges"),
}


def _check_types(item: Item, template: Template) -> list[str]:
    types = item.params.get("voucher_types")
    if not isinstance(types, list) or not types:
        return ["params.voucher_types must be a non-empty list"]
    out, seen = [], set()
    for i, t in enumerate(types):
        where = f"params.voucher_types[{i}]"
        if not isinstance(t, dict):
            out.append(f"{where} must be a mapping")
            continue
        unknown = set(t) - {"key", "label", "width"}
        if unknown:
            out.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        key = t.get("key")
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            out.append(f"{where}: key must be lower-case letters, digits and _")
        elif key in seen:
            out.append(f"{where}: key '{key}' used twice")
        seen.add(key)
        label = t.get("label")
        if not (isinstance(label, dict) and label.get("zh") and label.get("en")):
            out.append(f"{where}: label needs zh and en")
        width = t.get("width")
        if isinstance(width, bool) or not isinstance(width, int) or not 1 <= width <= 30:
            out.append(f"{where}: width must be a whole number of digits from 1 to 30")
    return out


def voucher_types(item: Item) -> dict[str, dict[str, Any]]:
    return {t["key"]: t for t in item.params["voucher_types"]}


def _number(item: Item, raw: Any, width: int, where: str) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str):
        raise answer_error(
            item,
            f"{where}: voucher numbers are text with leading zeros ({width} digits), got {raw!r}",
        )
    value = raw.strip()
    if not re.fullmatch(r"[0-9]+", value):
        raise answer_error(item, f"{where}: '{raw}' is not a voucher number (digits only)")
    if len(value) != width:
        raise answer_error(
            item, f"{where}: '{raw}' has {len(value)} digits, this voucher type has {width}"
        )
    return value


def _ranges(item: Item, raw: Any, width: int, where: str) -> list[list[str]]:
    """A list of ranges: each "00012301", "00012301-00012350" or ["00012301", "00012350"]."""
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        raise answer_error(item, f"{where} must be a list of number ranges")
    out = []
    for n, r in enumerate(raw, 1):
        at = f"{where} #{n}"
        if isinstance(r, str) and "-" in r:
            r = r.split("-", 1)
        if isinstance(r, str):
            first = last = _number(item, r, width, at)
        elif isinstance(r, list) and len(r) == 2:
            first, last = (_number(item, v, width, at) for v in r)
        elif isinstance(r, list) and len(r) == 1:
            first = last = _number(item, r[0], width, at)
        else:
            raise answer_error(
                item, f"{at}: give a number, 'first-last' or [first, last], got {r!r}"
            )
        if int(first) > int(last):
            raise answer_error(item, f"{at}: the range runs backwards ({first} > {last})")
        out.append([first, last])
    return out


def as_ints(ranges: list[list[str]]) -> list[Range]:
    return [(int(a), int(b)) for a, b in ranges]


def fmt_range(r: Range, width: int) -> str:
    a, b = str(r[0]).zfill(width), str(r[1]).zfill(width)
    return a if r[0] == r[1] else f"{a}–{b}"


def fmt_ranges(ranges: list[Range], width: int, limit: int | None = 6) -> str:
    """Ranges for a person to read; `limit` None: every range (a record prints all numbers)."""
    if not ranges:
        return "—"
    shown = [fmt_range(r, width) for r in ranges[:limit]]
    if limit is not None and len(ranges) > limit:
        shown.append(f"…(+{len(ranges) - limit})")
    return "、".join(shown)


def as_strings(ranges: list[Range], width: int) -> list[list[str]]:
    return [[str(a).zfill(width), str(b).zfill(width)] for a, b in ranges]


@item_type
class VoucherTable(ItemType):
    """Answer: {"rows": {voucher type key: {"opening": ranges (optional: without it, the closing
    ranges of the last sealed check), "opening_count": int (optional), "received": ranges, "used":
    ranges (in the order of use), "sold": ranges (sold to customers, in the order of sale),
    "voided": ranges, "returned": ranges, "on_hand": ranges, "physical": int}}}; a range is
    "00012301", "00012301-00012350" or ["00012301", "00012350"], each number exactly the type's
    width. Types not given are not held."""

    name = "voucher_table"
    default_rule = "voucher_balances"

    def check_item(self, item: Item, template: Template) -> list[str]:
        return _check_types(item, template)

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        if not isinstance(raw, dict) or not isinstance(raw.get("rows"), dict):
            raise answer_error(item, "answer must be an object with 'rows' by voucher type")
        if set(raw) - {"rows"}:
            raise answer_error(item, f"unknown field(s) {', '.join(sorted(set(raw) - {'rows'}))}")
        types = voucher_types(item)
        rows: dict[str, dict[str, Any]] = {}
        for key, row in raw["rows"].items():
            if key not in types:
                raise answer_error(
                    item, f"unknown voucher type '{key}' (known: {', '.join(types)})"
                )
            if not isinstance(row, dict):
                raise answer_error(item, f"voucher type '{key}' must be an object")
            unknown = set(row) - set(FIELDS)
            if unknown:
                raise answer_error(
                    item, f"voucher type '{key}': unknown field(s) {', '.join(sorted(unknown))}"
                )
            width = types[key]["width"]
            parsed: dict[str, Any] = {
                f: _ranges(item, row.get(f), width, f"{key}.{f}")
                for f in RANGE_FIELDS
                if f in row or f != "opening"
            }
            if "physical" not in row:
                raise answer_error(
                    item, f"voucher type '{key}': the physical count (physical) is missing"
                )
            parsed["physical"] = require_int(item, row["physical"], f"{key}.physical")
            if row.get("opening_count") is not None:
                parsed["opening_count"] = require_int(
                    item, row["opening_count"], f"{key}.opening_count"
                )
            rows[key] = parsed
        return {"rows": {k: rows[k] for k in types if k in rows}}

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        n = len(value["rows"])
        return text(f"{n} 种凭证", f"{n} voucher type(s)")


CARRIED_FACT = "vouchers_carried"  # ctx.facts: item key → {"record_id", "local_date", "rows"}


def closing_ranges(row: dict[str, Any]) -> list[Range]:
    """The numbers a check leaves on hand: its on-hand ranges without any number it also records
    as used, sold, voided or returned (such a number is a 重号, never stock)."""
    r = {f: as_ints(row.get(f, [])) for f in RANGE_FIELDS if f != "opening"}
    return subtract(r["on_hand"], [x for f in CONSUMED for x in r[f]])


def carried_for(ctx: EvalContext, item_key: str) -> dict[str, Any] | None:
    """The last sealed check's closing ranges for this item: {"record_id", "local_date", "rows":
    {voucher type: [[first, last], ...]}}; None when there is no earlier sealed check."""
    facts = ctx.facts.get(CARRIED_FACT) or {}
    found = facts.get(item_key)
    return found if isinstance(found, dict) else None


def reconcile(row: dict[str, Any], carried: list[list[str]] | None = None) -> dict[str, Any]:
    """Everything computed for one voucher type, as integers and integer ranges. `carried`: the
    type's closing ranges at the last sealed check (None: no earlier check to compare with); the
    opening ranges default to them. Numbers are counted once each: a number registered twice is a
    重号 (reported in "overlaps") and never a shortage or an overage of its own."""
    r = {f: as_ints(row.get(f, [])) for f in RANGE_FIELDS}
    defaulted = "opening" not in row and carried is not None
    if defaulted and carried is not None:
        r["opening"] = as_ints(carried)
    opening_set = merge(r["opening"])
    listed = count(opening_set)
    opening = row.get("opening_count", listed)
    received = subtract(r["received"], opening_set)
    universe = merge(opening_set + received)
    consumed: list[Range] = []
    moved: dict[str, int] = {}
    for f in CONSUMED:  # a number used and also voided leaves the stock once, as used
        new = subtract(r[f], consumed)
        moved[f] = count(new)
        consumed = merge(consumed + new)
    on_hand = subtract(r["on_hand"], consumed)
    closing = opening + count(received) - sum(moved.values())
    placed = [x for f in (*CONSUMED, "on_hand") for x in r[f]]
    out = {
        "opening": opening,
        "opening_ranges_count": listed,
        "opening_defaulted": defaulted,
        "received": count(received),
        **moved,
        "closing": closing,
        "physical": row["physical"],
        "difference": row["physical"] - closing,
        "on_hand_count": count(on_hand),
        "closing_ranges": on_hand,
        "gaps": gaps(universe, placed),
        "unknown": subtract(placed, universe),
        "overlaps": merge(overlaps(r["opening"] + r["received"]) + overlaps(placed)),
        "skipped": skipped(universe, r["used"] + r["sold"] + r["voided"], r["returned"]),
        "out_of_order": out_of_order(r["used"]) + out_of_order(r["sold"]),
        "next": next_number(intersect(on_hand, universe)),
        "ranges": {f: merge(r[f]) for f in RANGE_FIELDS},
    }
    if carried is not None:
        last = as_ints(carried)
        out["carry_missing"] = subtract(last, opening_set)
        out["carry_extra"] = subtract(opening_set, last)
    return out


def _since(last: dict[str, Any]) -> tuple[str, str]:
    rid = str(last["record_id"])[:8]
    return (
        f"上次检查（{last['local_date']}，记录 {rid}）",
        f"the last check ({last['local_date']}, record {rid})",
    )


def carry_problems(
    label: dict[str, str], key: str, c: dict[str, Any], width: int, last: dict[str, Any]
) -> list[Problem]:
    """Numbers that vanished or appeared between the last sealed check and this one: critical."""
    zh, en = label["zh"], label["en"]
    since_zh, since_en = _since(last)
    out = []
    if c.get("carry_missing"):
        n, shown = count(c["carry_missing"]), fmt_ranges(c["carry_missing"], width, None)
        out.append(
            Problem(
                title=text(
                    f"{zh}：{since_zh}结存的 {n} 份未列入本次期初（去向不明）：{shown}",
                    f"{en}: {n} left on hand at {since_en} missing from this opening: {shown}",
                ),
                subject=f"{key}:carry_missing",
                severity="critical",
            )
        )
    if c.get("carry_extra"):
        n, shown = count(c["carry_extra"]), fmt_ranges(c["carry_extra"], width, None)
        out.append(
            Problem(
                title=text(
                    f"{zh}：本次期初 {n} 份不在{since_zh}结存内（来源不明）：{shown}",
                    f"{en}: {n} in this opening not on hand at {since_en}: {shown}",
                ),
                subject=f"{key}:carry_extra",
                severity="critical",
            )
        )
    return out


def _problems(label: dict[str, str], key: str, c: dict[str, Any], width: int) -> list[Problem]:
    zh, en = label["zh"], label["en"]
    out: list[Problem] = []

    def add(kind: str, z: str, e: str) -> None:
        out.append(Problem(title=text(f"{zh}：{z}", f"{en}: {e}"), subject=f"{key}:{kind}"))

    d = c["difference"]
    if d:
        word = (
            ("实物多出", "more on hand than the book")
            if d > 0
            else ("实物短少", "fewer on hand than the book")
        )
        add(
            "difference",
            f"{word[0]} {abs(d)} 份（结存 {c['closing']}，实点 {c['physical']}）",
            f"{abs(d)} {word[1]} (book {c['closing']}, counted {c['physical']})",
        )
    if c["opening"] != c["opening_ranges_count"]:
        add(
            "opening",
            f"期初数 {c['opening']} 与期初号段 {c['opening_ranges_count']} 份不符",
            f"opening count {c['opening']} ≠ {c['opening_ranges_count']} in the opening ranges",
        )
    if c["on_hand_count"] != c["physical"]:
        add(
            "on_hand",
            f"结存号段 {c['on_hand_count']} 份与实点 {c['physical']} 份不符",
            f"on-hand ranges hold {c['on_hand_count']}, counted {c['physical']}",
        )
    for kind, z, e in (
        ("gaps", "缺号（去向不明）", "numbers unaccounted for"),
        ("unknown", "号码不在期初或领入号段内", "numbers never received"),
        (
            "overlaps",
            "重号（同一号码重复登记，不计入结存）",
            "numbers recorded twice (counted once in the balance)",
        ),
        ("skipped", "跳号使用", "numbers skipped in use"),
    ):
        if c[kind]:
            n = count(c[kind])
            shown = fmt_ranges(c[kind], width)
            add(kind, f"{z} {n} 份：{shown}", f"{n} {e}: {shown}")
    if c["out_of_order"]:
        a, b = c["out_of_order"][0]
        add(
            "order",
            f"未按号码顺序使用（{fmt_range(b, width)} 在 {fmt_range(a, width)} 之后使用）",
            f"used out of number order ({fmt_range(b, width)} after {fmt_range(a, width)})",
        )
    return out


VOUCHER_COLUMNS = (
    Column("type", "凭证种类", "Voucher type"),
    Column("opening", "期初", "Opening", "count"),
    Column("received", "领入", "Received", "count"),
    Column("used", "使用", "Used", "count"),
    Column("sold", "出售", "Sold", "count"),
    Column("voided", "作废", "Voided", "count"),
    Column("returned", "上缴", "Returned", "count"),
    Column("closing", "结存", "Book balance", "count"),
    Column("physical", "实点", "Counted", "count"),
    Column("difference", "差异", "Difference", "int"),
    Column("next", "下一可用号", "Next number"),
    Column("issues", "号码连续性", "Number continuity"),
)
NUMBER_COLUMNS = (
    Column("type", "凭证种类", "Voucher type"),
    Column("what", "项目", "Movement"),
    Column("count", "份数", "Count", "count"),
    Column("numbers", "号码", "Numbers"),
)
MOVEMENTS = (
    ("received", "领入"),
    ("used", "使用"),
    ("sold", "出售"),
    ("voided", "作废"),
    ("returned", "上缴"),
)


def _number_rows(
    label: str, c: dict[str, Any], width: int, last: dict[str, Any] | None, held: list[Range]
) -> list[list[Any]]:
    """Every number of one voucher type on the record, by where it came from and where it went."""

    def row(what: str, ranges: list[Range]) -> list[Any]:
        return [label, what, count(ranges), fmt_ranges(ranges, width, None)]

    rows = []
    if last is not None:
        rows.append(
            row(f"上次结存（{last['local_date']}，记录 {str(last['record_id'])[:8]}）", held)
        )
    rows.append(
        row("期初（沿用上次结存）" if c["opening_defaulted"] else "期初", c["ranges"]["opening"])
    )
    rows += [row(zh, c["ranges"][f]) for f, zh in MOVEMENTS if c["ranges"][f]]
    rows.append(row("结存", c["closing_ranges"]))
    return rows


@rule("voucher_balances", check=needs_type("voucher_table"))
def voucher_balances(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    types = voucher_types(item)
    last = carried_for(ctx, item.key)
    held: dict[str, list[list[str]]] = last["rows"] if last else {}
    problems: list[Problem] = []
    table_rows: list[list[Any]] = []
    number_rows: list[list[Any]] = []
    computed: dict[str, Any] = {}
    for key, row in value["rows"].items():
        t = types[key]
        width = t["width"]
        c = reconcile(row, held.get(key, []) if last else None)
        problems += _problems(t["label"], key, c, width)
        if last:
            problems += carry_problems(t["label"], key, c, width, last)
        issues = [
            f"{z} {count(c[k])}"
            for k, z in (
                ("gaps", "缺号"),
                ("unknown", "来源不明"),
                ("overlaps", "重号"),
                ("skipped", "跳号"),
                ("carry_missing", "上次结存未列入"),
                ("carry_extra", "期初来源不明"),
            )
            if c.get(k)
        ]
        nxt = str(c["next"]).zfill(width) if c["next"] is not None else "—"
        table_rows.append(
            [
                t["label"]["zh"],
                c["opening"],
                c["received"],
                c["used"],
                c["sold"],
                c["voided"],
                c["returned"],
                c["closing"],
                c["physical"],
                c["difference"],
                nxt,
                "、".join(issues) or "无",
            ]
        )
        number_rows += _number_rows(t["label"]["zh"], c, width, last, as_ints(held.get(key, [])))
        computed[key] = {
            **{k: c[k] for k in ("opening", "received", *CONSUMED, "closing", "physical")},
            "difference": c["difference"],
            "next": nxt,
            "on_hand": as_strings(c["closing_ranges"], width),
            **{
                k: as_strings(c[k], width)
                for k in ("gaps", "unknown", "overlaps", "skipped", "carry_missing", "carry_extra")
                if k in c
            },
        }
    gone = [k for k, r in held.items() if k not in value["rows"] and k in types and r]
    for key in gone:  # held at the last check, not in this one at all
        t = types[key]
        missing = {"carry_missing": as_ints(held[key])}
        problems += carry_problems(t["label"], key, missing, t["width"], last or {})
        number_rows.append(
            [
                t["label"]["zh"],
                "上次结存（本次未登记）",
                count(missing["carry_missing"]),
                fmt_ranges(missing["carry_missing"], t["width"], None),
            ]
        )
    stock = table(
        item.key, text("重要空白凭证核对表", "Blank vouchers"), VOUCHER_COLUMNS, table_rows
    )
    numbers = table(
        f"{item.key}_numbers",
        text("重要空白凭证号码明细", "Blank voucher numbers"),
        NUMBER_COLUMNS,
        number_rows,
    )
    bad = len({p.subject.split(":")[0] for p in problems})
    kinds = len(table_rows) + len(gone)
    display = text(
        f"{kinds} 种凭证，{bad} 种不符" if bad else f"{kinds} 种凭证，账实相符、号码连续",
        f"{kinds} type(s), {bad} not matching"
        if bad
        else f"{kinds} type(s), all match, numbers continuous",
    )
    return Outcome("fail" if problems else "pass", display, computed, problems, [stock, numbers])
