"""Head office's receipts at the branch: `receipt.json` and its detached signature
`receipt.json.p7s`, verified against a head-office CA the branch trusts (an administrator's
`keys trust-ca`; never the branch's own CA, whose keys are the branch's), then kept as one
append-only `RecordReceipt` row per record: the branch knows what head office holds.

The receipt's `received_at` is head office's own clock, independent of the branch's."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy import select

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import RecordReceipt, TrustedCA, UploadPackage
from branchcheck.errors import InputFileError, VerifyError
from branchcheck.people.permissions import require, settings_for
from branchcheck.upload import cms

FORMAT = "branchcheck-receipt/1"
MAX_RECEIPT_BYTES = 32 * 1024 * 1024
MAX_SIGNATURE_BYTES = 1024 * 1024


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class ReceiptRecord(_Model):
    id: Annotated[str, StringConstraints(min_length=1, max_length=36)]
    status: Literal["accepted", "duplicate", "rejected"]
    reason: Annotated[str, StringConstraints(max_length=4000)]


class Receipt(_Model):
    format: Literal["branchcheck-receipt/1"]
    package_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    status: Literal["accepted", "duplicate", "rejected"]
    reason: Annotated[str, StringConstraints(max_length=4000)]
    received_at: Annotated[str, StringConstraints(min_length=10, max_length=40)]
    records: Annotated[list[ReceiptRecord], Field(max_length=100_000)]


@dataclass(frozen=True)
class ReceiptImport:
    """A receipt as taken in: its package, head office's time and verdict, the records by fate,
    and whether the same receipt was imported before (nothing added then)."""

    package_id: str
    status: str
    received_at: str
    accepted: tuple[str, ...]
    duplicate: tuple[str, ...]
    rejected: tuple[tuple[str, str], ...]
    already_imported: bool


def _read(path: Path, limit: int, zh: str, en: str) -> bytes:
    try:
        if path.stat().st_size > limit:
            raise InputFileError(f"{path}: {zh}过大 / the {en} is too large")
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: 无法读取{zh} / cannot read the {en} ({exc})") from None


def _head_office_roots(store: Store) -> list:
    from branchcheck.records.pki import cert_from_pem

    with store.session() as s:
        pems = s.scalars(
            select(TrustedCA.certificate_pem).where(TrustedCA.own_branch_ca.is_(False))
        ).all()
    return [cert_from_pem(p) for p in pems]


def _parse(data: bytes, path: Path) -> Receipt:
    try:
        return Receipt.model_validate(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, ValidationError) as exc:
        raise InputFileError(
            f"{path}: 不是总行回执 / not a head-office receipt ({str(exc).splitlines()[0]})"
        ) from None


def import_receipt(
    store: Store, path: Path, *, actor: str, now: datetime | None = None
) -> ReceiptImport:
    """Verify head office's receipt at `path` (its signature beside it) and record what it says
    of each record of the package; `actor` is an administrator (people/permissions.py
    "package"). A receipt not signed under a trusted head-office CA, changed after signing, or
    for a package this branch did not make is refused and changes nothing."""
    path = Path(path)
    now = clock.local_or_now(now)
    data = _read(path, MAX_RECEIPT_BYTES, "回执", "receipt")
    p7s = _read(
        path.with_name(path.name + cms.SUFFIX),
        MAX_SIGNATURE_BYTES,
        "回执签名",
        "receipt's signature",
    )
    check = cms.verify_detached(data, p7s, _head_office_roots(store))
    if not check.ok:
        raise VerifyError(
            f"{path}: 回执签名无效，未导入 / the receipt's signature does not hold: {check.problem}",
            hint="the head-office CA must be trusted first: branchcheck keys trust-ca",
        )
    receipt = _parse(data, path)
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as s:
        require(s, actor, "package", settings_for(store))
        if s.get(UploadPackage, receipt.package_id) is None:
            raise InputFileError(
                f"本网点没有打包过 {receipt.package_id[:12]} / this branch made no package "
                f"{receipt.package_id[:12]}…: the receipt is not for us"
            )
        before = s.scalars(
            select(RecordReceipt.id).where(RecordReceipt.receipt_sha256 == digest)
        ).first()
        if before is None:
            for r in receipt.records:
                s.add(
                    RecordReceipt(
                        package_id=receipt.package_id,
                        record_id=r.id,
                        status=r.status,
                        reason=r.reason,
                        received_at=receipt.received_at,
                        receipt_sha256=digest,
                        imported_at=clock.iso(now),
                    )
                )
            audit.append(
                s,
                at=clock.iso(now),
                actor=actor,
                action="receipt.import",
                subject=receipt.package_id,
                detail={
                    "status": receipt.status,
                    "received_at": receipt.received_at,
                    "records": len(receipt.records),
                    "receipt_sha256": digest,
                },
            )
    return ReceiptImport(
        receipt.package_id,
        receipt.status,
        receipt.received_at,
        tuple(r.id for r in receipt.records if r.status == "accepted"),
        tuple(r.id for r in receipt.records if r.status == "duplicate"),
        tuple((r.id, r.reason) for r in receipt.records if r.status == "rejected"),
        before is not None,
    )
