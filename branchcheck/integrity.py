"""What the store's rows must agree with, checked by `audit verify` beside the chain: someone with
the database file can drop the triggers and edit rows, so the guards' presence is checked, and
each finding's row is held against its appended steps (finding_step) and, for a sealed record's
finding, against the sealed document. Read in SQL; nothing written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from branchcheck.db.read import json_value

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

# every trigger the migrations create (tests/branchcheck/test_integrity.py holds this against a
# freshly made store, so the list cannot drift from the migrations)
GUARDS = (
    "answer_sealed_no_delete",
    "answer_sealed_no_insert",
    "answer_sealed_no_update",
    "audit_anchor_no_delete",
    "audit_anchor_no_update",
    "audit_log_no_delete",
    "audit_log_no_update",
    "finding_fixed_no_update",
    "finding_no_delete",
    "finding_state_needs_step",
    "finding_step_no_delete",
    "finding_step_no_update",
    "inspection_sealed_no_delete",
    "inspection_sealed_no_update",
    "item_evidence_sealed_no_delete",
    "item_evidence_sealed_no_insert",
    "item_evidence_sealed_no_update",
    "record_receipt_no_update",
    "sealed_record_no_delete",
    "sealed_record_no_update",
    "signature_sealed_no_delete",
    "signature_sealed_no_insert",
    "signature_sealed_no_update",
    "staff_post_no_delete",
    "staff_post_only_ends",
)

# a step's field → the finding's column it set
STEP_FIELDS = {
    "action": "action",
    "result": "result",
    "rectified_on": "rectified_on",
    "recheck_date": "recheck_date",
    "closed_on": "closed_on",
    "reason": "exception_reason",
    "until": "exception_until",
}
# a finding's facts as the sealed document keeps them
SEALED_FACTS = ("item_key", "severity", "title", "repeat")


@dataclass(frozen=True)
class RowProblem:
    """One row that disagrees with what vouches for it; `problem` in Chinese / English."""

    subject: str
    problem: str


def missing_guards(conn: Connection | Session) -> list[str]:
    """The guards (triggers) that should be there and are not."""
    have = {
        name
        for (name,) in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    }
    return [g for g in GUARDS if g not in have]


def _steps(conn: Connection | Session) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    query = text("SELECT finding_id, to_state, fields FROM finding_step ORDER BY id")
    for row in conn.execute(query).mappings():
        fields = json_value(row["fields"])
        out.setdefault(row["finding_id"], []).append({"to": row["to_state"], "fields": fields})
    return out


def _against_steps(f: dict[str, Any], steps: list[dict[str, Any]]) -> str | None:
    if not steps:
        if f["carried"] or f["state"] == "open":
            return None
        return f"状态为 {f['state']} 却没有任何整改步骤 / state {f['state']} with no recorded step"
    if steps[-1]["to"] != f["state"]:
        return (
            f"状态 {f['state']} 与最后一步（{steps[-1]['to']}）不符 / state {f['state']} differs "
            f"from its last recorded step ({steps[-1]['to']})"
        )
    last: dict[str, Any] = {}
    for step in steps:
        last.update({k: v for k, v in step["fields"].items() if k in STEP_FIELDS})
    for key, value in last.items():
        column = STEP_FIELDS[key]
        if (f[column] or "") != (value or ""):
            return f"{column} 与整改步骤记录不符 / {column} differs from what its steps recorded"
    return None


def _sealed_findings(conn: Connection | Session) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for (document,) in conn.execute(text("SELECT document FROM sealed_record")):
        for f in json.loads(document).get("findings", []):
            out[f["id"]] = f
    return out


def finding_problems(conn: Connection | Session) -> list[RowProblem]:
    """Each finding of a sealed record (or of no record) against its steps, and each finding a
    sealed document keeps against its row (still there, its facts unchanged)."""
    query = text(
        "SELECT f.id, f.state, f.item_key, f.severity, f.title, f.repeat, f.action, f.result, "
        "f.rectified_on, f.recheck_date, f.closed_on, f.exception_reason, f.exception_until, "
        "i.status AS record_status, i.supersedes_id IS NOT NULL AS carried "
        "FROM finding f LEFT JOIN inspection i ON i.id = f.inspection_id ORDER BY f.created_at"
    )
    steps = _steps(conn)
    rows = {r["id"]: dict(r) for r in conn.execute(query).mappings()}
    out = []
    for fid, f in rows.items():
        if f["record_status"] not in (None, "sealed"):
            continue  # a draft's findings are made anew until it is sealed
        why = _against_steps(f, steps.get(fid, []))
        if why is not None:
            out.append(RowProblem(f"finding {fid[:8]}", why))
    for fid, kept in _sealed_findings(conn).items():
        row = rows.get(fid)
        if row is None:
            out.append(
                RowProblem(
                    f"finding {fid[:8]}",
                    "封存记录中的问题已被删除 / a sealed record's finding is gone",
                )
            )
            continue
        title = json_value(row["title"])
        now = {"item_key": row["item_key"], "severity": row["severity"], "title": title}
        now["repeat"] = bool(row["repeat"])
        changed = [k for k in SEALED_FACTS if now[k] != kept.get(k)]
        if changed:
            out.append(
                RowProblem(
                    f"finding {fid[:8]}",
                    f"与封存记录不符：{', '.join(changed)} / differs from the sealed record: "
                    f"{', '.join(changed)}",
                )
            )
    return out


def _staff_events(conn: Connection | Session) -> dict[str, dict[str, Any]]:
    """Each person's roles and whether they are active, as the audit trail says."""
    said: dict[str, dict[str, Any]] = {}
    query = text(
        "SELECT action, subject, detail FROM audit_log WHERE action IN "
        "('staff.add', 'staff.roles', 'staff.deactivate') ORDER BY id"
    )
    for row in conn.execute(query).mappings():
        detail = json_value(row["detail"])
        person = said.setdefault(row["subject"], {"roles": None, "active": True})
        if row["action"] == "staff.deactivate":
            person["active"] = False
        else:
            person["roles"] = sorted(detail.get("roles") or [])
    return said


def staff_problems(conn: Connection | Session) -> list[RowProblem]:
    """Each person of the register against the audit trail: added through it, their roles and
    active state what its last entries say (a role given by direct SQL shows here)."""
    said = _staff_events(conn)
    out = []
    query = text("SELECT employee_no, roles, active FROM staff ORDER BY id")
    for row in conn.execute(query).mappings():
        no = row["employee_no"]
        roles = sorted(json_value(row["roles"]) or [])
        trail = said.get(no)
        if trail is None or trail["roles"] is None:
            out.append(
                RowProblem(
                    f"staff {no}",
                    "审计日志中没有此人的登记 / the audit trail never added this person",
                )
            )
        elif trail["roles"] != roles:
            out.append(
                RowProblem(
                    f"staff {no}",
                    f"岗位 {', '.join(roles)} 与审计日志（{', '.join(trail['roles'])}）不符 / roles "
                    f"{', '.join(roles)} differ from the audit trail's ({', '.join(trail['roles'])})",
                )
            )
        elif bool(row["active"]) != trail["active"]:
            out.append(
                RowProblem(
                    f"staff {no}",
                    "在职状态与审计日志不符 / active state differs from the audit trail",
                )
            )
    return out
