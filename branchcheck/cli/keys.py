"""`branchcheck keys import | trust add | trust list | export-ca`: signing keys and the CAs
this branch trusts. Importing a key takes the person's and an administrator's sign-in
passwords; trusting a CA is an administrator's own command."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from branchcheck.cli.common import SubParsers, key_password, print_json, store
from branchcheck.errors import InputFileError


def _password(env: str | None, prompt: str, option: str) -> str:
    """A password from the environment variable named by `option`, else asked on a terminal."""
    if env:
        value = os.environ.get(env)
        if value is None:
            raise InputFileError(f"environment variable {env} is not set")
        return value
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise InputFileError(f"no password: pass {option} VAR (the name of an environment variable)")


def cmd_import(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    password = key_password(args, "PKCS#12 password: ")
    person = _password(args.password_env, f"{args.as_} sign-in password: ", "--password-env")
    admin = _password(
        args.admin_password_env, f"{args.admin} sign-in password: ", "--admin-password-env"
    )
    fp = keys.import_p12(
        store(),
        employee_no=args.as_,
        path=Path(args.file),
        password=password,
        person_password=person,
        admin_no=args.admin,
        admin_password=admin,
    )
    print(f"imported certificate {fp}")
    return 0


def _read_pem(path: str) -> str:
    try:
        return Path(path).read_text(encoding="ascii")
    except (OSError, ValueError) as exc:
        raise InputFileError(f"{path}: cannot read the certificate ({exc})") from None


def cmd_trust_add(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    password = _password(args.password_env, f"{args.as_} sign-in password: ", "--password-env")
    ca = keys.trust_ca(
        store(), pem=_read_pem(args.cert), admin_no=args.as_, admin_password=password
    )
    print(f"受信任 CA / trusted CA: {ca.subject}\n  SHA-256 {ca.fingerprint}")
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    cas = keys.trusted_cas(store())
    if args.json:
        print_json(cas)
        return 0
    for ca in cas:
        own = "  (本网点 CA / this branch's CA)" if ca.own_branch_ca else ""
        print(f"{ca.fingerprint}  {ca.subject}{own}")
    return 0


def cmd_export_ca(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    print(keys.export_ca(store(), Path(args.out)))
    return 0


def register(sub: SubParsers) -> None:
    k = sub.add_parser("keys", help="signing keys and certificates")
    ksub = k.add_subparsers(dest="sub", required=True)
    x = ksub.add_parser(
        "import",
        help="import a bank-issued PKCS#12 for a person (their and an administrator's password)",
    )
    x.add_argument("file")
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO")
    x.add_argument("--key-password-env", metavar="VAR", help="the PKCS#12 file's password")
    x.add_argument("--password-env", metavar="VAR", help="the person's sign-in password")
    x.add_argument("--admin", required=True, metavar="EMPLOYEE_NO", help="the administrator")
    x.add_argument("--admin-password-env", metavar="VAR", help="the administrator's password")
    x.set_defaults(func=cmd_import)
    t = ksub.add_parser("trust", help="the CAs this branch trusts")
    tsub = t.add_subparsers(dest="trust_sub", required=True)
    x = tsub.add_parser("add", help="trust a CA certificate (an administrator's decision)")
    x.add_argument("cert", metavar="CA.pem")
    x.add_argument("--as", dest="as_", required=True, metavar="ADMIN_EMPLOYEE_NO")
    x.add_argument("--password-env", metavar="VAR", help="the administrator's sign-in password")
    x.set_defaults(func=cmd_trust_add)
    x = tsub.add_parser("list", help="list the trusted CAs with their fingerprints")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_trust_list)
    x = ksub.add_parser("export-ca", help="write the branch CA certificate head office will trust")
    x.add_argument("--out", required=True)
    x.set_defaults(func=cmd_export_ca)
