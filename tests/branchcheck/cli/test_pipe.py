"""Output into a pipe whose reader has gone (`branchcheck records list --json | head -1`):
the command stops quietly, with no BrokenPipeError traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from branchcheck.cli import EXIT_BROKEN_PIPE


def run_into_closed_pipe(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run the CLI with stdout a real pipe whose read end is closed before anything is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "branchcheck.cli", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "argv",
    [
        ["records", "list", "--json"],
        ["staff", "list"],
        ["checklists", "show", "vault_check", "--json"],
        ["checklists", "list"],
    ],
    ids=" ".join,
)
def test_closed_pipe_ends_quietly(people_store, cli_env, argv):
    proc = run_into_closed_pipe(argv, cli_env)
    assert proc.stderr.decode() == ""
    assert proc.returncode == EXIT_BROKEN_PIPE


def test_head_reads_the_first_line(people_store, cli_env):
    """Through a shell pipe to `head -1`, as a person types it."""
    proc = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m branchcheck.cli staff list | head -1'],
        capture_output=True,
        env=cli_env,
        timeout=120,
    )
    assert proc.returncode == 0 and proc.stderr.decode() == ""
    assert proc.stdout.decode().split()[:2] == ["E001", "王建国"]
