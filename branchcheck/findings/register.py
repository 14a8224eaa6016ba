"""The findings register (问题整改台账): every current finding with its owners, dates, state,
on-time, repeat, origin, evidence (file names and SHA-256) and 核查问责 links, as a workbook
(register_xlsx) and a PDF (register_pdf) signed with the signer's key, for the branch's own files
and for head office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from branchcheck import clock
from branchcheck.db import Store
from branchcheck.db.read import one
from branchcheck.errors import PeopleRuleError
from branchcheck.findings.reading import list_findings
from branchcheck.findings.register_pdf import register_pdf
from branchcheck.findings.register_xlsx import register_xlsx
from branchcheck.i18n import pick
from branchcheck.taxonomy import FINDING_ORIGINS, FINDING_STATES, SEVERITIES
from branchcheck.views import FindingsRegister, FindingView, PersonName

# (heading zh, heading en, column width in the workbook)
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("编号", "ID", 13),
    ("问题", "Finding", 28),
    ("来源", "Origin", 10),
    ("检查", "Checklist / record", 17),
    ("严重程度", "Severity", 9),
    ("整改责任人", "Responsible", 14),
    ("整改期限", "Due", 15),
    ("状态", "State", 8),
    ("整改日期", "Rectified", 15),
    ("按期", "On time", 10),
    ("复查人", "Re-checked by", 15),
    ("关闭", "Closed by", 15),
    ("屡查屡犯", "Repeat", 8),
    ("例外接受", "Exception", 15),
    ("应发现未发现", "Missed by", 17),
    ("证明材料 (SHA-256)", "Evidence (SHA-256)", 32),
)


def _who(p: PersonName | None, day: str | None = None) -> str:
    if p is None:
        return ""
    return f"{p.name} ({p.employee_no})" + (f"\n{day}" if day else "")


def _on_time(f: FindingView) -> str:
    if f.on_time is None:
        return f"逾期 {f.late_days} 天" if f.overdue else "—"
    return "按期" if f.on_time else f"逾期 {f.late_days} 天整改"


def _record(f: FindingView) -> str:
    title = pick(f.checklist_title, "zh")
    return f"{title}\n{f.record_date} · {f.record_id[:8]}" if f.record_id else title


def row_of(f: FindingView) -> tuple[str, ...]:
    """One finding as the register's cells (text), in COLUMNS order."""
    exception = (
        f"{f.exception_reason}\n至 {f.exception_until}"
        + (" (已到期)" if f.exception_expired else "")
        if f.exception_until
        else ""
    )
    missed = (
        f"{f.missed_record_date} · {(f.missed_record_id or '')[:8]}\n{_who(f.missed_by)}"
        if f.missed_record_id
        else ""
    )
    evidence = "\n".join(f"{e.filename} ({e.size} B)\n{e.sha256}" for e in f.evidence)
    return (
        f.id[:8],
        pick(f.title, "zh"),
        pick(FINDING_ORIGINS.get(f.origin, {"zh": f.origin}), "zh"),
        _record(f),
        pick(SEVERITIES.get(f.severity, {"zh": f.severity}), "zh"),
        _who(f.responsible),
        f.due_date,
        pick(FINDING_STATES.get(f.state, {"zh": f.state}), "zh"),
        f.rectified_on or "",
        _on_time(f),
        _who(f.rechecker, f.recheck_date),
        _who(f.closed_by, f.closed_on),
        "是" if f.repeat else "",
        exception,
        missed,
        evidence,
    )


def build_register(
    store: Store, *, as_of: date, signer: PersonName | None = None
) -> FindingsRegister:
    """The register's content as of `as_of` (each finding's state as on that day)."""
    views = list_findings(store, as_of=as_of)
    with store.read() as conn:
        branch = one(conn, "SELECT code, name FROM branch ORDER BY id LIMIT 1") or {}
    states = {st: sum(1 for f in views if f.state == st) for st in FINDING_STATES}
    late = sum(1 for f in views if f.on_time is False)
    summary = (
        f"共 {len(views)} 项："
        + "，".join(f"{FINDING_STATES[st]['zh']} {n}" for st, n in states.items() if n)
        + f"；逾期未整改 {sum(1 for f in views if f.overdue)}，逾期整改 {late}，"
        f"屡查屡犯 {sum(1 for f in views if f.repeat)}，"
        f"应发现未发现 {sum(1 for f in views if f.missed_record_id)}"
    )
    return FindingsRegister(
        branch=str(branch.get("name", "")),
        branch_code=str(branch.get("code", "")),
        as_of=as_of.isoformat(),
        made_at=clock.iso(clock.now()),
        signer=signer,
        headings=tuple(f"{zh}\n{en}" for zh, en, _ in COLUMNS),
        widths=tuple(w for _, _, w in COLUMNS),
        rows=tuple(row_of(f) for f in views),
        summary=summary,
    )


def _signer(store: Store, employee_no: str) -> PersonName:
    from branchcheck.people.register import find_staff

    with store.session() as s:
        person = find_staff(s, employee_no)
        if person.external or not person.active:
            raise PeopleRuleError(
                f"{person.name} ({employee_no}) 不是本网点在职员工，不能签署问题整改台账 / is not "
                "active branch staff: cannot sign the findings register"
            )
        return PersonName(person.employee_no, person.name)


def export_register(
    store: Store,
    out_dir: Path,
    *,
    as_of: date,
    signer: str | None = None,
    password: str | None = None,
) -> list[Path]:
    """Write 问题整改台账_<date>.xlsx and .pdf into `out_dir`; the PDF is signed PAdES with
    `signer`'s key (opened with `password`) when a signer is given. Returns the two paths."""
    cred = None
    person = None
    if signer is not None:
        from branchcheck.records import keys

        person = _signer(store, signer)
        cred = keys.load_credential(store, signer, password or "")
    register = build_register(store, as_of=as_of, signer=person)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"问题整改台账_{register.branch_code or 'branch'}_{as_of.isoformat()}"
    xlsx, pdf = out_dir / f"{stem}.xlsx", out_dir / f"{stem}.pdf"
    xlsx.write_bytes(register_xlsx(register))
    pdf.write_bytes(register_pdf(register, cred))
    return [xlsx, pdf]
