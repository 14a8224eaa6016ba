"""Verifying record files offline: signed PDFs (pyHanko) and signed workbooks (export manifest).

Statuses: ok, tampered (any change after signing, or a broken seal), unsigned (no signature),
untrusted (intact, but the signer does not chain to a trusted CA), unreadable (not a record file
we can open). verify_file never raises for a bad file."""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import io
import json
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from branchcheck.records.sealing import canonical_bytes, check_seal, sha256_hex

if TYPE_CHECKING:
    from cryptography import x509

Kind = Literal["pdf", "xlsx", "unknown"]
Status = Literal["ok", "tampered", "unsigned", "untrusted", "unreadable"]

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class VerifyResult:
    path: str
    kind: Kind
    status: Status
    message: str
    record_id: str | None = None
    signer: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _parse_time(text: Any) -> _dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        at = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


def _record_checks(
    record: bytes, seal_text: bytes | str, trust_roots: list[x509.Certificate], where: str
) -> tuple[Status, str, dict[str, Any] | None, dict[str, Any] | None]:
    """Check the embedded record against its seal; returns status, message, doc, seal."""
    try:
        doc = json.loads(record)
        seal = json.loads(seal_text)
    except (ValueError, UnicodeDecodeError) as exc:
        return (
            "tampered",
            f"tampered: the {where} record or seal is not valid JSON ({exc})",
            None,
            None,
        )
    if not isinstance(doc, dict) or not isinstance(seal, dict):
        return "tampered", f"tampered: the {where} record or seal is not a JSON object", None, None
    try:
        canonical = canonical_bytes(doc)
    except ValueError as exc:
        return "tampered", f"tampered: the {where} record is not canonical ({exc})", doc, seal
    if canonical != record:
        return "tampered", f"tampered: the {where} record is not in canonical form", doc, seal
    if sha256_hex(record) != seal.get("sha256"):
        return (
            "tampered",
            f"tampered: the {where} record does not hash to the seal's SHA-256",
            doc,
            seal,
        )
    check = check_seal(doc, seal, trust_roots)
    if check.status == "tampered":
        return "tampered", f"tampered: record seal: {check.reason}", doc, seal
    if check.status == "untrusted":
        return "untrusted", f"untrusted: record seal: {check.reason}", doc, seal
    return "ok", check.reason, doc, seal


def _signer_label(seal: dict[str, Any] | None) -> str | None:
    if not seal:
        return None
    s = seal.get("signer")
    if isinstance(s, dict):
        return f"{s.get('name', '')} ({s.get('employee_no', '')})"
    return None


# ---------------------------------------------------------------- PDF


def _embedded_files(reader: Any) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    try:
        tree = reader.root["/Names"].get_object()["/EmbeddedFiles"]
    except KeyError:
        return out
    try:
        names = tree.get_object()["/Names"]
    except KeyError:
        return out
    arr = list(names.get_object())
    for i in range(0, len(arr) - 1, 2):
        name = str(arr[i])
        spec = arr[i + 1].get_object()
        try:
            stream = spec["/EF"]["/F"].get_object()
        except KeyError:
            continue
        out[name] = stream.data
    return out


def _asn1(cert: x509.Certificate) -> Any:
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives.serialization import Encoding

    return ax509.Certificate.load(cert.public_bytes(Encoding.DER))


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs a full traceback when a path to a trust root cannot be built; for us that
    is an ordinary 'untrusted' verdict, so keep its logger quiet while validating."""
    logger = logging.getLogger("pyhanko")
    old = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(old)


def _validate_all(sigs: list[Any], roots: list[Any]) -> list[Any] | str:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    statuses = []
    for sig in sigs:
        try:
            vc = ValidationContext(
                trust_roots=roots,
                allow_fetching=False,
                revocation_mode="soft-fail",
                moment=sig.self_reported_timestamp,
            )
            statuses.append(validate_pdf_signature(sig, vc))
        except Exception as exc:  # reported as tampered by the caller
            return str(exc) or type(exc).__name__
    return statuses


def _verify_pdf(path: str, data: bytes, trust_roots: list[x509.Certificate]) -> VerifyResult:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    def result(
        status: Status,
        message: str,
        seal: dict[str, Any] | None = None,
        record_id: str | None = None,
        signer: str | None = None,
    ) -> VerifyResult:
        return VerifyResult(path, "pdf", status, message, record_id, signer or _signer_label(seal))

    looks_signed = b"/ByteRange" in data
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as exc:  # any parse failure is reported, never raised
        if looks_signed:
            return result("tampered", f"tampered: the signed PDF no longer parses ({exc})")
        return result("unreadable", f"unreadable: not a readable PDF ({exc})")
    if not sigs:
        files = {}
        try:
            files = _embedded_files(reader)
        except Exception:
            files = {}
        record_id = None
        if "record.json" in files:
            try:
                record_id = json.loads(files["record.json"]).get("record_id")
            except (ValueError, AttributeError):
                record_id = None
        return result("unsigned", "unsigned: the PDF carries no digital signature", None, record_id)

    roots = [_asn1(c) for c in trust_roots]
    with _quiet_pyhanko():
        statuses = _validate_all(sigs, roots)
    if isinstance(statuses, str):
        return result("tampered", f"tampered: the signature cannot be validated ({statuses})")
    for st in statuses:
        if not st.intact:
            return result(
                "tampered", "tampered: the signed bytes were changed (digest does not match)"
            )
        if not st.valid:
            return result("tampered", "tampered: the cryptographic signature is not valid")
    last = statuses[-1]
    if last.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return result(
            "tampered",
            "tampered: content was added after signing (the signature does not cover the whole"
            f" file: {last.coverage.name if last.coverage else 'unknown'})",
        )
    signer_cert = sigs[-1].signer_cert
    signer_name = signer_cert.subject.human_friendly

    try:
        files = _embedded_files(reader)
    except Exception as exc:
        return result("tampered", f"tampered: embedded record cannot be read ({exc})")
    if "record.json" not in files or "seal.json" not in files:
        return result(
            "tampered",
            "tampered: the signed PDF does not carry record.json and seal.json",
            signer=signer_name,
        )
    status, message, doc, seal = _record_checks(
        files["record.json"], files["seal.json"], trust_roots, "embedded"
    )
    record_id = doc.get("record_id") if isinstance(doc, dict) else None
    if status == "tampered":
        return result(status, message, seal, record_id)
    if not all(st.trusted for st in statuses):
        return result(
            "untrusted",
            f"untrusted: the PDF signature is intact but the signer ({signer_name}) does not"
            " chain to a trusted CA",
            seal,
            record_id,
        )
    if status == "untrusted":
        return result(status, message, seal, record_id)
    return result(
        "ok",
        f"ok: PDF signature intact and trusted (signed by {signer_name}); record seal ok",
        seal,
        record_id,
    )


# ---------------------------------------------------------------- XLSX


def _verify_xlsx(path: str, data: bytes, trust_roots: list[x509.Certificate]) -> VerifyResult:
    from branchcheck.records import pki
    from branchcheck.records.excel import (
        MANIFEST_FORMAT_1,
        SEAL_SHEET,
        load,
        read_hidden,
        visible_digest,
    )

    def result(
        status: Status,
        message: str,
        seal: dict[str, Any] | None = None,
        record_id: str | None = None,
    ) -> VerifyResult:
        return VerifyResult(path, "xlsx", status, message, record_id, _signer_label(seal))

    try:
        wb = load(data)
    except Exception as exc:
        return result("unreadable", f"unreadable: not a readable workbook ({exc})")
    if SEAL_SHEET not in wb.sheetnames:
        return result("unsigned", "unsigned: the workbook has no seal sheet (_seal)")
    try:
        parts = read_hidden(wb)
    except Exception as exc:
        return result("tampered", f"tampered: the seal sheet cannot be read ({exc})")
    if "record_json" not in parts or "seal_json" not in parts:
        return result("tampered", "tampered: the seal sheet lacks the record or its seal")
    if "manifest_json" not in parts:
        return result("unsigned", "unsigned: the workbook was exported without a signature")
    record = parts["record_json"].encode("utf-8")
    try:
        manifest = json.loads(parts["manifest_json"])
        if not isinstance(manifest, dict):
            raise ValueError("not an object")
        signature = base64.b64decode(manifest["signature"], validate=True)
        cert = pki.cert_from_pem(manifest["certificate_pem"])
        chain = [pki.cert_from_pem(p) for p in manifest.get("chain_pem") or []]
    except Exception as exc:
        return result("tampered", f"tampered: the export manifest is malformed ({exc})")
    unsigned_manifest = {k: v for k, v in manifest.items() if k != "signature"}
    try:
        signed_bytes = canonical_bytes(unsigned_manifest)
    except ValueError as exc:
        return result("tampered", f"tampered: the export manifest is not canonical ({exc})")
    if not pki.verify_bytes(cert, signed_bytes, signature):
        return result("tampered", "tampered: the export manifest's signature is not valid")
    try:
        # a workbook signed before manifest format 2 was signed without its print setup
        digest = visible_digest(wb, print_setup=manifest.get("format") != MANIFEST_FORMAT_1)
    except Exception as exc:
        return result("tampered", f"tampered: the visible content cannot be digested ({exc})")
    if digest != manifest.get("visible_sha256"):
        return result(
            "tampered", "tampered: visible content of the workbook differs from what was signed"
        )
    if sha256_hex(record) != manifest.get("record_sha256"):
        return result(
            "tampered", "tampered: the embedded record differs from the one the export signed"
        )
    status, message, doc, seal = _record_checks(record, parts["seal_json"], trust_roots, "embedded")
    record_id = doc.get("record_id") if isinstance(doc, dict) else None
    if status == "tampered":
        return result(status, message, seal, record_id)
    at = _parse_time(manifest.get("signed_at")) or _dt.datetime.now(_dt.UTC)
    reason = pki.check_chain(cert, chain, trust_roots, at=at)
    if reason is not None:
        return result(
            "untrusted", f"untrusted: the workbook's export signer: {reason}", seal, record_id
        )
    if status == "untrusted":
        return result(status, message, seal, record_id)
    return result(
        "ok",
        f"ok: workbook content matches its signed manifest (signed by {pki.cert_name(cert)});"
        " record seal ok",
        seal,
        record_id,
    )


# ---------------------------------------------------------------- entry points


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
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
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
            return _verify_pdf(path, data, trust_roots)
        if kind == "xlsx":
            return _verify_xlsx(path, data, trust_roots)
    except Exception as exc:  # last resort: never raise for a bad file
        return VerifyResult(path, kind, "unreadable", f"unreadable: verification failed ({exc})")
    return VerifyResult(path, "unknown", "unreadable", "unreadable: neither a PDF nor a workbook")


def verify_file(path: str | Path, trust_roots: list[x509.Certificate]) -> VerifyResult:
    """Verify one record file (PDF or XLSX) against `trust_roots`. Never raises for a bad file."""
    name = str(path)
    try:
        p = Path(path)
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            return VerifyResult(
                name, "unknown", "unreadable", f"unreadable: file too large ({size} bytes)"
            )
        data = p.read_bytes()
    except OSError as exc:
        return VerifyResult(name, "unknown", "unreadable", f"unreadable: {exc.strerror or exc}")
    return verify_bytes_of(name, data, trust_roots)


def verify_files(
    paths: list[str | Path] | tuple[str | Path, ...], trust_roots: list[x509.Certificate]
) -> list[VerifyResult]:
    return [verify_file(p, trust_roots) for p in paths]
