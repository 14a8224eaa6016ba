"""Head office's key in the window: opened from its file with its password on the worker and
confirmed as the store's signer (branchcheck.headoffice.trust.confirm_signer), or why not, by
the field it is about. The ingest and the trust store's changes both start here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from branchcheck.errors import BranchCheckError, KeyPasswordError
from ui.screens.headoffice_parts import in_language
from ui.tasks import describe

if TYPE_CHECKING:
    from branchcheck.headoffice.store import HeadOffice
    from branchcheck.headoffice.trust import NotStoreSigner
    from branchcheck.records.pki import Credential


@dataclass(frozen=True)
class KeyProblem:
    """Why the key did not open or is not the store's signer, and the field it is about ("key"
    or "password")."""

    field: str
    message: str
    path: Path
    not_signer: NotStoreSigner | None = None  # the key opened but is not the store's signer


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
    from branchcheck.headoffice.trust import NotStoreSigner, confirm_signer

    credential = open_key_file(path, password)
    if isinstance(credential, KeyProblem):
        return credential
    try:
        confirm_signer(db, credential)
    except NotStoreSigner as exc:
        return KeyProblem("key", describe(exc), path, not_signer=exc)
    return credential


def key_problem_text(problem: KeyProblem) -> str:
    """What the window says next to the field, in its language (the texts are written out in
    each translate call: pyside6-lupdate finds them there)."""
    if problem.field.endswith("password"):  # the core's words are English only: the file then
        said = QCoreApplication.translate(
            "HeadOfficeKey", "无法打开密钥文件：密码不正确，或文件不是 PKCS#12 密钥文件。"
        )
        return f"{said}\n{problem.path}"
    refused = problem.not_signer
    if refused is not None:
        store = refused.signer
        said = QCoreApplication.translate(
            "HeadOfficeKey",
            "这不是本总行库的总行密钥：{replaced}本库自 {since} 起由“{name}”（SHA-256 {fp}）签署，"
            "所给密钥是“{given}”。",
        )
        replaced = (
            QCoreApplication.translate("HeadOfficeKey", "该密钥已于 {day} 被替换；").format(
                day=refused.replaced_at[:10]
            )
            if refused.replaced_at
            else ""
        )
        rule = QCoreApplication.translate(
            "HeadOfficeKey",
            "只有本库的总行密钥（首次使用的密钥，或由它更换的新密钥）可以导入上报包、更改信任的 CA。",
        )
        text = said.format(
            replaced=replaced,
            since=store.pinned_at[:10],
            name=store.name,
            fp=store.fingerprint[:16],
            given=refused.given,
        )
        return f"{text}\n{rule}"
    said = QCoreApplication.translate("HeadOfficeKey", "这个文件不能用作总行密钥：")
    return f"{said}\n{in_language(problem.message)}"
