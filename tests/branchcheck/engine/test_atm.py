"""ATM loading and balancing: counted = Σ (remaining + rejected) × face, differences against the
expected remainder and the host book as 长款/短款 (cassettes never offset), the new load against the
cash issued, outstanding differences against the limit, and the separation of duties."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchcheck import inspections
from branchcheck.engine import ITEM_TYPES, RULES, atm
from branchcheck.errors import AnswerError, PeopleRuleError
from branchcheck.people import register as staff
from branchcheck.people.rules import check_people

from .conftest import REFS, make_ctx, refs, template

TEMPLATE = template("atm_replenishment")
CASSETTES = TEMPLATE.item("cassettes")
OPEN = TEMPLATE.item("open_differences")
FACE = {d["key"]: d["face_fen"] for d in CASSETTES.params["denominations"]}
PEOPLE = {
    "loader_a": ["E006"],
    "loader_b": ["E007"],
    "sorter": ["E008"],
    "bookkeeper": ["E009"],
    "key_holder": ["E006"],
    "code_holder": ["E007"],
}


def ctx():
    return make_ctx("atm_replenishment", PEOPLE, inspector="E010")


def judge(raw):
    value = ITEM_TYPES["cassette_table"].parse(CASSETTES, raw, ctx())
    return RULES["atm_balances"](CASSETTES, value, ctx())


cassette = st.tuples(
    st.sampled_from(sorted(FACE)),
    st.integers(0, 3000),
    st.integers(0, 3000),
    st.integers(0, 3000),
    st.integers(0, 50),
).map(
    lambda t: {
        "denomination": t[0],
        "last_load": max(t[1], t[2]),
        "dispensed": min(t[1], t[2]),
        "remaining": t[3],
        "rejected": t[4],
    }
)


@given(st.lists(cassette, min_size=1, max_size=4), st.integers(0, 10**6), st.integers(0, 10**9))
def test_counted_is_remaining_plus_rejected_times_face(rows, deposit, host):
    rows = [r | {"cassette": str(i + 1)} for i, r in enumerate(rows)]
    out = judge({"cassettes": rows, "deposit_fen": deposit, "host_fen": host})
    c = out.computed
    counted = sum((r["remaining"] + r["rejected"]) * FACE[r["denomination"]] for r in rows)
    expected = sum((r["last_load"] - r["dispensed"]) * FACE[r["denomination"]] for r in rows)
    assert c["counted_cash_fen"] == counted
    assert c["counted_fen"] == counted + deposit
    assert c["expected_fen"] == expected
    assert c["diff_expected_fen"] == counted - expected
    diff = counted + deposit - host
    assert c["diff_host_fen"] == diff
    assert c["diff_host_kind"] == (
        "overage" if diff > 0 else "shortage" if diff < 0 else "balanced"
    )
    per_cassette = [
        (r["remaining"] + r["rejected"]) - (r["last_load"] - r["dispensed"]) for r in rows
    ]
    if any(per_cassette):  # the summary states overages and shortages, never a net figure
        assert "长款合计" in out.display["zh"] and "短款合计" in out.display["zh"]
        assert "相符" not in out.display["zh"]
    elif diff:
        assert ("长款" if diff > 0 else "短款") in out.display["zh"]
    else:
        assert "均相符" in out.display["zh"]
    assert (out.result == "pass") == (diff == 0 and not any(per_cassette))
    # every cassette that does not balance is its own finding: no offsetting
    assert sum(1 for p in out.problems if ":cassette " in p.subject) == sum(
        1 for d in per_cassette if d
    )
    for p, d in zip(
        [p for p in out.problems if ":cassette " in p.subject],
        [d for d in per_cassette if d],
        strict=True,
    ):
        assert ("长款" if d > 0 else "短款") in p.title["zh"]


def test_overage_and_shortage_in_two_cassettes_do_not_offset():
    rows = [
        {
            "cassette": "1",
            "denomination": "n100",
            "last_load": 100,
            "dispensed": 0,
            "remaining": 101,
        },
        {
            "cassette": "2",
            "denomination": "n100",
            "last_load": 100,
            "dispensed": 0,
            "remaining": 99,
        },
    ]
    out = judge({"cassettes": rows, "host_fen": 200 * 10000})
    assert out.computed["diff_host_fen"] == 0
    assert out.result == "fail"
    assert ["长款" in p.title["zh"] for p in out.problems] == [True, False]
    # the summary states both, never the net ¥0.00 of the two
    assert "相符" not in out.display["zh"] and "¥0.00" not in out.display["zh"]
    assert "长款合计 ¥100.00，短款合计 ¥100.00" in out.display["zh"]
    assert (out.computed["overage_fen"], out.computed["shortage_fen"]) == (10000, 10000)
    labels = [f[0] for f in out.tables[0]["footer"]]
    assert labels[:2] == ["钞箱长款合计 Overages", "钞箱短款合计 Shortages"]


def test_host_difference_the_cassettes_explain_is_one_finding_not_two():
    rows = [
        {
            "cassette": "4",
            "denomination": "n50",
            "last_load": 2000,
            "dispensed": 612,
            "remaining": 1385,
            "rejected": 2,
        }
    ]
    out = judge({"cassettes": rows, "host_fen": 1388 * 5000})
    assert [p.subject for p in out.problems] == [":cassette 4:shortage"]
    out = judge({"cassettes": rows, "host_fen": 1388 * 5000 + 100})  # the book is off by more
    assert [p.subject for p in out.problems] == [":cassette 4:shortage", ":host:shortage"]


def test_slip_and_load_are_checked():
    rows = [
        {
            "cassette": "1",
            "denomination": "n100",
            "last_load": 10,
            "dispensed": 5,
            "remaining": 5,
            "new_load": 2000,
        }
    ]
    out = judge(
        {"cassettes": rows, "host_fen": 50000, "slip_fen": 60000, "load_book_fen": 20000000}
    )
    assert [p.subject for p in out.problems] == [":slip"]
    out = judge({"cassettes": rows, "host_fen": 50000, "load_book_fen": 19990000})
    assert [p.subject for p in out.problems] == [":load:overage"]
    assert out.computed["diff_load_fen"] == 10000


@pytest.mark.parametrize(
    "raw,msg",
    [
        ({"cassettes": []}, "host_fen"),
        ({"cassettes": [{"denomination": "n5"}], "host_fen": 0}, "unknown denomination"),
        (
            {
                "cassettes": [{"denomination": "n100", "last_load": 5, "dispensed": 6}],
                "host_fen": 0,
            },
            "more than",
        ),
        ({"cassettes": [{"denomination": "n100", "remaining": -1}], "host_fen": 0}, "≥ 0"),
        (
            {"cassettes": [{"denomination": "n100", "remaining": 1.5}], "host_fen": 0},
            "whole number",
        ),
        (
            {
                "cassettes": [
                    {"cassette": "1", "denomination": "n100"},
                    {"cassette": "1", "denomination": "n50"},
                ],
                "host_fen": 0,
            },
            "appears twice",
        ),
    ],
)
def test_bad_cassette_answers_are_refused(raw, msg):
    with pytest.raises(AnswerError, match=msg) as exc:
        ITEM_TYPES["cassette_table"].parse(CASSETTES, raw, ctx())
    assert "cassettes" in str(exc.value)


# ---------------------------------------------------------------- outstanding differences


@given(st.integers(0, 30), st.integers(0, 20), st.integers(-(10**6), 10**6).filter(bool))
def test_outstanding_difference_flagged_only_past_the_limit(age, limit, amount):
    item = OPEN.model_copy(update={"params": {"max_days": limit}})
    today = date(2026, 11, 20)
    booked = date.fromordinal(today.toordinal() - age).isoformat()
    c = make_ctx("atm_replenishment", PEOPLE, day=today)
    value = ITEM_TYPES["open_differences"].parse(
        item, {"rows": [{"booked_on": booked, "amount_fen": amount}]}, c
    )
    out = RULES["differences_outstanding"](item, value, c)
    assert (out.result == "fail") == (age > limit)
    # the answer widget asks the same test
    assert atm.age(item, booked, today) == atm.Age(age, age > limit)
    if out.problems:
        assert ("长款" if amount > 0 else "短款") in out.problems[0].title["zh"]


def test_outstanding_default_limit_and_bad_rows():
    assert OPEN.params["max_days"] == 7
    c = ctx()
    with pytest.raises(AnswerError, match="after the inspection date"):
        ITEM_TYPES["open_differences"].parse(
            OPEN, {"rows": [{"booked_on": "2026-12-01", "amount_fen": 5}]}, c
        )
    with pytest.raises(AnswerError, match="zero"):
        ITEM_TYPES["open_differences"].parse(
            OPEN, {"rows": [{"booked_on": "2026-11-01", "amount_fen": 0}]}, c
        )
    out = RULES["differences_outstanding"](OPEN, {"rows": []}, c)
    assert out.result == "pass" and out.display["zh"] == "无未处理长短款"


# ---------------------------------------------------------------- people


@pytest.mark.parametrize(
    "change,message",
    [
        ({"loader_b": ["E006"]}, "cannot be both"),  # loader A = loader B
        ({"code_holder": ["E006"]}, "cannot be both"),  # key holder = code holder
        ({"loader_b": ["E008"]}, "does not hold the role"),  # the sorter is no loader
        # the supervising officer holds neither the key nor the combination
        ({"key_holder": ["E010"]}, "不能同时担任监督人和钥匙管理员"),
        ({"code_holder": ["E010"]}, "不能同时担任监督人和密码管理员"),
    ],
)
def test_duties_are_separated(change, message):
    with pytest.raises(PeopleRuleError, match=message):
        check_people(TEMPLATE, REFS["E010"], refs(PEOPLE | change))


@pytest.mark.parametrize(
    "person,roles,slot",
    [
        ("L001", ["atm_loader", "sorter"], "sorter"),
        ("L002", ["atm_loader", "bookkeeper"], "bookkeeper"),
    ],
)
def test_a_loader_who_is_also_the_sorter_or_bookkeeper_is_refused(
    people_store, person, roles, slot
):
    staff.add_staff(people_store, employee_no=person, name="兼岗员工", roles=roles)
    people = PEOPLE | {"loader_b": [person], "code_holder": ["E010"], slot: [person]}
    with pytest.raises(PeopleRuleError, match=f"兼岗员工（{person}）不能同时担任加钞员B和"):
        inspections.start(
            people_store, checklist="atm_replenishment", inspector="E001", people=people
        )
    assert inspections.list_records(people_store) == []


def test_loader_a_equal_to_loader_b_is_refused_at_start(people_store):
    with pytest.raises(PeopleRuleError) as exc:
        inspections.start(
            people_store,
            checklist="atm_replenishment",
            inspector="E001",
            people=PEOPLE | {"loader_b": ["E006"]},
        )
    assert str(exc.value).count("赵磊（E006）不能同时担任加钞员A和加钞员B") == 1


def test_only_the_loaders_sign(people_store):
    iid = inspections.start(
        people_store, checklist="atm_replenishment", inspector="E010", people=PEOPLE
    )
    parties = [(p.party, p.person.employee_no) for p in inspections.load(people_store, iid).parties]
    assert parties == [("inspector", "E010"), ("loader_a", "E006"), ("loader_b", "E007")]
