"""Head office's trust store: add a branch CA once, list, remove; records already ingested keep
their verdict and the anchor that verified them."""

import pytest
from sqlalchemy import select

from branchcheck.errors import InputFileError, NotFoundError
from branchcheck.headoffice.ingest import ingest_one
from branchcheck.headoffice.models import HoRecord, TrustAnchor
from branchcheck.headoffice.trust import trust_add, trust_list, trust_remove
from branchcheck.records import pki


def test_add_list_and_remove_an_anchor(ho, branch_ca, tmp_path):
    info = trust_add(ho, branch_ca)
    assert info.fingerprint == pki.fingerprint(pki.cert_from_pem(branch_ca.read_bytes()))
    with pytest.raises(InputFileError, match="already trusted"):
        trust_add(ho, branch_ca)
    assert [a.fingerprint for a in trust_list(ho)] == [info.fingerprint]
    with pytest.raises(InputFileError, match="at least 8"):
        trust_remove(ho, "abc")
    with pytest.raises(NotFoundError):
        trust_remove(ho, "00000000")
    gone = trust_remove(ho, info.fingerprint[:10].upper())
    assert gone.removed_at is not None and trust_list(ho) == []
    assert [a.fingerprint for a in trust_list(ho, include_removed=True)] == [info.fingerprint]
    again = trust_add(ho, branch_ca)
    assert again.removed_at is None and len(trust_list(ho)) == 1


def test_only_a_ca_certificate_is_trusted(ho, tmp_path):
    ca_key, ca_cert = pki.create_ca("某 CA", "某处")
    _, leaf = pki.issue_signing_cert(
        ca_key, ca_cert, name="某人", employee_no="E9", organization="某处"
    )
    path = tmp_path / "leaf.pem"
    path.write_text(pki.cert_to_pem(leaf))
    with pytest.raises(InputFileError, match="not a CA"):
        trust_add(ho, path)
    path.write_text("no certificate")
    with pytest.raises(InputFileError):
        trust_add(ho, path)
    with pytest.raises(InputFileError, match="cannot read"):
        trust_add(ho, tmp_path / "none.pem")
    assert trust_list(ho, include_removed=True) == []


def test_records_keep_their_verdict_and_anchor_when_it_is_removed(ho, package, branch_ca):
    info = trust_add(ho, branch_ca)
    assert ingest_one(ho, package).status == "accepted"
    trust_remove(ho, info.fingerprint)
    with ho.session() as s:
        rows = s.execute(
            select(HoRecord.verdict, TrustAnchor.fingerprint, TrustAnchor.removed_at).join(
                TrustAnchor, HoRecord.anchor_id == TrustAnchor.id
            )
        ).all()
    assert rows and {(v, fp) for v, fp, _ in rows} == {("ok", info.fingerprint)}
    assert all(removed is not None for _, _, removed in rows)
