"""The store's tables (SQLAlchemy 2.0 typed ORM). Money is integer fen; times are ISO text with offset."""

from __future__ import annotations

import uuid

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


class Branch(Base):
    __tablename__ = "branch"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    head_office: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Staff(Base):
    """A person who appears in records: branch staff and external people (escorts)."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    roles: Mapped[list] = mapped_column(default=list)
    external: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation: Mapped[str] = mapped_column(String(200), default="")
    id_number: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(300), default=None)
    deactivated_on: Mapped[str | None] = mapped_column(String(10), default=None)


class Credential(Base):
    """A signing key and certificate (PKCS#12, encrypted with its own password)."""

    __tablename__ = "credential"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    p12: Mapped[bytes] = mapped_column(LargeBinary)
    certificate_pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TrustedCA(Base):
    __tablename__ = "trusted_ca"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    certificate_pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    own_branch_ca: Mapped[bool] = mapped_column(Boolean, default=False)
    # The branch CA's private key (PKCS#12 encrypted with the CA password); only for a branch CA.
    p12: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class TemplateVersion(Base):
    """The exact template a record was made with; never changed once stored."""

    __tablename__ = "template_version"
    __table_args__ = (UniqueConstraint("key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict] = mapped_column()
    source_name: Mapped[str] = mapped_column(String(300))
    stored_at: Mapped[str] = mapped_column(String(40))


class Inspection(Base):
    __tablename__ = "inspection"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    template_id: Mapped[int] = mapped_column(ForeignKey("template_version.id"))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    # in_progress → completed (all answers given, findings made) → sealed
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    local_date: Mapped[str] = mapped_column(String(10))
    started_at: Mapped[str] = mapped_column(String(40))
    completed_at: Mapped[str | None] = mapped_column(String(40), default=None)
    current_section: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("inspection.id"), default=None)
    # an authorised deputy's check: {"by", "reason", "reference", "valid_from", "valid_to"}
    authorisation: Mapped[dict | None] = mapped_column(default=None)
    # the real time the inspection was entered on this machine (started_at is when it took place)
    entered_at: Mapped[str | None] = mapped_column(String(40), default=None)
    late_reason: Mapped[str] = mapped_column(Text, default="", server_default="")  # 补录

    template: Mapped[TemplateVersion] = relationship()
    branch: Mapped[Branch] = relationship()
    inspector: Mapped[Staff] = relationship(foreign_keys=[inspector_id])
    people: Mapped[list[InspectionPerson]] = relationship(
        order_by="InspectionPerson.position", cascade="all, delete-orphan"
    )
    answers: Mapped[list[Answer]] = relationship(cascade="all, delete-orphan")


class InspectionPerson(Base):
    __tablename__ = "inspection_person"
    __table_args__ = (UniqueConstraint("inspection_id", "slot", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"))
    slot: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    staff: Mapped[Staff] = relationship()


class Answer(Base):
    """One answer. `part` is "" for an item's whole answer; items whose answer is a long list
    (the account-list review) keep each row's decision as its own part, so one decision is one
    small write."""

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("inspection_id", "item_key", "part"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"))
    item_key: Mapped[str] = mapped_column(String(64))
    part: Mapped[str] = mapped_column(String(100), default="", server_default="")
    value: Mapped[dict] = mapped_column()  # {"v": <answer JSON>, "note": str}
    answered_at: Mapped[str] = mapped_column(String(40))
    # a partly filled table or an unfinished entry, kept as typed and never evaluated as final
    draft: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Finding(Base):
    """A problem carried to closure. Most come from an inspection's items (origin "inspection");
    a missed obligation of the schedule (origin "schedule": a week without a vault check, a teller
    not covered, a pre-holiday check not done) or a post held too long (origin "rotation") has no
    inspection of its own: inspection_id is None and obligation_key names what was missed."""

    __tablename__ = "finding"
    # one finding per missed obligation (findings of an inspection have no key: NULLs never clash)
    __table_args__ = (
        UniqueConstraint("branch_id", "obligation_key", name="uq_finding_obligation"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspection.id"), default=None)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    checklist_key: Mapped[str] = mapped_column(String(64))
    item_key: Mapped[str] = mapped_column(String(64))
    # what identifies "the same problem" for repeat detection: checklist, item and subject
    problem_key: Mapped[str] = mapped_column(String(200))
    title: Mapped[dict] = mapped_column()
    severity: Mapped[str] = mapped_column(String(16))
    risk_driver: Mapped[str] = mapped_column(String(64))
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None)
    due_date: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(16), default="open")
    repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    rechecker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None)
    recheck_date: Mapped[str | None] = mapped_column(String(10), default=None)
    # where it came from: "inspection", "schedule" (a missed obligation), "rotation" (a key post
    # held too long), "headoffice"
    origin: Mapped[str] = mapped_column(
        String(16), default="inspection", server_default="inspection"
    )
    # the obligation a schedule or rotation finding is about, e.g. "vault_check:weekly:2026-W05";
    # unique per branch, so a closed window is made a finding once
    obligation_key: Mapped[str | None] = mapped_column(String(200), default=None)
    # who recorded the 整改结果, and on which local date (on time = this date <= due_date)
    result_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None)
    rectified_on: Mapped[str | None] = mapped_column(String(10), default=None)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None)
    closed_on: Mapped[str | None] = mapped_column(String(10), default=None)
    # accepted as an exception by the branch head until this date (then it reopens)
    exception_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    exception_until: Mapped[str | None] = mapped_column(String(10), default=None)
    exception_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None)
    # 核查问责: the earlier inspection that passed this problem as 合格 (应发现未发现)
    missed_by_inspection_id: Mapped[str | None] = mapped_column(
        ForeignKey("inspection.id"), default=None
    )
    missed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None)

    inspection: Mapped[Inspection | None] = relationship(foreign_keys=[inspection_id])
    responsible: Mapped[Staff | None] = relationship(foreign_keys=[responsible_id])
    rechecker: Mapped[Staff | None] = relationship(foreign_keys=[rechecker_id])
    result_by: Mapped[Staff | None] = relationship(foreign_keys=[result_by_id])
    closed_by: Mapped[Staff | None] = relationship(foreign_keys=[closed_by_id])
    exception_by: Mapped[Staff | None] = relationship(foreign_keys=[exception_by_id])
    missed_by: Mapped[Staff | None] = relationship(foreign_keys=[missed_by_id])
    evidence: Mapped[list[FindingEvidence]] = relationship(
        order_by="FindingEvidence.id", cascade="all, delete-orphan"
    )


class FindingEvidence(Base):
    """A file that shows a rectification (photo, scan, PDF): stored whole with its SHA-256."""

    __tablename__ = "finding_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("finding.id"))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[str] = mapped_column(String(40))


class StaffAbsence(Base):
    """A person away (leave, sick, training, …) from first_day to last_day, both included: an
    absent teller is not "uncovered" that week."""

    __tablename__ = "staff_absence"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    first_day: Mapped[str] = mapped_column(String(10))
    last_day: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(32), default="leave")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))

    staff: Mapped[Staff] = relationship(foreign_keys=[staff_id])


class StaffPost(Base):
    """When a person took a post (a role) and, once left, when they left it: the history the
    key-post rotation reminders read (seed 000: 管库、加钞人员三年轮岗)."""

    __tablename__ = "staff_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    role: Mapped[str] = mapped_column(String(32))
    from_date: Mapped[str] = mapped_column(String(10))
    to_date: Mapped[str | None] = mapped_column(String(10), default=None)
    # for an ATM loader: the route (线路) served, changed by a new row
    route: Mapped[str] = mapped_column(String(64), default="", server_default="")

    staff: Mapped[Staff] = relationship(foreign_keys=[staff_id])


class ObligationNote(Base):
    """The branch head's explanation of a missed obligation: recorded and audited; the miss stays
    in every report as missed (explained)."""

    __tablename__ = "obligation_note"
    __table_args__ = (UniqueConstraint("branch_id", "obligation_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    obligation_key: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    explained_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    explained_at: Mapped[str] = mapped_column(String(40))


class Signature(Base):
    __tablename__ = "signature"
    __table_args__ = (UniqueConstraint("inspection_id", "party", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"))
    party: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    strokes: Mapped[list] = mapped_column()
    png: Mapped[bytes] = mapped_column(LargeBinary)
    signed_at: Mapped[str] = mapped_column(String(40))

    staff: Mapped[Staff] = relationship()


class SealedRecord(Base):
    """A sealed record: the canonical document, its seal and the files made from it. Never updated."""

    __tablename__ = "sealed_record"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # = record_id = inspection id
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), unique=True)
    document: Mapped[str] = mapped_column(Text)  # canonical JSON text
    sha256: Mapped[str] = mapped_column(String(64))
    seal: Mapped[dict] = mapped_column()
    sealed_at: Mapped[str] = mapped_column(String(40))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    xlsx: Mapped[bytes] = mapped_column(LargeBinary)
    # the workbook's detached CMS signature by the inspector (None for records sealed before 0005)
    xlsx_p7s: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class AuditEntry(Base):
    """Append-only; each entry carries the hash of the previous one."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(100))
    detail: Mapped[dict] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """The chain's head (entry count and last hash) signed by a sealing signer's key; append-only.
    An entry rewritten or removed before an anchor no longer matches it."""

    __tablename__ = "audit_anchor"

    id: Mapped[int] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    at: Mapped[str] = mapped_column(String(40))
    signer: Mapped[str] = mapped_column(String(32))  # employee number
    signature: Mapped[str] = mapped_column(Text)  # base64
    certificate_pem: Mapped[str] = mapped_column(Text)
    chain_pem: Mapped[list] = mapped_column()


class ItemEvidence(Base):
    """A photo or file attached to an item of a record; sealed with it."""

    __tablename__ = "item_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"))
    item_key: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[str] = mapped_column(String(40))


class FindingStep(Base):
    """One step of a finding's loop (rectify, result, verify, close, exception, reopen ...) as an
    append-only row; the finding's state changes only together with a step (a trigger says so)."""

    __tablename__ = "finding_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("finding.id"), index=True)
    step: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), default=None)
    actor: Mapped[str] = mapped_column(String(32))  # employee number, or "system"
    on_date: Mapped[str | None] = mapped_column(String(10), default=None)
    fields: Mapped[dict] = mapped_column()  # the finding's columns this step set
    recorded_at: Mapped[str] = mapped_column(String(40))


class UploadPackage(Base):
    """A package made for head office; its ID is derived from its content."""

    __tablename__ = "upload_package"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_day: Mapped[str] = mapped_column(String(10))
    last_day: Mapped[str] = mapped_column(String(10))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    records: Mapped[list] = mapped_column()


class RecordReceipt(Base):
    """What head office's signed receipt says of one record of a package; append-only."""

    __tablename__ = "record_receipt"
    __table_args__ = (UniqueConstraint("package_id", "record_id", "receipt_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))  # accepted / duplicate / rejected
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    received_at: Mapped[str] = mapped_column(String(40))  # head office's own time
    receipt_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(String(40))
