"""The `branchcheck` command line: everything the window can do, through the same core functions.

One module per command group; each adds its sub-commands in `register(subparsers)` and imports
the core it needs inside the command function, so a command pays only for what it uses."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from branchcheck.cli import (
    accounts,
    audit,
    backup,
    checklists,
    demo,
    findings,
    headoffice,
    inspect,
    keys,
    package,
    receipts,
    records,
    rotation,
    schedule,
    score,
    settings,
    setup,
    staff,
    users,
    verify,
)
from branchcheck.cli.common import full_record_id
from branchcheck.errors import BranchCheckError

# in the order `branchcheck --help` lists them
GROUPS = (
    setup,
    checklists,
    records,
    verify,
    inspect,
    findings,
    schedule,
    score,
    keys,
    demo,
    staff,
    users,
    rotation,
    audit,
    accounts,
    backup,
    package,
    receipts,
    headoffice,
    settings,
)

EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE (128 + 13)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="branchcheck", description="BranchCheck (网点自查): branch self-inspection records"
    )
    p.add_argument(
        "--home", help="data folder (default: $BRANCHCHECK_HOME or the user data folder)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit code (argparse exits by itself on a bad command line)."""
    try:
        try:
            return _run(argv)
        finally:
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit flush
    except BrokenPipeError:
        # the reader went away (`branchcheck records list --json | head -1`): stop quietly, and
        # point stdout at /dev/null so the exit flush of what is still buffered cannot fail
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.home:
        os.environ["BRANCHCHECK_HOME"] = str(Path(args.home).expanduser())
    try:
        if getattr(args, "record_id", None) is not None:
            full_record_id(args)
        mark = _opened_count()
        code: int = args.func(args)
        _after_command(mark)
    except BranchCheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return code


def _opened_count() -> int:
    from branchcheck.db.store import opened_count

    return opened_count()


def _after_command(mark: int) -> None:
    """A store this command changed records its anchor and takes the day's first backup
    (branchcheck.backup.after_command)."""
    from branchcheck.db.store import changed_since

    changed = changed_since(mark)
    if changed:
        from branchcheck.backup import after_command

        for info in after_command(changed):
            print(f"daily backup: {info.path}", file=sys.stderr)
