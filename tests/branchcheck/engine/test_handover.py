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
PEOPLE = {"branch_staff": ["E003", "E004"], "escorts": ["X001", "X002"]}


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


def test_the_two_branch_staff_are_two_people():
    check_people(TEMPLATE, REFS["E010"], refs(PEOPLE))
    with pytest.raises(PeopleRuleError, match="listed twice"):
        check_people(
            TEMPLATE,
            REFS["E010"],
            refs({"branch_staff": ["E003", "E003"], "escorts": ["X001", "X002"]}),
        )
    with pytest.raises(PeopleRuleError, match="at least 2"):
        check_people(
            TEMPLATE, REFS["E010"], refs({"branch_staff": ["E003"], "escorts": ["X001", "X002"]})
        )


def test_escorts_are_two_external_people():
    with pytest.raises(PeopleRuleError, match="at least 2"):
        check_people(
            TEMPLATE,
            REFS["E010"],
            refs({"branch_staff": ["E003", "E004"], "escorts": ["X001"]}),
        )


@pytest.mark.parametrize(
    "people,message",
    [
        (
            {"branch_staff": ["E004", "E004"], "escorts": ["X001", "X002"]},
            "listed twice",
        ),
        (
            {"branch_staff": ["E010", "E004"], "escorts": ["X001", "X002"]},
            "cannot be both",
        ),
        (
            {"branch_staff": ["E003", "E004"], "escorts": ["X001", "E005"]},
            "must be an external person",
        ),
        (
            {"branch_staff": ["E003", "E004"], "escorts": ["X001", "Y001"]},
            "must be an external person",
        ),
        (
            {"branch_staff": ["E008", "E004"], "escorts": ["X001", "X002"]},
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
        ("branch_staff", "E003"),
        ("branch_staff", "E004"),
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


# ---------------------------------------------------------------- the parties by direction

DIRECTION = TEMPLATE.item("direction")


@pytest.mark.parametrize(
    "direction,handing,receiving",
    [
        (
            "deliver",
            "押运人员 黄海（X001）、林涛（X002）",
            "网点交接人员 李梅（E003）、张伟（E004）",
        ),
        (
            "collect",
            "网点交接人员 李梅（E003）、张伟（E004）",
            "押运人员 黄海（X001）、林涛（X002）",
        ),
    ],
)
def test_the_direction_decides_who_hands_over(direction, handing, receiving):
    out = RULES[DIRECTION.rule](DIRECTION, direction, ctx())
    assert f"交出人：{handing}" in out.display["zh"]
    assert f"接收人：{receiving}" in out.display["zh"]
    [parties] = out.tables
    assert [r[0] for r in parties["rows"]] == ["交出人", "接收人"]
    assert out.computed["handing"] == (
        ["X001", "X002"] if direction == "deliver" else ["E003", "E004"]
    )


def test_one_vocabulary_per_checklist():
    """The slots name who people are (branch staff, escorts), never a direction's role: the
    交出人/接收人 of a handover are worked out from its direction."""
    titles = [TEMPLATE.inspector.title.zh] + [s.title.zh for s in TEMPLATE.people]
    assert titles == ["现场监督人", "网点交接人员", "押运人员"]
    words = " ".join(str(i.text.zh) + str(i.help.zh if i.help else "") for i in TEMPLATE.items())
    assert "检查人" not in words and "检查人" not in TEMPLATE.description.zh


def test_parties_params_are_checked():
    from branchcheck.engine.handover import _check_parties

    assert _check_parties(DIRECTION, TEMPLATE) == []

    def check(parties):
        return _check_parties(
            DIRECTION.model_copy(update={"params": {"parties": parties}}), TEMPLATE
        )

    collect = {"handing": "branch_staff", "receiving": "escorts"}
    assert check({"collect": collect}) == [
        "params.parties must give the parties of every choice (deliver, collect)"
    ]
    nobody = {"handing": "nobody", "receiving": "escorts"}
    assert check({"deliver": nobody, "collect": collect}) == [
        "params.parties.deliver.handing: 'nobody' is not a people slot"
    ]
    same = {"handing": "escorts", "receiving": "escorts"}
    assert check({"deliver": same, "collect": collect}) == [
        "params.parties.deliver: one slot cannot both hand over and receive"
    ]


# ---------------------------------------------------------------- exceptions


EXCEPTIONS = TEMPLATE.item("exceptions_reported")


def mismatching_boxes():
    return ITEM_TYPES["box_list"].parse(
        BOXES, answer({"GZ0101-01": "JD0001"}, {"GZ0101-01": ("JD0002", False, True)}), ctx()
    )


def test_exceptions_cannot_be_not_applicable_when_the_handover_found_mismatches():
    c = ctx({"box_list": mismatching_boxes()})
    out = RULES[EXCEPTIONS.rule](EXCEPTIONS, "na", c)
    assert out.result == "fail"
    [problem] = out.problems
    assert "2 处不符" in problem.title["zh"] and "不适用" in problem.title["zh"]
    assert RULES[EXCEPTIONS.rule](EXCEPTIONS, "yes", c).result == "pass"
    assert RULES[EXCEPTIONS.rule](EXCEPTIONS, "no", c).result == "fail"


def test_exceptions_not_applicable_without_mismatches():
    boxes = {"GZ0101-01": "JD0001"}
    value = ITEM_TYPES["box_list"].parse(
        BOXES, answer(boxes, {b: (s, True, True) for b, s in boxes.items()}), ctx()
    )
    c = ctx({"box_list": value})
    assert RULES[EXCEPTIONS.rule](EXCEPTIONS, "na", c).result == "na"
    identity = ITEM_TYPES["escort_check"].parse(ESCORT, escort_rows(matches=False), c)
    c = ctx({"box_list": value, "escort_identity": identity})
    assert RULES[EXCEPTIONS.rule](EXCEPTIONS, "na", c).result == "fail"
