"""`branchcheck verify FILE...`: signed PDF and Excel records, offline.

The trusted CAs are read from the store file with plain SQL, once per call: verifying loads
pyHanko and cryptography but never the ORM, and many files cost little more than one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from branchcheck.cli.common import SubParsers, print_json
from branchcheck.errors import InputFileError

if TYPE_CHECKING:
    from cryptography import x509


def _trust_roots(args: argparse.Namespace) -> list[x509.Certificate]:
    from branchcheck.records.pki import cert_from_pem

    roots = []
    if not args.no_local_trust:
        from branchcheck.records.verify import local_trust_roots

        roots += local_trust_roots()
    for pem in args.trust or []:
        try:
            roots.append(cert_from_pem(Path(pem).read_text(encoding="ascii")))
        except (OSError, ValueError) as exc:
            raise InputFileError(f"{pem}: not a PEM certificate ({exc})") from None
    return roots


def cmd_verify(args: argparse.Namespace) -> int:
    from branchcheck.records.verify import verify_files

    results = verify_files([str(p) for p in args.files], _trust_roots(args))
    if args.json:
        print_json(results)
    else:
        for r in results:
            who = f"  signed by {r.signer}" if r.signer else ""
            print(f"{r.status.upper():<10} {r.path}  {r.message}{who}")
            if r.judged_at:
                print(
                    f"           签名按 {r.judged_at} 判定（签名人自报的签名时间，离线记录无时间戳）"
                    f" / judged at {r.judged_at}, the signer's claimed signing time (an offline"
                    " record carries no timestamp)"
                )
    return 0 if results and all(r.status == "ok" for r in results) else 6


def register(sub: SubParsers) -> None:
    x = sub.add_parser("verify", help="verify signed PDF and Excel records offline")
    x.add_argument("files", nargs="+")
    x.add_argument(
        "--trust", action="append", metavar="CA.pem", help="also trust this CA certificate"
    )
    x.add_argument(
        "--no-local-trust", action="store_true", help="trust only the --trust certificates"
    )
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_verify)
