"""Head office's trust store: the branch CA certificates (`branchcheck keys export-ca`) whose
signatures it accepts. Removing an anchor stops new packages from verifying against it; the
records it verified keep their verdict and keep naming it.

Whoever changes it proves who they are with head office's own key (its file and password, the
key that signs the receipts): the first action taken with a key on a store fixes that key's
certificate as the store's signer (`signer_for`), a different key is refused from then on, and
each anchor says who trusted it and who stopped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from branchcheck import clock
from branchcheck.errors import InputFileError, NotFoundError
from branchcheck.headoffice.models import HeadOfficeSigner, TrustAnchor
from branchcheck.headoffice.store import HeadOffice
from branchcheck.records import pki

MAX_PEM_BYTES = 64 * 1024


NOT_RECORDED = "未记录 / not recorded"  # an anchor changed before who acted was kept


@dataclass(frozen=True)
class AnchorInfo:
    label: str
    fingerprint: str
    added_at: str
    removed_at: str | None
    added_by: str = NOT_RECORDED
    removed_by: str | None = None


@dataclass(frozen=True)
class SignerInfo:
    """Head office's signer on this store: its certificate's name and fingerprint, since when,
    and (for one replaced) when and by which key."""

    name: str
    fingerprint: str
    pinned_at: str
    replaced_at: str | None = None
    replaced_by: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} (SHA-256 {self.fingerprint[:16]})"


def _info(row: TrustAnchor) -> AnchorInfo:
    removed_by = row.removed_by or (NOT_RECORDED if row.removed_at else None)
    return AnchorInfo(
        row.label,
        row.fingerprint,
        row.added_at,
        row.removed_at,
        row.added_by or NOT_RECORDED,
        removed_by,
    )


class NotStoreSigner(InputFileError):
    """A key that is not the store's head-office signer: the store's signer, the name on the key
    given, and when that key was replaced if it once was the signer (the window words it in its
    language from these; the message carries both)."""

    def __init__(self, signer: SignerInfo, given: str, replaced_at: str | None) -> None:
        self.signer, self.given, self.replaced_at = signer, given, replaced_at
        day = (replaced_at or "")[:10]
        gone_zh = f"该密钥已于 {day} 被替换；" if replaced_at else ""
        gone_en = f"that key was replaced on {day}; " if replaced_at else ""
        fp = signer.fingerprint[:16]
        super().__init__(
            f"这不是本总行库的总行密钥：{gone_zh}本库自 {signer.pinned_at[:10]} 起由“{signer.name}”"
            f"（SHA-256 {fp}）签署，所给密钥是“{given}” / this is not this store's head-office "
            f"key: {gone_en}the store's signer is {signer.name} (SHA-256 {fp}), the key given is "
            f"{given}"
        )


def _signer_info(row: HeadOfficeSigner) -> SignerInfo:
    return SignerInfo(row.subject, row.fingerprint, row.pinned_at, row.replaced_at, row.replaced_by)


def _current(s: Session) -> HeadOfficeSigner | None:
    return s.scalars(
        select(HeadOfficeSigner)
        .where(HeadOfficeSigner.slot == 1)
        .execution_options(populate_existing=True)
    ).first()


def _new_signer(credential: pki.Credential, at: str) -> HeadOfficeSigner:
    return HeadOfficeSigner(
        slot=1,
        fingerprint=credential.fingerprint,
        subject=credential.name[:200],
        pem=pki.cert_to_pem(credential.cert),
        pinned_at=at,
    )


def signer_for(s: Session, credential: pki.Credential, at: str) -> SignerInfo:
    """Head office's signer, when `credential` is its key: on a store with none yet, the
    credential's certificate becomes it (slot 1 is unique: two first uses at once cannot fix
    two). A key that is not it — a stranger's, or one replaced — is refused, nothing changes."""
    fp = credential.fingerprint
    row = _current(s)
    if row is None:
        try:
            with s.begin_nested():
                s.add(_new_signer(credential, at))
        except IntegrityError:  # fixed by another process meanwhile
            pass
        row = _current(s)
        if row is None:
            raise InputFileError("总行签署人无法确定 / head office's signer cannot be fixed")
    if row.fingerprint != fp:
        before = s.scalars(
            select(HeadOfficeSigner).where(HeadOfficeSigner.fingerprint == fp)
        ).first()
        replaced = before.replaced_at if before is not None and before.replaced_at else None
        raise NotStoreSigner(_signer_info(row), credential.name, replaced)
    return _signer_info(row)


def confirm_signer(
    db: HeadOffice, credential: pki.Credential, *, now: datetime | None = None
) -> SignerInfo:
    """`signer_for` in a unit of its own: the window asks it right after the key is opened, so a
    wrong key is said next to its field before anything runs."""
    with db.session() as s:
        return signer_for(s, credential, clock.iso(clock.local_or_now(now)))


def head_office_signer(db: HeadOffice) -> SignerInfo | None:
    """The store's head-office signer, or None before the first action with a key."""
    with db.session() as s:
        row = _current(s)
        return None if row is None else _signer_info(row)


def signer_history(db: HeadOffice) -> list[SignerInfo]:
    """Every signer the store has had, the first first (the current one has no replaced_at)."""
    with db.session() as s:
        rows = s.scalars(select(HeadOfficeSigner).order_by(HeadOfficeSigner.id))
        return [_signer_info(r) for r in rows]


def replace_signer(
    db: HeadOffice,
    current: pki.Credential,
    new: pki.Credential,
    *,
    now: datetime | None = None,
) -> SignerInfo:
    """Make `new` head office's signer, authorised by the `current` signer's own key (a key is
    renewed before its certificate expires). The new certificate must be valid now and never
    have been this store's signer; the one replaced stays listed, with when and by whom."""
    moment = clock.local_or_now(now)
    at = clock.iso(moment)
    cert = new.cert
    if not cert.not_valid_before_utc <= moment <= cert.not_valid_after_utc:
        raise InputFileError(
            f"新密钥的证书不在有效期内（{cert.not_valid_before_utc:%Y-%m-%d} 至 "
            f"{cert.not_valid_after_utc:%Y-%m-%d}）/ the new key's certificate is not valid now"
        )
    with db.session() as s:
        old = signer_for(s, current, at)
        if s.scalars(
            select(HeadOfficeSigner).where(HeadOfficeSigner.fingerprint == new.fingerprint)
        ).first():
            raise InputFileError(
                "新密钥曾是或正是本库的总行密钥 / the new key is or was this store's signer already"
            )
        row = _current(s)
        assert row is not None and row.fingerprint == old.fingerprint
        row.slot, row.replaced_at = None, at
        row.replaced_by = SignerInfo(new.name[:200], new.fingerprint, at).label
        s.flush()  # slot 1 is free before the new signer takes it
        fresh = _new_signer(new, at)
        s.add(fresh)
        s.flush()
        return _signer_info(fresh)


def trust_add(
    db: HeadOffice,
    pem_path: Path,
    *,
    credential: pki.Credential,
    now: datetime | None = None,
) -> AnchorInfo:
    """Trust the CA certificate in `pem_path`, by head office's signer (`credential`, see
    `signer_for`); a certificate that is no CA, or is trusted already, is refused. One removed
    before is trusted again."""
    path = Path(pem_path)
    try:
        if path.stat().st_size > MAX_PEM_BYTES:
            raise InputFileError(f"{path}: 文件过大，不是证书 / too large to be a certificate")
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(
            f"{path}: 无法读取证书 / cannot read the certificate ({exc})"
        ) from None
    cert = pki.cert_from_pem(data)
    if not pki.is_ca(cert):
        raise InputFileError(f"{path}: 这不是 CA 证书 / the certificate is not a CA certificate")
    fp = pki.fingerprint(cert)
    at = clock.iso(clock.local_or_now(now))
    with db.session() as s:
        by = signer_for(s, credential, at).label
        row = s.scalars(select(TrustAnchor).where(TrustAnchor.fingerprint == fp)).first()
        if row is not None and row.removed_at is None:
            raise InputFileError(f"该 CA 已受信任 / this CA is already trusted ({fp[:16]}…)")
        if row is None:
            row = TrustAnchor(
                label=cert.subject.rfc4514_string()[:200],
                pem=pki.cert_to_pem(cert),
                fingerprint=fp,
                added_at=at,
                added_by=by,
            )
            s.add(row)
        else:
            row.added_at, row.removed_at, row.added_by, row.removed_by = at, None, by, None
        s.flush()
        return _info(row)


def trust_list(db: HeadOffice, *, include_removed: bool = False) -> list[AnchorInfo]:
    """The trusted anchors, oldest first (with the removed ones when asked)."""
    with db.session() as s:
        query = select(TrustAnchor).order_by(TrustAnchor.id)
        if not include_removed:
            query = query.where(TrustAnchor.removed_at.is_(None))
        return [_info(r) for r in s.scalars(query)]


def trust_remove(
    db: HeadOffice,
    fingerprint: str,
    *,
    credential: pki.Credential,
    now: datetime | None = None,
) -> AnchorInfo:
    """Stop trusting the anchor whose fingerprint is (or starts with, 8 characters at least)
    `fingerprint`, by head office's signer (`credential`, see `signer_for`)."""
    given = fingerprint.strip().lower().replace(":", "")
    if len(given) < 8:
        raise InputFileError("指纹太短 / give at least 8 characters of the fingerprint")
    at = clock.iso(clock.local_or_now(now))
    with db.session() as s:
        by = signer_for(s, credential, at).label
        rows = list(
            s.scalars(
                select(TrustAnchor).where(
                    TrustAnchor.fingerprint.startswith(given, autoescape=True),
                    TrustAnchor.removed_at.is_(None),
                )
            )
        )
        if len(rows) != 1:
            raise NotFoundError(
                f"没有唯一受信任的 CA 指纹为 {given} / no single trusted CA has fingerprint {given}"
            )
        rows[0].removed_at, rows[0].removed_by = at, by
        return _info(rows[0])


def active_anchors(db: HeadOffice) -> list[tuple[int, str]]:
    """(anchor row id, PEM) of every anchor trusted now."""
    with db.session() as s:
        rows = s.execute(
            select(TrustAnchor.id, TrustAnchor.pem).where(TrustAnchor.removed_at.is_(None))
        ).all()
    return [(r.id, r.pem) for r in rows]
