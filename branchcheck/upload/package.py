"""An upload package for head office: every sealed record of a period (its signed PDF, its
workbook and the workbook's detached CMS signature), the findings register, the schedule's
obligations with their status, and a manifest listing every file with its SHA-256 and size,
signed (detached CMS) with the packing administrator's certificate.

The package ID is the SHA-256 of what the package says — the branch, the period, each record's
ID and file hashes, each finding's state, each obligation's status — not of when it was made:
packing the same period twice, with nothing changed, gives the same ID and the same records.

    <out>/<branch>_<first>_<last>_<id[:12]>/
        manifest.json            format branchcheck-package/1
        manifest.json.p7s        the packer's signature over manifest.json
        records/<name>.pdf|.xlsx|.xlsx.p7s
        findings/问题整改台账_….xlsx|.pdf
        obligations.json
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.db.models import Inspection, SealedRecord, UploadPackage
from branchcheck.errors import StateError
from branchcheck.people.permissions import require, settings_for
from branchcheck.people.register import get_branch
from branchcheck.upload import cms

FORMAT = "branchcheck-package/1"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class PackageResult:
    """A package as written: its ID, folder, the records it carries and whether an identical
    package was made before."""

    package_id: str
    folder: Path
    records: tuple[str, ...]
    files: int
    repeated: bool


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _period_records(store: Store, first: date, last: date) -> list[dict[str, Any]]:
    """The period's sealed records, oldest first; refused if a check of it is still open."""
    with store.session() as s:
        rows = s.scalars(
            select(Inspection)
            .where(
                Inspection.local_date >= first.isoformat(),
                Inspection.local_date <= last.isoformat(),
            )
            .order_by(Inspection.local_date, Inspection.started_at)
        ).all()
        still_open = [i for i in rows if i.status != "sealed"]
        if still_open:
            names = "；".join(
                f"{i.template.content['title']['zh']} {i.local_date}（{i.id[:8]}）"
                for i in still_open
            )
            raise StateError(
                f"本期还有未封存的检查：{names} / the period still has {len(still_open)} "
                "inspection(s) not sealed: seal or discard them first",
                hint="branchcheck records list shows them",
            )
        out = []
        for insp in rows:
            rec = s.get(SealedRecord, insp.id)
            assert rec is not None  # sealed inspections have their record
            out.append(
                {
                    "id": insp.id,
                    "checklist": insp.template.key,
                    "local_date": insp.local_date,
                    "version": insp.version,
                    "supersedes": insp.supersedes_id,
                    "pdf": bytes(rec.pdf),
                    "xlsx": bytes(rec.xlsx),
                    "p7s": bytes(rec.xlsx_p7s) if rec.xlsx_p7s is not None else None,
                    "name": f"{insp.local_date}_{insp.template.key}_{insp.id}",
                }
            )
    if not out:
        raise StateError(
            f"{first} 至 {last} 没有已封存的检查记录，无需打包 / nothing sealed from {first} to "
            f"{last}: there is nothing to package"
        )
    return out


def _finding_facts(f: Any) -> dict[str, Any]:
    """A finding as head office reports on it: its facts, its state and dates as they stand,
    and 核查问责 (the earlier record that passed it, that record's inspector)."""
    return {
        "id": f.id,
        "state": f.state,
        "record_id": f.record_id,
        "checklist": f.checklist,
        "item_key": f.item_key,
        "title": {"zh": f.title.get("zh", ""), "en": f.title.get("en", "")},
        "severity": f.severity,
        "risk_driver": f.risk_driver.key,
        "origin": f.origin,
        "repeat": bool(f.repeat),
        "missed_record_id": f.missed_record_id,
        "missed_by": f.missed_by.employee_no if f.missed_by is not None else None,
        "found_on": f.record_date or f.created_at[:10],
        "due_date": f.due_date,
        "rectified_on": f.rectified_on,
        "closed_on": f.closed_on,
    }


def _content_id(branch: str, first: date, last: date, records, findings, obligations) -> str:
    said = {
        "format": FORMAT,
        "branch": branch,
        "period": [first.isoformat(), last.isoformat()],
        "records": [[r["id"], _sha(r["pdf"]), _sha(r["xlsx"])] for r in records],
        "findings": findings,
        "obligations": obligations,
    }
    return _sha(_canonical(said))


def make_package(
    store: Store,
    *,
    first: date,
    last: date,
    out: Path,
    actor: str,
    key_password: str,
    now: datetime | None = None,
) -> PackageResult:
    """Write the package of [first, last] under `out`, signed by `actor` (an administrator:
    people/permissions.py "package") with their key; record it and audit it."""
    from branchcheck.findings import list_findings
    from branchcheck.findings.register import export_register
    from branchcheck.records import keys
    from branchcheck.schedule.ledger import obligations
    from branchcheck.views import to_json

    now = clock.local_or_now(now)
    clock.check_period(first, last, now.date())
    with store.session() as s:
        person = require(s, actor, "package", settings_for(store))
        branch = get_branch(s)
        branch_info = {"code": branch.code, "name": branch.name, "head_office": branch.head_office}
        actor_id = person.id
    cred = keys.load_credential(store, actor, key_password)
    records = _period_records(store, first, last)
    record_ids = {r["id"] for r in records}
    period = (first.isoformat(), last.isoformat())
    found = [
        f
        for f in list_findings(store, as_of=now.date())
        if f.record_id in record_ids
        or (f.record_id is None and period[0] <= f.created_at[:10] <= period[1])
    ]
    finding_facts = sorted((_finding_facts(f) for f in found), key=lambda f: f["id"])
    obs = obligations(store, first, last, as_of=now.date())
    ob_states = sorted([o.key, o.status] for o in obs)
    package_id = _content_id(branch.code, first, last, records, finding_facts, ob_states)

    folder = Path(out) / f"{branch.code}_{first}_{last}_{package_id[:12]}"
    (folder / "records").mkdir(parents=True, exist_ok=True)
    listed: list[dict[str, Any]] = []

    def put(rel: str, data: bytes) -> None:
        path = folder / rel
        path.write_bytes(data)
        listed.append({"path": rel, "sha256": _sha(data), "size": len(data)})

    for r in records:
        put(f"records/{r['name']}.pdf", r["pdf"])
        put(f"records/{r['name']}.xlsx", r["xlsx"])
        if r["p7s"] is not None:
            put(f"records/{r['name']}.xlsx.p7s", r["p7s"])
    for path in export_register(
        store, folder / "findings", as_of=now.date(), signer=actor, password=key_password
    ):
        listed.append(
            {
                "path": f"findings/{path.name}",
                "sha256": _sha(path.read_bytes()),
                "size": path.stat().st_size,
            }
        )
    put("obligations.json", _canonical([to_json(o) for o in obs]))
    manifest = {
        "format": FORMAT,
        "package_id": package_id,
        "branch": branch_info,
        "period": {"from": first.isoformat(), "to": last.isoformat()},
        "made_at": clock.iso(now),
        "made_by": actor,
        "records": [
            {
                "id": r["id"],
                "checklist": r["checklist"],
                "local_date": r["local_date"],
                "version": r["version"],
                "supersedes": r["supersedes"],
                "pdf": f"records/{r['name']}.pdf",
                "xlsx": f"records/{r['name']}.xlsx",
                "xlsx_p7s": f"records/{r['name']}.xlsx.p7s" if r["p7s"] is not None else None,
            }
            for r in records
        ],
        "findings": finding_facts,
        "files": sorted(listed, key=lambda f: f["path"]),
    }
    with store.session() as s:
        # the audit chain's head signed with the packer's key, carried to head office, which
        # holds it: a later rewrite of the branch's trail before it no longer matches
        held = audit.anchor(s, cred, record_id=None, at=clock.iso(now))
        manifest["audit_anchor"] = {
            "count": held.count,
            "hash": held.hash,
            "at": held.at,
            "signer": held.signer,
            "signature": held.signature,
        }
    data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    (folder / MANIFEST).write_bytes(data)
    (folder / (MANIFEST + cms.SUFFIX)).write_bytes(cms.sign_detached(cred, data))

    with store.session() as s:
        repeated = s.get(UploadPackage, package_id) is not None
        if not repeated:
            s.add(
                UploadPackage(
                    id=package_id,
                    first_day=first.isoformat(),
                    last_day=last.isoformat(),
                    manifest_sha256=_sha(data),
                    created_by_id=actor_id,
                    created_at=clock.iso(now),
                    records=sorted(record_ids),
                )
            )
        audit.append(
            s,
            at=clock.iso(now),
            actor=actor,
            action="package.make",
            subject=package_id,
            detail={
                "from": first.isoformat(),
                "to": last.isoformat(),
                "records": len(records),
                "files": len(listed),
                "repeated": repeated,
                "folder": str(folder),
            },
        )
    return PackageResult(
        package_id, folder, tuple(r["id"] for r in records), len(listed) + 2, repeated
    )
