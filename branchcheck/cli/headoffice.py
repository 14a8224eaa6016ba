"""`branchcheck headoffice …`: head office's trust store of branch CAs and the verified ingest
of upload packages (branchcheck.headoffice), on SQLite or PostgreSQL by `--db URL`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from branchcheck.cli.common import SubParsers, key_password, print_json

if TYPE_CHECKING:
    from branchcheck.headoffice.store import HeadOffice
    from branchcheck.records.pki import Credential

DB_ENV = "BRANCHCHECK_HEADOFFICE_DB"
EXIT_REJECTED = 6  # as `verify`: something did not verify


def _db(args: argparse.Namespace) -> HeadOffice:
    """--db, else $BRANCHCHECK_HEADOFFICE_DB, else headoffice.sqlite3 in the data home."""
    from branchcheck.headoffice.store import open_headoffice
    from branchcheck.paths import data_home

    return open_headoffice(args.db or os.environ.get(DB_ENV) or data_home() / "headoffice.sqlite3")


def _open_p12(path: str, password: str) -> Credential:
    from branchcheck.errors import InputFileError
    from branchcheck.records.pki import load_p12

    key = Path(path).expanduser()
    try:
        p12 = key.read_bytes()
    except OSError as exc:
        raise InputFileError(
            f"{key}: 无法读取密钥文件 / cannot read the key file ({exc})"
        ) from None
    return load_p12(p12, password, source=str(key))


def _head_office_key(args: argparse.Namespace) -> Credential:
    """Head office's credential from --key, opened with its password: who acts at head office."""
    return _open_p12(args.key, key_password(args, "head office's key password: "))


def cmd_signer_show(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.trust import signer_history

    db = _db(args)
    try:
        history = signer_history(db)
    finally:
        db.dispose()
    if args.json:
        print_json(history)
        return 0
    if not history:
        print("no head-office signer yet / 尚无总行签署人: the first key used becomes it")
    for h in history:
        state = f"replaced {h.replaced_at} by {h.replaced_by}" if h.replaced_at else "current"
        print(f"{h.fingerprint}  {h.name}  since {h.pinned_at}  {state}")
    return 0


def cmd_signer_replace(args: argparse.Namespace) -> int:
    from branchcheck.errors import InputFileError
    from branchcheck.headoffice.trust import replace_signer

    current = _head_office_key(args)
    value = os.environ.get(args.new_key_password_env)
    if value is None:
        raise InputFileError(f"environment variable {args.new_key_password_env} is not set")
    new = _open_p12(args.new_key, value)
    db = _db(args)
    try:
        info = replace_signer(db, current, new)
    finally:
        db.dispose()
    print(f"head office's signer is now / 总行签署人已更换为: {info.label}")
    return 0


def cmd_trust_add(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.trust import trust_add

    credential = _head_office_key(args)
    db = _db(args)
    try:
        info = trust_add(db, Path(args.cert).expanduser(), credential=credential)
    finally:
        db.dispose()
    print(f"trusted / 已信任: {info.label}  SHA-256 {info.fingerprint}")
    print(f"  by / 操作人: {info.added_by}")
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.trust import trust_list

    db = _db(args)
    try:
        anchors = trust_list(db, include_removed=args.all)
    finally:
        db.dispose()
    if args.json:
        print_json(anchors)
        return 0
    for a in anchors:
        gone = f"  removed {a.removed_at} by {a.removed_by}" if a.removed_at else ""
        print(f"{a.fingerprint}  {a.label}  added {a.added_at} by {a.added_by}{gone}")
    if not anchors:
        print("no trusted CA yet / 尚无受信任的 CA: branchcheck headoffice trust add CERT")
    return 0


def cmd_trust_remove(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.trust import trust_remove

    credential = _head_office_key(args)
    db = _db(args)
    try:
        info = trust_remove(db, args.fingerprint, credential=credential)
    finally:
        db.dispose()
    print(f"no longer trusted / 已取消信任: {info.label}  SHA-256 {info.fingerprint}")
    print(f"  by / 操作人: {info.removed_by}")
    print("  records it verified keep their verdict / 已入库记录保留原验证结论")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.ingest import NOT_STORED, ingest

    credential = _head_office_key(args)
    db = _db(args)
    try:
        outcomes = ingest(
            db,
            [Path(p).expanduser() for p in args.packages],
            credential=credential,
            receipts=Path(args.receipts).expanduser(),
            workers=args.workers,
        )
    finally:
        db.dispose()
    if args.json:
        print_json(
            [
                {
                    "folder": str(o.folder),
                    "package_id": o.package_id,
                    "status": o.status,
                    "reason": o.reason,
                    "received_at": o.received_at,
                    "signed_at": o.signed_at,
                    "record_signed_at": {
                        r.record_id: r.signed_at for r in o.records if r.signed_at
                    },
                    "receipt": str(o.receipt),
                    "accepted": [r.record_id for r in o.records if r.status == "accepted"],
                    "duplicate": [r.record_id for r in o.records if r.status == "duplicate"],
                    "rejected": [
                        {"id": r.record_id, "reason": r.reason}
                        for r in o.records
                        if r.status == "rejected"
                    ],
                    "files": [{"path": p.path, "reason": p.reason} for p in o.problems],
                }
                for o in outcomes
            ]
        )
    else:
        for o in outcomes:
            pid = (o.package_id or "?")[:12]
            print(f"{o.status:9} {pid}  {o.folder}  ({len(o.records)} records)")
            if o.reason:
                print(f"  {o.reason}")
            if o.signed_at:
                print(
                    f"  签名按签名人自报的时间判定（清单 {o.signed_at}），总行接收时间 {o.received_at}"
                    f" / signatures judged at the signers' claimed times (manifest {o.signed_at});"
                    f" received by head office at {o.received_at}"
                )
            for p in o.problems:
                print(f"  file {p.path}: {p.reason}")
            for r in o.records:
                if r.reason and r.reason != NOT_STORED:
                    print(f"  record {r.record_id}: {r.reason}")
            print(f"  receipt / 回执: {o.receipt}")
    bad = sum(not o.ok for o in outcomes)
    if bad:
        print(
            f"{bad} of {len(outcomes)} package(s) rejected / {bad}/{len(outcomes)} 个包被拒收",
            file=sys.stderr,
        )
        return EXIT_REJECTED
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from branchcheck.clock import parse_date
    from branchcheck.headoffice.report_files import write_report

    first = parse_date(args.from_, field="--from")
    last = parse_date(args.to, field="--to")
    as_of = parse_date(args.as_of, field="--as-of") if args.as_of else None
    db = _db(args)
    try:
        done = write_report(db, first, last, Path(args.out), lang=args.lang, as_of=as_of)
    finally:
        db.dispose()
    if args.json:
        print_json({"report": done.report, "xlsx": str(done.xlsx), "pdf": str(done.pdf)})
        return 0
    zh = args.lang == "zh"
    for b in done.report.branches:
        index = f"{b.index:.2f}" if b.reported else ("本期无数据" if zh else "no data")
        then = "—" if b.previous_index is None else f"{b.previous_index:.2f}"
        rank = b.rank if b.rank is not None else "—"
        print(
            f"{rank:>3}  {b.code}  {b.name}  {index}  ({'上年同期' if zh else 'a year earlier'} {then})"
        )
    print(f"已导出 / written: {done.xlsx}")
    print(f"已导出 / written: {done.pdf}")
    return 0


def cmd_branches(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.browse import list_branches

    db = _db(args)
    try:
        rows = list_branches(db)
    finally:
        db.dispose()
    if args.json:
        print_json(rows)
        return 0
    for b in rows:
        print(
            f"{b.code}  {b.name}  packages {b.packages}  records {b.records}  "
            f"open findings {b.open_findings}  last received {b.last_received_at or '—'}"
        )
    if not rows:
        print("no package received yet / 尚未收到上报包: branchcheck headoffice ingest PACKAGE")
    return 0


def cmd_records(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.browse import list_records

    db = _db(args)
    try:
        rows = list_records(db, args.code)
    finally:
        db.dispose()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        note = f"  superseded by {r.superseded_by[:8]}" if r.superseded_by else ""
        print(
            f"{r.local_date}  {r.checklist:16} v{r.version}  {r.record_id}  {r.verdict}  "
            f"{r.signer}{note}"
        )
    return 0


def cmd_findings(args: argparse.Namespace) -> int:
    from branchcheck.headoffice.browse import list_findings

    db = _db(args)
    try:
        rows = list_findings(db, args.code)
    finally:
        db.dispose()
    if args.json:
        print_json(rows)
        return 0
    for f in rows:
        repeat = "  repeat" if f.repeat else ""
        print(
            f"{f.found_on or '—'}  {f.state:12} {f.severity or '—':8} {f.title_zh or f.finding_id}"
            f"  due {f.due_date or '—'}{repeat}"
        )
    return 0


def _register_browse(hs: SubParsers) -> None:
    """`branchcheck headoffice branches|records CODE|findings CODE` (branchcheck.headoffice.browse)."""
    x = hs.add_parser("branches", help="the branches head office holds packages of")
    _add_db(x)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_branches)
    for name, func, what in (
        ("records", cmd_records, "a branch's records as received"),
        ("findings", cmd_findings, "a branch's findings as its latest package says them"),
    ):
        x = hs.add_parser(name, help=what)
        x.add_argument("code", metavar="CODE", help="the branch code, e.g. GZ0101")
        _add_db(x)
        x.add_argument("--json", action="store_true")
        x.set_defaults(func=func)


def _add_db(x: argparse.ArgumentParser) -> None:
    x.add_argument(
        "--db",
        metavar="URL",
        help=f"head office's store: a file path, sqlite:///PATH or postgresql+psycopg://… "
        f"(default ${DB_ENV}, else headoffice.sqlite3 in the data folder)",
    )


def _add_key(x: argparse.ArgumentParser) -> None:
    """--key and --key-password-env: head office's key, the one store's signer (see trust)."""
    x.add_argument(
        "--key",
        required=True,
        metavar="P12",
        help="head office's PKCS#12 key (the first one used on a store becomes its signer)",
    )
    x.add_argument(
        "--key-password-env", metavar="VAR", help="environment variable holding its password"
    )


def register(sub: SubParsers) -> None:
    ho = sub.add_parser("headoffice", help="head office: trusted branch CAs, ingest packages")
    hs = ho.add_subparsers(dest="headoffice_command", required=True)
    trust = hs.add_parser("trust", help="the branch CAs head office trusts")
    ts = trust.add_subparsers(dest="trust_command", required=True)
    x = ts.add_parser("add", help="trust a branch CA certificate (branchcheck keys export-ca)")
    x.add_argument("cert", metavar="CERT", help="the CA certificate, PEM")
    _add_db(x)
    _add_key(x)
    x.set_defaults(func=cmd_trust_add)
    x = ts.add_parser("list", help="the trusted CAs")
    x.add_argument("--all", action="store_true", help="with the ones no longer trusted")
    x.add_argument("--json", action="store_true")
    _add_db(x)
    x.set_defaults(func=cmd_trust_list)
    x = ts.add_parser("remove", help="stop trusting a CA (its records keep their verdict)")
    x.add_argument("fingerprint", metavar="FP", help="its SHA-256 fingerprint (8+ characters)")
    _add_db(x)
    _add_key(x)
    x.set_defaults(func=cmd_trust_remove)

    signer = hs.add_parser("signer", help="head office's own key on this store (who acts)")
    ss = signer.add_subparsers(dest="signer_command", required=True)
    x = ss.add_parser("show", help="the store's head-office signer, and those it replaced")
    x.add_argument("--json", action="store_true")
    _add_db(x)
    x.set_defaults(func=cmd_signer_show)
    x = ss.add_parser(
        "replace", help="renew head office's key: the current key authorises its successor"
    )
    _add_db(x)
    _add_key(x)
    x.add_argument("--new-key", required=True, metavar="P12", help="the new PKCS#12 key")
    x.add_argument(
        "--new-key-password-env",
        required=True,
        metavar="VAR",
        help="environment variable holding the new key's password",
    )
    x.set_defaults(func=cmd_signer_replace)

    x = hs.add_parser("ingest", help="verify and take in upload packages, whole or not at all")
    x.add_argument("packages", nargs="+", metavar="PACKAGE", help="package folders")
    _add_db(x)
    _add_key(x)
    x.add_argument(
        "--receipts",
        default="receipts",
        metavar="DIR",
        help="where to write the signed receipts (default ./receipts)",
    )
    x.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes verifying the records (default 1; starting them costs seconds, worth "
        "it for packages of hundreds of records)",
    )
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_ingest)

    x = hs.add_parser(
        "report",
        help="the consolidated report: every branch's compliance index, ranked, with its checks "
        "and findings (.xlsx with charts and .pdf)",
    )
    _add_db(x)
    x.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD")
    x.add_argument("--to", required=True, metavar="YYYY-MM-DD")
    x.add_argument(
        "--out",
        required=True,
        metavar="REPORT.xlsx",
        help="the workbook to write; the PDF goes beside it (same name, .pdf)",
    )
    x.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="judge the findings' due days on this day (default today)",
    )
    x.add_argument("--lang", choices=("zh", "en"), default="zh")
    x.add_argument("--json", action="store_true", help="print the report's numbers as JSON")
    x.set_defaults(func=cmd_report)

    _register_browse(hs)
