"""The settlement-account rules: which accounts are out of line as of a date, and what to do.

Pure functions over `Account`s. Every flag carries its rule's code, a Chinese and English label,
the control required (zh + en), its source, the decisions its rule allows, and a short detail
for this account. Flags of one account always come in the order of RULES.

A state the reader could not recognise is None: it counts as "not controlled", so an account
is never hidden from a rule by an unfamiliar wording (the reader warns about it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from branchcheck.accounts.reader import Account
from branchcheck.money import format_fen
from branchcheck.settings import Settings

SEED = "000_1561e782874b01c0.txt"
MEASURES = "《人民币银行结算账户管理办法》"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    label_zh: str
    label_en: str
    control_zh: str
    control_en: str
    source: str
    # The decisions a reviewer may take on this flag (engine.accounts.DECISIONS keys): a flag
    # whose control is required whatever the customer says cannot be "explained" away.
    decisions: tuple[str, ...] = ("applied", "explained", "rectify")


NOT_EXPLAINED = ("applied", "rectify")

_RULES = (
    Rule(
        "DOCS_EXPIRED",
        "证明文件已过期",
        "Account documents expired",
        "不收不付：提示客户更新证明文件，合理期限内未更新且无合理理由的中止办理业务",
        "Block credits and debits: ask the customer to renew the documents; suspend business "
        "if not renewed within a reasonable period without a reasonable explanation",
        f"[seed {SEED}] 整改要求第三条；银发〔2019〕41号（证明文件过期未更新的中止业务）",
    ),
    Rule(
        "DORMANT",
        "长期不动户未转久悬",
        "Idle for a year, not dormant",
        "行内主机及人行账户管理系统置久悬；通知客户，30 日内未办理的视同自愿销户，"
        "未划转款项列入久悬未取专户",
        "Set dormant (久悬) in the host and the PBOC account system; notify the customer and "
        "after 30 days treat the account as closed, funds to the unclaimed-funds account",
        f"{MEASURES}第五十六条；[seed {SEED}] 长期不动户未转久悬",
    ),
    Rule(
        "SPECIAL_DORMANT_PBOC",
        "特殊长期不动户未在人行置久悬",
        "Special idle account not dormant in the PBOC system",
        "在人行账户管理系统置久悬",
        "Set dormant (久悬) in the PBOC account system",
        f"[seed {SEED}] 整改要求第三条（特殊长期不动户应在人行账户管理系统置久悬）",
    ),
    Rule(
        "SPECIAL_ACTIVE",
        "特殊长期不动户已动账未激活",
        "Special idle account active again",
        "证明文件有效：做激活处理，加强与客户沟通",
        "Documents valid: activate the account and keep in touch with the customer",
        f"[seed {SEED}] 整改要求第三条（已动账且证明文件仍有效的应做激活处理）",
    ),
    Rule(
        "SPECIAL_KIND_MISMATCH",
        "特殊长期不动户类别与账户数据不符",
        "Special idle account kind contradicted by the data",
        "核实特殊长期不动户类别；不属于六种情形的，按长期不动户处理（两系统置久悬）",
        "Check the special kind; an account that fits none of the six kinds is an ordinary "
        "idle account (set dormant in both systems)",
        f"[seed {SEED}] 整改要求第三条（特殊长期不动户的六种情形：账户余额超过5万元等）",
    ),
    Rule(
        "DEREGISTERED",
        "单位已注销未做控制",
        "Company deregistered, account not controlled",
        "只收不付；通知客户办理销户",
        "Credits only (只收不付); tell the customer to close the account",
        f"[seed {SEED}] 整改要求第三条；{MEASURES}第四十九条、第五十一条",
        decisions=NOT_EXPLAINED,
    ),
    Rule(
        "REVOKED",
        "营业执照已吊销未做控制",
        "Business licence revoked, account not controlled",
        "不收不付；通知客户办理销户",
        "Block credits and debits (不收不付); tell the customer to close the account",
        f"[seed {SEED}] 对公账户全生命周期管理（已注销/吊销的立即不收不付）；{MEASURES}第四十九条",
        decisions=NOT_EXPLAINED,
    ),
    Rule(
        "PBOC_CLOSED",
        "人行已销户行内未销户",
        "Closed in the PBOC system, open in the host",
        "行内主机做销户处理，未取款项列入久悬未取专户；无须提交分行营销部门审批",
        "Close in the host; unclaimed funds to the unclaimed-funds account; no approval needed",
        f"[seed {SEED}] 整改要求第三条",
        decisions=NOT_EXPLAINED,
    ),
    Rule(
        "HOST_CLOSED_PBOC_OPEN",
        "行内已销户人行未撤销",
        "Closed in the host, still open in the PBOC system",
        "核实销户手续，在人行账户管理系统办理撤销，使两系统账户状态一致",
        "Check the closure and revoke the account in the PBOC account system so both agree",
        f"[seed {SEED}] 整改要求第三条（人行账户管理系统与行内主机账户状态应一致）",
        decisions=NOT_EXPLAINED,
    ),
    Rule(
        "HOST_DORMANT_PBOC_NORMAL",
        "行内已久悬人行仍正常",
        "Dormant in the host, normal in the PBOC system",
        "在人行账户管理系统置久悬，使两系统账户状态一致",
        "Set the account dormant (久悬) in the PBOC account system so both agree",
        f"[seed {SEED}] 整改要求第三条（人行账户管理系统与行内主机账户状态应一致）；"
        f"{MEASURES}第五十六条",
        decisions=NOT_EXPLAINED,
    ),
    Rule(
        "PBOC_DORMANT_HOST_NORMAL",
        "人行已久悬行内仍正常",
        "Dormant in the PBOC system, normal in the host",
        "行内主机置久悬，款项列入久悬未取专户；客户已恢复往来的，在人行系统解除久悬，使两系统一致",
        "Set the account dormant in the host (funds to the unclaimed-funds account); if the "
        "customer is active again, lift 久悬 in the PBOC system, so both agree",
        f"[seed {SEED}] 整改要求第三条（人行账户管理系统与行内主机账户状态应一致）；"
        f"{MEASURES}第五十六条",
        decisions=NOT_EXPLAINED,
    ),
    Rule(
        "SHARED_PHONE",
        "多个客户共用预留手机号",
        "Phone number shared by several customers",
        "核实客户身份及开户意愿的真实性，防范出租、出借、出售账户",
        "Verify the customers' identity and intent to open the account",
        f"[seed {SEED}] 风险提示（多个客户共用同一手机号）",
    ),
    Rule(
        "SHARED_ADDRESS",
        "多个客户共用注册地址",
        "Registered address shared by several customers",
        "核实客户身份、经营地址及开户意愿的真实性",
        "Verify the customers' identity, address and intent to open the account",
        f"[seed {SEED}] 风险提示（多个客户地址相同或相近；地址异常）",
    ),
    Rule(
        "SAME_LEGAL_REP",
        "同一法定代表人开立多户",
        "One legal representative, many customers",
        "核实开户意愿的真实性及合理性，防范多头开户、随意开户",
        "Review: one person behind many customers' accounts",
        f"[seed {SEED}] 风险提示（同法人或授权代理人开多户）",
    ),
)

RULES: dict[str, Rule] = {r.code: r for r in _RULES}
FLAG_CODES: tuple[str, ...] = tuple(RULES)


@dataclass(frozen=True, slots=True)
class Flag:
    """One rule broken by one account; the rule's texts are reached through `rule`."""

    code: str
    detail: str = ""

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def label_zh(self) -> str:
        return RULES[self.code].label_zh

    @property
    def label_en(self) -> str:
        return RULES[self.code].label_en

    @property
    def control_zh(self) -> str:
        return RULES[self.code].control_zh

    @property
    def control_en(self) -> str:
        return RULES[self.code].control_en

    @property
    def source(self) -> str:
        return RULES[self.code].source


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """Every parameter of the rules, with the defaults of domain.md §5."""

    # days after the documents' last valid day before DOCS_EXPIRED (settings.docs_grace_days)
    docs_grace_days: int = Settings.docs_grace_days
    dormant_years: int = 1  # idle this many calendar years (29 Feb -> 28 Feb) = long-term idle
    shared_phone_customers: int = 2  # customers sharing one phone before SHARED_PHONE
    shared_address_customers: int = 2  # customers sharing one address before SHARED_ADDRESS
    legal_rep_customers: int = 3  # customers with one legal representative before SAME_LEGAL_REP

    def __post_init__(self) -> None:
        if self.docs_grace_days < 0 or self.dormant_years < 1:
            raise ValueError("docs_grace_days must be >= 0 and dormant_years >= 1")
        for name in ("shared_phone_customers", "shared_address_customers", "legal_rep_customers"):
            if getattr(self, name) < 2:
                raise ValueError(f"{name} must be at least 2")

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewSettings:
        """The review's parameters from the branch's settings (one grace period for the rule and
        the account-management checklist's text)."""
        return cls(docs_grace_days=settings.docs_grace_days)


DEFAULT_SETTINGS = ReviewSettings()

# The balance a special idle account of kind 余额超过5万元 must exceed (seed 000), in fen.
SPECIAL_BALANCE_FEN = 5_000_000


def allowed_decisions(codes: Iterable[str]) -> tuple[str, ...]:
    """The decisions allowed on an account with these flags: those every one of its rules allows."""
    allowed = ["applied", "explained", "rectify"]
    for code in codes:
        rule = RULES.get(code)
        if rule is not None:
            allowed = [d for d in allowed if d in rule.decisions]
    return tuple(allowed)


def years_before(day: date, years: int = 1) -> date:
    """The same calendar day `years` earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _shared(accounts: list[Account], attr: str, threshold: int) -> dict[str, int]:
    """Values of `attr` (blank ignored) found on at least `threshold` distinct customers,
    with their number of customers. One customer's own accounts never count twice."""
    first: dict[str, str] = {}
    many: dict[str, set[str]] = {}
    for a in accounts:
        value = getattr(a, attr)
        if value:
            who = a.customer_id or a.account_no  # an unreadable customer ID: its own customer
            customer = first.setdefault(value, who)
            if customer != who:
                many.setdefault(value, {customer}).add(who)
    return {v: len(c) for v, c in many.items() if len(c) >= threshold}


_HOST_CONTROLLED_DOCS = frozenset({"不收不付", "已销户"})
_HOST_DORMANT_OR_CLOSED = frozenset({"久悬", "已销户"})
_PBOC_DORMANT_OR_CLOSED = frozenset({"久悬", "已撤销"})
_HOST_CONTROLLED_DEREG = frozenset({"只收不付", "不收不付", "已销户"})


def classify(
    accounts: Iterable[Account],
    as_of: date,
    settings: ReviewSettings = DEFAULT_SETTINGS,
) -> dict[str, list[Flag]]:
    """Flags of every account breaking at least one rule as of `as_of`, keyed by account number
    (accounts without flags are absent). Accounts are assumed valid rows: the reader leaves rows
    with errors out, so they count neither for themselves nor in the shared-attribute groups."""
    accounts = list(accounts)
    cutoff = years_before(as_of, settings.dormant_years)
    docs_limit = as_of - timedelta(days=settings.docs_grace_days)

    shared_phone = _shared(accounts, "phone", settings.shared_phone_customers)
    shared_addr = _shared(accounts, "address", settings.shared_address_customers)
    many_reps = _shared(accounts, "legal_rep", settings.legal_rep_customers)

    result: dict[str, list[Flag]] = {}
    for a in accounts:
        flags: list[Flag] = []
        host = a.host_status
        pboc = a.pboc_status
        valid_until = a.documents_valid_until
        last = a.last_activity_on
        idle_since = last if last is not None else a.opened_on
        idle = idle_since <= cutoff
        special = a.special_dormant

        if (
            valid_until is not None
            and valid_until < docs_limit
            and host not in _HOST_CONTROLLED_DOCS
        ):
            flags.append(Flag("DOCS_EXPIRED", f"证明文件有效期至 {valid_until.isoformat()}"))
        if (
            idle
            and special is None
            and not a.owes_bank
            and not (host in _HOST_DORMANT_OR_CLOSED and pboc in _PBOC_DORMANT_OR_CLOSED)
        ):
            flags.append(Flag("DORMANT", _idle_detail(a)))
        if special is not None:
            if idle and pboc not in _PBOC_DORMANT_OR_CLOSED:
                flags.append(
                    Flag("SPECIAL_DORMANT_PBOC", f"{special}；{_idle_detail(a)}；人行状态 {pboc}")
                )
            # Activity must be real (a never-active account has not moved); the documents must be
            # valid today — grace days only delay DOCS_EXPIRED, they never make activation right.
            if last is not None and last > cutoff and (valid_until is None or valid_until >= as_of):
                flags.append(Flag("SPECIAL_ACTIVE", f"{special}；最后动户 {last.isoformat()}"))
            balance = a.balance_fen
            if (
                special == "余额超过5万元"
                and balance is not None
                and balance <= SPECIAL_BALANCE_FEN
            ):
                flags.append(
                    Flag("SPECIAL_KIND_MISMATCH", f"类别 {special}；余额 {format_fen(balance)}")
                )
        licence = a.license_status
        if licence == "注销" and host not in _HOST_CONTROLLED_DEREG:
            flags.append(Flag("DEREGISTERED", f"营业执照已注销；行内状态 {_state(host)}"))
        elif licence == "吊销" and host not in _HOST_CONTROLLED_DOCS:
            flags.append(Flag("REVOKED", f"营业执照已吊销；行内状态 {_state(host)}"))
        states = f"行内状态 {_state(host)}；人行状态 {_state(pboc)}"
        if pboc == "已撤销" and host != "已销户":
            flags.append(Flag("PBOC_CLOSED", states))
        elif host == "已销户" and pboc in ("正常", "久悬"):
            flags.append(Flag("HOST_CLOSED_PBOC_OPEN", states))
        elif host == "久悬" and pboc == "正常":
            flags.append(Flag("HOST_DORMANT_PBOC_NORMAL", states))
        elif pboc == "久悬" and host == "正常" and special is None:
            # a special idle account is set 久悬 in the PBOC system only (seed 000)
            flags.append(Flag("PBOC_DORMANT_HOST_NORMAL", states))
        if a.phone in shared_phone:
            flags.append(
                Flag("SHARED_PHONE", f"手机号 {a.phone} 由 {shared_phone[a.phone]} 个客户使用")
            )
        if a.address in shared_addr:
            flags.append(Flag("SHARED_ADDRESS", f"该地址由 {shared_addr[a.address]} 个客户使用"))
        if a.legal_rep in many_reps:
            flags.append(
                Flag(
                    "SAME_LEGAL_REP",
                    f"法定代表人 {a.legal_rep} 对应 {many_reps[a.legal_rep]} 个客户",
                )
            )
        if flags:
            result[a.account_no] = flags
    return result


def _state(value: str | None) -> str:
    return value if value is not None else "未识别"


def _idle_detail(a: Account) -> str:
    if a.last_activity_on is None:
        found = f"从未动户（开户 {a.opened_on.isoformat()}）"
    else:
        found = f"最后动户 {a.last_activity_on.isoformat()}"
    unknown = [
        label
        for label, value in (
            ("行内状态", a.host_status),
            ("人行状态", a.pboc_status),
            ("是否欠款", a.owes_bank),
        )
        if value is None
    ]
    return found + (f"；{'、'.join(unknown)}未识别" if unknown else "")
