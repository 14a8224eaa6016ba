"""Forged record workbooks, made without any key, that verify must refuse: every zip member but
the manifest is signed byte for byte, so a change no cell value shows is caught too."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from io import BytesIO

import pytest

from branchcheck.records import render_xlsx, sealing
from branchcheck.records.excel import MANIFEST_PART, canonical_package, package_members
from branchcheck.records.verify import verify_bytes_of

Edit = Callable[[dict[str, bytes]], None]
ITEMS = "xl/worksheets/sheet2.xml"  # 检查项目


def _sub(parts: dict[str, bytes], name: str, pattern: str, repl: str, count: int = 1) -> None:
    text = parts[name].decode("utf-8")
    new, n = re.subn(pattern, repl, text, count=count)
    assert n, (name, pattern)
    parts[name] = new.encode("utf-8")


def rich_text_white_1pt(parts: dict[str, bytes]) -> None:
    _sub(
        parts,
        ITEMS,
        r'<c r="E2"([^>]*)t="inlineStr"><is><t>([^<]*)</t></is>',
        r'<c r="E2"\1t="inlineStr"><is><r><rPr><sz val="1"/><color rgb="FFFFFFFF"/></rPr>'
        r"<t>不</t></r><r><t>\2</t></r></is>",
    )


def text_box_over_a_cell(parts: dict[str, bytes]) -> None:
    parts["xl/drawings/drawing9.xml"] = (
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
        "<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>"
        "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>5</xdr:col><xdr:colOff>0"
        "</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp>"
        '<xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>'
        "<xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>合格</a:t></a:r></a:p></xdr:txBody>"
        "</xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    ).encode()
    parts["xl/worksheets/_rels/sheet2.xml.rels"] = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId9" Target="/xl/drawings/drawing9.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/drawing"/></Relationships>'
    )
    _sub(
        parts,
        ITEMS,
        "</headerFooter>",
        '</headerFooter><drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships" r:id="rId9"/>',
    )


def seal_sheet_visible_and_first(parts: dict[str, bytes]) -> None:
    _sub(parts, "xl/workbook.xml", r'(<sheets>)(.*)(<sheet [^>]*name="_seal"[^>]*/>)', r"\1\3\2")
    _sub(parts, "xl/workbook.xml", 'state="veryHidden"', 'state="visible"')


def seal_sheet_moved(parts: dict[str, bytes]) -> None:
    _sub(parts, "xl/workbook.xml", r'(<sheets>)(.*)(<sheet [^>]*name="_seal"[^>]*/>)', r"\1\3\2")


def header_and_footer(parts: dict[str, bytes]) -> None:
    _sub(parts, ITEMS, "<evenHeader></evenHeader>", "<evenHeader>&amp;C合格</evenHeader>")
    _sub(parts, ITEMS, "<headerFooter>", '<headerFooter differentOddEven="1">')


def wingdings(parts: dict[str, bytes]) -> None:
    _sub(parts, "xl/styles.xml", '<name val="Microsoft YaHei"/>', '<name val="Wingdings"/>', 0)


def rotated(parts: dict[str, bytes]) -> None:
    _sub(
        parts,
        "xl/styles.xml",
        '<alignment horizontal="center"/>',
        '<alignment horizontal="center" textRotation="180"/>',
        0,
    )


def validation_prompt(parts: dict[str, bytes]) -> None:
    _sub(
        parts,
        ITEMS,
        "<printOptions",
        '<dataValidations count="1"><dataValidation showInputMessage="1" promptTitle="说明"'
        ' prompt="本项合格" sqref="E2"/></dataValidations><printOptions',
    )


def extra_member(parts: dict[str, bytes]) -> None:
    parts["xl/media/note.txt"] = "本记录全部合格".encode()


FORGERIES = [
    rich_text_white_1pt,
    text_box_over_a_cell,
    seal_sheet_visible_and_first,
    seal_sheet_moved,
    header_and_footer,
    wingdings,
    rotated,
    validation_prompt,
    extra_member,
]


def _forge(data: bytes, edit: Edit, canonical: bool) -> bytes:
    members = package_members(data)
    manifest = members.pop()
    assert manifest[0] == MANIFEST_PART
    parts = dict(members)
    edit(parts)
    rebuilt = [*parts.items(), manifest]  # the signed manifest kept, last, as the forger would
    if canonical:
        return canonical_package(rebuilt)
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in rebuilt:
            z.writestr(name, content)
    return buf.getvalue()


@pytest.mark.parametrize("canonical", [True, False], ids=["canonical", "deflated"])
@pytest.mark.parametrize("edit", FORGERIES, ids=lambda f: f.__name__)
def test_forged_parts_are_tampered(signed_xlsx, roots, edit, canonical):
    r = verify_bytes_of("forged.xlsx", _forge(signed_xlsx, edit, canonical), roots)
    assert r.status == "tampered", r.message
    assert "已被篡改" in r.message


def test_the_untouched_workbook_verifies_and_names_its_signer(signed_xlsx, roots, cred):
    from branchcheck.records import pki

    r = verify_bytes_of("r.xlsx", signed_xlsx, roots)
    assert r.status == "ok" and "the sheets match the sealed record" in r.message, r.message
    assert (r.signer_employee_no, r.signer_fingerprint) == ("E001", pki.fingerprint(cred.cert))


def test_a_workbook_signed_by_someone_else_than_the_inspector_is_tampered(sealed, roots, demo_pki):
    import datetime as dt

    from branchcheck.records import pki

    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    key, cert = pki.issue_signing_cert(
        demo_pki.ca_key,
        demo_pki.ca_cert,
        name="郑华",
        employee_no="E010",
        organization="赣州分行营业部",
        demo=True,
        not_before=start,
    )
    e010 = pki.Credential(key, cert, [demo_pki.ca_cert])
    d, _ = sealed
    r = verify_bytes_of("f.xlsx", render_xlsx(d, sealing.seal_document(d, e010), e010), roots)
    assert r.status == "tampered" and "inspector" in r.message, r.message
    assert r.signer_employee_no == "E010"


def test_libreoffice_opens_the_canonical_workbook(tmp_path, signed_xlsx):
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    src = tmp_path / "r.xlsx"
    src.write_bytes(signed_xlsx)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert "Branch head vault check record" in (tmp_path / "r.csv").read_text(errors="replace")


def test_sheets_showing_pass_over_the_original_record_are_tampered(sealed, roots, cred):
    """Signed with the inspector's own key: manifest, seal and identity all hold."""
    import base64
    import copy
    import datetime as dt
    import json

    from branchcheck.records import excel, pki

    d, s = sealed
    shown = copy.deepcopy(d)
    shown["findings"] = []
    shown["summary"]["result"] = {"zh": "合格", "en": "Pass"}
    hidden = excel._hidden(d, s) | {"manifest_part": MANIFEST_PART}
    built = excel._build(shown, s, excel.exporter_of(cred.cert), hidden)
    members = excel.with_json_type(package_members(built))
    manifest = {
        "format": excel.MANIFEST_FORMAT,
        "record_sha256": s["sha256"],
        "package_sha256": excel.package_digest(members),
        "algorithm": cred.algorithm,
        "signed_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "certificate_pem": pki.cert_to_pem(cred.cert),
        "chain_pem": [pki.cert_to_pem(c) for c in cred.chain],
    }
    signature = pki.sign_bytes(cred, sealing.canonical_bytes(manifest))
    manifest["signature"] = base64.b64encode(signature).decode()
    forged = canonical_package([*members, (MANIFEST_PART, json.dumps(manifest).encode())])
    r = verify_bytes_of("forged.xlsx", forged, roots)
    assert r.status == "tampered" and "sheets differ" in r.message, r.message


def test_the_same_record_always_gives_the_same_workbook(sealed, cred):
    d, s = sealed
    first, again = (
        package_members(render_xlsx(d, s, cred)),
        package_members(render_xlsx(d, s, cred)),
    )
    assert first[:-1] == again[:-1]  # all but the manifest (its signing time and signature)
