"""The append-only audit log: each entry is chained to the previous one by SHA-256."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from branchcheck.db.read import json_value

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    from branchcheck.db.models import AuditEntry

GENESIS = "0" * 64


def _entry_hash(
    prev_hash: str, at: str, actor: str, action: str, subject: str, detail: dict
) -> str:
    body = json.dumps(
        [prev_hash, at, actor, action, subject, detail],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    session: Session, *, at: str, actor: str, action: str, subject: str, detail: dict | None = None
) -> AuditEntry:
    """Add one entry inside the caller's transaction."""
    from sqlalchemy import select

    from branchcheck.db.models import AuditEntry

    detail = detail or {}
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        detail=detail,
        prev_hash=prev,
        hash=_entry_hash(prev, at, actor, action, subject, detail),
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    broken_at: int | None  # id of the first entry whose hash or link does not hold

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def check_chain(conn: Connection | Session) -> ChainCheck:
    """Every link of the chain, read in SQL (no ORM: `branchcheck audit check` starts fast)."""
    from sqlalchemy import text

    prev = GENESIS
    count = 0
    query = text(
        "SELECT id, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY id"
    )
    for entry in conn.execute(query).mappings():
        count += 1
        detail = json_value(entry["detail"])
        expected = _entry_hash(
            prev, entry["at"], entry["actor"], entry["action"], entry["subject"], detail
        )
        if entry["prev_hash"] != prev or entry["hash"] != expected:
            return ChainCheck(count, entry["id"])
        prev = entry["hash"]
    return ChainCheck(count, None)
