"""The signed workbook of a sealed record (openpyxl).

Visible sheets (`sheets`): 概要, 检查项目, one sheet per record table, 问题清单, 附件 (a record
with files on its items: `attachments`), 签名, 签章. A very
hidden sheet `_seal` (`hidden`) carries the canonical record JSON and its seal. The workbook is
written in one canonical zip form (`digest.canonical_package`) and an export manifest, signed by
the exporting credential, is its last zip member (`digest.MANIFEST_PART`): it binds
`package_sha256` = package_digest(every other member, byte for byte), so any change to any part a
viewer can render or print, and any added member, fails verification.

Workbooks exported before (manifest formats 1 and 2) keep their manifest in the `_seal` sheet
and bind only the visible digest (`digest.visible_digest`); verify still reads them.
"""

from __future__ import annotations

import base64
import datetime as _dt
import io
import json
import re
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook

from branchcheck.i18n import pick
from branchcheck.records.excel.attachments import add_evidence_sheet
from branchcheck.records.excel.digest import (
    MANIFEST_PART,
    canonical_package,
    package_digest,
    package_members,
    visible_digest,
    with_json_type,
)
from branchcheck.records.excel.hidden import SEAL_SHEET, read_hidden, write_hidden
from branchcheck.records.excel.sheets import add_visible_sheets
from branchcheck.records.sealing import canonical_bytes, sha256_hex

if TYPE_CHECKING:
    from cryptography import x509
    from openpyxl.workbook.workbook import Workbook as WorkbookT

    from branchcheck.records.pki import Credential

__all__ = [
    "MANIFEST_FORMAT",
    "MANIFEST_FORMAT_1",
    "MANIFEST_FORMAT_2",
    "MANIFEST_PART",
    "SEAL_SHEET",
    "canonical_package",
    "exporter_of",
    "load",
    "package_digest",
    "package_members",
    "read_hidden",
    "render_xlsx",
    "signed_members",
    "visible_digest",
]

MANIFEST_FORMAT = "branchcheck-xlsx-manifest/3"  # /3: every zip member, byte for byte
MANIFEST_FORMAT_2 = "branchcheck-xlsx-manifest/2"  # before: the visible digest with print setup
MANIFEST_FORMAT_1 = "branchcheck-xlsx-manifest/1"  # before that: no print setup


def exporter_of(cert: x509.Certificate) -> str:
    """How the 签章 sheet names the export signer: 姓名（工号）."""
    from branchcheck.records import pki

    return f"{pki.cert_name(cert)}（{pki.cert_employee_no(cert)}）"


def _build(
    doc: dict[str, Any], seal: dict[str, Any], exporter: str | None, hidden: dict[str, str]
) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "BranchCheck 网点自查"
    wb.properties.title = pick(doc.get("checklist", {}).get("title"), "zh") + "记录"
    wb.properties.identifier = str(doc.get("record_id", ""))
    add_visible_sheets(wb, doc, seal, exporter)
    add_evidence_sheet(wb, doc)
    write_hidden(wb, hidden)
    wb.active = 0
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _hidden(doc: dict[str, Any], seal: dict[str, Any]) -> dict[str, str]:
    return {
        "record_json": canonical_bytes(doc).decode("utf-8"),
        "seal_json": json.dumps(seal, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
    }


_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<)")


def _sealed_times(content: bytes, doc: dict[str, Any]) -> bytes:
    """docProps/core.xml with its created and modified times set to the record's sealed_at
    (openpyxl writes the time of saving), so the same record gives the same bytes."""
    try:
        at = _dt.datetime.fromisoformat(str(doc.get("sealed_at")))
        stamp = at.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    except ValueError:
        stamp = b"1980-01-01T00:00:00Z"
    return _TIMES.sub(lambda m: m.group(1) + stamp + m.group(2), content)


def signed_members(
    doc: dict[str, Any], seal: dict[str, Any], exporter: str
) -> list[tuple[str, bytes]]:
    """Every zip member of the signed workbook of the record but the manifest: the same record,
    seal and exporter always give the same members (verify lays the record out again)."""
    hidden = _hidden(doc, seal) | {"manifest_part": MANIFEST_PART}
    members = with_json_type(package_members(_build(doc, seal, exporter, hidden)))
    return [
        (name, _sealed_times(content, doc) if name == "docProps/core.xml" else content)
        for name, content in members
    ]


def load(data: bytes, *, read_only: bool = False) -> WorkbookT:
    """The workbook of the saved bytes `data` (read_only: sheets parsed only as they are read)."""
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data), read_only=read_only)


def render_xlsx(doc: dict[str, Any], seal: dict[str, Any], cred: Credential | None) -> bytes:
    """The workbook of the record. With `cred`, an export manifest signed by it binds every
    part of the package; without, the workbook carries record and seal but counts as unsigned.
    The `_seal` sheet of a signed workbook names the manifest part, so a workbook saved again
    without it is tampered."""
    from branchcheck.records import pki

    if cred is None:
        return _build(doc, seal, None, _hidden(doc, seal))
    members = signed_members(doc, seal, exporter_of(cred.cert))
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "record_sha256": sha256_hex(canonical_bytes(doc)),
        "package_sha256": package_digest(members),
        "algorithm": cred.algorithm,
        "signed_at": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
        "certificate_pem": pki.cert_to_pem(cred.cert),
        "chain_pem": [pki.cert_to_pem(c) for c in cred.chain],
    }
    signature = pki.sign_bytes(cred, canonical_bytes(manifest))
    manifest["signature"] = base64.b64encode(signature).decode("ascii")
    part = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return canonical_package([*members, (MANIFEST_PART, part)])
