"""Head office's key in the window: opened from its file with its password on the worker and
confirmed as the store's signer (branchcheck.headoffice.trust.confirm_signer), or why not, by
the field it is about. The ingest and the trust store's changes both start here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from branchcheck.errors import BranchCheckError, KeyPasswordError
from ui.tasks import describe

if TYPE_CHECKING:
    from branchcheck.headoffice.store import HeadOffice
    from branchcheck.records.pki import Credential


@dataclass(frozen=True)
class KeyProblem:
    """Why the key did not open or is not the store's signer, and the field it is about ("key"
    or "password")."""

    field: str
    message: str
    path: Path
    not_signer: bool = False


def open_key_file(path: Path, password: str) -> Credential | KeyProblem:
    """Worker thread: a credential from its PKCS#12 file, or why not (by field)."""
    from branchcheck.errors import InputFileError
    from branchcheck.records.pki import load_p12

    try:
        data = path.read_bytes()
    except OSError as exc:
        error = InputFileError(f"{path}: 无法读取密钥文件 / cannot read the key file ({exc})")
        return KeyProblem("key", describe(error), path)
    try:
        return load_p12(data, password, source=str(path))
    except KeyPasswordError as exc:
        return KeyProblem("password", describe(exc), path)
    except BranchCheckError as exc:
        return KeyProblem("key", describe(exc), path)


def open_head_office_key(db: HeadOffice, path: Path, password: str) -> Credential | KeyProblem:
    """Worker thread: head office's credential from its key file, confirmed as the store's
    signer (the first key used on a store becomes it), or why not (by field)."""
    from branchcheck.errors import InputFileError
    from branchcheck.headoffice.trust import confirm_signer

    credential = open_key_file(path, password)
    if isinstance(credential, KeyProblem):
        return credential
    try:
        confirm_signer(db, credential)
    except InputFileError as exc:
        return KeyProblem("key", describe(exc), path, not_signer=True)
    return credential


def key_problem_text(problem: KeyProblem) -> str:
    """What the window says next to the field, in its language."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("HeadOfficeKey", text)

    if problem.field.endswith("password"):  # the core's words are English only: the file then
        said = tr("无法打开密钥文件：密码不正确，或文件不是 PKCS#12 密钥文件。")
        return f"{said}\n{problem.path}"
    if problem.not_signer:
        said = tr("这不是本总行库的总行密钥：只有首次使用的总行密钥可以导入上报包、更改信任的 CA。")
        return f"{said}\n{problem.message}"
    said = tr("这个文件不能用作总行密钥：")
    return f"{said}\n{problem.message}"
