"""Detached CMS (PKCS #7) signatures over a file's bytes: `FILE.p7s` beside `FILE`, DER, binary
(no MIME canonicalisation), the signer's certificate and its CA chain included, SHA-256. Checked
by OpenSSL as it stands:

    openssl cms -verify -binary -content FILE.xlsx -inform DER -in FILE.xlsx.p7s \\
        -CAfile branch-ca.pem -purpose any -out /dev/null

(`-purpose any`: the signing certificates are issued for document signing, not e-mail.)"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from branchcheck.records.pki import Credential

SUFFIX = ".p7s"


def sign_detached(cred: Credential, data: bytes) -> bytes:
    """A detached CMS SignedData over `data` by `cred`, DER."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data)
    builder = builder.add_signer(cred.cert, cred.key, hashes.SHA256())
    for ca in cred.chain:
        builder = builder.add_certificate(ca)
    return builder.sign(
        Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]
    )


def sign_file(cred: Credential, path: Path) -> Path:
    """Write `path`.p7s beside `path`; returns its path."""
    out = path.with_name(path.name + SUFFIX)
    out.write_bytes(sign_detached(cred, path.read_bytes()))
    return out


@dataclass(frozen=True)
class DetachedCheck:
    """A detached signature as checked: `problem` None when it holds; the signer's certificate,
    and the signing time it claims (the signer's own clock)."""

    problem: str | None
    signer: x509.Certificate | None = None
    signed_at: _dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _signer_problem(info: Any, cert: x509.Certificate) -> str | None:
    signed_attrs = info["signed_attrs"]
    data = signed_attrs.untag().dump()  # the attributes are signed as a SET OF, not [0]
    digest = info["digest_algorithm"]["algorithm"].native
    if digest != "sha256":
        return f"unexpected digest algorithm {digest}"
    pub = cert.public_key()
    signature = info["signature"].native
    try:
        if isinstance(pub, rsa.RSAPublicKey):
            pub.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(pub, ec.EllipticCurvePublicKey):
            pub.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            return "unsupported signer key"
    except InvalidSignature:
        return "the signature does not match its signed attributes"
    return None


def verify_detached(data: bytes, p7s: bytes, trust_roots: list[x509.Certificate]) -> DetachedCheck:
    """Check `p7s` (DER) over `data`: one signer, the content's SHA-256 in its signed attributes,
    the signature over them by the certificate it names, that certificate chaining to one of
    `trust_roots` at the claimed signing time."""
    from asn1crypto import cms as acms

    from branchcheck.records import pki

    try:
        info = acms.ContentInfo.load(p7s)
        signed = info["content"]
        [signer_info] = list(signed["signer_infos"])
        certs = [
            x509.load_der_x509_certificate(c.chosen.dump()) for c in signed["certificates"] or []
        ]
        attrs = {a["type"].native: a["values"][0].native for a in signer_info["signed_attrs"]}
        sid = signer_info["sid"].chosen
        serial = sid["serial_number"].native
    except (ValueError, TypeError, KeyError) as exc:
        return DetachedCheck(f"not a detached CMS signature: {exc}")
    if attrs.get("message_digest") != hashlib.sha256(data).digest():
        return DetachedCheck("the file's SHA-256 is not the one signed: the file was changed")
    signer = next((c for c in certs if c.serial_number == serial), None)
    if signer is None:
        return DetachedCheck("the signer's certificate is not in the signature")
    why = _signer_problem(signer_info, signer)
    if why is not None:
        return DetachedCheck(why, signer)
    at = attrs.get("signing_time")
    if not isinstance(at, _dt.datetime):
        return DetachedCheck("the signature has no signing time", signer)
    chain = [c for c in certs if c is not signer]
    reason = pki.check_chain(signer, chain, trust_roots, at=at)
    if reason is not None:
        return DetachedCheck(f"untrusted signer: {reason}", signer, at)
    return DetachedCheck(None, signer, at)
