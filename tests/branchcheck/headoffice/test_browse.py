"""Head office's reads for the window and the CLI: the branches with their totals, a branch's
records, findings (as the latest package says them) and packages, and a record's PDF — each
checked against the manifest of the package ingested."""

import json

import pytest

from branchcheck.errors import InputFileError, NotFoundError, StateError
from branchcheck.headoffice import browse
from branchcheck.headoffice.ingest import ingest_one
from branchcheck.headoffice.trust import trust_add
from tests.ho_signer import ho_key


@pytest.fixture
def held(ho, package, branch_ca):
    """The demo package ingested; its manifest."""
    trust_add(ho, branch_ca, credential=ho_key())
    assert ingest_one(ho, package).status == "accepted"
    return json.loads((package / "manifest.json").read_bytes())


def test_the_branch_is_listed_with_its_totals(ho, held):
    [row] = browse.list_branches(ho)
    open_findings = [f for f in held["findings"] if f["state"] != "closed"]
    assert (row.code, row.name) == (held["branch"]["code"], held["branch"]["name"])
    assert (row.packages, row.records, row.open_findings) == (
        1,
        len(held["records"]),
        len(open_findings),
    )
    [package] = browse.list_packages(ho, row.code)
    assert row.last_received_at == package.received_at


def test_an_empty_store_lists_no_branch(ho):
    assert browse.list_branches(ho) == []
    with pytest.raises(NotFoundError, match="GZ0101"):
        browse.list_records(ho, "GZ0101")


def test_the_records_are_the_manifests(ho, held, package):
    rows = browse.list_records(ho, held["branch"]["code"])
    by_id = {r.record_id: r for r in rows}
    assert set(by_id) == {r["id"] for r in held["records"]}
    for listed in held["records"]:
        row = by_id[listed["id"]]
        assert (row.checklist, row.local_date, row.version, row.supersedes) == (
            listed["checklist"],
            listed["local_date"],
            listed["version"],
            listed["supersedes"],
        )
        assert row.package_id == held["package_id"] and row.verdict == "ok"
        assert row.signer and row.signed_at and row.anchor and row.received_at
    assert [r.local_date for r in rows] == sorted((r.local_date for r in rows), reverse=True)
    corrected = {r["supersedes"]: r["id"] for r in held["records"] if r["supersedes"]}
    for old, new in corrected.items():
        if old in by_id:
            assert by_id[old].superseded_by == new
    first = held["records"][0]
    assert browse.record_pdf(ho, first["id"]) == (package / first["pdf"]).read_bytes()


def test_an_unknown_record_has_no_pdf(ho, held):
    with pytest.raises(StateError, match="no record not-a-record"):
        browse.record_pdf(ho, "not-a-record")


def test_the_findings_are_the_manifests(ho, held):
    rows = browse.list_findings(ho, held["branch"]["code"])
    listed = {f["id"]: f for f in held["findings"]}
    assert {r.finding_id for r in rows} == set(listed) and rows
    for row in rows:
        f = listed[row.finding_id]
        assert (row.title_zh, row.title_en) == (f["title"]["zh"], f["title"]["en"])
        assert (row.checklist, row.severity, row.risk_driver, row.state) == (
            f["checklist"],
            f["severity"],
            f["risk_driver"],
            f["state"],
        )
        assert (row.found_on, row.due_date, row.rectified_on, row.repeat) == (
            f["found_on"],
            f["due_date"],
            f["rectified_on"],
            f["repeat"],
        )
        assert row.missed_record_id == f["missed_record_id"]
        assert row.package_id == held["package_id"]


def test_a_finding_is_shown_as_the_package_received_last_says_it(ho, held, package, resign):
    """A second package (another period's manifest, re-signed) saying one finding is closed."""
    target = held["findings"][0]["id"]

    def later(m):
        m["package_id"] = "f" * 64
        for f in m["findings"]:
            if f["id"] == target:
                f["state"], f["closed_on"] = "closed", m["period"]["to"]

    resign(package, later)
    assert ingest_one(ho, package).status == "accepted"
    code = held["branch"]["code"]
    rows = {r.finding_id: r for r in browse.list_findings(ho, code)}
    assert len(rows) == len(held["findings"])
    assert rows[target].state == "closed" and rows[target].package_id == "f" * 64
    [branch] = browse.list_branches(ho)
    was_open = sum(f["state"] != "closed" for f in held["findings"])
    assert branch.packages == 2
    assert branch.open_findings == was_open - (held["findings"][0]["state"] != "closed")
    packages = browse.list_packages(ho, code)
    assert [p.package_id for p in packages] == ["f" * 64, held["package_id"]]
    assert [p.records for p in packages] == [0, len(held["records"])]  # duplicates: stored once
    assert [p.findings for p in packages] == [len(held["findings"])] * 2


def test_package_folders_are_found_in_a_folder_or_are_the_folder(package, tmp_path):
    assert browse.find_packages(package) == [package]
    assert browse.find_packages(package.parent) == [package]
    (package.parent / "回执").mkdir()
    assert browse.find_packages(package.parent) == [package]
    with pytest.raises(InputFileError, match="no package"):
        browse.find_packages(tmp_path / "packages" / "回执")
