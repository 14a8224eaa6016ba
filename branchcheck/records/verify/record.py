"""The checks a PDF and a workbook share: the embedded record against its seal, and one person
behind the file — the certificate that signed the file, the seal's signer and the record's
inspector."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from branchcheck.records.sealing import canonical_bytes, check_seal, sha256_hex
from branchcheck.records.verify.result import Signer, Status, said

if TYPE_CHECKING:
    from cryptography import x509


# the fields records/sealing.py writes in a seal, and in its signer
_SEAL_KEYS = {"algorithm", "sha256", "signature", "certificate_pem", "chain_pem", "signer"}
_SIGNER_KEYS = {"employee_no", "name", "subject"}


@dataclass(frozen=True)
class RecordCheck:
    status: Status
    message: str
    doc: dict[str, Any] | None = None
    seal: dict[str, Any] | None = None

    @property
    def record_id(self) -> str | None:
        rid = self.doc.get("record_id") if self.doc else None
        return rid if isinstance(rid, str) else None


_recent: dict[tuple[bytes, bytes, tuple[bytes, ...]], RecordCheck] = {}
_recent_lock = threading.Lock()
_RECENT = 8  # a record's PDF and workbook carry the same record and seal: checked once


def check_record(
    record: bytes, seal_text: bytes | str, trust_roots: list[x509.Certificate]
) -> RecordCheck:
    """The embedded record (canonical JSON) against its embedded seal; the verdicts of the last
    few (record, seal, trust roots) are kept, so a record's PDF and workbook check it once."""
    from cryptography.hazmat.primitives.serialization import Encoding

    seal_bytes = seal_text.encode("utf-8") if isinstance(seal_text, str) else seal_text
    roots = tuple(c.public_bytes(Encoding.DER) for c in trust_roots)
    key = (hashlib.sha256(record).digest(), hashlib.sha256(seal_bytes).digest(), roots)
    with _recent_lock:
        held = _recent.get(key)
    if held is not None:
        return held
    check = _check_record(record, seal_bytes, trust_roots)
    with _recent_lock:
        if len(_recent) >= _RECENT:
            _recent.pop(next(iter(_recent)))
        _recent[key] = check
    return check


def _check_record(
    record: bytes, seal_text: bytes, trust_roots: list[x509.Certificate]
) -> RecordCheck:
    try:
        doc = json.loads(record)
        seal = json.loads(seal_text)
    except (ValueError, UnicodeDecodeError) as exc:
        return RecordCheck(
            "tampered",
            said(
                "tampered",
                f"the embedded record or seal is not valid JSON ({exc})",
                "内嵌的记录或签章不是有效的 JSON",
            ),
        )
    if not isinstance(doc, dict) or not isinstance(seal, dict):
        return RecordCheck(
            "tampered",
            said(
                "tampered",
                "the embedded record or seal is not a JSON object",
                "内嵌的记录或签章不是 JSON 对象",
            ),
        )
    try:
        canonical = canonical_bytes(doc)
    except ValueError as exc:
        return RecordCheck(
            "tampered",
            said(
                "tampered", f"the embedded record is not canonical ({exc})", "内嵌记录不是规范形式"
            ),
            doc,
            seal,
        )
    if canonical != record:
        return RecordCheck(
            "tampered",
            said(
                "tampered", "the embedded record is not in canonical form", "内嵌记录不是规范形式"
            ),
            doc,
            seal,
        )
    if sha256_hex(record) != seal.get("sha256"):
        return RecordCheck(
            "tampered",
            said(
                "tampered",
                "the embedded record does not hash to the seal's SHA-256",
                "内嵌记录的 SHA-256 与签章不符",
            ),
            doc,
            seal,
        )
    extra = set(seal) - _SEAL_KEYS
    signer = seal.get("signer")
    if extra or not isinstance(signer, dict) or set(signer) - _SIGNER_KEYS:
        return RecordCheck(
            "tampered",
            said("tampered", "the seal carries fields a seal does not have", "签章含有多余的字段"),
            doc,
            seal,
        )
    check = check_seal(doc, seal, trust_roots, canonical=canonical)
    if check.status == "tampered":
        return RecordCheck(
            "tampered",
            said("tampered", f"record seal: {check.reason}", "记录签章无效"),
            doc,
            seal,
        )
    if check.status == "untrusted":
        return RecordCheck(
            "untrusted",
            said("untrusted", f"record seal: {check.reason}", "记录签章的签名人不受信任"),
            doc,
            seal,
        )
    return RecordCheck("ok", check.reason, doc, seal)


def signer_of(cert: x509.Certificate) -> Signer:
    from branchcheck.records import pki

    return Signer(pki.cert_name(cert), pki.cert_employee_no(cert), pki.fingerprint(cert))


def _seal_fingerprint(seal: dict[str, Any]) -> str | None:
    from branchcheck.records import pki

    try:
        return pki.fingerprint(pki.cert_from_pem(seal["certificate_pem"]))
    except Exception:  # a malformed seal was already reported by check_record
        return None


def same_person(signer: Signer, doc: dict[str, Any], seal: dict[str, Any], what: str) -> str | None:
    """None when the certificate that signed the file (`what`: "PDF" or "workbook") is the
    seal's certificate and names the record's inspector; otherwise the tampered message."""
    given = doc.get("inspector")
    inspector: dict[str, Any] = given if isinstance(given, dict) else {}
    inspector_no = inspector.get("employee_no")
    if not signer.employee_no:
        return said(
            "tampered",
            f"the {what}'s signing certificate names no employee number",
            "文件签名证书没有员工号",
        )
    if _seal_fingerprint(seal) != signer.fingerprint:
        claimed = seal.get("signer")
        sealer: dict[str, Any] = claimed if isinstance(claimed, dict) else {}
        who = f"{sealer.get('name', '?')} ({sealer.get('employee_no', '?')})"
        return said(
            "tampered",
            f"the {what} was signed by {signer}, but the record was sealed by {who}",
            f"文件由 {signer} 签名，记录却由 {who} 签章",
        )
    if inspector_no != signer.employee_no:
        who = f"{inspector.get('name', '?')} ({inspector_no or '?'})"
        return said(
            "tampered",
            f"the record's inspector is {who}, but the {what} was signed by {signer}",
            f"记录的检查人是 {who}，文件却由 {signer} 签名",
        )
    return None
