"""The findings register: the workbook's cells (openpyxl), the PDF's text (pdftotext) and its
signature (pdfsig), and the CLI command."""

import hashlib
import shutil
import subprocess
from datetime import timedelta

import openpyxl
import pytest

from branchcheck import clock, findings
from branchcheck.cli import main
from branchcheck.errors import KeyPasswordError, PeopleRuleError
from branchcheck.findings.register import COLUMNS
from branchcheck.findings.register_xlsx import HEAD_ROW

TODAY = clock.now().date()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 32
needs_poppler = pytest.mark.skipif(not shutil.which("pdfsig"), reason="poppler-utils not installed")


@pytest.fixture
def worked(demo):
    """The demo with one finding rectifying (a formula-looking action, evidence, a missed link)
    and one accepted as an exception."""
    open_ = [f for f in findings.list_findings(demo, state="open") if f.item_key == "registers"]
    f = open_[0]
    findings.start_rectification(demo, f.id, action="=HYPERLINK(1)", actor="E001")
    findings.add_evidence_bytes(demo, f.id, data=PNG, filename="现场.png", actor="E001")
    findings.record_result(demo, f.id, result="+已补登", actor="E001")
    c = findings.missed_candidates(demo, f.id)[0]
    findings.link_missed(demo, f.id, inspection_id=c.record_id, actor="E001")
    other = next(x for x in findings.list_findings(demo, state="open") if x.id != f.id)
    findings.accept_exception(
        demo, other.id, reason="待总行系统升级", until=TODAY + timedelta(days=20), actor="E001"
    )
    return demo, findings.get_finding(demo, f.id), findings.get_finding(demo, other.id)


def test_the_workbook_lists_every_finding_with_its_columns(worked, tmp_path):
    store, f, other = worked
    xlsx, pdf = findings.export_register(store, tmp_path, as_of=TODAY)
    assert xlsx.suffix == ".xlsx" and pdf.suffix == ".pdf" and pdf.stat().st_size > 0
    ws = openpyxl.load_workbook(xlsx).active
    assert [ws.cell(HEAD_ROW, c).value for c in range(1, len(COLUMNS) + 1)] == [
        f"{zh}\n{en}" for zh, en, _ in COLUMNS
    ]
    rows = {
        ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(1, len(COLUMNS) + 1)]
        for r in range(HEAD_ROW + 1, ws.max_row + 1)
    }
    assert len(rows) == len(findings.list_findings(store))
    row = rows[f.id[:8]]
    assert row[1] == f.title["zh"] and row[2] == "检查发现" and row[6] == f.due_date
    assert row[7] == "整改中" and row[8] == TODAY.isoformat()
    assert row[12] == ("是" if f.repeat else None)
    digest = hashlib.sha256(PNG).hexdigest()
    assert row[15] == f"现场.png ({len(PNG)} B)\n{digest}"
    assert f.missed_by.employee_no in row[14] and f.missed_record_id[:8] in row[14]
    assert rows[other.id[:8]][7] == "例外接受"
    assert "待总行系统升级" in rows[other.id[:8]][13]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == f"${HEAD_ROW}:${HEAD_ROW}"


def test_formula_looking_text_stays_text(worked, tmp_path):
    store, f, _ = worked
    findings.record_result(store, f.id, result="=1+1", actor="E001")
    xlsx, _ = findings.export_register(store, tmp_path, as_of=TODAY)
    ws = openpyxl.load_workbook(xlsx).active
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells if c.value[:1] in "=+-@")


@needs_poppler
def test_the_pdf_is_signed_and_lists_the_same(worked, tmp_path):
    store, f, other = worked
    _, pdf = findings.export_register(
        store, tmp_path, as_of=TODAY, signer="E001", password="demo1234"
    )
    sig = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False)
    assert "Signature is Valid." in sig.stdout and "serialNumber=E001" in sig.stdout
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "问题整改台账" in text and "签署人 王建国" in text
    flat = text.replace(" ", "").replace("\n", "")
    assert f.id[:8] in flat and other.id[:8] in flat
    assert hashlib.sha256(PNG).hexdigest()[:16] in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
    assert "例外接受" in flat and f"第1页共{pages}页" in flat and f"第{pages}页共{pages}页" in flat


def test_unsigned_without_a_signer_and_refusals(worked, tmp_path):
    store, _, _ = worked
    _, pdf = findings.export_register(store, tmp_path, as_of=TODAY)
    assert b"/ByteRange" not in pdf.read_bytes()
    with pytest.raises(KeyPasswordError):
        findings.export_register(store, tmp_path / "x", as_of=TODAY, signer="E001", password="no")
    with pytest.raises(PeopleRuleError, match="X001"):
        findings.export_register(store, tmp_path / "x", as_of=TODAY, signer="X001", password="p")
    assert not (tmp_path / "x").exists()


def test_cli_export(worked, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REG_PW", "demo1234")
    out = tmp_path / "reg"
    argv = ["findings", "export", "--out", str(out), "--as-of", TODAY.isoformat()]
    assert main([*argv, "--as", "E001", "--password-env", "REG_PW"]) == 0
    paths = capsys.readouterr().out.split()
    assert [p.rsplit(".", 1)[1] for p in paths] == ["xlsx", "pdf"]
    assert all((out / p.rsplit("/", 1)[1]).exists() for p in paths)
    assert main([*argv, "--as", "E001"]) != 0  # a signer without a password
    assert main([*argv, "--as", "E001", "--password-env", "NO_SUCH_VARIABLE_HERE"]) != 0
    assert "NO_SUCH_VARIABLE_HERE" in capsys.readouterr().err
