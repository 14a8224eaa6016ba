"""Repeat findings (屡查屡犯, domain.md §6) through the store: the same problem — the same terminal's
cassette, the same teller not covered — in an earlier sealed record of the branch is a repeat; the
same cassette of another terminal is not, and neither is an unsealed draft, a record dated after
this one, or a sealed record whose correction no longer has the problem."""

import json
import shutil
from datetime import UTC, datetime, timedelta

import pytest

from branchcheck import clock, inspections
from branchcheck.db import open_store
from branchcheck.engine.validate import load_all
from branchcheck.paths import examples_dir
from branchcheck.people import register as staff
from branchcheck.records import handwriting, keys

from ...conftest import PASSWORD, PEOPLE

CA_PASSWORD = "test-ca-1234"
ATM_EXAMPLE = json.loads(
    (examples_dir() / "answers" / "atm_replenishment.json").read_text(encoding="utf-8")
)
HERE, THERE = "36070199Z777", "36070101A003"


@pytest.fixture(scope="module")
def keyed_db(tmp_path_factory):
    """The staff register of tests/conftest.py with signing keys for E001 and E010."""
    path = tmp_path_factory.mktemp("repeat") / "branchcheck.sqlite3"
    st = open_store(path)
    staff.add_branch(st, code="GZ0101", name="赣州分行营业部", name_en="Ganzhou Branch")
    for no, name, roles in PEOPLE:
        staff.add_staff(st, employee_no=no, name=name, roles=roles, password=PASSWORD)
    issued = datetime(2026, 1, 1, tzinfo=UTC)
    keys.create_branch_ca(st, ca_password=CA_PASSWORD, demo=True, not_before=issued)
    for no in ("E001", "E010"):
        keys.issue_credential(
            st,
            employee_no=no,
            password=PASSWORD,
            ca_password=CA_PASSWORD,
            demo=True,
            not_before=issued,
        )
    st.dispose()
    return path


@pytest.fixture
def store(keyed_db, home):
    for suffix in ("", "-wal", "-shm"):
        src = keyed_db.with_name(keyed_db.name + suffix)
        if src.exists():
            shutil.copy(src, home / ("branchcheck.sqlite3" + suffix))
    st = open_store(home / "branchcheck.sqlite3")
    yield st
    st.dispose()


def seal(store, iid, when=None):
    for party in inspections.load(store, iid).parties:
        inspections.sign(
            store,
            iid,
            party=party.party,
            employee_no=party.person.employee_no,
            strokes=handwriting.demo_strokes(party.person.employee_no),
            password=PASSWORD,
            now=when,
        )
    inspections.seal(store, iid, key_password=PASSWORD, now=when)


def atm(store, terminal, *, sealed, cassette_4_short=True, when=None):
    """The example ATM job (cassette 4 one ¥50 note short) on `terminal`, completed; sealed if asked."""
    data = json.loads(json.dumps(ATM_EXAMPLE))
    data.pop("date")
    data["answers"]["terminal_id"] = terminal
    if not cassette_4_short:
        data["answers"]["cassettes"] = balanced_cassettes()
    iid = inspections.start(
        store, checklist="atm_replenishment", inspector="E010", people=data["people"], now=when
    )
    for key, raw in data["answers"].items():
        inspections.answer(store, iid, key, raw, actor="E010", now=when)
    inspections.complete(store, iid, now=when)
    if sealed:
        seal(store, iid, when)
    return iid


def balanced_cassettes():
    raw = json.loads(json.dumps(ATM_EXAMPLE["answers"]["cassettes"]))
    raw["cassettes"][3]["remaining"] += 1  # the missing ¥50 note found
    return raw


def cassette_findings(store, iid):
    return [f for f in inspections.findings(store, iid) if f.item_key == "cassettes"]


def test_the_same_cassette_of_another_terminal_is_no_repeat(store):
    first = atm(store, HERE, sealed=True)
    [f] = cassette_findings(store, first)
    assert "钞箱 4" in f.title["zh"] and f.repeat is False
    other = atm(store, THERE, sealed=True)
    [f] = cassette_findings(store, other)
    assert f.repeat is False  # cassette 4 of another terminal: another problem
    again = atm(store, HERE, sealed=False)
    [f] = cassette_findings(store, again)
    assert f.repeat is True  # cassette 4 of the same terminal, sealed before: 屡查屡犯


def test_an_unsealed_draft_is_no_earlier_occurrence(store):
    draft = atm(store, HERE, sealed=False)
    later = atm(store, HERE, sealed=False)
    [f] = cassette_findings(store, later)
    assert f.repeat is False
    seal(store, draft)
    latest = atm(store, HERE, sealed=False)
    [f] = cassette_findings(store, latest)
    assert f.repeat is True


def test_a_discarded_draft_is_no_earlier_occurrence(store):
    draft = atm(store, HERE, sealed=False)
    inspections.discard(store, draft, actor="E010")
    [f] = cassette_findings(store, atm(store, HERE, sealed=False))
    assert f.repeat is False


def test_a_record_dated_after_this_one_is_no_earlier_occurrence(store):
    now = clock.now()
    atm(store, HERE, sealed=True, when=now)
    entered_before = atm(store, HERE, sealed=False, when=now - timedelta(days=1))
    [f] = cassette_findings(store, entered_before)
    assert f.repeat is False


def test_a_record_corrected_to_no_problem_is_no_earlier_occurrence(store):
    wrong = atm(store, HERE, sealed=True)
    fixed = inspections.correct(store, wrong, actor="E010")
    inspections.answer(store, fixed, "cassettes", balanced_cassettes(), actor="E010")
    inspections.complete(store, fixed)
    assert cassette_findings(store, fixed) == []
    seal(store, fixed)
    [f] = cassette_findings(store, atm(store, HERE, sealed=False))
    assert f.repeat is False


def vault_week(store, friday, tellers):
    """A vault check on a Friday (the week's last working day) covering only `tellers`."""
    when = datetime.combine(friday, datetime.min.time()).replace(hour=16)
    template = load_all()["vault_check"].template
    iid = inspections.start(
        store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": list(tellers)},
        now=when,
    )
    for item in template.items():
        if item.type == "yes_no":
            inspections.answer(store, iid, item.key, "yes", now=when)
    inspections.answer(
        store,
        iid,
        "cash_count",
        {"rows": {"n100": {"bundles": 1, "straps": 0, "loose": 0}}, "book_fen": 100000 * 100},
        now=when,
    )
    rows = [{"teller": t, "system_fen": 500000, "counted_fen": 500000} for t in tellers]
    inspections.answer(store, iid, "teller_boxes", {"rows": rows}, now=when)
    inspections.complete(store, iid, now=when)
    return iid, when


def coverage_findings(store, iid):
    return [f for f in inspections.findings(store, iid) if f.item_key == "weekly_coverage"]


def test_a_teller_uncovered_in_consecutive_weeks_is_a_repeat(store):
    week1, when = vault_week(store, datetime(2026, 11, 20).date(), ["E004", "E005"])
    [missed] = coverage_findings(store, week1)
    assert "赵磊" in missed.title["zh"] and missed.repeat is False
    seal(store, week1, when)
    week2, _ = vault_week(store, datetime(2026, 11, 27).date(), ["E004", "E005"])
    [again] = coverage_findings(store, week2)
    assert "赵磊" in again.title["zh"] and again.repeat is True
