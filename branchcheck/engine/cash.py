# longer than 500 lines: the count grid (by denomination or by total) and the teller boxes.
"""Cash: the count grid by denomination (捆/把/零张 → 张数 → 金额, against the book) and the
per-teller box check. 差额 = 实点 − 账面; > 0 is 长款, < 0 is 短款; any difference is a finding,
and overages and shortages never offset each other (domain.md §1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
    slot_param,
    slot_rows,
    text,
)
from branchcheck.engine.tables import Column, footer, table
from branchcheck.money import amount_in_words, format_fen

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item, Template
    from branchcheck.settings import Settings


def difference(counted_fen: int, book_fen: int) -> int:
    """差额 = 实点 − 账面: > 0 is an overage (长款), < 0 a shortage (短款)."""
    return counted_fen - book_fen


def diff_label(diff_fen: int) -> Text:
    if diff_fen > 0:
        return text("长款", "overage")
    if diff_fen < 0:
        return text("短款", "shortage")
    return text("相符", "balanced")


def diff_text(diff_fen: int) -> Text:
    label = diff_label(diff_fen)
    if diff_fen == 0:
        return text("差额 ¥0.00（相符）", "difference ¥0.00 (balanced)")
    amount = format_fen(abs(diff_fen))
    return text(f"{label['zh']} {amount}", f"{label['en']} {amount}")


def diff_in_words(diff_fen: int) -> str:
    """A difference in capital numerals: its absolute amount after 长款 or 短款 (相符 at zero)."""
    label = diff_label(diff_fen)["zh"]
    return f"{label} {amount_in_words(abs(diff_fen))}" if diff_fen else label


def with_words(shown: str, amount_fen: int, settings: Settings, *, words: str = "") -> str:
    """`shown` followed by the amount in words (大写) when it reaches settings.words_from_fen."""
    if abs(amount_fen) < settings.words_from_fen:
        return shown
    return f"{shown}（{words or amount_in_words(abs(amount_fen))}）"


def overages_shortages(diffs: list[int]) -> tuple[int, int]:
    """Σ of the overages and Σ of the shortages (both ≥ 0): never netted against each other."""
    return sum(d for d in diffs if d > 0), -sum(d for d in diffs if d < 0)


def over_short_text(overage_fen: int, shortage_fen: int, settings: Settings) -> Text:
    over, short = format_fen(overage_fen), format_fen(shortage_fen)
    return text(
        f"长款合计 {with_words(over, overage_fen, settings)}，"
        f"短款合计 {with_words(short, shortage_fen, settings)}",
        f"overages {over}, shortages {short}",
    )


@dataclass(frozen=True)
class Denomination:
    key: str
    label: dict[str, str]
    face_fen: int
    per_bundle: int
    per_strap: int


@dataclass(frozen=True)
class CountRow:
    denomination: Denomination
    bundles: int
    straps: int
    loose: int
    book_fen: int | None = None  # this denomination's book figure, when the book holds one

    @property
    def pieces(self) -> int:
        d = self.denomination
        return self.bundles * d.per_bundle + self.straps * d.per_strap + self.loose

    @property
    def amount_fen(self) -> int:
        return self.pieces * self.denomination.face_fen

    @property
    def diff_fen(self) -> int | None:
        return None if self.book_fen is None else difference(self.amount_fen, self.book_fen)


def denominations(item: Item, settings: Settings) -> list[Denomination]:
    out = []
    for d in item.params.get("denominations", []):
        out.append(
            Denomination(
                key=d["key"],
                label=d["label"],
                face_fen=d["face_fen"],
                per_bundle=d.get("per_bundle", settings.notes_per_bundle),
                per_strap=d.get("per_strap", settings.notes_per_strap),
            )
        )
    return out


def count_total(rows: list[CountRow]) -> int:
    return sum(r.amount_fen for r in rows)


def check_denominations(item: Item, template: Template) -> list[str]:
    """Template check of params.denominations (and params.table_title), shared with the ATM."""
    title = item.params.get("table_title")
    if title is not None and not (isinstance(title, dict) and title.get("zh") and title.get("en")):
        return ["params.table_title needs zh and en"]
    dens = item.params.get("denominations")
    if not isinstance(dens, list) or not dens:
        return ["params.denominations must be a non-empty list"]
    out: list[str] = []
    seen: set[str] = set()
    for i, d in enumerate(dens):
        where = f"params.denominations[{i}]"
        if not isinstance(d, dict):
            out.append(f"{where} must be a mapping")
            continue
        unknown = set(d) - {"key", "label", "face_fen", "per_bundle", "per_strap", "kind"}
        if unknown:
            out.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        key = d.get("key")
        if not isinstance(key, str) or not key:
            out.append(f"{where}: key is missing")
        else:
            if key in seen:
                out.append(f"{where}: key '{key}' used twice")
            seen.add(key)
        label = d.get("label")
        if not (isinstance(label, dict) and label.get("zh") and label.get("en")):
            out.append(f"{where}: label needs zh and en")
        face = d.get("face_fen")
        if isinstance(face, bool) or not isinstance(face, int) or face <= 0:
            out.append(f"{where}: face_fen must be a positive whole number of fen")
        for k in ("per_bundle", "per_strap"):
            v = d.get(k)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v <= 0):
                out.append(f"{where}: {k} must be a positive whole number")
    return out


@item_type
class CashCount(ItemType):
    """Answer: {"rows": {denomination key: {"bundles", "straps", "loose"}}, "book_fen": int}."""

    name = "cash_count"
    default_rule = "cash_balances"

    def check_item(self, item: Item, template: Template) -> list[str]:
        return check_denominations(item, template)

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise answer_error(item, "answer must be an object with 'rows' and 'book_fen'")
        unknown = set(raw) - {"rows", "book_fen"}
        if unknown:
            raise answer_error(item, f"unknown field(s) {', '.join(sorted(unknown))}")
        keys = [d["key"] for d in item.params["denominations"]]
        labels = {d["key"]: d["label"] for d in item.params["denominations"]}
        rows_in = raw.get("rows") or {}
        if not isinstance(rows_in, dict):
            raise answer_error(item, "'rows' must map denomination keys to counts")
        rows: dict[str, dict[str, int]] = {}
        for key, row in rows_in.items():
            if key not in keys:
                raise answer_error(item, f"unknown denomination '{key}' (known: {', '.join(keys)})")
            if not isinstance(row, dict) or set(row) - {"bundles", "straps", "loose", "book_fen"}:
                raise answer_error(
                    item, f"denomination '{key}': give bundles, straps, loose (and book_fen)"
                )
            n = keys.index(key) + 1
            name = labels[key]
            rows[key] = {
                f: require_int(
                    item, row.get(f, 0), f"{key}.{f}", cell=Cell(n, name, f, COUNT_WORDS[f])
                )
                for f in ("bundles", "straps", "loose")
            }
            if row.get("book_fen") is not None:
                rows[key]["book_fen"] = require_int(
                    item, row["book_fen"], f"{key}.book_fen", cell=Cell(n, name, "book_fen", BOOK)
                )
        if "book_fen" not in raw:
            raise answer_error(item, "the book balance (book_fen) is missing")
        book = require_int(
            item, raw["book_fen"], "book_fen", cell=Cell(None, None, "book_fen", BOOK_BALANCE)
        )
        _check_book_by_denomination(item, rows, book)
        return {"rows": {k: rows[k] for k in keys if k in rows}, "book_fen": book}

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        return text("已清点", "counted")


def _check_book_by_denomination(item: Item, rows: dict[str, dict[str, int]], book: int) -> None:
    """A book figure per denomination is given for every denomination listed or for none, and
    the figures add up to the total book balance."""
    with_book = [k for k, r in rows.items() if "book_fen" in r]
    if not with_book:
        return
    for key, row in rows.items():
        if "book_fen" not in row:
            raise answer_error(
                item,
                f"{key}: the book figure (book_fen) is missing — give it for every denomination "
                "listed (0 where the book holds none), or for none",
            )
    by_row = sum(r["book_fen"] for r in rows.values())
    if by_row != book:
        raise answer_error(
            item,
            f"the total book balance {format_fen(book)} (book_fen) differs from the sum of the "
            f"denominations' book figures {format_fen(by_row)}",
        )


def count_rows(item: Item, value: dict[str, Any], settings: Settings) -> list[CountRow]:
    """One row per denomination of the template; a denomination with a book figure per
    denomination and not listed has a book of 0."""
    rows = value["rows"]
    by_denomination = any("book_fen" in r for r in rows.values())
    empty = {"bundles": 0, "straps": 0, "loose": 0} | ({"book_fen": 0} if by_denomination else {})
    return [CountRow(d, **rows.get(d.key, empty)) for d in denominations(item, settings)]


CASH_COLUMNS = (
    Column("denomination", "券别", "Denomination"),
    Column("face", "面额", "Face value", "money"),
    Column("bundles", "捆", "Bundles", "count"),
    Column("straps", "把", "Straps", "count"),
    Column("loose", "零张", "Loose", "count"),
    Column("pieces", "张数", "Pieces", "count"),
    Column("amount", "金额", "Amount", "money"),
)

COUNT_WORDS = {c.key: text(c.zh, c.en) for c in CASH_COLUMNS}
BOOK = text("账面金额", "book figure")
BOOK_BALANCE = text("账面余额", "book balance")

BOOK_COLUMNS = (
    Column("book", "账面金额", "Book", "money"),
    Column("diff", "差额", "Difference", "diff"),
)
BY_TOTAL = text("按合计核对", "compared by total")


@rule("cash_balances", check=needs_type("cash_count"))
def cash_balances(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    """Each denomination against its own book figure when the book holds one (every non-zero
    difference its own problem); otherwise the total against the total book, and the record says
    it was compared by total only."""
    rows = count_rows(item, value, ctx.settings)
    if any(r.book_fen is not None for r in rows):
        return _by_denomination(item, rows, value["book_fen"], ctx)
    total = count_total(rows)
    book = value["book_fen"]
    diff = difference(total, book)
    count_table = table(
        item.key,
        item.params.get("table_title") or text("现金清点表", "Cash count"),
        CASH_COLUMNS,
        [_count_cells(r) for r in rows],
        [
            footer("合计 Total", pieces=sum(r.pieces for r in rows), amount=total),
            footer("账面余额（按合计核对）Book (total only)", amount=book),
            footer("差额 Difference", amount=diff),
        ],
    )
    computed = {
        "compared": "total",
        "total_fen": total,
        "book_fen": book,
        "diff_fen": diff,
        "diff_kind": diff_label(diff)["en"],
        "total_words": amount_in_words(total),
        "diff_words": diff_in_words(diff),
    }
    shown = diff_text(diff)
    s = ctx.settings
    display = text(
        f"{BY_TOTAL['zh']}：合计 {with_words(format_fen(total), total, s)}，账面 {format_fen(book)}，"
        f"{with_words(shown['zh'], diff, s, words=diff_in_words(diff))}",
        f"{BY_TOTAL['en']}: total {format_fen(total)}, book {format_fen(book)}, {shown['en']}",
    )
    if diff == 0:
        return Outcome("pass", display, computed, tables=[count_table])
    problem = Problem(
        title=text(f"{item.text.zh}：{shown['zh']}", f"{item.text.en}: {shown['en']}"),
        subject=diff_label(diff)["en"],
    )
    return Outcome("fail", display, computed, [problem], tables=[count_table])


def _count_cells(r: CountRow) -> list[Any]:
    d = r.denomination
    return [d.label["zh"], d.face_fen, r.bundles, r.straps, r.loose, r.pieces, r.amount_fen]


def _by_denomination(item: Item, rows: list[CountRow], book: int, ctx: EvalContext) -> Outcome:
    total = count_total(rows)
    diffs = [r.diff_fen or 0 for r in rows]
    overage, shortage = overages_shortages(diffs)
    problems = []
    for r in rows:
        if r.diff_fen:
            shown = diff_text(r.diff_fen)
            label = r.denomination.label
            problems.append(
                Problem(
                    title=text(
                        f"{item.text.zh}：{label['zh']}{shown['zh']}",
                        f"{item.text.en}: {label['en']} {shown['en']}",
                    ),
                    subject=f"{r.denomination.key}:{diff_label(r.diff_fen)['en']}",
                )
            )
    count_table = table(
        item.key,
        item.params.get("table_title") or text("现金清点表", "Cash count"),
        CASH_COLUMNS + BOOK_COLUMNS,
        [_count_cells(r) + [r.book_fen, r.diff_fen] for r in rows],
        [
            footer("合计 Total", pieces=sum(r.pieces for r in rows), amount=total, book=book),
            footer("长款合计 Overages", diff=overage),
            footer("短款合计 Shortages", diff=-shortage),
        ],
    )
    computed = {
        "compared": "denomination",
        "total_fen": total,
        "book_fen": book,
        "diff_fen": difference(total, book),
        "overage_fen": overage,
        "shortage_fen": shortage,
        "unbalanced": len(problems),
        "total_words": amount_in_words(total),
        "overage_words": amount_in_words(overage),
        "shortage_words": amount_in_words(shortage),
    }
    s = ctx.settings
    head = text(
        f"合计 {with_words(format_fen(total), total, s)}，账面 {format_fen(book)}",
        f"total {format_fen(total)}, book {format_fen(book)}",
    )
    if not problems:
        display = text(
            f"{head['zh']}，各券别均与账面相符", f"{head['en']}, every denomination balances"
        )
        return Outcome("pass", display, computed, tables=[count_table])
    split = over_short_text(overage, shortage, s)
    display = text(
        f"{head['zh']}；{len(problems)} 个券别不符：{split['zh']}",
        f"{head['en']}; {len(problems)} denomination(s) differ: {split['en']}",
    )
    return Outcome("fail", display, computed, problems, tables=[count_table])


@item_type
class TellerBoxes(ItemType):
    """Answer: {"rows": [{"teller": employee no, "system_fen", "counted_fen", "vouchers_ok", "note"}]}.

    params.slot names the people slot whose members must each have one row."""

    name = "teller_boxes"
    default_rule = "teller_boxes_balance"

    def check_item(self, item: Item, template: Template) -> list[str]:
        return slot_param(item, template)

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        rows = []
        fields = {"system_fen", "counted_fen", "vouchers_ok", "note"}
        for n, (where, row, teller) in enumerate(
            slot_rows(item, raw, ctx, person="teller", fields=fields), 1
        ):
            vouchers_ok = row.get("vouchers_ok", True)
            if not isinstance(vouchers_ok, bool):
                raise answer_error(item, f"{where}: vouchers_ok must be true or false")
            person = ctx.person(teller) if ctx else None
            name = text(person.name, person.name) if person else text(teller, teller)
            system, counted = (
                require_int(
                    item,
                    row.get(key),
                    f"{where} {key}",
                    cell=Cell(n, name, key, _column_words(column)),
                )
                for key, column in (("system_fen", "system"), ("counted_fen", "counted"))
            )
            rows.append(
                {
                    "teller": teller,
                    "system_fen": system,
                    "counted_fen": counted,
                    "vouchers_ok": vouchers_ok,
                    "note": str(row.get("note", "")).strip(),
                }
            )
        return {"rows": rows}

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        return text(f"{len(value['rows'])} 个尾箱", f"{len(value['rows'])} box(es)")


TELLER_COLUMNS = (
    Column("teller", "柜员", "Teller"),
    Column("system", "系统余额", "System balance", "money"),
    Column("counted", "实点金额", "Counted", "money"),
    Column("diff", "差额", "Difference", "diff"),
    Column("vouchers", "重要空白凭证", "Blank vouchers"),
    Column("note", "备注", "Note"),
)


def _column_words(key: str) -> Text:
    column = next(c for c in TELLER_COLUMNS if c.key == key)
    return text(column.zh, column.en)


@rule("teller_boxes_balance", check=needs_type("teller_boxes"))
def teller_boxes_balance(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    rows = value["rows"]
    problems: list[Problem] = []
    table_rows: list[list[Any]] = []
    for row in rows:
        diff = difference(row["counted_fen"], row["system_fen"])
        person = ctx.person(row["teller"])
        name = person.name if person else row["teller"]
        table_rows.append(
            [
                f"{name}（{row['teller']}）",
                row["system_fen"],
                row["counted_fen"],
                diff,
                "相符" if row["vouchers_ok"] else "不符",
                row["note"],
            ]
        )
        if diff:
            shown = diff_text(diff)
            problems.append(
                Problem(
                    title=text(
                        f"柜员{name}尾箱{shown['zh']}", f"Teller {name}'s box: {shown['en']}"
                    ),
                    subject=row["teller"],
                    responsible=row["teller"],
                )
            )
        if not row["vouchers_ok"]:
            problems.append(
                Problem(
                    title=text(
                        f"柜员{name}重要空白凭证与登记不符",
                        f"Teller {name}: blank vouchers do not match",
                    ),
                    subject=f"{row['teller']}:vouchers",
                    responsible=row["teller"],
                )
            )
    checked = {r["teller"] for r in rows}
    for p in ctx.slot(item.params["slot"]):
        if p.employee_no not in checked:
            problems.append(
                Problem(
                    title=text(f"柜员{p.name}尾箱未核对", f"Teller {p.name}'s box not checked"),
                    subject=f"{p.employee_no}:unchecked",
                    responsible=ctx.inspector.employee_no,
                )
            )
    overage, shortage = overages_shortages([r[3] for r in table_rows])
    box_table = table(
        item.key,
        text("柜员尾箱核对表", "Teller boxes"),
        TELLER_COLUMNS,
        table_rows,
        [footer("长款合计 Overages", diff=overage), footer("短款合计 Shortages", diff=-shortage)],
    )
    unbalanced = sum(1 for r in table_rows if r[3])
    vouchers_bad = sum(1 for r in rows if not r["vouchers_ok"])
    unchecked = len(problems) - unbalanced - vouchers_bad
    computed = {
        "boxes": len(rows),
        "unbalanced": unbalanced,
        "vouchers_mismatched": vouchers_bad,
        "unchecked": unchecked,
        # overages and shortages never offset each other: no net figure
        "overage_fen": overage,
        "shortage_fen": shortage,
    }
    return Outcome(
        "fail" if problems else "pass",
        _boxes_display(computed, ctx.settings),
        computed,
        problems,
        [box_table],
    )


def _boxes_display(c: dict[str, Any], settings: Settings) -> Text:
    """How many boxes, and each kind of problem counted as it is found: the counts add up to
    the item's findings."""
    zh, en = [f"{c['boxes']} 个尾箱"], [f"{c['boxes']} box(es)"]
    if c["unbalanced"]:
        split = over_short_text(c["overage_fen"], c["shortage_fen"], settings)
        zh.append(f"{c['unbalanced']} 个金额不符（{split['zh']}）")
        en.append(f"{c['unbalanced']} unbalanced ({split['en']})")
    if c["vouchers_mismatched"]:
        zh.append(f"{c['vouchers_mismatched']} 个重要空白凭证不符")
        en.append(f"{c['vouchers_mismatched']} with blank vouchers not matching")
    if len(zh) == 1:
        zh.append("均相符")
        en.append("all balance")
    out = text("，".join(zh), ", ".join(en))
    if c["unchecked"]:
        out = text(
            f"{out['zh']}；{c['unchecked']} 名柜员尾箱未核对",
            f"{out['en']}; {c['unchecked']} teller(s) not checked",
        )
    return out
