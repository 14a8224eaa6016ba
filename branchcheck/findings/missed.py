"""核查问责 (应发现未发现): a finding linked to the earlier inspection that passed the same problem
as 合格, and that inspection's inspector.

The earlier record must be sealed and current (not replaced by a sealed correction), of the same
checklist, dated before the finding's record (or, for a finding without one, before the finding
was made), and its sealed document must show the finding's item as a pass. The link is made by
the branch head or a supervising role (settings.recheck_roles), in any state of the finding;
made again it replaces the earlier link (both in the audit log)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Finding, Inspection, SealedRecord, TemplateVersion
from branchcheck.db.read import rows
from branchcheck.errors import AnswerError, NotFoundError
from branchcheck.findings.loop import LINK_MISSED, earlier_versions, load
from branchcheck.findings.reading import get_finding, resolve_id
from branchcheck.findings.steps import record_step
from branchcheck.views import FindingView, MissedCandidate, PersonName


def _item_result(document: str, item_key: str) -> str | None:
    doc = json.loads(document)
    for section in doc.get("sections") or []:
        for item in section.get("items") or []:
            if item.get("key") == item_key:
                return item.get("result")
    return None


def _reference_date(s: Session, f: Finding) -> str:
    """The date the earlier record must precede: the finding's record's, else when it was made."""
    if f.inspection_id is not None:
        insp = s.get(Inspection, f.inspection_id)
        assert insp is not None
        return insp.local_date
    return f.created_at[:10]


def _earlier_records(s: Session, f: Finding) -> list[tuple[Inspection, str]]:
    """Sealed, current records of the finding's checklist dated before its reference date (not
    its own record nor an earlier version of it), newest first, with their sealed documents."""
    correction = aliased(Inspection)
    own: list[str] = []
    if f.inspection_id is not None:
        insp = s.get(Inspection, f.inspection_id)
        assert insp is not None
        own = [insp.id, *earlier_versions(s, insp)]
    found = s.execute(
        select(Inspection, SealedRecord.document)
        .join(SealedRecord, SealedRecord.inspection_id == Inspection.id)
        .join(TemplateVersion, TemplateVersion.id == Inspection.template_id)
        .where(
            Inspection.status == "sealed",
            Inspection.branch_id == f.branch_id,
            TemplateVersion.key == f.checklist_key,
            Inspection.local_date < _reference_date(s, f),
            Inspection.id.not_in(own),
            ~select(correction.id)
            .where(correction.supersedes_id == Inspection.id, correction.status == "sealed")
            .exists(),
        )
        .order_by(Inspection.local_date.desc(), Inspection.started_at.desc())
    ).all()
    return [(insp, doc) for insp, doc in found]


def _candidates(s: Session, f: Finding) -> list[MissedCandidate]:
    return [
        MissedCandidate(
            insp.id, insp.local_date, PersonName(insp.inspector.employee_no, insp.inspector.name)
        )
        for insp, doc in _earlier_records(s, f)
        if _item_result(doc, f.item_key) == "pass"
    ]


def missed_candidates(store: Store, finding_id: str) -> list[MissedCandidate]:
    """Earlier sealed records of the finding's checklist that passed its item, newest first."""
    with store.session() as s:
        f = s.get(Finding, resolve_id(s, finding_id))
        assert f is not None
        return _candidates(s, f)


def link_missed(
    store: Store,
    finding_id: str,
    *,
    inspection_id: str,
    actor: str,
    now: datetime | None = None,
) -> FindingView:
    """Link the finding to the earlier record `inspection_id` that passed it (应发现未发现) and
    to that record's inspector; refused, changing nothing, unless the record is a candidate."""
    now = clock.local_or_now(now)
    with store.session() as s:
        f = load(s, finding_id, LINK_MISSED, actor, now)
        earlier = s.get(Inspection, (inspection_id or "").strip())
        if earlier is None:
            raise NotFoundError(f"no inspection record with ID '{inspection_id}'")
        if earlier.id not in {c.record_id for c in _candidates(s, f)}:
            raise AnswerError(_why_not(s, f, earlier))
        previous = f.missed_by_inspection_id
        f.missed_by_inspection_id = earlier.id
        f.missed_by_id = earlier.inspector_id
        detail = {
            "inspection": earlier.id,
            "inspector": earlier.inspector.employee_no,
            "previous": previous,
        }
        record_step(s, f, LINK_MISSED.audit_action, "", actor=actor, now=now, fields=detail)
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor,
            action=LINK_MISSED.audit_action,
            subject=f.id,
            detail=detail,
        )
        fid = f.id
    return get_finding(store, fid, as_of=now.date())


def _why_not(s: Session, f: Finding, earlier: Inspection) -> str:
    """Why `earlier` cannot be the record that missed the finding, in the person's terms."""
    rid = earlier.id[:8]
    record = s.get(SealedRecord, earlier.id)
    if earlier.status != "sealed" or record is None:
        return f"检查记录 {rid} 尚未封存 / record {rid} is not sealed"
    if earlier.template.key != f.checklist_key:
        return (
            f"检查记录 {rid} 不是同一检查表（{earlier.template.key} ≠ {f.checklist_key}）/ "
            f"record {rid} is of another checklist"
        )
    if earlier.local_date >= _reference_date(s, f):
        return (
            f"检查记录 {rid}（{earlier.local_date}）不早于此问题的检查 / record {rid} is not "
            "dated before this finding's record"
        )
    result = _item_result(record.document, f.item_key)
    if result != "pass":
        return (
            f"检查记录 {rid} 对该项的结论不是合格（{result or '无此项'}）/ record {rid} did not "
            f"pass the item {f.item_key}"
        )
    return f"检查记录 {rid} 已被更正或属于此问题本身的记录 / record {rid} was corrected or is this finding's own"


def missed_counts(store: Store, first: date, last: date) -> dict[str, int]:
    """Per inspector (employee number): findings of the period (by their record's date, else the
    day they were made; first and last day included) linked as 应发现未发现 to their record."""
    with store.read() as conn:
        found: list[dict[str, Any]] = rows(
            conn,
            """
            SELECT s.employee_no, count(*) AS n
            FROM finding f
            JOIN staff s ON s.id = f.missed_by_id
            LEFT JOIN inspection i ON i.id = f.inspection_id
            WHERE COALESCE(i.local_date, substr(f.created_at, 1, 10)) BETWEEN :first AND :last
              AND NOT EXISTS (SELECT 1 FROM inspection c
                              WHERE c.supersedes_id = i.id AND c.status = 'sealed')
            GROUP BY s.employee_no ORDER BY s.employee_no
            """,
            first=first.isoformat(),
            last=last.isoformat(),
        )
    return {r["employee_no"]: r["n"] for r in found}
