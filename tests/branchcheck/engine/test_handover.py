"""Cash-box handover: the box list against the manifest (set differences, seals, locks — any
mismatch stops the handover), the escorts' identity, the agreed time window, and the people."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchcheck import inspections
from branchcheck.engine import ITEM_TYPES, RULES
from branchcheck.errors import AnswerError, PeopleRuleError
from branchcheck.people import register as staff
from branchcheck.people.rules import check_people

from .conftest import REFS, make_ctx, refs, template

TEMPLATE = template("cashbox_handover")
BOXES = TEMPLATE.item("box_list")
ESCORT = TEMPLATE.item("escort_identity")
TIME = TEMPLATE.item("handover_time")
PEOPLE = {"handing": ["E003"], "receiving": ["E004"], "escorts": ["X001", "X002"]}


def ctx(answers=None):
    return make_ctx("cashbox_handover", PEOPLE, inspector="E010", answers=answers)


box_ids = st.sampled_from([f"GZ0101-{n:02d}" for n in range(1, 9)])
seals = st.sampled_from(["JD0001", "JD0002", "JD0003"])
manifest = st.dictionaries(box_ids, seals, max_size=6)
handed = st.dictionaries(box_ids, st.tuples(seals, st.booleans(), st.booleans()), max_size=6)


def answer(expected, actual):
    return {
        "expected": [{"box": b, "seal": s} for b, s in expected.items()],
        "actual": [
            {"box": b, "seal": s, "lock_ok": lock, "seal_ok": ok}
            for b, (s, lock, ok) in actual.items()
        ],
    }


@given(manifest, handed)
def test_missing_and_unexpected_are_the_set_differences(expected, actual):
    value = ITEM_TYPES["box_list"].parse(BOXES, answer(expected, actual), ctx())
    out = RULES["boxes_match"](BOXES, value, ctx())
    c = out.computed
    assert set(c["missing"]) == set(expected) - set(actual)
    assert set(c["unexpected"]) == set(actual) - set(expected)
    assert c["count_diff"] == len(actual) - len(expected)
    assert {m["box"] for m in c["seal_mismatches"]} == {
        b for b in set(expected) & set(actual) if expected[b] != actual[b][0]
    }
    mismatch = (
        set(expected) != set(actual)
        or c["seal_mismatches"]
        or any(not (lock and ok) for _, lock, ok in actual.values())
    )
    if mismatch:
        assert out.result == "fail" and out.problems
        assert all(p.severity == "critical" for p in out.problems)
        assert "交接中止" in out.display["zh"] and "handover stopped" in out.display["en"]
        assert all("交接中止" in p.title["zh"] for p in out.problems)
    else:
        assert out.result == "pass" and not out.problems


def test_a_matching_list_passes_with_a_table():
    boxes = {"GZ0101-01": "JD0001", "GZ0101-02": "JD0002"}
    value = ITEM_TYPES["box_list"].parse(
        BOXES, answer(boxes, {b: (s, True, True) for b, s in boxes.items()}), ctx()
    )
    out = RULES["boxes_match"](BOXES, value, ctx())
    assert out.result == "pass"
    assert [r[-1] for r in out.tables[0]["rows"]] == ["相符", "相符"]


def test_seal_mismatch_names_both_numbers():
    value = ITEM_TYPES["box_list"].parse(
        BOXES, answer({"GZ0101-01": "JD0001"}, {"GZ0101-01": ("JD0002", True, True)}), ctx()
    )
    out = RULES["boxes_match"](BOXES, value, ctx())
    [p] = out.problems
    assert (
        "JD0001" in p.title["zh"] and "JD0002" in p.title["zh"] and p.subject == "GZ0101-01:seal_no"
    )


@pytest.mark.parametrize(
    "raw,msg",
    [
        (
            {
                "expected": [{"box": "A1", "seal": "JD0001"}, {"box": "a1", "seal": "JD0002"}],
                "actual": [],
            },
            "listed twice",
        ),
        ({"expected": [{"box": "A1", "seal": "J1"}], "actual": []}, "not a seal number"),
        (
            {"expected": [], "actual": [{"box": "A1", "seal": "JD0001", "lock_ok": "yes"}]},
            "lock_ok must be",
        ),
        ({"expected": []}, "'actual' must be a list"),
    ],
)
def test_bad_box_lists_are_refused(raw, msg):
    with pytest.raises(AnswerError, match=msg):
        ITEM_TYPES["box_list"].parse(BOXES, raw, ctx())


# ---------------------------------------------------------------- escorts


def escort_rows(**changes):
    rows = [
        {
            "escort": "X001",
            "id_number": "360702198803151234",
            "methods": ["work_card", "dispatch_sheet"],
            "matches": True,
        },
        {
            "escort": "X002",
            "id_number": "36070219910722765x",
            "methods": ["work_card", "dispatch_sheet"],
            "matches": True,
        },
    ]
    rows[1].update(changes)
    return {"rows": rows}


def judge_escorts(raw):
    value = ITEM_TYPES["escort_check"].parse(ESCORT, raw, ctx())
    return RULES["escorts_verified"](ESCORT, value, ctx())


def test_escorts_verified():
    out = judge_escorts(escort_rows())
    assert out.result == "pass" and out.tables[0]["rows"][1][1] == "36070219910722765X"


def test_escort_who_does_not_match_stops_the_handover():
    out = judge_escorts(escort_rows(matches=False))
    assert out.result == "fail" and out.problems[0].severity == "critical"
    assert "交接中止" in out.problems[0].title["zh"]


def test_escort_not_checked_against_the_dispatch_sheet_is_a_finding():
    out = judge_escorts(escort_rows(methods=["id_card"]))
    assert out.result == "fail" and "派车单" in out.problems[0].title["zh"]


def test_escort_left_out_is_a_finding():
    out = judge_escorts({"rows": escort_rows()["rows"][:1]})
    assert out.result == "fail" and out.problems[0].subject == "X002:unchecked"


@pytest.mark.parametrize(
    "raw,msg",
    [
        (escort_rows(escort="X009"), "escort 'X009' is not among the people checked"),
        (escort_rows(id_number="12345"), "not an ID number"),
        (escort_rows(methods=["smile"]), "methods must be"),
        (escort_rows(escort="X001"), "appears twice"),
    ],
)
def test_bad_escort_rows_are_refused(raw, msg):
    with pytest.raises(AnswerError, match=msg):
        ITEM_TYPES["escort_check"].parse(ESCORT, raw, ctx())


# ---------------------------------------------------------------- the agreed window


@pytest.mark.parametrize(
    "direction,at,result",
    [
        ("deliver", "2026-11-20T07:30", "pass"),
        ("deliver", "2026-11-20T09:00+08:00", "pass"),
        ("deliver", "2026-11-20T09:01+08:00", "fail"),
        ("deliver", "2026-11-20T01:15+00:00", "fail"),  # 09:15 in the branch's time zone
        ("collect", "2026-11-20T17:45+08:00", "pass"),
        ("collect", "2026-11-20T08:10+08:00", "fail"),
        (None, "2026-11-20T08:10+08:00", "pending"),
    ],
)
def test_handover_time_against_the_window_of_its_direction(direction, at, result):
    answers = {"direction": direction} if direction else {}
    value = ITEM_TYPES["datetime"].parse(TIME, at, ctx(answers))
    assert RULES["within_window"](TIME, value, ctx(answers)).result == result


# ---------------------------------------------------------------- people


def test_handing_and_receiving_must_differ():
    check_people(TEMPLATE, REFS["E010"], refs(PEOPLE))
    with pytest.raises(PeopleRuleError, match="cannot be both"):
        check_people(
            TEMPLATE,
            REFS["E010"],
            refs({"handing": ["E003"], "receiving": ["E003"], "escorts": ["X001", "X002"]}),
        )


def test_escorts_are_two_external_people():
    with pytest.raises(PeopleRuleError, match="at least 2"):
        check_people(
            TEMPLATE,
            REFS["E010"],
            refs({"handing": ["E003"], "receiving": ["E004"], "escorts": ["X001"]}),
        )


@pytest.mark.parametrize(
    "people,message",
    [
        (
            {"handing": ["E004"], "receiving": ["E004"], "escorts": ["X001", "X002"]},
            "cannot be both",
        ),
        (
            {"handing": ["E010"], "receiving": ["E004"], "escorts": ["X001", "X002"]},
            "cannot be both",
        ),
        (
            {"handing": ["E003"], "receiving": ["E004"], "escorts": ["X001", "E005"]},
            "must be an external person",
        ),
        (
            {"handing": ["E003"], "receiving": ["E004"], "escorts": ["X001", "Y001"]},
            "must be an external person",
        ),
        (
            {"handing": ["E008"], "receiving": ["E004"], "escorts": ["X001", "X002"]},
            "does not hold the role",
        ),
    ],
)
def test_people_rules_at_start(branch_store, people, message):
    staff.add_staff(
        branch_store, employee_no="Y001", name="内部押运", roles=["escort"]
    )  # staff, not external
    with pytest.raises(PeopleRuleError, match=message):
        inspections.start(
            branch_store, checklist="cashbox_handover", inspector="E010", people=people
        )
    assert inspections.list_records(branch_store) == []


def test_all_three_parties_sign(branch_store):
    iid = inspections.start(
        branch_store, checklist="cashbox_handover", inspector="E010", people=PEOPLE
    )
    parties = [(p.party, p.person.employee_no) for p in inspections.load(branch_store, iid).parties]
    assert parties == [
        ("inspector", "E010"),
        ("handing", "E003"),
        ("receiving", "E004"),
        ("escorts", "X001"),
        ("escorts", "X002"),
    ]


def test_id_number_differing_from_the_register_stops_the_handover():
    c = ctx()
    c.facts["id_numbers"] = {"X001": "360702198803151234", "X002": "360702199107227654"}
    value = ITEM_TYPES["escort_check"].parse(ESCORT, escort_rows(), c)
    out = RULES["escorts_verified"](ESCORT, value, c)
    [problem] = out.problems  # X002's papers say ...765X, the register ...7654
    assert problem.severity == "critical" and problem.subject == "X002:id_number"
    assert "与登记不符" in problem.title["zh"] and "交接中止" in problem.title["zh"]
    c.facts["id_numbers"]["X002"] = "36070219910722765X"
    assert RULES["escorts_verified"](ESCORT, value, c).result == "pass"
