"""Running the CLI as a real process, against this tree's code and the test's data home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def cli_env(home: Path) -> dict[str, str]:
    """The environment of a `python -m branchcheck.cli` child: this tree first, the test's home."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return os.environ | {"PYTHONPATH": path, "BRANCHCHECK_HOME": str(home)}


@pytest.fixture(scope="session")
def demo_records(tmp_path_factory) -> tuple[Path, list[Path]]:
    """A demo branch's store file and its newest sealed records, exported (PDF and workbook)."""
    from branchcheck import demo
    from branchcheck.db import open_store

    home = tmp_path_factory.mktemp("demo")
    store = open_store(home / "branchcheck.sqlite3")
    demo.setup_demo(store, weeks=1)
    paths, results = demo.export_and_verify(store, home / "out")
    store.dispose()
    assert paths and all(r.status == "ok" for r in results)
    return home / "branchcheck.sqlite3", paths
