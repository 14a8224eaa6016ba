"""The PyInstaller bundle (`make bundle`: dist/BranchCheck/) runs on its own: from a folder outside
the checkout, with no Python path, its command line makes the demo branch, exports a record and
verifies it, and its window starts. Building the bundle takes minutes, so this runs in
`make bundle-test` (BRANCHCHECK_BUNDLE_TEST=1), not in `make test`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from branchcheck.paths import checklists_dir

pytestmark = pytest.mark.skipif(
    os.environ.get("BRANCHCHECK_BUNDLE_TEST") != "1",
    reason="the bundle test runs in `make bundle-test` (BRANCHCHECK_BUNDLE_TEST=1)",
)

BUNDLE = Path(__file__).resolve().parents[1] / "dist" / "BranchCheck"
EXE = ".exe" if os.name == "nt" else ""
CLI = BUNDLE / f"branchcheck{EXE}"
GUI = BUNDLE / f"branchcheck-gui{EXE}"


def run(args: list[str | Path], work: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=work, env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture
def outside(tmp_path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout and an environment with no Python path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BRANCHCHECK_"))}
    env |= {"BRANCHCHECK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    work = tmp_path / "work"
    work.mkdir()
    return work, env


def test_the_bundle_carries_the_shipped_data():
    data = BUNDLE / "_internal" / "branchcheck" / "data"
    assert (data / "fonts" / "wqy-microhei.ttc").is_file()
    assert (data / "i18n" / "branchcheck_en.qm").is_file()
    assert {p.name for p in (data / "checklists").glob("*.yaml")} == {
        p.name for p in checklists_dir().glob("*.yaml")
    }


def test_the_bundled_command_line_lists_the_checklists(outside):
    rows = json.loads(run([CLI, "checklists", "list", "--json"], *outside))
    assert {r["key"] for r in rows} == {p.stem for p in checklists_dir().glob("*.yaml")}


def test_a_demo_record_made_by_the_bundle_verifies_with_it(outside, tmp_path):
    assert "sealed records" in run([CLI, "demo", "--weeks", "1"], *outside)
    rows = json.loads(run([CLI, "records", "list", "--json"], *outside))
    vault = next(r for r in rows if r["checklist"] == "vault_check" and r["status"] == "sealed")
    exported = run([CLI, "export", vault["id"], "--out", tmp_path / "out"], *outside).split()
    assert sorted(Path(p).suffix for p in exported) == [".pdf", ".xlsx"]
    verified = run([CLI, "verify", *exported], *outside).splitlines()
    verdicts = [line for line in verified if not line.startswith(" ")]  # indented: judged at …
    assert len(verdicts) == 2 and len(verified) == 4
    assert all(line.startswith("OK ") for line in verdicts), verified
    assert all("the signer's claimed signing time" in line for line in verified[1::2]), verified


def test_the_bundled_window_starts(outside):
    run([GUI, "--exit-after-show", "--lang", "en"], *outside)


def test_head_office_takes_in_a_package_the_bundle_made(outside, tmp_path):
    """Head office's store (its own migrations) from the bundle: trust the branch CA with head
    office's key, take the branch's package in, and say who the store's signer is."""
    from branchcheck.records import pki

    work, env = outside
    env = env | {"PW": "demo1234", "HO_PW": "ho-bundle"}
    run([CLI, "demo", "--weeks", "1"], work, env)
    rows = json.loads(run([CLI, "records", "list", "--json"], work, env))
    days = sorted(r["local_date"] for r in rows if r["status"] == "sealed")
    made = json.loads(
        run(
            [CLI, "package", "--from", days[0], "--to", days[-1], "--out", tmp_path / "pkg"]
            + ["--as", "E001", "--password-env", "PW", "--key-password-env", "PW", "--json"],
            work,
            env,
        )
    )
    ca = tmp_path / "branch-ca.pem"
    run([CLI, "keys", "export-ca", "--out", ca], work, env)
    ca_key, ca_cert = pki.create_ca("总行 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    p12 = tmp_path / "headoffice.p12"
    p12.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca_cert]), "ho-bundle"))
    db = ["--db", tmp_path / "ho.sqlite3"]
    ho_key = ["--key", p12, "--key-password-env", "HO_PW"]
    run([CLI, "headoffice", "trust", "add", ca, *db, *ho_key], work, env)
    [out] = json.loads(
        run([CLI, "headoffice", "ingest", made["folder"], *db, *ho_key, "--json"], work, env)
    )
    assert out["status"] == "accepted" and sorted(out["accepted"]) == sorted(made["records"])
    [signer] = json.loads(run([CLI, "headoffice", "signer", "show", *db, "--json"], work, env))
    assert signer["name"] == "总行收件" and signer["replaced_at"] is None
