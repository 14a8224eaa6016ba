"""Head office's receipt at the branch: verified against the head-office CA the branch trusts,
kept as one row per record; a forged or changed receipt is refused and changes nothing."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from branchcheck import inspections
from branchcheck.db.models import RecordReceipt
from branchcheck.errors import AuthError, InputFileError, VerifyError
from branchcheck.headoffice.ingest import ingest
from branchcheck.headoffice.store import open_headoffice
from branchcheck.headoffice.trust import trust_add
from branchcheck.records import keys, pki
from branchcheck.upload import cms
from branchcheck.upload.package import make_package
from branchcheck.upload.receipts import import_receipt


def _credential(name):
    ca_key, ca_cert = pki.create_ca(f"{name} CA", name)
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name=f"{name}收件", employee_no="HO001", organization=name
    )
    return pki.Credential(key, cert, [ca_cert]), ca_cert


@pytest.fixture
def receipt(demo, tmp_path):
    """(receipt path, head office's CA, its credential) for a package of the demo ingested at head office."""
    sealed = [r for r in inspections.list_records(demo) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    done = make_package(
        demo, first=days[0], last=days[-1], out=tmp_path, actor="E001", key_password="demo1234"
    )
    cred, ho_ca = _credential("总行")
    ho = open_headoffice(tmp_path / "ho.sqlite3")
    trust_add(ho, keys.export_ca(demo, tmp_path / "branch-ca.pem"), credential=cred)
    [outcome] = ingest(ho, [done.folder], credential=cred, receipts=tmp_path / "receipts")
    ho.dispose()
    assert outcome.status == "accepted"
    return outcome.receipt, ho_ca, cred


def _rows(store):
    with store.session() as s:
        return [(r.record_id, r.status) for r in s.scalars(select(RecordReceipt))]


def test_a_receipt_verified_at_the_branch_marks_its_records_received(demo, receipt):
    path, ho_ca, _ = receipt
    with pytest.raises(VerifyError, match="signature does not hold"):
        import_receipt(demo, path, actor="E001")  # head office's CA is not trusted yet
    keys.trust_ca(demo, pem=pki.cert_to_pem(ho_ca), admin_no="E001", admin_password="demo1234")
    with pytest.raises(AuthError):
        import_receipt(demo, path, actor="E004")  # a teller is no administrator
    assert _rows(demo) == []
    done = import_receipt(demo, path, actor="E001")
    said = json.loads(path.read_bytes())
    assert done.package_id == said["package_id"] and done.received_at == said["received_at"]
    assert set(done.accepted) == {r["id"] for r in said["records"]} and not done.rejected
    assert sorted(_rows(demo)) == sorted((r, "accepted") for r in done.accepted)
    again = import_receipt(demo, path, actor="E001")
    assert again.already_imported and len(_rows(demo)) == len(done.accepted)


def test_a_forged_or_changed_receipt_is_refused(demo, receipt, tmp_path):
    path, ho_ca, cred = receipt
    keys.trust_ca(demo, pem=pki.cert_to_pem(ho_ca), admin_no="E001", admin_password="demo1234")
    body = path.read_bytes()
    forger, _ = _credential("冒充总行")
    path.with_name("receipt.json.p7s").write_bytes(cms.sign_detached(forger, body))
    with pytest.raises(VerifyError, match="untrusted signer"):
        import_receipt(demo, path, actor="E001")
    own = keys.load_credential(demo, "E001", "demo1234")  # the branch cannot sign its own
    path.with_name("receipt.json.p7s").write_bytes(cms.sign_detached(own, body))
    with pytest.raises(VerifyError):
        import_receipt(demo, path, actor="E001")
    changed = body.replace(b'"accepted"', b'"rejected"', 1)
    path.write_bytes(changed)
    with pytest.raises(VerifyError, match="file was changed"):
        import_receipt(demo, path, actor="E001")
    other = json.dumps(json.loads(body) | {"package_id": "0" * 64}).encode()
    path.write_bytes(other)
    path.with_name("receipt.json.p7s").write_bytes(cms.sign_detached(cred, other))
    with pytest.raises(InputFileError, match="made no package"):
        import_receipt(demo, path, actor="E001")
    assert _rows(demo) == []
    with pytest.raises(InputFileError):
        import_receipt(demo, tmp_path / "nowhere.json", actor="E001")


# ---------------------------------------------------------------- fuzz: never a traceback

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from branchcheck.upload import receipts as receipts_mod  # noqa: E402

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200) | _JSON.map(lambda v: json.dumps(v).encode()))
def test_any_receipt_body_is_a_receipt_or_a_clear_refusal(data):
    from pathlib import Path

    try:
        receipts_mod._parse(data, Path("receipt.json"))
    except InputFileError as exc:
        assert "not a head-office receipt" in str(exc)
