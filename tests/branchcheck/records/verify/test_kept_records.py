"""Records exported by an earlier version still verify. data/ keeps a few of the demo's records
as commit cecf66c exported them (and the demo branch's CA): verify lays each record out again and
compares byte for byte, so a change to how records are drawn that changes their bytes fails here,
before a branch's sealed records stop verifying at head office."""

from pathlib import Path

import pytest

from branchcheck.records import pki
from branchcheck.records.verify import verify_bytes_of

DATA = Path(__file__).resolve().parent / "data"
KEPT = sorted(p.name for p in DATA.iterdir() if p.suffix in (".pdf", ".xlsx"))


def test_the_kept_records_are_there():
    assert len(KEPT) == 6 and {Path(n).suffix for n in KEPT} == {".pdf", ".xlsx"}


@pytest.mark.parametrize("name", KEPT)
def test_a_record_exported_before_verifies_and_is_laid_out_the_same(name):
    roots = [pki.cert_from_pem((DATA / "branch-ca.pem").read_bytes())]
    result = verify_bytes_of(name, (DATA / name).read_bytes(), roots)
    assert result.status == "ok", result.message
    assert result.record_id is not None and result.record_id[:8] in name
    laid_out = "the sheets match the sealed record" if name.endswith(".xlsx") else "pages"
    assert laid_out in result.message
