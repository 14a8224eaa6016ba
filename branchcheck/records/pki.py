"""Keys and certificates: the branch CA, inspectors' signing certificates, PKCS#12 files and
raw signatures over bytes. Everything here is offline; nothing is ever fetched."""

from __future__ import annotations

import datetime as _dt
import warnings
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from branchcheck.errors import InputFileError, KeyPasswordError

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey

RSA_BITS = 2048
_PSS = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
# Backdate a little so a certificate made a moment ago is valid for a clock that lags slightly.
_BACKDATE = _dt.timedelta(minutes=10)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def _new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)


def _demo_cn(common_name: str, demo: bool) -> str:
    return f"{common_name} (DEMO 演示)" if demo else common_name


# ---------------------------------------------------------------- certificates


def create_ca(
    common_name: str,
    organization: str,
    *,
    valid_days: int = 3650,
    demo: bool = False,
    not_before: _dt.datetime | None = None,
) -> tuple[PrivateKey, x509.Certificate]:
    """A self-signed branch CA: basicConstraints CA=True (path length 0), keyCertSign, cRLSign.
    Validity starts at `not_before` (default: ten minutes ago)."""
    key = _new_key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, _demo_cn(common_name, demo)),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        ]
    )
    start = not_before or (_now() - _BACKDATE)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + _dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def issue_signing_cert(
    ca_key: PrivateKey,
    ca_cert: x509.Certificate,
    *,
    name: str,
    employee_no: str,
    organization: str,
    valid_days: int = 1825,
    demo: bool = False,
    not_before: _dt.datetime | None = None,
) -> tuple[PrivateKey, x509.Certificate]:
    """A person's signing certificate (RSA 2048) with keyUsage digitalSignature and
    contentCommitment (non-repudiation); the employee number is the subject's serialNumber."""
    key = _new_key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, _demo_cn(name, demo)),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, employee_no),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        ]
    )
    start = not_before or (_now() - _BACKDATE)
    not_after = start + _dt.timedelta(days=valid_days)
    not_after = min(not_after, ca_cert.not_valid_after_utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
    )
    return key, builder.sign(ca_key, hashes.SHA256())


def _name_attr(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    attrs = cert.subject.get_attributes_for_oid(oid)
    if not attrs:
        return None
    value = attrs[0].value
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 fingerprint of the DER certificate, lower-case hex."""
    return cert.fingerprint(hashes.SHA256()).hex()


def is_ca(cert: x509.Certificate) -> bool:
    try:
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return False
    return bool(bc.ca)


def can_sign_records(cert: x509.Certificate) -> bool:
    """True when keyUsage allows digitalSignature and contentCommitment (non-repudiation)."""
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return bool(ku.digital_signature and ku.content_commitment)


@dataclass
class Credential:
    """A private key, its certificate and the CA certificates above it (leaf excluded)."""

    key: PrivateKey
    cert: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)

    @property
    def employee_no(self) -> str | None:
        return _name_attr(self.cert, NameOID.SERIAL_NUMBER)

    @property
    def name(self) -> str:
        return _name_attr(self.cert, NameOID.COMMON_NAME) or self.cert.subject.rfc4514_string()

    @property
    def subject(self) -> str:
        return self.cert.subject.rfc4514_string()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.cert)

    @property
    def algorithm(self) -> str:
        """The seal algorithm label of docs/record-format.md for this key."""
        return (
            "sha256+ecdsa" if isinstance(self.key, ec.EllipticCurvePrivateKey) else "sha256+rsa-pss"
        )


def cert_employee_no(cert: x509.Certificate) -> str | None:
    return _name_attr(cert, NameOID.SERIAL_NUMBER)


def cert_name(cert: x509.Certificate) -> str:
    return _name_attr(cert, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()


# ---------------------------------------------------------------- PKCS#12 and PEM


def make_p12(cred: Credential, password: str) -> bytes:
    """PKCS#12 (AES-256, PBKDF2) holding the key, its certificate and the chain."""
    if not password:
        raise KeyPasswordError("a PKCS#12 file needs a non-empty password")
    enc = serialization.BestAvailableEncryption(password.encode("utf-8"))
    friendly = (cred.employee_no or cred.name).encode("utf-8")
    return pkcs12.serialize_key_and_certificates(
        friendly, cred.key, cred.cert, list(cred.chain) or None, enc
    )


def load_p12(data: bytes, password: str, *, source: str = "PKCS#12 file") -> Credential:
    """Open a PKCS#12 file. A CA certificate (used to issue) is accepted as is; any other
    certificate must allow digitalSignature and contentCommitment (needed to sign records)."""
    try:
        with warnings.catch_warnings():  # a file with bytes after its end is read as BER
            warnings.filterwarnings("ignore", "PKCS#12 bundle could not be parsed as DER")
            key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except (ValueError, TypeError):
        raise KeyPasswordError(
            f"{source}: cannot open the key file: the password is wrong or the file is not PKCS#12",
            hint="check the password; the file must be a .p12/.pfx with a private key",
        ) from None
    if key is None or cert is None:
        raise InputFileError(f"{source}: the PKCS#12 file holds no private key or no certificate")
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise InputFileError(f"{source}: only RSA and EC keys are supported")
    if not is_ca(cert) and not can_sign_records(cert):
        raise InputFileError(
            f"{source}: the certificate's key usage does not allow signing records "
            "(digitalSignature and contentCommitment/non-repudiation are required)",
            hint="ask for a signing certificate with non-repudiation key usage",
        )
    chain = [c for c in (extra or []) if c != cert]
    return Credential(key, cert, chain)


def cert_to_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def cert_from_pem(pem: str | bytes) -> x509.Certificate:
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError as exc:
        raise InputFileError(f"not a PEM certificate: {exc}") from None


# ---------------------------------------------------------------- raw signatures


def sign_bytes(cred: Credential, data: bytes) -> bytes:
    """RSA-PSS/SHA-256 (salt 32) for RSA keys, ECDSA/SHA-256 for EC keys."""
    if isinstance(cred.key, ec.EllipticCurvePrivateKey):
        return cred.key.sign(data, ec.ECDSA(hashes.SHA256()))
    return cred.key.sign(data, _PSS, hashes.SHA256())


def verify_bytes(cert: x509.Certificate, data: bytes, signature: bytes) -> bool:
    pub = cert.public_key()
    try:
        if isinstance(pub, ec.EllipticCurvePublicKey):
            pub.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(pub, rsa.RSAPublicKey):
            pub.verify(signature, data, _PSS, hashes.SHA256())
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True


# ---------------------------------------------------------------- chains


def _valid_at(cert: x509.Certificate, at: _dt.datetime) -> bool:
    return cert.not_valid_before_utc <= at <= cert.not_valid_after_utc


def _describe(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string()


def check_chain(
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    trust_roots: list[x509.Certificate],
    *,
    at: _dt.datetime,
) -> str | None:
    """None when `cert` chains (through `chain`) to one of `trust_roots` and every certificate on
    the way is valid at `at`; otherwise a plain-English reason."""
    if at.tzinfo is None:
        raise ValueError("check_chain needs an aware datetime")
    at = at.astimezone(_dt.UTC)
    roots = {fingerprint(r): r for r in trust_roots}
    pool = list(chain) + list(trust_roots)
    current = cert
    for _depth in range(8):
        if not _valid_at(current, at):
            return (
                f"certificate '{_describe(current)}' is not valid at {at.isoformat()} "
                f"(valid {current.not_valid_before_utc.date()} to "
                f"{current.not_valid_after_utc.date()})"
            )
        if fingerprint(current) in roots:
            return None
        issuers = [c for c in pool if c.subject == current.issuer and c is not current]
        if current.issuer == current.subject:
            return f"certificate '{_describe(current)}' is self-signed and not a trusted root"
        issuer = None
        for candidate in issuers:
            try:
                current.verify_directly_issued_by(candidate)
            except (ValueError, TypeError, InvalidSignature):
                continue
            issuer = candidate
            break
        if issuer is None:
            if issuers:
                return f"the signature on '{_describe(current)}' does not verify with its issuer"
            return (
                f"certificate '{_describe(current)}' was issued by '{current.issuer.rfc4514_string()}',"
                " which is not a trusted CA"
            )
        if not is_ca(issuer):
            return f"issuer '{_describe(issuer)}' is not a CA certificate"
        current = issuer
    return "certificate chain is too long"
