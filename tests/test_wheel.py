"""The built wheel carries everything BranchCheck needs: installed alone into a fresh virtual
environment (its dependencies lent by the test's environment through a .pth file, the checkout
and its editable install nowhere on the path) and run from a folder outside the checkout, the
command line lists the shipped checklists, makes the demo branch, exports a record and verifies
it, and the window starts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from branchcheck.paths import checklists_dir

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "branchcheck", "ui")  # all the wheel is built from
TIMEOUT = 180


def run(args: list[str | Path], **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=TIMEOUT, **kwargs
    )
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def build_wheel(folder: Path) -> Path:
    """Build from a copy of the sources, so the checkout gets no build/ or egg-info (and a stale
    build/ there cannot slip files into the wheel)."""
    source = folder / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy(ROOT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", folder / "dist", source])
    (wheel,) = (folder / "dist").glob("branchcheck-*.whl")
    return wheel


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its folder."""
    folder = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(folder)
    venv = folder / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = scripts(venv) / "python"
    run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel])
    # After the install (pip would otherwise see the lent editable install and skip the wheel):
    # a path line in a .pth adds that folder only; the .pth files there (the editable finder)
    # are not run.
    site = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    lent = sysconfig.get_path("purelib")
    (Path(site.stdout.strip()) / "lent-dependencies.pth").write_text(lent + "\n", "utf-8")
    return venv


def scripts(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin")


@pytest.fixture
def outside(tmp_path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout and the environment to run in: no PYTHONPATH, a
    fresh data home, no checklist folder named."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BRANCHCHECK_"))}
    env |= {"BRANCHCHECK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    work = tmp_path / "work"
    work.mkdir()
    return work, env


def test_the_package_and_its_data_come_from_the_fresh_environment(venv, outside):
    work, env = outside
    code = (
        "import branchcheck, ui; from branchcheck import paths; from ui.i18n import qm_path; "
        "print('\\n'.join(map(str, [branchcheck.__file__, ui.__file__, paths.checklists_dir(), "
        "paths.examples_dir(), paths.font_path(), qm_path('en')])))"
    )
    done = run([scripts(venv) / "python", "-c", code], cwd=work, env=env)
    found = [Path(line) for line in done.stdout.splitlines()]
    assert len(found) == 6
    for path in found:
        assert path.exists() and path.is_relative_to(venv), path
        assert not path.is_relative_to(ROOT), path


def test_the_command_line_lists_the_shipped_checklists(venv, outside):
    work, env = outside
    done = run([scripts(venv) / "branchcheck", "checklists", "list", "--json"], cwd=work, env=env)
    keys = {row["key"] for row in json.loads(done.stdout)}
    assert keys == {p.stem for p in checklists_dir().glob("*.yaml")}
    assert "vault_check" in keys


def test_demo_export_and_verify_work_from_the_wheel(venv, outside, tmp_path):
    work, env = outside
    bc = scripts(venv) / "branchcheck"
    done = run([bc, "demo", "--weeks", "1"], cwd=work, env=env)
    assert "sealed records" in done.stdout
    rows = json.loads(run([bc, "records", "list", "--json"], cwd=work, env=env).stdout)
    vault = next(r for r in rows if r["checklist"] == "vault_check" and r["status"] == "sealed")
    out = tmp_path / "out"
    exported = run([bc, "export", vault["id"], "--out", out], cwd=work, env=env).stdout.split()
    assert sorted(Path(p).suffix for p in exported) == [".pdf", ".xlsx"]
    verified = run([bc, "verify", *exported], cwd=work, env=env).stdout.splitlines()
    verdicts = [line for line in verified if not line.startswith(" ")]  # indented: judged at …
    assert len(verdicts) == 2 and len(verified) == 4
    assert all(line.startswith("OK ") for line in verdicts), verified
    assert all("the signer's claimed signing time" in line for line in verified[1::2]), verified


def test_the_window_starts_from_the_wheel(venv, outside):
    work, env = outside
    run([scripts(venv) / "branchcheck-gui", "--exit-after-show", "--lang", "en"], cwd=work, env=env)
