"""Reading a package's manifest and paths without trusting them."""

import json

import pytest

from branchcheck.headoffice.manifest import Manifest, parse_manifest, read_bounded, unsafe_path


@pytest.mark.parametrize(
    "rel",
    [
        "../x",
        "records/../../x",
        "/etc/passwd",
        "C:/x",
        "a\\b",
        "./x",
        "records//x",
        "records/",
        "manifest.json",
    ],
)
def test_paths_that_leave_the_folder_or_are_not_plain_are_refused(rel):
    assert unsafe_path(rel) is not None


def test_a_plain_relative_path_is_fine():
    assert unsafe_path("records/2026-11-19_vault_check_x.pdf") is None


def _manifest(**changes):
    data = {
        "format": "branchcheck-package/1",
        "package_id": "a" * 64,
        "branch": {"code": "GZ0101", "name": "营业部", "head_office": "总行"},
        "period": {"from": "2026-11-01", "to": "2026-11-30"},
        "records": [],
        "findings": [],
        "files": [{"path": "obligations.json", "sha256": "b" * 64, "size": 2}],
    }
    return json.dumps(data | changes).encode()


def test_a_well_formed_manifest_is_read():
    got = parse_manifest(_manifest())
    assert isinstance(got, Manifest) and got.period.from_ == "2026-11-01"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"package_id": "xyz"}, "package_id"),
        ({"period": {"from": "1 Nov", "to": "2026-11-30"}}, "period.from"),
        ({"files": [{"path": "a", "sha256": "b" * 64, "size": 10**12}]}, "files.0.size"),
        ({"files": [{"path": "a", "sha256": "b" * 64, "size": 1}] * 2}, "listed twice"),
        ({"records": "many"}, "records"),
    ],
)
def test_a_malformed_manifest_says_where(changes, said):
    got = parse_manifest(_manifest(**changes))
    assert isinstance(got, str) and got.startswith("malformed manifest") and said in got


def test_a_file_over_the_limit_is_not_read(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 11)
    assert read_bounded(path, 10).startswith("larger than the limit")
    assert read_bounded(path, 11) == b"x" * 11
    assert read_bounded(tmp_path / "none", 10).startswith("missing")


# ---------------------------------------------------------------- fuzz: never a traceback

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)
VALID = {
    "format": "branchcheck-package/1",
    "package_id": "a" * 64,
    "branch": {"code": "GZ0101", "name": "测试支行", "head_office": "总行"},
    "period": {"from": "2026-11-01", "to": "2026-11-30"},
    "records": [
        {
            "id": "0b6c3c36-1111-4222-8333-944445555666",
            "checklist": "vault_check",
            "local_date": "2026-11-20",
            "version": 1,
            "supersedes": None,
            "pdf": "records/x.pdf",
            "xlsx": "records/x.xlsx",
            "xlsx_p7s": "records/x.xlsx.p7s",
        }
    ],
    "findings": [],
    "files": [{"path": "records/x.pdf", "sha256": "b" * 64, "size": 10}],
}


def _outcome_is_clean(data: bytes) -> None:
    out = parse_manifest(data)
    assert isinstance(out, (Manifest, str))
    if isinstance(out, str):
        assert out.startswith("malformed manifest")


def test_the_valid_example_is_a_manifest():
    assert isinstance(parse_manifest(json.dumps(VALID).encode()), Manifest)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_are_a_manifest_or_its_reason(data):
    _outcome_is_clean(data)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["format", "package_id", "branch", "period", "records", "findings", "files"]),
    JSON,
)
def test_a_valid_manifest_with_one_part_replaced_is_a_manifest_or_its_reason(key, value):
    changed = dict(VALID) | {key: value}
    _outcome_is_clean(json.dumps(changed).encode())
