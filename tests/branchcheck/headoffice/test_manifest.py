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
