"""`branchcheck keys list | password | issue | ca create | import | trust add | trust list |
export-ca`: signing keys and the CAs this branch trusts. Importing a key takes the person's and
an administrator's sign-in passwords; creating the branch CA, issuing a key and trusting a CA are
an administrator's own commands; changing a key password asks the old one."""

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


def _when(c) -> str:
    if c.expired:
        return f"已过期 {-c.expires_in_days} 天 / expired {-c.expires_in_days} days ago"
    return f"还有 {c.expires_in_days} 天 / {c.expires_in_days} days left"


KINDS = {
    "person": "个人 / person",
    "branch_ca": "本网点 CA / branch CA",
    "trusted_ca": "受信任 CA / trusted CA",
}


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck.records import certificates

    view = certificates.overview(store())
    if args.json:
        print_json(view)
        return 0
    for c in view.certificates:
        who = f"{c.employee_no} {c.name}" if c.employee_no else c.name
        state = "" if c.active or c.kind != "person" else "  (earlier key 旧密钥)"
        print(f"{who}  [{KINDS[c.kind]}]{state}")
        print(f"  {c.valid_from} – {c.valid_to}  {_when(c)}")
        print(f"  SHA-256 {c.fingerprint}")
    if view.without_key:
        names = ", ".join(f"{p.employee_no} {p.name}" for p in view.without_key)
        print(f"无签名密钥 / no signing key: {names}")
    for c in view.warnings:
        who = c.employee_no or c.name
        print(
            f"warning: {who} 的证书{'已过期' if c.expired else '即将到期'}（{c.valid_to}）/ "
            f"{who}'s certificate {'has expired' if c.expired else 'expires soon'} "
            f"({c.valid_to}, {_when(c)})",
            file=sys.stderr,
        )
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    old = _password(args.old_env, f"{args.employee_no} old key password: ", "--old-env")
    new = _password(args.new_env, f"{args.employee_no} new key password: ", "--new-env")
    fp = keys.change_key_password(
        store(), employee_no=args.employee_no, old_password=old, new_password=new
    )
    print(f"密钥密码已更改 / key password changed: {args.employee_no} {fp}")
    return 0


def _admin(args: argparse.Namespace) -> str:
    return _password(args.password_env, f"{args.as_} sign-in password: ", "--password-env")


def cmd_issue(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    ca = _password(args.ca_password_env, "branch CA password: ", "--ca-password-env")
    admin = _admin(args)
    key = _password(
        args.key_password_env, f"{args.employee_no} new key password: ", "--key-password-env"
    )
    person = None
    if args.person_password_env:
        person = _password(args.person_password_env, "", "--person-password-env")
    fp = keys.issue_key(
        store(),
        employee_no=args.employee_no,
        key_password=key,
        ca_password=ca,
        admin_no=args.as_,
        admin_password=admin,
        person_password=person,
    )
    print(f"已签发 / issued: {args.employee_no}\n  SHA-256 {fp}")
    return 0


def cmd_ca_create(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    ca = _password(args.ca_password_env, "new branch CA password: ", "--ca-password-env")
    fp = keys.create_ca(store(), ca_password=ca, admin_no=args.as_, admin_password=_admin(args))
    print(f"已建立本网点 CA / branch CA created\n  SHA-256 {fp}")
    return 0


def _as_admin(x: argparse.ArgumentParser) -> None:
    x.add_argument("--as", dest="as_", required=True, metavar="ADMIN_EMPLOYEE_NO")
    x.add_argument("--password-env", metavar="VAR", help="the administrator's sign-in password")


def _register_own(ksub: SubParsers) -> None:
    x = ksub.add_parser("list", help="every certificate: validity, fingerprint, expiry warnings")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
    x = ksub.add_parser("password", help="change a signing key's password (asks the old one)")
    x.add_argument("employee_no", metavar="EMPLOYEE_NO")
    x.add_argument("--old-env", metavar="VAR", help="the key's current password")
    x.add_argument("--new-env", metavar="VAR", help="the new password (at least 8 characters)")
    x.set_defaults(func=cmd_password)
    x = ksub.add_parser("issue", help="issue a signing key from the branch CA (an administrator)")
    x.add_argument("employee_no", metavar="EMPLOYEE_NO")
    x.add_argument("--ca-password-env", metavar="VAR", help="the branch CA's password")
    x.add_argument("--key-password-env", metavar="VAR", help="the new key's password")
    x.add_argument(
        "--person-password-env",
        metavar="VAR",
        help="the person's sign-in password (renewing a key they already have)",
    )
    _as_admin(x)
    x.set_defaults(func=cmd_issue)
    ca = ksub.add_parser("ca", help="the branch's own CA")
    casub = ca.add_subparsers(dest="ca_sub", required=True)
    x = casub.add_parser("create", help="create the branch CA (an administrator; once)")
    x.add_argument("--ca-password-env", metavar="VAR", help="the new CA's password")
    _as_admin(x)
    x.set_defaults(func=cmd_ca_create)


def register(sub: SubParsers) -> None:
    k = sub.add_parser("keys", help="signing keys and certificates")
    ksub = k.add_subparsers(dest="sub", required=True)
    _register_own(ksub)
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
