"""Head office's ingest: a package goes in whole or not at all; every file is checked against
the signed manifest and every record's signatures against the trust store; the same package
twice is a duplicate; a correction supersedes its predecessor and both are kept."""

import json
import threading

from sqlalchemy import func, select

from branchcheck.headoffice import manifest as manifest_mod
from branchcheck.headoffice.ingest import ingest, ingest_one
from branchcheck.headoffice.models import HoFinding, HoPackage, HoReceipt, HoRecord
from branchcheck.headoffice.trust import trust_add
from branchcheck.records import pki
from branchcheck.upload import cms
from tests.ho_signer import ho_key


def _count(ho, model):
    with ho.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _relist(manifest, folder, rel):
    """Make the manifest list the file at `rel` as it is now on disk."""
    data = (folder / rel).read_bytes()
    for f in manifest["files"]:
        if f["path"] == rel:
            f["sha256"], f["size"] = manifest_mod.sha256(data), len(data)


def _first_record(folder):
    return json.loads((folder / "manifest.json").read_bytes())["records"][0]


def _nothing_stored(ho):
    assert [_count(ho, m) for m in (HoPackage, HoRecord, HoFinding)] == [0, 0, 0]


def test_a_sound_package_goes_in_whole_with_a_signed_receipt(
    ho, package, branch_ca, ho_credential, tmp_path
):
    trust_add(ho, branch_ca, credential=ho_key())
    cred, ho_ca = ho_credential
    [done] = ingest(ho, [package], credential=cred, receipts=tmp_path / "receipts")
    listed = json.loads((package / "manifest.json").read_bytes())
    assert done.ok and done.status == "accepted" and done.package_id == listed["package_id"]
    assert [r.record_id for r in done.records] == [r["id"] for r in listed["records"]]
    assert {r.status for r in done.records} == {"accepted"}
    with ho.session() as s:
        rows = s.scalars(select(HoRecord)).all()
        assert {r.record_id for r in rows} == {r["id"] for r in listed["records"]}
        assert {r.verdict for r in rows} == {"ok"}
        first = next(r for r in rows if r.record_id == listed["records"][0]["id"])
        assert first.xlsx == (package / listed["records"][0]["xlsx"]).read_bytes()
    assert _count(ho, HoFinding) == len(listed["findings"]) > 0
    body = done.receipt.read_bytes()
    receipt = json.loads(body)
    assert receipt["package_id"] == done.package_id and receipt["status"] == "accepted"
    assert receipt["received_at"] == done.received_at
    p7s = done.receipt.with_name("receipt.json.p7s").read_bytes()
    assert cms.verify_detached(body, p7s, [ho_ca]).ok
    assert _count(ho, HoReceipt) == 1


def test_two_worker_processes_judge_as_one(ho, package, branch_ca, resign):
    trust_add(ho, branch_ca, credential=ho_key())
    rec = _first_record(package)
    path = package / rec["xlsx"]
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))
    resign(package, lambda m: _relist(m, package, rec["xlsx"]))
    alone, two = ingest_one(ho, package), ingest_one(ho, package, workers=2)
    assert alone.records == two.records and alone.status == two.status == "rejected"
    assert {r.status for r in alone.records} == {"rejected"}
    _nothing_stored(ho)


def test_one_tampered_workbook_rejects_the_whole_package(ho, package, branch_ca, resign):
    trust_add(ho, branch_ca, credential=ho_key())
    rec = _first_record(package)
    path = package / rec["xlsx"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    resign(package, lambda m: _relist(m, package, rec["xlsx"]))  # the manifest agrees with it
    done = ingest_one(ho, package)
    assert done.status == "rejected" and not done.ok
    fate = {r.record_id: r for r in done.records}
    assert fate[rec["id"]].status == "rejected" and rec["xlsx"] in fate[rec["id"]].reason
    others = [r for r in done.records if r.record_id != rec["id"]]
    assert others and {r.reason for r in others} == {
        "the package was rejected: nothing of it was stored / 整包被拒收，未入库"
    }
    _nothing_stored(ho)


def test_a_changed_file_the_manifest_does_not_know_of_is_rejected(ho, package, branch_ca):
    trust_add(ho, branch_ca, credential=ho_key())
    rec = _first_record(package)
    path = package / rec["pdf"]
    path.write_bytes(path.read_bytes() + b"\n")
    done = ingest_one(ho, package)
    assert done.status == "rejected"
    assert [p.path for p in done.problems] == [rec["pdf"]]
    assert "SHA-256" in done.problems[0].reason
    _nothing_stored(ho)


def test_a_workbook_signed_under_an_untrusted_ca_is_rejected(
    ho, package, branch_ca, resign, tmp_path
):
    trust_add(ho, branch_ca, credential=ho_key())
    ca_key, ca_cert = pki.create_ca("别的 CA", "别处")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="冒名者", employee_no="E001", organization="别处"
    )
    rec = _first_record(package)
    xlsx = (package / rec["xlsx"]).read_bytes()
    forged = cms.sign_detached(pki.Credential(key, cert, [ca_cert]), xlsx)
    (package / rec["xlsx_p7s"]).write_bytes(forged)
    resign(package, lambda m: _relist(m, package, rec["xlsx_p7s"]))
    done = ingest_one(ho, package)
    fate = {r.record_id: r for r in done.records}
    assert done.status == "rejected" and fate[rec["id"]].reason.startswith(
        f"{rec['xlsx_p7s']}: untrusted"
    )
    _nothing_stored(ho)
    other = tmp_path / "other-ca.pem"
    other.write_text(pki.cert_to_pem(ca_cert))
    trust_add(
        ho, other, credential=ho_key()
    )  # trusted, but not the CA of the branch that packed it
    fate = {r.record_id: r for r in ingest_one(ho, package).records}
    assert "another CA than the package" in fate[rec["id"]].reason
    _nothing_stored(ho)


def test_a_package_without_its_ca_in_the_trust_store_is_rejected(ho, package):
    done = ingest_one(ho, package)
    assert done.status == "rejected" and "signature" in done.reason and "untrusted" in done.reason
    (package / "manifest.json.p7s").unlink()
    assert ingest_one(ho, package).reason.startswith("unsigned")
    _nothing_stored(ho)


def test_the_same_package_twice_is_a_duplicate(ho, package, branch_ca):
    trust_add(ho, branch_ca, credential=ho_key())
    first = ingest_one(ho, package)
    records = _count(ho, HoRecord)
    again = ingest_one(ho, package)
    assert first.status == "accepted" and again.status == "duplicate" and again.ok
    assert {r.status for r in again.records} == {"duplicate"}
    assert _count(ho, HoRecord) == records and _count(ho, HoPackage) == 1


def test_two_ingests_of_one_package_at_once_store_it_once(ho, package, branch_ca):
    trust_add(ho, branch_ca, credential=ho_key())
    outcomes = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(ingest_one(ho, package))) for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o.status for o in outcomes) == ["accepted", "duplicate"]
    listed = json.loads((package / "manifest.json").read_bytes())
    assert _count(ho, HoPackage) == 1 and _count(ho, HoRecord) == len(listed["records"])


def test_a_malformed_manifest_is_rejected_with_its_reason(ho, package, branch_ca, resign):
    trust_add(ho, branch_ca, credential=ho_key())
    resign(package, lambda m: m["records"][0].update(version="two"))
    done = ingest_one(ho, package)
    assert done.status == "rejected" and done.reason.startswith(
        "malformed manifest: records.0.version"
    )
    resign(package, lambda m: m.update(format="branchcheck-package/9"))
    assert "format is not branchcheck-package/1" in ingest_one(ho, package).reason
    (package / "manifest.json").write_bytes(b"{not json")
    assert ingest_one(ho, package).status == "rejected"
    _nothing_stored(ho)


def test_a_path_escaping_the_folder_is_rejected(ho, package, branch_ca, resign, tmp_path):
    trust_add(ho, branch_ca, credential=ho_key())
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"secret")
    entry = {"path": "../outside.txt", "sha256": manifest_mod.sha256(b"secret"), "size": 6}
    resign(package, lambda m: m["files"].append(entry))
    done = ingest_one(ho, package)
    assert [(p.path, "escapes" in p.reason) for p in done.problems] == [("../outside.txt", True)]
    _nothing_stored(ho)


def test_a_symbolic_link_in_the_package_is_rejected(ho, package, branch_ca, tmp_path):
    trust_add(ho, branch_ca, credential=ho_key())
    rec = _first_record(package)
    path = package / rec["pdf"]
    real = tmp_path / "real.pdf"
    real.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(real)
    done = ingest_one(ho, package)
    assert [p.path for p in done.problems] == [rec["pdf"]]
    assert "symbolic link" in done.problems[0].reason
    _nothing_stored(ho)


def test_a_missing_an_unlisted_and_an_oversized_file_are_rejected(
    ho, package, branch_ca, monkeypatch
):
    trust_add(ho, branch_ca, credential=ho_key())
    rec = _first_record(package)
    (package / rec["pdf"]).unlink()
    (package / "records" / "extra.txt").write_bytes(b"not listed")
    monkeypatch.setattr(manifest_mod, "MAX_FILE_BYTES", 2000)
    done = ingest_one(ho, package)
    reasons = {p.path: p.reason for p in done.problems}
    assert reasons[rec["pdf"]].startswith("missing")
    assert reasons["records/extra.txt"].startswith("not listed")
    assert reasons[rec["xlsx"]].startswith("larger than the limit of 2000 bytes")
    _nothing_stored(ho)


def test_a_manifest_that_lies_about_a_record_is_rejected(ho, package, branch_ca, resign):
    trust_add(ho, branch_ca, credential=ho_key())
    listed = json.loads((package / "manifest.json").read_bytes())["records"]
    swapped = [listed[1]["pdf"], listed[0]["pdf"]]

    def lie(m):
        m["records"][0]["pdf"], m["records"][1]["pdf"] = swapped

    resign(package, lie)
    done = ingest_one(ho, package)
    fate = {r.record_id: r.reason for r in done.records}
    assert "the manifest says" in fate[listed[0]["id"]]
    _nothing_stored(ho)


def _seal_correction(store, record_id):
    from branchcheck import inspections
    from branchcheck.records import handwriting

    new = inspections.correct(store, record_id, actor="E001")
    inspections.complete(store, new)
    for party in inspections.load(store, new).parties:
        inspections.sign(
            store,
            new,
            party=party.party,
            employee_no=party.person.employee_no,
            strokes=handwriting.demo_strokes(f"更正{party.person.name}{party.person.employee_no}"),
            password="demo1234",
        )
    inspections.seal(store, new, key_password="demo1234")
    return new


def test_a_correction_supersedes_its_predecessor_and_both_are_kept(
    ho, package, branch_ca, demo, tmp_path
):
    from branchcheck.upload.package import make_package

    from .conftest import sealed_period

    trust_add(ho, branch_ca, credential=ho_key())
    assert ingest_one(ho, package).status == "accepted"
    listed = json.loads((package / "manifest.json").read_bytes())["records"]
    old = next(r["id"] for r in listed if r["checklist"] == "vault_check")
    first, last = sealed_period(demo)
    new = _seal_correction(demo, old)
    again = make_package(
        demo, first=first, last=last, out=tmp_path / "p2", actor="E001", key_password="demo1234"
    )
    done = ingest_one(ho, again.folder)
    fate = {r.record_id: r.status for r in done.records}
    assert done.status == "accepted" and fate[new] == "accepted" and fate[old] == "duplicate"
    with ho.session() as s:
        rows = {r.record_id: r for r in s.scalars(select(HoRecord))}
    assert len(rows) == len(listed) + 1
    assert rows[old].superseded_by == new and rows[new].supersedes == old
    assert rows[new].version == 2 and rows[new].superseded_by is None


def test_head_office_holds_the_branchs_audit_anchor_and_refuses_a_forged_one(
    ho, package, branch_ca, resign
):
    trust_add(ho, branch_ca, credential=ho_key())
    said = json.loads((package / "manifest.json").read_bytes())["audit_anchor"]
    assert said["signer"] == "E001" and said["count"] > 0 and len(said["hash"]) == 64
    forged = package.parent / "forged" / package.name
    import shutil

    shutil.copytree(package, forged)
    resign(forged, lambda m: m["audit_anchor"].update(count=m["audit_anchor"]["count"] - 5))
    refused = ingest_one(ho, forged)
    assert refused.status == "rejected"
    assert "the audit anchor's signature does not match" in refused.reason
    _nothing_stored(ho)
    done = ingest_one(ho, package)
    assert done.status == "accepted"
    with ho.session() as s:
        stored = s.scalars(select(HoPackage)).one()
        assert (stored.audit_count, stored.audit_hash) == (said["count"], said["hash"])


def test_findings_facts_and_obligations_are_stored_as_the_package_says(ho, package, branch_ca):
    from branchcheck.headoffice.models import HoObligation

    trust_add(ho, branch_ca, credential=ho_key())
    assert ingest_one(ho, package).status == "accepted"
    listed = json.loads((package / "manifest.json").read_bytes())
    said = json.loads((package / "obligations.json").read_bytes())
    with ho.session() as s:
        rows = {f.finding_id: f for f in s.scalars(select(HoFinding)).all()}
        obligations = {o.key: o for o in s.scalars(select(HoObligation)).all()}
    assert set(rows) == {f["id"] for f in listed["findings"]}
    for f in listed["findings"]:
        row = rows[f["id"]]
        assert (row.severity, row.risk_driver, row.due_date, row.found_on) == (
            f["severity"],
            f["risk_driver"],
            f["due_date"],
            f["found_on"],
        )
        assert row.title_zh == f["title"]["zh"] and row.repeat is f["repeat"]
    assert any(f["repeat"] for f in listed["findings"])
    assert set(obligations) == {o["key"] for o in said}
    for o in said:
        assert (obligations[o["key"]].status, obligations[o["key"]].due_on) == (
            o["status"],
            o["due_on"],
        )


def test_a_package_without_its_obligations_is_rejected(ho, package, branch_ca, resign):
    trust_add(ho, branch_ca, credential=ho_key())
    (package / "obligations.json").unlink()
    resign(
        package,
        lambda m: m.update(files=[f for f in m["files"] if f["path"] != "obligations.json"]),
    )
    done = ingest_one(ho, package)
    assert done.status == "rejected"
    assert [p.path for p in done.problems] == ["obligations.json"]
    _nothing_stored(ho)


def test_a_file_changed_after_it_was_verified_stores_nothing(ho, package, branch_ca, monkeypatch):
    """The bytes stored are read again and must hash as they did when verified."""
    from branchcheck.headoffice import ingest as ingest_mod

    trust_add(ho, branch_ca, credential=ho_key())
    real = ingest_mod._verify_all
    rec = _first_record(package)

    def verify_then_change(*args, **kwargs):
        fates = real(*args, **kwargs)
        path = package / rec["pdf"]
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
        return fates

    monkeypatch.setattr(ingest_mod, "_verify_all", verify_then_change)
    done = ingest_one(ho, package)
    assert done.status == "rejected" and "changed while the package was taken in" in done.reason
    assert rec["pdf"] in done.reason
    _nothing_stored(ho)


def test_a_finding_without_its_facts_makes_the_manifest_malformed(ho, package, branch_ca, resign):
    """The report counts findings by severity and risk driver: a package may not leave them out."""
    trust_add(ho, branch_ca, credential=ho_key())

    def strip(m):
        m["findings"][0] = {"id": m["findings"][0]["id"], "state": m["findings"][0]["state"]}

    resign(package, strip)
    done = ingest_one(ho, package)
    assert done.status == "rejected"
    assert (
        done.reason.startswith("malformed manifest: findings.0.") and "清单格式错误" in done.reason
    )
    _nothing_stored(ho)
