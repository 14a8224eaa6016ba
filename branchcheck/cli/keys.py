"""`branchcheck keys import | export-ca`: signing keys and certificates."""

from __future__ import annotations

import argparse
from pathlib import Path

from branchcheck.cli.common import SubParsers, key_password, store


def cmd_import(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    password = key_password(args, "PKCS#12 password: ")
    fp = keys.import_p12(store(), employee_no=args.as_, path=Path(args.file), password=password)
    print(f"imported certificate {fp}")
    return 0


def cmd_export_ca(args: argparse.Namespace) -> int:
    from branchcheck.records import keys

    print(keys.export_ca(store(), Path(args.out)))
    return 0


def register(sub: SubParsers) -> None:
    k = sub.add_parser("keys", help="signing keys and certificates")
    ksub = k.add_subparsers(dest="sub", required=True)
    x = ksub.add_parser("import", help="import a bank-issued PKCS#12 for a person")
    x.add_argument("file")
    x.add_argument("--as", dest="as_", required=True, metavar="EMPLOYEE_NO")
    x.add_argument("--key-password-env", metavar="VAR")
    x.set_defaults(func=cmd_import)
    x = ksub.add_parser("export-ca", help="write the branch CA certificate head office will trust")
    x.add_argument("--out", required=True)
    x.set_defaults(func=cmd_export_ca)
