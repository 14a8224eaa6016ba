"""Head office's own store: the branch CAs it trusts, the branches, the packages received, the
records accepted (their files and verdicts), the findings' states, and the receipts it signed.

A separate schema from the branch's (its own DeclarativeBase and Alembic migrations) with
portable column types only, so the same models serve SQLite and PostgreSQL. Uniqueness that
matters when two ingests run at once (a package ID, a record ID, an anchor's fingerprint) is
a database constraint, not a check in Python."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
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
    """A finding's state as one package says it."""

    __tablename__ = "finding"
    __table_args__ = (UniqueConstraint("finding_id", "package_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(String(32))
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id"))


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
