"""Head office's own store: the branch CAs it trusts, the branches, the packages received, the
records accepted (their files and verdicts), the findings' states, and the receipts it signed.

A separate schema from the branch's (its own DeclarativeBase and Alembic migrations) with
portable column types only, so the same models serve SQLite and PostgreSQL. Uniqueness that
matters when two ingests run at once (a package ID, a record ID, an anchor's fingerprint) is
a database constraint, not a check in Python."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class HeadOfficeBase(DeclarativeBase):
    pass


class TrustAnchor(HeadOfficeBase):
    """A branch CA certificate head office trusts (`removed_at` set when no longer trusted; the
    row stays so that records it verified still name it)."""

    __tablename__ = "trust_anchor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    added_at: Mapped[str] = mapped_column(String(40))
    removed_at: Mapped[str | None] = mapped_column(String(40), default=None)
    # who trusted it and who stopped: head office's signer ("name (SHA-256 …)"); none before 0003
    added_by: Mapped[str | None] = mapped_column(String(200), default=None)
    removed_by: Mapped[str | None] = mapped_column(String(200), default=None)


class HeadOfficeSigner(HeadOfficeBase):
    """The certificates of head office's own key: the current one (`slot` 1) was fixed by the
    first action taken with a key on this store (a trust change or an ingest), or by replacing
    the one before with that one's key; from then on only it changes the trust store and signs
    receipts, so holding it (and its password) is what proves who acts. Replaced ones stay,
    `slot` empty, with when and by which key they were replaced. At most one row holds slot 1:
    two first uses at once cannot fix two signers (a unique constraint, not a check in Python)."""

    __tablename__ = "ho_signer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot: Mapped[int | None] = mapped_column(Integer, unique=True, default=None)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(String(200))
    pem: Mapped[str] = mapped_column(Text)
    pinned_at: Mapped[str] = mapped_column(String(40))
    replaced_at: Mapped[str | None] = mapped_column(String(40), default=None)
    replaced_by: Mapped[str | None] = mapped_column(String(200), default=None)


class HoBranch(HeadOfficeBase):
    __tablename__ = "branch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class HoPackage(HeadOfficeBase):
    """A package taken in whole."""

    __tablename__ = "package"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(64), unique=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    period_from: Mapped[str] = mapped_column(String(10))
    period_to: Mapped[str] = mapped_column(String(10))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[str] = mapped_column(String(40))
    signer: Mapped[str] = mapped_column(String(300))
    anchor_id: Mapped[int] = mapped_column(ForeignKey("trust_anchor.id"))
    # the branch's audit chain head (entry count, last hash) the packer signed: head office
    # holds it, so a branch trail rewritten before it is caught by comparing
    audit_count: Mapped[int | None] = mapped_column(Integer, default=None)
    audit_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class HoRecord(HeadOfficeBase):
    """One accepted record: its signed PDF, its workbook and the workbook's CMS signature, the
    verdict they had when ingested and the anchor that verified them."""

    __tablename__ = "record"
    __table_args__ = (Index("ix_record_branch_date", "branch_id", "local_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    checklist: Mapped[str] = mapped_column(String(64))
    local_date: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer)
    supersedes: Mapped[str | None] = mapped_column(String(36), default=None)
    superseded_by: Mapped[str | None] = mapped_column(String(36), default=None)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    xlsx: Mapped[bytes] = mapped_column(LargeBinary)
    xlsx_sha256: Mapped[str] = mapped_column(String(64))
    xlsx_p7s: Mapped[bytes] = mapped_column(LargeBinary)
    verdict: Mapped[str] = mapped_column(String(16))
    verdict_detail: Mapped[str] = mapped_column(Text)
    signer: Mapped[str] = mapped_column(String(300))
    signed_at: Mapped[str] = mapped_column(String(40))  # the signer's claimed time
    anchor_id: Mapped[int] = mapped_column(ForeignKey("trust_anchor.id"))
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id"))


class HoFinding(HeadOfficeBase):
    """A finding as one package says it: its facts (which never change at the branch) and its
    state, dates and accountability on the day the package was made. The same finding in a later
    package is a later row; reports read the row of the latest package (received last)."""

    __tablename__ = "finding"
    __table_args__ = (
        UniqueConstraint("finding_id", "package_id"),
        Index("ix_finding_branch_found", "branch_id", "found_on"),
        Index("ix_finding_finding_id", "finding_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(String(32))
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id"))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"), default=None)
    record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    checklist: Mapped[str | None] = mapped_column(String(64), default=None)
    item_key: Mapped[str | None] = mapped_column(String(120), default=None)
    title_zh: Mapped[str | None] = mapped_column(String(400), default=None)
    title_en: Mapped[str | None] = mapped_column(String(400), default=None)
    severity: Mapped[str | None] = mapped_column(String(32), default=None)
    risk_driver: Mapped[str | None] = mapped_column(String(64), default=None)
    origin: Mapped[str | None] = mapped_column(String(32), default=None)
    repeat: Mapped[bool | None] = mapped_column(Boolean, default=None)
    missed_record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    missed_by: Mapped[str | None] = mapped_column(String(32), default=None)  # employee no.
    found_on: Mapped[str | None] = mapped_column(String(10), default=None)
    due_date: Mapped[str | None] = mapped_column(String(10), default=None)
    rectified_on: Mapped[str | None] = mapped_column(String(10), default=None)
    closed_on: Mapped[str | None] = mapped_column(String(10), default=None)


class HoObligation(HeadOfficeBase):
    """One thing the branch's schedule asked (obligations.json of a package) and how it stood
    when the package was made; reports read the row of the latest package listing the key."""

    __tablename__ = "obligation"
    __table_args__ = (
        UniqueConstraint("package_id", "key"),
        Index("ix_obligation_branch_due", "branch_id", "due_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    key: Mapped[str] = mapped_column(String(120))
    checklist: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[str] = mapped_column(String(10))
    due_on: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16))
    done_on: Mapped[str | None] = mapped_column(String(10), default=None)
    expected: Mapped[int] = mapped_column(Integer, default=1)
    count: Mapped[int] = mapped_column(Integer, default=0)


class HoReceipt(HeadOfficeBase):
    """A receipt head office signed for a package it received (accepted or not)."""

    __tablename__ = "receipt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str | None] = mapped_column(String(64), default=None)
    folder: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[str] = mapped_column(String(40))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    p7s: Mapped[bytes] = mapped_column(LargeBinary)
