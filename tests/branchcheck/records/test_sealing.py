"""sealing: canonical bytes, seal and its check (hash, signature, trust)."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchcheck.records import sealing


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {k: _shuffled(value[k], rng) for k in keys}
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


def test_canonical_bytes_format_and_key_order(doc):
    data = sealing.canonical_bytes(doc)
    assert data == json.dumps(
        doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")
    assert "网点负责人查库".encode() in data
    for seed in range(5):
        assert sealing.canonical_bytes(_shuffled(doc, random.Random(seed))) == data


def test_float_rejected_with_path(doc):
    doc["tables"][0]["rows"][1][2] = 1.5
    with pytest.raises(ValueError, match=r"\$\.tables\[0\]\.rows\[1\]\[2\]"):
        sealing.canonical_bytes(doc)
    doc["tables"][0]["rows"][1][2] = 0
    doc["summary"]["ratio"] = float("nan")
    with pytest.raises(ValueError, match=r"\$\.summary\.ratio"):
        sealing.canonical_bytes(doc)


def test_seal_ok(sealed, roots, cred):
    d, s = sealed
    assert s["sha256"] == sealing.sha256_hex(sealing.canonical_bytes(d))
    assert s["signer"]["employee_no"] == "E001"
    assert s["algorithm"] == "sha256+rsa-pss"
    assert set(s) == {"algorithm", "sha256", "signature", "certificate_pem", "chain_pem", "signer"}
    result = sealing.check_seal(d, s, roots)
    assert result.ok, result.reason


def test_seal_untrusted(sealed, other_pki):
    d, s = sealed
    result = sealing.check_seal(d, s, [other_pki.ca_cert])
    assert result.status == "untrusted"
    assert result.reason.startswith("untrusted")


def test_seal_tamper_hash_and_signature(sealed, roots, other_pki):
    d, s = sealed
    d2 = copy.deepcopy(d)
    d2["branch"]["name"] = "别的网点"
    r = sealing.check_seal(d2, s, roots)
    assert r.status == "tampered" and "hash mismatch" in r.reason
    # Re-hashing without the key gives a bad signature.
    s2 = dict(s, sha256=sealing.sha256_hex(sealing.canonical_bytes(d2)))
    r = sealing.check_seal(d2, s2, roots)
    assert r.status == "tampered" and "bad signature" in r.reason
    # Re-sealing with someone else's key: the seal is intact but untrusted.
    s3 = sealing.seal_document(d2, other_pki.cred)
    assert sealing.check_seal(d2, s3, roots).status == "untrusted"
    # Claiming another signer than the certificate says is tampering.
    s4 = copy.deepcopy(s)
    s4["signer"]["employee_no"] = "E999"
    assert sealing.check_seal(d, s4, roots).status == "tampered"
    assert sealing.check_seal(d, {"sha256": 1}, roots).status == "tampered"


def _string_paths(value: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _string_paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _string_paths(v, (*path, i))]
    return [path] if isinstance(value, str) else []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_string_change_is_detected(sealed, roots, data):
    d, s = sealed
    paths = _string_paths(d)
    path = data.draw(st.sampled_from(paths), label="path")
    changed = copy.deepcopy(d)
    target = changed
    for step in path[:-1]:
        target = target[step]
    old = target[path[-1]]
    new = data.draw(st.text(max_size=20).filter(lambda t: t != old), label="new")
    target[path[-1]] = new
    assert sealing.check_seal(changed, s, roots).status == "tampered"


def test_seal_time_rules(rsample):
    """Certificates are judged at the record's sealed_at; an expired certificate still verifies
    records sealed while it was valid, and one valid now is accepted for back-dated records."""
    import datetime as dt

    from branchcheck.records import pki

    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    ca_key, ca = pki.create_ca("Old CA", "o", valid_days=60, not_before=start)
    key, cert = pki.issue_signing_cert(
        ca_key,
        ca,
        name="王建国",
        employee_no="E001",
        organization="o",
        valid_days=30,
        not_before=start,
    )
    old = pki.Credential(key, cert, [ca])
    d = rsample.build_doc()
    d["sealed_at"] = "2020-01-10T10:00:00+08:00"
    assert sealing.check_seal(d, sealing.seal_document(d, old), [ca]).status == "ok"
    d["sealed_at"] = "2026-11-20T10:07:40+08:00"
    r = sealing.check_seal(d, sealing.seal_document(d, old), [ca])
    assert r.status == "untrusted" and "not valid at" in r.reason
    # sealed_at before the certificate existed: untrusted, even though it is valid now.
    ca_key2, ca2 = pki.create_ca("New CA", "o")
    key2, cert2 = pki.issue_signing_cert(
        ca_key2, ca2, name="王建国", employee_no="E001", organization="o"
    )
    d["sealed_at"] = "2019-01-01T10:00:00+08:00"
    r = sealing.check_seal(d, sealing.seal_document(d, pki.Credential(key2, cert2, [ca2])), [ca2])
    assert r.status == "untrusted" and "not valid at" in r.reason
