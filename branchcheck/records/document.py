"""Building the record document (docs/record-format.md) that is sealed, rendered and verified."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchcheck.checklists import Template
from branchcheck.db.models import Finding, Inspection, ItemEvidence, Signature, Staff
from branchcheck.engine.evaluate import Evaluation
from branchcheck.taxonomy import RESULTS, STAFF_ROLES, risk_driver_ref

FORMAT = "branchcheck-record/1"
THUMBNAIL_PX = 320  # the longer side of an attached image's thumbnail in the record
THUMBNAIL_TYPES = ("image/jpeg", "image/png", "image/tiff")


def _role_title(roles: list[str], allowed: list[str]) -> dict[str, str]:
    role = next((r for r in allowed if r in roles), roles[0] if roles else None)
    if role is None or role not in STAFF_ROLES:
        return {"zh": "", "en": ""}
    return dict(STAFF_ROLES[role])


def _overall(counts: dict[str, int]) -> dict[str, str]:
    if counts["fail"]:
        return {"zh": "发现问题", "en": "Problems found"}
    if counts["pending"]:
        return {"zh": "合格（部分待定）", "en": "Passed (some pending)"}
    return {"zh": "合格", "en": "Passed"}


def _at(text: str | None) -> str:
    """An ISO time of the record as 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M") if text else ""


def _authorisation(session: Session, insp: Inspection) -> dict[str, Any] | None:
    auth = insp.authorisation
    if not auth:
        return None
    by = session.scalars(select(Staff).where(Staff.employee_no == auth["by"])).first()
    name = by.name if by else ""
    who, boss = f"{insp.inspector.name}（{insp.inspector.employee_no}）", f"{name}（{auth['by']}）"
    period = f"{auth['valid_from']} 至 {auth['valid_to']}"
    return {
        "by": {"employee_no": auth["by"], "name": name, "role": dict(STAFF_ROLES["branch_head"])},
        "reason": auth["reason"],
        "reference": auth["reference"],
        "valid_from": auth["valid_from"],
        "valid_to": auth["valid_to"],
        "text": {
            "zh": f"{who}经网点负责人{boss}书面授权代为检查；事由：{auth['reason']}；"
            f"授权书编号：{auth['reference']}；授权有效期：{period}",
            "en": f"{insp.inspector.name} ({insp.inspector.employee_no}) inspected as deputy under "
            f"the written authorisation of the branch head {name} ({auth['by']}); reason: "
            f"{auth['reason']}; reference: {auth['reference']}; valid {auth['valid_from']} to "
            f"{auth['valid_to']}",
        },
    }


def _notices(
    insp: Inspection, authorisation: dict[str, Any] | None, entered_at: str
) -> list[dict[str, Any]]:
    """What the record must say besides its items: a deputy's authorisation (授权代查), a late
    entry (补录), and when it took place where that differs from when it was entered."""
    out = []
    if authorisation:
        out.append(
            {
                "key": "authorisation",
                "label": {"zh": "授权代查", "en": "Deputy check"},
                "text": authorisation["text"],
            }
        )
    held, entered = _at(insp.started_at), _at(entered_at)
    if insp.late_reason:
        out.append(
            {
                "key": "late_entry",
                "label": {"zh": "补录", "en": "Late entry"},
                "text": {
                    "zh": f"补录：检查于 {held} 进行，{entered} 录入系统；补录原因：{insp.late_reason}",
                    "en": f"Late entry: inspected {held}, entered {entered}; reason: "
                    f"{insp.late_reason}",
                },
            }
        )
    elif held != entered:
        out.append(
            {
                "key": "held_at",
                "label": {"zh": "填报检查时间", "en": "Inspection time given"},
                "text": {
                    "zh": f"{held}（检查时间栏为系统录入的实际时间，{entered} 起）",
                    "en": f"{held} (the time shown above is when it was entered, from {entered})",
                },
            }
        )
    return out


def sections_of(
    template: Template,
    ev: Evaluation,
    values: dict[str, Any],
    notes: dict[str, str],
    *,
    deputy: bool = False,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The record's sections (each item with its answer, result and source) and its tables, in
    template order; on a deputy's record an item reads its `deputy_text` where it has one."""
    sections = []
    tables: list[dict[str, Any]] = []
    for section in template.sections:
        items = []
        for item in section.items:
            outcome = ev.outcomes[item.key]
            deputy_text = item.params.get("deputy_text") if deputy else None
            items.append(
                {
                    "key": item.key,
                    "type": item.type,
                    "text": dict(deputy_text or item.text.as_dict()),
                    "required": item.required,
                    "severity": item.severity,
                    "risk_driver": risk_driver_ref(item.risk_driver),
                    "source": item.source,
                    "answer": values.get(item.key),
                    "display": dict(outcome.display),
                    "result": outcome.result,
                    "result_text": dict(RESULTS[outcome.result]),
                    "computed": outcome.computed,
                    "note": notes.get(item.key, ""),
                }
            )
            tables.extend(outcome.tables)
        sections.append({"key": section.key, "title": section.title.as_dict(), "items": items})
    return sections, tables


def thumbnail(data: bytes) -> str | None:
    """A JPEG thumbnail (base64) of an attached image, at most THUMBNAIL_PX on its longer side;
    None when the file cannot be read as an image (it is still listed with its hash). Kept in
    the record, so its pages can be laid out again from the record alone."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            img.draft("RGB", (THUMBNAIL_PX, THUMBNAIL_PX))  # JPEG: decode at a fraction
            small = img.convert("RGB")
            small.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
            out = io.BytesIO()
            small.save(out, "JPEG", quality=70)
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return None
    return base64.b64encode(out.getvalue()).decode("ascii")


def evidence_by_item(session: Session, insp: Inspection) -> dict[str, list[dict[str, Any]]]:
    """The files attached to each item (inspections.evidence), in the order added: name, type,
    size, SHA-256, who added it and when, and an image's thumbnail. The seal covers the hashes."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in session.scalars(
        select(ItemEvidence).where(ItemEvidence.inspection_id == insp.id).order_by(ItemEvidence.id)
    ):
        by = session.get_one(Staff, row.added_by_id)
        entry: dict[str, Any] = {
            "filename": row.filename,
            "media_type": row.media_type,
            "size": row.size,
            "sha256": row.sha256,
            "added_by": {"employee_no": by.employee_no, "name": by.name},
            "added_at": row.added_at,
        }
        if row.media_type in THUMBNAIL_TYPES:
            entry["thumbnail_b64"] = thumbnail(row.content)
        out.setdefault(row.item_key, []).append(entry)
    return out


def build_document(
    session: Session,
    insp: Inspection,
    template: Template,
    ev: Evaluation,
    values: dict[str, Any],
    notes: dict[str, str],
    *,
    sealed_at: str,
) -> dict[str, Any]:
    authorisation = _authorisation(session, insp)
    sections, tables = sections_of(template, ev, values, notes, deputy=authorisation is not None)
    evidence = evidence_by_item(session, insp)
    for section in sections:  # only an item with files gets the key: others read as before
        for item in section["items"]:
            if item["key"] in evidence:
                item["evidence"] = evidence[item["key"]]

    people = []
    for p in insp.people:
        slot = template.slot(p.slot)
        people.append(
            {
                "slot": p.slot,
                "title": slot.title.as_dict() if slot else {"zh": p.slot, "en": p.slot},
                "employee_no": p.staff.employee_no,
                "name": p.staff.name,
                "organisation": p.staff.organisation,
            }
        )

    findings = []
    for f in session.scalars(
        select(Finding)
        .where(Finding.inspection_id == insp.id)
        .order_by(Finding.created_at, Finding.item_key)
    ):
        findings.append(
            {
                "id": f.id,
                "item_key": f.item_key,
                "title": dict(f.title),
                "severity": f.severity,
                "risk_driver": risk_driver_ref(f.risk_driver),
                "responsible": {
                    "employee_no": f.responsible.employee_no,
                    "name": f.responsible.name,
                }
                if f.responsible
                else None,
                "due_date": f.due_date,
                "state": f.state,
                "repeat": f.repeat,
            }
        )

    titles = {"inspector": template.inspector.title.as_dict()} | {
        s.key: s.title.as_dict() for s in template.people
    }
    signatures = []
    for sig in session.scalars(
        select(Signature)
        .where(Signature.inspection_id == insp.id)
        .order_by(Signature.signed_at, Signature.id)
    ):
        signatures.append(
            {
                "party": sig.party,
                "title": titles.get(sig.party, {"zh": sig.party, "en": sig.party}),
                "employee_no": sig.staff.employee_no,
                "name": sig.staff.name,
                "signed_at": sig.signed_at,
                "strokes": sig.strokes,
                "png_b64": base64.b64encode(sig.png).decode("ascii"),
            }
        )

    from branchcheck.records.pdf.layout import PAGES  # reportlab only when a record is built

    counts = ev.counts()
    entered_at = insp.entered_at or insp.started_at
    return {
        "format": FORMAT,
        "pages": PAGES,
        "record_id": insp.id,
        "version": insp.version,
        "supersedes": insp.supersedes_id,
        "branch": {
            "code": insp.branch.code,
            "name": insp.branch.name,
            "name_en": insp.branch.name_en,
        },
        "checklist": {
            "key": template.key,
            "version": template.version,
            "title": template.title.as_dict(),
            "record_title": template.record_title.as_dict(),
            "sha256": insp.template.sha256,
        },
        "inspector": {
            "employee_no": insp.inspector.employee_no,
            "name": insp.inspector.name,
            "role": _role_title(list(insp.inspector.roles), template.inspector.staff_roles),
            "title": template.inspector.title.as_dict(),
        },
        "people": people,
        "authorisation": authorisation,
        "local_date": insp.local_date,
        "held_at": insp.started_at,
        "started_at": entered_at,
        "completed_at": insp.completed_at,
        "late_entry": {"reason": insp.late_reason, "entered_at": entered_at}
        if insp.late_reason
        else None,
        "notices": _notices(insp, authorisation, entered_at),
        "sealed_at": sealed_at,
        "sections": sections,
        "tables": tables,
        "findings": findings,
        "signatures": signatures,
        "summary": {
            "items": len(ev.outcomes),
            "passed": counts["pass"],
            "failed": counts["fail"],
            "not_applicable": counts["na"],
            "pending": counts["pending"],
            "recorded": counts["info"],
            "findings": len(findings),
            "result": _overall(counts),
        },
    }
