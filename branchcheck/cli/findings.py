"""`branchcheck findings list | rectify | result | verify | close | evidence | exception |
link-missed | candidates | export`: the closed loop (整改闭环) and the findings register."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from branchcheck.cli.common import SubParsers, actor, add_actor, print_json, store
from branchcheck.errors import InputFileError

if TYPE_CHECKING:
    from branchcheck.views import FindingView


def _line(f: FindingView) -> str:
    from branchcheck.taxonomy import FINDING_STATES

    who = f.responsible
    marks = (
        ("  逾期" if f.overdue else "")
        + (f"  迟{f.late_days}天整改" if f.on_time is False else "")
        + ("  ⚠屡查屡犯" if f.repeat else "")
        + ("  应发现未发现" if f.missed_record_id else "")
    )
    return (
        f"{f.id[:8]}  {FINDING_STATES[f.state]['zh']:<4} {f.due_date}  "
        f"{(who.name + ' (' + who.employee_no + ')') if who else '—':<14} "
        f"{f.title['zh']}{marks}"
    )


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck import clock, findings

    today = clock.now().date()
    the_store = store()
    findings.reopen_expired(the_store, today)
    rows = findings.list_findings(
        the_store,
        state="open" if args.open else None,
        overdue_on=today if args.overdue else None,
        repeat_only=args.repeat,
        responsible=args.responsible,
        as_of=today,
    )
    if args.json:
        print_json(rows)
    else:
        for f in rows:
            print(_line(f))
    return 0


def _changed(f: FindingView) -> int:
    print_json(f)
    return 0


def cmd_rectify(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(
        findings.start_rectification(
            store(), args.finding_id, action=args.action, actor=actor(args)
        )
    )


def cmd_result(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(
        findings.record_result(store(), args.finding_id, result=args.result, actor=actor(args))
    )


def cmd_verify(args: argparse.Namespace) -> int:
    from branchcheck import clock, findings

    day = clock.parse_date(args.date, field="--date") if args.date else None
    return _changed(findings.verify(store(), args.finding_id, recheck_date=day, actor=actor(args)))


def cmd_close(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(findings.close(store(), args.finding_id, actor=actor(args)))


def cmd_evidence_add(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(
        findings.add_evidence(store(), args.finding_id, path=Path(args.file), actor=actor(args))
    )


def cmd_evidence_export(args: argparse.Namespace) -> int:
    from branchcheck import findings

    print(findings.export_evidence(store(), args.finding_id, args.evidence_id, Path(args.out)))
    return 0


def cmd_exception(args: argparse.Namespace) -> int:
    from branchcheck import clock, findings

    return _changed(
        findings.accept_exception(
            store(),
            args.finding_id,
            reason=args.reason,
            until=clock.parse_date(args.until, field="--until"),
            actor=actor(args),
        )
    )


def cmd_link_missed(args: argparse.Namespace) -> int:
    from branchcheck import findings

    return _changed(
        findings.link_missed(
            store(), args.finding_id, inspection_id=args.inspection, actor=actor(args)
        )
    )


def cmd_candidates(args: argparse.Namespace) -> int:
    from branchcheck import findings

    print_json(findings.missed_candidates(store(), args.finding_id))
    return 0


def _password(var: str | None) -> str | None:
    if var is None:
        return None
    value = os.environ.get(var)
    if value is None:
        raise InputFileError(f"environment variable {var} is not set (--password-env)")
    return value


def cmd_export(args: argparse.Namespace) -> int:
    from branchcheck import clock, findings

    if (args.as_ is None) != (args.password_env is None):
        raise InputFileError(
            "--as and --password-env go together: the register is signed with that person's key"
        )
    as_of = clock.parse_date(args.as_of, field="--as-of") if args.as_of else clock.now().date()
    for path in findings.export_register(
        store(),
        Path(args.out),
        as_of=as_of,
        signer=args.as_,
        password=_password(args.password_env),
    ):
        print(path)
    return 0


def _finding_and_actor(x: argparse.ArgumentParser) -> None:
    x.add_argument("finding_id", help="the finding's ID or a unique prefix (8 characters)")
    add_actor(x)


def register(sub: SubParsers) -> None:
    fi = sub.add_parser("findings", help="findings and their rectification (整改闭环)")
    fisub = fi.add_subparsers(dest="sub", required=True)
    x = fisub.add_parser("list", help="the branch's findings, newest first")
    x.add_argument("--open", action="store_true", help="only findings not closed")
    x.add_argument("--overdue", action="store_true", help="only findings past their due date")
    x.add_argument("--repeat", action="store_true", help="only repeat findings (屡查屡犯)")
    x.add_argument("--responsible", metavar="EMPLOYEE_NO", help="only this person's findings")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
    x = fisub.add_parser("rectify", help="开始整改: open → rectifying, with the action taken")
    _finding_and_actor(x)
    x.add_argument("--action", required=True, help="整改措施")
    x.set_defaults(func=cmd_rectify)
    x = fisub.add_parser("result", help="登记整改结果 of a finding being rectified")
    _finding_and_actor(x)
    x.add_argument("--result", required=True, help="整改结果")
    x.set_defaults(func=cmd_result)
    x = fisub.add_parser(
        "verify",
        help="复查确认: rectifying → verified, by the 复查人 as --as (a supervising role, not "
        "the 整改责任人 nor who recorded the result)",
    )
    _finding_and_actor(x)
    x.add_argument("--date", metavar="YYYY-MM-DD", help="复查日期 (default today)")
    x.set_defaults(func=cmd_verify)
    x = fisub.add_parser("close", help="关闭: verified → closed")
    _finding_and_actor(x)
    x.set_defaults(func=cmd_close)

    ev = fisub.add_parser("evidence", help="证明材料 of a rectification (photos, scans, PDF)")
    evsub = ev.add_subparsers(dest="evidence_sub", required=True)
    x = evsub.add_parser("add", help="attach a file to a finding being rectified")
    x.add_argument("finding_id")
    x.add_argument("file", help="a JPEG, PNG, TIFF or PDF file (checked by content)")
    add_actor(x)
    x.set_defaults(func=cmd_evidence_add)
    x = evsub.add_parser("export", help="write one piece of evidence into a folder")
    x.add_argument("finding_id")
    x.add_argument("evidence_id", type=int, help="the evidence's id (findings list --json)")
    x.add_argument("--out", required=True, metavar="DIR")
    x.set_defaults(func=cmd_evidence_export)

    x = fisub.add_parser("exception", help="例外接受 by the branch head, until a date")
    _finding_and_actor(x)
    x.add_argument("--reason", required=True, help="例外接受理由")
    x.add_argument("--until", required=True, metavar="YYYY-MM-DD", help="到期日 (≤ 1 year)")
    x.set_defaults(func=cmd_exception)
    x = fisub.add_parser(
        "link-missed", help="核查问责: link the earlier record that passed it (应发现未发现)"
    )
    _finding_and_actor(x)
    x.add_argument("--inspection", required=True, metavar="RECORD_ID")
    x.set_defaults(func=cmd_link_missed)
    x = fisub.add_parser(
        "candidates", help="earlier sealed records of the same checklist that passed the item"
    )
    x.add_argument("finding_id")
    x.set_defaults(func=cmd_candidates)
    x = fisub.add_parser("export", help="the findings register as .xlsx and signed .pdf")
    x.add_argument("--out", required=True, metavar="DIR")
    x.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date the register is drawn up on")
    x.add_argument("--as", dest="as_", metavar="EMPLOYEE_NO", help="signer of the PDF")
    x.add_argument("--password-env", metavar="VAR", help="variable holding the key password")
    x.set_defaults(func=cmd_export)
