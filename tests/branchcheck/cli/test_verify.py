"""`branchcheck verify`: the trusted CAs come from the store file by plain SQL, the ORM is never
loaded, and one call verifies many files with the same verdicts as one call each."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

from branchcheck.cli import main
from branchcheck.db import open_store
from branchcheck.records import keys
from branchcheck.records.verify import local_trust_roots


def test_local_trust_roots_match_the_store_and_change_nothing(demo_records):
    db, _ = demo_records
    before = db.read_bytes()
    store = open_store(db)
    expected = keys.trust_roots(store)
    store.dispose()
    assert expected and local_trust_roots(db) == expected
    assert db.read_bytes() == before


def test_no_store_or_a_new_one_trusts_nothing(store, tmp_path):
    missing = tmp_path / "none.sqlite3"
    assert local_trust_roots(missing) == []
    assert not missing.exists()
    assert local_trust_roots(store.path) == []


def test_verify_never_loads_the_store_machinery(demo_records, cli_env):
    db, paths = demo_records
    code = (
        "import sys\n"
        "from branchcheck.cli import main\n"
        f"code = main(['verify', *{[str(p) for p in paths]!r}])\n"
        "heavy = sorted(m for m in ('sqlalchemy', 'alembic', 'branchcheck.db.models')"
        " if m in sys.modules)\n"
        "print(code, heavy, file=sys.stderr)\n"
    )
    env = cli_env | {"BRANCHCHECK_HOME": str(db.parent)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.stderr.strip() == "0 []"
    assert proc.stdout.count("OK ") == len(paths)


def test_many_files_in_one_call_as_one_call_each(demo_records, monkeypatch, capsys, tmp_path):
    db, paths = demo_records
    monkeypatch.setenv("BRANCHCHECK_HOME", str(db.parent))
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(paths[0].read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered.write_bytes(bytes(data))
    files = [str(p) for p in (*paths, tampered, tmp_path / "missing.pdf")]
    one_each = []
    for f in files:
        main(["verify", f, "--json"])
        one_each += json.loads(capsys.readouterr().out)
    assert main(["verify", *files, "--json"]) == 6
    together = json.loads(capsys.readouterr().out)
    assert together == one_each
    assert [r["status"] for r in together][-2:] == ["tampered", "unreadable"]


def test_verify_says_at_which_time_each_signature_was_judged(demo_records, monkeypatch, capsys):
    """An offline record has no authority's timestamp: the certificates are judged at the time
    the signer claims, said in the branch's local time, for the PDF and the workbook alike."""
    from branchcheck.records.verify import verify_files

    db, paths = demo_records
    monkeypatch.setenv("BRANCHCHECK_HOME", str(db.parent))
    store = open_store(db)
    roots = keys.trust_roots(store)
    store.dispose()
    results = verify_files(paths, roots)
    for r in results:
        assert r.ok and r.judged_at is not None and r.judged_at.endswith("+08:00")
    pdf = next(r for r in results if r.kind == "pdf")
    xlsx = next(r for r in results if r.kind == "xlsx" and r.record_id == pdf.record_id)
    gap = datetime.fromisoformat(pdf.judged_at) - datetime.fromisoformat(xlsx.judged_at)
    assert abs(gap.total_seconds()) < 120
    assert main(["verify", *map(str, paths), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert [r["judged_at"] for r in said] == [r.judged_at for r in results]
    assert main(["verify", str(paths[0])]) == 0
    out = capsys.readouterr().out
    assert f"judged at {results[0].judged_at}, the signer's claimed signing time" in out
    assert "签名人自报的签名时间" in out
