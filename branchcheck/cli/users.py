"""`branchcheck users reset-password`: an administrator sets another person's sign-in password
(which also ends a sign-in lock)."""

from __future__ import annotations

import argparse

from branchcheck.cli.common import SubParsers, actor, add_actor, store
from branchcheck.cli.setup import secret


def cmd_reset_password(args: argparse.Namespace) -> int:
    from branchcheck.people.admin import reset_password

    who = actor(args)
    new = secret(
        args.new_password_env, "--new-password-env", f"new password of {args.employee_no}: "
    )
    person = reset_password(store(), actor=who, employee_no=args.employee_no, new_password=new)
    print(f"已重置密码 / password reset: {person.employee_no} {person.name}")
    return 0


def register(sub: SubParsers) -> None:
    u = sub.add_parser("users", help="sign-in accounts: reset a person's password")
    usub = u.add_subparsers(dest="sub", required=True)
    x = usub.add_parser(
        "reset-password", help="set another person's sign-in password (an administrator)"
    )
    x.add_argument("employee_no")
    x.add_argument(
        "--new-password-env",
        metavar="VAR",
        help="environment variable holding the new password (at least 8 characters)",
    )
    add_actor(x, help="the administrator's employee number")
    x.set_defaults(func=cmd_reset_password)
