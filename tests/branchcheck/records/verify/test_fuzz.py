"""The tamper fuzz: over a thousand random single changes to untouched record PDFs and workbooks
(bits flipped anywhere, signature padding, zip members edited, added, dropped, renamed or
reordered, XML attributes changed) are all refused, and no untouched file is flagged.
bench/soak_verify.py runs the same changes at any size."""

from __future__ import annotations

import random

import pytest

from branchcheck import inspections
from branchcheck.records import keys
from branchcheck.records.excel import MANIFEST_PART, canonical_package, package_members
from branchcheck.records.verify import verify_bytes_of

PDF_CHANGES = 400
XLSX_CHANGES = 700


@pytest.fixture(scope="module")
def untouched(demo_db, tmp_path_factory):
    """Every sealed demo record's PDF and workbook as exported, and the store's trusted CAs."""
    from branchcheck.db import open_store

    st = open_store(demo_db)
    out = tmp_path_factory.mktemp("demo_out")
    files = []
    for rec in inspections.list_records(st):
        if rec.status == "sealed":
            files += inspections.export(st, rec.id, out)
    roots = keys.trust_roots(st)
    st.dispose()
    return [(p.name, p.read_bytes()) for p in files], roots


def test_no_untouched_demo_record_is_flagged(untouched):
    files, roots = untouched
    assert len(files) >= 20
    flagged = [(n, r.message) for n, d in files if not (r := verify_bytes_of(n, d, roots)).ok]
    assert flagged == []


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_every_random_single_change_is_caught(untouched, mutations, kind):
    files, roots = untouched
    rng = random.Random(20261202)
    samples = [(n, d) for n, d in files if n.endswith(kind)][:3]
    mutate = mutations.mutate_pdf if kind == "pdf" else mutations.mutate_xlsx
    count = PDF_CHANGES if kind == "pdf" else XLSX_CHANGES
    missed = []
    for i in range(count):
        name, data = samples[i % len(samples)]
        how, changed = mutate(data, rng)
        assert changed != data, how
        r = verify_bytes_of(name, changed, roots)
        if r.ok or r.status == "untrusted":
            missed.append((how, r.message))
    assert missed == []


def test_the_mutations_are_of_every_kind(mutations):
    rng = random.Random(7)
    pdf = (
        b"%PDF-1.4\n" + b" " * 700 + b"/Contents <3082AB" + b"0" * 80 + b">\nstartxref\n9\n%%EOF\n"
    )
    assert {mutations.mutate_pdf(pdf, rng)[0] for _ in range(300)} == set(mutations.PDF_KINDS)
    members = [("xl/a.xml", b'<a b="1"/>'), ("xl/c.xml", b'<c d="2"/>'), (MANIFEST_PART, b"{}")]
    xlsx = canonical_package(members)
    kinds = set()
    for _ in range(500):
        how, changed = mutations.mutate_xlsx(xlsx, rng)
        kinds.add(how)
        assert changed != xlsx
        if how != "bit":  # the signed manifest stays, last, as a forger would keep it
            assert package_members(changed)[-1][0] == MANIFEST_PART
    assert kinds == set(mutations.XLSX_KINDS)
