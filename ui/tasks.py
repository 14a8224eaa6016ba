"""Background work: every store and file call of the window runs on one worker thread.

Like Anki's task manager: `fn` runs on the worker thread and must never touch a widget; its result
(or exception) comes back to the GUI thread through a Qt signal, where `on_done` / `on_error` run.
One worker keeps order: tasks run, and their results arrive, in the order they were given (the
answers of one item are committed in the order typed; a task given after the store is opened finds
it open). Tests swap in `SyncTaskRunner`, which runs everything at once on the calling thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, SignalInstance

from branchcheck.errors import BranchCheckError
from branchcheck.people import signin
from ui import i18n

if TYPE_CHECKING:
    from branchcheck.db import Store

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskRunner(Protocol):
    """What the window needs of a task runner: TaskManager, or SyncTaskRunner in tests."""

    @property
    def busy_changed(self) -> SignalInstance: ...  # True while at least one task runs

    @property
    def busy(self) -> bool: ...

    def run_in_background(
        self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> None: ...

    def shutdown(self) -> None: ...


def _report(exc: BaseException) -> None:
    log.error("background task failed", exc_info=exc)


class TaskManager(QObject):
    """Runs `fn` on the one worker thread; delivers the result on the GUI thread."""

    busy_changed = Signal(bool)  # True while at least one task runs
    _deliver = Signal(object)  # a callable to run on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="branchcheck-store")
        self._running = 0
        # always queued: a task that ends before `add_done_callback` is reached still reports
        # through the event loop, never inside `run_in_background`
        self._deliver.connect(self._run_on_gui_thread, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run_in_background(
        self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> None:
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        future = self._executor.submit(fn)
        future.add_done_callback(
            lambda f: self._deliver.emit(partial(self._finish, f, on_done, on_error))
        )

    def _run_on_gui_thread(self, call: Callable[[], None]) -> None:
        call()

    def _finish(
        self, future: Future[Any], on_done: OnDone | None, on_error: OnError | None
    ) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)
        exc = future.exception()
        if exc is not None:
            (on_error or _report)(exc)
        elif on_done is not None:
            on_done(future.result())

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)


class SyncTaskRunner(QObject):
    """The same API, run synchronously: tests never race (Picard's fake thread pool)."""

    busy_changed = Signal(bool)

    busy = False  # a synchronous task has finished before anyone can ask

    def run_in_background(
        self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> None:
        self.busy_changed.emit(True)
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - handed to on_error like the real runner does
            self.busy_changed.emit(False)
            (on_error or _report)(exc)
            return
        self.busy_changed.emit(False)
        if on_done is not None:
            on_done(result)

    def shutdown(self) -> None:
        pass


def describe(exc: BaseException) -> str:
    """What the user reads of a failed task: the core's words in the window's language (its
    message where it has none), or a plain note for a bug."""
    if isinstance(exc, BranchCheckError):
        return exc.words(i18n.lang())
    return QCoreApplication.translate("operations", "意外错误：{error}").format(
        error=f"{type(exc).__name__}: {exc}"
    )


class LazyStore:
    """The store, opened (created or upgraded) on the worker thread by the first task that needs
    it. Tasks run in order on the one worker, so every task given after that one finds it open;
    the GUI thread never opens it. Until then the sign-in list is read with `sqlite3` alone."""

    def __init__(self, path: Path, store: Store | None = None) -> None:
        self.path = path
        self._store = store

    @classmethod
    def of(cls, store: Store) -> LazyStore:
        if store.path is None:
            raise ValueError("the window needs a store kept in a file")
        return cls(store.path, store)

    def get(self) -> Store:
        """Worker thread only (or a synchronous runner's caller)."""
        if self._store is None:
            from branchcheck.db import open_store

            self._store = open_store(self.path)
        return self._store

    def sign_in_list(self) -> list[signin.StaffInfo]:
        people = signin.sign_in_list(self.path)
        if people is None:  # a new store, or one to upgrade: open it first
            self.get()
            people = signin.sign_in_list(self.path) or []
        return people

    def dispose(self) -> None:
        if self._store is not None:
            self._store.dispose()
