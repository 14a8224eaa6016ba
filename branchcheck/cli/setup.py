"""`branchcheck setup`: a new branch's first run from the command line, as the window's set-up
assistant does it: the branch, its first administrator (the branch head), the branch CA and the
administrator's signing key; with `--from FILE`, the branch's staff list is then imported by the
administrator."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from branchcheck.cli.common import SubParsers, print_json, store
from branchcheck.errors import InputFileError


def secret(var: str | None, option: str, prompt: str) -> str:
    """A password from the environment variable `var` (named by `option`), else asked on a
    terminal (twice, for a new one)."""
    if var:
        value = os.environ.get(var)
        if value is None:
            raise InputFileError(f"environment variable {var} is not set ({option})")
        return value
    if sys.stdin.isatty():
        value = getpass.getpass(prompt)
        if getpass.getpass("again / 再输入一次: ") != value:
            raise InputFileError("两次输入的密码不一致 / the two passwords differ")
        return value
    raise InputFileError(f"no password: pass {option} VAR (the name of an environment variable)")


def cmd_setup(args: argparse.Namespace) -> int:
    from branchcheck.people.staff_list import import_staff_list, read_staff_list
    from branchcheck.setup import BranchInput, PersonInput, set_up

    listed = read_staff_list(args.from_) if args.from_ else None  # a bad file: nothing is done
    if listed is not None and listed.errors:
        raise InputFileError(
            f"{listed.source}: 人员名单有错误，未设置网点 / the staff list has errors; nothing "
            "was set up:\n" + "\n".join(listed.messages())
        )
    st = store()
    result = set_up(
        st,
        branch=BranchInput(args.code, args.name, args.name_en, args.head_office),
        admin=PersonInput(args.admin_no, args.admin_name, ("branch_head",)),
        admin_password=secret(
            args.admin_password_env, "--admin-password-env", "administrator's password: "
        ),
        ca_password=secret(args.ca_password_env, "--ca-password-env", "branch CA password: "),
    )
    imported = None
    if args.from_:
        imported = import_staff_list(
            st, actor=result.admin_no, path=args.from_, skip=(result.admin_no,)
        )
    if args.json:
        print_json({"setup": result, "imported": imported})
        return 0
    print(
        f"已设置网点 / branch set up: {result.branch_code}; 管理员 / administrator "
        f"{result.admin_no}; 网点 CA 指纹 / branch CA fingerprint {result.ca_fingerprint}"
    )
    if imported is not None:
        print(f"已导入 / imported {len(imported.added)} 人 / people from {imported.source}")
    return 0


def register(sub: SubParsers) -> None:
    x = sub.add_parser(
        "setup",
        help="a new branch's first run: the branch, its branch head, the CA and the head's key",
    )
    x.add_argument("--code", required=True, help="the branch code (网点代码)")
    x.add_argument("--name", required=True, help="the branch name (网点名称)")
    x.add_argument("--name-en", default="", help="the branch name in English")
    x.add_argument("--head-office", default="", help="the head office it reports to (上级行)")
    x.add_argument("--admin-no", required=True, help="the branch head's employee number")
    x.add_argument("--admin-name", required=True, help="the branch head's name")
    x.add_argument(
        "--admin-password-env",
        metavar="VAR",
        help="environment variable holding the branch head's new sign-in password (also their "
        "signing key's; at least 8 characters)",
    )
    x.add_argument(
        "--ca-password-env",
        metavar="VAR",
        help="environment variable holding the new branch CA's password (at least 8 characters)",
    )
    x.add_argument(
        "--from",
        dest="from_",
        metavar="FILE",
        help="a staff list (.xlsx or .csv: 工号, 姓名, 岗位, …) imported once the branch is set up",
    )
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_setup)
