"""One inspection's life on the command line: `inspect` (a whole one from an answers file),
`answer`, `complete`, `sign` and `seal`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from branchcheck.cli.common import (
    SubParsers,
    actor,
    actor_password,
    add_actor,
    key_password,
    password_from,
    print_json,
    record_inspector,
    store,
)
from branchcheck.errors import InputFileError


def _read_json(path: str, what: str) -> Any:
    from branchcheck.inspections.answers_file import read_json_file

    return read_json_file(path, what)


def cmd_inspect(args: argparse.Namespace) -> int:
    from branchcheck import inspections

    data = _read_json(args.answers, "the answers file")
    if args.late_reason is not None and isinstance(data, dict):
        data["late_reason"] = args.late_reason
    passwords: dict[str, str] = {}
    if args.sign:
        passwords = _signer_passwords(data, args.as_, args.party_password_env or [])
        passwords[args.as_] = actor_password(args)
        inspector = args.as_  # proven with the other signers by the core, before anything is stored
    else:
        inspector = actor(args)
    st = store()
    password = key_password(args, "signing key password: ") if args.sign else None
    summary = inspections.run_answers_file(
        st,
        args.checklist,
        data,
        inspector=inspector,
        sign_and_seal=args.sign,
        key_password=password,
        signer_passwords=passwords,
        source=str(args.answers),
    )
    print_json(summary)
    return 0


def _signer_passwords(data: Any, inspector: str, given: list[str]) -> dict[str, str]:
    """With --sign, every other person whose signature is in the answers file gives their own
    sign-in password (--party-password-env EMP=VAR), checked by the core; one missing is refused."""
    variables: dict[str, str] = {}
    for pair in given:
        no, sep, var = pair.partition("=")
        if not sep or not no or not var:
            raise InputFileError(f"--party-password-env {pair!r}: expected EMPLOYEE_NO=VAR")
        variables[no] = var
    signatures = data.get("signatures") if isinstance(data, dict) else None
    signers = [no for no in signatures if no != inspector] if isinstance(signatures, dict) else []
    missing = [no for no in signers if no not in variables]
    if missing:
        raise InputFileError(
            "each signer proves themself: pass --party-password-env EMP=VAR for "
            + ", ".join(missing)
        )
    return {
        no: password_from(variables[no], no, f"--party-password-env {no}=VAR") for no in signers
    }


def cmd_answer(args: argparse.Namespace) -> int:
    from branchcheck import inspections

    try:
        value = json.loads(args.value)
    except (ValueError, RecursionError):
        value = args.value  # plain text answers (yes, no, a seal number) need no quotes
    outcome = inspections.answer(
        store(),
        args.record_id,
        args.item,
        value,
        note=args.note or "",
        actor=record_inspector(args),
    )
    print_json({"result": outcome.result, "display": outcome.display, "computed": outcome.computed})
    return 0


def cmd_complete(args: argparse.Namespace) -> int:
    from branchcheck import inspections

    who = record_inspector(args)
    st = store()
    ev = inspections.complete(st, args.record_id, actor=who)
    print_json({"counts": ev.counts(), "findings": inspections.findings(st, args.record_id)})
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    from branchcheck import inspections

    strokes = _read_json(args.strokes, "the signature")
    inspections.sign(
        store(),
        args.record_id,
        party=args.party,
        employee_no=args.as_,
        strokes=strokes,
        password=actor_password(args),  # checked by the core: nobody signs for another
    )
    print("signed")
    return 0


def cmd_seal(args: argparse.Namespace) -> int:
    from branchcheck import inspections

    st = store()
    password = key_password(args, "signing key password: ")
    print(inspections.seal(st, args.record_id, key_password=password))
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    from branchcheck.inspections import evidence

    who = record_inspector(args)
    views = [
        evidence.add_item_evidence(store(), args.record_id, args.item, path=path, actor=who)
        for path in args.files
    ]
    print_json(views)
    return 0


def cmd_detach(args: argparse.Namespace) -> int:
    from branchcheck.inspections import evidence

    who = record_inspector(args)
    evidence.remove_item_evidence(store(), args.record_id, args.evidence_id, actor=who)
    print("removed")
    return 0


def cmd_attachments(args: argparse.Namespace) -> int:
    from branchcheck.inspections import evidence

    print_json(evidence.item_evidence(store(), args.record_id))
    return 0


def _register_evidence(sub: SubParsers) -> None:
    x = sub.add_parser(
        "attach", help="attach photos or files (JPEG, PNG, TIFF, PDF) to an item of an open record"
    )
    x.add_argument("record_id")
    x.add_argument("item")
    x.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add_actor(x, help="the record's inspector")
    x.set_defaults(func=cmd_attach)
    x = sub.add_parser("detach", help="take an attached file off an open record")
    x.add_argument("record_id")
    x.add_argument("evidence_id", type=int)
    add_actor(x, help="the record's inspector")
    x.set_defaults(func=cmd_detach)
    x = sub.add_parser("attachments", help="the files attached to a record's items (JSON)")
    x.add_argument("record_id")
    x.set_defaults(func=cmd_attachments)


def register(sub: SubParsers) -> None:
    _register_evidence(sub)
    x = sub.add_parser("inspect", help="a whole inspection from an answers file (JSON)")
    x.add_argument("checklist")
    x.add_argument("--answers", required=True)
    add_actor(x, help="the inspector")
    x.add_argument(
        "--sign",
        action="store_true",
        help="sign and seal (needs signatures in the file; each other signer is proven by "
        "--party-password-env)",
    )
    x.add_argument(
        "--late-reason",
        metavar="TEXT",
        help="why the inspection is entered late (补录): needed when the file's date is more than "
        "the set time (24 h) ago; replaces the file's late_reason",
    )
    x.add_argument(
        "--key-password-env", metavar="VAR", help="environment variable holding the key password"
    )
    x.add_argument(
        "--party-password-env",
        action="append",
        metavar="EMP=VAR",
        help="with --sign: the sign-in password of each other person signing in the file "
        "(repeated)",
    )
    x.set_defaults(func=cmd_inspect)

    x = sub.add_parser("answer", help="answer one item of an open inspection (committed at once)")
    x.add_argument("record_id")
    x.add_argument("item")
    x.add_argument("value", help="the answer: JSON, or plain text such as yes / no / na")
    x.add_argument("--note")
    add_actor(x, help="the record's inspector")
    x.set_defaults(func=cmd_answer)
    x = sub.add_parser(
        "complete", help="complete an inspection: check required items, make findings"
    )
    x.add_argument("record_id")
    add_actor(x, help="the record's inspector")
    x.set_defaults(func=cmd_complete)
    x = sub.add_parser(
        "sign", help="add one handwritten signature (strokes JSON) to a completed inspection"
    )
    x.add_argument("record_id")
    x.add_argument(
        "--party", required=True, help="inspector or the people slot the person signs for"
    )
    add_actor(x, help="the person signing")
    x.add_argument(
        "--strokes", required=True, help="JSON file: [[[x, y], ...], ...] in a 600×240 box"
    )
    x.set_defaults(func=cmd_sign)
    x = sub.add_parser("seal", help="seal a signed inspection with the inspector's key")
    x.add_argument("record_id")
    x.add_argument("--key-password-env", metavar="VAR")
    x.set_defaults(func=cmd_seal)
