"""Signing and sealing. Each person signs a completed inspection by hand; sealing builds the record
document, signs it with the inspector's key, makes the signed PDF and workbook and stores all of
it at once, with the audit chain's head signed by the same key (an anchor). Each action reads,
checks and writes in one session."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Inspection, SealedRecord, Signature
from branchcheck.errors import AnswerError, AuthError, StateError
from branchcheck.inspections.context import branch_env, evaluate_inspection
from branchcheck.inspections.rows import get_inspection
from branchcheck.inspections.state import InspectionState, state_of, template_of
from branchcheck.people.permissions import Context, require
from branchcheck.people.register import find_staff
from branchcheck.settings import Settings


def _require_completed(insp: Inspection, doing: str) -> None:
    if insp.status != "completed":
        raise StateError(f"inspection {insp.id} is {insp.status}: {doing}")


# a copy of another person's strokes, moved or traced again, stays within this many box pixels
COPY_TOLERANCE = 4


def _shape(strokes: list) -> list[list[tuple[int, int]]]:
    """The strokes moved to their bounding box's corner: a copy placed elsewhere has the same."""
    xs = [x for line in strokes for x, _ in line]
    ys = [y for line in strokes for _, y in line]
    x0, y0 = min(xs), min(ys)
    return [[(x - x0, y - y0) for x, y in line] for line in strokes]


def copies(a: list, b: list, tolerance: int = COPY_TOLERANCE) -> bool:
    """Whether two validated stroke sets are the same hand's one drawing: as many strokes of as
    many points, every point within `tolerance` of the other's once both are moved to their
    corner. Two people never draw that alike; a pasted or replayed signature does."""
    sa, sb = _shape(a), _shape(b)
    if [len(line) for line in sa] != [len(line) for line in sb]:
        return False
    return all(
        abs(xa - xb) <= tolerance and abs(ya - yb) <= tolerance
        for la, lb in zip(sa, sb, strict=True)
        for (xa, ya), (xb, yb) in zip(la, lb, strict=True)
    )


def _refuse_copy(s: Session, insp: Inspection, staff_id: int, strokes: list) -> None:
    others = s.scalars(
        select(Signature).where(Signature.inspection_id == insp.id, Signature.staff_id != staff_id)
    )
    for other in others:
        if copies(strokes, other.strokes):
            who = f"{other.staff.name}（{other.staff.employee_no}）"
            raise AnswerError(
                f"签名与 {who} 的签名相同：请本人亲笔签名 / the signature is the same as "
                f"{other.staff.employee_no}'s: each person signs by their own hand"
            )


def sign(
    store: Store,
    inspection_id: str,
    *,
    party: str,
    employee_no: str,
    strokes: list,
    password: str,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> None:
    """Store one handwritten signature on a completed inspection, given by the signer themself:
    `password` is the signer's own sign-in password, checked as sign-in checks it (scrypt; the
    attempt audited, a wrong one counting toward the sign-in lock). Strokes the same as another
    person's on this record (`copies`) are refused."""
    from branchcheck.records import handwriting

    now = clock.local_or_now(now)
    strokes = handwriting.validate_strokes(strokes)
    png = handwriting.render_png(strokes)
    settings, _ = branch_env(settings, None)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        _require_completed(
            insp, "signatures are given once every answer is in and the inspection is completed"
        )
        state = state_of(s, insp)
        if not any(p.party == party and p.person.employee_no == employee_no for p in state.parties):
            raise StateError(f"{employee_no} does not sign this record as '{party}'")
        action = "sign_inspector" if party == "inspector" else "sign_party"
        context = Context(inspector=state.inspector.employee_no, party=employee_no)
        require(s, employee_no, action, settings, context)
    prove_signer(store, employee_no, password, settings=settings, now=now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        _require_completed(insp, "the inspection changed while the signer confirmed")
        staff = find_staff(s, employee_no)
        _refuse_copy(s, insp, staff.id, strokes)
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


def prove_signer(
    store: Store,
    employee_no: str,
    password: str,
    *,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> None:
    """Check a signer's own sign-in password, or raise an AuthError naming them. It is sign-in's
    check: audited (user.sign_in / user.sign_in_failed), and a wrong one counts toward the lock."""
    from branchcheck.people.register import sign_in

    with store.session() as s:
        person = find_staff(s, employee_no)
        if person.password_hash is None:
            raise AuthError(
                f"{person.name}（{employee_no}）没有设置密码，不能确认签字 / {employee_no} has no "
                "password to confirm a signature with",
                hint="请管理员为其设置密码 / the administrator sets one (users reset-password)",
            )
    if not password:
        raise AuthError(
            f"请 {employee_no} 输入本人密码确认签字 / {employee_no}: enter your own password to "
            "confirm your signature"
        )
    try:
        sign_in(store, employee_no, password, settings=settings, now=now)
    except AuthError as exc:
        raise AuthError(
            f"{employee_no} 未签字 / {employee_no} not signed: {exc.message}", hint=exc.hint
        ) from None


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
    from branchcheck.upload import cms

    settings, home = branch_env(settings, home)
    now = clock.local_or_now(now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        _require_completed(insp, "only a completed inspection is sealed")
        state = state_of(s, insp)
        _require_signed(state)
        cred = keys.credential_in(s, state.inspector.employee_no, key_password)
        doc = _document(s, insp, settings, home, now)
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


def _document(
    s: Session, insp: Inspection, settings: Settings, home: Path, now: datetime
) -> dict[str, Any]:
    """The record document as sealing at `now` makes it."""
    from branchcheck.records.document import build_document

    ev, values, notes = evaluate_inspection(s, insp, settings, home)
    template = template_of(insp.template)
    return build_document(s, insp, template, ev, values, notes, sealed_at=clock.iso(now))


def preview(
    store: Store,
    inspection_id: str,
    *,
    lang: str = "zh",
    settings: Settings | None = None,
    home: Path | None = None,
    now: datetime | None = None,
) -> bytes:
    """The record's PDF pages as sealing now would draw them, the signatures given so far
    included, unsigned and marked 预览 · 未封存 on every page. Nothing is stored."""
    from branchcheck.records import sealing
    from branchcheck.records.pdf import render_preview

    settings, home = branch_env(settings, home)
    now = clock.local_or_now(now)
    with store.session() as s:
        insp = get_inspection(s, inspection_id)
        _require_completed(insp, "a preview shows a completed inspection before it is sealed")
        doc = _document(s, insp, settings, home, now)
        inspector = insp.inspector
        seal = {
            "sha256": sealing.sha256_hex(sealing.canonical_bytes(doc)),
            "signer": {"employee_no": inspector.employee_no, "name": inspector.name},
        }
    return render_preview(doc, seal, lang=lang)
