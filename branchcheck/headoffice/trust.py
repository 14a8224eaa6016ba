"""Head office's trust store: the branch CA certificates (`branchcheck keys export-ca`) whose
signatures it accepts. Removing an anchor stops new packages from verifying against it; the
records it verified keep their verdict and keep naming it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from branchcheck import clock
from branchcheck.errors import InputFileError, NotFoundError
from branchcheck.headoffice.models import TrustAnchor
from branchcheck.headoffice.store import HeadOffice
from branchcheck.records import pki

MAX_PEM_BYTES = 64 * 1024


@dataclass(frozen=True)
class AnchorInfo:
    label: str
    fingerprint: str
    added_at: str
    removed_at: str | None


def _info(row: TrustAnchor) -> AnchorInfo:
    return AnchorInfo(row.label, row.fingerprint, row.added_at, row.removed_at)


def trust_add(db: HeadOffice, pem_path: Path, *, now: datetime | None = None) -> AnchorInfo:
    """Trust the CA certificate in `pem_path`; a certificate that is no CA, or is trusted
    already, is refused. One removed before is trusted again."""
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
        row = s.scalars(select(TrustAnchor).where(TrustAnchor.fingerprint == fp)).first()
        if row is not None and row.removed_at is None:
            raise InputFileError(f"该 CA 已受信任 / this CA is already trusted ({fp[:16]}…)")
        if row is None:
            row = TrustAnchor(
                label=cert.subject.rfc4514_string()[:200],
                pem=pki.cert_to_pem(cert),
                fingerprint=fp,
                added_at=at,
            )
            s.add(row)
        else:
            row.added_at, row.removed_at = at, None
        s.flush()
        return _info(row)


def trust_list(db: HeadOffice, *, include_removed: bool = False) -> list[AnchorInfo]:
    """The trusted anchors, oldest first (with the removed ones when asked)."""
    with db.session() as s:
        query = select(TrustAnchor).order_by(TrustAnchor.id)
        if not include_removed:
            query = query.where(TrustAnchor.removed_at.is_(None))
        return [_info(r) for r in s.scalars(query)]


def trust_remove(db: HeadOffice, fingerprint: str, *, now: datetime | None = None) -> AnchorInfo:
    """Stop trusting the anchor whose fingerprint is (or starts with, 8 characters at least)
    `fingerprint`."""
    given = fingerprint.strip().lower().replace(":", "")
    if len(given) < 8:
        raise InputFileError("指纹太短 / give at least 8 characters of the fingerprint")
    with db.session() as s:
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
        rows[0].removed_at = clock.iso(clock.local_or_now(now))
        return _info(rows[0])


def active_anchors(db: HeadOffice) -> list[tuple[int, str]]:
    """(anchor row id, PEM) of every anchor trusted now."""
    with db.session() as s:
        rows = s.execute(
            select(TrustAnchor.id, TrustAnchor.pem).where(TrustAnchor.removed_at.is_(None))
        ).all()
    return [(r.id, r.pem) for r in rows]
