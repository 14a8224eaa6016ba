"""Blank vouchers: the range functions against brute force over small number spaces, the balance
identity, number parsing (fixed width, digits only, never integers), and the checklist's people."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchcheck import inspections
from branchcheck.engine import ITEM_TYPES, RULES
from branchcheck.engine import vouchers as v
from branchcheck.errors import AnswerError, PeopleRuleError
from branchcheck.people.rules import check_people

from .conftest import REFS, make_ctx, refs, template

SPACE = 40
ranges = st.lists(
    st.tuples(st.integers(0, SPACE), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=6,
)


def numbers(rs):
    return {n for a, b in rs for n in range(a, b + 1)}


def multiplicity(rs):
    out: dict[int, int] = {}
    for a, b in rs:
        for n in range(a, b + 1):
            out[n] = out.get(n, 0) + 1
    return out


def is_merged(rs):
    return all(a <= b for a, b in rs) and all(
        b1 + 1 < a2 for (_, b1), (a2, _) in zip(rs, rs[1:], strict=False)
    )


@given(ranges)
def test_count_is_last_minus_first_plus_one(rs):
    assert v.count(rs) == sum(len(range(a, b + 1)) for a, b in rs)
    for r in rs:
        assert v.range_count(r) == r[1] - r[0] + 1


@given(ranges)
def test_merge_covers_the_same_numbers_once(rs):
    m = v.merge(rs)
    assert numbers(m) == numbers(rs)
    assert is_merged(m)
    assert v.count(m) == len(numbers(rs))


@given(ranges, ranges)
def test_subtract_and_intersect_are_set_operations(a, b):
    assert numbers(v.subtract(a, b)) == numbers(a) - numbers(b)
    assert numbers(v.intersect(a, b)) == numbers(a) & numbers(b)
    assert is_merged(v.subtract(a, b))


@given(st.lists(ranges, min_size=1, max_size=4))
def test_overlaps_are_exactly_the_repeated_numbers(places):
    flat = [r for rs in places for r in rs]
    expected = {n for n, k in multiplicity(flat).items() if k >= 2}
    assert numbers(v.overlaps(flat)) == expected
    assert is_merged(v.overlaps(flat))


@given(ranges, st.lists(ranges, max_size=4))
def test_gaps_are_exactly_the_numbers_unaccounted_for(universe, places):
    flat = [r for rs in places for r in rs]
    assert numbers(v.gaps(universe, flat)) == numbers(universe) - numbers(flat)


@given(ranges, ranges, ranges)
def test_skipped_are_the_numbers_left_behind_below_the_highest_used(universe, consumed, released):
    got = numbers(v.skipped(universe, consumed, released))
    used = numbers(consumed)
    top = max(used) if used else -1
    expected = {n for n in numbers(universe) - used - numbers(released) if n < top}
    assert got == expected


@given(ranges)
def test_next_number_is_the_smallest_on_hand(rs):
    assert v.next_number(rs) == (min(numbers(rs)) if rs else None)


@given(ranges)
def test_out_of_order_pairs(rs):
    got = v.out_of_order(rs)
    assert got == [(a, b) for a, b in zip(rs, rs[1:], strict=False) if b[0] <= a[1]]


# ---------------------------------------------------------------- the voucher table

TEMPLATE = template("blank_vouchers")
ITEM = TEMPLATE.item("vouchers")
PEOPLE = {"checker_a": ["E010"], "checker_b": ["E003"], "custodian": ["E004"]}


def ctx():
    return make_ctx("blank_vouchers", PEOPLE, inspector="E010")


def s(rs, width=8):
    return [[str(a).zfill(width), str(b).zfill(width)] for a, b in rs]


def run(row, key="cash_cheque"):
    value = ITEM_TYPES["voucher_table"].parse(ITEM, {"rows": {key: row}}, ctx())
    return RULES["voucher_balances"](ITEM, value, ctx())


@given(ranges, ranges, ranges, ranges, ranges, ranges, st.integers(0, 100))
def test_table_finds_exactly_the_missing_and_repeated_numbers(
    opening, received, used, voided, returned, on_hand, physical
):
    out = run(
        {
            "opening": s(opening),
            "received": s(received),
            "used": s(used),
            "voided": s(voided),
            "returned": s(returned),
            "on_hand": s(on_hand),
            "physical": physical,
        }
    )
    c = out.computed["cash_cheque"]
    universe = numbers(opening) | numbers(received)
    placed = [*used, *voided, *returned, *on_hand]
    as_set = lambda rs: {int(n) for a, b in rs for n in range(int(a), int(b) + 1)}  # noqa: E731
    assert as_set(c["gaps"]) == universe - numbers(placed)
    assert as_set(c["unknown"]) == numbers(placed) - universe
    repeated_in = {n for n, k in multiplicity([*opening, *received]).items() if k >= 2}
    repeated_out = {n for n, k in multiplicity(placed).items() if k >= 2}
    assert as_set(c["overlaps"]) == repeated_in | repeated_out
    # 结存 = 期初 + 领入 − 使用 − 作废 − 上缴 over distinct numbers: a number registered twice
    # (重号) is reported and counted once, so it never makes a shortage or an overage of its own
    consumed = numbers(used) | numbers(voided) | numbers(returned)
    closing = len(numbers(opening)) + len(numbers(received) - numbers(opening)) - len(consumed)
    assert c["closing"] == closing and c["difference"] == physical - closing
    clean = (
        not (c["gaps"] or c["unknown"] or c["overlaps"] or c["skipped"])
        and physical == closing
        and len(numbers(on_hand) - consumed) == physical
        and not v.out_of_order(used)
    )
    assert (out.result == "pass") == clean
    assert (out.result == "fail") == bool(out.problems)


def test_clean_row_passes_and_names_the_next_number():
    out = run(
        {
            "opening": ["00412301-00412350"],
            "received": ["00412351-00412400"],
            "used": ["00412301-00412318", "00412320-00412326"],
            "voided": ["00412319"],
            "on_hand": ["00412327-00412400"],
            "physical": 74,
        }
    )
    assert out.result == "pass"
    c = out.computed["cash_cheque"]
    assert (c["closing"], c["difference"], c["next"]) == (74, 0, "00412327")
    cols = [col["key"] for col in out.tables[0]["columns"]]
    assert out.tables[0]["rows"][0][cols.index("next")] == "00412327"


def test_skip_and_shortage_are_findings():
    out = run(
        {
            "opening": ["10285601-10285700"],
            "used": ["10285601-10285630", "10285632-10285640"],
            "on_hand": ["10285631", "10285642-10285700"],
            "physical": 60,
        },
        key="transfer_cheque",
    )
    titles = [p.title["zh"] for p in out.problems]
    assert any("跳号" in t and "10285631" in t for t in titles)
    assert any("缺号" in t and "10285641" in t for t in titles)
    assert any("实物短少 1 份" in t for t in titles)
    assert {p.subject for p in out.problems} >= {
        "transfer_cheque:skipped",
        "transfer_cheque:gaps",
        "transfer_cheque:difference",
    }


@pytest.mark.parametrize(
    "row,msg",
    [
        ({"opening": ["412301-412350"], "physical": 0}, "has 6 digits, this voucher type has 8"),
        ({"opening": [[412301, 412350]], "physical": 0}, "text with leading zeros"),
        ({"opening": ["0041230A"], "physical": 0}, "digits only"),
        ({"opening": ["00412350-00412301"], "physical": 0}, "runs backwards"),
        ({"opening": ["00412301-00412350"]}, "physical count"),
        ({"opening": ["00412301"], "physical": 1, "colour": "red"}, "unknown field"),
    ],
)
def test_bad_numbers_are_refused(row, msg):
    with pytest.raises(AnswerError, match=msg) as exc:
        ITEM_TYPES["voucher_table"].parse(ITEM, {"rows": {"cash_cheque": row}}, ctx())
    assert "vouchers" in str(exc.value)


def test_passbooks_have_their_own_width():
    with pytest.raises(AnswerError, match="10"):
        ITEM_TYPES["voucher_table"].parse(
            ITEM, {"rows": {"passbook": {"opening": ["00412301"], "physical": 1}}}, ctx()
        )
    with pytest.raises(AnswerError, match="unknown voucher type 'stamps'"):
        ITEM_TYPES["voucher_table"].parse(ITEM, {"rows": {"stamps": {"physical": 1}}}, ctx())


# ---------------------------------------------------------------- people


def test_checkers_must_be_two_different_people():
    check_people(TEMPLATE, REFS["E010"], refs(PEOPLE))
    with pytest.raises(PeopleRuleError, match="cannot be both"):
        check_people(TEMPLATE, REFS["E010"], refs({"checker_a": ["E003"], "checker_b": ["E003"]}))
    with pytest.raises(PeopleRuleError, match="cannot be both"):  # nobody checks their own vouchers
        check_people(
            TEMPLATE,
            REFS["E010"],
            refs({"checker_a": ["E004"], "checker_b": ["E003"], "custodian": ["E004"]}),
        )


def test_same_checker_twice_is_refused_at_start(people_store):
    with pytest.raises(PeopleRuleError, match="cannot be both"):
        inspections.start(
            people_store,
            checklist="blank_vouchers",
            inspector="E010",
            people={"checker_a": ["E005"], "checker_b": ["E005"]},
        )
    iid = inspections.start(
        people_store, checklist="blank_vouchers", inspector="E010", people=PEOPLE
    )
    parties = {(p.party, p.person.employee_no) for p in inspections.load(people_store, iid).parties}
    assert {("checker_a", "E010"), ("checker_b", "E003")} <= parties


# ---------------------------------------------------------------- carry-forward (issue #8.9)

LAST = {"record_id": "1a36eb6b-0000", "local_date": "2026-11-13"}


def carried(rows, item="vouchers"):
    return {v.CARRIED_FACT: {item: LAST | {"rows": rows}}}


def run_with(rows, facts):
    c = make_ctx("blank_vouchers", PEOPLE, inspector="E010", facts=facts)
    value = ITEM_TYPES["voucher_table"].parse(ITEM, {"rows": rows}, c)
    return RULES["voucher_balances"](ITEM, value, c)


def test_numbers_vanished_since_the_last_sealed_check_are_a_critical_finding():
    out = run_with(
        {
            "transfer_cheque": {
                "opening": ["10285651-10285700"],
                "on_hand": ["10285651-10285700"],
                "physical": 50,
            }
        },
        carried({"transfer_cheque": [["10285631", "10285631"], ["10285641", "10285700"]]}),
    )
    assert out.result == "fail"
    (p,) = [p for p in out.problems if p.subject == "transfer_cheque:carry_missing"]
    assert p.severity == "critical"
    assert "11 份" in p.title["zh"] and "10285631、10285641–10285650" in p.title["zh"]
    assert "2026-11-13" in p.title["zh"] and "1a36eb6b" in p.title["zh"]
    assert out.computed["transfer_cheque"]["carry_missing"] == [
        ["10285631", "10285631"],
        ["10285641", "10285650"],
    ]


def test_numbers_appearing_in_the_opening_and_kinds_gone_missing_are_findings():
    out = run_with(
        {
            "cash_cheque": {
                "opening": ["00412301-00412310"],
                "on_hand": ["00412301-00412310"],
                "physical": 10,
            }
        },
        carried(
            {"cash_cheque": [["00412305", "00412310"]], "passbook": [["0061200040", "0061200041"]]}
        ),
    )
    subjects = {p.subject: p for p in out.problems}
    assert "00412301–00412304" in subjects["cash_cheque:carry_extra"].title["zh"]
    assert subjects["cash_cheque:carry_extra"].severity == "critical"
    gone = subjects["passbook:carry_missing"]
    assert gone.severity == "critical" and "0061200040–0061200041" in gone.title["zh"]


def test_opening_defaults_to_the_carried_ranges_and_then_matches():
    out = run_with(
        {
            "transfer_cheque": {
                "used": ["10285641-10285650"],
                "on_hand": ["10285651-10285700"],
                "voided": ["10285631"],
                "physical": 50,
            }
        },
        carried({"transfer_cheque": [["10285631", "10285631"], ["10285641", "10285700"]]}),
    )
    assert out.result == "pass", [p.title for p in out.problems]
    c = out.computed["transfer_cheque"]
    assert (c["opening"], c["closing"]) == (61, 50)
    numbers_table = {t["key"]: t for t in out.tables}["vouchers_numbers"]
    opening_row = next(r for r in numbers_table["rows"] if r[1].startswith("期初"))
    assert "沿用上次结存" in opening_row[1] and opening_row[3] == "10285631、10285641–10285700"


def test_no_earlier_check_means_no_comparison():
    out = run_with(
        {
            "cash_cheque": {
                "opening": ["00412301-00412310"],
                "on_hand": ["00412301-00412310"],
                "physical": 10,
            }
        },
        {},
    )
    assert out.result == "pass"


def sealed_check(store, rows, day, *, status="sealed"):
    from datetime import datetime

    from branchcheck.db.models import Inspection

    iid = inspections.start(
        store,
        checklist="blank_vouchers",
        inspector="E010",
        people=PEOPLE,
        now=datetime.fromisoformat(f"{day}T17:00:00+08:00"),
    )
    inspections.answer(store, iid, "vouchers", {"rows": rows})
    with store.session() as s:
        s.get(Inspection, iid).status = status
    return iid


def test_facts_hold_the_closing_ranges_of_the_last_sealed_check(people_store):
    from datetime import date

    from branchcheck.inspections.context import facts_for, widget_facts
    from branchcheck.people.register import get_branch

    row = {
        "opening": ["10285601-10285700"],
        "used": ["10285601-10285630", "10285632-10285640"],
        "on_hand": ["10285631", "10285641-10285700"],
        "physical": 61,
    }
    older = sealed_check(
        people_store, {"transfer_cheque": row | {"on_hand": ["10285601-10285700"]}}, "2026-11-06"
    )
    last = sealed_check(people_store, {"transfer_cheque": row}, "2026-11-13")
    sealed_check(
        people_store, {"transfer_cheque": {"physical": 0}}, "2026-11-14", status="completed"
    )
    now = sealed_check(people_store, {}, "2026-11-20", status="in_progress")
    with people_store.session() as s:
        facts = facts_for(
            s,
            branch_id=get_branch(s).id,
            checklist_key="blank_vouchers",
            today=date(2026, 11, 20),
            home=None,
            exclude_id=now,
        )
    got = facts[v.CARRIED_FACT]["vouchers"]
    assert (got["record_id"], got["local_date"]) == (last, "2026-11-13")
    assert got["rows"] == {"transfer_cheque": [["10285631", "10285631"], ["10285641", "10285700"]]}
    assert older != last
    assert widget_facts(people_store, now)[v.CARRIED_FACT] == facts[v.CARRIED_FACT]
    # the last check itself, evaluated again, compares with the one before it
    with people_store.session() as s:
        again = facts_for(
            s,
            branch_id=get_branch(s).id,
            checklist_key="blank_vouchers",
            today=date(2026, 11, 13),
            home=None,
            exclude_id=last,
        )
    assert again[v.CARRIED_FACT]["vouchers"]["record_id"] == older


# ---------------------------------------------------------------- overlaps (issue #8.10)


def test_overlaps_are_reported_and_not_counted_twice_in_the_balance():
    out = run(
        {
            "opening": ["00412301-00412350"],
            "received": ["00412347-00412400"],  # 4 numbers registered twice
            "used": ["00412301-00412320"],
            "on_hand": ["00412317-00412400"],  # 4 used numbers listed again as on hand
            "physical": 80,
        }
    )
    c = out.computed["cash_cheque"]
    assert (c["opening"], c["received"], c["closing"], c["difference"]) == (50, 50, 80, 0)
    assert c["next"] == "00412321"
    titles = [p.title["zh"] for p in out.problems]
    assert not any("实物" in t or "结存号段" in t for t in titles), titles
    (dup,) = [t for t in titles if "重号" in t]
    assert "8 份" in dup and "不计入结存" in dup


@given(ranges, ranges, ranges, ranges)
def test_next_number_is_never_a_number_used_voided_or_returned(used, voided, returned, on_hand):
    out = run(
        {
            "opening": s([(0, SPACE + 8)]),
            "used": s(used),
            "voided": s(voided),
            "returned": s(returned),
            "on_hand": s(on_hand),
            "physical": 0,
        }
    )
    nxt = out.computed["cash_cheque"]["next"]
    free = numbers(on_hand) - numbers(used) - numbers(voided) - numbers(returned)
    assert nxt == (str(min(free)).zfill(8) if free else "—")


# ---------------------------------------------------------------- numbers on the record (#8.11)


def test_used_sold_voided_and_returned_numbers_are_printed_and_sold_leaves_the_stock():
    out = run(
        {
            "opening": ["10285601-10285700"],
            "used": ["10285601-10285610"],
            "sold": ["10285611-10285635"],
            "voided": ["10285636"],
            "returned": ["10285690-10285700"],
            "on_hand": ["10285637-10285689"],
            "physical": 53,
        },
        key="transfer_cheque",
    )
    assert out.result == "pass", [p.title for p in out.problems]
    c = out.computed["transfer_cheque"]
    assert (c["used"], c["sold"], c["voided"], c["returned"], c["closing"]) == (10, 25, 1, 11, 53)
    stock = {t["key"]: t for t in out.tables}
    cols = [col["key"] for col in stock["vouchers"]["columns"]]
    assert stock["vouchers"]["rows"][0][cols.index("sold")] == 25
    rows = {r[1]: r for r in stock["vouchers_numbers"]["rows"]}
    assert rows["使用"][2:] == [10, "10285601–10285610"]
    assert rows["出售"][2:] == [25, "10285611–10285635"]
    assert rows["作废"][2:] == [1, "10285636"]
    assert rows["上缴"][2:] == [11, "10285690–10285700"]
    assert rows["结存"][2:] == [53, "10285637–10285689"]


def test_the_record_prints_every_number_not_a_shortened_list():
    used = [f"{n:08d}" for n in range(412301, 412340, 2)]  # 20 single numbers
    out = run(
        {
            "opening": ["00412301-00412339"],
            "used": used,
            "on_hand": [f"{n:08d}" for n in range(412302, 412340, 2)],
            "physical": 19,
        }
    )
    rows = {r[1]: r for r in {t["key"]: t for t in out.tables}["vouchers_numbers"]["rows"]}
    assert rows["使用"][3].split("、") == used


def test_the_demo_opens_its_second_voucher_check_with_what_the_first_left(store):
    from branchcheck import demo

    demo.setup_demo(store, weeks=1)
    checks = sorted(
        (r for r in inspections.list_records(store) if r.checklist == "blank_vouchers"),
        key=lambda r: r.local_date,
    )
    assert [r.status for r in checks] == ["sealed", "sealed"]
    ev = inspections.evaluation(store, checks[1].id)
    out = ev.outcomes["vouchers"]
    assert out.result == "pass", [p.title for p in out.problems]
    numbers_table = {t["key"]: t for t in out.tables}["vouchers_numbers"]
    carried = [r for r in numbers_table["rows"] if r[1].startswith("上次结存")]
    assert {r[0] for r in carried} == {"现金支票", "转账支票", "存折", "存单"}
    assert all(checks[0].id[:8] in r[1] for r in carried)
    assert out.computed["transfer_cheque"]["opening"] == 61
    assert out.computed["cash_cheque"]["sold"] == 25
