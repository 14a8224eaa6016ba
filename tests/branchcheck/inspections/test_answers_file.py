"""Hostile answers files: each is refused with a message naming the field, and nothing is stored
or audited; the precheck is fuzzed (no store writes per case)."""

import copy
import json

import pytest
from sqlalchemy import func, select

from branchcheck import inspections
from branchcheck.db.models import AuditEntry, Inspection
from branchcheck.errors import EntryError, InputFileError
from tests.branchcheck.conftest import YES

BASE = {
    "date": "2026-11-19T10:00:00+08:00",
    "late_reason": "纸质查库登记簿补录",
    "people": {"vault_keeper": ["E003"], "tellers": ["E004", "E005", "E006"]},
    "answers": {k: "yes" for k in YES}
    | {
        "cash_count": {
            "rows": {"n100": {"bundles": 1, "straps": 2, "loose": 3}},
            "book_fen": 12030000,
        },
        "teller_boxes": {
            "rows": [
                {"teller": t, "system_fen": 100000, "counted_fen": 100000}
                for t in ("E004", "E005", "E006")
            ]
        },
    },
}


def _with(path, value):
    data = copy.deepcopy(BASE)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


def _deep(n):
    v: object = "yes"
    for _ in range(n):
        v = [v]
    return v


HOSTILE = {
    "tellers as a number": (_with(["people", "tellers"], 5), "tellers"),
    "tellers nested": (_with(["people", "tellers"], [["E004"]]), "tellers"),
    "tellers null": (_with(["people", "tellers"], None), "tellers"),
    "vault keeper an object": (_with(["people", "vault_keeper"], {"a": 1}), "vault_keeper"),
    "date far ahead": (_with(["date"], "9999-12-31T23:00:00-12:00"), "9999-12-31 晚于今天"),
    "date at year one": (
        _with(["date"], "0001-01-01T00:00:00+14:00"),
        "0001-01-01 早于 2000-01-01",
    ),
    "date a number": (_with(["date"], 20261119), "date"),
    "bundles 10^30": (
        _with(["answers", "cash_count", "rows", "n100", "bundles"], 10**30),
        "bundles",
    ),
    "book_fen 10^100": (_with(["answers", "cash_count", "book_fen"], 10**100), "book_fen"),
    "counted_fen 10^16": (
        _with(["answers", "teller_boxes", "rows", 0, "counted_fen"], 10**16),
        "counted_fen",
    ),
    "a float count": (
        _with(["answers", "cash_count", "rows", "n100", "loose"], 1e308),
        "loose",
    ),
    "a lone surrogate in a note": (_with(["notes"], {"no_iou": "ok \ud800"}), "no_iou"),
    "a huge note": (_with(["notes"], {"no_iou": "很" * 100_000}), "no_iou"),
    "a huge answer text": (_with(["answers", "no_iou"], "y" * 1_000_000), "no_iou"),
    "deep nesting": (_with(["answers", "no_iou"], _deep(5000)), "no_iou"),
    "notes not an object": (_with(["notes"], ["x"]), "notes"),
    "a note a number": (_with(["notes"], {"no_iou": 5}), "no_iou"),
    "late reason an object": (_with(["late_reason"], {"x": 1}), "late_reason"),
    "a huge key": (_with(["answers", "k" * 10_000], "yes"), "answers"),
    "a huge employee number": (_with(["people", "tellers"], ["E" * 100_000]), "tellers"),
}


def _counts(store):
    with store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Inspection)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


def test_the_base_file_is_accepted(people_store):
    result = inspections.run_answers_file(
        people_store, "vault_check", copy.deepcopy(BASE), inspector="E001"
    )
    assert result.status == "completed"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_and_leaves_nothing(people_store, name):
    data, field = HOSTILE[name]
    before = _counts(people_store)
    with pytest.raises((InputFileError, EntryError)) as exc:
        inspections.run_answers_file(people_store, "vault_check", data, inspector="E001")
    assert field in exc.value.message
    assert len(exc.value.message) < 1000
    assert _counts(people_store) == before


def test_the_inspection_date_runs_from_2000_to_today(people_store):
    with pytest.raises(InputFileError, match="1999-12-31 早于 2000-01-01"):
        inspections.run_answers_file(
            people_store,
            "vault_check",
            _with(["date"], "1999-12-31T10:00:00+08:00"),
            inspector="E001",
        )


# ---------------------------------------------------------------- reading the file


def test_read_json_file_refuses_what_the_parser_cannot_take(tmp_path):
    from branchcheck.inspections.answers_file import read_json_file

    cases = {
        "deep.json": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        "nan.json": ('{"answers": {"x": NaN}}', "NaN is not a number JSON allows"),
        "inf.json": ('{"answers": {"x": -Infinity}}', "-Infinity is not a number"),
        "latin1.json": (b'{"late_reason": "\xe9"}', "not UTF-8"),
        "broken.json": ('{"answers": ', "not valid JSON"),
    }
    for name, (body, message) in cases.items():
        path = tmp_path / name
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
        with pytest.raises(InputFileError, match=message):
            read_json_file(path)
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps(BASE, ensure_ascii=False), encoding="utf-8")
    assert read_json_file(ok) == BASE


# ---------------------------------------------------------------- fuzz

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from branchcheck.inspections.answers_file import check_answers_file  # noqa: E402

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.sampled_from([10**100, -(2**63), 2**64, 10**15, 10**15 + 1, 10**8 + 1])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["\ud800", "E004", "yes", "9999-12-31T10:00:00+14:00", "n100", ""])
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["rows", "bundles", "book_fen", "x", "teller"]), inner, max_size=4
        )
    ),
    max_leaves=20,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


PATHS = [p for p in _paths(BASE) if p] + [
    ("notes",),
    ("signatures",),
    ("authorisation",),
    ("checklist",),
    ("people", "co_inspector"),
]


@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.sampled_from(PATHS), value=_VALUES, signatures=st.booleans())
def test_fuzzed_files_are_refused_by_the_precheck_or_pass_it(people_store, path, value, signatures):
    """Any change anywhere in a valid file: the precheck passes it or raises a BranchCheckError
    with a short message; never another exception (the precheck writes nothing)."""
    from branchcheck.errors import BranchCheckError

    data = _with(list(path), value)
    try:
        check_answers_file(
            people_store, "vault_check", data, inspector="E001", with_signatures=signatures
        )
    except BranchCheckError as exc:
        assert len(exc.message) < 1000
