"""User actions that run store work in the background (Anki-style operations): keyword-only
functions that ask what they need through callbacks, run one core call on the worker thread and
report back on the GUI thread. Widgets just call them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from branchcheck import inspections
from branchcheck.accounts import Review, load_mapping, write_review_xlsx
from branchcheck.accounts import record as account_review
from branchcheck.db import Store
from branchcheck.errors import KeyPasswordError
from branchcheck.settings import Settings
from ui.tasks import TaskRunner, describe


def seal_record(
    *,
    store: Store,
    tasks: TaskRunner,
    inspection_id: str,
    ask_password: Callable[[str | None], str | None],
    on_busy: Callable[[bool], None],
    on_success: Callable[[str], None],
    on_failure: Callable[[str], None],
    settings: Settings | None = None,
    home: Path | None = None,
    error: str | None = None,
) -> None:
    """Ask the signing-key password and seal in the background; a wrong password asks again."""
    password = ask_password(error)
    if password is None:
        return
    on_busy(True)

    def done(record_id: str) -> None:
        on_busy(False)
        on_success(record_id)

    def failed(exc: BaseException) -> None:
        on_busy(False)
        if isinstance(exc, KeyPasswordError):
            seal_record(
                store=store,
                tasks=tasks,
                inspection_id=inspection_id,
                ask_password=ask_password,
                on_busy=on_busy,
                on_success=on_success,
                on_failure=on_failure,
                settings=settings,
                home=home,
                error=str(exc),
            )
        else:
            on_failure(describe(exc))

    tasks.run_in_background(
        lambda: inspections.seal(
            store, inspection_id, key_password=password, settings=settings, home=home
        ),
        done,
        failed,
    )


def choose_folder(parent: QWidget | None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("operations", "选择导出文件夹")
    )
    return Path(folder) if folder else None


def export_record(
    *,
    store: Store,
    tasks: TaskRunner,
    record_id: str,
    folder: Path | None,
    on_success: Callable[[list[Path]], None],
    on_failure: Callable[[str], None],
) -> None:
    """Copy the signed PDF and workbook of a sealed record into `folder` in the background."""
    if folder is None:
        return
    tasks.run_in_background(
        lambda: inspections.export(store, record_id, folder),
        on_success,
        lambda exc: on_failure(describe(exc)),
    )


def import_account_list(
    *,
    store: Store,
    tasks: TaskRunner,
    path: Path,
    as_of: date,
    inspector: str,
    checker: str | None,
    mapping_path: Path | None,
    progress: Callable[[int, int], None],
    on_success: Callable[[tuple[str, Review]], None],
    on_failure: Callable[[str], None],
) -> None:
    """Read, classify and start the account-list review in the background. `progress(done, total)`
    is called on the worker thread: it must only emit a signal. A list that cannot be read (missing
    columns, bad mapping) fails before anything is started."""

    def work() -> tuple[str, Review]:
        mapping = load_mapping(mapping_path) if mapping_path else None
        return account_review.start_review(
            store,
            path,
            as_of=as_of,
            inspector=inspector,
            checker=checker,
            mapping=mapping,
            progress=progress,
        )

    tasks.run_in_background(work, on_success, lambda exc: on_failure(describe(exc)))


def save_review_workbook(
    *,
    tasks: TaskRunner,
    review: Review,
    path: Path | None,
    on_success: Callable[[Path], None],
    on_failure: Callable[[str], None],
) -> None:
    """Write the review workbook (待处理账户, 汇总, 错误行) for the manager, in the background."""
    if path is None:
        return
    tasks.run_in_background(
        lambda: write_review_xlsx(review, path), on_success, lambda exc: on_failure(describe(exc))
    )
