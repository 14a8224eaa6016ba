"""The seal of a record document (docs/record-format.md): canonical bytes, SHA-256 and the
inspector's signature over them."""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from cryptography import x509

    from branchcheck.records.pki import Credential

SEAL_ALGORITHMS = ("sha256+rsa-pss", "sha256+ecdsa")


def _plain(value: Any) -> bool:
    """True when `value` holds no float and only text keys (a quick walk without paths: a
    record has some 10,000 values and is checked at every verification)."""
    stack = [value]
    while stack:
        v = stack.pop()
        kind = type(v)
        if kind is dict:
            for k in v:
                if type(k) is not str:
                    return False
            stack.extend(v.values())
        elif kind is list or kind is tuple:
            stack.extend(v)
        elif kind is float or (kind not in _SCALARS and isinstance(v, float | dict | list | tuple)):
            return False
    return True


_SCALARS = (str, int, bool, type(None))


def _reject_floats(value: Any, path: str) -> None:
    """Raise ValueError naming the JSON path of the first float or non-text key."""
    if _plain(value):
        return
    _find_float(value, path)


def _find_float(value: Any, path: str) -> None:
    if isinstance(value, float):
        raise ValueError(f"{path}: floats are not allowed in a record (got {value!r})")
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValueError(f"{path}: object keys must be text (got {k!r})")
            _find_float(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _find_float(v, f"{path}[{i}]")


def canonical_bytes(doc: dict[str, Any]) -> bytes:
    """json.dumps(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False),
    UTF-8. A float anywhere raises ValueError naming its JSON path (e.g. `$.tables[0].rows[1][2]`)."""
    _reject_floats(doc, "$")
    return json.dumps(
        doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def seal_document(doc: dict[str, Any], cred: Credential) -> dict[str, Any]:
    """The seal dict of the record format: hash, signature and the signer's certificates."""
    from branchcheck.records import pki

    data = canonical_bytes(doc)
    return {
        "algorithm": cred.algorithm,
        "sha256": sha256_hex(data),
        "signature": base64.b64encode(pki.sign_bytes(cred, data)).decode("ascii"),
        "certificate_pem": pki.cert_to_pem(cred.cert),
        "chain_pem": [pki.cert_to_pem(c) for c in cred.chain],
        "signer": {
            "employee_no": cred.employee_no,
            "name": cred.name,
            "subject": cred.subject,
        },
    }


SealStatus = Literal["ok", "tampered", "untrusted"]


@dataclass(frozen=True)
class SealCheck:
    status: SealStatus
    reason: str

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _seal_time(doc: dict[str, Any]) -> _dt.datetime:
    """The moment certificates are judged at: the record's sealed_at, else now."""
    text = doc.get("sealed_at") if isinstance(doc, dict) else None
    if isinstance(text, str):
        try:
            at = _dt.datetime.fromisoformat(text)
            if at.tzinfo is not None:
                return at
        except ValueError:
            pass
    return _dt.datetime.now(_dt.UTC)


def check_seal(
    doc: dict[str, Any],
    seal: dict[str, Any],
    trust_roots: list[x509.Certificate],
    *,
    canonical: bytes | None = None,
) -> SealCheck:
    """ok when the hash matches, the signature verifies and the signer's certificate chains to
    one of `trust_roots` at the record's sealed_at time; tampered or
    untrusted otherwise. `canonical`: canonical_bytes(doc) when the caller has made it."""
    from branchcheck.records import pki

    if not isinstance(seal, dict):
        return SealCheck("tampered", "the seal is not a JSON object")
    try:
        data = canonical if canonical is not None else canonical_bytes(doc)
    except (ValueError, TypeError) as exc:
        return SealCheck("tampered", f"the record cannot be canonicalised: {exc}")
    if seal.get("sha256") != sha256_hex(data):
        return SealCheck("tampered", "hash mismatch: the record differs from what was sealed")
    if seal.get("algorithm") not in SEAL_ALGORITHMS:
        return SealCheck("tampered", f"unknown seal algorithm {seal.get('algorithm')!r}")
    try:
        cert = pki.cert_from_pem(seal["certificate_pem"])
        chain = [pki.cert_from_pem(p) for p in seal.get("chain_pem") or []]
        signature = base64.b64decode(seal["signature"], validate=True)
    except Exception as exc:  # malformed PEM, base64 or missing keys
        return SealCheck("tampered", f"the seal is malformed: {exc}")
    if not pki.verify_bytes(cert, data, signature):
        return SealCheck(
            "tampered", "bad signature: the seal's signature does not match the record"
        )
    signer = seal.get("signer") or {}
    if isinstance(signer, dict) and signer.get("employee_no") != pki.cert_employee_no(cert):
        return SealCheck(
            "tampered", "the seal's signer does not match the employee number in its certificate"
        )
    who = f"sealed by {pki.cert_name(cert)} ({pki.cert_employee_no(cert)})"
    reason = pki.check_chain(cert, chain, trust_roots, at=_seal_time(doc))
    if reason is not None:
        return SealCheck("untrusted", f"untrusted: {reason}")
    return SealCheck("ok", who)
