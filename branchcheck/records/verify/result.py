"""What verifying one file says: its status, the reason in English and Chinese, the record and
the certificate that actually signed the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["pdf", "xlsx", "unknown"]
Status = Literal["ok", "tampered", "unsigned", "untrusted", "unreadable"]

_STATUS_ZH: dict[str, str] = {
    "ok": "通过",
    "tampered": "已被篡改",
    "unsigned": "未签名",
    "untrusted": "签名人不受信任",
    "unreadable": "无法读取",
}


def said(status: Status, en: str, zh: str) -> str:
    """A verdict's reason in both languages: `tampered: <en> / 已被篡改：<zh>`."""
    return f"{status}: {en} / {_STATUS_ZH[status]}：{zh}"


@dataclass(frozen=True)
class Signer:
    """The certificate that signed the file (never what the file merely claims)."""

    name: str
    employee_no: str | None
    fingerprint: str

    def __str__(self) -> str:
        return f"{self.name} ({self.employee_no or '?'}, SHA-256 {self.fingerprint[:16]}…)"


@dataclass(frozen=True)
class VerifyResult:
    path: str
    kind: Kind
    status: Status
    message: str
    record_id: str | None = None
    signer: str | None = None
    signer_employee_no: str | None = None
    signer_fingerprint: str | None = None
    # the moment the signature and its certificates were judged at: the signer's own claimed
    # signing time (an offline record carries no timestamp from an authority)
    judged_at: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def result(
    path: str,
    kind: Kind,
    status: Status,
    message: str,
    record_id: str | None = None,
    signer: Signer | None = None,
    judged_at: str | None = None,
) -> VerifyResult:
    if signer is None:
        return VerifyResult(path, kind, status, message, record_id, judged_at=judged_at)
    return VerifyResult(
        path,
        kind,
        status,
        message,
        record_id,
        str(signer),
        signer.employee_no,
        signer.fingerprint,
        judged_at,
    )
