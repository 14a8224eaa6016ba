# longer than 500 lines: the verified ingest — checking a package, verifying its records over worker processes, storing it whole — kept in one place
"""Taking packages in at head office: verify everything a package carries against the trust
store, then store it whole (one transaction) or not at all, and sign a receipt for it.

Per package: the manifest's CMS signature, its shape, every listed file's size and SHA-256 (and
nothing on disk beyond the list), every record's signed PDF and workbook (its seal) and the
workbook's detached signature, each record's ID as its files say it. A record stored before with
the same files is a duplicate; a correction (`supersedes`) is stored beside its predecessor,
which is marked superseded. The database's unique constraints keep two ingests of the same
package at once from storing anything twice: the one that loses the race sees duplicates."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from branchcheck import clock
from branchcheck.headoffice.manifest import (
    MAX_MANIFEST_BYTES,
    OBLIGATIONS,
    SIGNATURE,
    ListedFile,
    ListedObligation,
    ListedRecord,
    Manifest,
    Problem,
    parse_manifest,
    parse_obligations,
    read_bounded,
    read_checked,
    read_listed,
    sha256,
)
from branchcheck.headoffice.models import (
    HoBranch,
    HoFinding,
    HoObligation,
    HoPackage,
    HoReceipt,
    HoRecord,
)
from branchcheck.headoffice.store import HeadOffice
from branchcheck.headoffice.trust import active_anchors, confirm_signer
from branchcheck.records import pki
from branchcheck.records.verify import verify_bytes_of
from branchcheck.upload import cms
from branchcheck.upload.package import MANIFEST

MAX_SIGNATURE_BYTES = 1024 * 1024
RECEIPT_FORMAT = "branchcheck-receipt/1"
RECEIPT = "receipt.json"
NOT_STORED = "the package was rejected: nothing of it was stored / 整包被拒收，未入库"


@dataclass(frozen=True)
class RecordOutcome:
    """One record's fate; `signed_at`: the time its signatures were judged at, the signer's
    own claimed signing time (offline records carry no authority's timestamp)."""

    record_id: str
    status: str  # accepted / duplicate / rejected
    reason: str = ""
    signed_at: str = ""


@dataclass(frozen=True)
class PackageOutcome:
    """What became of one package: accepted (stored whole), duplicate (held already) or
    rejected (nothing stored), each record's fate and every file's problem. `received_at` is
    head office's own clock (the independent time); `signed_at` the packer's claimed time the
    manifest's signature was judged at."""

    folder: Path
    package_id: str | None
    status: str
    reason: str
    records: tuple[RecordOutcome, ...]
    problems: tuple[Problem, ...]
    received_at: str
    receipt: Path | None = None
    signed_at: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "rejected" and all(r.status != "rejected" for r in self.records)


@dataclass(frozen=True)
class _Checked:
    """A record whose files all verified (their hashes, not their bytes: the bytes are read
    again, and hashed again, where they are stored), with the anchor that verified it."""

    listed: ListedRecord
    pdf_sha256: str
    xlsx_sha256: str
    anchor_id: int
    signer: str
    signed_at: str
    detail: str


@dataclass(frozen=True)
class _Failed:
    """A record that cannot go in: why, and the problems of its files."""

    reason: str
    problems: tuple[Problem, ...] = ()


class _Refused(Exception):
    """The package cannot go in (raised inside the storing transaction to roll it back)."""


def _anchor_of(
    signer: x509.Certificate, at: datetime, anchors: list[tuple[int, x509.Certificate]]
) -> int | None:
    for anchor_id, cert in anchors:
        if pki.check_chain(signer, [], [cert], at=at) is None:
            return anchor_id
    return None


_FILE_REJECTED = "a file of the record was rejected (see the files) / 记录文件被拒收"


def _check_record(
    r: ListedRecord, contents: dict[str, bytes], anchors: list[tuple[int, x509.Certificate]]
) -> _Checked | _Failed:
    """The record's verdict from its files' bytes."""
    roots = [c for _, c in anchors]
    if r.xlsx_p7s is None:
        return _Failed("unsigned: the workbook has no detached signature / 工作簿没有独立签名")
    pdf, xlsx, p7s = contents.get(r.pdf), contents.get(r.xlsx), contents.get(r.xlsx_p7s)
    if pdf is None or xlsx is None or p7s is None:
        return _Failed(_FILE_REJECTED)
    details = []
    for rel, data in ((r.pdf, pdf), (r.xlsx, xlsx)):
        result = verify_bytes_of(rel, data, roots)
        if not result.ok:
            return _Failed(f"{rel}: {result.message}")
        if result.record_id != r.id:
            return _Failed(
                f"{rel}: the file is record {result.record_id}, the manifest says {r.id} / "
                "文件所属记录与清单不符"
            )
        details.append(result.message)
    check = cms.verify_detached(xlsx, p7s, roots)
    if not check.ok or check.signer is None or check.signed_at is None:
        status = "untrusted" if (check.problem or "").startswith("untrusted") else "tampered"
        return _Failed(f"{r.xlsx_p7s}: {status}: {check.problem}")
    anchor_id = _anchor_of(check.signer, check.signed_at, anchors)
    if anchor_id is None:
        return _Failed(f"{r.xlsx_p7s}: untrusted: the signer's CA is not a trust anchor")
    return _Checked(
        r,
        sha256(pdf),
        sha256(xlsx),
        anchor_id,
        pki.cert_name(check.signer)[:300],
        clock.iso(clock.local(check.signed_at)),
        " | ".join(details)[:4000],
    )


_Job = tuple[ListedRecord, str, dict[str, ListedFile], list[tuple[int, str]]]


def _verify_one(job: _Job) -> _Checked | _Failed:
    """Read the record's files (each must be the one listed), then _check_record; what crosses
    to a worker process is plain and small (the folder, the listed files, PEMs)."""
    r, folder, files, anchor_pems = job
    contents: dict[str, bytes] = {}
    problems = []
    for rel, listed in files.items():
        data = read_checked(Path(folder), listed)
        if isinstance(data, str):
            problems.append(Problem(rel, data))
        else:
            contents[rel] = data
    if problems:
        return _Failed(_FILE_REJECTED, tuple(problems))
    return _check_record(r, contents, [(i, pki.cert_from_pem(pem)) for i, pem in anchor_pems])


def _verify_all(
    folder: Path,
    manifest: Manifest,
    bad: set[str],
    anchor_pems: list[tuple[int, str]],
    workers: int | Verifiers,
) -> list[_Checked | _Failed]:
    """Each record's verdict, in order; over `workers` processes when more than one. A file
    already found wrong (`bad`) is not read."""
    listed = {f.path: f for f in manifest.files}
    jobs: list[_Job] = [
        (
            r,
            str(folder),
            {
                p: listed[p]
                for p in (r.pdf, r.xlsx, r.xlsx_p7s)
                if p is not None and p in listed and p not in bad
            },
            anchor_pems,
        )
        for r in manifest.records
    ]
    if isinstance(workers, Verifiers):
        return workers.map(jobs)
    if workers <= 1 or len(jobs) < 2:
        return [_verify_one(j) for j in jobs]
    with Verifiers(workers) as pool:
        return pool.map(jobs)


def _warm() -> None:
    """A worker imports what verifying needs once, when it starts, not with its first record."""
    import pyhanko.sign.validation  # noqa: F401
    import reportlab.platypus  # noqa: F401

    import branchcheck.records.excel  # noqa: F401
    import branchcheck.records.pdf.layout  # noqa: F401


class Verifiers:
    """Worker processes that verify records, started once for many packages (starting one and
    importing the PDF and workbook libraries takes seconds)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Verifiers:
        if self.workers > 1:
            context = multiprocessing.get_context("forkserver")  # no fork of a threaded process
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=_warm
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown()

    def map(self, jobs: list[_Job]) -> list[_Checked | _Failed]:
        if self._pool is None or len(jobs) < 2:
            return [_verify_one(j) for j in jobs]
        chunk = max(1, len(jobs) // (self.workers * 8))
        return list(self._pool.map(_verify_one, jobs, chunksize=chunk))


def _rejected(
    folder: Path,
    package_id: str | None,
    reason: str,
    records: list[RecordOutcome],
    problems: list[Problem],
    at: str,
) -> PackageOutcome:
    return PackageOutcome(
        folder, package_id, "rejected", reason, tuple(records), tuple(problems), at
    )


def _anchor_problem(manifest: Manifest, signer: x509.Certificate) -> str | None:
    """Why the branch's audit anchor the manifest carries does not hold: it must be signed by the
    manifest's own signer (the same certificate, the same employee number)."""
    import base64
    import binascii

    from branchcheck.audit import anchor_bytes

    held = manifest.audit_anchor
    if held is None:
        return None
    if pki.cert_employee_no(signer) != held.signer:
        return "the audit anchor's signer is not the manifest's / 审计锚点签名人与清单签名人不符"
    try:
        signature = base64.b64decode(held.signature, validate=True)
    except (binascii.Error, ValueError):
        return "the audit anchor's signature is malformed / 审计锚点签名格式错误"
    data = anchor_bytes(held.count, held.hash, None, held.at, held.signer)
    if not pki.verify_bytes(signer, data, signature):
        return "the audit anchor's signature does not match / 审计锚点签名不符"
    return None


_BATCH = 50  # records written, then let go of, at a time: memory stays flat


def _stored_bytes(folder: Path, listed: dict[str, ListedFile], rel: str, verified: str) -> bytes:
    """The file's bytes as verified: read again, and they must hash as they did then."""
    data = read_checked(folder, listed[rel])
    if isinstance(data, str) or sha256(data) != verified:
        raise _Refused(
            f"{rel}: the file changed while the package was taken in / 入库过程中文件被改动"
        )
    return data


def _store(
    s: Session,
    folder: Path,
    manifest: Manifest,
    manifest_sha: str,
    signer: str,
    anchor_id: int,
    checked: list[_Checked],
    obligations: list[ListedObligation],
    at: str,
) -> tuple[str, list[RecordOutcome]]:
    """Store the package in the session; ("accepted" | "duplicate", each record's fate)."""
    if s.scalars(select(HoPackage).where(HoPackage.package_id == manifest.package_id)).first():
        return "duplicate", [
            RecordOutcome(c.listed.id, "duplicate", signed_at=c.signed_at) for c in checked
        ]
    branch = s.scalars(select(HoBranch).where(HoBranch.code == manifest.branch.code)).first()
    if branch is None:
        branch = HoBranch(code=manifest.branch.code, name=manifest.branch.name)
        s.add(branch)
        s.flush()
    package = HoPackage(
        package_id=manifest.package_id,
        branch_id=branch.id,
        period_from=manifest.period.from_,
        period_to=manifest.period.to,
        manifest_sha256=manifest_sha,
        received_at=at,
        signer=signer,
        anchor_id=anchor_id,
        audit_count=manifest.audit_anchor.count if manifest.audit_anchor else None,
        audit_hash=manifest.audit_anchor.hash if manifest.audit_anchor else None,
    )
    s.add(package)
    s.flush()
    branch_id, package_pk = branch.id, package.id
    listed = {f.path: f for f in manifest.files}
    ids = [c.listed.id for c in checked]
    held: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        for rid, pdf_sha, xlsx_sha in s.execute(
            select(HoRecord.record_id, HoRecord.pdf_sha256, HoRecord.xlsx_sha256).where(
                HoRecord.record_id.in_(ids[i : i + 500])
            )
        ):
            held[rid] = (pdf_sha, xlsx_sha)
    outcomes = []
    pending = 0
    for c in checked:
        r = c.listed
        if r.id in held:
            if held[r.id] != (c.pdf_sha256, c.xlsx_sha256):
                raise _Refused(
                    f"record {r.id}: head office holds other files under this ID / "
                    "总行已存有同一编号但内容不同的记录"
                )
            outcomes.append(RecordOutcome(r.id, "duplicate", signed_at=c.signed_at))
            continue
        assert r.xlsx_p7s is not None  # a checked record has its signature
        successor = s.scalars(select(HoRecord.record_id).where(HoRecord.supersedes == r.id)).first()
        s.add(
            HoRecord(
                record_id=r.id,
                branch_id=branch_id,
                checklist=r.checklist,
                local_date=r.local_date,
                version=r.version,
                supersedes=r.supersedes,
                superseded_by=successor,
                pdf=_stored_bytes(folder, listed, r.pdf, c.pdf_sha256),
                pdf_sha256=c.pdf_sha256,
                xlsx=_stored_bytes(folder, listed, r.xlsx, c.xlsx_sha256),
                xlsx_sha256=c.xlsx_sha256,
                xlsx_p7s=_stored_bytes(folder, listed, r.xlsx_p7s, listed[r.xlsx_p7s].sha256),
                verdict="ok",
                verdict_detail=c.detail,
                signer=c.signer,
                signed_at=c.signed_at,
                anchor_id=c.anchor_id,
                package_id=package_pk,
            )
        )
        if r.supersedes is not None:
            s.execute(
                update(HoRecord)
                .where(HoRecord.record_id == r.supersedes)
                .values(superseded_by=r.id)
            )
        outcomes.append(RecordOutcome(r.id, "accepted", signed_at=c.signed_at))
        pending += 1
        if pending >= _BATCH:  # written, then the session lets go of the bytes
            s.flush()
            s.expunge_all()
            pending = 0
    for f in manifest.findings:
        s.add(
            HoFinding(
                finding_id=f.id,
                state=f.state,
                package_id=package_pk,
                branch_id=branch_id,
                record_id=f.record_id,
                checklist=f.checklist,
                item_key=f.item_key,
                title_zh=f.title.zh,
                title_en=f.title.en,
                severity=f.severity,
                risk_driver=f.risk_driver,
                origin=f.origin,
                repeat=f.repeat,
                missed_record_id=f.missed_record_id,
                missed_by=f.missed_by,
                found_on=f.found_on,
                due_date=f.due_date,
                rectified_on=f.rectified_on,
                closed_on=f.closed_on,
            )
        )
    for o in obligations:
        s.add(
            HoObligation(
                package_id=package_pk,
                branch_id=branch_id,
                key=o.key,
                checklist=o.checklist,
                reason=o.reason,
                period_start=o.period_start,
                due_on=o.due_on,
                status=o.status,
                done_on=o.done_on,
                expected=o.expected,
                count=o.count,
            )
        )
    s.flush()
    return "accepted", outcomes


def ingest_one(
    db: HeadOffice,
    folder: Path,
    *,
    workers: int | Verifiers = 1,
    now: datetime | None = None,
) -> PackageOutcome:
    """Verify and take in the package in `folder` (see the module's description); the records
    are verified over `workers` processes."""
    folder = Path(folder)
    at = clock.iso(clock.local_or_now(now))
    anchor_pems = active_anchors(db)
    anchors = [(i, pki.cert_from_pem(pem)) for i, pem in anchor_pems]
    data = read_bounded(folder / MANIFEST, MAX_MANIFEST_BYTES)
    if isinstance(data, str):
        return _rejected(folder, None, f"{MANIFEST}: {data}", [], [], at)
    signature = read_bounded(folder / SIGNATURE, MAX_SIGNATURE_BYTES)
    if isinstance(signature, str):
        reason = f"unsigned: {SIGNATURE}: {signature} / 清单未签名"
        return _rejected(folder, None, reason, [], [], at)
    check = cms.verify_detached(data, signature, [c for _, c in anchors])
    anchor_id = None
    if check.ok and check.signer is not None and check.signed_at is not None:
        anchor_id = _anchor_of(check.signer, check.signed_at, anchors)
    if check.signer is None or check.signed_at is None or anchor_id is None:
        why = check.problem or "the signer's CA is not a trust anchor"
        return _rejected(folder, None, f"{MANIFEST}: signature: {why} / 清单签名无效", [], [], at)
    manifest = parse_manifest(data)
    if isinstance(manifest, str):
        return _rejected(folder, None, manifest, [], [], at)
    why_anchor = _anchor_problem(manifest, check.signer)
    if why_anchor is not None:
        return _rejected(folder, manifest.package_id, f"{MANIFEST}: {why_anchor}", [], [], at)
    record_files = {
        p for r in manifest.records for p in (r.pdf, r.xlsx, r.xlsx_p7s) if p is not None
    }
    contents, problems = read_listed(folder, manifest, defer=record_files)
    obligations: list[ListedObligation] = []
    if OBLIGATIONS in contents:
        said = parse_obligations(contents[OBLIGATIONS])
        if isinstance(said, str):
            problems.append(Problem(OBLIGATIONS, said))
        else:
            obligations = said
    elif not any(p.path == OBLIGATIONS for p in problems):
        problems.append(
            Problem(OBLIGATIONS, "the package lists no obligations.json / 上报包缺少检查计划文件")
        )
    bad = {p.path for p in problems}
    fates: list[_Checked | _Failed] = [
        _Failed(
            f"{f.listed.xlsx_p7s}: untrusted: signed under another CA than the package / "
            "记录与上报包不是同一 CA 签发"
        )
        if isinstance(f, _Checked) and f.anchor_id != anchor_id
        else f
        for f in _verify_all(folder, manifest, bad, anchor_pems, workers)
    ]
    for f in fates:
        if isinstance(f, _Failed):
            problems.extend(f.problems)
    checked = [f for f in fates if isinstance(f, _Checked)]
    signed_at = clock.iso(clock.local(check.signed_at))
    if problems or len(checked) != len(fates):
        records = [
            RecordOutcome(r.id, "rejected", f.reason if isinstance(f, _Failed) else NOT_STORED)
            for r, f in zip(manifest.records, fates, strict=True)
        ]
        reason = "files or records were rejected / 有文件或记录被拒收"
        return dataclasses.replace(
            _rejected(folder, manifest.package_id, reason, records, problems, at),
            signed_at=signed_at,
        )
    signer = pki.cert_name(check.signer)[:300]
    for attempt in (1, 2):
        try:
            with db.session() as s:
                status, records = _store(
                    s, folder, manifest, sha256(data), signer, anchor_id, checked, obligations, at
                )
            break
        except _Refused as exc:
            rejected = [RecordOutcome(c.listed.id, "rejected", str(exc)) for c in checked]
            return _rejected(folder, manifest.package_id, str(exc), rejected, [], at)
        except IntegrityError:
            if attempt == 2:  # the same rows were stored by another ingest meanwhile: look again
                raise
    return PackageOutcome(
        folder, manifest.package_id, status, "", tuple(records), (), at, signed_at=signed_at
    )


def receipt_of(outcome: PackageOutcome, head_office: str) -> bytes:
    """The receipt's JSON: the package, what became of each record and file, head office's own
    time of receipt."""
    body = {
        "format": RECEIPT_FORMAT,
        "package_id": outcome.package_id,
        "folder": outcome.folder.name,
        "status": outcome.status,
        "reason": outcome.reason,
        "received_at": outcome.received_at,
        "head_office": head_office,
        "signed_at": outcome.signed_at,
        "records": [
            {"id": r.record_id, "status": r.status, "reason": r.reason, "signed_at": r.signed_at}
            for r in outcome.records
        ],
        "files": [{"path": p.path, "reason": p.reason} for p in outcome.problems],
    }
    return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode()


def _sign_receipt(
    db: HeadOffice, outcome: PackageOutcome, credential: pki.Credential, out: Path
) -> Path:
    body = receipt_of(outcome, credential.name)
    p7s = cms.sign_detached(credential, body)
    folder = out / outcome.folder.name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / RECEIPT
    path.write_bytes(body)
    path.with_name(RECEIPT + cms.SUFFIX).write_bytes(p7s)
    with db.session() as s:
        s.add(
            HoReceipt(
                package_id=outcome.package_id,
                folder=outcome.folder.name[:300],
                status=outcome.status,
                received_at=outcome.received_at,
                body=body,
                p7s=p7s,
            )
        )
    return path


def ingest(
    db: HeadOffice,
    package_dirs: Iterable[Path],
    *,
    credential: pki.Credential,
    receipts: Path,
    workers: int = 1,
    now: datetime | None = None,
    progress: Callable[[int, int, PackageOutcome], None] | None = None,
) -> list[PackageOutcome]:
    """Take in each package (ingest_one) and sign its receipt with head office's `credential`:
    `receipts`/<package folder>/receipt.json + receipt.json.p7s (recorded in the store too).
    `progress(done, total, outcome)` is called after each package (the window's progress bar).
    A key that is not the store's head-office signer (trust.signer_for) is refused first, with
    nothing taken in: receipts are signed by one key, the one that changes the trust store."""
    folders = [Path(f) for f in package_dirs]
    confirm_signer(db, credential, now=now)
    done = []
    with Verifiers(workers) as verifiers:
        for folder in folders:
            outcome = ingest_one(db, folder, workers=verifiers, now=now)
            path = _sign_receipt(db, outcome, credential, Path(receipts))
            done.append(dataclasses.replace(outcome, receipt=path))
            if progress is not None:
                progress(len(done), len(folders), done[-1])
    return done
