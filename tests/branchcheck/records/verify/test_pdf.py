"""Forged record PDFs that verify must refuse: a second revision or signature, a signer who is
not the inspector, pages that say something else than the sealed record, a changed /Contents."""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from branchcheck.records import pki, render_pdf, sealing
from branchcheck.records.pdf.layout import layout
from branchcheck.records.pdf.sign import _signer, embed_record, sign
from branchcheck.records.verify import verify_bytes_of


@pytest.fixture(scope="session")
def e010(demo_pki: Any) -> pki.Credential:
    """Another staff member's key from the same (trusted) branch CA."""
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
    return pki.Credential(key, cert, [demo_pki.ca_cert])


def _second_signature(writer: IncrementalPdfFileWriter, cred: pki.Credential) -> bytes:
    meta = signers.PdfSignatureMetadata(
        field_name="Approval", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
    )
    return signers.sign_pdf(writer, meta, signer=_signer(cred)).getvalue()


def _forged_first_page(pdf: bytes) -> IncrementalPdfFileWriter:
    """An update replacing page 1's content by 'FORGED PAGE: no findings'."""
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = generic.StreamObject(
        stream_data=b"BT /F1 24 Tf 72 720 Td (FORGED PAGE: no findings) Tj ET"
    )
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page[generic.NameObject("/Contents")] = w.add_object(stream)
    w.update_container(page)
    return w


def _written(w: IncrementalPdfFileWriter) -> bytes:
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _tampered(pdf: bytes, roots: list[Any], *words: str) -> Any:
    r = verify_bytes_of("forged.pdf", pdf, roots)
    assert r.status == "tampered", r.message
    assert "已被篡改" in r.message  # the reason in Chinese too
    for word in words:
        assert word in r.message
    return r


def test_an_added_annotation_is_tampered(signed_pdf, roots):
    w = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    annot = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.NumberObject(n) for n in (50, 700, 300, 740)]
            ),
            generic.NameObject("/Contents"): generic.TextStringObject("合格"),
        }
    )
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page[generic.NameObject("/Annots")] = generic.ArrayObject([w.add_object(annot)])
    w.update_container(page)
    _tampered(_written(w), roots, "whole file")


def test_a_replaced_page_is_tampered(signed_pdf, roots):
    _tampered(_written(_forged_first_page(signed_pdf)), roots, "whole file")


@pytest.mark.parametrize("who", ["E010", "inspector"])
def test_a_replaced_page_signed_again_is_tampered(signed_pdf, roots, cred, e010, who):
    forged = _second_signature(_forged_first_page(signed_pdf), e010 if who == "E010" else cred)
    _tampered(forged, roots, "2 signatures")


def test_a_second_signature_without_changes_is_tampered(signed_pdf, roots, e010):
    forged = _second_signature(IncrementalPdfFileWriter(io.BytesIO(signed_pdf)), e010)
    _tampered(forged, roots, "2 signatures")


def test_another_records_seal_signed_by_e010_is_tampered(sealed, roots, cred, e010):
    d, _ = sealed
    other = copy.deepcopy(d)
    other["record_id"] = "11111111-2222-3333-4444-555555555555"
    other_seal = sealing.seal_document(other, cred)
    r = _tampered(render_pdf(other, other_seal, e010), roots, "sealed by 王建国")
    # the report names the certificate that signed the file, not the seal's signer
    assert r.signer_employee_no == "E010" and "郑华" in (r.signer or "")
    assert r.signer_fingerprint == pki.fingerprint(e010.cert)


def test_a_record_naming_e001_sealed_by_e010_is_tampered(sealed, roots, e010):
    d, _ = sealed
    forged = copy.deepcopy(d)
    forged["findings"] = []
    r = _tampered(render_pdf(forged, sealing.seal_document(forged, e010), e010), roots, "inspector")
    assert r.signer_employee_no == "E010"


def test_pages_showing_pass_over_the_original_record_are_tampered(sealed, roots, cred):
    d, s = sealed
    shown = copy.deepcopy(d)
    shown["findings"] = []
    shown["summary"]["result"] = {"zh": "合格", "en": "Pass"}
    # signed with the inspector's own key: signature, seal and identity all hold
    forged = sign(embed_record(layout(shown, s, "zh", signed=True), d, s), d, cred)
    _tampered(forged, roots, "pages differ")


def test_the_record_and_its_pages_verify_and_say_so(signed_pdf, roots, cred):
    r = verify_bytes_of("r.pdf", signed_pdf, roots)
    assert r.status == "ok" and "pages match the sealed record" in r.message
    assert (r.signer_employee_no, r.signer_fingerprint) == ("E001", pki.fingerprint(cred.cert))


def test_records_sealed_before_pages_were_reproducible_still_verify(sealed, cred, roots):
    d, _ = sealed
    old = {k: v for k, v in d.items() if k != "pages"}
    r = verify_bytes_of("old.pdf", render_pdf(old, sealing.seal_document(old, cred), cred), roots)
    assert r.status == "ok" and "pages not compared" in r.message


def _contents(pdf: bytes) -> tuple[int, int]:
    """Start and end (after '<', at '>') of the signature's hex string."""
    start = pdf.rindex(b"/Contents <") + len(b"/Contents <")
    return start, pdf.index(b">", start)


def test_a_flipped_bit_in_the_zero_padding_is_tampered(signed_pdf, roots):
    start, end = _contents(signed_pdf)
    assert signed_pdf[end - 8 : end] == b"00000000"
    data = bytearray(signed_pdf)
    data[end - 3] = ord("1")
    _tampered(bytes(data), roots, "zero padding")


def test_a_lower_case_hex_digit_in_the_signature_is_tampered(signed_pdf, roots):
    start, end = _contents(signed_pdf)
    hexed = signed_pdf[start:end]
    at = next(i for i, c in enumerate(hexed) if chr(c) in "ABCDEF")
    data = bytearray(signed_pdf)
    data[start + at] = ord(chr(data[start + at]).lower())
    _tampered(bytes(data), roots)


def test_a_seal_with_an_added_field_is_tampered(sealed, roots, cred):
    d, s = sealed
    noted = s | {"note": "本记录合格"}  # the seal's signature covers the record only
    _tampered(render_pdf(d, noted, cred), roots, "fields a seal does not have")


def test_a_changed_copy_of_the_ca_certificate_in_the_signature_is_tampered(signed_pdf, roots):
    """The CMS signature covers its signed attributes only; the CA copy it carries is unsigned."""
    from cryptography.hazmat.primitives.serialization import Encoding

    ca_hex = roots[0].public_bytes(Encoding.DER).hex().upper().encode()
    at = signed_pdf.index(ca_hex) + len(ca_hex) - 10  # inside the CA's own signature value
    digit = b"1" if signed_pdf[at : at + 1] != b"1" else b"2"
    _tampered(signed_pdf[:at] + digit + signed_pdf[at + 1 :], roots, "certificates in the CMS")
