"""`branchcheck headoffice branches|records CODE|findings CODE`: what head office holds of each
branch, as text or --json, against the manifest of the package ingested."""

import json
from datetime import date

import pytest

from branchcheck import inspections
from branchcheck.cli import main
from branchcheck.headoffice.ingest import ingest_one
from branchcheck.headoffice.store import open_headoffice
from branchcheck.headoffice.trust import trust_add
from branchcheck.records import keys
from branchcheck.upload.package import make_package
from tests.ho_signer import ho_key


@pytest.fixture
def held(demo, tmp_path):
    """(the --db URL, the manifest of the demo's package ingested there)."""
    sealed = [r for r in inspections.list_records(demo) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    done = make_package(
        demo, first=days[0], last=days[-1], out=tmp_path, actor="E001", key_password="demo1234"
    )
    url = f"sqlite:///{tmp_path / 'ho.sqlite3'}"
    ho = open_headoffice(url)
    trust_add(ho, keys.export_ca(demo, tmp_path / "branch-ca.pem"), credential=ho_key())
    assert ingest_one(ho, done.folder).status == "accepted"
    ho.dispose()
    return url, json.loads((done.folder / "manifest.json").read_bytes())


def test_branches_records_and_findings_as_json(held, capsys):
    url, manifest = held
    code = manifest["branch"]["code"]
    assert main(["headoffice", "branches", "--db", url, "--json"]) == 0
    [branch] = json.loads(capsys.readouterr().out)
    assert branch["code"] == code and branch["records"] == len(manifest["records"])
    assert branch["packages"] == 1
    assert main(["headoffice", "records", code, "--db", url, "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert sorted(r["record_id"] for r in records) == sorted(r["id"] for r in manifest["records"])
    assert {r["package_id"] for r in records} == {manifest["package_id"]}
    assert main(["headoffice", "findings", code, "--db", url, "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert {f["finding_id"]: f["state"] for f in findings} == {
        f["id"]: f["state"] for f in manifest["findings"]
    }


def test_the_text_form_and_an_unknown_branch(held, capsys):
    url, manifest = held
    code = manifest["branch"]["code"]
    assert main(["headoffice", "branches", "--db", url]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code}  {manifest['branch']['name']}  packages 1")
    assert main(["headoffice", "records", code, "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(manifest["records"])
    assert any(manifest["records"][0]["id"] in line for line in lines)
    assert main(["headoffice", "records", "XX9999", "--db", url]) != 0
    assert "XX9999" in capsys.readouterr().err
