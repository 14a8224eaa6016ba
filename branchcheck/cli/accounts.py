"""`branchcheck accounts review | decide`: settlement account review (单位银行结算账户复核)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from branchcheck.cli.common import SubParsers, actor, add_actor, print_json, record_inspector, store
from branchcheck.errors import InputFileError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_as_of(text: str) -> date:
    """The review date, strictly YYYY-MM-DD."""
    if not _ISO_DATE.fullmatch(text or ""):
        raise InputFileError(f"--as-of: '{text}' is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputFileError(f"--as-of: '{text}' is not a valid date") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def cmd_review(args: argparse.Namespace) -> int:
    """Exit 0 on success; on error (InputFileError: exit 2) no output file is written."""
    from branchcheck.accounts.columns import load_mapping
    from branchcheck.accounts.review import review, review_json, write_review_xlsx
    from branchcheck.accounts.rules import RULES, ReviewSettings
    from branchcheck.inspections.context import branch_env

    as_of = parse_as_of(args.as_of)
    if args.record and not args.as_:
        raise InputFileError("--record needs --as EMPLOYEE_NO (the reviewer)")
    reviewer = actor(args) if args.record else None
    out = Path(args.out)
    if _same_file(out, Path(args.input)):
        raise InputFileError(f"--out {out}: would overwrite the input file")
    mapping = load_mapping(args.mapping) if args.mapping else None
    settings = ReviewSettings.from_settings(branch_env(None, None)[0])
    rv = review(args.input, as_of, mapping=mapping, settings=settings)
    write_review_xlsx(rv, out)
    record_id = None
    if args.record:
        from branchcheck.accounts.record import record_review

        record_id = record_review(store(), rv, inspector=str(reviewer), checker=args.checker)
    for warning in rv.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for w in rv.row_warnings:
        print(f"warning: 第 {w.row} 行 账号 {w.account_no} {w.column}：{w.reason}", file=sys.stderr)
    if args.json:
        data = review_json(rv)
        if record_id:
            data["record_id"] = record_id
        print_json(data)
        return 0
    print(
        f"结算账户复核 {as_of.isoformat()}：数据 {rv.rows} 行，参与分类 {len(rv.accounts)} 户，"
        f"有标志 {rv.flagged} 户，错误 {rv.error_rows} 行"
    )
    for code, count in rv.by_flag.items():
        if count:
            print(f"  {code:<22}{RULES[code].label_zh}  {count}")
    print(f"复核表已写入 {out}")
    if record_id:
        print(f"复核记录已建立 / review record started: {record_id}")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    """One decision on one flagged account, committed at once."""
    from branchcheck.accounts.record import decide, parse_decision

    outcome = decide(
        store(),
        args.record_id,
        args.account_no,
        decision=parse_decision(args.decision),
        reason=args.reason or "",
        due_date=args.due,
        actor=record_inspector(args),
    )
    print(outcome.display["zh"])
    return 0


def register(sub: SubParsers) -> None:
    accounts = sub.add_parser("accounts", help="单位银行结算账户复核 / settlement account review")
    asub = accounts.add_subparsers(dest="accounts_command", required=True)
    p = asub.add_parser(
        "review",
        help="复核核心系统导出的结算账户清单 / review an account export",
        description="Find every settlement account out of line with the account rules "
        "as of a date, and write the review workbook.",
    )
    p.add_argument("input", help="账户清单 .xlsx 或 .csv / the core system's export")
    p.add_argument("--as-of", required=True, help="基准日期 YYYY-MM-DD")
    p.add_argument("--out", required=True, help="复核表 REVIEW.xlsx")
    p.add_argument(
        "--mapping",
        help='表头及取值映射 JSON/YAML {"Other header": "account_no", ...} 或 '
        '{"columns": {...}, "values": {"host_status": {"冻结": "不收不付"}}}',
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--record",
        action="store_true",
        help="also start the review record (decide, complete, sign and seal it later)",
    )
    p.add_argument("--as", dest="as_", metavar="EMPLOYEE_NO", help="the reviewer, with --record")
    p.add_argument(
        "--password-env",
        metavar="VAR",
        help="with --record: environment variable holding the reviewer's sign-in password",
    )
    p.add_argument("--checker", metavar="EMPLOYEE_NO", help="a second checker, with --record")
    p.set_defaults(func=cmd_review)
    d = asub.add_parser("decide", help="decide on one flagged account of a review record")
    d.add_argument("record_id")
    d.add_argument("account_no")
    d.add_argument(
        "--decision",
        required=True,
        help="applied | explained | rectify (explained is refused where the flag's rule forbids it)",
    )
    d.add_argument("--reason", help="the explanation (needed for explained)")
    d.add_argument("--due", help="rectification deadline YYYY-MM-DD (needed for rectify)")
    add_actor(d, help="the record's reviewer (its inspector)")
    d.set_defaults(func=cmd_decide)
