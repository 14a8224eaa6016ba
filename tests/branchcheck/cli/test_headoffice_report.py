"""`branchcheck headoffice report`: the workbook and the PDF beside it, the numbers with --json
(the same index and indicators as the branch's own `branchcheck score --json`), and clear
errors with exit code 2 for bad dates and folders, with nothing written."""

import json
import os
import re
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from branchcheck import clock, inspections
from branchcheck.cli import main
from branchcheck.records import keys, pki
from branchcheck.upload.package import make_package


@pytest.fixture
def received(demo, tmp_path, monkeypatch, capsys):
    """The demo's package trusted and ingested at head office by the command line: (the --db URL,
    the package's first and last day, an output folder)."""
    sealed = [r for r in inspections.list_records(demo) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    done = make_package(
        demo, first=days[0], last=days[-1], out=tmp_path, actor="E001", key_password="demo1234"
    )
    ca_key, ca_cert = pki.create_ca("总行 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    p12 = tmp_path / "headoffice.p12"
    p12.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca_cert]), "ho-secret"))
    monkeypatch.setenv("HO_PW", "ho-secret")
    monkeypatch.chdir(tmp_path)
    ca = keys.export_ca(demo, tmp_path / "branch-ca.pem")
    db = f"sqlite:///{tmp_path / 'ho.sqlite3'}"
    assert (
        main(
            [
                "headoffice",
                "trust",
                "add",
                str(ca),
                "--db",
                db,
                "--key",
                str(p12),
                "--key-password-env",
                "HO_PW",
            ]
        )
        == 0
    )
    assert (
        main(
            ["headoffice", "ingest", str(done.folder), "--db", db, "--key", str(p12)]
            + ["--key-password-env", "HO_PW"]
        )
        == 0
    )
    capsys.readouterr()
    out = tmp_path / "reports"
    out.mkdir()
    return db, days[0].isoformat(), days[-1].isoformat(), out


def _report(db, first, last, out, *extra):
    return main(
        ["headoffice", "report", "--db", db, "--from", first, "--to", last, "--out", str(out)]
        + list(extra)
    )


def _pdftotext(path):
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_report_agrees_with_the_branch_and_prints_its_numbers(received, capsys):
    db, first, last, out = received
    assert _report(db, first, last, out / "汇总.xlsx", "--json") == 0
    said = json.loads(capsys.readouterr().out)
    assert said["xlsx"] == str(out / "汇总.xlsx") and said["pdf"] == str(out / "汇总.pdf")
    assert (out / "汇总.xlsx").is_file() and (out / "汇总.pdf").is_file()
    report = said["report"]
    assert (report["first"], report["last"]) == (first, last)
    [gz] = report["branches"]
    assert (gz["code"], gz["rank"]) == ("GZ0101", 1)

    assert main(["score", "--from", first, "--to", last, "--json"]) == 0
    own = json.loads(capsys.readouterr().out)["score"]["current"]
    assert gz["index"] == own["index"]
    assert [
        (i["key"], i["numerator"], i["denominator"]) for i in gz["compliance"]["indicators"]
    ] == [(i["key"], i["numerator"], i["denominator"]) for i in own["indicators"]]
    assert gz["counts"]["records"] == own["checks"] and gz["counts"]["findings"] == own["findings"]

    assert _report(db, first, last, out / "plain.xlsx") == 0
    text = capsys.readouterr().out
    assert "GZ0101" in text and f"{gz['index']:.2f}" in text and "plain.pdf" in text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_files_read_in_libreoffice_and_as_pdf(received, tmp_path, capsys):
    db, first, last, out = received
    assert _report(db, first, last, out / "report.xlsx") == 0
    assert _report(db, first, last, out / "report_en.xlsx", "--lang", "en") == 0
    capsys.readouterr()
    wb = load_workbook(out / "report.xlsx")
    assert wb.sheetnames == ["排名", "同比", "网点检查", "问题", "核查问责", "说明"]
    assert all(wb[name]._charts for name in ("排名", "网点检查", "问题"))
    ranking = wb["排名"]
    [gz] = [row for row in ranking.iter_rows(values_only=True) if row[1] == "GZ0101"]
    assert gz[0] == 1 and gz[2] == "赣州分行营业部"
    assert load_workbook(out / "report_en.xlsx").sheetnames[0] == "Ranking"

    converted = tmp_path / "converted"
    env = {**os.environ, "HOME": str(tmp_path / "lo-home")}  # LibreOffice's own profile
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(converted)]
        + [str(out / "report.xlsx")],
        check=True,
        capture_output=True,
        timeout=240,
        env=env,
    )
    sheets = _pdftotext(converted / "report.pdf")
    assert "赣州分行营业部" in sheets and "合规性指数排名" in sheets and "核查问责" in sheets

    ours = _pdftotext(out / "report.pdf")
    assert "合规性指数排名" in ours
    ranking_line = next(line for line in ours.splitlines() if "GZ0101" in line)
    assert ranking_line.split()[0] == "1" and "赣州分行营业部" in ranking_line
    assert re.search(r"第1页共\d+页", ours.replace(" ", ""))
    english = _pdftotext(out / "report_en.pdf")
    assert "Compliance index ranking" in english and "GZ0101" in english


def test_bad_dates_and_folders_exit_2_and_write_nothing(received, capsys):
    db, first, last, out = received
    cases = [
        (("2026-13-01", last, out / "a.xlsx"), "--from: '2026-13-01' is not a date"),
        ((first, "20261201", out / "a.xlsx"), "--to: '20261201' is not a date"),
        ((last, first, out / "a.xlsx"), f"--from {last} is after --to {first}"),
        ((first, "2999-01-01", out / "a.xlsx"), "is in the future"),
        ((first, last, out / "missing" / "a.xlsx"), "文件夹不存在 / the folder does not exist"),
        ((first, last, out / "a.pdf"), "must end in .xlsx"),
    ]
    for (a, b, where), message in cases:
        assert _report(db, a, b, where) == 2, message
        err = capsys.readouterr().err
        assert message in err, err
    assert list(out.iterdir()) == []
    today = clock.now().date().isoformat()
    assert _report(db, first, today, out / "today.xlsx") == 0  # today is not the future
