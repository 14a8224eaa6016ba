"""Reads of head office's store for the window and `branchcheck headoffice branches|records|
findings`: the branches with their totals, one branch's records, findings and packages, and a
record's signed PDF. Results are frozen dataclasses; no file column is loaded except by
`record_pdf`. A finding is shown as the latest package (received last) says it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from branchcheck.errors import InputFileError, NotFoundError, StateError
from branchcheck.headoffice.models import (
    HoBranch,
    HoFinding,
    HoPackage,
    HoRecord,
    TrustAnchor,
)
from branchcheck.headoffice.store import HeadOffice

CLOSED = "closed"
PACKAGE_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BranchRow:
    code: str
    name: str
    packages: int
    records: int
    last_received_at: str | None
    open_findings: int  # findings whose latest state is not closed


@dataclass(frozen=True)
class RecordRow:
    record_id: str
    checklist: str
    local_date: str
    version: int
    supersedes: str | None
    superseded_by: str | None
    signer: str
    signed_at: str
    verdict: str
    verdict_detail: str
    anchor: str  # the label of the trust anchor that verified it
    package_id: str
    received_at: str

    @property
    def id(self) -> str:
        return self.record_id


@dataclass(frozen=True)
class FindingRow:
    finding_id: str
    title_zh: str | None
    title_en: str | None
    checklist: str | None
    severity: str | None
    risk_driver: str | None
    state: str
    found_on: str | None
    due_date: str | None
    rectified_on: str | None
    closed_on: str | None
    repeat: bool | None
    missed_record_id: str | None
    record_id: str | None
    package_id: str  # the package this row is from (the latest listing the finding)

    @property
    def id(self) -> str:
        return self.finding_id


@dataclass(frozen=True)
class PackageRow:
    package_id: str
    period_from: str
    period_to: str
    received_at: str
    signer: str
    anchor: str
    records: int  # records first stored with this package
    findings: int  # findings as this package says them
    manifest_sha256: str

    @property
    def id(self) -> str:
        return self.package_id


def _branch_id(s, code: str) -> int:
    branch_id = s.scalar(select(HoBranch.id).where(HoBranch.code == code))
    if branch_id is None:
        raise NotFoundError(
            f"总行未收到网点 {code} 的上报包 / head office holds no package of branch {code}"
        )
    return int(branch_id)


def _latest_findings(s, branch_ids: list[int] | None = None):
    """(finding row, its package's public ID) of the latest package per finding."""
    ranked = (
        select(
            HoFinding.id.label("row_id"),
            func.row_number()
            .over(
                partition_by=HoFinding.finding_id,
                order_by=(HoPackage.received_at.desc(), HoPackage.id.desc()),
            )
            .label("rank"),
        )
        .join(HoPackage, HoPackage.id == HoFinding.package_id)
        .subquery()
    )
    query = (
        select(HoFinding, HoPackage.package_id)
        .join(ranked, ranked.c.row_id == HoFinding.id)
        .join(HoPackage, HoPackage.id == HoFinding.package_id)
        .where(ranked.c.rank == 1)
        .order_by(HoFinding.found_on, HoFinding.finding_id)
    )
    if branch_ids is not None:
        query = query.where(HoFinding.branch_id.in_(branch_ids))
    return s.execute(query).all()


def list_branches(db: HeadOffice) -> list[BranchRow]:
    """Every branch head office holds packages of, by code."""
    with db.session() as s:
        branches = s.execute(select(HoBranch.id, HoBranch.code, HoBranch.name)).all()
        packages = dict(
            s.execute(
                select(
                    HoPackage.branch_id,
                    func.count(HoPackage.id),
                ).group_by(HoPackage.branch_id)
            ).all()
        )
        last = dict(
            s.execute(
                select(HoPackage.branch_id, func.max(HoPackage.received_at)).group_by(
                    HoPackage.branch_id
                )
            ).all()
        )
        records = dict(
            s.execute(
                select(HoRecord.branch_id, func.count(HoRecord.id)).group_by(HoRecord.branch_id)
            ).all()
        )
        open_findings: dict[int, int] = {}
        for finding, _pid in _latest_findings(s):
            if finding.state != CLOSED and finding.branch_id is not None:
                open_findings[finding.branch_id] = open_findings.get(finding.branch_id, 0) + 1
    return sorted(
        (
            BranchRow(
                b.code,
                b.name,
                int(packages.get(b.id, 0)),
                int(records.get(b.id, 0)),
                last.get(b.id),
                open_findings.get(b.id, 0),
            )
            for b in branches
        ),
        key=lambda r: r.code,
    )


def list_records(db: HeadOffice, branch_code: str) -> list[RecordRow]:
    """The branch's records, newest day first (a correction beside the version it replaced)."""
    with db.session() as s:
        branch_id = _branch_id(s, branch_code)
        rows = s.execute(
            select(
                HoRecord.record_id,
                HoRecord.checklist,
                HoRecord.local_date,
                HoRecord.version,
                HoRecord.supersedes,
                HoRecord.superseded_by,
                HoRecord.signer,
                HoRecord.signed_at,
                HoRecord.verdict,
                HoRecord.verdict_detail,
                TrustAnchor.label,
                HoPackage.package_id,
                HoPackage.received_at,
            )
            .join(TrustAnchor, TrustAnchor.id == HoRecord.anchor_id)
            .join(HoPackage, HoPackage.id == HoRecord.package_id)
            .where(HoRecord.branch_id == branch_id)
            .order_by(
                HoRecord.local_date.desc(),
                HoRecord.checklist,
                HoRecord.version,
                HoRecord.record_id,
            )
        ).all()
    return [
        RecordRow(
            record_id=r.record_id,
            checklist=r.checklist,
            local_date=r.local_date,
            version=r.version,
            supersedes=r.supersedes,
            superseded_by=r.superseded_by,
            signer=r.signer,
            signed_at=r.signed_at,
            verdict=r.verdict,
            verdict_detail=r.verdict_detail,
            anchor=r.label,
            package_id=r.package_id,
            received_at=r.received_at,
        )
        for r in rows
    ]


def record_pdf(db: HeadOffice, record_id: str) -> bytes:
    """The signed PDF of the record `record_id`, as received."""
    with db.session() as s:
        pdf = s.scalar(select(HoRecord.pdf).where(HoRecord.record_id == record_id))
    if pdf is None:
        raise StateError(
            f"总行没有编号为 {record_id} 的记录 / head office holds no record {record_id}"
        )
    return bytes(pdf)


def list_findings(db: HeadOffice, branch_code: str) -> list[FindingRow]:
    """The branch's findings, each as the latest package (received last) says it, oldest first."""
    with db.session() as s:
        branch_id = _branch_id(s, branch_code)
        rows = _latest_findings(s, [branch_id])
    return [
        FindingRow(
            f.finding_id,
            f.title_zh,
            f.title_en,
            f.checklist,
            f.severity,
            f.risk_driver,
            f.state,
            f.found_on,
            f.due_date,
            f.rectified_on,
            f.closed_on,
            f.repeat,
            f.missed_record_id,
            f.record_id,
            package_id,
        )
        for f, package_id in rows
    ]


def list_packages(db: HeadOffice, branch_code: str) -> list[PackageRow]:
    """The branch's packages, received last first."""
    with db.session() as s:
        branch_id = _branch_id(s, branch_code)
        records = dict(
            s.execute(
                select(HoRecord.package_id, func.count(HoRecord.id))
                .where(HoRecord.branch_id == branch_id)
                .group_by(HoRecord.package_id)
            ).all()
        )
        findings = dict(
            s.execute(
                select(HoFinding.package_id, func.count(HoFinding.id))
                .where(HoFinding.branch_id == branch_id)
                .group_by(HoFinding.package_id)
            ).all()
        )
        rows = s.execute(
            select(
                HoPackage.id,
                HoPackage.package_id,
                HoPackage.period_from,
                HoPackage.period_to,
                HoPackage.received_at,
                HoPackage.signer,
                TrustAnchor.label,
                HoPackage.manifest_sha256,
            )
            .join(TrustAnchor, TrustAnchor.id == HoPackage.anchor_id)
            .where(HoPackage.branch_id == branch_id)
            .order_by(HoPackage.received_at.desc(), HoPackage.id.desc())
        ).all()
    return [
        PackageRow(
            r.package_id,
            r.period_from,
            r.period_to,
            r.received_at,
            r.signer,
            r.label,
            int(records.get(r.id, 0)),
            int(findings.get(r.id, 0)),
            r.manifest_sha256,
        )
        for r in rows
    ]


def find_packages(folder: Path) -> list[Path]:
    """The package folders in `folder`: itself when it holds a manifest.json, else each folder
    directly in it that does, by name (what the window's 导入上报包 takes in)."""
    folder = Path(folder)
    if (folder / PACKAGE_MANIFEST).is_file():
        return [folder]
    try:
        children = sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError as exc:
        raise InputFileError(f"{folder}: 无法读取文件夹 / cannot read the folder ({exc})") from None
    found = [p for p in children if (p / PACKAGE_MANIFEST).is_file()]
    if not found:
        raise InputFileError(
            f"{folder}: 文件夹中没有上报包（含 manifest.json 的文件夹）/ the folder holds no "
            "package (a folder with manifest.json)"
        )
    return found
