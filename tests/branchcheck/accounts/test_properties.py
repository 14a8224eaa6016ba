"""Properties of classify over random account lists."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from branchcheck.accounts import Account, classify
from branchcheck.accounts.columns import HOST_STATES, LICENSE_STATES, PBOC_STATES, SPECIAL_KINDS

D = date(2026, 11, 22)
PHONES = ["", "13800000001", "13800000002", "13800000003"]
ADDRESSES = ["", "某路1号", "某路2号"]
REPS = ["", "张三", "李四"]
CUSTOMERS = ["C1", "C2", "C3", "C4", "C5"]

dates = st.dates(min_value=D - timedelta(days=800), max_value=D + timedelta(days=30))


@st.composite
def accounts(draw) -> list[Account]:
    n = draw(st.integers(min_value=0, max_value=25))
    result = []
    for i in range(n):
        result.append(
            Account(
                row=i + 2,
                account_no=f"A{i:04d}",
                account_name=f"公司{i}",
                customer_id=draw(st.sampled_from(CUSTOMERS)),
                account_kind=None,
                opened_on=draw(dates),
                last_activity_on=draw(st.none() | dates),
                balance_fen=None,
                owes_bank=draw(st.booleans()),
                documents_valid_until=draw(st.none() | dates),
                license_status=draw(st.sampled_from(LICENSE_STATES)),
                pboc_status=draw(st.sampled_from(PBOC_STATES)),
                host_status=draw(st.sampled_from(HOST_STATES)),
                special_dormant=draw(st.none() | st.sampled_from(SPECIAL_KINDS)),
                phone=draw(st.sampled_from(PHONES)),
                address=draw(st.sampled_from(ADDRESSES)),
                legal_rep=draw(st.sampled_from(REPS)),
            )
        )
    return result


def codes(accts: list[Account]) -> dict[str, list[str]]:
    return {no: [f.code for f in flags] for no, flags in classify(accts, D).items()}


@settings(max_examples=150, deadline=None)
@given(accounts(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(accts, rnd):
    shuffled = list(accts)
    rnd.shuffle(shuffled)
    assert codes(shuffled) == codes(accts)


@settings(max_examples=150, deadline=None)
@given(accounts(), st.permutations(CUSTOMERS))
def test_renaming_customers_consistently_changes_nothing(accts, names):
    rename = dict(zip(CUSTOMERS, [f"X-{n}" for n in names], strict=True))
    renamed = [_with(a, customer_id=rename[a.customer_id]) for a in accts]
    assert codes(renamed) == codes(accts)


@settings(max_examples=150, deadline=None)
@given(accounts())
def test_one_customer_sharing_never_flags(accts):
    same = [_with(a, customer_id="ONLY") for a in accts]
    for flags in codes(same).values():
        assert not {"SHARED_PHONE", "SHARED_ADDRESS", "SAME_LEGAL_REP"} & set(flags)


@settings(max_examples=200, deadline=None)
@given(accounts())
def test_shared_phone_iff_two_customers(accts):
    got = codes(accts)
    for a in accts:
        customers = {b.customer_id for b in accts if a.phone and b.phone == a.phone}
        assert ("SHARED_PHONE" in got.get(a.account_no, [])) == (len(customers) >= 2)


@settings(max_examples=100, deadline=None)
@given(accounts())
def test_flag_order_is_fixed(accts):
    from branchcheck.accounts import FLAG_CODES

    for flags in codes(accts).values():
        assert flags == sorted(flags, key=FLAG_CODES.index)
        assert len(flags) == len(set(flags))


def _with(a: Account, **changes) -> Account:
    values = {name: getattr(a, name) for name in Account.__slots__}
    values.update(changes)
    return Account(**values)
