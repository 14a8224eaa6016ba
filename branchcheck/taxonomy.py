"""Fixed vocabularies: staff roles, severities, risk drivers (seed 000's taxonomy), item results."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """A coded term with its names, e.g. a risk driver. Defined here, not with the other views
    (branchcheck.views, which carries it): the sign-in screen needs the vocabularies before the
    window's first paint, and building the views' dataclasses took ~25 ms of that."""

    key: str
    zh: str
    en: str


# Inspection states in which answers may still change; a sealed record never changes.
OPEN_STATES = ("in_progress", "completed")

# Staff roles a person can hold in the staff register.
STAFF_ROLES: dict[str, dict[str, str]] = {
    "branch_head": {"zh": "网点负责人", "en": "Branch head"},
    "deputy_head": {"zh": "网点副职", "en": "Deputy head"},
    "authorised_deputy": {"zh": "授权代理负责人", "en": "Authorised deputy"},
    "supervisor": {"zh": "营运主管", "en": "Operations supervisor"},
    "teller": {"zh": "柜员", "en": "Teller"},
    "vault_keeper": {"zh": "管库员", "en": "Vault keeper"},
    "atm_loader": {"zh": "加钞员", "en": "ATM loader"},
    "sorter": {"zh": "清分员", "en": "Sorter"},
    "bookkeeper": {"zh": "记账员", "en": "Bookkeeper"},
    "escort": {"zh": "押运人员", "en": "Escort"},
}

SEVERITIES: dict[str, dict[str, str]] = {
    "low": {"zh": "低", "en": "Low"},
    "medium": {"zh": "中", "en": "Medium"},
    "high": {"zh": "高", "en": "High"},
    "critical": {"zh": "严重", "en": "Critical"},
}

# Risk drivers from seed 000 (000_1561e782874b01c0.txt), the taxonomy for findings.
RISK_DRIVERS: dict[str, dict[str, str]] = {
    "accounting_error": {"zh": "账务处理失误", "en": "Accounting error", "side": "internal"},
    "rules_unknown": {
        "zh": "不了解或未准确掌握制度要求或业务流程",
        "en": "Rules or process not known",
        "side": "internal",
    },
    "review_error": {"zh": "业务审查核对失误", "en": "Review or check error", "side": "internal"},
    "steps_skipped": {"zh": "擅自简化流程", "en": "Steps skipped", "side": "internal"},
    "supervision_lacking": {
        "zh": "现场管理审核不到位",
        "en": "On-site supervision lacking",
        "side": "internal",
    },
    "agreement_breach": {
        "zh": "违反与银行签订的协议",
        "en": "Breach of agreement with the bank",
        "side": "external",
    },
    "regulation_breach": {
        "zh": "违反或规避监管规定",
        "en": "Breach or evasion of regulation",
        "side": "external",
    },
    "system_failure": {
        "zh": "行内系统故障、通信故障",
        "en": "Bank system or communication failure",
        "side": "external",
    },
}

RESULTS: dict[str, dict[str, str]] = {
    "pass": {"zh": "合格", "en": "Pass"},
    "fail": {"zh": "不合格", "en": "Fail"},
    "na": {"zh": "不适用", "en": "N/A"},
    "pending": {"zh": "待定", "en": "Pending"},
    "info": {"zh": "记录", "en": "Recorded"},
    "unanswered": {"zh": "未答", "en": "Unanswered"},
}

FINDING_STATES: dict[str, dict[str, str]] = {
    "open": {"zh": "待整改", "en": "Open"},
    "rectifying": {"zh": "整改中", "en": "Rectifying"},
    "verified": {"zh": "已复查", "en": "Verified"},
    "closed": {"zh": "已关闭", "en": "Closed"},
    # accepted by the branch head until a date; reopens at expiry (findings/exception.py)
    "exception": {"zh": "例外接受", "en": "Accepted exception"},
}

# Where a finding comes from: an inspection's items, a missed obligation of the schedule (no
# record of its own), a key post held too long, a head-office inspection.
# The schedule's obligations (branchcheck.schedule): why each is asked and how it stands.
OBLIGATION_REASONS: dict[str, dict[str, str]] = {
    "weekly": {"zh": "每周查库", "en": "Weekly check"},
    "teller_coverage": {"zh": "柜员全覆盖", "en": "Every teller covered"},
    "pre_holiday": {"zh": "节前查库", "en": "Pre-holiday check"},
    "periodic": {"zh": "定期检查", "en": "Periodic check"},
    "events": {"zh": "按次检查", "en": "Expected events"},
}
OBLIGATION_STATUSES: dict[str, dict[str, str]] = {
    "due": {"zh": "待做", "en": "Due"},
    "overdue": {"zh": "已逾期", "en": "Overdue"},
    "done": {"zh": "已完成", "en": "Done"},
    "missed": {"zh": "漏做", "en": "Missed"},
    "explained": {"zh": "漏做（已说明）", "en": "Missed (explained)"},
}

# Findings about something no checklist template covers: the name they are listed under.
OTHER_CHECKLISTS: dict[str, dict[str, str]] = {
    "key_post_rotation": {"zh": "重要岗位轮岗", "en": "Key-post rotation"},
}

FINDING_ORIGINS: dict[str, dict[str, str]] = {
    "inspection": {"zh": "检查发现", "en": "Inspection"},
    "schedule": {"zh": "应检未检", "en": "Missed schedule"},
    "rotation": {"zh": "轮岗提醒", "en": "Key-post rotation"},
    "headoffice": {"zh": "上级检查", "en": "Head office"},
}


def risk_driver_ref(key: str) -> dict[str, str]:
    d = RISK_DRIVERS[key]
    return {"key": key, "zh": d["zh"], "en": d["en"]}


def risk_driver_label(key: str) -> Label:
    """The risk driver's names; a key the taxonomy does not know (an older record) is its own name."""
    d = RISK_DRIVERS.get(key, {"zh": key, "en": key})
    return Label(key, d["zh"], d["en"])
