"""The append-only audit log: each entry is chained to the previous one by SHA-256, and each seal
signs the chain's head (an anchor) with the sealing signer's key, so a rewrite or truncation before
an anchor is caught. `verify` checks the chain, every anchor and every sealed record's files."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from branchcheck.db.read import json_value
from branchcheck.errors import StateError
from branchcheck.integrity import RowProblem, finding_problems, missing_guards, staff_problems

if TYPE_CHECKING:
    from cryptography import x509
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    from branchcheck.db.models import AuditAnchor, AuditEntry
    from branchcheck.records.pki import Credential

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
    broken_position: int | None = None  # its place in the chain (1 = the first entry)

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _chain_hashes(conn: Connection | Session) -> tuple[list[str], ChainCheck]:
    """The stored hash of every entry in order, and the check of their links."""
    from sqlalchemy import text

    prev = GENESIS
    hashes: list[str] = []
    broken: int | None = None
    query = text(
        "SELECT id, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY id"
    )
    for entry in conn.execute(query).mappings():
        hashes.append(entry["hash"])
        if broken is None:
            detail = json_value(entry["detail"])
            expected = _entry_hash(
                prev, entry["at"], entry["actor"], entry["action"], entry["subject"], detail
            )
            if entry["prev_hash"] != prev or entry["hash"] != expected:
                broken = entry["id"]
                position = len(hashes)
        prev = entry["hash"]
    if broken is None:
        return hashes, ChainCheck(len(hashes), None)
    return hashes, ChainCheck(len(hashes), broken, position)


def check_chain(conn: Connection | Session) -> ChainCheck:
    """Every link of the chain, read in SQL (no ORM: `branchcheck audit verify` starts fast)."""
    return _chain_hashes(conn)[1]


# ---------------------------------------------------------------- anchors


def anchor_bytes(count: int, head: str, record_id: str | None, at: str, signer: str) -> bytes:
    """What an anchor's signature covers."""
    body = {"count": count, "hash": head, "record_id": record_id, "at": at, "signer": signer}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def anchor(session: Session, cred: Credential, *, record_id: str | None, at: str) -> AuditAnchor:
    """Sign the chain's head as it stands in the caller's transaction (after its last append) with
    `cred`, and store it as an anchor in the same transaction. The anchor itself is no entry."""
    import base64

    from sqlalchemy import func, select

    from branchcheck.db.models import AuditAnchor, AuditEntry
    from branchcheck.records import pki

    signer = cred.employee_no
    if signer is None:
        raise StateError("签名证书未写明员工号 / the signing certificate names no employee number")
    session.flush()
    count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    last = session.scalars(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    head = last or GENESIS
    data = anchor_bytes(count, head, record_id, at, signer)
    row = AuditAnchor(
        count=count,
        hash=head,
        record_id=record_id,
        at=at,
        signer=signer,
        signature=base64.b64encode(pki.sign_bytes(cred, data)).decode("ascii"),
        certificate_pem=pki.cert_to_pem(cred.cert),
        chain_pem=[pki.cert_to_pem(c) for c in cred.chain],
    )
    session.add(row)
    return row


@dataclass(frozen=True)
class AnchorCheck:
    """One anchor as verified: `problem` (Chinese / English) is None when it holds."""

    id: int
    count: int
    record_id: str | None
    at: str
    signer: str
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _signature_problem(row: dict, trust_roots: list[x509.Certificate]) -> str | None:
    import base64
    import datetime as dt

    from branchcheck.records import pki

    try:
        cert = pki.cert_from_pem(row["certificate_pem"])
        chain = [pki.cert_from_pem(p) for p in json_value(row["chain_pem"]) or []]
        signature = base64.b64decode(row["signature"], validate=True)
        at = dt.datetime.fromisoformat(row["at"])
    except Exception as exc:  # malformed PEM, base64 or time
        return f"锚点已损坏 / the anchor is malformed: {exc}"
    data = anchor_bytes(row["count"], row["hash"], row["record_id"], row["at"], row["signer"])
    if not pki.verify_bytes(cert, data, signature):
        return "锚点签名不符 / the anchor's signature does not match what it says"
    if pki.cert_employee_no(cert) != row["signer"]:
        return "锚点签名人与证书不符 / the anchor's signer is not the one in its certificate"
    if at.tzinfo is None:
        return "锚点时间无时区 / the anchor's time has no offset"
    reason = pki.check_chain(cert, chain, trust_roots, at=at)
    if reason is not None:
        return f"锚点证书不受信任 / the anchor's certificate is not trusted: {reason}"
    return None


def _anchor_problem(
    row: dict, hashes: list[str], trust_roots: list[x509.Certificate]
) -> str | None:
    problem = _signature_problem(row, trust_roots)
    if problem is not None:
        return problem
    count = row["count"]
    if count > len(hashes):
        return (
            f"日志只有 {len(hashes)} 条，锚点签署时有 {count} 条：条目被删除 / the log has "
            f"{len(hashes)} entries, the anchor signed {count}: entries were removed"
        )
    if (hashes[count - 1] if count else GENESIS) != row["hash"]:
        return (
            f"第 {count} 条与锚点不符：此前的条目被改写 / entry {count} differs from the anchor: "
            "the log was rewritten at or before it"
        )
    return None


def check_anchors(
    conn: Connection | Session, hashes: list[str], trust_roots: list[x509.Certificate]
) -> list[AnchorCheck]:
    """Every anchor, oldest first, against the chain's stored `hashes` (in order)."""
    from sqlalchemy import text

    query = text(
        "SELECT id, count, hash, record_id, at, signer, signature, certificate_pem, chain_pem "
        "FROM audit_anchor ORDER BY id"
    )
    return [
        AnchorCheck(
            row["id"],
            row["count"],
            row["record_id"],
            row["at"],
            row["signer"],
            _anchor_problem(dict(row), hashes, trust_roots),
        )
        for row in conn.execute(query).mappings()
    ]


# ---------------------------------------------------------------- the whole trail


@dataclass(frozen=True)
class FileCheck:
    """One stored file of a sealed record, verified against its seal."""

    record_id: str
    kind: str  # "pdf" or "xlsx"
    status: str  # records.verify's status: ok, tampered, untrusted, ...
    message: str

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class TrailCheck:
    """The audit chain, its anchors and the sealed records' stored files, as `audit verify` says."""

    chain: ChainCheck
    anchors: tuple[AnchorCheck, ...]
    files: tuple[FileCheck, ...]
    guards_missing: tuple[str, ...] = ()  # triggers the migrations made that are gone
    rows: tuple[RowProblem, ...] = ()  # rows that disagree with their steps or sealed record

    @property
    def last_trusted(self) -> AnchorCheck | None:
        """The newest anchor that holds with every earlier anchor holding and the chain's links
        intact up to it: the entries up to its count are vouched for by a signature."""
        broken = self.chain.broken_position
        trusted = None
        for a in self.anchors:
            if not a.ok or (broken is not None and a.count >= broken):
                break
            trusted = a
        return trusted

    @property
    def unanchored(self) -> int:
        """Entries after the newest anchor: not yet vouched for by any signature."""
        newest = max((a.count for a in self.anchors), default=0)
        return max(self.chain.entries - newest, 0)

    @property
    def ok(self) -> bool:
        return (
            self.chain.ok
            and all(a.ok for a in self.anchors)
            and all(f.ok for f in self.files)
            and not self.guards_missing
            and not self.rows
        )

    def lines(self) -> list[str]:
        """What `audit verify` prints: each problem, then the last trustworthy anchor."""
        out = []
        if self.chain.ok:
            out.append(
                f"审计日志链完整：{self.chain.entries} 条 / audit log intact: "
                f"{self.chain.entries} entries"
            )
        else:
            out.append(
                f"审计日志在第 {self.chain.broken_at} 条断开 / audit log BROKEN at entry "
                f"{self.chain.broken_at}"
            )
        for a in self.anchors:
            if not a.ok:
                out.append(f"锚点 {a.id}（{a.count} 条，{a.at}）/ anchor {a.id}: {a.problem}")
        for f in self.files:
            if not f.ok:
                out.append(f"记录 {f.record_id} 的 {f.kind}：{f.message}")
        if self.guards_missing:
            names = ", ".join(self.guards_missing)
            out.append(f"数据库防护触发器缺失 / the store's guards are missing: {names}")
        for r in self.rows:
            out.append(f"{r.subject}: {r.problem}")
        last = self.last_trusted
        if last is None:
            out.append("没有可信的锚点 / no trustworthy anchor")
        else:
            out.append(
                f"最后可信锚点：{last.id}（前 {last.count} 条，{last.signer}，{last.at}）/ last "
                f"trustworthy anchor: {last.id} (first {last.count} entries, signed by "
                f"{last.signer} at {last.at})"
            )
        if self.unanchored:
            out.append(
                f"尚未锚定：{self.unanchored} 条 / not yet anchored: {self.unanchored} entries"
            )
        checked = sum(1 for f in self.files if f.ok)
        out.append(
            f"已封存记录文件：{checked}/{len(self.files)} 通过 / sealed records' files: "
            f"{checked} of {len(self.files)} verify"
        )
        return out

    def as_dict(self) -> dict:
        last = self.last_trusted
        return {
            "ok": self.ok,
            "entries": self.chain.entries,
            "broken_at": self.chain.broken_at,
            "anchors": [
                {
                    "id": a.id,
                    "count": a.count,
                    "record_id": a.record_id,
                    "at": a.at,
                    "signer": a.signer,
                    "ok": a.ok,
                    "problem": a.problem,
                }
                for a in self.anchors
            ],
            "last_trusted_anchor": None if last is None else last.id,
            "last_trusted_count": None if last is None else last.count,
            "unanchored": self.unanchored,
            "files": [
                {"record_id": f.record_id, "kind": f.kind, "status": f.status, "message": f.message}
                for f in self.files
            ],
            "guards_missing": list(self.guards_missing),
            "rows": [{"subject": r.subject, "problem": r.problem} for r in self.rows],
        }


def check_files(conn: Connection | Session, trust_roots: list[x509.Certificate]) -> list[FileCheck]:
    """Every sealed record's stored PDF and workbook, verified against its seal."""
    from sqlalchemy import text

    from branchcheck.records.verify import verify_bytes_of

    out = []
    query = text("SELECT id, pdf, xlsx FROM sealed_record ORDER BY sealed_at, id")
    for row in conn.execute(query).mappings():
        for kind in ("pdf", "xlsx"):
            result = verify_bytes_of(f"{row['id']}.{kind}", bytes(row[kind]), trust_roots)
            out.append(FileCheck(row["id"], kind, result.status, result.message))
    return out


def verify(conn: Connection | Session) -> TrailCheck:
    """`branchcheck audit verify`: the chain's links, every anchor (signature, certificate trusted
    by this branch, the chain's entry at its count has its hash), every sealed record's files,
    the store's guards and the findings' rows against their steps and sealed records.
    Read in SQL; nothing written."""
    from sqlalchemy import text

    from branchcheck.records import pki

    roots = [
        pki.cert_from_pem(pem)
        for (pem,) in conn.execute(text("SELECT certificate_pem FROM trusted_ca ORDER BY id"))
    ]
    hashes, chain = _chain_hashes(conn)
    return TrailCheck(
        chain,
        tuple(check_anchors(conn, hashes, roots)),
        tuple(check_files(conn, roots)),
        tuple(missing_guards(conn)),
        tuple(finding_problems(conn) + staff_problems(conn)),
    )
