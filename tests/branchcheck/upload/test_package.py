"""The upload package: every sealed record of the period with its files, the findings register,
the obligations, a manifest of every file's SHA-256 signed by the packing administrator; the same
period twice gives the same ID; an open inspection or an empty period is said plainly."""

import hashlib
import json
import subprocess
from datetime import date, timedelta

import pytest

from branchcheck import clock, inspections
from branchcheck.errors import AuthError, StateError
from branchcheck.records import keys
from branchcheck.upload import cms
from branchcheck.upload.package import make_package


def _sealed_period(store):
    sealed = [r for r in inspections.list_records(store) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    return days[0], days[-1], sealed


def test_a_package_lists_and_signs_every_file(demo, tmp_path):
    first, last, sealed = _sealed_period(demo)
    # an inspection still open in the demo is later than the sealed ones? then pack up to them
    done = make_package(
        demo, first=first, last=last, out=tmp_path, actor="E001", key_password="demo1234"
    )
    manifest_bytes = (done.folder / "manifest.json").read_bytes()
    manifest = json.loads(manifest_bytes)
    assert manifest["format"] == "branchcheck-package/1"
    assert manifest["package_id"] == done.package_id and len(done.package_id) == 64
    assert {r["id"] for r in manifest["records"]} == {r.id for r in sealed}
    on_disk = {
        str(p.relative_to(done.folder))
        for p in done.folder.rglob("*")
        if p.is_file() and not p.name.startswith("manifest.json")
    }
    assert {f["path"] for f in manifest["files"]} == on_disk
    for f in manifest["files"]:
        data = (done.folder / f["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"] and len(data) == f["size"]
    assert any(p.startswith("findings/") and p.endswith(".pdf") for p in on_disk)
    assert "obligations.json" in on_disk
    check = cms.verify_detached(
        manifest_bytes, (done.folder / "manifest.json.p7s").read_bytes(), keys.trust_roots(demo)
    )
    assert check.ok
    ca = keys.export_ca(demo, tmp_path / "ca.pem")
    rec = manifest["records"][0]
    openssl = subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-purpose",
            "any",
            "-content",
            str(done.folder / rec["xlsx"]),
            "-in",
            str(done.folder / rec["xlsx_p7s"]),
            "-CAfile",
            str(ca),
            "-out",
            "/dev/null",
        ],
        capture_output=True,
        text=True,
    )
    assert openssl.returncode == 0, openssl.stderr

    again = make_package(
        demo, first=first, last=last, out=tmp_path / "again", actor="E001", key_password="demo1234"
    )
    assert again.package_id == done.package_id and again.repeated and not done.repeated
    assert again.records == done.records


def test_an_open_inspection_or_an_empty_period_is_said_plainly(demo, tmp_path):
    today = clock.now().date()
    inspections.start(
        demo,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"], "co_inspector": ["E010"]},
    )
    day = today
    with pytest.raises(StateError, match="the period still has 1 inspection\\(s\\) not sealed"):
        make_package(
            demo, first=day, last=day, out=tmp_path / "out", actor="E001", key_password="demo1234"
        )
    quiet = date(2020, 1, 6)
    with pytest.raises(StateError, match="nothing to package"):
        make_package(
            demo,
            first=quiet,
            last=quiet,
            out=tmp_path / "out",
            actor="E001",
            key_password="demo1234",
        )
    with pytest.raises(Exception, match="in the future"):
        make_package(
            demo,
            first=today,
            last=today + timedelta(days=1),
            out=tmp_path / "out",
            actor="E001",
            key_password="demo1234",
        )
    assert not (tmp_path / "out").exists()


def test_only_an_administrator_packs(demo, tmp_path):
    first, last, _ = _sealed_period(demo)
    with pytest.raises(AuthError, match="E010 cannot package records for head office"):
        make_package(
            demo, first=first, last=last, out=tmp_path, actor="E010", key_password="demo1234"
        )
