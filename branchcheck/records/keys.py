"""Signing keys in the store: the branch CA, users' PKCS#12 credentials (kept encrypted with their
own password, never in plain text), and the certificates this branch trusts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Credential as CredentialRow
from branchcheck.db.models import TrustedCA
from branchcheck.errors import InputFileError, KeyPasswordError, NotFoundError
from branchcheck.people.register import find_staff, get_branch

if TYPE_CHECKING:
    from branchcheck.records.pki import Credential


def _pki():
    from branchcheck.records import pki  # cryptography is imported only when keys are used

    return pki


def _fingerprint(cert) -> str:
    from cryptography.hazmat.primitives import hashes

    return cert.fingerprint(hashes.SHA256()).hex()


def create_branch_ca(
    store: Store, *, ca_password: str, demo: bool = False, not_before: datetime | None = None
) -> str:
    """Create this branch's CA (demo or local); returns its fingerprint."""
    pki = _pki()
    with store.session() as s:
        branch = get_branch(s)
        if s.scalars(select(TrustedCA).where(TrustedCA.own_branch_ca.is_(True))).first():
            raise InputFileError("this branch already has a CA")
        key, cert = pki.create_ca(
            f"{branch.name} 网点自查 CA", branch.name, demo=demo, not_before=not_before
        )
        cred = pki.Credential(key, cert, [])
        fp = _fingerprint(cert)
        label = f"{branch.code} branch CA" + (" (DEMO)" if demo else "")
        s.add(
            TrustedCA(
                label=label,
                certificate_pem=pki.cert_to_pem(cert),
                fingerprint=fp,
                own_branch_ca=True,
                p12=pki.make_p12(cred, ca_password),
            )
        )
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor="system",
            action="ca.create",
            subject=fp[:16],
            detail={"demo": demo},
        )
    return fp


def _branch_ca(session: Session, ca_password: str):
    row = session.scalars(select(TrustedCA).where(TrustedCA.own_branch_ca.is_(True))).first()
    if row is None or row.p12 is None:
        raise NotFoundError("this branch has no CA", hint="run 'branchcheck demo' or import a key")
    return _pki().load_p12(row.p12, ca_password, source="the branch CA key")


def issue_credential(
    store: Store,
    *,
    employee_no: str,
    password: str,
    ca_password: str,
    demo: bool = False,
    not_before: datetime | None = None,
) -> str:
    """Issue a signing certificate from the branch CA and store it as PKCS#12 under `password`."""
    pki = _pki()
    with store.session() as s:
        person = find_staff(s, employee_no)
        branch = get_branch(s)
        ca = _branch_ca(s, ca_password)
        key, cert = pki.issue_signing_cert(
            ca.key,
            ca.cert,
            name=person.name,
            employee_no=employee_no,
            organization=branch.name,
            demo=demo,
            not_before=not_before,
        )
        cred = pki.Credential(key, cert, [ca.cert])
        fp = _fingerprint(cert)
        _store_credential(
            s, person.id, pki.make_p12(cred, password), pki.cert_to_pem(cert), fp, demo
        )
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor="system",
            action="key.issue",
            subject=employee_no,
            detail={"fingerprint": fp, "demo": demo},
        )
    return fp


def _store_credential(s: Session, staff_id: int, p12: bytes, pem: str, fp: str, demo: bool) -> None:
    for old in s.scalars(select(CredentialRow).where(CredentialRow.staff_id == staff_id)):
        old.active = False
    s.add(
        CredentialRow(
            staff_id=staff_id,
            p12=p12,
            certificate_pem=pem,
            fingerprint=fp,
            demo=demo,
            created_at=clock.iso(clock.now()),
        )
    )


def import_p12(store: Store, *, employee_no: str, path: Path, password: str) -> str:
    """Import a bank-issued PKCS#12 for a person; its chain's certificates become trusted."""
    pki = _pki()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the key file ({exc.strerror})") from None
    cred = pki.load_p12(data, password, source=str(path))
    fp = _fingerprint(cred.cert)
    with store.session() as s:
        person = find_staff(s, employee_no)
        if s.scalars(select(CredentialRow).where(CredentialRow.fingerprint == fp)).first():
            raise InputFileError(f"{path}: this certificate is already imported")
        _store_credential(s, person.id, data, pki.cert_to_pem(cred.cert), fp, False)
        for ca in cred.chain:
            ca_fp = _fingerprint(ca)
            if not s.scalars(select(TrustedCA).where(TrustedCA.fingerprint == ca_fp)).first():
                s.add(
                    TrustedCA(
                        label=ca.subject.rfc4514_string()[:200],
                        certificate_pem=pki.cert_to_pem(ca),
                        fingerprint=ca_fp,
                    )
                )
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor=employee_no,
            action="key.import",
            subject=employee_no,
            detail={"fingerprint": fp, "file": Path(path).name},
        )
    return fp


def load_credential(store: Store, employee_no: str, password: str) -> Credential:
    with store.session() as s:
        return credential_in(s, employee_no, password)


def credential_in(session: Session, employee_no: str, password: str) -> Credential:
    """The person's active signing key, opened with their password, inside the caller's session."""
    person = find_staff(session, employee_no)
    row = session.scalars(
        select(CredentialRow)
        .where(CredentialRow.staff_id == person.id, CredentialRow.active.is_(True))
        .order_by(CredentialRow.id.desc())
    ).first()
    if row is None:
        raise NotFoundError(
            f"{person.name} ({employee_no}) has no signing key",
            hint="import one with 'branchcheck keys import'",
        )
    try:
        return _pki().load_p12(row.p12, password, source=f"{employee_no}'s signing key")
    except KeyPasswordError:
        raise KeyPasswordError(
            f"签名密钥密码不正确 / wrong password for {employee_no}'s signing key"
        ) from None


def has_credential(store: Store, employee_no: str) -> bool:
    with store.session() as s:
        person = find_staff(s, employee_no)
        return (
            s.scalars(
                select(CredentialRow).where(
                    CredentialRow.staff_id == person.id, CredentialRow.active.is_(True)
                )
            ).first()
            is not None
        )


def trust_roots(store: Store) -> list:
    pki = _pki()
    with store.session() as s:
        pems = [r.certificate_pem for r in s.scalars(select(TrustedCA))]
    return [pki.cert_from_pem(p) for p in pems]


def export_ca(store: Store, out: Path) -> Path:
    with store.session() as s:
        row = s.scalars(select(TrustedCA).where(TrustedCA.own_branch_ca.is_(True))).first()
        if row is None:
            raise NotFoundError("this branch has no CA to export")
        pem = row.certificate_pem
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(pem, encoding="ascii")
    return out
