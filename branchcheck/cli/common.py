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


def add_actor(x: argparse.ArgumentParser, help: str = "your employee number") -> None:
    """`--as EMP` and `--password-env VAR`: who acts, proven by their sign-in password (actor)."""
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO", help=help)
    x.add_argument(
        "--password-env",
        metavar="VAR",
        help="environment variable holding that person's sign-in password (else asked on a "
        "terminal)",
    )


def password_from(var: str | None, employee_no: str, option: str) -> str:
    if var:
        value = os.environ.get(var)
        if value is None:
            raise InputFileError(f"environment variable {var} is not set ({option})")
        return value
    if sys.stdin.isatty():
        return getpass.getpass(f"sign-in password of {employee_no}: ")
    raise InputFileError(
        f"no password for {employee_no}: pass {option} VAR (the name of an environment variable)"
    )


def prove(employee_no: str, var: str | None, option: str = "--password-env") -> str:
    """Check EMP's sign-in password (people.register.sign_in: audited, locked after repeated
    failures); a wrong one raises AuthError (exit 3) before anything is changed."""
    from branchcheck.people.register import sign_in

    sign_in(store(), employee_no, password_from(var, employee_no, option))
    return employee_no


def actor_password(args: argparse.Namespace) -> str:
    """The `--as` person's password, read but not checked: for a core call that checks it itself
    (a signature: inspections.sign)."""
    return password_from(args.password_env, args.as_, "--password-env")


def actor(args: argparse.Namespace) -> str:
    """The proven `--as` of a command (see add_actor)."""
    return prove(args.as_, args.password_env)


def record_inspector(args: argparse.Namespace) -> str:
    """The proven `--as`, who must be the record's inspector (answer, complete, seal)."""
    from branchcheck.errors import AuthError
    from branchcheck.inspections.rows import get_inspection

    who = actor(args)
    with store().session() as s:
        inspector = get_inspection(s, args.record_id).inspector.employee_no
    if who != inspector:
        raise AuthError(
            f"只有本记录的检查人 {inspector} 可以操作 / only the record's inspector "
            f"({inspector}) may do this; --as is {who}"
        )
    return who
