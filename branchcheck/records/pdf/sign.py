"""The record and its seal embedded in the laid-out PDF (record.json, seal.json), and the
PAdES B-B signature (offline, no timestamp) made with pyHanko.

pyHanko's signing modules load only when a credential signs: an unsigned preview skips them."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from branchcheck.records.sealing import canonical_bytes

if TYPE_CHECKING:
    from branchcheck.records.pki import Credential

RECORD_FILE = "record.json"
SEAL_FILE = "seal.json"
SIGNATURE_FIELD = "BranchCheckSeal"


def seal_file_bytes(seal: dict[str, Any]) -> bytes:
    """seal.json as embedded: sorted keys, one-space indent, UTF-8."""
    return json.dumps(seal, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def embed_record(pdf: bytes, doc: dict[str, Any], seal: dict[str, Any]) -> IncrementalPdfFileWriter:
    """A writer that appends the canonical record and its seal to `pdf` as embedded files."""
    seal_bytes = seal_file_bytes(seal)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    _embed(writer, RECORD_FILE, canonical_bytes(doc), "BranchCheck sealed record (canonical JSON)")
    _embed(writer, SEAL_FILE, seal_bytes, "Seal of record.json (sha256 + signature)")
    return writer


def unsigned(writer: IncrementalPdfFileWriter) -> bytes:
    """The PDF of `writer` without a signature."""
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign(writer: IncrementalPdfFileWriter, doc: dict[str, Any], cred: Credential) -> bytes:
    """The PDF of `writer` signed PAdES B-B by `cred` in an invisible signature field."""
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=f"BranchCheck record {doc.get('record_id', '')}",
        location=str((doc.get("branch") or {}).get("code", "")),
        name=cred.name,
    )
    result = signers.sign_pdf(writer, meta, signer=_signer(cred), bytes_reserved=_reserve(cred))
    return result.getvalue()


def _embed(writer: IncrementalPdfFileWriter, name: str, data: bytes, description: str) -> None:
    ef = embed.EmbeddedFileObject.from_file_data(
        writer, data=data, mime_type="application/json", params=embed.EmbeddedFileParams()
    )
    spec = embed.FileSpec(
        file_spec_string=name,
        file_name=name,
        embedded_data=ef,
        description=description,
        af_relationship=generic.pdf_name("/Data"),
    )
    embed.embed_file(writer, spec)


def _signer(cred: Credential) -> Any:
    """A pyHanko SimpleSigner that signs with the in-memory key object (no DER reload)."""
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params

    class _CredentialSigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mech = self.get_signature_mechanism_for_digest(digest_algorithm)
            name = mech["algorithm"].native
            key = cred.key
            if name == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
                return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
            if name == "rsassa_pss" and isinstance(key, rsa.RSAPrivateKey):
                pad, algo = process_pss_params(mech["parameters"])
                return key.sign(data, pad, algo)
            if isinstance(key, ec.EllipticCurvePrivateKey):
                return key.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
            return super().sign_raw(data, digest_algorithm)

    der = serialization.Encoding.DER
    key = akeys.PrivateKeyInfo.load(
        cred.key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    cert = ax509.Certificate.load(cred.cert.public_bytes(der))
    chain = [ax509.Certificate.load(c.public_bytes(der)) for c in cred.chain]
    return _CredentialSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )


def _reserve(cred: Credential) -> int:
    """Bytes reserved for the CMS blob (skips pyHanko's dry-run size estimate)."""
    from cryptography.hazmat.primitives import serialization

    der = serialization.Encoding.DER
    certs = sum(len(c.public_bytes(der)) for c in [cred.cert, *cred.chain])
    return 6144 + certs + (certs % 2)  # pyHanko requires an even number
