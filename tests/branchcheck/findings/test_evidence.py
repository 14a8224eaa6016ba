"""Evidence of a rectification: accepted by content, stored with SHA-256 and size, hashed into
the audit log, listed on the finding, read back; refused types, sizes and times change nothing."""

import hashlib

import pytest
from sqlalchemy import select

from branchcheck import findings
from branchcheck.db.models import AuditEntry, FindingEvidence
from branchcheck.errors import InputFileError, PeopleRuleError, StateError
from branchcheck.findings import evidence

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def _rectifying(store):
    f = next(x for x in findings.list_findings(store, state="open") if x.responsible)
    findings.start_rectification(store, f.id, action="整改", actor="E001")
    return f.id


def _stored(store, fid):
    with store.session() as s:
        return s.scalars(select(FindingEvidence).where(FindingEvidence.finding_id == fid)).all()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("现场.png", PNG, "image/png"),
        ("photo.JPG", JPEG, "image/jpeg"),
        ("扫描件.pdf", PDF, "application/pdf"),
    ],
)
def test_a_photo_scan_or_pdf_is_stored_with_its_hash(demo, tmp_path, name, data, kind):
    fid = _rectifying(demo)
    path = tmp_path / name
    path.write_bytes(data)
    out = findings.add_evidence(demo, fid, path=path, actor="E001")
    [e] = out.evidence
    digest = hashlib.sha256(data).hexdigest()
    assert (e.filename, e.media_type, e.size, e.sha256) == (name, kind, len(data), digest)
    assert e.added_by.employee_no == "E001" and e.added_at
    assert findings.evidence_bytes(demo, fid, e.id) == (name, data)
    copy = findings.export_evidence(demo, fid, e.id, tmp_path / "out")
    assert copy.read_bytes() == data
    with demo.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "finding.evidence")).one()
        assert entry.subject == fid and entry.detail["sha256"] == digest
    [listed] = [x for x in findings.list_findings(demo) if x.id == fid]
    assert listed.evidence == out.evidence


def test_the_content_decides_not_the_name(demo):
    fid = _rectifying(demo)
    with pytest.raises(InputFileError, match="不是照片、扫描件或 PDF"):
        findings.add_evidence_bytes(
            demo, fid, data=b"MZ\x90\x00 evil", filename="a.pdf", actor="E001"
        )
    out = findings.add_evidence_bytes(demo, fid, data=PNG, filename="scan.bin", actor="E001")
    assert out.evidence[0].media_type == "image/png"


def test_empty_too_large_and_unreadable_files_are_refused(demo, tmp_path, monkeypatch):
    fid = _rectifying(demo)
    with pytest.raises(InputFileError, match="空文件"):
        findings.add_evidence_bytes(demo, fid, data=b"", filename="a.png", actor="E001")
    monkeypatch.setattr(evidence, "MAX_BYTES", len(PNG) - 1)
    big = tmp_path / "big.png"
    big.write_bytes(PNG)
    with pytest.raises(InputFileError, match="超过上限"):
        findings.add_evidence(demo, fid, path=big, actor="E001")
    with pytest.raises(InputFileError, match="cannot read"):
        findings.add_evidence(demo, fid, path=tmp_path / "missing.png", actor="E001")
    assert _stored(demo, fid) == []


def test_evidence_only_while_rectifying_and_by_who_may(demo):
    f = next(x for x in findings.list_findings(demo, state="open") if x.responsible)
    with pytest.raises(StateError, match="待整改"):
        findings.add_evidence_bytes(demo, f.id, data=PNG, filename="a.png", actor="E001")
    findings.start_rectification(demo, f.id, action="整改", actor="E001")
    with pytest.raises(PeopleRuleError, match="X001"):
        findings.add_evidence_bytes(demo, f.id, data=PNG, filename="a.png", actor="X001")
    assert _stored(demo, f.id) == []


def test_a_changed_stored_file_is_not_handed_out(demo):
    fid = _rectifying(demo)
    [e] = findings.add_evidence_bytes(demo, fid, data=PNG, filename="a.png", actor="E001").evidence
    with demo.session() as s:
        s.get(FindingEvidence, e.id).content = PNG + b"x"
    with pytest.raises(InputFileError, match="SHA-256"):
        findings.evidence_bytes(demo, fid, e.id)


def test_cli_evidence_add_and_export(demo, tmp_path, capsys):
    import json

    from branchcheck.cli import main

    fid = _rectifying(demo)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    assert (
        main(
            [
                "findings",
                "evidence",
                "add",
                fid[:8],
                str(scan),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        == 0
    )
    [e] = json.loads(capsys.readouterr().out)["evidence"]
    assert e["sha256"] == hashlib.sha256(PDF).hexdigest() and e["size"] == len(PDF)
    out = tmp_path / "out"
    assert main(["findings", "evidence", "export", fid[:8], str(e["id"]), "--out", str(out)]) == 0
    assert (out / "scan.pdf").read_bytes() == PDF
    bad = tmp_path / "x.png"
    bad.write_bytes(b"GIF89a")
    assert (
        main(
            [
                "findings",
                "evidence",
                "add",
                fid[:8],
                str(bad),
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
            ]
        )
        != 0
    )
    assert "不是照片" in capsys.readouterr().err
