"""A populated demo branch: staff, users, a DEMO certificate authority and keys, and about half a
year of completed, signed records, so a newcomer sees a working app and a desk with history: one
week without a vault check, one week a teller was not covered, a finding closed late and repeat
findings (the registers not kept, again and again). Every demo password is DEMO_PASSWORD."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from branchcheck import clock, inspections, schedule
from branchcheck.db import Store
from branchcheck.db.models import Inspection, Staff
from branchcheck.paths import examples_dir
from branchcheck.people import register as staff
from branchcheck.people import rotation
from branchcheck.people.absence import record_absence
from branchcheck.people.posts import record_post
from branchcheck.records import keys

DEMO_PASSWORD = "demo1234"
DEMO_CA_PASSWORD = "demo-ca-1234"

BRANCH = {
    "code": "GZ0101",
    "name": "赣州分行营业部",
    "name_en": "Ganzhou Branch, Business Department",
}

STAFF = [
    ("E001", "王建国", ["branch_head"]),
    ("E002", "陈静", ["deputy_head", "authorised_deputy"]),
    ("E003", "李梅", ["vault_keeper"]),
    ("E004", "张伟", ["teller"]),
    ("E005", "刘芳", ["teller"]),
    ("E006", "赵磊", ["teller", "atm_loader"]),
    ("E007", "孙丽", ["atm_loader"]),
    ("E008", "周强", ["sorter"]),
    ("E009", "吴敏", ["bookkeeper"]),
    ("E010", "郑华", ["supervisor"]),
]
ESCORTS = [
    ("X001", "黄海", "360702198803151234"),
    ("X002", "林涛", "360702199107227654"),
]
ESCORT_COMPANY = "赣州市金盾押运有限公司"
SIGNERS_WITH_KEYS = ("E001", "E002", "E010")
EXAMPLES = examples_dir() / "answers"
ACCOUNT_LIST = examples_dir() / "accounts" / "demo_accounts.csv"

WEEKS = 26  # about half a year of weekly vault checks
# weeks ago (1 = last week); the history's events lie beyond the three weeks the tests' demo holds
REGISTERS_NOT_KEPT = (1, 3, 11, 12)  # the same problem again: repeat findings
SHORT_WEEK = 2  # a teller's box ¥50 short
UNCOVERED_WEEK = 6  # a teller left out of the week's check
MISSED_WEEK = 7  # no vault check that week
PAPER_CHECKS = "系统上线前该期检查以纸质记录进行，纸质记录已存档备查"
ABSENT_WEEK = 9  # a teller on leave all week: left out of the check, and not "uncovered"
ABSENT_TELLER = "E005"
# Key posts and their dates (seed 000: 管库、加钞人员三年轮岗, routes changed monthly or quarterly):
# the vault keeper has held the post for over three years, one loader's route is overdue a change.
POSTS = (
    ("E003", "vault_keeper", 4 * 365 + 30, ""),
    ("E006", "atm_loader", 200, "R01"),
    ("E007", "atm_loader", 40, "R02"),
)
CLOSED_LATE_WEEK = 12  # its registers finding is rectified and closed after its due date


@dataclass
class DemoResult:
    created: bool
    records: int


def _vault_answers(
    rng: random.Random, tellers: list[str], *, teller_short: str | None, registers_ok: bool
) -> dict[str, Any]:
    rows = {
        "n100": {
            "bundles": rng.randint(1, 3),
            "straps": rng.randint(0, 9),
            "loose": rng.randint(0, 99),
        },
        "n50": {"bundles": 0, "straps": rng.randint(1, 9), "loose": rng.randint(0, 99)},
        "n20": {"bundles": 0, "straps": rng.randint(1, 5), "loose": rng.randint(0, 99)},
        "n10": {"bundles": 0, "straps": rng.randint(1, 5), "loose": rng.randint(0, 99)},
        "n5": {"bundles": 0, "straps": rng.randint(0, 3), "loose": rng.randint(0, 99)},
        "n1": {"bundles": 0, "straps": rng.randint(0, 3), "loose": rng.randint(0, 99)},
        "c1": {"bundles": 0, "straps": rng.randint(0, 5), "loose": rng.randint(0, 99)},
    }
    faces = {"n100": 10000, "n50": 5000, "n20": 2000, "n10": 1000, "n5": 500, "n1": 100, "c1": 100}
    for k, r in rows.items():  # the vault book's figure of each denomination (券别明细)
        r["book_fen"] = (r["bundles"] * 1000 + r["straps"] * 100 + r["loose"]) * faces[k]
    total = sum(r["book_fen"] for r in rows.values())
    boxes = []
    for no in tellers:
        system = rng.randint(20_000, 150_000) * 100
        counted = system - 5000 if no == teller_short else system
        boxes.append(
            {"teller": no, "system_fen": system, "counted_fen": counted, "vouchers_ok": True}
        )
    yes = [
        "no_iou",
        "within_limit",
        "damaged_counterfeit",
        "daily_settlement",
        "midday_leave",
        "no_cross_branch",
        "error_account",
        "sealed_boxes",
        "keys_codes",
        "dual_custody",
        "under_camera",
        "in_person",
        "counted_in_person",
    ]
    answers: dict[str, Any] = {k: "yes" for k in yes}
    answers["registers"] = "yes" if registers_ok else "no"
    answers["cash_count"] = {"rows": rows, "book_fen": total}
    answers["teller_boxes"] = {"rows": boxes}
    return answers


def _check_day(monday: date) -> date:
    from branchcheck.holidays import HolidayCalendar

    cal = HolidayCalendar()
    day = monday + timedelta(days=3)  # Thursday, or the nearest working day before it
    while not cal.is_workday(day) and day > monday:
        day -= timedelta(days=1)
    return day


def _signatures(
    store: Store, data: dict[str, Any], checklist: str, inspector: str
) -> dict[str, Any]:
    from branchcheck.engine.validate import load_all
    from branchcheck.records import handwriting

    template = load_all()[checklist].template
    numbers = [inspector]
    for slot in template.people:
        if slot.signs:
            nos = data["people"].get(slot.key, [])
            numbers += [nos] if isinstance(nos, str) else list(nos)
    with store.session() as s:
        names = {
            no: s.scalars(select(Staff.name).where(Staff.employee_no == no)).one() for no in numbers
        }
    return {no: handwriting.demo_strokes(f"{names[no]}{no}") for no in numbers}


def _entry_clock(start: datetime, seed: str) -> Callable[[], datetime]:
    """The real times of one inspection's steps as they would be on site: from `start`, each step
    (start, each answer, completing, each signature, the seal) 20 to 90 seconds after the last."""
    rng = random.Random(seed)
    at = [clock.local(start)]

    def tick() -> datetime:
        now = at[0]
        at[0] = now + timedelta(seconds=rng.randint(20, 90))
        return now

    return tick


def _run(
    store: Store,
    checklist: str,
    data: dict[str, Any],
    inspector: str,
    *,
    entered: datetime | None = None,
) -> str:
    """Run an answers file as the demo's history: entered at `entered`, else on site at its date."""
    data = dict(data)
    data["signatures"] = _signatures(store, data, checklist, inspector)
    if entered is None:
        entered = datetime.fromisoformat(data.pop("date"))
    summary = inspections.run_answers_file(
        store,
        checklist,
        data,
        inspector=inspector,
        sign_and_seal=True,
        key_password=DEMO_PASSWORD,
        signer_passwords=dict.fromkeys(data["signatures"], DEMO_PASSWORD),
        source=f"demo {checklist}",
        entry_clock=_entry_clock(entered, f"{checklist}{entered.isoformat()}"),
    )
    return summary.record_id


def setup_demo(
    store: Store, *, weeks: int = WEEKS, if_empty: bool = False, today: date | None = None
) -> DemoResult:
    with store.session() as s:
        has_data = (s.scalar(select(func.count()).select_from(Staff)) or 0) > 0
    if has_data:
        if if_empty:
            return DemoResult(False, 0)
        from branchcheck.errors import StateError

        raise StateError(
            f"the store {store.path} already has data; the demo needs an empty store",
            hint="use another --home, or --if-empty to skip",
        )
    staff.add_branch(store, **BRANCH)
    for no, name, roles in STAFF:
        staff.add_staff(store, employee_no=no, name=name, roles=roles, password=DEMO_PASSWORD)
    for no, name, id_number in ESCORTS:
        staff.add_staff(
            store,
            employee_no=no,
            name=name,
            roles=["escort"],
            password=DEMO_PASSWORD,  # to confirm their signatures with, not to sign in
            external=True,
            organisation=ESCORT_COMPANY,
            id_number=id_number,
        )
    today = today or clock.now().date()
    # the demo's history is sealed in the past: its certificates must already be valid then
    issued = datetime.combine(today - timedelta(weeks=weeks + 2), time(0, 0), tzinfo=UTC)
    keys.create_branch_ca(store, ca_password=DEMO_CA_PASSWORD, demo=True, not_before=issued)
    for no in SIGNERS_WITH_KEYS:
        keys.issue_credential(
            store,
            employee_no=no,
            password=DEMO_PASSWORD,
            ca_password=DEMO_CA_PASSWORD,
            demo=True,
            not_before=issued,
        )
    this_monday = today - timedelta(days=today.weekday())
    rng = random.Random(20261122)
    tellers = [no for no, _, roles in STAFF if "teller" in roles]
    count = 0
    for w in range(weeks, 0, -1):
        if w == MISSED_WEEK:
            continue
        day = _check_day(this_monday - timedelta(weeks=w))
        covered = tellers[:-1] if w == UNCOVERED_WEEK else tellers
        if w == ABSENT_WEEK:
            monday = this_monday - timedelta(weeks=w)
            record_absence(
                store,
                employee_no=ABSENT_TELLER,
                first_day=monday,
                last_day=monday + timedelta(days=6),
                kind="leave",
                reason="年休假 / annual leave",
                actor="E001",
            )
            covered = [t for t in tellers if t != ABSENT_TELLER]
        answers = _vault_answers(
            rng,
            covered,
            teller_short="E005" if w == SHORT_WEEK else None,
            registers_ok=w not in REGISTERS_NOT_KEPT,
        )
        data = {
            "date": datetime.combine(day, time(16, 30)).isoformat(),
            "people": {"vault_keeper": ["E003"], "tellers": covered, "co_inspector": ["E010"]},
            "answers": answers,
        }
        if w == 1:
            count += _deputy_and_late_checks(
                store, rng, tellers, monday=this_monday - timedelta(weeks=1)
            )
        record = _run(store, "vault_check", data, "E001")
        count += 1
        if w == CLOSED_LATE_WEEK:
            _close_late(store, record, "registers")
    last_week = this_monday - timedelta(weeks=1)
    reviewed = _account_review(store, datetime.combine(last_week, time(8, 30)))
    count += 1
    # one signed example of every other checklist that ships an example answers file
    for offset, path in enumerate(sorted(EXAMPLES.glob("*.json"))):
        if path.stem == "vault_check":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        data["date"] = datetime.combine(
            last_week + timedelta(days=offset % 5), time(9, 30)
        ).isoformat()
        data.pop("signatures", None)
        data.pop("late_reason", None)  # the demo enters it on site, on the day
        if path.stem == "account_management":  # the accounts checked are the reviewed list's
            data["answers"]["accounts_checked"] = reviewed
        inspector = data.pop("inspector", "E001")
        _run(store, path.stem, data, inspector)
        count += 1
        if path.stem == "blank_vouchers":
            _run(store, path.stem, _voucher_follow_up(data), inspector)
            count += 1
    for no, role, days_ago, route in POSTS:
        record_post(
            store,
            employee_no=no,
            role=role,
            from_date=today - timedelta(days=days_ago),
            route=route,
            actor="E001",
        )
    # The demo keeps its voucher and account checks only for the last week: the months before,
    # the branch did them on paper, and the branch head says so for each periodic check missed.
    for ob in schedule.obligations(store, today - timedelta(weeks=weeks + 1), today, as_of=today):
        if ob.reason == "periodic" and ob.status == "missed":
            schedule.explain(store, ob.key, reason=PAPER_CHECKS, actor="E001")
    # windows that closed become their findings now, as the desk and `due` would make them
    schedule.sweep(store, today)
    rotation.sweep(store, today)
    return DemoResult(True, count)


def _close_late(store: Store, record_id: str, item_key: str) -> None:
    """Carry the record's finding on `item_key` through the whole loop, its result recorded three
    days after the due date: a late closure, and it stays late. The re-checker, a supervisor, takes
    the re-check; the branch head closes."""
    from branchcheck import findings

    found = next(
        f
        for f in findings.list_findings(store)
        if f.record_id == record_id and f.item_key == item_key
    )
    due = date.fromisoformat(found.due_date)
    responsible = found.responsible.employee_no if found.responsible else "E001"

    def at(day: date) -> datetime:
        return clock.local(datetime.combine(day, time(10, 0)))

    made = clock.parse_iso(found.created_at).date()
    findings.start_rectification(
        store,
        found.id,
        action="管库员每日登记出入库登记簿，网点负责人每周核对签字",
        actor=responsible,
        now=at(made + timedelta(days=1)),
    )
    late = due + timedelta(days=3)
    findings.record_result(
        store,
        found.id,
        result="登记簿已补登完整，负责人已核对签字",
        actor=responsible,
        now=at(late),
    )
    checked = late + timedelta(days=1)
    findings.verify(
        store, found.id, rechecker="E010", recheck_date=checked, actor="E010", now=at(checked)
    )
    findings.close(store, found.id, actor="E001", now=at(checked + timedelta(days=1)))


def _voucher_follow_up(first: dict[str, Any]) -> dict[str, Any]:
    """The next day's voucher check after the example's: no opening ranges given, so each type
    opens with what the first (sealed) check left on hand — the carry-forward; a cheque book sold,
    the skipped transfer cheque voided, the damaged passbook dealt with."""
    day = datetime.fromisoformat(first["date"]) + timedelta(days=1)
    rows = {
        "cash_cheque": {
            "sold": ["00412327-00412351"],
            "on_hand": ["00412352-00412400"],
            "physical": 49,
        },
        "transfer_cheque": {
            "used": ["10285641-10285645"],
            "voided": ["10285631"],
            "on_hand": ["10285646-10285700"],
            "physical": 55,
        },
        "passbook": {
            "used": ["0061200040-0061200052"],
            "on_hand": ["0061200053-0061200200"],
            "physical": 148,
        },
        "deposit_certificate": {
            "used": ["0008800013-0008800015"],
            "on_hand": ["0008800016-0008800050"],
            "physical": 35,
        },
    }
    answers = first["answers"] | {"vouchers": {"rows": rows}, "voided_handled": "yes"}
    answers["remarks"] = (
        "期初沿用上次检查结存；售出现金支票一本（25份）；转账支票10285631作废，已剪角登记。"
    )
    return {"date": day.isoformat(), "people": first["people"], "answers": answers}


def _deputy_and_late_checks(
    store: Store, rng: random.Random, tellers: list[str], *, monday: date
) -> int:
    """Last week's branch head was on leave Tuesday and Wednesday: 陈静 checked the vault on
    Tuesday under his written authorisation; his own Monday check, kept on paper, is entered on
    Thursday morning as a late entry (补录). Returns the number of records made."""
    tuesday, thursday = monday + timedelta(days=1), monday + timedelta(days=3)
    deputy = {
        "people": {"vault_keeper": ["E003"], "tellers": tellers[:2], "co_inspector": ["E010"]},
        "answers": _vault_answers(rng, tellers[:2], teller_short=None, registers_ok=True),
        "authorisation": {
            "by": "E001",
            "reason": "休假",
            "reference": f"授权书{tuesday.year}-031",
            "valid_from": tuesday.isoformat(),
            "valid_to": (tuesday + timedelta(days=1)).isoformat(),
        },
    }
    _run(store, "vault_check", deputy, "E002", entered=datetime.combine(tuesday, time(15, 10)))
    late = {
        "date": datetime.combine(monday, time(10, 0)).isoformat(),
        "late_reason": "网点负责人周一查库后休假，纸质查库登记簿于返岗后补录",
        "people": {"vault_keeper": ["E003"], "tellers": tellers[2:]},
        "answers": _vault_answers(rng, tellers[2:], teller_short=None, registers_ok=True),
    }
    _run(store, "vault_check", late, "E001", entered=datetime.combine(thursday, time(8, 45)))
    return 2


def _account_review(store: Store, when: datetime) -> int:
    """Review the example account list: every flag decided, one account to be rectified.
    Returns the number of accounts the review classified."""
    from branchcheck.accounts import record as account_review
    from branchcheck.records import handwriting

    tick = _entry_clock(when, "account_review")
    iid, rv = account_review.start_review(
        store, ACCOUNT_LIST, as_of=when.date(), inspector="E001", checker="E010", now=tick()
    )
    explain = {"SHARED_PHONE", "SHARED_ADDRESS", "SAME_LEGAL_REP", "SPECIAL_ACTIVE"}
    due = (when.date() + timedelta(days=7)).isoformat()
    for n, (account, flags) in enumerate(rv.flagged_accounts()):
        codes = {f.code for f in flags}
        if codes <= explain:
            account_review.decide(
                store,
                iid,
                account.account_no,
                decision="explained",
                reason="已电话核实客户身份，关联企业共用，情况属实",
                actor="E001",
            )
        elif n == 0:
            account_review.decide(
                store,
                iid,
                account.account_no,
                decision="rectify",
                reason="已通知客户更新证明文件",
                due_date=due,
                actor="E001",
            )
        else:
            account_review.decide(store, iid, account.account_no, decision="applied", actor="E001")
    inspections.answer(store, iid, "identity_calls", "yes", now=tick())
    inspections.complete(store, iid, now=tick())
    for party in inspections.load(store, iid).parties:
        strokes = handwriting.demo_strokes(f"{party.person.name}{party.person.employee_no}")
        inspections.sign(
            store,
            iid,
            party=party.party,
            employee_no=party.person.employee_no,
            strokes=strokes,
            password=DEMO_PASSWORD,
            now=tick(),
        )
    inspections.seal(store, iid, key_password=DEMO_PASSWORD, now=tick())
    return len(rv.accounts)


def export_and_verify(store: Store, out: Path):
    """Export the newest sealed record of each checklist and verify the files (headless demo)."""
    from branchcheck.records import verify_files

    newest: dict[str, str] = {}
    with store.session() as s:
        for insp in s.scalars(
            select(Inspection).where(Inspection.status == "sealed").order_by(Inspection.local_date)
        ):
            newest[insp.template.key] = insp.id
    paths: list[Path] = []
    for rid in newest.values():
        paths += inspections.export(store, rid, out)
    results = verify_files([str(p) for p in paths], keys.trust_roots(store))
    return paths, results
