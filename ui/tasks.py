"""Background work: one worker thread for store work that may take long (seal, export).

Like Anki's task manager: `fn` runs on the worker thread and must never touch a widget; its result
(or exception) comes back to the GUI thread through a Qt signal, where `on_done` / `on_error` run.
Tests swap in `SyncTaskRunner`, which runs everything at once on the calling thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


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
        self._deliver.connect(self._run_on_gui_thread)

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

    def _finish(self, future: Future, on_done: OnDone | None, on_error: OnError | None) -> None:
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

    busy = False

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
