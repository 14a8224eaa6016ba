"""Evidence on items (附件): photos and files attached to an item of a record while it is open,
stored whole with their SHA-256 and size, listed in the record document and so sealed with it
(the database refuses any change once the record is sealed).

A file is accepted by what it is, as a finding's evidence is (findings.evidence.sniff: JPEG, PNG,
TIFF, PDF by their first bytes, at most 20 MB). Only the record's own inspector adds or removes
evidence (the permission "answer"); every change is audited with the file's hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Inspection, ItemEvidence, Staff
from branchcheck.errors import InputFileError, NotFoundError
from branchcheck.findings.evidence import KIND_NAMES, MAX_BYTES, MAX_NAME, sniff
from branchcheck.inspections.context import branch_env
from branchcheck.inspections.rows import get_inspection, require_open
from branchcheck.inspections.state import template_of
from branchcheck.people.permissions import Context, require
from branchcheck.settings import Settings
from branchcheck.views import PersonName

IMAGE_TYPES = ("image/jpeg", "image/png")  # those the record's PDF shows as thumbnails


@dataclass(frozen=True)
class ItemEvidenceView:
    """One file on an item of a record (its bytes: item_evidence_bytes)."""

    id: int
    item_key: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: PersonName
    added_at: str


def _view(s: Session, row: ItemEvidence) -> ItemEvidenceView:
    by = s.get_one(Staff, row.added_by_id)
    return ItemEvidenceView(
        id=row.id,
        item_key=row.item_key,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        added_by=PersonName(by.employee_no, by.name),
        added_at=row.added_at,
    )


def _read(path: Path) -> tuple[str, bytes]:
    name = path.name.strip()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # a huge file is not read only to refuse it
            raise InputFileError(
                f"附件 {name} 大小 {size / 1024 / 1024:.1f} MB，超过上限 "
                f"{MAX_BYTES // 1024 // 1024} MB / the attachment {name} is larger than "
                f"{MAX_BYTES // 1024 // 1024} MB",
                hint="拍照或扫描时降低分辨率 / take the photo or scan at a lower resolution",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(
            f"无法读取附件 {path} / cannot read the attachment {path} ({exc.strerror})"
        ) from None
    if not data:
        raise InputFileError(f"附件 {name} 是空文件 / the attachment {name} is empty")
    return name[-MAX_NAME:], data


def _kind(name: str, data: bytes) -> str:
    kind = sniff(data)
    if kind is None:
        raise InputFileError(
            f"附件 {name} 不是照片、扫描件或 PDF（仅接受 {KIND_NAMES}）/ the attachment {name} is "
            f"not a photo, scan or PDF (accepted: {KIND_NAMES}, by content)"
        )
    return kind


def _open_for(
    s: Session, inspection_id: str, item_key: str, actor: str, settings: Settings
) -> tuple[Inspection, int]:
    """The open inspection and the actor's staff id, once the item exists and the actor may."""
    insp = get_inspection(s, inspection_id)
    require_open(insp)
    template_of(insp.template).item(item_key)  # NotFoundError for an item not on the record
    person = require(s, actor, "answer", settings, Context(inspector=insp.inspector.employee_no))
    return insp, person.id


def add_item_evidence(
    store: Store,
    inspection_id: str,
    item_key: str,
    *,
    path: Path,
    actor: str,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> ItemEvidenceView:
    """Attach the file at `path` to an item of an open inspection; refused, changing nothing,
    when it is not a photo, scan or PDF, is empty or too large, or `actor` is not the record's
    inspector."""
    settings, _ = branch_env(settings, None)
    now = clock.local_or_now(now)
    name, data = _read(Path(path))
    kind = _kind(name, data)
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as s:
        insp, staff_id = _open_for(s, inspection_id, item_key, actor, settings)
        row = ItemEvidence(
            inspection_id=insp.id,
            item_key=item_key,
            filename=name,
            media_type=kind,
            size=len(data),
            sha256=digest,
            content=data,
            added_by_id=staff_id,
            added_at=clock.iso(now),
        )
        s.add(row)
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor,
            action="inspection.evidence_add",
            subject=insp.id,
            detail={"item": item_key, "filename": name, "size": len(data), "sha256": digest},
        )
        s.flush()
        return _view(s, row)


def remove_item_evidence(
    store: Store,
    inspection_id: str,
    evidence_id: int,
    *,
    actor: str,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> None:
    """Take a file off an item of an open inspection (a sealed record's never change)."""
    settings, _ = branch_env(settings, None)
    now = clock.local_or_now(now)
    with store.session() as s:
        row = _row(s, inspection_id, evidence_id)
        _open_for(s, inspection_id, row.item_key, actor, settings)
        detail = {"item": row.item_key, "filename": row.filename, "sha256": row.sha256}
        s.delete(row)
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor,
            action="inspection.evidence_remove",
            subject=inspection_id,
            detail=detail,
        )


def _row(s: Session, inspection_id: str, evidence_id: int) -> ItemEvidence:
    row = s.scalars(
        select(ItemEvidence).where(
            ItemEvidence.id == evidence_id, ItemEvidence.inspection_id == inspection_id
        )
    ).first()
    if row is None:
        raise NotFoundError(f"记录 {inspection_id[:8]} 没有附件 {evidence_id} / no such attachment")
    return row


def evidence_rows(s: Session, inspection_id: str) -> list[ItemEvidence]:
    """The record's evidence rows in the order added (the record document reads these)."""
    return list(
        s.scalars(
            select(ItemEvidence)
            .where(ItemEvidence.inspection_id == inspection_id)
            .order_by(ItemEvidence.id)
        )
    )


def item_evidence(store: Store, inspection_id: str) -> list[ItemEvidenceView]:
    """Every file on the record's items, in the order added."""
    with store.session() as s:
        get_inspection(s, inspection_id)
        return [_view(s, row) for row in evidence_rows(s, inspection_id)]


def item_evidence_bytes(store: Store, inspection_id: str, evidence_id: int) -> tuple[str, bytes]:
    """The file name and bytes of one attachment, checked against its stored hash."""
    with store.session() as s:
        row = _row(s, inspection_id, evidence_id)
        if hashlib.sha256(row.content).hexdigest() != row.sha256:
            raise InputFileError(
                f"附件 {row.filename} 与登记的 SHA-256 不符 / the stored attachment "
                f"{row.filename} does not match its SHA-256"
            )
        return row.filename, bytes(row.content)
