"""pki: CA and signing certificates, PKCS#12, raw signatures, chain checks."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509

from branchcheck.errors import InputFileError, KeyPasswordError
from branchcheck.records import pki


def test_ca_and_signing_cert_extensions(demo_pki):
    ca = demo_pki.ca_cert
    bc = ca.extensions.get_extension_for_class(x509.BasicConstraints).value
    ku = ca.extensions.get_extension_for_class(x509.KeyUsage).value
    assert bc.ca and ku.key_cert_sign and ku.crl_sign
    assert "DEMO" in pki.cert_name(ca) and "演示" in pki.cert_name(ca)
    cred = demo_pki.cred
    ku = cred.cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment
    assert cred.employee_no == "E001"
    assert cred.name.startswith("王建国")
    assert len(cred.fingerprint) == 64
    assert cred.algorithm == "sha256+rsa-pss"


def test_p12_round_trip(cred):
    data = pki.make_p12(cred, "s3cret-密码")
    back = pki.load_p12(data, "s3cret-密码")
    assert back.fingerprint == cred.fingerprint
    assert [pki.fingerprint(c) for c in back.chain] == [pki.fingerprint(c) for c in cred.chain]
    sig = pki.sign_bytes(back, b"hello")
    assert pki.verify_bytes(cred.cert, b"hello", sig)
    assert not pki.verify_bytes(cred.cert, b"hellO", sig)


def test_p12_wrong_password_and_garbage(cred):
    data = pki.make_p12(cred, "right")
    with pytest.raises(KeyPasswordError, match="inspector.p12"):
        pki.load_p12(data, "wrong", source="inspector.p12")
    with pytest.raises(KeyPasswordError):
        pki.load_p12(b"not a p12 at all", "x")


def test_p12_of_ca_loads_but_plain_cert_without_non_repudiation_is_refused(demo_pki):
    # The branch CA key is stored as PKCS#12 too (to issue certificates): accepted.
    ca = pki.Credential(demo_pki.ca_key, demo_pki.ca_cert, [])
    assert pki.load_p12(pki.make_p12(ca, "pw"), "pw").cert == demo_pki.ca_cert
    # A leaf certificate without contentCommitment cannot sign records.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "no nr")]))
        .issuer_name(demo_pki.ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(demo_pki.ca_key, hashes.SHA256())
    )
    data = pki.make_p12(pki.Credential(key, cert, []), "pw")
    with pytest.raises(InputFileError, match="contentCommitment"):
        pki.load_p12(data, "pw", source="x.p12")


def test_pem_round_trip(cred):
    pem = pki.cert_to_pem(cred.cert)
    assert pem.startswith("-----BEGIN CERTIFICATE-----")
    assert pki.cert_from_pem(pem) == cred.cert
    with pytest.raises(InputFileError):
        pki.cert_from_pem("garbage")


def test_chain_ok_untrusted_expired(demo_pki, other_pki):
    now = dt.datetime.now(dt.UTC)
    cred = demo_pki.cred
    assert pki.check_chain(cred.cert, cred.chain, [demo_pki.ca_cert], at=now) is None
    # The chain need not be passed when the root itself is trusted.
    assert pki.check_chain(cred.cert, [], [demo_pki.ca_cert], at=now) is None
    reason = pki.check_chain(cred.cert, cred.chain, [other_pki.ca_cert], at=now)
    assert reason and "not a trusted root" in reason
    reason = pki.check_chain(cred.cert, [], [other_pki.ca_cert], at=now)
    assert reason and "not a trusted CA" in reason
    later = now + dt.timedelta(days=365 * 6)
    reason = pki.check_chain(cred.cert, cred.chain, [demo_pki.ca_cert], at=later)
    assert reason and "not valid at" in reason
    before = cred.cert.not_valid_before_utc - dt.timedelta(days=2)
    assert "not valid at" in pki.check_chain(cred.cert, [], [demo_pki.ca_cert], at=before)


def test_chain_rejects_forged_issuer(demo_pki):
    # Same subject name as the trusted CA, different key: the signature does not verify.
    fake_key, fake_ca = pki.create_ca("赣州分行营业部 网点自查 CA", "赣州分行营业部", demo=True)
    key, cert = pki.issue_signing_cert(
        fake_key,
        fake_ca,
        name="王建国",
        employee_no="E001",
        organization="赣州分行营业部",
        demo=True,
    )
    now = dt.datetime.now(dt.UTC)
    reason = pki.check_chain(cert, [fake_ca], [demo_pki.ca_cert], at=now)
    assert reason is not None


def test_leaf_is_not_a_ca_for_others(demo_pki):
    cred = demo_pki.cred
    key2, cert2 = pki.issue_signing_cert(
        cred.key, cred.cert, name="x", employee_no="E9", organization="o"
    )
    now = dt.datetime.now(dt.UTC)
    reason = pki.check_chain(cert2, [cred.cert, demo_pki.ca_cert], [demo_pki.ca_cert], at=now)
    assert reason and "not a CA" in reason


# ---------------------------------------------------------------- fuzzed (issue 10 §5)

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_key_file_opens_or_is_refused_with_a_clear_error(cred, data):
    """Random bytes, and a real PKCS#12 with bytes flipped, cut short or appended to: the key
    opens, or the person reads why not (KeyPasswordError, InputFileError), never a traceback."""
    good = _p12_of(cred)
    blob = data.draw(
        st.binary(max_size=400)
        | st.builds(_flip, st.just(good), st.integers(0, len(good) - 1), st.integers(1, 255))
        | st.builds(lambda n: good[:n], st.integers(0, len(good) - 1))
        | st.builds(lambda extra: good + extra, st.binary(min_size=1, max_size=40))
    )
    try:
        opened = pki.load_p12(blob, "fuzz-pass")
    except (KeyPasswordError, InputFileError) as exc:
        assert "PKCS#12" in exc.message or "key" in exc.message
        return
    assert opened.fingerprint == cred.fingerprint


_P12: dict[str, bytes] = {}


def _p12_of(cred) -> bytes:
    if "good" not in _P12:
        _P12["good"] = pki.make_p12(cred, "fuzz-pass")
    return _P12["good"]


def _flip(data: bytes, at: int, mask: int) -> bytes:
    return data[:at] + bytes([data[at] ^ mask]) + data[at + 1 :]
