"""Evidence of a rectification (整改证明材料): photos, scans and PDFs, stored whole in the store
with their SHA-256 and size, the hash in the audit log.

A file is accepted by what it is (its first bytes), not by its name: JPEG, PNG, TIFF (scans),
PDF; at most MAX_BYTES. Evidence is added while the finding is rectifying (with or before the
result), by the people who may record the result."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import FindingEvidence
from branchcheck.errors import AnswerError, InputFileError, NotFoundError
from branchcheck.findings.loop import ADD_EVIDENCE, load
from branchcheck.findings.reading import get_finding, resolve_id
from branchcheck.findings.steps import record_step
from branchcheck.people.register import find_staff
from branchcheck.views import FindingView

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a phone photo or a multi-page scan, not a video
MAX_NAME = 255

# magic bytes → media type
KINDS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
KIND_NAMES = "JPEG, PNG, TIFF, PDF"


def sniff(data: bytes) -> str | None:
    """The media type of `data` by its first bytes, or None when it is none of KINDS."""
    return next((kind for magic, kind in KINDS if data.startswith(magic)), None)


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise InputFileError(
            f"证明材料 {name} 大小 {size / 1024 / 1024:.1f} MB，超过上限 "
            f"{MAX_BYTES // 1024 // 1024} MB / the evidence file is larger than the limit",
            hint="scan at a lower resolution or split the document",
        )


def _checked(data: bytes, filename: str) -> tuple[str, str]:
    name = Path(filename or "").name.strip()
    if not name:
        raise AnswerError("证明材料的文件名不能为空 / the evidence file needs a file name")
    if len(data) == 0:
        raise InputFileError(f"证明材料 {name} 是空文件 / the evidence file {name} is empty")
    _check_size(name, len(data))
    kind = sniff(data)
    if kind is None:
        raise InputFileError(
            f"证明材料 {name} 不是照片、扫描件或 PDF（仅接受 {KIND_NAMES}）/ the evidence file "
            f"{name} is not a photo, scan or PDF (accepted: {KIND_NAMES}, by content)",
        )
    return name[-MAX_NAME:], kind


def add_evidence_bytes(
    store: Store,
    finding_id: str,
    *,
    data: bytes,
    filename: str,
    actor: str,
    now: datetime | None = None,
) -> FindingView:
    """Attach `data` (named `filename`) to a finding being rectified; refused, changing nothing,
    when it is not a photo, scan or PDF, is empty or too large, or the actor may not."""
    now = clock.local_or_now(now)
    name, kind = _checked(data, filename)
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as s:
        f = load(s, finding_id, ADD_EVIDENCE, actor, now)
        f.evidence.append(
            FindingEvidence(
                filename=name,
                media_type=kind,
                size=len(data),
                sha256=digest,
                content=data,
                added_by_id=find_staff(s, actor).id,
                added_at=clock.iso(now),
            )
        )
        detail = {"filename": name, "media_type": kind, "size": len(data), "sha256": digest}
        record_step(s, f, ADD_EVIDENCE.audit_action, "", actor=actor, now=now, fields=detail)
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor,
            action=ADD_EVIDENCE.audit_action,
            subject=f.id,
            detail=detail,
        )
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


def add_evidence(
    store: Store, finding_id: str, *, path: Path, actor: str, now: datetime | None = None
) -> FindingView:
    """Attach the file at `path` (see add_evidence_bytes)."""
    path = Path(path)
    try:
        _check_size(path.name, path.stat().st_size)  # a huge file is not read only to refuse it
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the evidence file ({exc.strerror})") from None
    return add_evidence_bytes(
        store, finding_id, data=data, filename=path.name, actor=actor, now=now
    )


def evidence_bytes(store: Store, finding_id: str, evidence_id: int) -> tuple[str, bytes]:
    """The file name and bytes of one piece of a finding's evidence, checked against its hash."""
    with store.session() as s:
        fid = resolve_id(s, finding_id)
        row = s.scalars(
            select(FindingEvidence).where(
                FindingEvidence.id == evidence_id, FindingEvidence.finding_id == fid
            )
        ).first()
        if row is None:
            raise NotFoundError(f"finding {fid[:8]} has no evidence {evidence_id}")
        if hashlib.sha256(row.content).hexdigest() != row.sha256:
            raise InputFileError(
                f"证明材料 {row.filename} 与登记的 SHA-256 不符 / the stored evidence "
                f"{row.filename} does not match its SHA-256"
            )
        return row.filename, bytes(row.content)


def export_evidence(store: Store, finding_id: str, evidence_id: int, out_dir: Path) -> Path:
    """Write one piece of evidence into `out_dir` under its file name; returns the path."""
    name, data = evidence_bytes(store, finding_id, evidence_id)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    path.write_bytes(data)
    return path
