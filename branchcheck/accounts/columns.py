"""The columns of a settlement-account export: keys, headers, which are required, and the
accepted values of the enumerated columns (with the synonyms other core systems use).

Headers are matched after `header_key()`: NFKC, all white space removed, lower case. A column is
found by its key (`account_no`), its Chinese header (`账号`) or one of the listed synonyms; a
mapping file adds more names. Column order is free and extra columns are ignored.

Values of the enumerated columns are matched after `value_key()` (also without punctuation, so
“优质、有潜力客户” and “优质/有潜力客户” are one wording), then once more without a trailing
“账户”; a mapping file's `values` section adds more wordings per column."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from branchcheck.errors import InputFileError, TemplateError


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    zh: str
    en: str
    required: bool
    synonyms: tuple[str, ...] = ()
    # Rules that cannot run when an optional column is missing (for the warning).
    needed_by: tuple[str, ...] = ()


# Required: everything the account-state rules read (documents, activity, licence, both systems'
# states, debt) plus the identity of the account and customer. Optional: what only the
# shared-attribute rules or the display need. Without `special_dormant` every account counts as
# an ordinary one, so DORMANT may list special idle accounts too (they need 久悬 in the PBOC system
# as well, seed 000), and the two special-account rules do not run.
COLUMNS: tuple[Column, ...] = (
    Column("account_no", "账号", "account number", True, ("账户号", "账户账号", "结算账号", "账户")),
    Column("account_name", "户名", "account name", True, ("账户名称", "账户名", "单位名称", "客户名称")),
    Column("customer_id", "客户号", "customer id", True, ("客户编号", "客户代码", "客户id", "客户号码")),
    Column("account_kind", "账户性质", "account kind", False, ("账户类型", "账户种类")),
    Column("opened_on", "开户日期", "opened on", True, ("开户日", "开立日期")),
    Column("last_activity_on", "最后动户日期", "last activity on", True, ("最后交易日期", "最近动户日期", "末次动户日期", "最后动账日期")),
    Column("balance", "余额", "balance", False, ("账户余额", "当前余额")),
    Column("owes_bank", "是否欠款", "owes the bank", True, ("是否欠开户银行债务", "欠款", "是否欠息")),
    Column("documents_valid_until", "证明文件有效期至", "documents valid until", True, ("证明文件有效期", "证件有效期至", "证件到期日", "证明文件到期日")),
    Column("license_status", "营业执照状态", "business licence status", True, ("执照状态", "登记状态", "工商状态")),
    Column("pboc_status", "人行账户状态", "PBOC account status", True, ("人行状态", "人行系统状态", "人行账户管理系统状态")),
    Column("host_status", "行内账户状态", "host account status", True, ("行内状态", "主机状态", "主机账户状态", "账户状态")),
    Column("special_dormant", "特殊长期不动户类别", "special dormant kind", False, ("特殊长期不动户", "特殊不动户类别"), ("SPECIAL_DORMANT_PBOC", "SPECIAL_ACTIVE")),
    Column("phone", "预留手机号", "phone", False, ("手机号", "手机号码", "联系电话", "预留电话"), ("SHARED_PHONE",)),
    Column("address", "注册地址", "registered address", False, ("地址", "注册地", "经营地址"), ("SHARED_ADDRESS",)),
    Column("legal_rep", "法定代表人", "legal representative", False, ("法人代表", "法人", "法定代表人姓名", "负责人"), ("SAME_LEGAL_REP",)),
)  # fmt: skip

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
REQUIRED: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.required)
OPTIONAL: tuple[str, ...] = tuple(c.key for c in COLUMNS if not c.required)


def header_key(text: object) -> str:
    """The form headers are compared in: NFKC, no white space at all, lower case."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for col in COLUMNS:
        for name in (col.key, col.zh, *col.synonyms):
            index[header_key(name)] = col.key
    return index


HEADER_INDEX: dict[str, str] = _header_index()
_ZH_TO_KEY: dict[str, str] = {header_key(c.zh): c.key for c in COLUMNS}


# ----------------------------------------------------------------- enumerated values

ACCOUNT_KINDS = ("基本存款账户", "一般存款账户", "专用存款账户", "临时存款账户")
LICENSE_STATES = ("存续", "注销", "吊销")
PBOC_STATES = ("正常", "久悬", "已撤销")
HOST_STATES = ("正常", "只收不付", "不收不付", "久悬", "已销户")
SPECIAL_KINDS = (
    "贷款专户",
    "余额超过5万元",
    "证券保证金账户",
    "优质或有潜力客户",
    "武警军队账户",
    "其他特殊用途",
)

_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "account_kind": {
        "基本存款账户": ("基本户", "基本账户", "basic"),
        "一般存款账户": ("一般户", "一般账户", "general"),
        "专用存款账户": ("专用户", "专用账户", "special"),
        "临时存款账户": ("临时户", "临时账户", "temporary"),
    },
    "owes_bank": {
        "是": ("y", "yes", "true", "1", "有", "欠款"),
        "否": ("n", "no", "false", "0", "无", "不欠款", "未欠款"),
    },
    "license_status": {
        "存续": ("在业", "在营", "开业", "正常", "存续(在营、开业、在册)", "active"),
        "注销": ("已注销", "deregistered"),
        "吊销": ("已吊销", "吊销,未注销", "吊销未注销", "revoked"),
    },
    "pboc_status": {
        "正常": ("normal",),
        "久悬": ("久悬户", "dormant"),
        "已撤销": ("撤销", "已销户", "销户", "closed"),
    },
    "host_status": {
        "正常": ("normal",),
        "只收不付": ("credit only", "credits only"),
        "不收不付": ("blocked",),
        "久悬": ("久悬户", "dormant"),
        "已销户": ("销户", "closed"),
    },
    "special_dormant": {
        "贷款专户": ("贷款账户", "贷款专用账户", "贷款专户账户"),
        "余额超过5万元": ("账户余额超过5万元", "余额超5万元", "余额超过5万", "余额超5万", "余额5万元以上", "余额超过50000元", "余额超过五万元"),
        "证券保证金账户": ("证券保证金", "客户证券保证金账户", "保证金账户"),
        "优质或有潜力客户": ("优质客户", "有潜力客户", "优质、有潜力客户", "优质有潜力客户", "优质、有潜力或业务发展需要的客户账户", "优质、有潜力或业务发展需要客户", "优质、有潜力或业务发展需要的客户", "业务发展需要的客户", "业务发展需要客户", "业务发展需要", "优质或潜力客户", "潜力客户"),
        "武警军队账户": ("武警、军队账户", "武警、军队客户开立的账户", "武警军队客户", "武警军队", "军队武警账户", "武警", "军队", "部队"),
        "其他特殊用途": ("其他特殊用途账户", "其他特殊用途的往来户", "其他特殊用途往来户", "特殊用途", "其他"),
    },
}  # fmt: skip

# Values that mean "none" in the optional enumerated columns.
BLANK_WORDS = frozenset({"", "无", "-", "—", "/", "不适用", "n/a", "none"})


_PUNCTUATION = str.maketrans("", "", "、，,/\\;；:：·.。()（）[]【】<>《》\"'“”‘’-—_|")


def value_key(text: str) -> str:
    """The form enumerated values are compared in: header_key() without punctuation."""
    return header_key(text).translate(_PUNCTUATION)


def _value_index(key: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, synonyms in _SYNONYMS[key].items():
        for name in (canonical, *synonyms):
            index[value_key(name)] = canonical
            index[header_key(name)] = canonical
    return index


VALUE_INDEX: dict[str, dict[str, str]] = {key: _value_index(key) for key in _SYNONYMS}
ACCEPTED: dict[str, tuple[str, ...]] = {key: tuple(v) for key, v in _SYNONYMS.items()}
VALUE_COLUMNS: tuple[str, ...] = tuple(_SYNONYMS)


# ----------------------------------------------------------------- mapping files


class ColumnMapping(dict[str, str]):
    """{other header: key}, plus `value_names`: {column key: {other wording: our value}}.

    A plain dict of headers is a mapping too; read_accounts takes either."""

    def __init__(
        self,
        headers: Mapping[str, str] | None = None,
        value_names: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        super().__init__(headers or {})
        self.value_names: dict[str, dict[str, str]] = {
            k: dict(v) for k, v in (value_names or {}).items()
        }


def check_value_names(values: object, *, source: str = "mapping") -> dict[str, dict[str, str]]:
    """Validate {column key: {other wording: accepted value}}; every target must be a value of
    that column (its canonical form or a known synonym)."""
    if not isinstance(values, Mapping):
        raise InputFileError(
            f'{source}: "values" must be an object {{"column key": {{"other wording": "value"}}}}',
            hint='例如 {"values": {"special_dormant": {"VIP户": "优质或有潜力客户"}}}',
        )
    result: dict[str, dict[str, str]] = {}
    for key, names in values.items():
        if key not in VALUE_INDEX:
            raise InputFileError(
                f"{source}: values: {key!r} is not a column with fixed values",
                hint="columns with fixed values: " + ", ".join(VALUE_COLUMNS),
            )
        if not isinstance(names, Mapping):
            raise InputFileError(f"{source}: values.{key} must be an object {{wording: value}}")
        column: dict[str, str] = {}
        for wording, target in names.items():
            canonical = VALUE_INDEX[key].get(value_key(str(target)))
            if not isinstance(wording, str) or canonical is None:
                raise InputFileError(
                    f"{source}: values.{key}: {wording!r} → {target!r} is not a value of {key}",
                    hint="可用：" + "、".join(ACCEPTED[key]),
                )
            column[wording] = canonical
        result[key] = column
    return result


def _is_sectioned(data: Mapping[object, object]) -> bool:
    return any(isinstance(v, Mapping) for v in data.values())


def check_mapping(mapping: object, *, source: str = "mapping") -> ColumnMapping:
    """Validate {other header: key} (the target may be a key or our Chinese header), or the
    sectioned form {"columns": {other header: key}, "values": {key: {wording: value}}}."""
    if isinstance(mapping, ColumnMapping):
        return ColumnMapping(
            _check_headers(dict(mapping), source),
            check_value_names(mapping.value_names, source=source),
        )
    if isinstance(mapping, Mapping) and _is_sectioned(mapping):
        unknown = set(mapping) - {"columns", "values"}
        if unknown:
            raise InputFileError(
                f"{source}: a sectioned mapping takes only 'columns' and 'values', "
                f"not {', '.join(repr(u) for u in sorted(map(str, unknown)))}"
            )
        return ColumnMapping(
            _check_headers(mapping.get("columns") or {}, source),
            check_value_names(mapping.get("values") or {}, source=source),
        )
    return ColumnMapping(_check_headers(mapping, source))


def _check_headers(mapping: object, source: str) -> dict[str, str]:
    if not isinstance(mapping, Mapping):
        raise InputFileError(
            f'{source}: a mapping must be an object of {{"other header": "key"}}',
            hint='例如 {"Acct No": "account_no"}',
        )
    result: dict[str, str] = {}
    unknown: list[str] = []
    for header, target in mapping.items():
        if not isinstance(header, str) or not isinstance(target, str):
            raise InputFileError(
                f"{source}: header and key must both be text: {header!r}: {target!r}"
            )
        key = target.strip()
        if key not in BY_KEY:
            key = _ZH_TO_KEY.get(header_key(target), "")
        if not key:
            unknown.append(target)
            continue
        result[header] = key
    if unknown:
        raise InputFileError(
            f"{source}: unknown column key(s): {', '.join(repr(u) for u in unknown)}",
            hint="known keys: " + ", ".join(c.key for c in COLUMNS),
        )
    return result


MAX_MAPPING_BYTES = 1024 * 1024  # a mapping names a few dozen headers and values


def load_mapping(path: str | Path) -> ColumnMapping:
    """Read a JSON or YAML mapping file {"Other header": "account_no", ...}, or the sectioned
    form {"columns": {...}, "values": {"host_status": {"冻结": "不收不付"}, ...}}."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise InputFileError(f"{path}: a mapping file is at most {MAX_MAPPING_BYTES} bytes")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{path}: cannot read the mapping file ({exc})") from None
    data: object
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise InputFileError(f"{path}: not valid JSON ({type(exc).__name__})") from None
    else:
        # YAML is a superset of JSON, so this also reads JSON without the suffix; read as the
        # checklists are: no aliases, no deep nesting, no duplicate keys
        from branchcheck.checklists.loader import parse_yaml

        try:
            data = parse_yaml(text, path)
        except TemplateError as exc:
            raise InputFileError(
                str(exc).replace("not valid YAML", "not valid YAML or JSON")
            ) from None
    if not isinstance(data, Mapping):
        raise InputFileError(
            f'{path}: a mapping file must hold an object {{"other header": "key"}}'
        )
    return check_mapping(data, source=str(path))
