"""Changing the branch's settings, as the settings screen and `branchcheck settings` do: the
settings a branch may change, described for the screen (label, kind, bounds, help, in both
languages); each new value checked with a message naming the setting in the person's terms;
the file written atomically and every change audited old → new (permission change_settings).
Head office's holiday table is imported by branchcheck.holiday_table.

A setting is named as in settings.json; the days by severity are `due_days.critical` and so on."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchcheck import audit, clock
from branchcheck.db import Store
from branchcheck.errors import EntryError
from branchcheck.people.permissions import require
from branchcheck.settings import Settings, load_settings, write_settings

INT, FOLDER, CHOICE = "int", "folder", "choice"
SEVERITIES = ("critical", "high", "medium", "low")
_SEVERITY_WORDS = {
    "critical": ("重大", "critical"),
    "high": ("较高", "high"),
    "medium": ("一般", "medium"),
    "low": ("轻微", "low"),
}
LANGUAGE_NAMES = {"zh": {"zh": "中文", "en": "Chinese"}, "en": {"zh": "英文", "en": "English"}}
MAX_TEXT = 1000  # characters of a typed value (a folder's path is the longest)


@dataclass(frozen=True)
class _Spec:
    name: str
    group: tuple[str, str]
    label: tuple[str, str]
    kind: str
    help: tuple[str, str]
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()


_CASH = ("现金清点", "Cash count")
_DUE = ("整改期限（天）", "Rectification due (days)")
_GRACE = ("宽限期", "Grace periods")
_BACKUP = ("备份", "Backups")
_WINDOW = ("界面与登录", "Window and sign-in")
_KEYS = ("密钥", "Keys")

SPECS: tuple[_Spec, ...] = (
    _Spec(
        "notes_per_bundle",
        _CASH,
        ("每捆张数", "Notes per bundle"),
        INT,
        (
            "一捆（捆）钞票的张数，须为每把张数的整数倍",
            "Notes in a bundle (捆), a whole number of straps",
        ),
        1,
        10_000,
    ),
    _Spec(
        "notes_per_strap",
        _CASH,
        ("每把张数", "Notes per strap"),
        INT,
        ("一把钞票的张数", "Notes in a strap (把)"),
        1,
        1_000,
    ),
    *(
        _Spec(
            f"due_days.{sev}",
            _DUE,
            (f"{_SEVERITY_WORDS[sev][0]}问题", f"{_SEVERITY_WORDS[sev][1].capitalize()} findings"),
            INT,
            (
                "检查日起至整改期限的天数；问题越严重，期限不得越长",
                "Days from the check to the rectification deadline; a more severe finding is "
                "never given longer",
            ),
            1,
            365,
        )
        for sev in SEVERITIES
    ),
    _Spec(
        "rectify_days",
        _DUE,
        ("账户整改建议期限", "Account rectification, proposed"),
        INT,
        ("账户审核日起建议的整改天数", "Days after an account review proposed for rectifying"),
        1,
        365,
    ),
    _Spec(
        "docs_grace_days",
        _GRACE,
        ("证件过期宽限期（天）", "Expired documents grace (days)"),
        INT,
        ("开户证件过期后可更新的天数", "Days after an account document expires to renew it"),
        0,
        365,
    ),
    _Spec(
        "rotation_grace_days",
        _GRACE,
        ("轮岗宽限期（天）", "Rotation grace (days)"),
        INT,
        ("轮岗到期后由提醒转为问题的天数", "Days a due rotation stays a reminder before a finding"),
        0,
        365,
    ),
    _Spec(
        "late_entry_hours",
        _GRACE,
        ("补录界限（小时）", "Late entry after (hours)"),
        INT,
        (
            "检查时间早于录入时间超过此小时数即为补录",
            "An inspection entered this many hours late is a late entry",
        ),
        1,
        720,
    ),
    _Spec(
        "backup_folder",
        _BACKUP,
        ("备份文件夹", "Backup folder"),
        FOLDER,
        (
            "留空即数据文件夹下的 backups；可选U盘等",
            "Empty: backups in the data folder; a USB drive, say",
        ),
    ),
    _Spec(
        "backup_keep",
        _BACKUP,
        ("保留备份份数", "Backups kept"),
        INT,
        ("每日自动备份保留的份数", "How many daily backups are kept"),
        1,
        365,
    ),
    _Spec(
        "language",
        _WINDOW,
        ("默认语言", "Default language"),
        CHOICE,
        ("新用户首次打开时的界面语言", "The window's language until a person picks one"),
        choices=("zh", "en"),
    ),
    _Spec(
        "signin_max_failures",
        _WINDOW,
        ("登录失败次数上限", "Sign-in failures before lock"),
        INT,
        ("连续输错密码达此次数即锁定", "Wrong passwords in a row that lock the account"),
        1,
        100,
    ),
    _Spec(
        "signin_lock_minutes",
        _WINDOW,
        ("锁定时长（分钟）", "Lock time (minutes)"),
        INT,
        ("锁定后须等待的分钟数", "Minutes a locked account waits"),
        1,
        1440,
    ),
    _Spec(
        "cert_warn_days",
        _KEYS,
        ("证书到期提醒（天）", "Certificate expiry warning (days)"),
        INT,
        ("证书到期前多少天开始提醒", "Days before a certificate ends that it is warned about"),
        1,
        365,
    ),
)
_BY_NAME = {spec.name: spec for spec in SPECS}


@dataclass(frozen=True)
class SettingInfo:
    """One setting as the screen shows it. `label`, `group` and `help` are {"zh", "en"};
    `kind` is int, folder or choice; `choices` the values of a choice."""

    name: str
    group: dict[str, str]
    label: dict[str, str]
    kind: str
    current: Any
    default: Any
    help: dict[str, str]
    minimum: int | None
    maximum: int | None
    choices: tuple[str, ...]


def _text(pair: tuple[str, str]) -> dict[str, str]:
    return {"zh": pair[0], "en": pair[1]}


def value_of(settings: Settings, name: str) -> Any:
    field, _, key = name.partition(".")
    value = getattr(settings, field)
    return value[key] if key else value


def describe_settings(settings: Settings | None = None) -> list[SettingInfo]:
    """The settings a branch may change, in the screen's order, with `settings`' values (the
    defaults when None)."""
    current = settings or Settings()
    defaults = Settings()
    return [
        SettingInfo(
            name=spec.name,
            group=_text(spec.group),
            label=_text(spec.label),
            kind=spec.kind,
            current=value_of(current, spec.name),
            default=value_of(defaults, spec.name),
            help=_text(spec.help),
            minimum=spec.minimum,
            maximum=spec.maximum,
            choices=spec.choices,
        )
        for spec in SPECS
    ]


# ---------------------------------------------------------------- checking values


def _named(spec: _Spec) -> tuple[str, str]:
    return f"“{spec.label[0]}”", spec.label[1]


def _parse_int(spec: _Spec, value: Any) -> int:
    zh, en = _named(spec)
    bounds_zh = f"须为 {spec.minimum} 至 {spec.maximum} 之间的整数"
    bounds_en = f"must be a whole number from {spec.minimum} to {spec.maximum}"
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"{zh}{bounds_zh} / {en} {bounds_en}")
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 12:
            shown = text if len(text) <= 20 else text[:20] + "…"
            raise ValueError(f"{zh}{bounds_zh}，不是“{shown}” / {en} {bounds_en}, not '{shown}'")
        value = int(text)
    assert spec.minimum is not None and spec.maximum is not None
    if not spec.minimum <= value <= spec.maximum:
        raise ValueError(f"{zh}{bounds_zh}，不是 {value} / {en} {bounds_en}, not {value}")
    return value


def _parse_folder(spec: _Spec, value: Any) -> str:
    zh, en = _named(spec)
    if not isinstance(value, str) or len(value) > MAX_TEXT or "\x00" in value:
        raise ValueError(f"{zh}须为文件夹路径 / {en} must be a folder's path")
    text = value.strip()
    if not text:
        return ""
    try:
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            raise ValueError(
                f"{zh}须为完整路径（如 /media/usb 或 E:\\备份） / {en} must be a full path"
            )
        if folder.exists() and not folder.is_dir():
            raise ValueError(f"{zh}不是文件夹：{folder} / {en} is not a folder: {folder}")
    except (RuntimeError, OSError) as exc:  # ~someone unknown, a name too long for the system
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ValueError(f"{zh}无法使用：{reason} / {en} cannot be used: {reason}") from None
    return str(folder)


def _parse_choice(spec: _Spec, value: Any) -> str:
    if isinstance(value, str) and value.strip() in spec.choices:
        return value.strip()
    zh, en = _named(spec)
    names = {c: LANGUAGE_NAMES.get(c, {"zh": c, "en": c}) for c in spec.choices}
    zh_list = "、".join(f"{n['zh']}（{c}）" for c, n in names.items())
    en_list = ", ".join(f"{n['en']} ({c})" for c, n in names.items())
    raise ValueError(f"{zh}须为{zh_list}之一 / {en} must be one of {en_list}")


_PARSERS = {INT: _parse_int, FOLDER: _parse_folder, CHOICE: _parse_choice}


def check_value(name: str, value: Any) -> Any:
    """The value of setting `name` that `value` (typed text or a value) stands for; a ValueError
    whose message names the setting in both languages when it cannot be one."""
    spec = _BY_NAME.get(name)
    if spec is None:
        raise ValueError(f"没有名为“{name}”的设置 / there is no setting '{name}'")
    return _PARSERS[spec.kind](spec, value)


def _together(settings: Settings) -> dict[str, str]:
    """What a set of values breaks together, by the setting whose message it is."""
    errors: dict[str, str] = {}
    if settings.notes_per_bundle % settings.notes_per_strap:
        errors["notes_per_bundle"] = (
            f"每捆张数（{settings.notes_per_bundle}）须为每把张数（{settings.notes_per_strap}）"
            f"的整数倍 / notes per bundle ({settings.notes_per_bundle}) must be a whole number "
            f"of straps ({settings.notes_per_strap} notes)"
        )
    for worse, milder in zip(SEVERITIES, SEVERITIES[1:], strict=False):
        if settings.due_days[worse] > settings.due_days[milder]:
            w, m = _SEVERITY_WORDS[worse], _SEVERITY_WORDS[milder]
            errors[f"due_days.{worse}"] = (
                f"{w[0]}问题的期限（{settings.due_days[worse]} 天）不得长于{m[0]}问题的"
                f"（{settings.due_days[milder]} 天） / {w[1]} findings cannot be given longer "
                f"({settings.due_days[worse]} days) than {m[1]} ones "
                f"({settings.due_days[milder]} days)"
            )
    return errors


def _apply(settings: Settings, values: dict[str, Any]) -> Settings:
    plain = {k: v for k, v in values.items() if "." not in k}
    due = dict(settings.due_days)
    due.update({k.partition(".")[2]: v for k, v in values.items() if k.startswith("due_days.")})
    return dataclasses.replace(settings, **plain, due_days=due)


def check_changes(settings: Settings, changes: dict[str, Any]) -> Settings:
    """`settings` with `changes` applied, every value checked; an EntryError with one message
    per wrong setting (by name) when any is wrong."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name, raw in changes.items():
        try:
            values[name] = check_value(name, raw)
        except ValueError as exc:
            errors[name] = str(exc)
    if errors:
        raise EntryError(errors, hint="nothing was changed")
    new = _apply(settings, values)
    errors = _together(new)
    if errors:
        raise EntryError(errors, hint="nothing was changed")
    return new


# ---------------------------------------------------------------- changing


def change_settings(store: Store, home: Path, *, actor: str, changes: dict[str, Any]) -> Settings:
    """Check every change, then (when `actor` may change settings) write the settings file
    atomically and audit each setting old → new in the same transaction (settings.change).
    A refused change writes and audits nothing. Returns the settings now in force."""
    current = load_settings(home)
    with store.session() as s:
        require(s, actor, "change_settings", current)
    new = check_changes(current, changes)
    diff = {
        name: {"old": value_of(current, name), "new": value_of(new, name)}
        for name in (spec.name for spec in SPECS)
        if value_of(current, name) != value_of(new, name)
    }
    if not diff:
        return current
    with store.session() as s:
        require(s, actor, "change_settings", current)
        audit.append(
            s,
            at=clock.iso(clock.now(current.timezone)),
            actor=actor,
            action="settings.change",
            subject="settings",
            detail={"changes": diff},
        )
        write_settings(home, new)  # last: a failure here rolls the audit entry back
    return new
