"""Signing and sealing. Each person signs a completed inspection by hand; sealing builds the record
document, signs it with the inspector's key, makes the signed PDF and workbook and stores all of
it at once, with the audit chain's head signed by the same key (an anchor). Each action reads,
checks and writes in one session."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import delete

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Inspection, SealedRecord, Signature
from branchcheck.errors import StateError
from branchcheck.inspections.context import branch_env, evaluate_inspection
from branchcheck.inspections.rows import get_inspection
from branchcheck.inspections.state import InspectionState, state_of, template_of
from branchcheck.people.register import find_staff
from branchcheck.settings import Settings


def _require_completed(insp: Inspection, doing: str) -> None:
    if insp.status != "completed":
        raise StateError(f"inspection {insp.id} is {insp.status}: {doing}")


def sign(
    store: Store,
    inspection_id: str,
    *,
    party: str,
    employee_no: str,
    strokes: list,
    now: datetime | None = None,
) -> None:
    """Store one handwritten signature on a completed inspection."""
    from branchcheck.records import handwriting

    now = clock.local_or_now(now)
    strokes = handwriting.validate_strokes(strokes)
    png = handwriting.render_png(strokes)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        _require_completed(
            insp, "signatures are given once every answer is in and the inspection is completed"
        )
        state = state_of(s, insp)
        if not any(p.party == party and p.person.employee_no == employee_no for p in state.parties):
            raise StateError(f"{employee_no} does not sign this record as '{party}'")
        staff = find_staff(s, employee_no)
        s.execute(
            delete(Signature).where(
                Signature.inspection_id == insp.id,
                Signature.party == party,
                Signature.staff_id == staff.id,
            )
        )
        s.add(
            Signature(
                inspection_id=insp.id,
                party=party,
                staff_id=staff.id,
                strokes=strokes,
                png=png,
                signed_at=clock.iso(now),
            )
        )
        audit.append(
            s,
            at=clock.iso(now),
            actor=employee_no,
            action="inspection.sign",
            subject=insp.id,
            detail={"party": party},
        )


def _require_signed(state: InspectionState) -> None:
    unsigned = state.unsigned()
    if unsigned:
        raise StateError(
            "signatures missing: "
            + "; ".join(
                f"{p.title['zh']} {p.person.name} ({p.person.employee_no})" for p in unsigned
            )
        )


def seal(
    store: Store,
    inspection_id: str,
    *,
    key_password: str,
    settings: Settings | None = None,
    home: Path | None = None,
    now: datetime | None = None,
) -> str:
    """Seal: build the record document, sign it with the inspector's key, make the signed PDF and
    workbook, and store all of it at once. Returns the record ID."""
    from branchcheck import records
    from branchcheck.records import keys, sealing
    from branchcheck.records.document import build_document
    from branchcheck.upload import cms

    settings, home = branch_env(settings, home)
    now = clock.local_or_now(now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        _require_completed(insp, "only a completed inspection is sealed")
        state = state_of(s, insp)
        _require_signed(state)
        cred = keys.credential_in(s, state.inspector.employee_no, key_password)
        ev, values, notes = evaluate_inspection(s, insp, settings, home)
        template = template_of(insp.template)
        doc = build_document(s, insp, template, ev, values, notes, sealed_at=clock.iso(now))
        the_seal = sealing.seal_document(doc, cred)
        pdf = records.render_pdf(doc, the_seal, cred)
        xlsx = records.render_xlsx(doc, the_seal, cred)
        s.add(
            SealedRecord(
                id=insp.id,
                inspection_id=insp.id,
                document=sealing.canonical_bytes(doc).decode(),
                sha256=the_seal["sha256"],
                seal=the_seal,
                sealed_at=clock.iso(now),
                pdf=pdf,
                xlsx=xlsx,
                xlsx_p7s=cms.sign_detached(cred, xlsx),
            )
        )
        insp.status = "sealed"
        audit.append(
            s,
            at=clock.iso(now),
            actor=state.inspector.employee_no,
            action="record.seal",
            subject=insp.id,
            detail={"sha256": the_seal["sha256"]},
        )
        # the chain's head, this seal's entry included, signed with the same key
        audit.anchor(s, cred, record_id=insp.id, at=clock.iso(now))
        return insp.id
