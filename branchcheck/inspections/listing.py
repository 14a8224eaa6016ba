"""Reading the branch's records: the list, the findings of one, the files made at sealing, export.

Imports only the store, so read-only commands start fast."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from branchcheck.db import Store
from branchcheck.db.models import Finding, Inspection, SealedRecord
from branchcheck.errors import InputFileError, NotFoundError, StateError
from branchcheck.inspections.rows import OPEN_STATES, get_inspection, template_title
from branchcheck.people.register import find_staff
from branchcheck.taxonomy import risk_driver_label
from branchcheck.views import FindingBrief, PersonName, RecordSummary

MIN_PREFIX = 4


def resolve_id(store: Store, text: str) -> str:
    """The full ID of the one inspection whose ID is `text` or starts with it (at least
    MIN_PREFIX characters): for people who type a short ID, as the CLI allows."""
    text = (text or "").strip()
    with store.session() as s:
        if text and s.get(Inspection, text) is not None:
            return text
        if len(text) < MIN_PREFIX:
            raise NotFoundError(
                f"no inspection or record with ID '{text}'",
                hint=f"give the ID or at least {MIN_PREFIX} of its first characters",
            )
        ids = s.scalars(select(Inspection.id).where(Inspection.id.like(f"{text}%"))).all()
    if len(ids) == 1:
        return ids[0]
    if ids:
        raise NotFoundError(
            f"'{text}' matches {len(ids)} records", hint="give more characters of the ID"
        )
    raise NotFoundError(
        f"no inspection or record with ID '{text}'", hint="see: branchcheck records list"
    )


def list_records(store: Store) -> list[RecordSummary]:
    with store.session() as s:
        counts = dict(
            s.execute(select(Finding.inspection_id, func.count()).group_by(Finding.inspection_id))
            .tuples()
            .all()
        )
        rows = s.scalars(select(Inspection).order_by(Inspection.started_at.desc())).all()
        return [
            RecordSummary(
                id=i.id,
                checklist=i.template.key,
                checklist_version=i.template.version,
                title=template_title(i.template),
                status=i.status,
                branch=i.branch.code,
                branch_name=i.branch.name,
                local_date=i.local_date,
                started_at=i.started_at,
                completed_at=i.completed_at,
                inspector=i.inspector.employee_no,
                inspector_name=i.inspector.name,
                version=i.version,
                supersedes=i.supersedes_id,
                findings=counts.get(i.id, 0),
            )
            for i in rows
        ]


def findings(store: Store, inspection_id: str) -> list[FindingBrief]:
    """The findings of one inspection, as made when it was completed."""
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        rows = s.scalars(
            select(Finding)
            .where(Finding.inspection_id == insp.id)
            .order_by(Finding.created_at, Finding.item_key)
        )
        return [
            FindingBrief(
                id=f.id,
                item_key=f.item_key,
                title=dict(f.title),
                severity=f.severity,
                risk_driver=risk_driver_label(f.risk_driver),
                responsible=PersonName(f.responsible.employee_no, f.responsible.name)
                if f.responsible
                else None,
                due_date=f.due_date,
                state=f.state,
                repeat=f.repeat,
            )
            for f in rows
        ]


def open_inspection_for(store: Store, inspector: str) -> str | None:
    """The newest unsealed inspection of this inspector, to resume after a restart."""
    with store.session() as s:
        staff = find_staff(s, inspector)
        row = s.scalars(
            select(Inspection)
            .where(Inspection.inspector_id == staff.id, Inspection.status.in_(OPEN_STATES))
            .order_by(Inspection.started_at.desc())
            .limit(1)
        ).first()
        return row.id if row else None


def record_files(store: Store, record_id: str) -> tuple[str, bytes, bytes, dict[str, Any]]:
    """(record ID, PDF bytes, workbook bytes, document) of a sealed record."""
    with store.session() as s:
        insp = get_inspection(s, record_id)
        rec = s.get(SealedRecord, insp.id)
        if rec is None:
            raise StateError(
                f"record {insp.id} is {insp.status}, not sealed: there is nothing to export yet"
            )
        return rec.id, rec.pdf, rec.xlsx, json.loads(rec.document)


def export_name(doc: dict[str, Any]) -> str:
    return f"{doc['checklist']['key']}_{doc['branch']['code']}_{doc['local_date']}_{doc['record_id'][:8]}"


def export(store: Store, record_id: str, out_dir: Path) -> list[Path]:
    """Copy the signed PDF and workbook made at sealing; no password needed."""
    _rid, pdf, xlsx, doc = record_files(store, record_id)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputFileError(f"{out_dir}: cannot create the folder ({exc.strerror})") from None
    base = export_name(doc)
    paths = [out_dir / f"{base}.pdf", out_dir / f"{base}.xlsx"]
    for path, data in zip(paths, (pdf, xlsx), strict=True):
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return paths
