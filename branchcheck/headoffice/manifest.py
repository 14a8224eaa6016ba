"""Reading a package folder safely: its manifest's shape (bounded: sizes, lengths, counts, the
format string), the paths it lists (none escaping the folder, no symlinks), the files on disk
against the list (missing, unlisted, oversized, hash or size not the one listed).

Nothing here trusts the package: every problem is a `Problem` naming the file and the reason,
never an exception."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError

from branchcheck.upload.package import FORMAT, MANIFEST

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_FILES = 100_000
SIGNATURE = MANIFEST + ".p7s"

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
RecordId = Annotated[str, StringConstraints(min_length=1, max_length=36)]
Rel = Annotated[str, StringConstraints(min_length=1, max_length=400)]
Short = Annotated[str, StringConstraints(max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class ListedFile(_Strict):
    path: Rel
    sha256: Sha256
    size: Annotated[int, Field(ge=0, le=MAX_FILE_BYTES)]


class ListedRecord(_Strict):
    id: RecordId
    checklist: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    local_date: Day
    version: Annotated[int, Field(ge=1, le=1000)]
    supersedes: RecordId | None
    pdf: Rel
    xlsx: Rel
    xlsx_p7s: Rel | None


Code = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class Title(_Strict):
    zh: Annotated[str, StringConstraints(max_length=400)]
    en: Annotated[str, StringConstraints(max_length=400)]


class ListedFinding(_Strict):
    """A finding as the package says it (upload/package.py _finding_facts): every fact the
    report counts is required, so a package cannot understate its findings by leaving them out."""

    id: RecordId
    state: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    record_id: RecordId | None
    checklist: Code
    item_key: Annotated[str, StringConstraints(max_length=120)] | None
    title: Title
    severity: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    risk_driver: Code
    origin: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    repeat: bool
    missed_record_id: RecordId | None
    missed_by: Annotated[str, StringConstraints(min_length=1, max_length=32)] | None
    found_on: Day
    due_date: Day
    rectified_on: Day | None
    closed_on: Day | None


class ListedObligation(_Loose):
    """One entry of obligations.json (views.Obligation as the package writes it)."""

    key: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    checklist: Code
    reason: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    period_start: Day
    due_on: Day
    status: Annotated[str, StringConstraints(min_length=1, max_length=16)]
    done_on: Day | None = None
    expected: Annotated[int, Field(ge=0, le=10**6)] = 1
    count: Annotated[int, Field(ge=0, le=10**6)] = 0


OBLIGATIONS = "obligations.json"
_OBLIGATION_LIST = TypeAdapter(Annotated[list[ListedObligation], Field(max_length=MAX_FILES)])


def parse_obligations(data: bytes) -> list[ListedObligation] | str:
    """The package's obligations.json, or why it is malformed."""
    try:
        raw = json.loads(data.decode("utf-8"))
        items = _OBLIGATION_LIST.validate_python(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        return f"malformed {OBLIGATIONS}: {str(exc).splitlines()[0]} / {OBLIGATIONS} 格式错误"
    keys = [o.key for o in items]
    if len(set(keys)) != len(keys):
        return f"malformed {OBLIGATIONS}: a key is listed twice / {OBLIGATIONS} 中有重复项"
    return items


class BranchSaid(_Loose):
    code: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    name: Short


class Period(_Strict):
    from_: Day = Field(alias="from")
    to: Day


class AnchorSaid(_Loose):
    """The branch's audit chain head as the packer signed it (audit.anchor)."""

    count: Annotated[int, Field(ge=0, le=10**9)]
    hash: Sha256
    at: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    signer: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    signature: Annotated[str, StringConstraints(min_length=1, max_length=4096)]


class Manifest(_Loose):
    format: str
    package_id: Sha256
    branch: BranchSaid
    period: Period
    records: Annotated[list[ListedRecord], Field(max_length=MAX_FILES)]
    findings: Annotated[list[ListedFinding], Field(max_length=MAX_FILES)]
    files: Annotated[list[ListedFile], Field(max_length=MAX_FILES)]
    audit_anchor: AnchorSaid | None = None


@dataclass(frozen=True)
class Problem:
    """What is wrong with one file of a package (`path` relative to its folder)."""

    path: str
    reason: str


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _look(path: Path, limit: int) -> os.stat_result | str:
    """The file's status, or why it cannot be taken: missing, a symlink, not a file, over
    `limit` — without reading it."""
    try:
        st = path.lstat()
    except OSError:
        return "missing from the package / 文件缺失"
    if path.is_symlink():
        return "a symbolic link, not a file / 是符号链接"
    if not path.is_file():
        return "not a regular file / 不是普通文件"
    if st.st_size > limit:
        return f"larger than the limit of {limit} bytes / 文件超过大小上限"
    return st


def read_bounded(path: Path, limit: int) -> bytes | str:
    """The file's bytes, or why they cannot be taken: a symlink, not a file, over `limit`."""
    looked = _look(path, limit)
    if isinstance(looked, str):
        return looked
    with path.open("rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        return f"larger than the limit of {limit} bytes / 文件超过大小上限"
    return data


def parse_manifest(data: bytes) -> Manifest | str:
    """The manifest, or why it is malformed."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return f"malformed manifest: not JSON ({exc}) / 清单格式错误"
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return f"malformed manifest: the format is not {FORMAT} / 清单格式不是 {FORMAT}"
    try:
        manifest = Manifest.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"malformed manifest: {where}: {first['msg']} / 清单格式错误：{where}"
    paths = [f.path for f in manifest.files]
    if len(set(paths)) != len(paths):
        return "malformed manifest: a file is listed twice / 清单中有重复文件"
    return manifest


def unsafe_path(rel: str) -> str | None:
    """Why a listed path may not be opened: absolute, escaping the folder, odd characters."""
    if "\\" in rel or "\x00" in rel or rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return "the path is absolute or not a plain relative path / 路径不是包内相对路径"
    if any(p in ("..", ".", "") for p in rel.split("/")):
        return "the path escapes the package folder / 路径超出了包文件夹"
    if rel in (MANIFEST, SIGNATURE):
        return "the manifest cannot list itself / 清单不能列出自身"
    return None


def _inside(folder: Path, rel: str) -> str | None:
    """A symlink anywhere on the way from the folder to the file escapes it."""
    current = folder
    for part in PurePosixPath(rel).parts[:-1]:
        current = current / part
        if current.is_symlink():
            return "the path goes through a symbolic link / 路径经过符号链接"
    return None


def on_disk(folder: Path) -> tuple[set[str], list[Problem]]:
    """Every file under the folder (relative POSIX paths) but the manifest and its signature;
    symbolic links found are problems."""
    found: set[str] = set()
    problems: list[Problem] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        base = Path(root)
        for name in list(dirs):
            if (base / name).is_symlink():
                rel = (base / name).relative_to(folder).as_posix()
                problems.append(Problem(rel, "a symbolic link in the package / 包内有符号链接"))
                dirs.remove(name)
        for name in files:
            rel = (base / name).relative_to(folder).as_posix()
            if rel not in (MANIFEST, SIGNATURE):
                found.add(rel)
    return found, problems


NOT_AS_LISTED = (
    "the file is not the one the manifest lists (size or SHA-256 differs) / "
    "文件与清单所列不符（大小或 SHA-256 不同）"
)


def read_checked(folder: Path, f: ListedFile) -> bytes | str:
    """The listed file's bytes when they are the ones listed (size and SHA-256), else why not;
    the path must have been found safe (read_listed) first."""
    data = read_bounded(folder / f.path, MAX_FILE_BYTES)
    if isinstance(data, str):
        return data
    if len(data) != f.size or sha256(data) != f.sha256:
        return NOT_AS_LISTED
    return data


def _stat_problem(path: Path, f: ListedFile) -> str | None:
    """What a look at the file, without reading it, finds wrong."""
    looked = _look(path, MAX_FILE_BYTES)
    if isinstance(looked, str):
        return looked
    return NOT_AS_LISTED if looked.st_size != f.size else None


def read_listed(
    folder: Path, manifest: Manifest, *, defer: frozenset[str] | set[str] = frozenset()
) -> tuple[dict[str, bytes], list[Problem]]:
    """Each listed file's bytes when it is safe, present, within the limit and has the listed
    size and SHA-256; every other file is a problem, as is any file on disk not listed. Files in
    `defer` (the records' files, read and hashed where they are verified: memory stays flat in
    the size of the package) are only looked at: safe path, present, the listed size."""
    contents: dict[str, bytes] = {}
    found, problems = on_disk(folder)
    listed = {f.path for f in manifest.files}
    for rel in sorted(found - listed):
        problems.append(Problem(rel, "not listed in the manifest / 文件不在清单中"))
    for f in manifest.files:
        why = unsafe_path(f.path) or _inside(folder, f.path)
        if why is not None:
            problems.append(Problem(f.path, why))
            continue
        if f.path in defer:
            why = _stat_problem(folder / f.path, f)
            if why is not None:
                problems.append(Problem(f.path, why))
            continue
        data = read_checked(folder, f)
        if isinstance(data, str):
            problems.append(Problem(f.path, data))
        else:
            contents[f.path] = data
    for r in manifest.records:
        for own in (r.pdf, r.xlsx, r.xlsx_p7s):
            if own is not None and own not in listed:
                problems.append(
                    Problem(own, f"record {r.id}: its file is not listed / 记录文件未列入清单")
                )
    return contents, problems
