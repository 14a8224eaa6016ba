"""Head office's trust store: add a branch CA once, list, remove; records already ingested keep
their verdict and the anchor that verified them. Every change is made with head office's key,
the store's signer from its first use, and says who made it; another key changes nothing."""

from datetime import datetime

import pytest
from sqlalchemy import select

from branchcheck.errors import InputFileError, NotFoundError
from branchcheck.headoffice.ingest import ingest, ingest_one
from branchcheck.headoffice.models import HoRecord, TrustAnchor
from branchcheck.headoffice.trust import (
    head_office_signer,
    replace_signer,
    signer_history,
    trust_add,
    trust_list,
    trust_remove,
)
from branchcheck.records import pki
from tests.ho_signer import ho_key

AT = datetime.fromisoformat("2026-12-03T10:00:00+08:00")


def test_add_list_and_remove_an_anchor(ho, branch_ca, tmp_path):
    info = trust_add(ho, branch_ca, credential=ho_key())
    assert info.fingerprint == pki.fingerprint(pki.cert_from_pem(branch_ca.read_bytes()))
    with pytest.raises(InputFileError, match="already trusted"):
        trust_add(ho, branch_ca, credential=ho_key())
    assert [a.fingerprint for a in trust_list(ho)] == [info.fingerprint]
    with pytest.raises(InputFileError, match="at least 8"):
        trust_remove(ho, "abc", credential=ho_key())
    with pytest.raises(NotFoundError):
        trust_remove(ho, "00000000", credential=ho_key())
    gone = trust_remove(ho, info.fingerprint[:10].upper(), credential=ho_key())
    assert gone.removed_at is not None and trust_list(ho) == []
    assert [a.fingerprint for a in trust_list(ho, include_removed=True)] == [info.fingerprint]
    again = trust_add(ho, branch_ca, credential=ho_key())
    assert again.removed_at is None and len(trust_list(ho)) == 1


def test_only_a_ca_certificate_is_trusted(ho, tmp_path):
    ca_key, ca_cert = pki.create_ca("某 CA", "某处")
    _, leaf = pki.issue_signing_cert(
        ca_key, ca_cert, name="某人", employee_no="E9", organization="某处"
    )
    path = tmp_path / "leaf.pem"
    path.write_text(pki.cert_to_pem(leaf))
    with pytest.raises(InputFileError, match="not a CA"):
        trust_add(ho, path, credential=ho_key())
    path.write_text("no certificate")
    with pytest.raises(InputFileError):
        trust_add(ho, path, credential=ho_key())
    with pytest.raises(InputFileError, match="cannot read"):
        trust_add(ho, tmp_path / "none.pem", credential=ho_key())
    assert trust_list(ho, include_removed=True) == []


def test_records_keep_their_verdict_and_anchor_when_it_is_removed(ho, package, branch_ca):
    info = trust_add(ho, branch_ca, credential=ho_key())
    assert ingest_one(ho, package).status == "accepted"
    trust_remove(ho, info.fingerprint, credential=ho_key())
    with ho.session() as s:
        rows = s.execute(
            select(HoRecord.verdict, TrustAnchor.fingerprint, TrustAnchor.removed_at).join(
                TrustAnchor, HoRecord.anchor_id == TrustAnchor.id
            )
        ).all()
    assert rows and {(v, fp) for v, fp, _ in rows} == {("ok", info.fingerprint)}
    assert all(removed is not None for _, _, removed in rows)


def _other_key(name: str) -> pki.Credential:
    ca_key, ca_cert = pki.create_ca(f"{name} CA", name)
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name=name, employee_no="X001", organization=name
    )
    return pki.Credential(key, cert, [ca_cert])


def test_the_first_key_used_becomes_the_stores_signer_and_says_who_acted(ho, branch_ca):
    assert head_office_signer(ho) is None
    info = trust_add(ho, branch_ca, credential=ho_key(), now=AT)
    signer = head_office_signer(ho)
    assert signer is not None and signer.fingerprint == ho_key().fingerprint
    assert signer.name == "总行收件" and signer.pinned_at == "2026-12-03T10:00:00+08:00"
    assert info.added_by == f"总行收件 (SHA-256 {ho_key().fingerprint[:16]})"
    gone = trust_remove(ho, info.fingerprint, credential=ho_key())
    assert gone.removed_by == info.added_by
    [listed] = trust_list(ho, include_removed=True)
    assert (listed.added_by, listed.removed_by) == (info.added_by, info.added_by)


def test_a_key_that_is_not_the_stores_signer_changes_nothing(ho, branch_ca, package, tmp_path):
    info = trust_add(ho, branch_ca, credential=ho_key())
    stranger = _other_key("冒充总行")
    with pytest.raises(InputFileError, match="not this store's head-office key") as refused:
        trust_remove(ho, info.fingerprint, credential=stranger)
    assert "总行收件" in str(refused.value) and "冒充总行" in str(refused.value)
    assert [a.removed_at for a in trust_list(ho)] == [None]
    other_ca = tmp_path / "other-ca.pem"
    other_ca.write_text(pki.cert_to_pem(stranger.chain[0]))
    with pytest.raises(InputFileError, match="not this store's head-office key"):
        trust_add(ho, other_ca, credential=stranger)
    assert [a.fingerprint for a in trust_list(ho, include_removed=True)] == [info.fingerprint]
    with pytest.raises(InputFileError, match="not this store's head-office key"):
        ingest(ho, [package], credential=stranger, receipts=tmp_path / "receipts")
    with ho.session() as s:
        assert s.scalars(select(HoRecord)).first() is None
    assert not (tmp_path / "receipts").exists()
    assert head_office_signer(ho).fingerprint == ho_key().fingerprint  # type: ignore[union-attr]


def test_the_signer_is_replaced_only_with_its_own_key_and_the_old_one_is_kept(ho, branch_ca):
    info = trust_add(ho, branch_ca, credential=ho_key())
    successor, stranger = _other_key("总行收件二"), _other_key("冒充总行")
    with pytest.raises(InputFileError, match="not this store's head-office key"):
        replace_signer(ho, stranger, successor)
    with pytest.raises(InputFileError, match="not valid now"):
        replace_signer(
            ho, ho_key(), successor, now=datetime.fromisoformat("2099-01-01T09:00+08:00")
        )
    assert head_office_signer(ho).fingerprint == ho_key().fingerprint  # type: ignore[union-attr]
    now = replace_signer(ho, ho_key(), successor)  # its certificate is valid from today on
    assert (now.name, now.fingerprint, now.replaced_at) == (
        "总行收件二",
        successor.fingerprint,
        None,
    )
    assert head_office_signer(ho) == now
    with pytest.raises(InputFileError, match=f"that key was replaced on {now.pinned_at[:10]}"):
        trust_remove(ho, info.fingerprint, credential=ho_key())
    gone = trust_remove(ho, info.fingerprint, credential=successor)
    assert gone.removed_by == now.label and gone.added_by != now.label
    old, current = signer_history(ho)
    assert old.fingerprint == ho_key().fingerprint and old.replaced_at == now.pinned_at
    assert old.replaced_by == now.label and current == now
    with pytest.raises(InputFileError, match="is or was this store's signer"):
        replace_signer(ho, successor, ho_key())
    assert len(signer_history(ho)) == 2
