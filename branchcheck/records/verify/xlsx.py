"""Verifying a record workbook against its signed export manifest.

Format 3 (records/excel): the file must be the canonical zip of its members, and the manifest
(its last member) binds every other member byte for byte. Formats 1 and 2 (workbooks exported
before): the manifest in the `_seal` sheet binds the visible digest only, which covers less; the
verdict says so."""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import threading
from typing import TYPE_CHECKING, Any, NamedTuple

from branchcheck import clock
from branchcheck.records.sealing import canonical_bytes, sha256_hex
from branchcheck.records.verify.record import check_record, same_person, signer_of
from branchcheck.records.verify.result import Signer, Status, VerifyResult, result, said

if TYPE_CHECKING:
    from cryptography import x509


class _Refusal(Exception):
    """A verdict reached while reading the workbook (status and message)."""

    def __init__(self, status: Status, message: str) -> None:
        super().__init__(message)
        self.status: Status = status
        self.message = message


def _tampered(en: str, zh: str) -> _Refusal:
    return _Refusal("tampered", said("tampered", en, zh))


def _signed_manifest(text: str | bytes) -> tuple[dict[str, Any], x509.Certificate, list[Any]]:
    """The manifest, its certificate and chain, when its signature verifies."""
    from branchcheck.records import pki

    try:
        manifest = json.loads(text)
        if not isinstance(manifest, dict):
            raise ValueError("not an object")
        signature = base64.b64decode(manifest["signature"], validate=True)
        cert = pki.cert_from_pem(manifest["certificate_pem"])
        chain = [pki.cert_from_pem(p) for p in manifest.get("chain_pem") or []]
        unsigned = {k: v for k, v in manifest.items() if k != "signature"}
        signed_bytes = canonical_bytes(unsigned)
    except Exception as exc:
        raise _tampered(f"the export manifest is malformed ({exc})", "导出清单格式错误") from None
    if not pki.verify_bytes(cert, signed_bytes, signature):
        raise _tampered("the export manifest's signature is not valid", "导出清单的签名无效")
    return manifest, cert, chain


def _hidden(data: bytes) -> dict[str, str]:
    from branchcheck.records.excel import SEAL_SHEET, load, read_hidden

    try:
        # read-only: only the seal sheet is parsed, not every sheet of the record
        wb = load(data, read_only=True)
    except Exception as exc:
        raise _Refusal(
            "unreadable", said("unreadable", f"not a readable workbook ({exc})", "不是可读的工作簿")
        ) from None
    try:
        if SEAL_SHEET not in wb.sheetnames:
            raise _Refusal(
                "unsigned",
                said(
                    "unsigned",
                    "the workbook has no seal sheet (_seal)",
                    "工作簿没有签章表（_seal）",
                ),
            )
        try:
            parts = read_hidden(wb)
        except Exception as exc:
            raise _tampered(f"the seal sheet cannot be read ({exc})", "签章表无法读取") from None
    finally:
        wb.close()
    if "record_json" not in parts or "seal_json" not in parts:
        raise _tampered("the seal sheet lacks the record or its seal", "签章表缺少记录或签章")
    return parts


def _package(data: bytes) -> tuple[list[tuple[str, bytes]], bytes]:
    """Format 3: the members but the manifest, and the manifest's bytes."""
    from branchcheck.records.excel import MANIFEST_PART, canonical_package, package_members

    try:
        members = package_members(data)
    except Exception as exc:
        raise _tampered(
            f"the workbook's zip package is damaged ({exc})", "工作簿的压缩包已损坏"
        ) from None
    names = [n for n, _ in members]
    if len(set(names)) != len(names):
        raise _tampered("the workbook's package names a part twice", "工作簿包含重复的部件")
    if names[-1] != MANIFEST_PART:
        raise _tampered(
            "the export manifest is not the package's last part", "导出清单不是最后一个部件"
        )
    if canonical_package(members) != data:
        raise _tampered(
            "the workbook's zip package is not byte for byte as it was exported",
            "工作簿的压缩包与导出时不一致",
        )
    return members[:-1], members[-1][1]


def _seal_sheet(members: list[tuple[str, bytes]]) -> dict[str, str] | None:
    """The seal sheet of a format-3 workbook read from its members, which the signed manifest
    has bound byte for byte (a fifth of a record's check when openpyxl loads the workbook);
    None when it is not written as exporting writes it (openpyxl then reads it)."""
    from branchcheck.records.excel.hidden import read_hidden_members

    try:
        return read_hidden_members(dict(members))
    except Exception:  # a structure not as exporting writes it: openpyxl's reading decides
        return None


class _Signed(NamedTuple):
    parts: dict[str, str]
    manifest: dict[str, Any]
    cert: x509.Certificate
    chain: list[Any]
    note: str
    members: list[tuple[str, bytes]] | None  # format 3: every member but the manifest


def _format3(data: bytes) -> _Signed:
    """The byte-for-byte checks first (cheap), then the seal sheet as openpyxl reads it."""
    from branchcheck.records.excel import MANIFEST_FORMAT, MANIFEST_PART, package_digest

    members, text = _package(data)
    manifest, cert, chain = _signed_manifest(text)
    if manifest.get("format") != MANIFEST_FORMAT:
        raise _tampered("the export manifest is not of format 3", "导出清单格式不符")
    if package_digest(members) != manifest.get("package_sha256"):
        raise _tampered(
            "a part of the workbook differs from what was signed", "工作簿的某个部件与签名时不一致"
        )
    parts = _seal_sheet(members) or _hidden(data)
    if parts.get("manifest_part") != MANIFEST_PART:
        raise _tampered("the seal sheet does not name the export manifest", "签章表未指明导出清单")
    note = "every part of the workbook matches its signed manifest"
    return _Signed(parts, manifest, cert, chain, note, members)


def _format_1_or_2(data: bytes, parts: dict[str, str]) -> _Signed:
    from branchcheck.records.excel import MANIFEST_FORMAT_1, MANIFEST_FORMAT_2, load, visible_digest

    if "manifest_part" in parts:
        raise _tampered(
            "the workbook was saved again: its signed export manifest is gone",
            "工作簿被重新保存，签名的导出清单已丢失",
        )
    if "manifest_json" not in parts:
        raise _Refusal(
            "unsigned",
            said("unsigned", "the workbook was exported without a signature", "工作簿导出时未签名"),
        )
    manifest, cert, chain = _signed_manifest(parts["manifest_json"])
    if manifest.get("format") not in (MANIFEST_FORMAT_1, MANIFEST_FORMAT_2):
        raise _tampered("the export manifest's format is unknown", "导出清单格式未知")
    try:
        # a workbook signed before manifest format 2 was signed without its print setup
        digest = visible_digest(load(data), print_setup=manifest["format"] != MANIFEST_FORMAT_1)
    except Exception as exc:
        raise _tampered(
            f"the visible content cannot be digested ({exc})", "可见内容无法计算摘要"
        ) from None
    if digest != manifest.get("visible_sha256"):
        raise _tampered(
            "visible content of the workbook differs from what was signed",
            "工作簿的可见内容与签名时不一致",
        )
    note = (
        f"visible content matches its signed manifest ({manifest['format']}: it covers the"
        " visible cells and print setup only, not every part of the package)"
    )
    return _Signed(parts, manifest, cert, chain, note, None)


_cache: dict[str, list[tuple[str, bytes]]] = {}
_cache_lock = threading.Lock()
_CACHED = (
    8  # records laid out again, kept: copies of one record verified together are laid out once
)
# (a few: each kept PDF or workbook is 100–500 KB, and a head-office worker verifies thousands)


def _laid_out(doc: dict[str, Any], seal: dict[str, Any], exporter: str) -> list[tuple[str, bytes]]:
    """The members the record lays out as (records/excel), cached for the last _CACHED records."""
    from branchcheck.records.excel import signed_members

    key = hashlib.sha256(json.dumps([doc, seal, exporter], sort_keys=True).encode()).hexdigest()
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    members = signed_members(doc, seal, exporter)
    with _cache_lock:
        if len(_cache) >= _CACHED:
            _cache.pop(next(iter(_cache)))
        _cache[key] = members
    return members


def _sheets_problem(signed: _Signed, doc: dict[str, Any], seal: dict[str, Any]) -> str | None:
    """None when the sheets say what the sealed record says: a format-3 workbook of a record
    with reproducible pages is the record laid out again, member for member."""
    from branchcheck.records.excel import exporter_of
    from branchcheck.records.pdf.layout import PAGES

    if signed.members is None or doc.get("pages") != PAGES:
        return None
    if _laid_out(doc, seal, exporter_of(signed.cert)) != signed.members:
        return said(
            "tampered",
            "the sheets differ from the sealed record laid out again",
            "工作表内容与签章记录重新生成的结果不一致",
        )
    return None


def verify_xlsx(path: str, data: bytes, trust_roots: list[x509.Certificate]) -> VerifyResult:
    from branchcheck.records.excel import MANIFEST_PART
    from branchcheck.records.pdf.layout import PAGES

    def verdict(
        status: Status,
        message: str,
        rid: str | None = None,
        signer: Signer | None = None,
        judged_at: str | None = None,
    ) -> VerifyResult:
        return result(path, "xlsx", status, message, rid, signer, judged_at)

    try:
        if MANIFEST_PART.encode() in data:
            signed = _format3(data)
        else:
            signed = _format_1_or_2(data, _hidden(data))
    except _Refusal as refusal:
        return verdict(refusal.status, refusal.message)
    manifest, cert = signed.manifest, signed.cert
    signer = signer_of(cert)
    record = signed.parts["record_json"].encode("utf-8")
    if sha256_hex(record) != manifest.get("record_sha256"):
        return verdict(
            "tampered",
            said(
                "tampered",
                "the embedded record differs from the one the export signed",
                "内嵌记录与导出签名时的记录不一致",
            ),
            signer=signer,
        )
    check = check_record(record, signed.parts["seal_json"], trust_roots)
    if check.status == "tampered" or check.doc is None or check.seal is None:
        return verdict("tampered", check.message, check.record_id, signer)
    mismatch = same_person(signer, check.doc, check.seal, "workbook") or _sheets_problem(
        signed, check.doc, check.seal
    )
    if mismatch is not None:
        return verdict("tampered", mismatch, check.record_id, signer)
    note = signed.note
    if signed.members is not None and check.doc.get("pages") == PAGES:
        note += "; the sheets match the sealed record"
    return _trusted(verdict, manifest, cert, signed.chain, trust_roots, check, signer, note)


def _trusted(
    verdict: Any,
    manifest: dict[str, Any],
    cert: x509.Certificate,
    chain: list[Any],
    trust_roots: list[x509.Certificate],
    check: Any,
    signer: Signer,
    note: str,
) -> VerifyResult:
    from branchcheck.records import pki

    claimed = _parse_time(manifest.get("signed_at"))
    at = claimed or _dt.datetime.now(_dt.UTC)
    judged_at = clock.iso(clock.local(at))
    reason = pki.check_chain(cert, chain, trust_roots, at=at)
    if reason is not None:
        return verdict(
            "untrusted",
            said(
                "untrusted", f"the workbook's export signer: {reason}", "工作簿的导出签名人不受信任"
            ),
            check.record_id,
            signer,
            judged_at,
        )
    if check.status == "untrusted":
        return verdict("untrusted", check.message, check.record_id, signer, judged_at)
    return verdict(
        "ok",
        f"ok: {note} (signed by {signer}); record seal ok",
        check.record_id,
        signer,
        judged_at,
    )


def _parse_time(text: Any) -> _dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        at = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return at if at.tzinfo is not None else None
