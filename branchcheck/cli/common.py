"""What every command group shares: the store, JSON output, the key password.

Standard library only at import time: the parser imports this for every command."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, Any, TypeAlias

from branchcheck.errors import InputFileError

if TYPE_CHECKING:
    from branchcheck.db import Store

# what `add_subparsers()` returns; each group module adds its commands to it
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def store() -> Store:
    """The data home's store (BRANCHCHECK_HOME, set from --home by main)."""
    from branchcheck.db import open_store

    return open_store()


def print_json(data: Any) -> None:
    """The one JSON output of every command: core views become their fields (views.to_json)."""
    from branchcheck.views import to_json

    print(json.dumps(to_json(data), ensure_ascii=False, indent=2))


def full_record_id(args: argparse.Namespace) -> None:
    """People may type the first characters of a record ID: resolve a unique prefix, and say so.
    The core takes exact IDs only."""
    from branchcheck.inspections.listing import resolve_id

    given = args.record_id
    args.record_id = resolve_id(store(), given)
    if args.record_id != given:
        print(f"记录 / record {args.record_id}", file=sys.stderr)


def key_password(args: argparse.Namespace, prompt: str) -> str:
    if args.key_password_env:
        value = os.environ.get(args.key_password_env)
        if value is None:
            raise InputFileError(f"environment variable {args.key_password_env} is not set")
        return value
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise InputFileError(
        "no key password: pass --key-password-env VAR (the name of an environment variable)"
    )
