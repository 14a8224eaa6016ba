"""The `branchcheck` command line: everything the window can do, through the same core functions."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchcheck.errors import BranchCheckError, InputFileError

if TYPE_CHECKING:
    from branchcheck.views import FindingView


def _store(args):
    from branchcheck.db import open_store

    return open_store()


def _print_json(data: Any) -> None:
    from branchcheck.views import to_json

    print(json.dumps(to_json(data), ensure_ascii=False, indent=2))


def _full_record_id(args) -> None:
    """People may type the first characters of a record ID: resolve a unique prefix, and say so."""
    from branchcheck import inspections

    given = args.record_id
    args.record_id = inspections.resolve_id(_store(args), given)
    if args.record_id != given:
        print(f"记录 / record {args.record_id}", file=sys.stderr)


def _key_password(args, prompt: str) -> str:
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


# ---------------------------------------------------------------- checklists


def cmd_checklists_list(args) -> int:
    from branchcheck.engine.validate import load_all

    rows = [
        {
            "key": lt.template.key,
            "version": lt.template.version,
            "title": lt.template.title.as_dict(),
            "items": len(lt.template.items()),
            "file": Path(lt.source_name).name,
            "sha256": lt.sha256,
        }
        for lt in load_all().values()
    ]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(
                f"{r['key']:<22} v{r['version']}  {r['items']:>3} items  {r['title']['zh']} / {r['title']['en']}"
            )
    return 0


def cmd_checklists_validate(args) -> int:
    from branchcheck.engine.validate import validate_paths
    from branchcheck.paths import checklists_dir

    paths = [Path(p) for p in args.paths] or [checklists_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise InputFileError("no such file or folder: " + ", ".join(str(p) for p in missing))
    results = validate_paths(paths)
    bad = 0
    for path, message in results:
        if message is None:
            print(f"ok      {path}")
        else:
            bad += 1
            print(f"BROKEN  {message}", file=sys.stderr)
    if not results:
        print("no checklist files found", file=sys.stderr)
        return 2
    return 2 if bad else 0


def cmd_checklists_show(args) -> int:
    from branchcheck.engine.validate import load_all
    from branchcheck.errors import NotFoundError

    templates = load_all()
    if args.key not in templates:
        raise NotFoundError(f"no checklist '{args.key}' (have: {', '.join(templates)})")
    lt = templates[args.key]
    if args.json:
        _print_json(lt.content | {"sha256": lt.sha256})
        return 0
    t = lt.template
    print(f"{t.title.zh} / {t.title.en}  ({t.key} v{t.version})")
    for section in t.sections:
        print(f"\n[{section.title.zh} / {section.title.en}]")
        for n, item in enumerate(section.items, 1):
            req = "*" if item.required else " "
            print(
                f" {req}{n:>2}. {item.text.zh}  ({item.key}: {item.type}, {item.severity}; {item.source})"
            )
    return 0


# ---------------------------------------------------------------- records


def cmd_records_list(args) -> int:
    from branchcheck import inspections

    rows = inspections.list_records(_store(args))
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r.id}  {r.local_date}  {r.status:<11} {r.checklist:<20} "
            f"{r.inspector_name}  findings: {r.findings}"
        )
    return 0


def cmd_export(args) -> int:
    from branchcheck import inspections

    for path in inspections.export(_store(args), args.record_id, Path(args.out)):
        print(path)
    return 0


def cmd_verify(args) -> int:
    from branchcheck.records import keys, verify_files

    roots = []
    if not args.no_local_trust:
        roots += keys.trust_roots(_store(args))
    for pem in args.trust or []:
        from branchcheck.records.pki import cert_from_pem

        try:
            roots.append(cert_from_pem(Path(pem).read_text(encoding="ascii")))
        except (OSError, ValueError) as exc:
            raise InputFileError(f"{pem}: not a PEM certificate ({exc})") from None
    results = verify_files([str(p) for p in args.files], roots)
    if args.json:
        _print_json([r.__dict__ for r in results])
    else:
        for r in results:
            who = f"  signed by {r.signer}" if r.signer else ""
            print(f"{r.status.upper():<10} {r.path}  {r.message}{who}")
    return 0 if results and all(r.status == "ok" for r in results) else 6


# ---------------------------------------------------------------- inspect


def cmd_inspect(args) -> int:
    from branchcheck import inspections

    try:
        data = json.loads(Path(args.answers).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputFileError(
            f"{args.answers}: cannot read the answers file ({exc.strerror})"
        ) from None
    except ValueError as exc:
        raise InputFileError(f"{args.answers}: not valid JSON ({exc})") from None
    store = _store(args)
    password = _key_password(args, "signing key password: ") if args.sign else None
    summary = inspections.run_answers_file(
        store,
        args.checklist,
        data,
        inspector=getattr(args, "as"),
        sign_and_seal=args.sign,
        key_password=password,
        source=str(args.answers),
    )
    _print_json(summary)
    return 0


def cmd_answer(args) -> int:
    from branchcheck import inspections

    try:
        value = json.loads(args.value)
    except ValueError:
        value = args.value  # plain text answers (yes, no, a seal number) need no quotes
    outcome = inspections.answer(
        _store(args),
        args.record_id,
        args.item,
        value,
        note=args.note or "",
        actor=getattr(args, "as"),
    )
    _print_json(
        {"result": outcome.result, "display": outcome.display, "computed": outcome.computed}
    )
    return 0


def cmd_complete(args) -> int:
    from branchcheck import inspections

    store = _store(args)
    ev = inspections.complete(store, args.record_id)
    _print_json({"counts": ev.counts(), "findings": inspections.findings(store, args.record_id)})
    return 0


def cmd_sign(args) -> int:
    from branchcheck import inspections

    try:
        strokes = json.loads(Path(args.strokes).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputFileError(
            f"{args.strokes}: cannot read the signature ({exc.strerror})"
        ) from None
    except ValueError as exc:
        raise InputFileError(f"{args.strokes}: not valid JSON ({exc})") from None
    inspections.sign(
        _store(args),
        args.record_id,
        party=args.party,
        employee_no=getattr(args, "as"),
        strokes=strokes,
    )
    print("signed")
    return 0


def cmd_seal(args) -> int:
    from branchcheck import inspections

    store = _store(args)
    password = _key_password(args, "signing key password: ")
    print(inspections.seal(store, args.record_id, key_password=password))
    return 0


# ---------------------------------------------------------------- keys, demo, staff, audit


def cmd_keys_import(args) -> int:
    from branchcheck.records import keys

    password = _key_password(args, "PKCS#12 password: ")
    fp = keys.import_p12(
        _store(args), employee_no=getattr(args, "as"), path=Path(args.file), password=password
    )
    print(f"imported certificate {fp}")
    return 0


def cmd_keys_export_ca(args) -> int:
    from branchcheck.records import keys

    print(keys.export_ca(_store(args), Path(args.out)))
    return 0


def cmd_demo(args) -> int:
    from branchcheck import demo

    store = _store(args)
    result = demo.setup_demo(store, weeks=args.weeks, if_empty=args.if_empty)
    if result.created:
        print(f"demo branch created in {store.path}: {result.records} sealed records")
        print("sign in as E001 王建国 (branch head) with password demo1234")
    else:
        print(f"store {store.path} already has data: demo not created")
    if args.out:
        paths, results = demo.export_and_verify(store, Path(args.out))
        for p, r in zip(paths, results, strict=True):
            print(f"{r.status.upper():<8} {p}")
        if not all(r.status == "ok" for r in results):
            return 6
    return 0


def cmd_staff_list(args) -> int:
    from branchcheck.people import register as staff

    rows = staff.list_staff(_store(args))
    if args.json:
        _print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.employee_no:<8} {r.name:<6} {r.role_names()}{'  (external: ' + r.organisation + ')' if r.external else ''}"
        )
    return 0


def cmd_audit_check(args) -> int:
    from branchcheck import audit

    with _store(args).session() as s:
        result = audit.check_chain(s)
    if result.ok:
        print(f"audit log intact: {result.entries} entries")
        return 0
    print(f"audit log BROKEN at entry {result.broken_at}", file=sys.stderr)
    return 6


# ---------------------------------------------------------------- findings (closed loop)


def _finding_line(f: FindingView) -> str:
    from branchcheck.taxonomy import FINDING_STATES

    who = f.responsible
    marks = ("  逾期" if f.overdue else "") + ("  ⚠屡查屡犯" if f.repeat else "")
    return (
        f"{f.id[:8]}  {FINDING_STATES[f.state]['zh']:<4} {f.due_date}  "
        f"{(who.name + ' (' + who.employee_no + ')') if who else '—':<14} "
        f"{f.title['zh']}{marks}"
    )


def cmd_findings_list(args) -> int:
    from branchcheck import clock, findings

    today = clock.now().date()
    rows = findings.list_findings(
        _store(args),
        state="open" if args.open else None,
        overdue_on=today if args.overdue else None,
        repeat_only=args.repeat,
        responsible=args.responsible,
        as_of=today,
    )
    if args.json:
        _print_json(rows)
    else:
        for f in rows:
            print(_finding_line(f))
    return 0


def _finding_changed(f: FindingView) -> int:
    _print_json(f)
    return 0


def cmd_findings_rectify(args) -> int:
    from branchcheck import findings

    return _finding_changed(
        findings.start_rectification(
            _store(args), args.finding_id, action=args.action, actor=getattr(args, "as")
        )
    )


def cmd_findings_result(args) -> int:
    from branchcheck import findings

    return _finding_changed(
        findings.record_result(
            _store(args), args.finding_id, result=args.result, actor=getattr(args, "as")
        )
    )


def cmd_findings_verify(args) -> int:
    from branchcheck import clock, findings

    return _finding_changed(
        findings.verify(
            _store(args),
            args.finding_id,
            rechecker=args.rechecker,
            recheck_date=clock.parse_date(args.date, field="--date"),
            actor=getattr(args, "as"),
        )
    )


def cmd_findings_close(args) -> int:
    from branchcheck import findings

    return _finding_changed(
        findings.close(_store(args), args.finding_id, actor=getattr(args, "as"))
    )


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="branchcheck", description="BranchCheck (网点自查): branch self-inspection records"
    )
    p.add_argument(
        "--home", help="data folder (default: $BRANCHCHECK_HOME or the user data folder)"
    )
    sub = p.add_subparsers(dest="command", required=True)

    cl = sub.add_parser("checklists", help="list, validate and show checklist templates")
    clsub = cl.add_subparsers(dest="sub", required=True)
    x = clsub.add_parser("list", help="the checklists this installation has")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_checklists_list)
    x = clsub.add_parser(
        "validate", help="validate template files or folders (default: checklists/)"
    )
    x.add_argument("paths", nargs="*")
    x.set_defaults(func=cmd_checklists_validate)
    x = clsub.add_parser("show", help="show one checklist")
    x.add_argument("key")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_checklists_show)

    rec = sub.add_parser("records", help="inspection records in the store")
    recsub = rec.add_subparsers(dest="sub", required=True)
    x = recsub.add_parser("list", help="all inspections and records, newest first")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_records_list)

    x = sub.add_parser(
        "export", help="copy a sealed record's signed PDF and workbook into a folder"
    )
    x.add_argument("record_id")
    x.add_argument("--out", required=True)
    x.set_defaults(func=cmd_export)

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

    x = sub.add_parser("inspect", help="a whole inspection from an answers file (JSON)")
    x.add_argument("checklist")
    x.add_argument("--answers", required=True)
    x.add_argument("--as", required=True, metavar="EMPLOYEE_NO", help="the inspector")
    x.add_argument(
        "--sign", action="store_true", help="sign and seal (needs signatures in the file)"
    )
    x.add_argument(
        "--key-password-env", metavar="VAR", help="environment variable holding the key password"
    )
    x.set_defaults(func=cmd_inspect)

    x = sub.add_parser("answer", help="answer one item of an open inspection (committed at once)")
    x.add_argument("record_id")
    x.add_argument("item")
    x.add_argument("value", help="the answer: JSON, or plain text such as yes / no / na")
    x.add_argument("--note")
    x.add_argument("--as", metavar="EMPLOYEE_NO", help="who answers (default: the inspector)")
    x.set_defaults(func=cmd_answer)
    x = sub.add_parser(
        "complete", help="complete an inspection: check required items, make findings"
    )
    x.add_argument("record_id")
    x.set_defaults(func=cmd_complete)
    x = sub.add_parser(
        "sign", help="add one handwritten signature (strokes JSON) to a completed inspection"
    )
    x.add_argument("record_id")
    x.add_argument(
        "--party", required=True, help="inspector or the people slot the person signs for"
    )
    x.add_argument("--as", required=True, metavar="EMPLOYEE_NO")
    x.add_argument(
        "--strokes", required=True, help="JSON file: [[[x, y], ...], ...] in a 600×240 box"
    )
    x.set_defaults(func=cmd_sign)
    x = sub.add_parser("seal", help="seal a signed inspection with the inspector's key")
    x.add_argument("record_id")
    x.add_argument("--key-password-env", metavar="VAR")
    x.set_defaults(func=cmd_seal)

    fi = sub.add_parser("findings", help="findings and their rectification (整改闭环)")
    fisub = fi.add_subparsers(dest="sub", required=True)
    x = fisub.add_parser("list", help="the branch's findings, newest first")
    x.add_argument("--open", action="store_true", help="only findings not closed")
    x.add_argument("--overdue", action="store_true", help="only findings past their due date")
    x.add_argument("--repeat", action="store_true", help="only repeat findings (屡查屡犯)")
    x.add_argument("--responsible", metavar="EMPLOYEE_NO", help="only this person's findings")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_findings_list)
    x = fisub.add_parser("rectify", help="开始整改: open → rectifying, with the action taken")
    x.add_argument("finding_id", help="the finding's ID or a unique prefix (8 characters)")
    x.add_argument("--action", required=True, help="整改措施")
    x.add_argument("--as", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_findings_rectify)
    x = fisub.add_parser("result", help="登记整改结果 of a finding being rectified")
    x.add_argument("finding_id")
    x.add_argument("--result", required=True, help="整改结果")
    x.add_argument("--as", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_findings_result)
    x = fisub.add_parser("verify", help="复查确认: rectifying → verified")
    x.add_argument("finding_id")
    x.add_argument(
        "--rechecker", required=True, metavar="EMPLOYEE_NO", help="复查人, not the 整改责任人"
    )
    x.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="复查日期")
    x.add_argument("--as", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_findings_verify)
    x = fisub.add_parser("close", help="关闭: verified → closed")
    x.add_argument("finding_id")
    x.add_argument("--as", required=True, metavar="EMPLOYEE_NO")
    x.set_defaults(func=cmd_findings_close)

    k = sub.add_parser("keys", help="signing keys and certificates")
    ksub = k.add_subparsers(dest="sub", required=True)
    x = ksub.add_parser("import", help="import a bank-issued PKCS#12 for a person")
    x.add_argument("file")
    x.add_argument("--as", required=True, metavar="EMPLOYEE_NO")
    x.add_argument("--key-password-env", metavar="VAR")
    x.set_defaults(func=cmd_keys_import)
    x = ksub.add_parser("export-ca", help="write the branch CA certificate head office will trust")
    x.add_argument("--out", required=True)
    x.set_defaults(func=cmd_keys_export_ca)

    x = sub.add_parser("demo", help="create a demo branch with staff, keys and signed records")
    x.add_argument("--weeks", type=int, default=4)
    x.add_argument("--if-empty", action="store_true", help="do nothing when the store has data")
    x.add_argument("--out", help="also export the newest records here and verify them")
    x.set_defaults(func=cmd_demo)

    st = sub.add_parser("staff", help="the staff register")
    stsub = st.add_subparsers(dest="sub", required=True)
    x = stsub.add_parser("list")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_staff_list)

    au = sub.add_parser("audit", help="the hash-chained audit log")
    ausub = au.add_subparsers(dest="sub", required=True)
    x = ausub.add_parser("check", help="check every link of the chain")
    x.set_defaults(func=cmd_audit_check)

    from branchcheck.accounts.cli import register

    register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.home:
        os.environ["BRANCHCHECK_HOME"] = str(Path(args.home).expanduser())
    try:
        if getattr(args, "record_id", None) is not None:
            _full_record_id(args)
        return args.func(args)
    except BranchCheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
