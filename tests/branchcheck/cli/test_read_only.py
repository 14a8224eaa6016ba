"""Read-only commands read in SQL without the ORM (their speed goal rests on it), and say the same
as the core; a record ID may be typed short at the CLI, never in the core."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from branchcheck import audit, findings, inspections
from branchcheck.db import open_store
from branchcheck.errors import NotFoundError
from branchcheck.people.roster import list_staff

READ_ONLY = (
    ["records", "list", "--json"],
    ["findings", "list", "--json"],
    ["staff", "list", "--json"],
    ["audit", "check"],
)
ORM = ("sqlalchemy.orm", "branchcheck.db.models", "branchcheck.engine", "pydantic")


@pytest.fixture
def demo_env(demo_records, cli_env):
    store_file, _ = demo_records
    return cli_env | {"BRANCHCHECK_HOME": str(store_file.parent)}


def _run(argv: list[str], env: dict[str, str]) -> tuple[str, list[str]]:
    """(stdout of the command, the ORM-side modules it loaded)."""
    probe = (
        "import sys, io, contextlib\n"
        "from branchcheck.cli import main\n"
        "out = io.StringIO()\n"
        f"with contextlib.redirect_stdout(out): code = main({argv!r})\n"
        "assert code == 0, code\n"
        f"print(repr((out.getvalue(), sorted(m for m in {ORM!r} if m in sys.modules))))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return ast.literal_eval(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_read_only_commands_do_not_load_the_orm(argv, demo_env):
    out, loaded = _run(argv, demo_env)
    assert out.strip() and loaded == []


def test_read_only_commands_say_what_the_core_says(demo_records, demo_env):
    store_file, _ = demo_records
    store = open_store(store_file)
    records = json.loads(_run(["records", "list", "--json"], demo_env)[0])
    assert [r["id"] for r in records] == [r.id for r in inspections.list_records(store)]
    # every finding of a record (a missed obligation's or a post's finding has none)
    of_records = [f for f in findings.list_findings(store) if f.record_id is not None]
    assert sum(r["findings"] for r in records) == len(of_records) > 0
    listed = json.loads(_run(["findings", "list", "--json"], demo_env)[0])
    assert [f["id"] for f in listed] == [f.id for f in findings.list_findings(store)]
    staff = json.loads(_run(["staff", "list", "--json"], demo_env)[0])
    assert [p["employee_no"] for p in staff] == [p.employee_no for p in list_staff(store)]
    with store.read() as conn:
        entries = audit.check_chain(conn).entries
    said = _run(["audit", "check"], demo_env)[0].splitlines()
    assert said[0] == f"审计日志链完整：{entries} 条 / audit log intact: {entries} entries"
    store.dispose()


def test_a_short_record_id_is_resolved_by_the_cli_only(demo_records, demo_env, tmp_path):
    store_file, _ = demo_records
    store = open_store(store_file)
    sealed = next(r for r in inspections.list_records(store) if r.status == "sealed")
    with pytest.raises(NotFoundError):
        inspections.load(store, sealed.id[:8])  # the core takes exact IDs
    store.dispose()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "branchcheck.cli",
            "export",
            sealed.id[:8],
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        env=demo_env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"记录 / record {sealed.id}"
    assert sorted(p.name.split(".", 1)[1] for p in (tmp_path / "out").iterdir()) == [
        "pdf",
        "xlsx",
        "xlsx.p7s",
    ]
    short = subprocess.run(
        [
            sys.executable,
            "-m",
            "branchcheck.cli",
            "export",
            sealed.id[:3],
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        env=demo_env,
        timeout=120,
    )
    assert short.returncode == 4 and "at least 4" in short.stderr
