"""Verifying record files offline: signed PDFs (`pdf`, `pages`) and signed workbooks (`xlsx`).

Statuses: ok, tampered (any change after signing, a broken seal, a file signed by someone else
than the record's inspector, pages that say something else than the sealed record), unsigned
(no signature), untrusted (intact, but the signer does not chain to a trusted CA), unreadable
(not a record file we can open). verify_file never raises for a bad file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from branchcheck.records.verify.pdf import embedded_files, verify_pdf
from branchcheck.records.verify.result import Kind, Status, VerifyResult, said
from branchcheck.records.verify.xlsx import verify_xlsx

if TYPE_CHECKING:
    from cryptography import x509

__all__ = [
    "Kind",
    "Status",
    "VerifyResult",
    "embedded_files",
    "local_trust_roots",
    "verify_bytes_of",
    "verify_file",
    "verify_files",
]

MAX_FILE_BYTES = 200 * 1024 * 1024


def local_trust_roots(db: Path | None = None) -> list[x509.Certificate]:
    """The CAs this branch trusts, read from its store file (None: the data home's) with plain
    SQL: no ORM, no schema upgrade, nothing written. A store not yet made trusts none."""
    from branchcheck.db.store import trusted_ca_pems
    from branchcheck.records.pki import cert_from_pem

    if db is None:
        from branchcheck.paths import database_path

        db = database_path()
    return [cert_from_pem(pem) for pem in trusted_ca_pems(db)]


def _sniff(data: bytes, path: str) -> Kind:
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "xl/workbook.xml" in z.namelist():
                    return "xlsx"
        except zipfile.BadZipFile:
            pass
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    return "unknown"


def verify_bytes_of(path: str, data: bytes, trust_roots: list[x509.Certificate]) -> VerifyResult:
    """Verify file content already in memory (`path` is only reported)."""
    kind = _sniff(data, path)
    try:
        if kind == "pdf":
            return verify_pdf(path, data, trust_roots)
        if kind == "xlsx":
            return verify_xlsx(path, data, trust_roots)
    except Exception as exc:  # last resort: never raise for a bad file
        return VerifyResult(
            path, kind, "unreadable", said("unreadable", f"verification failed ({exc})", "无法验证")
        )
    return VerifyResult(
        path,
        "unknown",
        "unreadable",
        said("unreadable", "neither a PDF nor a workbook", "既不是 PDF 也不是工作簿"),
    )


def verify_file(path: str | Path, trust_roots: list[x509.Certificate]) -> VerifyResult:
    """Verify one record file (PDF or XLSX) against `trust_roots`. Never raises for a bad file."""
    name = str(path)
    try:
        p = Path(path)
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            return VerifyResult(
                name,
                "unknown",
                "unreadable",
                said("unreadable", f"file too large ({size} bytes)", "文件过大"),
            )
        data = p.read_bytes()
    except OSError as exc:
        return VerifyResult(
            name,
            "unknown",
            "unreadable",
            said("unreadable", str(exc.strerror or exc), "无法读取文件"),
        )
    return verify_bytes_of(name, data, trust_roots)


def verify_files(
    paths: list[str | Path] | tuple[str | Path, ...], trust_roots: list[x509.Certificate]
) -> list[VerifyResult]:
    return [verify_file(p, trust_roots) for p in paths]
