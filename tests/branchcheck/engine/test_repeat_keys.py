"""Repeat keys (屡查屡犯, domain.md §6): a finding's problem_key names what failed — the terminal and
its cassette, the teller, the voucher kind, the box, the account — and nothing that changes from
one inspection to the next (the date, the ISO week, a row's position)."""

from datetime import date

from branchcheck.engine import ITEM_TYPES
from branchcheck.engine.evaluate import evaluate

from .conftest import make_ctx, template

ATM = template("atm_replenishment")
ATM_PEOPLE = {
    "loader_a": ["E006"],
    "loader_b": ["E007"],
    "sorter": ["E008"],
    "bookkeeper": ["E009"],
    "key_holder": ["E006"],
    "code_holder": ["E007"],
}
VAULT_PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004"]}
TELLERS = {"E004": "张伟", "E005": "刘芳", "E006": "赵磊"}


def cassettes(short_on: str) -> dict:
    """Two ¥100 cassettes; the one named is one note short."""
    rows = [
        {
            "cassette": name,
            "denomination": "n100",
            "last_load": 2000,
            "dispensed": 500,
            "remaining": 1499 if name == short_on else 1500,
        }
        for name in ("1", "2")
    ]
    return {"cassettes": rows, "host_fen": 3000 * 10000 - 10000}


def atm_keys(raw: dict, *, day=date(2026, 11, 20)) -> list[str]:
    ctx = make_ctx("atm_replenishment", ATM_PEOPLE, inspector="E010", day=day)
    values = {
        key: ITEM_TYPES[ATM.item(key).type].parse(ATM.item(key), v, ctx) for key, v in raw.items()
    }
    ctx.answers = values
    return [f.problem_key for f in evaluate(ATM, values, ctx).findings]


def test_the_same_cassette_of_another_terminal_is_another_problem():
    here = atm_keys({"terminal_id": "36070199Z777", "cassettes": cassettes("2")})
    there = atm_keys({"terminal_id": "36070101A003", "cassettes": cassettes("2")})
    assert len(here) == len(there) == 1
    assert "36070199Z777" in here[0] and "2" in here[0]
    assert set(here).isdisjoint(there)


def test_the_same_cassette_of_the_same_terminal_is_the_same_problem_a_week_later():
    answers = {"terminal_id": "36070199Z777", "cassettes": cassettes("2")}
    assert atm_keys(answers) == atm_keys(answers, day=date(2026, 11, 27))
    assert atm_keys(answers) != atm_keys(answers | {"cassettes": cassettes("1")})


def test_host_slip_and_load_differences_name_the_terminal():
    raw = {"cassettes": [], "host_fen": 10000, "slip_fen": 20000, "load_book_fen": 30000}
    here = atm_keys({"terminal_id": "36070199Z777", "cassettes": raw})
    there = atm_keys({"terminal_id": "36070101A003", "cassettes": raw})
    assert len(here) == 3 and all("36070199Z777" in k for k in here)
    assert set(here).isdisjoint(there)


def test_an_overdue_difference_names_its_terminal():
    rows = {"rows": [{"booked_on": "2026-11-01", "amount_fen": -10000, "note": ""}]}
    here = atm_keys({"terminal_id": "36070199Z777", "open_differences": rows})
    there = atm_keys({"terminal_id": "36070101A003", "open_differences": rows})
    later = atm_keys(
        {"terminal_id": "36070199Z777", "open_differences": rows}, day=date(2026, 11, 27)
    )
    assert len(here) == 1 and "36070199Z777" in here[0]
    assert set(here).isdisjoint(there)
    assert here == later


def vault_keys(day: date, people=VAULT_PEOPLE, facts=None) -> list[str]:
    vault = template("vault_check")
    ctx = make_ctx("vault_check", people, day=day, facts=facts or {"by_role": {"teller": TELLERS}})
    return [f.problem_key for f in evaluate(vault, {}, ctx).findings]


def test_a_teller_uncovered_in_consecutive_weeks_is_the_same_problem():
    week1 = vault_keys(date(2026, 11, 20))  # Friday: E005 and E006 not covered
    week2 = vault_keys(date(2026, 11, 27))  # the next Friday: the same two
    assert len(week1) == 2  # one finding per teller not covered
    assert week1 == week2
    assert any("E005" in k for k in week1) and any("E006" in k for k in week1)
    assert not any("W47" in k or "2026" in k for k in week1)


def test_one_teller_uncovered_again_among_others_is_still_that_teller():
    week1 = vault_keys(date(2026, 11, 20))  # E005, E006 missing
    week2 = vault_keys(
        date(2026, 11, 27), {"vault_keeper": ["E003"], "tellers": ["E004", "E006"]}
    )  # only E005 missing
    [e005] = week2
    assert "E005" in e005 and e005 in week1


def test_a_missed_pre_holiday_check_is_the_same_problem_at_the_next_holiday():
    everyone = {"vault_keeper": ["E003"], "tellers": list(TELLERS)}
    facts = {"by_role": {"teller": TELLERS}}
    after_labour_day = vault_keys(date(2026, 5, 6), everyone, facts)  # due 2026-04-30, missed
    after_dragon_boat = vault_keys(date(2026, 6, 22), everyone, facts)  # due 2026-06-18, missed
    assert len(after_labour_day) == 1
    assert after_labour_day == after_dragon_boat
