"""The pages of a record PDF say what its sealed record says.

A record PDF is two revisions: the laid-out pages (records/pdf/layout.py, deterministic), then
one update that embeds record.json and seal.json and signs. Verify lays the embedded record out
again and requires the first revision to be those bytes exactly; the update may only add what
embedding and signing add (the embedded files, one invisible signature field, the XMP metadata,
the producer and modification date), and may not replace or free anything the pages draw.

Records sealed before their pages were reproducible (no "pages" key in the record) are laid out
by an older renderer: their update is checked the same way, their pages cannot be compared."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import Any

from branchcheck.records.verify.result import said

_CATALOG_ADDS = {"/Version", "/Names", "/AF", "/AcroForm", "/Metadata"}
_INFO_CHANGES = {"/ModDate", "/Producer"}
_WIDGET_KEYS = {"/FT", "/T", "/Type", "/Subtype", "/F", "/Rect", "/P", "/V"}
_FILES = ["record.json", "seal.json"]


@dataclass(frozen=True)
class PagesCheck:
    problem: str | None
    note: str


_cache: dict[tuple[str, str], bytes] = {}
_cache_lock = threading.Lock()
_CACHED = (
    8  # records laid out again, kept: copies of one record verified together are laid out once
)
# (a few: each kept PDF or workbook is 100–500 KB, and a head-office worker verifies thousands)


def rendered(doc: dict[str, Any], seal: dict[str, Any], lang: str) -> bytes:
    """The record's pages as sealing lays them out (signed), cached for the last _CACHED records."""
    import json

    from branchcheck.records.pdf.layout import layout

    key = (
        hashlib.sha256(json.dumps([doc, seal], sort_keys=True).encode()).hexdigest(),
        lang,
    )
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    data = layout(doc, seal, lang, signed=True)
    with _cache_lock:
        if len(_cache) >= _CACHED:
            _cache.pop(next(iter(_cache)))
        _cache[key] = data
    return data


def _tampered(en: str, zh: str) -> PagesCheck:
    return PagesCheck(said("tampered", en, zh), "")


def _startxref(pdf: bytes) -> int | None:
    at = pdf.rfind(b"startxref")
    if at < 0:
        return None
    try:
        return int(pdf[at + 9 :].split()[0])
    except (ValueError, IndexError):
        return None


def _get(pdf_dict: Any, key: str) -> Any:
    """The value of `key` in a PDF dictionary, indirect objects resolved; None when absent."""
    return pdf_dict[key] if key in pdf_dict else None


def _same_except(old: Any, new: Any, changeable: set[str]) -> bool:
    keys = (set(old.keys()) | set(new.keys())) - changeable
    return all(k in old and k in new and old.raw_get(k) == new.raw_get(k) for k in keys)


def _overwrites(reader: Any) -> str | None:
    """The update replaces only the catalog (adding keys), the document information (date and
    producer) and pages (adding /Annots); it frees nothing."""
    xrefs = reader.xrefs
    if xrefs.refs_freed_in_revision(1):
        return "the signed update deletes objects of the pages"
    root0 = reader.trailer.flatten(0).raw_get("/Root")
    info0 = reader.trailer.flatten(0).raw_get("/Info")
    final = reader.trailer.flatten()
    if final.raw_get("/Root") != root0 or final.raw_get("/Info") != info0:
        return "the signed update points the file at another catalog or document information"
    for ref in xrefs.explicit_refs_in_revision(1):
        if xrefs.get_introducing_revision(ref) == 1:
            continue  # new in the update: reachable only through the checks below
        old = reader.get_object(ref, revision=0)
        new = reader.get_object(ref)
        if ref.idnum == root0.idnum:
            if not _same_except(old, new, _CATALOG_ADDS) or set(old.keys()) & _CATALOG_ADDS:
                return "the signed update changes the document catalog"
        elif info0 is not None and ref.idnum == info0.idnum:
            if not _same_except(old, new, _INFO_CHANGES):
                return "the signed update changes the document information"
        elif hasattr(old, "keys") and _get(old, "/Type") == "/Page":
            if "/Annots" in old or not _same_except(old, new, {"/Annots"}):
                return f"the signed update changes page object {ref.idnum}"
        else:
            return f"the signed update replaces object {ref.idnum} of the pages"
    return None


def _widget_problem(reader: Any, sig_ref: Any) -> str | None:
    """One invisible signature widget, on one page, in the one AcroForm field."""
    root = reader.root
    form = _get(root, "/AcroForm")
    if form is None or set(form.keys()) - {"/Fields", "/SigFlags"}:
        return "the form of the signed PDF holds more than the signature field"
    fields = form["/Fields"]
    if len(fields) != 1:
        return "the signed PDF has form fields besides the signature"
    widget_ref = fields.raw_get(0)
    widget = widget_ref.get_object()
    if set(widget.keys()) - _WIDGET_KEYS or _get(widget, "/FT") != "/Sig":
        return "the signature field carries more than an invisible signature"
    if [float(x) for x in widget["/Rect"]] != [0.0, 0.0, 0.0, 0.0]:
        return "the signature field is visible on the page"
    if widget.raw_get("/V") != sig_ref:
        return "the signature field does not hold the file's signature"
    annotated = 0
    for page in reader.root["/Pages"]["/Kids"]:
        page = page.get_object()
        if "/Annots" not in page:
            continue
        annots = page["/Annots"]
        if len(annots) != 1 or annots.raw_get(0) != widget_ref:
            return "a page carries annotations besides the invisible signature"
        annotated += 1
    if annotated != 1:
        return "the signature field is not on exactly one page"
    return None


def _names_problem(reader: Any) -> str | None:
    names = _get(reader.root, "/Names")
    if names is None or set(names.keys()) != {"/EmbeddedFiles"}:
        return "the catalog's name tree holds more than the embedded record and seal"
    tree = names["/EmbeddedFiles"]
    if set(tree.keys()) != {"/Names"}:
        return "the embedded files' name tree is not the one sealing writes"
    listed = tree["/Names"]
    if len(listed) != 4 or [str(listed[0]), str(listed[2])] != _FILES:
        return "the PDF embeds files other than record.json and seal.json"
    associated = _get(reader.root, "/AF")
    specs = [listed.raw_get(1), listed.raw_get(3)]
    if associated is None or [associated.raw_get(i) for i in range(len(associated))] != specs:
        return "the PDF associates files other than record.json and seal.json"
    return None


def _update_problem(reader: Any, sig: Any) -> str | None:
    if reader.xrefs.total_revisions != 2:
        return (
            f"the PDF has {reader.xrefs.total_revisions} revisions; a record has two "
            "(its pages, then the signed update)"
        )
    return _overwrites(reader) or _names_problem(reader) or _widget_problem(reader, sig)


def _lang(reader: Any) -> str | None:
    root0 = reader.trailer.flatten(0).raw_get("/Root")
    lang = _get(reader.get_object(root0, revision=0), "/Lang")
    return {"zh-CN": "zh", "en": "en"}.get(str(lang))


def check_structure(
    reader: Any, data: bytes, doc: dict[str, Any], seal: dict[str, Any]
) -> PagesCheck:
    """The verdict on the PDF's revisions and pages against the sealed record `doc`."""
    from branchcheck.records.pdf.layout import PAGES

    sig_ref = next(iter(reader.embedded_signatures)).sig_field.raw_get("/V")
    try:
        problem = _update_problem(reader, sig_ref)
    except Exception as exc:  # a structure not as sealing writes it
        problem = f"the signed update cannot be read as sealing writes it ({exc})"
    if problem is not None:
        return _tampered(problem, "签名时的增量更新含有签章以外的改动")
    if doc.get("pages") != PAGES:
        return PagesCheck(
            None,
            "pages not compared: the record was sealed before its pages were reproducible",
        )
    lang = _lang(reader)
    if lang is None:
        return _tampered("the pages are in no language a record is laid out in", "页面语言不符")
    pages = rendered(doc, seal, lang)
    if not data.startswith(pages) or reader.xrefs.get_startxref_for_revision(0) != _startxref(
        pages
    ):
        return _tampered(
            "the pages differ from the sealed record laid out again",
            "页面内容与签章记录重新排版的结果不一致",
        )
    return PagesCheck(None, "pages match the sealed record")
