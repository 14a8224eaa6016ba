"""Head office's consolidated report: the branch's own index and each indicator's numerator and
denominator come out the same at head office (demo package, ingested); branches made row by row
with known counts check the ranking, the latest package's state winning, superseded records not
counted and the year-earlier comparison. Every test runs on SQLite and PostgreSQL."""

import json
import shutil
from datetime import date

import pytest
from openpyxl import load_workbook

from branchcheck.db import open_store
from branchcheck.errors import AnswerError, InputFileError
from branchcheck.headoffice.ingest import ingest_one
from branchcheck.headoffice.models import (
    HoBranch,
    HoFinding,
    HoObligation,
    HoPackage,
    HoRecord,
    TrustAnchor,
)
from branchcheck.headoffice.report import Counts, head_office_report
from branchcheck.headoffice.report_files import write_report
from branchcheck.headoffice.trust import trust_add
from branchcheck.score.gather import obligation_counts
from branchcheck.score.indicators import compute
from branchcheck.score.period import period_report
from branchcheck.settings import Settings
from branchcheck.views import Obligation
from tests.ho_signer import ho_key

TODAY = date(2026, 11, 15)
FIRST, LAST = date(2026, 10, 1), date(2026, 10, 31)


def _period(folder):
    said = json.loads((folder / "manifest.json").read_bytes())["period"]
    return date.fromisoformat(said["from"]), date.fromisoformat(said["to"])


def test_head_office_scores_a_branch_as_the_branch_scores_itself(
    ho, package, branch_ca, packed, home, tmp_path
):
    trust_add(ho, branch_ca, credential=ho_key())
    assert ingest_one(ho, package).ok
    first, last = _period(package)
    today = date.today()
    made = head_office_report(ho, first, last, as_of=today)

    branch_db = tmp_path / "branch" / "branchcheck.sqlite3"
    branch_db.parent.mkdir()
    shutil.copy(packed[0].parent.parent / "branchcheck.sqlite3", branch_db)
    store = open_store(branch_db)
    try:
        own = period_report(store, first, last, as_of=today).score.current
    finally:
        store.dispose()

    [gz] = made.branches
    assert (gz.code, gz.rank) == ("GZ0101", 1)
    assert gz.index == own.index
    assert [(i.key, i.numerator, i.denominator, i.score) for i in gz.compliance.indicators] == [
        (i.key, i.numerator, i.denominator, i.score) for i in own.indicators
    ]
    assert (gz.compliance.checks, gz.compliance.findings) == (own.checks, own.findings)
    assert gz.counts.records == own.checks > 0 and gz.counts.findings == own.findings > 0
    # the checklist rows add up to the branch, the severities to its findings
    rows = [r for r in made.checklists if r.branch_code == "GZ0101"]
    total = Counts()
    for r in rows:
        total = total + r.counts
    assert total == gz.counts
    assert sum(t.findings for t in made.severities) == own.findings
    assert sum(t.findings for t in made.risk_drivers) == own.findings
    assert gz.previous is None and gz.change is None  # nothing a year earlier


# ---------------------------------------------------------------- branches made row by row

_seq = iter(range(1, 10**6))


def _anchor(s):
    a = TrustAnchor(label="test", pem="-", fingerprint=f"{next(_seq):064x}", added_at="2026-01-01")
    s.add(a)
    s.flush()
    return a.id


def _branch(s, code, name):
    b = HoBranch(code=code, name=name)
    s.add(b)
    s.flush()
    return b.id


def _package(s, branch_id, anchor_id, received_at, first="2026-10-01", last="2026-10-31"):
    p = HoPackage(
        package_id=f"{next(_seq):064x}",
        branch_id=branch_id,
        period_from=first,
        period_to=last,
        manifest_sha256="0" * 64,
        received_at=received_at,
        signer="test",
        anchor_id=anchor_id,
    )
    s.add(p)
    s.flush()
    return p.id


def _record(s, rid, branch_id, package_id, anchor_id, checklist, day, **extra):
    s.add(
        HoRecord(
            record_id=rid,
            branch_id=branch_id,
            checklist=checklist,
            local_date=day,
            version=extra.pop("version", 1),
            pdf=b"%PDF-dummy",
            pdf_sha256="1" * 64,
            xlsx=b"PK-dummy",
            xlsx_sha256="2" * 64,
            xlsx_p7s=b"p7s",
            verdict="ok",
            verdict_detail="",
            signer=extra.pop("signer", "检查人"),
            signed_at=f"{day}T10:00:00+08:00",
            anchor_id=anchor_id,
            package_id=package_id,
            **extra,
        )
    )


def _finding(s, fid, branch_id, package_id, **facts):
    facts.setdefault("state", "open")
    facts.setdefault("severity", "medium")
    facts.setdefault("risk_driver", "review_error")
    facts.setdefault("origin", "inspection")
    facts.setdefault("repeat", False)
    s.add(HoFinding(finding_id=fid, branch_id=branch_id, package_id=package_id, **facts))


def _obligation(s, branch_id, package_id, key, reason, due_on, status, **extra):
    s.add(
        HoObligation(
            branch_id=branch_id,
            package_id=package_id,
            key=key,
            checklist=extra.pop("checklist", key.split(":")[0]),
            reason=reason,
            period_start=extra.pop("period_start", due_on),
            due_on=due_on,
            status=status,
            **extra,
        )
    )


# ZZ0001's latest obligations (package 2 wins over package 1 where both list a key)
ZZ_OBLIGATIONS = [
    Obligation("vault_check:weekly:W41", "vault_check", "weekly", "2026-10-05", "2026-10-09",
               "done", done_on="2026-10-10"),  # late
    Obligation("vault_check:weekly:W42", "vault_check", "weekly", "2026-10-12", "2026-10-16",
               "done", done_on="2026-10-12"),  # on time
    Obligation("vault_check:weekly:W43", "vault_check", "weekly", "2026-10-19", "2026-10-23",
               "missed"),
    Obligation("vault_check:weekly:W44", "vault_check", "weekly", "2026-10-26", "2026-10-30",
               "explained"),
    Obligation("vault_check:teller_coverage:W42", "vault_check", "teller_coverage", "2026-10-12",
               "2026-10-16", "done", expected=3, count=2),
    Obligation("vault_check:teller_coverage:W43", "vault_check", "teller_coverage", "2026-10-19",
               "2026-10-23", "done", expected=3, count=5),
    Obligation("blank_vouchers:periodic:2026-10", "blank_vouchers", "periodic", "2026-10-01",
               "2026-10-30", "overdue"),
    Obligation("vault_check:pre_holiday:2026-10-31", "vault_check", "pre_holiday", "2026-10-31",
               "2026-10-31", "due"),  # no outcome yet: not counted
    Obligation("vault_check:weekly:W45", "vault_check", "weekly", "2026-11-02", "2026-11-06",
               "done", done_on="2026-11-02"),  # after the period
]  # fmt: skip


@pytest.fixture
def branches(ho):
    """Four branches: ZZ0001 with known counts over two packages and a year-earlier record,
    AB0004 and BB0002 alike perfect (a tie: ranked by code), YY0003 with nothing in the period."""
    with ho.session() as s:
        anchor = _anchor(s)
        zz = _branch(s, "ZZ0001", "测试一支行")
        p1 = _package(s, zz, anchor, "2026-10-20T09:00:00+08:00")
        p2 = _package(s, zz, anchor, "2026-11-05T09:00:00+08:00")
        old = _package(s, zz, anchor, "2025-11-01T09:00:00+08:00", "2025-10-01", "2025-10-31")
        for rid, checklist, day, extra in (
            ("R1", "vault_check", "2026-10-05", {}),
            ("R2", "vault_check", "2026-10-12", {"superseded_by": "R3"}),
            ("R3", "vault_check", "2026-10-12", {"supersedes": "R2", "version": 2}),
            ("R4", "blank_vouchers", "2026-10-20", {}),
            ("R5", "vault_check", "2026-09-28", {"signer": "郑华"}),
        ):
            _record(s, rid, zz, p1 if rid != "R3" else p2, anchor, checklist, day, **extra)
        _record(s, "R0", zz, old, anchor, "vault_check", "2025-10-10")
        s.flush()
        # F1: open in package 1, rectified on time in package 2 (the later package wins)
        f1 = dict(record_id="R1", checklist="vault_check", severity="high",
                  found_on="2026-10-05", due_date="2026-10-08")  # fmt: skip
        _finding(s, "F1", zz, p1, **f1)
        _finding(s, "F1", zz, p2, **f1, state="verified", rectified_on="2026-10-07")
        # F2: its record was superseded: not counted at all
        _finding(s, "F2", zz, p1, record_id="R2", checklist="vault_check", severity="critical",
                 found_on="2026-10-12", due_date="2026-10-13")  # fmt: skip
        # F3: a repeat an earlier record (R5, by E010) passed; rectified late
        _finding(s, "F3", zz, p2, record_id="R3", checklist="vault_check", repeat=True,
                 risk_driver="accounting_error", missed_record_id="R5", missed_by="E010",
                 found_on="2026-10-12", due_date="2026-10-19", rectified_on="2026-10-25")  # fmt: skip
        # F4: no record (a missed obligation); due after the period
        _finding(s, "F4", zz, p2, checklist="vault_check", severity="low", origin="schedule",
                 found_on="2026-10-21", due_date="2026-11-20")  # fmt: skip
        # F5: due in the period, its day passed, not rectified
        _finding(s, "F5", zz, p1, record_id="R4", checklist="blank_vouchers", severity="high",
                 found_on="2026-10-20", due_date="2026-10-30")  # fmt: skip
        _finding(s, "F0", zz, old, record_id="R0", checklist="vault_check",
                 found_on="2025-10-10", due_date="2025-10-17", rectified_on="2025-10-11")  # fmt: skip
        # package 1 said W41 was overdue; package 2 says done (late)
        _obligation(s, zz, p1, "vault_check:weekly:W41", "weekly", "2026-10-09", "overdue")
        _obligation(s, zz, p1, "blank_vouchers:periodic:2026-10", "periodic", "2026-10-30", "due")
        for o in ZZ_OBLIGATIONS:
            package = p1 if o.key.endswith("W42") else p2
            _obligation(s, zz, package, o.key, o.reason, o.due_on, o.status,
                        checklist=o.checklist, period_start=o.period_start, done_on=o.done_on,
                        expected=o.expected, count=o.count)  # fmt: skip
        _obligation(s, zz, old, "vault_check:weekly:2025-W41", "weekly", "2025-10-10", "done",
                    done_on="2025-10-10")  # fmt: skip
        for code in ("BB0002", "AB0004"):
            b = _branch(s, code, f"满分网点 {code}")
            p = _package(s, b, anchor, "2026-11-01T09:00:00+08:00")
            _record(s, f"{code}-R", b, p, anchor, "vault_check", "2026-10-07")
            _obligation(s, b, p, "vault_check:weekly:W41", "weekly", "2026-10-09", "done",
                        done_on="2026-10-07")  # fmt: skip
        yy = _branch(s, "YY0003", "无数据网点")
        p = _package(s, yy, anchor, "2026-09-01T09:00:00+08:00", "2026-08-01", "2026-08-31")
        _record(s, "YY-R", yy, p, anchor, "vault_check", "2026-08-07")
    return ho


def test_known_counts_the_latest_package_and_superseded_records(branches):
    made = head_office_report(branches, FIRST, LAST, as_of=TODAY)
    zz = next(b for b in made.branches if b.code == "ZZ0001")
    c = zz.counts
    assert (c.due, c.on_time, c.late, c.overdue, c.missed) == (5, 1, 1, 1, 2)
    assert (c.tellers_expected, c.tellers_covered) == (6, 5)
    assert (c.records, c.check_findings) == (3, 3)  # R1, R3, R4; F1, F3 and F5 of them
    assert (c.findings, c.repeats, c.missed_problems) == (4, 1, 1)
    assert (c.findings_due, c.rectified_on_time) == (3, 1)  # F1 on time; F3 late; F5 not done
    # the obligation counts are the branch's own over the same (latest) obligations
    mirrored = obligation_counts(ZZ_OBLIGATIONS, FIRST, LAST)
    assert mirrored == {
        "scheduled": c.due,
        "on_time": c.on_time,
        "tellers_expected": c.tellers_expected,
        "tellers_covered": c.tellers_covered,
    }
    assert zz.compliance == compute(c.facts(FIRST, LAST), Settings())
    by_checklist = {r.checklist: r.counts for r in made.checklists if r.branch_code == "ZZ0001"}
    assert set(by_checklist) == {"vault_check", "blank_vouchers"}
    vault, vouchers = by_checklist["vault_check"], by_checklist["blank_vouchers"]
    assert (vault.due, vault.on_time, vault.late, vault.missed, vault.records) == (4, 1, 1, 2, 2)
    assert (vault.findings, vouchers.findings, vouchers.overdue, vouchers.records) == (3, 1, 1, 1)
    severities = {t.key: t.findings for t in made.severities if t.branch_code == "ZZ0001"}
    assert severities == {"high": 2, "medium": 1, "low": 1}  # F2 (critical) superseded
    drivers = {t.key: t.findings for t in made.risk_drivers if t.branch_code == "ZZ0001"}
    assert drivers == {"review_error": 3, "accounting_error": 1}
    [inspector] = made.inspectors
    assert (inspector.branch_code, inspector.employee_no, inspector.name, inspector.missed) == (
        "ZZ0001",
        "E010",
        "郑华",
        1,
    )


def test_ranking_ties_by_code_and_a_year_earlier(branches):
    made = head_office_report(branches, FIRST, LAST, as_of=TODAY)
    assert [(b.code, b.rank) for b in made.branches] == [
        ("AB0004", 1),
        ("BB0002", 2),
        ("ZZ0001", 3),
        ("YY0003", None),
    ]
    assert made.branches[0].index == made.branches[1].index == 3.0
    zz = made.branches[2]
    assert zz.index < 3.0
    # a year earlier: one record, one finding rectified on time, one check on time
    assert (made.previous_first, made.previous_last) == ("2025-10-01", "2025-10-31")
    assert zz.previous_counts is not None
    p = zz.previous_counts
    assert (p.records, p.findings, p.due, p.on_time, p.findings_due, p.rectified_on_time) == (
        1,
        1,
        1,
        1,
        1,
        1,
    )
    earlier = compute(p.facts(date(2025, 10, 1), date(2025, 10, 31)), Settings())
    assert zz.previous == earlier
    assert zz.previous_index == earlier.index == 2.9  # 1 finding per check scores 2 (weight 0.1)
    assert zz.change == round(zz.index - 2.9, 4)
    changes = {ch.key: ch for ch in zz.changes}
    assert (changes["checks"].current, changes["checks"].previous, changes["checks"].change) == (
        3,
        1,
        2,
    )
    assert changes["findings"].change == 3
    # nothing a year earlier: no comparison
    ab = made.branches[0]
    assert ab.previous is None and ab.previous_index is None and ab.change is None
    assert all(ch.previous is None and ch.change is None for ch in ab.changes)
    assert made.totals.records == 5 and made.totals.findings == 4
    yy = made.branches[3]  # nothing in the period: no index to compare either
    assert yy.changes[0].key == "index" and yy.changes[0].current is None


def test_the_files_workbook_with_charts_and_pdf(branches, tmp_path):
    done = write_report(branches, FIRST, LAST, tmp_path / "汇总.xlsx", as_of=TODAY)
    assert done.xlsx.is_file() and done.pdf == tmp_path / "汇总.pdf" and done.pdf.is_file()
    wb = load_workbook(done.xlsx)
    assert wb.sheetnames == ["排名", "同比", "网点检查", "问题", "核查问责", "说明"]
    for name in ("排名", "网点检查", "问题"):
        assert wb[name]._charts, name
    ranking = wb["排名"]
    head = next(r for r in range(1, 40) if ranking.cell(row=r, column=1).value == "名次")
    rows = [[c.value for c in row] for row in ranking.iter_rows(min_row=head + 1, max_row=head + 4)]
    assert [r[:3] for r in rows] == [
        [1, "AB0004", "满分网点 AB0004"],
        [2, "BB0002", "满分网点 BB0002"],
        [3, "ZZ0001", "测试一支行"],
        ["—", "YY0003", "无数据网点"],
    ]
    assert rows[2][3:6] == [made_index(done), 2.9, round(made_index(done) - 2.9, 4)]
    assert rows[3][3] == "本期无数据"
    # the chart sits above the table, its rows kept for it
    assert ranking._charts[0].anchor._from.row + 1 < head
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    changes = [
        [c.value for c in row]
        for row in wb["同比"].iter_rows(min_row=5)
        if row[0].value in ("ZZ0001", "AB0004") and row[2].value in ("检查次数", "发现问题")
    ]
    assert changes == [
        ["AB0004", "满分网点 AB0004", "检查次数", 1, "—", "—", "—"],
        ["AB0004", "满分网点 AB0004", "发现问题", 0, "—", "—", "—"],
        ["ZZ0001", "测试一支行", "检查次数", 3, 1, 2, 2.0],
        ["ZZ0001", "测试一支行", "发现问题", 4, 1, 3, 3.0],
    ]
    missed = wb["核查问责"]
    assert [missed.cell(row=4, column=c).value for c in range(1, 5)] == [
        "测试一支行",
        "郑华",
        "E010",
        1,
    ]


def made_index(done):
    return next(b.index for b in done.report.branches if b.code == "ZZ0001")


def test_bad_periods_and_folders_write_nothing(branches, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(AnswerError, match="晚于截止日期"):
        head_office_report(branches, LAST, FIRST, as_of=TODAY)
    with pytest.raises(AnswerError, match="in the future"):
        write_report(branches, FIRST, date(2026, 11, 16), tmp_path / "r.xlsx", as_of=TODAY)
    with pytest.raises(InputFileError, match="does not exist"):
        write_report(branches, FIRST, LAST, tmp_path / "none" / "r.xlsx", as_of=TODAY)
    with pytest.raises(InputFileError, match=r"\.xlsx"):
        write_report(branches, FIRST, LAST, tmp_path / "r.pdf", as_of=TODAY)
    assert list(tmp_path.iterdir()) == []
