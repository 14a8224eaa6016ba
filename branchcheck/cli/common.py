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
    print(json.dumps(data, ensure_ascii=False, indent=2))


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
