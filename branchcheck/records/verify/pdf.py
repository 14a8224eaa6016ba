"""Verifying a record PDF: exactly one signature, the inspector's, covering the whole file with
nothing in its /Contents but the DER signature and zero padding; the embedded record and seal;
one person behind file, seal and record; and pages that say what the sealed record says
(`pages`)."""

from __future__ import annotations

import contextlib
import io
import json
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from branchcheck import clock
from branchcheck.records.verify.pages import check_structure
from branchcheck.records.verify.record import check_record, same_person, signer_of
from branchcheck.records.verify.result import Signer, Status, VerifyResult, result, said

if TYPE_CHECKING:
    from cryptography import x509

SIGNATURE_FIELD = "BranchCheckSeal"  # records/pdf/sign.py names the one field so


def embedded_files(reader: Any) -> dict[str, bytes]:
    """The embedded files of the PDF's name tree, by name."""
    out: dict[str, bytes] = {}
    try:
        tree = reader.root["/Names"].get_object()["/EmbeddedFiles"]
    except KeyError:
        return out
    try:
        names = tree.get_object()["/Names"]
    except KeyError:
        return out
    arr = list(names.get_object())
    for i in range(0, len(arr) - 1, 2):
        name = str(arr[i])
        spec = arr[i + 1].get_object()
        try:
            stream = spec["/EF"]["/F"].get_object()
        except KeyError:
            continue
        out[name] = stream.data
    return out


def _asn1(cert: x509.Certificate) -> Any:
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives.serialization import Encoding

    return ax509.Certificate.load(cert.public_bytes(Encoding.DER))


def _crypto(cert: Any) -> x509.Certificate:
    from cryptography import x509 as cx509

    return cx509.load_der_x509_certificate(cert.dump())


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs tracebacks and warnings for untrusted signers and damaged files; for us
    those are ordinary verdicts, so keep its logger quiet while verifying."""
    logger = logging.getLogger("pyhanko")
    old = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(old)


def _der_length(blob: bytes) -> int | None:
    """The length of the DER value at the start of `blob` (tag, length and content)."""
    if len(blob) < 2 or blob[0] != 0x30:
        return None
    first = blob[1]
    if first < 0x80:
        return 2 + first
    n = first & 0x7F
    if n == 0 or n > 4 or len(blob) < 2 + n:
        return None
    return 2 + n + int.from_bytes(blob[2 : 2 + n], "big")


def contents_problem(data: bytes, sig: Any) -> str | None:
    """None when the signature's /Contents in the file is exactly `<HEX>`: the DER signature in
    upper-case hex followed by zero padding (as pyHanko writes it); otherwise the reason.
    The byte range leaves /Contents out of the signed bytes: this makes every byte of it count."""
    byte_range = [int(x) for x in sig.sig_object["/ByteRange"]]
    contents = bytes(sig.sig_object.raw_get("/Contents"))
    size = _der_length(contents)
    if size is None or size > len(contents):
        return "the signature's /Contents does not start with one DER signature"
    if contents[size:].strip(b"\x00"):
        return "the signature's zero padding after the DER signature was changed"
    if data[byte_range[1] : byte_range[2]] != b"<" + contents.hex().upper().encode() + b">":
        return "the signature's /Contents is not written as pyHanko writes it (plain hex)"
    return None


_SHA256 = {"algorithm": "sha256", "parameters": None}
_SIGNATURE_ALGORITHMS = {"sha256_rsa", "rsassa_pss", "sha256_ecdsa"}


def cms_problem(sig: Any, seal: dict[str, Any]) -> str | None:
    """None when the CMS signature is in the one form sealing writes: canonical DER, SignedData
    v1 over detached data with SHA-256, one signer, no unsigned attributes, no CRLs, and exactly
    the seal's certificate and chain. The signature covers only the signed attributes: this
    makes every other byte of the CMS count too (a changed copy of a CA certificate, say)."""
    from asn1crypto import cms

    from branchcheck.records import pki

    contents = bytes(sig.sig_object.raw_get("/Contents"))
    der = contents[: _der_length(contents) or 0]
    info = cms.ContentInfo.load(der, strict=True)
    if info["content_type"].native != "signed_data":
        return "the CMS signature is not SignedData"
    signed = info["content"]
    if len(signed["signer_infos"]) != 1:
        return "the CMS signature has more than one signer"
    signer = signed["signer_infos"][0]
    # the certificates are compared byte for byte below, the signed attributes are signed
    parts = [signed[n] for n in ("version", "digest_algorithms", "encap_content_info")] + [
        signer[n] for n in ("version", "sid", "digest_algorithm", "signature_algorithm")
    ]
    for part in parts:
        original = part.dump()
        if part.dump(force=True) != original:
            return "the CMS signature is not in canonical DER"
    certs = sorted(c.chosen.dump() for c in signed["certificates"])  # a SET OF: any order
    expected = sorted(
        pki.cert_from_pem(p).public_bytes(_der())
        for p in [seal.get("certificate_pem"), *(seal.get("chain_pem") or [])]
    )
    if certs != expected:
        return "the certificates in the CMS signature are not the seal's"
    infos = signed["signer_infos"]
    if (
        signed["version"].native != "v1"
        or signed["digest_algorithms"].native != [_SHA256]
        or signed["encap_content_info"].native != {"content_type": "data", "content": None}
        or signed["crls"].native is not None
        or len(infos) != 1
        or infos[0]["version"].native != "v1"
        or infos[0]["sid"].name != "issuer_and_serial_number"
        or infos[0]["digest_algorithm"].native != _SHA256
        or not _plain_signature_algorithm(infos[0]["signature_algorithm"].native)
        or infos[0]["unsigned_attrs"].native is not None
    ):
        return "the CMS signature carries fields sealing does not write"
    return None


def _plain_signature_algorithm(algorithm: dict[str, Any]) -> bool:
    """One of the algorithms records are signed with; only RSA-PSS has parameters (which the
    signature check itself depends on)."""
    name = algorithm.get("algorithm")
    return name in _SIGNATURE_ALGORITHMS and (
        name == "rsassa_pss" or algorithm.get("parameters") is None
    )


def _der() -> Any:
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def _validate(sig: Any, trust_roots: list[x509.Certificate]) -> Any:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    vc = ValidationContext(
        trust_roots=[_asn1(c) for c in trust_roots],
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=sig.self_reported_timestamp,
    )
    return validate_pdf_signature(sig, vc)


def _unsigned(path: str, reader: Any) -> VerifyResult:
    record_id = None
    try:
        record = embedded_files(reader).get("record.json")
        if record is not None:
            record_id = json.loads(record).get("record_id")
    except Exception:  # an unsigned file's record ID is a courtesy only
        record_id = None
    return result(
        path,
        "pdf",
        "unsigned",
        said("unsigned", "the PDF carries no digital signature", "PDF 没有数字签名"),
        record_id if isinstance(record_id, str) else None,
    )


def _signature_problem(data: bytes, sigs: list[Any]) -> str | None:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if len(sigs) != 1:
        return said(
            "tampered",
            f"the PDF carries {len(sigs)} signatures; a record carries one, the inspector's",
            f"PDF 有 {len(sigs)} 个签名；记录只应有检查人的一个签名",
        )
    sig = sigs[0]
    if sig.field_name != SIGNATURE_FIELD:
        return said(
            "tampered",
            f"the signature is in field {sig.field_name!r}, not in the record's seal field",
            "签名不在记录的签章域中",
        )
    if sig.evaluate_signature_coverage() != SignatureCoverageLevel.ENTIRE_FILE:
        return said(
            "tampered",
            "content was added after signing (the signature does not cover the whole file)",
            "签名后文件被追加了内容（签名未覆盖整个文件）",
        )
    padding = contents_problem(data, sig)
    if padding is not None:
        return said("tampered", padding, "签名值（/Contents）被改动")
    return None


def verify_pdf(path: str, data: bytes, trust_roots: list[x509.Certificate]) -> VerifyResult:
    with _quiet_pyhanko():  # a damaged file is our verdict, not pyHanko's log lines
        return _verify_pdf(path, data, trust_roots)


def _verify_pdf(path: str, data: bytes, trust_roots: list[x509.Certificate]) -> VerifyResult:
    from pyhanko.pdf_utils.reader import PdfFileReader

    def tampered(message: str, rid: str | None = None, signer: Signer | None = None) -> Any:
        return result(path, "pdf", "tampered", message, rid, signer)

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as exc:  # any parse failure is reported, never raised
        if b"/ByteRange" in data:
            return tampered(
                said(
                    "tampered", f"the signed PDF no longer parses ({exc})", "已签名的 PDF 无法解析"
                )
            )
        return result(
            path,
            "pdf",
            "unreadable",
            said("unreadable", f"not a readable PDF ({exc})", "不是可读的 PDF"),
        )
    if not sigs:
        return _unsigned(path, reader)
    problem = _signature_problem(data, sigs)
    if problem is not None:
        return tampered(problem)
    sig = sigs[0]
    try:
        status = _validate(sig, trust_roots)
    except Exception as exc:
        return tampered(
            said("tampered", f"the signature cannot be validated ({exc})", "签名无法验证")
        )
    if not status.intact:
        return tampered(
            said(
                "tampered",
                "the signed bytes were changed (digest does not match)",
                "已签名的内容被改动（摘要不符）",
            )
        )
    if not status.valid:
        return tampered(
            said("tampered", "the cryptographic signature is not valid", "数字签名无效")
        )
    signer = signer_of(_crypto(sig.signer_cert))
    return _check_content(path, data, reader, sig, signer, status.trusted, trust_roots)


def _check_content(
    path: str,
    data: bytes,
    reader: Any,
    sig: Any,
    signer: Signer,
    trusted: bool,
    trust_roots: list[x509.Certificate],
) -> VerifyResult:
    claimed = sig.self_reported_timestamp
    judged_at = clock.iso(clock.local(claimed)) if claimed is not None else None

    def verdict(status: Status, message: str, rid: str | None = None) -> VerifyResult:
        return result(path, "pdf", status, message, rid, signer, judged_at)

    try:
        files = embedded_files(reader)
    except Exception as exc:
        return verdict(
            "tampered",
            said("tampered", f"the embedded record cannot be read ({exc})", "内嵌记录无法读取"),
        )
    if "record.json" not in files or "seal.json" not in files:
        return verdict(
            "tampered",
            said(
                "tampered",
                "the signed PDF does not carry record.json and seal.json",
                "已签名的 PDF 没有内嵌 record.json 和 seal.json",
            ),
        )
    check = check_record(files["record.json"], files["seal.json"], trust_roots)
    if check.status == "tampered" or check.doc is None or check.seal is None:
        return verdict("tampered", check.message, check.record_id)
    from branchcheck.records.pdf.sign import seal_file_bytes

    if files["seal.json"] != seal_file_bytes(check.seal):
        return verdict(
            "tampered",
            said("tampered", "seal.json is not written as sealing writes it", "seal.json 被改写"),
            check.record_id,
        )
    mismatch = same_person(signer, check.doc, check.seal, "PDF")
    if mismatch is not None:
        return verdict("tampered", mismatch, check.record_id)
    try:
        cms = cms_problem(sig, check.seal)
    except Exception as exc:  # a CMS or a seal certificate that does not parse
        cms = f"the CMS signature cannot be read as sealing writes it ({exc})"
    if cms is not None:
        return verdict("tampered", said("tampered", cms, "签名值（CMS）被改动"), check.record_id)
    pages = check_structure(reader, data, check.doc, check.seal)
    if pages.problem is not None:
        return verdict("tampered", pages.problem, check.record_id)
    if not trusted:
        return verdict(
            "untrusted",
            said(
                "untrusted",
                f"the PDF signature is intact but its signer ({signer}) does not chain to a trusted CA",
                f"PDF 签名完整，但签名人（{signer}）不属于受信任的 CA",
            ),
            check.record_id,
        )
    if check.status == "untrusted":
        return verdict("untrusted", check.message, check.record_id)
    return verdict(
        "ok",
        f"ok: PDF signature intact and trusted (signed by {signer}); record seal ok; {pages.note}",
        check.record_id,
    )
