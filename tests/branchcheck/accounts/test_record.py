"""The account-list review as a record: import, decisions committed one by one, findings for
accounts to be rectified, the summary in the account-management checklist."""

import csv
from datetime import date, datetime

import pytest

from branchcheck import inspections
from branchcheck.accounts import record as account_review
from branchcheck.errors import AnswerError, InputFileError

ME = ("--as", "E001", "--password-env", "SIGNIN_PW")  # the review's inspector, proven

HEADERS = [
    "账号",
    "户名",
    "客户号",
    "账户性质",
    "开户日期",
    "最后动户日期",
    "余额",
    "是否欠款",
    "证明文件有效期至",
    "营业执照状态",
    "人行账户状态",
    "行内账户状态",
    "特殊长期不动户类别",
    "预留手机号",
    "注册地址",
    "法定代表人",
]
ROWS = [
    [
        "0012345678901",
        "赣州甲公司",
        "C001",
        "基本存款账户",
        "2015-03-01",
        "2026-10-01",
        "1000.00",
        "否",
        "2026-01-31",
        "存续",
        "正常",
        "正常",
        "",
        "13800000001",
        "赣州市章贡区1号",
        "甲",
    ],
    [
        "0012345678902",
        "赣州乙公司",
        "C002",
        "一般存款账户",
        "2018-05-01",
        "2024-06-30",
        "0.00",
        "否",
        "长期",
        "存续",
        "正常",
        "正常",
        "",
        "13800000002",
        "赣州市章贡区2号",
        "乙",
    ],
    [
        "0012345678903",
        "赣州丙公司",
        "C003",
        "基本存款账户",
        "2019-01-01",
        "2026-11-01",
        "50.00",
        "否",
        "长期",
        "注销",
        "正常",
        "正常",
        "",
        "13800000003",
        "赣州市章贡区3号",
        "丙",
    ],
    [
        "0012345678904",
        "赣州丁公司",
        "C004",
        "基本存款账户",
        "2019-01-01",
        "2026-11-01",
        "50.00",
        "否",
        "长期",
        "存续",
        "正常",
        "正常",
        "",
        "13800000004",
        "赣州市章贡区4号",
        "丁",
    ],
]


@pytest.fixture
def account_list(tmp_path):
    path = tmp_path / "accounts.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        w.writerows(ROWS)
    return path


def test_import_decide_complete(people_store, account_list):
    when = datetime(2026, 11, 20, 9, 0)
    iid, rv = account_review.start_review(
        people_store,
        account_list,
        as_of=date(2026, 11, 20),
        inspector="E001",
        checker="E010",
        now=when,
    )
    value = inspections.load(people_store, iid).answers["account_list"]
    flagged = {r["account_no"]: r["flags"] for r in value["rows"]}
    assert flagged == {
        "0012345678901": ["DOCS_EXPIRED"],
        "0012345678902": ["DORMANT"],
        "0012345678903": ["DEREGISTERED"],
    }
    assert value["source"]["accounts"] == 4 and len(value["source"]["sha256"]) == 64
    with pytest.raises(AnswerError, match="needs its reason"):
        account_review.decide(people_store, iid, "0012345678901", decision="explained")
    account_review.decide(people_store, iid, "0012345678901", decision="applied")
    account_review.decide(
        people_store,
        iid,
        "0012345678902",
        decision="explained",
        reason="客户已于11月补充交易，系统待同步",
    )
    out = account_review.decide(
        people_store, iid, "0012345678903", decision="rectify", due_date="2026-11-27"
    )
    assert out.computed["undecided"] == 0 and out.computed["rectify"] == 1
    inspections.answer(people_store, iid, "identity_calls", "na", now=when)
    inspections.complete(people_store, iid, now=when)
    [f] = inspections.findings(people_store, iid)
    assert f.due_date == "2026-11-27" and "0012345678903" in f.title["zh"]
    assert "只收不付" in f.title["zh"]


def test_account_management_shows_the_period_review(people_store, account_list):
    when = datetime(2026, 11, 20, 9, 0)
    iid, _ = account_review.start_review(
        people_store, account_list, as_of=date(2026, 11, 20), inspector="E001", now=when
    )
    inspections.answer(people_store, iid, "identity_calls", "yes", now=when)
    inspections.complete(people_store, iid, now=when)  # three accounts left undecided
    later = datetime(2026, 11, 25, 9, 0)
    mid = inspections.start(
        people_store,
        checklist="account_management",
        inspector="E001",
        people={"account_clerks": ["E009"]},
        now=later,
    )
    outcome = inspections.evaluation(people_store, mid).outcomes["account_review"]
    assert outcome.result == "fail"
    assert outcome.computed["review_id"] == iid and outcome.computed["undecided"] == 3


def test_unreadable_list_starts_nothing(people_store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("账号,户名\n1,x\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="bad.csv"):
        account_review.start_review(people_store, bad, as_of=date(2026, 11, 20), inspector="E001")
    assert inspections.list_records(people_store) == []


def test_cli_review_record_decide_complete_sign_seal(tmp_path, account_list, capsys, monkeypatch):
    """The whole account review from the command line, down to a verified record."""
    import json
    from datetime import timedelta

    from branchcheck import clock, demo
    from branchcheck.cli import main
    from branchcheck.db import open_store

    monkeypatch.setenv("BRANCHCHECK_HOME", str(tmp_path / "home"))
    store = open_store()
    demo.setup_demo(store, weeks=1)
    out = tmp_path / "review.xlsx"
    assert (
        main(
            [
                "accounts",
                "review",
                str(account_list),
                "--as-of",
                "2026-11-20",
                "--out",
                str(out),
                "--record",
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
                "--checker",
                "E010",
                "--json",
            ]
        )
        == 0
    )
    rid = json.loads(capsys.readouterr().out)["record_id"]
    assert main(["accounts", "decide", rid, "0012345678901", "--decision", "applied", *ME]) == 0
    assert (
        main(
            [
                "accounts",
                "decide",
                rid,
                "0012345678902",
                "--decision",
                "explained",
                "--reason",
                "已联系客户",
                *ME,
            ]
        )
        == 0
    )
    assert main(["accounts", "decide", rid, "0012345678903", "--decision", "rectify", *ME]) == 2
    assert "needs a due date" in capsys.readouterr().err
    assert (
        main(
            [
                "accounts",
                "decide",
                rid,
                "0012345678903",
                "--decision",
                "rectify",
                "--due",
                (clock.now().date() + timedelta(days=7)).isoformat(),
                *ME,
            ]
        )
        == 0
    )
    assert main(["answer", rid, "identity_calls", "yes", *ME]) == 0
    capsys.readouterr()
    assert main(["complete", rid, *ME]) == 0
    assert len(json.loads(capsys.readouterr().out)["findings"]) == 1
    strokes = tmp_path / "s.json"
    strokes.write_text("[[[10, 10], [200, 120], [400, 60]]]", encoding="utf-8")
    checker_strokes = tmp_path / "checker.json"  # the checker's own hand, not the inspector's
    checker_strokes.write_text("[[[30, 200], [120, 40], [500, 180]]]", encoding="utf-8")
    assert (
        main(
            [
                "sign",
                rid,
                "--party",
                "inspector",
                "--as",
                "E001",
                "--password-env",
                "SIGNIN_PW",
                "--strokes",
                str(strokes),
            ]
        )
        == 0
    )
    assert main(["seal", rid, "--key-password-env", "PW"]) == 2  # PW not set yet
    monkeypatch.setenv("PW", "demo1234")
    assert main(["seal", rid, "--key-password-env", "PW"]) == 5  # the checker has not signed
    assert (
        main(
            [
                "sign",
                rid,
                "--party",
                "checker",
                "--as",
                "E010",
                "--password-env",
                "SIGNIN_PW",
                "--strokes",
                str(checker_strokes),
            ]
        )
        == 0
    )
    assert main(["seal", rid, "--key-password-env", "PW"]) == 0
    capsys.readouterr()
    assert main(["export", rid, "--out", str(tmp_path / "rec")]) == 0
    files = capsys.readouterr().out.split()
    assert main(["verify", *files]) == 0


def test_decisions_are_parts_and_a_whole_answer_replaces_them(people_store, account_list):
    from sqlalchemy import func, select

    from branchcheck.db.models import Answer

    iid, _ = account_review.start_review(
        people_store, account_list, as_of=date(2026, 11, 20), inspector="E001"
    )
    out = account_review.decide(people_store, iid, "0012345678901", decision="applied")
    assert out.computed["undecided"] == 2
    with people_store.session() as s:
        parts = s.scalar(select(func.count()).select_from(Answer).where(Answer.part != ""))
    assert parts == 1  # one decision, one small row; the list itself was not rewritten
    value = inspections.load(people_store, iid).answers["account_list"]
    assert {r["account_no"]: r["decision"] for r in value["rows"]}["0012345678901"] == "applied"
    with pytest.raises(AnswerError, match="not among the flagged accounts"):
        account_review.decide(people_store, iid, "999", decision="applied")
    fresh = dict(value, rows=[dict(r, decision=None) for r in value["rows"]])
    inspections.answer(people_store, iid, "account_list", fresh)
    after = inspections.load(people_store, iid).answers["account_list"]
    assert all(r["decision"] is None for r in after["rows"])


# ---------------------------------------------------------------- issue #8.14: decisions


def _started(people_store, account_list, when=datetime(2026, 11, 20, 9, 0)):
    iid, _ = account_review.start_review(
        people_store, account_list, as_of=when.date(), inspector="E001", now=when
    )
    return iid


@pytest.mark.parametrize(
    ("due", "message"),
    [("2026-11-19", "早于复核日期"), ("2027-02-19", "90 天"), ("2026-11-32", "YYYY-MM-DD")],
)
def test_a_due_date_before_the_review_or_too_far_ahead_is_refused(
    people_store, account_list, due, message
):
    iid = _started(people_store, account_list)
    with pytest.raises(AnswerError, match=message):
        account_review.decide(people_store, iid, "0012345678903", decision="rectify", due_date=due)
    row = next(
        r
        for r in inspections.load(people_store, iid).answers["account_list"]["rows"]
        if r["account_no"] == "0012345678903"
    )
    assert row["decision"] is None  # bad input changes nothing


@pytest.mark.parametrize("due", ["2026-11-20", "2027-02-18"])
def test_due_dates_from_the_review_day_to_the_limit_are_taken(people_store, account_list, due):
    iid = _started(people_store, account_list)
    out = account_review.decide(
        people_store, iid, "0012345678903", decision="rectify", due_date=due
    )
    assert out.computed["rectify"] == 1


def test_a_deregistered_company_cannot_be_explained_away(people_store, account_list):
    iid = _started(people_store, account_list)
    with pytest.raises(AnswerError, match="不能以“已说明”处理"):
        account_review.decide(
            people_store, iid, "0012345678903", decision="explained", reason="客户说还在经营"
        )
    # an idle account may be explained (the source allows a reasonable explanation)
    account_review.decide(
        people_store, iid, "0012345678902", decision="explained", reason="客户11月已有交易"
    )


def test_each_flag_says_which_decisions_it_allows():
    from branchcheck.accounts.rules import RULES, allowed_decisions

    assert allowed_decisions(["DOCS_EXPIRED"]) == ("applied", "explained", "rectify")
    for code in ("DEREGISTERED", "REVOKED", "PBOC_CLOSED"):
        assert "explained" not in RULES[code].decisions
    assert allowed_decisions(["DOCS_EXPIRED", "PBOC_CLOSED"]) == ("applied", "rectify")


def test_the_grace_period_is_one_setting_for_the_rule_and_the_checklist(people_store, tmp_path):
    """Today's default: documents expired 30 days ago are within the period; 31 are not."""
    from branchcheck.accounts.rules import ReviewSettings
    from branchcheck.engine.validate import load_all
    from branchcheck.settings import Settings

    assert ReviewSettings().docs_grace_days == Settings().docs_grace_days == 30
    assert ReviewSettings.from_settings(Settings(docs_grace_days=10)).docs_grace_days == 10
    item = load_all()["account_management"].template.item("expired_documents")
    assert "30" not in item.text.zh  # the number comes from the setting, not the text
    mid = inspections.start(
        people_store,
        checklist="account_management",
        inspector="E001",
        people={"account_clerks": ["E009"]},
    )
    out = inspections.answer(
        people_store, mid, "expired_documents", "no", settings=Settings(docs_grace_days=45)
    )
    assert out.result == "fail" and "45 天" in out.display["zh"]
    assert "45 天" in out.problems[0].title["zh"]


# ---------------------------------------------------------------- issue #8.16: the summary item


def test_the_summary_follows_a_review_with_accounts_to_rectify(people_store, account_list):
    when = datetime(2026, 11, 20, 9, 0)
    iid = _started(people_store, account_list, when)
    account_review.decide(people_store, iid, "0012345678901", decision="applied")
    account_review.decide(
        people_store, iid, "0012345678902", decision="explained", reason="客户11月已有交易"
    )
    account_review.decide(
        people_store, iid, "0012345678903", decision="rectify", due_date="2026-11-27"
    )
    inspections.answer(people_store, iid, "identity_calls", "yes", now=when)
    inspections.complete(people_store, iid, now=when)
    review_result = inspections.evaluation(people_store, iid).outcomes["account_list"].result
    assert review_result == "fail"
    mid = inspections.start(
        people_store,
        checklist="account_management",
        inspector="E001",
        people={"account_clerks": ["E009"]},
        now=datetime(2026, 11, 25, 9, 0),
    )
    outcomes = inspections.evaluation(people_store, mid).outcomes
    assert outcomes["account_review"].result == review_result
    assert "限期整改 1 户" in outcomes["account_review"].display["zh"]
    # the accounts checked must agree with the list the review classified
    inspections.answer(people_store, mid, "accounts_checked", 48)
    out = inspections.evaluation(people_store, mid).outcomes["accounts_checked"]
    assert out.result == "fail" and "48" in out.display["zh"] and "4 户" in out.display["zh"]
    inspections.answer(people_store, mid, "accounts_checked", 4)
    assert inspections.evaluation(people_store, mid).outcomes["accounts_checked"].result == "pass"


def test_the_demos_account_management_agrees_with_its_review(store):
    """Issue #8.16: demo record reported 合格 for a 不合格 review, and 48 accounts for a 30-account
    list."""
    from sqlalchemy import select

    from branchcheck import demo
    from branchcheck.db.models import Inspection, TemplateVersion

    demo.setup_demo(store, weeks=1)
    with store.session() as s:
        ids = {
            key: iid
            for iid, key in s.execute(
                select(Inspection.id, TemplateVersion.key).join(TemplateVersion)
            )
        }
    review = inspections.evaluation(store, ids["account_review"]).outcomes["account_list"]
    check = inspections.evaluation(store, ids["account_management"]).outcomes
    assert check["account_review"].result == review.result == "fail"  # one account to rectify
    listed = sum(1 for _ in demo.ACCOUNT_LIST.open(encoding="utf-8-sig")) - 1
    assert check["accounts_checked"].result == "pass"
    assert check["accounts_checked"].display["zh"].startswith(f"{listed}户")


def test_the_latest_due_date_is_the_branchs_setting(people_store, account_list, home):
    """settings.json's rectify_max_days holds for a decision too, not only the default."""
    from branchcheck.settings import Settings, save_settings

    save_settings(home, Settings(rectify_max_days=10))
    iid = _started(people_store, account_list)
    with pytest.raises(AnswerError, match="10 天"):
        account_review.decide(
            people_store, iid, "0012345678903", decision="rectify", due_date="2026-12-01"
        )
    account_review.decide(
        people_store, iid, "0012345678903", decision="rectify", due_date="2026-11-30"
    )
