"""The workbook's detached CMS signature is checked by OpenSSL, a tool nobody here wrote; a
changed byte of the workbook fails it."""

import subprocess

from branchcheck import inspections
from branchcheck.records import keys, pki


def _openssl_verify(content, p7s, ca):
    return subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-content",
            str(content),
            "-inform",
            "DER",
            "-in",
            str(p7s),
            "-CAfile",
            str(ca),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
        capture_output=True,
        text=True,
    )


def test_openssl_verifies_the_exported_workbook_and_refuses_a_changed_one(demo, tmp_path):
    rec = next(r for r in inspections.list_records(demo) if r.status == "sealed")
    pdf, xlsx = inspections.export(demo, rec.id, tmp_path)
    p7s = xlsx.with_name(xlsx.name + ".p7s")
    assert p7s.exists()
    ca = keys.export_ca(demo, tmp_path / "branch-ca.pem")
    done = _openssl_verify(xlsx, p7s, ca)
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr
    data = bytearray(xlsx.read_bytes())
    data[len(data) // 2] ^= 1
    changed = tmp_path / "changed.xlsx"
    changed.write_bytes(bytes(data))
    refused = _openssl_verify(changed, p7s, ca)
    assert refused.returncode != 0 and "content verify error" in refused.stderr


def test_our_own_check_agrees_with_openssl(demo, tmp_path):
    from branchcheck.upload import cms

    rec = next(r for r in inspections.list_records(demo) if r.status == "sealed")
    _pdf, xlsx = inspections.export(demo, rec.id, tmp_path)
    data, p7s = xlsx.read_bytes(), xlsx.with_name(xlsx.name + ".p7s").read_bytes()
    roots = keys.trust_roots(demo)
    good = cms.verify_detached(data, p7s, roots)
    assert good.ok and good.signer is not None
    assert pki.cert_employee_no(good.signer) == rec.inspector  # the inspector signed it
    changed = bytearray(data)
    changed[100] ^= 1
    assert cms.verify_detached(bytes(changed), p7s, roots).problem == (
        "the file's SHA-256 is not the one signed: the file was changed"
    )
    assert "untrusted signer" in (cms.verify_detached(data, p7s, []).problem or "")
    assert "not a detached CMS signature" in (
        cms.verify_detached(data, b"junk", roots).problem or ""
    )
