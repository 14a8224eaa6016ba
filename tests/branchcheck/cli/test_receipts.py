"""`branchcheck receipts import FILE`: an administrator takes in head office's signed receipt."""

import json
from datetime import date

from branchcheck import inspections
from branchcheck.cli import main
from branchcheck.headoffice.ingest import ingest
from branchcheck.headoffice.store import open_headoffice
from branchcheck.headoffice.trust import trust_add
from branchcheck.records import keys, pki
from branchcheck.upload.package import make_package


def test_import_a_receipt_from_the_command_line(demo, tmp_path, capsys):
    sealed = [r for r in inspections.list_records(demo) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    done = make_package(
        demo, first=days[0], last=days[-1], out=tmp_path, actor="E001", key_password="demo1234"
    )
    ca_key, ca_cert = pki.create_ca("总行 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    ho = open_headoffice(tmp_path / "ho.sqlite3")
    cred = pki.Credential(key, cert, [ca_cert])
    trust_add(ho, keys.export_ca(demo, tmp_path / "branch-ca.pem"), credential=cred)
    [outcome] = ingest(ho, [done.folder], credential=cred, receipts=tmp_path / "receipts")
    ho.dispose()
    argv = ["receipts", "import", str(outcome.receipt), "--as", "E001"]
    argv += ["--password-env", "SIGNIN_PW", "--json"]
    assert main(argv) == 6  # head office's CA is not trusted yet
    assert "signature does not hold" in capsys.readouterr().err
    keys.trust_ca(demo, pem=pki.cert_to_pem(ca_cert), admin_no="E001", admin_password="demo1234")
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["package_id"] == done.package_id and len(out["accepted"]) == len(done.records)
    assert main(argv[:-1]) == 0
    assert "imported before" in capsys.readouterr().out
