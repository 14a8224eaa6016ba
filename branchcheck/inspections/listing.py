"""Reading the branch's records: the list, the findings of one, the files made at sealing, export.

Read-only SQL through SQLAlchemy Core (db/read.py): no ORM, no models, no engine, so a read-only
command starts about as fast as SQLAlchemy itself imports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from branchcheck.db import Store
from branchcheck.db.read import json_value, like_literal, one, rows, search_text
from branchcheck.errors import AnswerError, InputFileError, NotFoundError, StateError
from branchcheck.taxonomy import OPEN_STATES, risk_driver_label
from branchcheck.views import FindingBrief, PersonName, RecordSummary

MIN_PREFIX = 4
_OPEN = ", ".join(f"'{s}'" for s in OPEN_STATES)  # constants, not input


def resolve_id(store: Store, text: str) -> str:
    """The full ID of the one inspection whose ID is `text` or starts with it (at least
    MIN_PREFIX characters): for people who type a short ID, as the CLI allows."""
    text = (text or "").strip()
    with store.read() as conn:
        if text and one(conn, "SELECT id FROM inspection WHERE id = :id", id=text):
            return text
        if len(text) < MIN_PREFIX:
            raise NotFoundError(
                f"no inspection or record with ID '{text}'",
                hint=f"give the ID or at least {MIN_PREFIX} of its first characters",
            )
        ids = [
            r["id"]
            for r in rows(
                conn,
                "SELECT id FROM inspection WHERE substr(id, 1, :n) = :prefix",
                n=len(text),
                prefix=text,
            )
        ]
    if len(ids) == 1:
        return ids[0]
    if ids:
        raise NotFoundError(
            f"'{text}' matches {len(ids)} records", hint="give more characters of the ID"
        )
    raise NotFoundError(
        f"no inspection or record with ID '{text}'", hint="see: branchcheck records list"
    )


_RECORDS = """
SELECT i.id, i.status, i.local_date, i.started_at, i.completed_at, i.version,
       i.supersedes_id, tv.key AS checklist, tv.version AS checklist_version,
       tv.content AS template_content, b.code AS branch, b.name AS branch_name,
       st.employee_no AS inspector, st.name AS inspector_name,
       (SELECT count(*) FROM finding f WHERE f.inspection_id = i.id) AS findings
FROM inspection i
JOIN template_version tv ON tv.id = i.template_id
JOIN branch b ON b.id = i.branch_id
JOIN staff st ON st.id = i.inspector_id
"""
_ORDER = " ORDER BY i.started_at DESC"
RECORD_STATES = ("in_progress", "completed", "sealed")
# the people of a record: its inspector and everyone in its slots
_PERSON = (
    "(st.employee_no = :person OR EXISTS (SELECT 1 FROM inspection_person ip "
    "JOIN staff p ON p.id = ip.staff_id WHERE ip.inspection_id = i.id AND p.employee_no = :person))"
)
_LIKE = "LIKE :text ESCAPE '\\'"  # a part of the text (db.read.like_literal)
_TEXT = (
    f"(json_extract(tv.content, '$.title.zh') {_LIKE} "
    f"OR json_extract(tv.content, '$.title.en') {_LIKE} "
    f"OR st.name {_LIKE} OR st.employee_no {_LIKE} "
    "OR i.id LIKE :prefix ESCAPE '\\' "
    "OR EXISTS (SELECT 1 FROM inspection_person ip JOIN staff p ON p.id = ip.staff_id "
    f"WHERE ip.inspection_id = i.id AND (p.name {_LIKE} OR p.employee_no {_LIKE})))"
)
_CURRENT = (
    "NOT (i.status = 'sealed' AND EXISTS (SELECT 1 FROM inspection c "
    "WHERE c.supersedes_id = i.id AND c.status = 'sealed'))"
)


def _title(key: str, content: Any) -> dict[str, str]:
    return dict(json_value(content).get("title", {"zh": key, "en": key}))


def list_records(
    store: Store,
    *,
    checklist: str | None = None,
    first: date | None = None,
    last: date | None = None,
    status: str | None = None,
    person: str | None = None,
    text: str | None = None,
    current_only: bool = False,
) -> list[RecordSummary]:
    """The branch's inspections and records, newest first, those matching every filter given.

    checklist: a template key. first, last: the inspection's local date on or after / on or
    before. status: one of RECORD_STATES. person: an employee number, the inspector or anyone in
    the record's slots. text: part of the checklist's title (either language), of the inspector's
    or a person's name or employee number, or the start of the record ID (case-insensitive for
    Latin letters). current_only: leave out a sealed record replaced by a sealed correction."""
    if status is not None and status not in RECORD_STATES:
        raise AnswerError(f"unknown record status '{status}' (known: {', '.join(RECORD_STATES)})")
    search = search_text(text)
    where: list[str] = []
    params: dict[str, Any] = {}
    for clause, key, value in (
        ("tv.key = :checklist", "checklist", checklist),
        ("i.local_date >= :first", "first", first.isoformat() if first else None),
        ("i.local_date <= :last", "last", last.isoformat() if last else None),
        ("i.status = :status", "status", status),
        (_PERSON, "person", person),
    ):
        if value:
            where.append(clause)
            params[key] = value
    if search:
        where.append(_TEXT)
        params["text"] = f"%{like_literal(search)}%"
        params["prefix"] = f"{like_literal(search)}%"
    if current_only:
        where.append(_CURRENT)
    sql = _RECORDS + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    with store.read() as conn:
        found = rows(conn, sql, **params)
    return [
        RecordSummary(
            id=r["id"],
            checklist=r["checklist"],
            checklist_version=r["checklist_version"],
            title=_title(r["checklist"], r["template_content"]),
            status=r["status"],
            branch=r["branch"],
            branch_name=r["branch_name"],
            local_date=r["local_date"],
            started_at=r["started_at"],
            completed_at=r["completed_at"],
            inspector=r["inspector"],
            inspector_name=r["inspector_name"],
            version=r["version"],
            supersedes=r["supersedes_id"],
            findings=r["findings"],
        )
        for r in found
    ]


def _inspection(conn: Any, inspection_id: str) -> dict[str, Any]:
    row = one(conn, "SELECT id, status FROM inspection WHERE id = :id", id=inspection_id)
    if row is None:
        raise NotFoundError(f"no inspection or record with ID '{inspection_id}'")
    return row


_FINDINGS = """
SELECT f.id, f.item_key, f.title, f.severity, f.risk_driver, f.due_date, f.state, f.repeat,
       st.employee_no AS responsible_no, st.name AS responsible_name
FROM finding f LEFT JOIN staff st ON st.id = f.responsible_id
WHERE f.inspection_id = :id
ORDER BY f.created_at, f.item_key
"""


def findings(store: Store, inspection_id: str) -> list[FindingBrief]:
    """The findings of one inspection, as made when it was completed."""
    with store.read() as conn:
        _inspection(conn, inspection_id)
        found = rows(conn, _FINDINGS, id=inspection_id)
    return [
        FindingBrief(
            id=f["id"],
            item_key=f["item_key"],
            title=dict(json_value(f["title"])),
            severity=f["severity"],
            risk_driver=risk_driver_label(f["risk_driver"]),
            responsible=PersonName(f["responsible_no"], f["responsible_name"])
            if f["responsible_no"]
            else None,
            due_date=f["due_date"],
            state=f["state"],
            repeat=bool(f["repeat"]),
        )
        for f in found
    ]


def open_inspection_for(store: Store, inspector: str) -> str | None:
    """The newest unsealed inspection of this inspector, to resume after a restart."""
    with store.read() as conn:
        if one(conn, "SELECT id FROM staff WHERE employee_no = :no", no=inspector) is None:
            raise NotFoundError(
                f"no person with employee number '{inspector}' in the staff register"
            )
        row = one(
            conn,
            "SELECT i.id FROM inspection i JOIN staff st ON st.id = i.inspector_id "
            f"WHERE st.employee_no = :no AND i.status IN ({_OPEN}) "
            "ORDER BY i.started_at DESC LIMIT 1",
            no=inspector,
        )
    return row["id"] if row else None


def record_files(store: Store, record_id: str) -> tuple[str, bytes, bytes, dict[str, Any]]:
    """(record ID, PDF bytes, workbook bytes, document) of a sealed record."""
    with store.read() as conn:
        insp = _inspection(conn, record_id)
        rec = one(
            conn, "SELECT id, pdf, xlsx, document FROM sealed_record WHERE id = :id", id=insp["id"]
        )
    if rec is None:
        raise StateError(
            f"record {insp['id']} is {insp['status']}, not sealed: there is nothing to export yet"
        )
    return rec["id"], bytes(rec["pdf"]), bytes(rec["xlsx"]), json.loads(rec["document"])


def export_name(doc: dict[str, Any]) -> str:
    return f"{doc['checklist']['key']}_{doc['branch']['code']}_{doc['local_date']}_{doc['record_id'][:8]}"


def workbook_signature(store: Store, record_id: str) -> bytes | None:
    """The workbook's detached CMS signature made at sealing (None before schema 0005)."""
    with store.read() as conn:
        row = one(conn, "SELECT xlsx_p7s FROM sealed_record WHERE id = :id", id=record_id)
    return bytes(row["xlsx_p7s"]) if row and row["xlsx_p7s"] is not None else None


def export(store: Store, record_id: str, out_dir: Path) -> list[Path]:
    """Copy the signed PDF and workbook made at sealing; no password needed. The workbook's
    detached CMS signature, where the record has one, is written beside it (`….xlsx.p7s`)."""
    rid, pdf, xlsx, doc = record_files(store, record_id)
    p7s = workbook_signature(store, rid)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputFileError(f"{out_dir}: cannot create the folder ({exc.strerror})") from None
    base = export_name(doc)
    paths = [out_dir / f"{base}.pdf", out_dir / f"{base}.xlsx"]
    files = list(zip(paths, (pdf, xlsx), strict=True))
    if p7s is not None:
        files.append((out_dir / f"{base}.xlsx.p7s", p7s))
    for path, data in files:
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return paths
