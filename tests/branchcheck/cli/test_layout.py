"""The CLI package: one module per command group, each importing the core only inside its
commands; the accounts library holds no CLI glue; a current store opens without Alembic."""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import branchcheck.accounts
import branchcheck.cli
from branchcheck.cli import GROUPS, build_parser

HEAVY = (
    "sqlalchemy",
    "alembic",
    "pyhanko",
    "cryptography",
    "openpyxl",
    "reportlab",
    "pydantic",
    "yaml",
    "branchcheck.db.models",
    "branchcheck.inspections",
    "branchcheck.checklists",
    "branchcheck.accounts",
)


def loaded_after(code: str, env: dict[str, str]) -> list[str]:
    """The HEAVY modules a fresh interpreter holds after running code."""
    probe = f"{code}\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return ast.literal_eval(proc.stdout.strip().splitlines()[-1])


def test_building_the_parser_loads_no_core(cli_env):
    assert loaded_after("from branchcheck.cli import build_parser; build_parser()", cli_env) == []


def test_the_store_module_and_verify_import_without_sqlalchemy(cli_env):
    """Peeking at the store (verify's trusted CAs) must not pay for the ORM."""
    assert loaded_after("import branchcheck.db, branchcheck.records.verify", cli_env) == []


def handlers(parser: argparse.ArgumentParser) -> Iterator[Callable[..., int]]:
    """Every command function under parser, sub-commands included."""
    if parser.get_default("func") is not None:
        yield parser.get_default("func")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from handlers(child)


def test_every_command_lives_in_its_group_module():
    groups = {g.__name__ for g in GROUPS}
    modules = [f.__module__ for f in handlers(build_parser())]
    assert set(modules) == groups


def test_the_accounts_library_holds_no_cli_glue():
    folder = Path(branchcheck.accounts.__file__).parent
    sources = sorted(folder.glob("*.py"))
    assert sources
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not imported & {"argparse", "branchcheck.cli"}, path.name
    assert not (folder / "cli.py").exists()
    assert Path(branchcheck.cli.__file__).parent.joinpath("accounts.py").exists()


def test_a_current_store_opens_without_alembic(people_store, cli_env):
    loaded = loaded_after(
        "from branchcheck.cli import main; assert main(['staff', 'list', '--json']) == 0", cli_env
    )
    assert "sqlalchemy" in loaded and "alembic" not in loaded
