"""A staff list (.xlsx, .xls, .ods or .csv) read into people to add, and imported all or nothing.

Read as the account lists are (branchcheck.accounts): the same bounded reading (limits.py: the
sheet's declared dimension, its parts and cell sizes are checked before it is read), the same
lenient headers (`header_key`: NFKC, no white space, any case; the header is the row naming the
most known columns among the first 20, so a title line above it does no harm; column order is free
and other columns are ignored). The columns, in Chinese or English:

- 工号 / employee number (required), 姓名 / name (required);
- 岗位 or 角色 / roles (required): several, separated by 、 , ， ; ； / or spaces, each a role's
  Chinese name (柜员), English name (Teller) or key (teller);
- 外部 / external (是/否, yes/no; blank is no), 单位 / organisation, 证件号 / ID number.

An escort (押运人员) is always an external person of the escort company, whose organisation is
required. Each row that cannot be a person is that row's error (file, sheet, row, the header as
written, the reason in both languages); an employee number on several rows makes each of them an
error. A staff list carries no passwords: an administrator sets each person's first one
(people.admin.reset_password)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from branchcheck import clock
from branchcheck.accounts.cells import compact_text, text
from branchcheck.accounts.columns import header_key
from branchcheck.accounts.reader import _is_blank, _read_rows
from branchcheck.db import Store
from branchcheck.errors import InputFileError
from branchcheck.people import admin
from branchcheck.people.permissions import require
from branchcheck.people.person_input import FIELD_NAMES, PersonInput, normalised, person_problems
from branchcheck.people.register import info
from branchcheck.people.signin import StaffInfo
from branchcheck.taxonomy import STAFF_ROLES

MAX_PEOPLE = 5_000  # a branch has a few dozen people
MAX_ERRORS_SHOWN = 50

# key: (Chinese header, English header, other names)
COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "employee_no": ("工号", "employee number", ("员工号", "员工编号", "人员编号", "柜员号", "employee no", "employee_no", "staff no")),
    "name": ("姓名", "name", ("员工姓名", "名字", "full name")),
    "roles": ("岗位", "roles", ("角色", "职务", "岗位角色", "role", "post", "posts")),
    "external": ("外部", "external", ("外部人员", "是否外部人员", "外部人员否")),
    "organisation": ("单位", "organisation", ("所属单位", "公司", "外部单位", "organization", "company")),
    "id_number": ("证件号", "ID number", ("证件号码", "身份证号", "身份证号码", "id no", "id_number")),
}  # fmt: skip
REQUIRED = ("employee_no", "name", "roles")
HEADER_INDEX: dict[str, str] = {
    header_key(name): key
    for key, (zh, en, others) in COLUMNS.items()
    for name in (key, zh, en, *others)
}
ROLE_INDEX: dict[str, str] = {
    header_key(name): key for key, names in STAFF_ROLES.items() for name in (key, *names.values())
}
_ROLE_SEPARATORS = re.compile(r"[、,;/]+")  # after NFKC: ， → ,  ； → ; (then spaces)
_YES = frozenset({"是", "y", "yes", "true", "1", "外部", "外部人员", "external"})
_NO = frozenset({"", "否", "n", "no", "false", "0", "内部", "本行", "staff"})
_HEADER_SCAN_ROWS = 20


@dataclass(frozen=True)
class StaffRowError:
    """A row of the list that cannot be a person: where (sheet "" for a CSV file) and why."""

    row: int  # the spreadsheet's own row number (header in row 1: first person in row 2)
    column: str  # the header as written in the file ("" when the row as a whole is wrong)
    reason: str  # both languages

    def where(self, source: Path, sheet: str) -> str:
        at = f"{source}" + (f"，工作表 / sheet “{sheet}”" if sheet else "")
        column = f"，“{self.column}”列 / column “{self.column}”" if self.column else ""
        return f"{at}，第 {self.row} 行 / row {self.row}{column}：{self.reason}"


@dataclass(frozen=True)
class ListedPerson:
    row: int
    person: PersonInput


@dataclass(frozen=True)
class StaffList:
    source: Path
    sheet: str  # "" for a CSV file
    people: tuple[ListedPerson, ...]
    errors: tuple[StaffRowError, ...]
    columns: dict[str, str]  # key -> the header as written

    def messages(self) -> list[str]:
        """Every row error as one line naming the file, sheet, row and column."""
        return [e.where(self.source, self.sheet) for e in self.errors]


@dataclass(frozen=True)
class StaffImportResult:
    source: str
    added: tuple[StaffInfo, ...]
    skipped: tuple[str, ...] = ()  # listed, left out as asked (already in the register)


# ---------------------------------------------------------------- reading


def _sheet_name(path: Path) -> str:
    """The name of the sheet read (the first); "" for a CSV file."""
    if path.suffix.lower() in (".csv", ".txt"):
        return ""
    from python_calamine import CalamineWorkbook

    try:
        names = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception:  # read once already: only a file changed meanwhile
        return ""
    return str(names[0]) if names else ""


def read_staff_list(path: str | Path) -> StaffList:
    """Every person of a staff list's first sheet. Raises InputFileError for a file that cannot
    be read, has no header or lacks a required column, or holds more than MAX_PEOPLE people;
    every other problem is a row's error in the result."""
    path = Path(path)
    grid = _read_rows(path)
    return staff_from_rows(grid, path, _sheet_name(path))


def _find_header(grid: list[list[object]]) -> int | None:
    best: tuple[int, int] | None = None  # (count, index)
    first: int | None = None
    seen = 0
    for i, r in enumerate(grid):
        if _is_blank(r):
            continue
        first = i if first is None else first
        count = sum(1 for cell in r if type(cell) is str and header_key(cell) in HEADER_INDEX)
        if count and (best is None or count > best[0]):
            best = (count, i)
        seen += 1
        if seen >= _HEADER_SCAN_ROWS:
            break
    return best[1] if best is not None else first


def _columns(path: Path, header: list[object]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    clashes: list[str] = []
    for idx, cell in enumerate(header):
        name = text(cell)
        key = HEADER_INDEX.get(header_key(name)) if name else None
        if key is None:
            continue
        if key in found:
            clashes.append(f"“{found[key][1]}”/“{name}”")
            continue
        found[key] = (idx, name)
    if clashes:
        raise InputFileError(
            f"{path}: 表头重复 / the same column twice: {'; '.join(clashes)}",
            hint="删除或改名其中一列 / remove or rename one of them",
        )
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        listed = ", ".join(f"{COLUMNS[k][0]} ({COLUMNS[k][1]})" for k in missing)
        raise InputFileError(
            f"{path}: 缺少必需的列 / missing required column(s): {listed}",
            hint="表头须有 工号、姓名、岗位 / the header needs employee number, name, roles",
        )
    return found


def _short(word: str) -> str:
    """A cell's text as a message quotes it: at most 30 characters."""
    return word if len(word) <= 30 else word[:29] + "…"


def parse_roles(cell: object) -> tuple[str, ...]:
    """The roles a cell (or a command line's text) names, each once: Chinese or English names or
    keys, separated by 、 , ， ; ； / or spaces (an English name of two words is one role). ValueError
    names the unknown ones."""
    words: list[str] = []
    for part in _ROLE_SEPARATORS.split(unicodedata.normalize("NFKC", text(cell))):
        words += [part] if header_key(part) in ROLE_INDEX else part.split()
    unknown = [_short(w) for w in words if header_key(w) not in ROLE_INDEX]
    if unknown:
        known = "、".join(n["zh"] for n in STAFF_ROLES.values())
        raise ValueError(
            f"未知岗位 {'、'.join(unknown[:5])}（可用：{known}）/ unknown role(s) "
            f"{', '.join(unknown[:5])}"
        )
    return tuple(dict.fromkeys(ROLE_INDEX[header_key(w)] for w in words))


def _external(cell: object) -> bool:
    word = header_key(text(cell))
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(f"“{_short(text(cell))}”应为 是 或 否 / should be yes or no")


def _cell(row: list[object], idx: int | None) -> object:
    return row[idx] if idx is not None and idx < len(row) else ""


def _row_person(
    row: list[object], number: int, cols: dict[str, tuple[int, str]]
) -> PersonInput | list[StaffRowError]:
    """The person of one row, or that row's errors."""
    errors: list[StaffRowError] = []

    def header(key: str) -> str:
        return cols[key][1] if key in cols else COLUMNS[key][0]

    def read(key: str, convert, default):
        try:
            return convert(_cell(row, cols[key][0])) if key in cols else default
        except ValueError as exc:
            errors.append(StaffRowError(number, header(key), str(exc)))
            return default

    roles = read("roles", parse_roles, ())
    listed_external = read("external", _external, False)
    external = listed_external or roles == ("escort",)
    person = PersonInput(
        compact_text(_cell(row, cols["employee_no"][0])),
        text(_cell(row, cols["name"][0])),
        roles,
        external,
        read("organisation", text, ""),
        read("id_number", compact_text, ""),
    )
    wrong = {e.column for e in errors}
    for key, message in person_problems(person).items():
        if header(key) not in wrong:
            field_zh, field_en = FIELD_NAMES[key]
            reason = message.removeprefix(f"{field_zh}：").replace(f" / {field_en}: ", " / ", 1)
            errors.append(StaffRowError(number, header(key), reason))
    return errors or normalised(person)


def staff_from_rows(grid: list[list[object]], path: Path, sheet: str = "") -> StaffList:
    """The people of a sheet's rows as python-calamine (or the CSV reader) returns them."""
    header_idx = _find_header(grid)
    if header_idx is None:
        raise InputFileError(f"{path}: 文件是空的 / the file is empty (no header row)")
    cols = _columns(path, grid[header_idx])
    people: list[ListedPerson] = []
    errors: list[StaffRowError] = []
    rows_of: dict[str, list[int]] = {}  # employee number -> the rows naming it
    listed = 0
    for offset, row in enumerate(grid[header_idx + 1 :]):
        if _is_blank(row):
            continue
        listed += 1
        if listed > MAX_PEOPLE:
            raise InputFileError(
                f"{path}: 人员名单超过 {MAX_PEOPLE} 人 / the staff list has more than "
                f"{MAX_PEOPLE} people",
                hint="请按网点分别导入 / import one branch's people at a time",
            )
        number = header_idx + 2 + offset
        found = _row_person(row, number, cols)
        rows_of.setdefault(compact_text(_cell(row, cols["employee_no"][0])), []).append(number)
        if isinstance(found, PersonInput):
            people.append(ListedPerson(number, found))
        else:
            errors.extend(found)
    duplicates = _duplicates(rows_of, cols["employee_no"][1])
    twice = {e.row for e in duplicates}
    people = [p for p in people if p.row not in twice]
    errors = sorted(errors + duplicates, key=lambda e: (e.row, e.column))
    names = {k: name for k, (_i, name) in cols.items()}
    return StaffList(path, sheet, tuple(people), tuple(errors), names)


def _duplicates(rows_of: dict[str, list[int]], header: str) -> list[StaffRowError]:
    """An employee number on several rows: an error on each of them (nobody can tell which row
    is right)."""
    errors = []
    for no, rws in rows_of.items():
        if no and len(rws) > 1:
            more = "…" if len(rws) > 10 else ""
            zh, en = "、".join(map(str, rws[:10])) + more, ", ".join(map(str, rws[:10])) + more
            reason = (
                f"工号 {_short(no)} 重复出现（第 {zh} 行）/ employee number {_short(no)} is on "
                f"rows {en}"
            )
            errors += [StaffRowError(r, header, reason) for r in rws]
    return errors


# ---------------------------------------------------------------- importing


def _refused(listed: StaffList, errors: list[StaffRowError]) -> InputFileError:
    lines = [e.where(listed.source, listed.sheet) for e in errors]
    shown = lines[:MAX_ERRORS_SHOWN]
    if len(lines) > len(shown):
        shown.append(f"……另有 {len(lines) - len(shown)} 处 / … and {len(lines) - len(shown)} more")
    return InputFileError(
        f"{listed.source}: 人员名单有 {len(lines)} 处错误，未导入任何人 / the staff list has "
        f"{len(lines)} error(s); nobody was added:\n" + "\n".join(shown),
        hint="改正后重新导入 / correct them and import the list again",
    )


def import_staff_list(
    store: Store,
    *,
    actor: str,
    path: str | Path,
    on: date | None = None,
    now: datetime | None = None,
    skip: tuple[str, ...] = (),
) -> StaffImportResult:
    """Add every person of the list, their roles held from `on` (default today), in one
    transaction; if any row has an error (a number already in the register included), nobody is
    added and the InputFileError says every error. People numbered in `skip` are left out (set-up
    adds its administrator first, who is on the branch's list too)."""
    listed = read_staff_list(path)
    kept = [p for p in listed.people if p.person.employee_no not in skip]
    settings = admin.settings_of(store)
    at = clock.local(now, settings.timezone) if now else clock.now(settings.timezone)
    day = admin.checked_day(on, at)
    errors = list(listed.errors)
    with store.session() as s:
        require(s, actor, "manage_staff", settings)
        known = admin.registered(s, [p.person.employee_no for p in kept])
        errors += [
            StaffRowError(
                p.row,
                listed.columns["employee_no"],
                f"工号 {p.person.employee_no} 已在人员名册中 / employee number "
                f"{p.person.employee_no} is already in the staff register",
            )
            for p in kept
            if p.person.employee_no in known
        ]
        if errors:
            raise _refused(listed, sorted(errors, key=lambda e: (e.row, e.column)))
        if not kept:
            raise InputFileError(f"{listed.source}: 名单中没有可添加的人员 / the list adds nobody")
        added = [
            info(admin.insert_person(s, p.person, None, day, actor=actor, at=at, unregistered=True))
            for p in kept
        ]
    skipped = tuple(p.person.employee_no for p in listed.people if p.person.employee_no in skip)
    return StaffImportResult(str(listed.source), tuple(added), skipped)
