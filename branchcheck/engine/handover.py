# longer than 500 lines: one checklist's rules (parties, escorts, boxes, time window, exceptions).
"""Cash-box handover with the escort company (款箱交接, domain.md §2; seed 000: 核对押运人员身份、
检查钱箱封锁、清点钱箱个数): who hands over and who receives by the direction, the escorts'
identity, the box list against the manifest, the time of the handover against the agreed window,
and the exceptions item. Any mismatch stops the handover."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from branchcheck.engine.basic import YES_NO
from branchcheck.engine.bounds import shown
from branchcheck.engine.core import (
    RULES,
    EvalContext,
    ItemType,
    Outcome,
    Problem,
    Text,
    answer_error,
    display_value,
    item_type,
    needs_type,
    rule,
    rule_name,
    slot_param,
    slot_rows,
    text,
)
from branchcheck.engine.patterns import code_text, matches_pattern
from branchcheck.engine.tables import Column, footer, table

if TYPE_CHECKING:
    from branchcheck.checklists.schema import Item, Template

STOPPED = text("交接中止", "handover stopped")


# ---------------------------------------------------------------- the parties by direction

SIDES = {"handing": text("交出人", "Handing over"), "receiving": text("接收人", "Receiving")}


def _check_parties(item: Item, template: Template) -> list[str]:
    """params.parties: for each choice of the direction item, the slot that hands over and the
    slot that receives — two different people slots."""
    out = needs_type("choice")(item, template)
    parties = item.params.get("parties")
    keys = [c.key for c in item.choices]
    if not isinstance(parties, dict) or set(parties) != set(keys):
        return out + [f"params.parties must give the parties of every choice ({', '.join(keys)})"]
    for choice, sides in parties.items():
        if not isinstance(sides, dict) or set(sides) != set(SIDES):
            out.append(f"params.parties.{choice} needs handing and receiving")
            continue
        for side, slot in sides.items():
            if template.slot(slot) is None:
                out.append(f"params.parties.{choice}.{side}: '{slot}' is not a people slot")
        if sides["handing"] == sides["receiving"]:
            out.append(f"params.parties.{choice}: one slot cannot both hand over and receive")
    return out


PARTY_COLUMNS = (
    Column("side", "交接角色", "Side"),
    Column("slot", "人员", "Who"),
    Column("persons", "姓名（工号）", "Name (employee no.)"),
)


@rule("handover_parties", check=_check_parties)
def handover_parties(item: Item, value: str, ctx: EvalContext) -> Outcome:
    """The direction decides the sides (domain.md §2): on a 下解 the escorts hand over and the
    branch staff receive, on a 上收 the reverse — the record names each side's people."""
    shown = display_value(item, value)
    sides = item.params["parties"][value]
    rows, zh, en, computed = [], [], [], {}
    for side, label in SIDES.items():
        slot = ctx.template.slot(sides[side])
        assert slot is not None  # the template check makes sure
        persons = ctx.slot(slot.key)
        names = "、".join(f"{p.name}（{p.employee_no}）" for p in persons) or "—"
        rows.append([label["zh"], slot.title.zh, names])
        zh.append(f"{label['zh']}：{slot.title.zh} {names}")
        en.append(f"{label['en']}: {slot.title.en} {names}")
        computed[side] = [p.employee_no for p in persons]
    parties = table(item.key, text("交接双方", "The two sides"), PARTY_COLUMNS, rows)
    return Outcome(
        "info",
        text(f"{shown['zh']}，{'；'.join(zh)}", f"{shown['en']}, {'; '.join(en)}"),
        computed,
        tables=[parties],
    )


# ---------------------------------------------------------------- escort identity

METHODS: dict[str, dict[str, str]] = {
    "work_card": text("押运员工作证/上岗证", "escort work card"),
    "id_card": text("居民身份证", "resident ID card"),
    "dispatch_sheet": text("押运派车单/任务单", "dispatch sheet"),
    "roster": text("押运公司预留人员名单及照片", "company roster with photos"),
}
ID_NUMBER = r"^[0-9]{17}[0-9X]$"


def _check_escort_params(item: Item, template: Template) -> list[str]:
    out = slot_param(item, template)
    required = item.params.get("required_methods", ["work_card", "dispatch_sheet"])
    if not isinstance(required, list) or any(m not in METHODS for m in required):
        out.append(f"params.required_methods must list methods from: {', '.join(METHODS)}")
    return out


@item_type
class EscortCheck(ItemType):
    """Answer: {"rows": [{"escort": employee no, "id_number": "18 characters",
    "methods": ["work_card", "dispatch_sheet", ...], "matches": true, "note": ""}]}.

    params.slot names the escorts' people slot; params.required_methods (default work_card and
    dispatch_sheet) must all have been used for each escort."""

    name = "escort_check"
    default_rule = "escorts_verified"

    def check_item(self, item: Item, template: Template) -> list[str]:
        return _check_escort_params(item, template)

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        rows = []
        fields = {"id_number", "methods", "matches", "note"}
        for where, row, escort in slot_rows(item, raw, ctx, person="escort", fields=fields):
            id_number = code_text(row.get("id_number", ""))
            if not matches_pattern(item.params.get("id_pattern", ID_NUMBER), id_number):
                raise answer_error(
                    item,
                    f"{where}: {shown(row.get('id_number'))} is not an ID number (18 characters)",
                )
            methods = row.get("methods", [])
            if not isinstance(methods, list) or any(m not in METHODS for m in methods):
                raise answer_error(item, f"{where}: methods must be a list of {', '.join(METHODS)}")
            matches = row.get("matches")
            if not isinstance(matches, bool):
                raise answer_error(item, f"{where}: matches must be true or false")
            rows.append(
                {
                    "escort": escort,
                    "id_number": id_number,
                    "methods": [m for m in METHODS if m in methods],
                    "matches": matches,
                    "note": str(row.get("note", "")).strip(),
                }
            )
        return {"rows": rows}

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        return text(
            f"已核对 {len(value['rows'])} 名押运人员", f"{len(value['rows'])} escort(s) checked"
        )


ESCORT_COLUMNS = (
    Column("escort", "押运人员", "Escort"),
    Column("id_number", "身份证号", "ID number"),
    Column("methods", "核对方式", "Checked against"),
    Column("matches", "人证是否相符", "Person matches"),
    Column("result", "结果", "Result"),
    Column("note", "备注", "Note"),
)


@rule("escorts_verified", check=needs_type("escort_check"))
def escorts_verified(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    """facts["id_numbers"]: the staff register's ID numbers; a recorded number that differs from
    the register's is a critical problem that stops the handover."""
    required = item.params.get("required_methods", ["work_card", "dispatch_sheet"])
    problems: list[Problem] = []
    table_rows = []
    for row in value["rows"]:
        person = ctx.person(row["escort"])
        name = person.name if person else row["escort"]
        lacking = [m for m in required if m not in row["methods"]]
        ok = row["matches"] and not lacking
        table_rows.append(
            [
                f"{name}（{row['escort']}）",
                row["id_number"],
                "、".join(METHODS[m]["zh"] for m in row["methods"]) or "—",
                "相符" if row["matches"] else "不符",
                "通过" if ok else "未通过",
                row["note"],
            ]
        )
        if not row["matches"]:
            problems.append(
                Problem(
                    title=text(
                        f"押运人员{name}身份与证件/派车单不符，{STOPPED['zh']}",
                        f"Escort {name}: identity does not match the papers, {STOPPED['en']}",
                    ),
                    subject=f"{row['escort']}:identity",
                    severity="critical",
                )
            )
        registered = ctx.facts.get("id_numbers", {}).get(row["escort"], "")
        if registered and registered.upper() != row["id_number"]:
            problems.append(
                Problem(
                    title=text(
                        f"押运人员{name}证件号码与登记不符（登记 {registered}），{STOPPED['zh']}",
                        f"Escort {name}: ID number differs from the register ({registered}), "
                        f"{STOPPED['en']}",
                    ),
                    subject=f"{row['escort']}:id_number",
                    severity="critical",
                )
            )
        if lacking:
            zh = "、".join(METHODS[m]["zh"] for m in lacking)
            en = ", ".join(METHODS[m]["en"] for m in lacking)
            problems.append(
                Problem(
                    title=text(
                        f"押运人员{name}未核对：{zh}", f"Escort {name}: not checked against {en}"
                    ),
                    subject=f"{row['escort']}:method",
                )
            )
    checked = {r["escort"] for r in value["rows"]}
    for p in ctx.slot(item.params["slot"]):
        if p.employee_no not in checked:
            problems.append(
                Problem(
                    title=text(
                        f"押运人员{p.name}身份未核对，{STOPPED['zh']}",
                        f"Escort {p.name}: identity not checked, {STOPPED['en']}",
                    ),
                    subject=f"{p.employee_no}:unchecked",
                    severity="critical",
                )
            )
    checks = table(
        item.key, text("押运人员身份核对", "Escort identity check"), ESCORT_COLUMNS, table_rows
    )
    if problems:
        return Outcome(
            "fail",
            text(f"身份核对未通过，{STOPPED['zh']}", f"identity check failed, {STOPPED['en']}"),
            {"checked": len(checked)},
            problems,
            [checks],
        )
    return Outcome(
        "pass",
        text(f"{len(checked)} 名押运人员身份核对无误", f"{len(checked)} escort(s) verified"),
        {"checked": len(checked)},
        tables=[checks],
    )


# ---------------------------------------------------------------- the box list

BOX_ID = r"^[A-Z0-9][A-Z0-9\-]{1,31}$"
SEAL = r"^[A-Z0-9\-]{4,32}$"


def _code(item: Item, raw: Any, pattern: str, what: str, where: str) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise answer_error(item, f"{where}: {what} must be text, got {raw!r}")
    value = code_text(raw)
    if not matches_pattern(pattern, value):
        raise answer_error(item, f"{where}: {shown(raw)} is not a {what}")
    return value


def _flag(item: Item, row: dict[str, Any], key: str, where: str) -> bool:
    v = row.get(key, True)
    if not isinstance(v, bool):
        raise answer_error(item, f"{where}: {key} must be true or false")
    return v


@item_type
class BoxList(ItemType):
    """Answer: {"expected": [{"box": "GZ0101-01", "seal": "A1234567"}, ...]   (the manifest),
    "actual": [{"box": "GZ0101-01", "seal": "A1234567", "lock_ok": true, "seal_ok": true}, ...]}.
    Box IDs and seal numbers are text, upper-cased; a box may appear once in each list."""

    name = "box_list"
    default_rule = "boxes_match"

    def parse(self, item: Item, raw: Any, ctx: EvalContext | None) -> dict[str, Any]:
        if not isinstance(raw, dict) or set(raw) - {"expected", "actual"}:
            raise answer_error(item, "answer must be an object with 'expected' and 'actual' lists")
        box_re = item.params.get("box_pattern", BOX_ID)
        seal_re = item.params.get("seal_pattern", SEAL)
        out: dict[str, list[dict[str, Any]]] = {}
        for side in ("expected", "actual"):
            rows = raw.get(side)
            if not isinstance(rows, list):
                raise answer_error(item, f"'{side}' must be a list of boxes")
            seen: set[str] = set()
            parsed = []
            for i, row in enumerate(rows):
                where = f"{side} row {i + 1}"
                if not isinstance(row, dict):
                    raise answer_error(item, f"{where} must be an object")
                allowed = {"box", "seal"} | ({"lock_ok", "seal_ok"} if side == "actual" else set())
                if set(row) - allowed:
                    raise answer_error(
                        item, f"{where}: unknown field(s) {', '.join(sorted(set(row) - allowed))}"
                    )
                box = _code(item, row.get("box"), box_re, "box ID", where)
                if box in seen:
                    raise answer_error(item, f"{where}: box '{box}' is listed twice")
                seen.add(box)
                entry: dict[str, Any] = {
                    "box": box,
                    "seal": _code(item, row.get("seal"), seal_re, "seal number", where),
                }
                if side == "actual":
                    entry["lock_ok"] = _flag(item, row, "lock_ok", where)
                    entry["seal_ok"] = _flag(item, row, "seal_ok", where)
                parsed.append(entry)
            out[side] = parsed
        return out

    def display(self, item: Item, value: dict[str, Any]) -> Text:
        return text(
            f"应交接 {len(value['expected'])} 箱，实交接 {len(value['actual'])} 箱",
            f"{len(value['expected'])} box(es) expected, {len(value['actual'])} handed over",
        )


def compare_boxes(value: dict[str, Any]) -> dict[str, Any]:
    """The box list against the manifest: count difference, set differences, seal mismatches."""
    expected = {r["box"]: r["seal"] for r in value["expected"]}
    actual = {r["box"]: r for r in value["actual"]}
    both = sorted(set(expected) & set(actual))
    return {
        "expected_count": len(expected),
        "actual_count": len(actual),
        "count_diff": len(actual) - len(expected),
        "missing": sorted(set(expected) - set(actual)),
        "unexpected": sorted(set(actual) - set(expected)),
        "seal_mismatches": [
            {"box": b, "expected": expected[b], "actual": actual[b]["seal"]}
            for b in both
            if expected[b] != actual[b]["seal"]
        ],
        "broken_locks": sorted(b for b, r in actual.items() if not r["lock_ok"]),
        "broken_seals": sorted(b for b, r in actual.items() if not r["seal_ok"]),
    }


BOX_COLUMNS = (
    Column("box", "款箱号", "Box"),
    Column("expected_seal", "清单封签号", "Manifest seal"),
    Column("actual_seal", "实际封签号", "Actual seal"),
    Column("lock", "锁具", "Lock"),
    Column("seal", "封签", "Seal"),
    Column("result", "结果", "Result"),
)


@rule("boxes_match", check=needs_type("box_list"))
def boxes_match(item: Item, value: dict[str, Any], ctx: EvalContext) -> Outcome:
    c = compare_boxes(value)
    expected = {r["box"]: r["seal"] for r in value["expected"]}
    actual = {r["box"]: r for r in value["actual"]}
    mismatched = {m["box"] for m in c["seal_mismatches"]}

    def crit(zh: str, en: str, subject: str) -> Problem:
        return Problem(
            title=text(f"{zh}，{STOPPED['zh']}", f"{en}, {STOPPED['en']}"),
            subject=subject,
            severity="critical",
        )

    problems: list[Problem] = []
    if c["count_diff"]:
        problems.append(
            crit(
                f"款箱数量不符：应交接 {c['expected_count']} 箱，实交接 {c['actual_count']} 箱",
                f"Box count differs: {c['expected_count']} expected, {c['actual_count']} handed over",
                "count",
            )
        )
    for b in c["missing"]:
        problems.append(crit(f"缺少款箱 {b}", f"Box {b} missing", f"{b}:missing"))
    for b in c["unexpected"]:
        problems.append(
            crit(f"款箱 {b} 不在交接清单内", f"Box {b} not on the manifest", f"{b}:unexpected")
        )
    for m in c["seal_mismatches"]:
        problems.append(
            crit(
                f"款箱 {m['box']} 封签号不符（应为 {m['expected']}，实为 {m['actual']}）",
                f"Box {m['box']}: seal {m['actual']}, manifest says {m['expected']}",
                f"{m['box']}:seal_no",
            )
        )
    for b in c["broken_locks"]:
        problems.append(crit(f"款箱 {b} 锁具异常", f"Box {b}: lock not intact", f"{b}:lock"))
    for b in c["broken_seals"]:
        problems.append(crit(f"款箱 {b} 封签破损", f"Box {b}: seal broken", f"{b}:seal"))

    rows = []
    for b in sorted(set(expected) | set(actual)):
        a = actual.get(b)
        if a is None:
            result = "缺少"
        elif b not in expected:
            result = "清单外"
        elif b in mismatched or not (a["lock_ok"] and a["seal_ok"]):
            result = "不符"
        else:
            result = "相符"
        rows.append(
            [
                b,
                expected.get(b, "—"),
                a["seal"] if a else "—",
                ("完好" if a["lock_ok"] else "异常") if a else "—",
                ("完好" if a["seal_ok"] else "破损") if a else "—",
                result,
            ]
        )
    boxes = table(
        item.key,
        text("款箱交接清点表", "Cash-box handover list"),
        BOX_COLUMNS,
        rows,
        [
            footer("应交接 Expected", result=str(c["expected_count"])),
            footer("实交接 Handed over", result=str(c["actual_count"])),
            footer("差数 Difference", result=f"{c['count_diff']:+d}"),
        ],
    )
    if problems:
        display = text(
            f"{STOPPED['zh']}：{len(problems)} 处不符（应 {c['expected_count']} 箱，实 {c['actual_count']} 箱）",
            f"{STOPPED['en']}: {len(problems)} mismatch(es) "
            f"({c['expected_count']} expected, {c['actual_count']} handed over)",
        )
        return Outcome("fail", display, c, problems, [boxes])
    display = text(
        f"{c['actual_count']} 箱，箱号、封签、锁具均相符",
        f"{c['actual_count']} box(es), IDs, seals and locks all match",
    )
    return Outcome("pass", display, c, tables=[boxes])


# ---------------------------------------------------------------- the agreed time window

HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


def _window_ok(w: Any) -> bool:
    return (
        isinstance(w, dict)
        and set(w) == {"from", "to"}
        and all(isinstance(w[k], str) and re.fullmatch(HHMM, w[k]) for k in ("from", "to"))
        and w["from"] < w["to"]
    )


def _check_window(item: Item, template: Template) -> list[str]:
    if item.type != "datetime":
        return ["rule 'within_window' needs an item of type 'datetime'"]
    window, windows = item.params.get("window"), item.params.get("windows")
    if (window is None) == (windows is None):
        return [
            "give either params.window {from, to} or params.windows by choice, not both or neither"
        ]
    if window is not None:
        return (
            []
            if _window_ok(window)
            else ["params.window needs from and to as HH:MM, from before to"]
        )
    choice_key = item.params.get("choice_item")
    choice = next((i for i in template.items() if i.key == choice_key), None)
    if choice is None or choice.type != "choice":
        return [f"params.choice_item must name a choice item (got {choice_key!r})"]
    out = []
    keys = {c.key for c in choice.choices}
    if not isinstance(windows, dict):
        return ["params.windows must map choice keys to {from, to}"]
    for k, w in windows.items():
        if k not in keys:
            out.append(
                f"params.windows: '{k}' is not a choice of '{choice_key}' ({', '.join(sorted(keys))})"
            )
        elif not _window_ok(w):
            out.append(f"params.windows.{k} needs from and to as HH:MM, from before to")
    return out


@rule("within_window", check=_check_window)
def within_window(item: Item, value: str, ctx: EvalContext) -> Outcome:
    """A date and time inside the agreed window (local time of day, ends included)."""
    shown = display_value(item, value)
    window = item.params.get("window")
    if window is None:
        choice = ctx.answers.get(item.params["choice_item"])
        if choice is None:
            return Outcome(
                "pending",
                text(
                    f"{shown['zh']}（待选择{item.params['choice_item']}）",
                    f"{shown['en']} (choice not answered yet)",
                ),
            )
        window = item.params["windows"].get(choice)
        if window is None:
            return Outcome("info", shown)
    at = datetime.fromisoformat(value).astimezone(ZoneInfo(ctx.settings.timezone)).time()
    start, end = time.fromisoformat(window["from"]), time.fromisoformat(window["to"])
    span = f"{window['from']}–{window['to']}"
    computed = {"window": span, "time": at.strftime("%H:%M")}
    if start <= at <= end:
        return Outcome(
            "pass",
            text(f"{at:%H:%M}，在约定时间 {span} 内", f"{at:%H:%M}, within {span}"),
            computed,
        )
    problem = Problem(
        title=text(
            f"{item.text.zh}：{at:%H:%M} 不在约定时间 {span} 内",
            f"{item.text.en}: {at:%H:%M} outside {span}",
        )
    )
    return Outcome(
        "fail",
        text(f"{at:%H:%M}，超出约定时间 {span}", f"{at:%H:%M}, outside {span}"),
        computed,
        [problem],
    )


# ---------------------------------------------------------------- exceptions


def mismatches(ctx: EvalContext) -> int:
    """The problems the handover's identity check and box list found in this inspection."""
    found = 0
    for item in ctx.template.items():
        if item.type in ("escort_check", "box_list") and item.key in ctx.answers:
            found += len(RULES[rule_name(item)](item, ctx.answers[item.key], ctx).problems)
    return found


@rule("handover_exceptions", check=needs_type("yes_no"))
def handover_exceptions(item: Item, value: str, ctx: EvalContext) -> Outcome:
    """Exceptions reported and the handover stopped: not applicable only when the identity check
    and the box list found nothing (domain.md §2: any mismatch is an exception)."""
    shown = dict(YES_NO[value])
    found = mismatches(ctx)
    if value == "na" and found:
        return Outcome(
            "fail",
            text(
                f"{shown['zh']}（交接发现 {found} 处不符，不得选不适用）",
                f"{shown['en']} ({found} mismatch(es) found: N/A is not allowed)",
            ),
            {"mismatches": found},
            [
                Problem(
                    title=text(
                        f"交接发现 {found} 处不符，异常情况却记为不适用：应当场报告并中止交接",
                        f"The handover found {found} mismatch(es) yet exceptions were recorded "
                        "as not applicable: report them and stop the handover",
                    ),
                    subject="exceptions:na",
                )
            ],
        )
    if value == "na":
        return Outcome("na", shown, {"mismatches": 0})
    if value == item.expect:
        return Outcome("pass", shown, {"mismatches": found})
    return Outcome("fail", shown, {"mismatches": found}, [Problem(title=item.text.as_dict())])
