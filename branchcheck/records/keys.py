"""Signing keys in the store: the branch CA, users' PKCS#12 credentials (kept encrypted with their
own password, never in plain text), and the certificates this branch trusts.

Importing a person's key takes that person's sign-in password and an administrator's; a new
trust anchor is an administrator's own action (trust_ca), never a side effect of an import.
A replaced key is kept (inactive): records it sealed still verify while its CA is trusted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Credential as CredentialRow
from branchcheck.db.models import Staff, TrustedCA
from branchcheck.errors import AuthError, InputFileError, KeyPasswordError, NotFoundError
from branchcheck.people.permissions import ADMIN as ADMIN_ROLES
from branchcheck.people.permissions import refusal
from branchcheck.people.register import find_staff, get_branch, sign_in
from branchcheck.people.signin import check_password
from branchcheck.settings import Settings

if TYPE_CHECKING:
    from cryptography import x509

    from branchcheck.records.pki import Credential

# A key password is at least this long (a PKCS#12 file needs one; short ones are guessed).
KEY_PASSWORD_MIN = 8
KEY_PASSWORD_MAX = 1024
MAX_P12_BYTES = 1024 * 1024


@dataclass(frozen=True)
class TrustedCAInfo:
    """A CA this branch trusts, as shown to people."""

    label: str
    subject: str
    fingerprint: str
    own_branch_ca: bool


def _pki():
    from branchcheck.records import pki  # cryptography is imported only when keys are used

    return pki


def _fingerprint(cert) -> str:
    from cryptography.hazmat.primitives import hashes

    return cert.fingerprint(hashes.SHA256()).hex()


def create_branch_ca(
    store: Store, *, ca_password: str, demo: bool = False, not_before: datetime | None = None
) -> str:
    """Create this branch's CA (demo or local); returns its fingerprint. The application's own
    action (the demo, the set-up); an administrator uses create_ca."""
    with store.session() as s:
        return _create_ca(s, ca_password, "system", demo, not_before)


def create_ca(
    store: Store,
    *,
    ca_password: str,
    admin_no: str,
    admin_password: str,
    settings: Settings | None = None,
) -> str:
    """An administrator (keys_and_trust, proven by their sign-in password) creates the branch's
    CA, its key kept under `ca_password`; refused when the branch has one. Returns its
    fingerprint."""
    _new_key_password(ca_password)
    sign_in(store, admin_no, admin_password, settings=settings)  # audited, locks on failures
    with store.session() as s:
        _may_manage(s, admin_no, settings)
        return _create_ca(s, ca_password, admin_no)


def _may_manage(session: Session, employee_no: str, settings: Settings | None) -> None:
    why = refusal("keys_and_trust", find_staff(session, employee_no), settings or Settings())
    if why is not None:
        raise AuthError(why)


def _create_ca(
    s: Session,
    ca_password: str,
    actor: str,
    demo: bool = False,
    not_before: datetime | None = None,
) -> str:
    pki = _pki()
    branch = get_branch(s)
    if s.scalars(select(TrustedCA).where(TrustedCA.own_branch_ca.is_(True))).first():
        raise InputFileError("本网点已有 CA / this branch already has a CA")
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
        actor=actor,
        action="ca.create",
        subject=fp[:16],
        detail={"demo": demo},
    )
    return fp


def _branch_ca(session: Session, ca_password: str):
    row = session.scalars(select(TrustedCA).where(TrustedCA.own_branch_ca.is_(True))).first()
    if row is None or row.p12 is None:
        raise NotFoundError(
            "本网点还没有 CA / this branch has no CA",
            hint="an administrator creates one (密钥与证书 → 建立网点 CA; branchcheck keys ca create)",
        )
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
    """Issue a signing certificate from the branch CA and store it as PKCS#12 under `password`
    (the application's own action: the demo, the set-up; an administrator uses issue_key)."""
    with store.session() as s:
        return _issue(s, employee_no, password, ca_password, "system", demo, not_before)


def _issue(
    s: Session,
    employee_no: str,
    password: str,
    ca_password: str,
    actor: str,
    demo: bool = False,
    not_before: datetime | None = None,
) -> str:
    pki = _pki()
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
    _store_credential(s, person.id, pki.make_p12(cred, password), pki.cert_to_pem(cert), fp, demo)
    audit.append(
        s,
        at=clock.iso(clock.now()),
        actor=actor,
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


def _proven(session: Session, employee_no: str, password: str) -> Staff:
    """The active person `employee_no`, proven by their sign-in password."""
    person = find_staff(session, employee_no)
    if not person.active or not check_password(password, person.password_hash):
        raise AuthError(
            f"{employee_no} 的登录密码不正确 / wrong sign-in password for {employee_no}"
        )
    return person


def _administrator(
    session: Session, employee_no: str, password: str, settings: Settings | None = None
) -> Staff:
    """The person `employee_no`, proven by their sign-in password, who may manage keys and trust
    (permissions: keys_and_trust); refused with an AuthError otherwise."""
    admin = _proven(session, employee_no, password)
    why = refusal("keys_and_trust", admin, settings or Settings())
    if why is not None:
        raise AuthError(
            why,
            hint="an administrator is the branch head or a deputy head ("
            + ", ".join(ADMIN_ROLES)
            + ")",
        )
    return admin


def import_p12(
    store: Store,
    *,
    employee_no: str,
    path: Path,
    password: str,
    person_password: str,
    admin_no: str,
    admin_password: str,
) -> str:
    """Import a bank-issued PKCS#12 (opened with `password`) as the active signing key of
    `employee_no`, proven by their own sign-in password and by another person who is an
    administrator (ADMIN_ROLES). The certificate must name the person (its employee number) and
    chain to a CA this branch already trusts; the file's own CA certificates are never trusted
    by importing. The person's earlier keys stay stored, inactive. Returns the fingerprint."""
    pki = _pki()
    try:
        if Path(path).stat().st_size > MAX_P12_BYTES:  # a key file is a few kilobytes
            raise InputFileError(f"{path}: 不是密钥文件 / too large for a key file")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the key file ({exc.strerror})") from None
    with store.session() as s:
        person = _proven(s, employee_no, person_password)
        if admin_no == employee_no:
            raise AuthError(
                "导入密钥需要另一位管理员 / importing a key needs another person as administrator",
                hint="ask the branch head or a deputy head to confirm with their password",
            )
        _administrator(s, admin_no, admin_password)
        cred = pki.load_p12(data, password, source=str(path))
        fp = _fingerprint(cred.cert)
        if pki.cert_employee_no(cred.cert) != employee_no:
            raise InputFileError(
                f"{path}: 证书不属于 {employee_no} / the certificate names employee number "
                f"{pki.cert_employee_no(cred.cert)!r}, not {employee_no}"
            )
        reason = pki.check_chain(cred.cert, cred.chain, _roots(s), at=clock.now())
        if reason is not None:
            raise InputFileError(
                f"{path}: 证书的签发 CA 不受信任 / the certificate does not chain to a CA this "
                f"branch trusts: {reason}",
                hint="an administrator first trusts the issuing CA: "
                "branchcheck keys trust add CA.pem --as ADMIN",
            )
        if s.scalars(select(CredentialRow).where(CredentialRow.fingerprint == fp)).first():
            raise InputFileError(f"{path}: this certificate is already imported")
        _store_credential(s, person.id, data, pki.cert_to_pem(cred.cert), fp, False)
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor=employee_no,
            action="key.import",
            subject=employee_no,
            detail={"fingerprint": fp, "file": Path(path).name, "administrator": admin_no},
        )
    return fp


def _roots(session: Session) -> list[x509.Certificate]:
    pki = _pki()
    return [pki.cert_from_pem(r.certificate_pem) for r in session.scalars(select(TrustedCA))]


def trust_ca(store: Store, *, pem: str, admin_no: str, admin_password: str) -> TrustedCAInfo:
    """An administrator's explicit decision to trust the CA certificate `pem`: records its
    subject and fingerprint, audited. A certificate that is no CA, or already trusted, is
    refused."""
    pki = _pki()
    cert = pki.cert_from_pem(pem)
    if not pki.is_ca(cert):
        raise InputFileError("这不是 CA 证书 / the certificate is not a CA certificate")
    fp = _fingerprint(cert)
    subject = cert.subject.rfc4514_string()
    with store.session() as s:
        _administrator(s, admin_no, admin_password)
        if s.scalars(select(TrustedCA).where(TrustedCA.fingerprint == fp)).first():
            raise InputFileError(f"该 CA 已受信任 / this CA is already trusted ({fp[:16]}…)")
        s.add(TrustedCA(label=subject[:200], certificate_pem=pki.cert_to_pem(cert), fingerprint=fp))
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor=admin_no,
            action="ca.trust",
            subject=fp[:16],
            detail={"fingerprint": fp, "subject": subject},
        )
    return TrustedCAInfo(subject[:200], subject, fp, False)


def trusted_cas(store: Store) -> list[TrustedCAInfo]:
    """The CAs this branch trusts, oldest first."""
    pki = _pki()
    with store.session() as s:
        rows = list(s.scalars(select(TrustedCA).order_by(TrustedCA.id)))
        return [
            TrustedCAInfo(
                r.label,
                pki.cert_from_pem(r.certificate_pem).subject.rfc4514_string(),
                r.fingerprint,
                bool(r.own_branch_ca),
            )
            for r in rows
        ]


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


def check_key_password(password: str) -> str | None:
    """Why `password` cannot protect a signing key (zh / en), or None when it can."""
    if len(password) < KEY_PASSWORD_MIN:
        return (
            f"密钥密码至少 {KEY_PASSWORD_MIN} 个字符 / a key password has at least "
            f"{KEY_PASSWORD_MIN} characters"
        )
    if len(password) > KEY_PASSWORD_MAX:
        return (
            f"密钥密码最多 {KEY_PASSWORD_MAX} 个字符 / a key password has at most "
            f"{KEY_PASSWORD_MAX} characters"
        )
    return None


def _new_key_password(password: str) -> None:
    why = check_key_password(password)
    if why is not None:
        raise KeyPasswordError(why)


def change_key_password(
    store: Store, *, employee_no: str, old_password: str, new_password: str
) -> str:
    """Protect the person's active signing key with `new_password`, proven by the old one (a
    wrong old password is refused and nothing changes). The key and certificate stay the same;
    audited (key.password, never the passwords). Returns the certificate's fingerprint."""
    _new_key_password(new_password)
    pki = _pki()
    with store.session() as s:
        person = find_staff(s, employee_no)
        row = _active_row(s, person)
        if row is None:
            raise NotFoundError(
                f"{person.name}（{employee_no}）还没有签名密钥 / {employee_no} has no signing key",
                hint="an administrator issues one (密钥与证书 → 签发密钥; branchcheck keys issue)",
            )
        try:
            cred = pki.load_p12(row.p12, old_password, source=f"{employee_no}'s signing key")
        except KeyPasswordError:
            raise KeyPasswordError(
                f"原密钥密码不正确 / the old password of {employee_no}'s signing key is wrong",
                hint="nothing was changed",
            ) from None
        if old_password == new_password:
            raise KeyPasswordError("新密码与原密码相同 / the new password is the old one")
        row.p12 = pki.make_p12(cred, new_password)
        audit.append(
            s,
            at=clock.iso(clock.now()),
            actor=employee_no,
            action="key.password",
            subject=employee_no,
            detail={"fingerprint": row.fingerprint},
        )
        return row.fingerprint


def _active_row(session: Session, person: Staff) -> CredentialRow | None:
    return session.scalars(
        select(CredentialRow)
        .where(CredentialRow.staff_id == person.id, CredentialRow.active.is_(True))
        .order_by(CredentialRow.id.desc())
    ).first()


def issue_key(
    store: Store,
    *,
    employee_no: str,
    key_password: str,
    ca_password: str,
    admin_no: str,
    admin_password: str,
    person_password: str | None = None,
    settings: Settings | None = None,
) -> str:
    """An administrator (keys_and_trust, proven by their sign-in password) issues a signing key
    from the branch CA (opened with `ca_password`) for `employee_no`, kept under `key_password`.
    For a person who already has a key (a renewal) their own sign-in password is needed too, as
    for an import: nobody's active key is replaced behind their back. Audited (key.issue, the
    administrator as actor). Returns the new certificate's fingerprint."""
    _new_key_password(key_password)
    sign_in(store, admin_no, admin_password, settings=settings)  # audited, locks on failures
    with store.session() as s:
        _may_manage(s, admin_no, settings)
        person = find_staff(s, employee_no)
        if not person.active or person.external:
            raise AuthError(
                f"{person.name}（{employee_no}）不是在职的本网点员工，不能签发密钥 / "
                f"{employee_no} is not active branch staff: no signing key"
            )
        if _active_row(s, person) is not None:
            if person_password is None:
                raise AuthError(
                    f"{person.name}（{employee_no}）已有签名密钥：换发须本人输入登录密码 / "
                    f"{employee_no} has a signing key: renewing it needs their sign-in password"
                )
            _proven(s, employee_no, person_password)
        return _issue(s, employee_no, key_password, ca_password, admin_no)
