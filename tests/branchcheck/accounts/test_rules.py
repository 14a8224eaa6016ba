"""Each rule at its boundaries, with accounts built directly (no file)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from branchcheck.accounts import FLAG_CODES, RULES, ReviewSettings, classify, years_before

D = date(2026, 11, 22)
CUTOFF = date(2025, 11, 22)
# the PBOC state that agrees with a host state (no mismatch flag)
AGREEING_PBOC = {"久悬": "久悬", "已销户": "已撤销"}
DEFAULTS = ReviewSettings(docs_grace_days=0)  # the boundary tests: flag the next day


def codes(accounts, as_of=D, settings=DEFAULTS):
    return {
        no: [f.code for f in flags] for no, flags in classify(accounts, as_of, settings).items()
    }


def only(account, as_of=D, settings=DEFAULTS) -> list[str]:
    return codes([account], as_of, settings).get(account.account_no, [])


def test_a_normal_account_has_no_flag(acct):
    assert only(acct()) == []


def test_every_rule_has_texts_and_a_source():
    for code in FLAG_CODES:
        rule = RULES[code]
        assert rule.label_zh and rule.label_en and rule.control_zh and rule.control_en
        assert "000_1561e782874b01c0.txt" in rule.source


# ---------------------------------------------------------------- DOCS_EXPIRED


def test_documents_valid_through_the_as_of_date_are_not_expired(acct):
    assert only(acct(documents_valid_until=D)) == []


def test_documents_expired_the_day_before(acct):
    flags = classify([acct(documents_valid_until=D - timedelta(days=1))], D, DEFAULTS)
    (flag,) = next(iter(flags.values()))
    assert flag.code == "DOCS_EXPIRED"
    assert "不收不付" in flag.control_zh
    assert "银发〔2019〕41号" in flag.source
    assert "2026-11-21" in flag.detail


@pytest.mark.parametrize("host", ["不收不付", "已销户"])
def test_expired_documents_already_controlled(acct, host):
    pboc = AGREEING_PBOC.get(host, "正常")
    a = acct(documents_valid_until=date(2020, 1, 1), host_status=host, pboc_status=pboc)
    assert only(a) == []


@pytest.mark.parametrize("host", ["正常", "只收不付", "久悬"])
def test_expired_documents_not_yet_blocked(acct, host):
    pboc = AGREEING_PBOC.get(host, "正常")
    a = acct(documents_valid_until=date(2020, 1, 1), host_status=host, pboc_status=pboc)
    assert only(a) == ["DOCS_EXPIRED"]


def test_no_expiry(acct):
    assert only(acct(documents_valid_until=None)) == []


def test_grace_days(acct):
    grace = ReviewSettings(docs_grace_days=30)
    assert only(acct(documents_valid_until=D - timedelta(days=30)), settings=grace) == []
    assert only(acct(documents_valid_until=D - timedelta(days=31)), settings=grace) == [
        "DOCS_EXPIRED"
    ]


# ---------------------------------------------------------------- DORMANT


def test_idle_exactly_one_year_is_dormant(acct):
    assert only(acct(last_activity_on=CUTOFF)) == ["DORMANT"]


def test_idle_one_day_short_of_a_year_is_not(acct):
    assert only(acct(last_activity_on=CUTOFF + timedelta(days=1))) == []


def test_never_active_counts_from_the_opening_date(acct):
    assert only(acct(last_activity_on=None, opened_on=CUTOFF)) == ["DORMANT"]
    assert only(acct(last_activity_on=None, opened_on=CUTOFF + timedelta(days=1))) == []
    flag = classify([acct(last_activity_on=None, opened_on=CUTOFF)], D)
    assert "从未动户" in next(iter(flag.values()))[0].detail


def test_29_february_as_of_date():
    assert years_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert years_before(date(2026, 11, 22)) == date(2025, 11, 22)


def test_29_february_as_of(acct):
    as_of = date(2028, 2, 29)
    assert only(acct(last_activity_on=date(2027, 2, 28)), as_of) == ["DORMANT"]
    assert only(acct(last_activity_on=date(2027, 3, 1)), as_of) == []


def test_29_february_last_activity(acct):
    a = acct(last_activity_on=date(2024, 2, 29), opened_on=date(2020, 1, 1))
    assert only(a, date(2025, 2, 28)) == []  # cutoff 2024-02-28: active one day later
    assert only(a, date(2025, 3, 1)) == ["DORMANT"]  # cutoff 2024-03-01


def test_owing_the_bank_is_not_dormant(acct):
    assert only(acct(last_activity_on=CUTOFF, owes_bank=True)) == []


def test_special_accounts_are_not_plain_dormant(acct):
    assert "DORMANT" not in only(acct(last_activity_on=CUTOFF, special_dormant="贷款专户"))


@pytest.mark.parametrize(
    ("host", "pboc", "flagged"),
    [
        ("久悬", "久悬", False),
        ("已销户", "已撤销", False),
        ("久悬", "已撤销", False),
        ("久悬", "正常", True),  # dormant in the host only
        ("正常", "久悬", True),  # dormant in the PBOC system only
        ("只收不付", "久悬", True),
    ],
)
def test_dormant_needs_both_systems(acct, host, pboc, flagged):
    assert (
        "DORMANT" in only(acct(last_activity_on=CUTOFF, host_status=host, pboc_status=pboc))
    ) is flagged


def test_dormant_years_setting(acct):
    two = ReviewSettings(dormant_years=2)
    assert only(acct(last_activity_on=CUTOFF), settings=two) == []
    assert only(acct(last_activity_on=date(2024, 11, 22)), settings=two) == ["DORMANT"]


# ---------------------------------------------------------------- special idle accounts


def test_special_idle_not_dormant_in_pboc(acct):
    a = acct(last_activity_on=CUTOFF, special_dormant="证券保证金账户")
    assert only(a) == ["SPECIAL_DORMANT_PBOC"]
    assert (
        only(acct(last_activity_on=CUTOFF, special_dormant="证券保证金账户", pboc_status="久悬"))
        == []
    )


def test_special_one_day_short_is_active(acct):
    a = acct(last_activity_on=CUTOFF + timedelta(days=1), special_dormant="武警军队账户")
    assert only(a) == ["SPECIAL_ACTIVE"]


def test_special_active_with_expired_documents_is_docs_expired_only(acct):
    a = acct(
        last_activity_on=D,
        special_dormant="其他特殊用途",
        documents_valid_until=D - timedelta(days=1),
    )
    assert only(a) == ["DOCS_EXPIRED"]


def test_special_active_documents_valid_through_today(acct):
    a = acct(last_activity_on=D, special_dormant="其他特殊用途", documents_valid_until=D)
    assert only(a) == ["SPECIAL_ACTIVE"]


def test_special_never_active_and_new_is_neither(acct):
    a = acct(last_activity_on=None, opened_on=D - timedelta(days=10), special_dormant="贷款专户")
    assert only(a) == []


# ---------------------------------------------------------------- licence and PBOC state


@pytest.mark.parametrize(
    ("host", "flagged"),
    [("正常", True), ("久悬", True), ("只收不付", False), ("不收不付", False), ("已销户", False)],
)
def test_deregistered(acct, host, flagged):
    a = acct(license_status="注销", host_status=host, pboc_status=AGREEING_PBOC.get(host, "正常"))
    assert (only(a) == ["DEREGISTERED"]) is flagged
    if flagged:
        assert "只收不付" in RULES["DEREGISTERED"].control_zh


@pytest.mark.parametrize(
    ("host", "flagged"),
    [("正常", True), ("只收不付", True), ("久悬", True), ("不收不付", False), ("已销户", False)],
)
def test_revoked(acct, host, flagged):
    a = acct(license_status="吊销", host_status=host, pboc_status=AGREEING_PBOC.get(host, "正常"))
    assert (only(a) == ["REVOKED"]) is flagged


@pytest.mark.parametrize("host", ["正常", "只收不付", "不收不付", "久悬"])
def test_pboc_closed_host_open(acct, host):
    assert "PBOC_CLOSED" in only(acct(pboc_status="已撤销", host_status=host))


@pytest.mark.parametrize(
    ("host", "pboc", "code", "control"),
    [
        ("已销户", "正常", "HOST_CLOSED_PBOC_OPEN", "人行账户管理系统"),
        ("已销户", "久悬", "HOST_CLOSED_PBOC_OPEN", "人行账户管理系统"),
        ("久悬", "正常", "HOST_DORMANT_PBOC_NORMAL", "置久悬"),
        ("正常", "久悬", "PBOC_DORMANT_HOST_NORMAL", "行内主机"),
    ],
)
def test_host_and_pboc_states_that_contradict_each_other(acct, host, pboc, code, control):
    """Issue #8.13: every contradicting pair is a flag with its control, idle or not."""
    flags = classify([acct(host_status=host, pboc_status=pboc)], D, DEFAULTS)
    (flag,) = next(iter(flags.values()))
    assert flag.code == code
    assert control in flag.control_zh
    assert host in flag.detail and pboc in flag.detail


@pytest.mark.parametrize(
    ("host", "pboc"), [("久悬", "久悬"), ("只收不付", "正常"), ("不收不付", "正常")]
)
def test_host_and_pboc_states_that_agree(acct, host, pboc):
    assert only(acct(host_status=host, pboc_status=pboc)) == []


def test_a_special_account_is_dormant_in_the_pboc_system_only(acct):
    """Seed 000: special idle accounts are set 久悬 in the PBOC system; the host stays 正常."""
    a = acct(
        special_dormant="贷款专户", pboc_status="久悬", host_status="正常", last_activity_on=CUTOFF
    )
    assert only(a) == []


@pytest.mark.parametrize(
    ("balance", "flagged"), [(100_000, True), (5_000_000, True), (5_000_001, False), (None, False)]
)
def test_special_kind_contradicted_by_the_balance(acct, balance, flagged):
    """Issue #8.13: kind 余额超过5万元 with a balance of ¥1,000 is itself a finding."""
    a = acct(special_dormant="余额超过5万元", balance_fen=balance, last_activity_on=date(2020, 1, 1),
             pboc_status="久悬", host_status="久悬")  # fmt: skip
    assert (only(a) == ["SPECIAL_KIND_MISMATCH"]) is flagged
    if flagged:
        (flag,) = classify([a], D, DEFAULTS)[a.account_no]
        assert "余额超过5万元" in flag.detail and "¥" in flag.detail


def test_unrecognised_states_are_treated_as_not_controlled(acct):
    """A state the reader could not recognise (None) never hides an account from a rule."""
    a = acct(documents_valid_until=date(2020, 1, 1), last_activity_on=date(2020, 1, 1),
             host_status=None, pboc_status=None, owes_bank=None, license_status=None)  # fmt: skip
    flags = classify([a], D, DEFAULTS)[a.account_no]
    assert [f.code for f in flags] == ["DOCS_EXPIRED", "DORMANT"]
    assert "未识别" in flags[1].detail


def test_pboc_closed_host_closed(acct):
    assert only(acct(pboc_status="已撤销", host_status="已销户")) == []


# ---------------------------------------------------------------- shared attributes


def test_shared_phone_two_customers(acct):
    a, b, c = acct(1, phone="13800000000"), acct(2, phone="13800000000"), acct(3)
    assert codes([a, b, c]) == {a.account_no: ["SHARED_PHONE"], b.account_no: ["SHARED_PHONE"]}


def test_same_customer_sharing_raises_nothing(acct):
    a = acct(1, phone="13800000000", address="同一地址", legal_rep="张三")
    b = acct(
        2, customer_id=a.customer_id, phone="13800000000", address="同一地址", legal_rep="张三"
    )
    c = acct(
        3, customer_id=a.customer_id, phone="13800000000", address="同一地址", legal_rep="张三"
    )
    assert codes([a, b, c]) == {}


def test_blank_phone_and_address_are_ignored(acct):
    assert codes([acct(1, phone="", address=""), acct(2, phone="", address="")]) == {}


def test_shared_address(acct):
    a, b = acct(1, address="章贡区某路1号"), acct(2, address="章贡区某路1号")
    assert codes([a, b]) == {a.account_no: ["SHARED_ADDRESS"], b.account_no: ["SHARED_ADDRESS"]}


def test_same_legal_rep_threshold(acct):
    two = [acct(i, legal_rep="张三") for i in (1, 2)]
    assert codes(two) == {}
    three = [*two, acct(3, legal_rep="张三")]
    assert set(codes(three)) == {a.account_no for a in three}
    assert (
        codes([*two, acct(3, legal_rep="张三")], settings=ReviewSettings(legal_rep_customers=4))
        == {}
    )


def test_flags_come_in_fixed_order(acct):
    a = acct(
        1,
        documents_valid_until=date(2020, 1, 1),
        last_activity_on=date(2020, 1, 1),
        license_status="注销",
        pboc_status="已撤销",
        phone="13800000000",
        address="同一地址",
        legal_rep="张三",
    )
    others = [acct(i, phone="13800000000", address="同一地址", legal_rep="张三") for i in (2, 3)]
    got = codes([a, *others])[a.account_no]
    assert got == [c for c in FLAG_CODES if c in got]
    assert got == [
        "DOCS_EXPIRED",
        "DORMANT",
        "DEREGISTERED",
        "PBOC_CLOSED",
        "SHARED_PHONE",
        "SHARED_ADDRESS",
        "SAME_LEGAL_REP",
    ]


def test_settings_are_checked():
    with pytest.raises(ValueError):
        ReviewSettings(docs_grace_days=-1)
    with pytest.raises(ValueError):
        ReviewSettings(legal_rep_customers=1)
