"""One background worker that runs every operation, in order, with its own Store.

Contract:
- `TaskRunner.submit(key, op, arg, on_done, on_error)` queues `op(store, arg)` for the worker
  thread and returns the request's generation number. The worker's Store is the one the last
  successful `open_store` request opened; it never leaves the worker thread.
- Results come back on the GUI thread: the worker emits a signal, the runner's `@Slot` receives it
  and calls `on_done(result)` (or `on_error(exc, details)`), but only while the request is still the
  newest of its `key`: a stale result never overwrites a newer one. A request whose key already has
  a newer one waiting is skipped without running. `key=None` requests are always delivered.
- `submit(..., progress=True)` hands the operation a `ProgressHandle` as third argument; progress
  reaches `on_progress(fraction, stage, values)`, and `cancel(generation)` makes the handle's
  `check()` raise `Cancelled`, which is delivered to `on_error` like any other exception.
- `store_replacing=True` marks an operation that returns `(new_store, result)`: the worker closes
  its old store and keeps the new one; `result` alone is delivered.
- `submit(..., interruptible=True)` marks a read-only query: when a newer request of the same
  key arrives while it runs, its SQL statement is interrupted (`operations.interrupt`) and its
  result, now stale, is dropped — a slow preview never delays the one the user asked for next.
- `shutdown()` finishes the running operation, skips the rest and closes the store.
"""

from __future__ import annotations

import itertools
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from briefer.gui import operations

INTERRUPT_RETRY_MS = 20
Done = Callable[[Any], None]
Failed = Callable[[BaseException, str], None]
Progressed = Callable[[float, str, dict[str, object]], None]


class Cancelled(Exception):
    """The user cancelled the operation; nothing was left behind."""


@dataclass
class Task:
    key: str | None
    generation: int
    op: Callable[..., Any]
    arg: Any
    on_done: Done | None = None
    on_error: Failed | None = None
    on_progress: Progressed | None = None
    progress: bool = False
    store_replacing: bool = False
    interruptible: bool = False
    cancel_event: threading.Event = field(default_factory=threading.Event)


class ProgressHandle:
    """Given to long operations: `report` progress, `check` for cancellation."""

    def __init__(self, worker: _Worker, task: Task) -> None:
        self._worker, self._task = worker, task

    def report(self, fraction: float, stage: str, **values: object) -> None:
        self._worker.progressed.emit(self._task, float(fraction), stage, values)

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_event.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class _Worker(QThread):
    finished_task = Signal(object, object)
    failed_task = Signal(object, object, str)
    progressed = Signal(object, float, str, object)
    skipped_task = Signal(object)

    def __init__(self, is_stale: Callable[[Task], bool]) -> None:
        super().__init__()
        self.setObjectName("briefer-worker")
        self.tasks: queue.Queue[Task | None] = queue.Queue()
        self._is_stale = is_stale
        self._store: Any = None
        self._current: Task | None = None
        self._lock = threading.Lock()

    def run(self) -> None:
        while (task := self.tasks.get()) is not None:
            if self._is_stale(task):
                self.skipped_task.emit(task)
                continue
            with self._lock:
                self._current = task
            try:
                self._run(task)
            finally:
                with self._lock:
                    self._current = None
        if self._store is not None:
            self._store.close()

    def interrupt_if_stale(self) -> bool:
        """Called from the GUI thread: stop the running query if its result is no longer wanted.

        Returns True when the running task is stale and interruptible (it may still be between two
        statements, where an interrupt has no effect: the caller tries again shortly)."""
        with self._lock:
            task = self._current
            if task is not None and task.interruptible and self._store is not None and self._is_stale(task):
                operations.interrupt(self._store)
                return True
        return False

    def _run(self, task: Task) -> None:
        try:
            result = self._call(task)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported; none kills the worker
            self.failed_task.emit(task, exc, traceback.format_exc())
            return
        self.finished_task.emit(task, result)

    def _call(self, task: Task) -> Any:
        if self._store is None and not task.store_replacing and task.op is not operations.warm_up:
            raise operations.no_store()
        args = (self._store, task.arg, ProgressHandle(self, task)) if task.progress else (self._store, task.arg)
        result = task.op(*args)
        if task.store_replacing:
            store, result = result
            if self._store is not None and self._store is not store:
                self._store.close()
            self._store = store
        return result


class TaskRunner(QObject):
    """Queues operations for the worker and hands their results to the GUI thread (see module)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counter = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._pending: dict[int, Task] = {}
        self._worker = _Worker(self._is_stale)
        self._worker.finished_task.connect(self._on_finished)
        self._worker.failed_task.connect(self._on_failed)
        self._worker.progressed.connect(self._on_progress)
        self._worker.skipped_task.connect(self._on_skipped)
        self.default_error: Failed | None = None  # for requests submitted without on_error
        self._interrupter = QTimer(self, interval=INTERRUPT_RETRY_MS)
        self._interrupter.timeout.connect(self._interrupt_stale)
        self._worker.start()

    def submit(self, key: str | None, op: Callable[..., Any], arg: Any = None, on_done: Done | None = None,
               on_error: Failed | None = None, *, on_progress: Progressed | None = None,
               progress: bool = False, store_replacing: bool = False, interruptible: bool = False) -> int:
        """Queue `op(store, arg)`; returns its generation (see module contract)."""
        generation = next(self._counter)
        if key is not None:
            self._latest[key] = generation
        task = Task(key, generation, op, arg, on_done, on_error, on_progress, progress, store_replacing,
                    interruptible)
        self._pending[generation] = task
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._worker.tasks.put(task)
        self._interrupt_stale()
        return generation

    def cancel(self, generation: int) -> None:
        """Ask the operation `generation` to stop at its next check."""
        task = self._pending.get(generation)
        if task is not None:
            task.cancel_event.set()

    def invalidate(self, key: str) -> None:
        """Make every request of `key` made so far stale (their results will be dropped)."""
        self._latest[key] = next(self._counter)
        self._interrupt_stale()

    def latest(self, key: str) -> int:
        return self._latest.get(key, 0)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel what is running, skip what is queued, close the store and stop the thread."""
        for task in self._pending.values():
            task.cancel_event.set()
            if task.key is not None:
                self._latest[task.key] = -1
        self._worker.interrupt_if_stale()
        self._interrupter.stop()
        self._worker.tasks.put(None)
        self._worker.wait(timeout_ms)

    def _is_stale(self, task: Task) -> bool:
        """Called from both threads; reads one dict entry (atomic under the GIL)."""
        return task.key is not None and self._latest.get(task.key) != task.generation

    def _settle(self, task: Task) -> bool:
        """Forget `task`; True when its result should be delivered."""
        self._pending.pop(task.generation, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return not self._is_stale(task)

    @Slot()
    def _interrupt_stale(self) -> None:
        """Interrupt a stale running query now, and keep trying while it runs on."""
        if self._worker.interrupt_if_stale():
            self._interrupter.start()
        else:
            self._interrupter.stop()

    @Slot(object, object)
    def _on_finished(self, task: Task, result: Any) -> None:
        if self._settle(task) and task.on_done is not None:
            task.on_done(result)

    @Slot(object, object, str)
    def _on_failed(self, task: Task, exc: BaseException, details: str) -> None:
        handler = task.on_error or self.default_error
        if self._settle(task) and handler is not None:
            handler(exc, details)

    @Slot(object)
    def _on_skipped(self, task: Task) -> None:
        self._settle(task)

    @Slot(object, float, str, object)
    def _on_progress(self, task: Task, fraction: float, stage: str, values: dict[str, object]) -> None:
        if task.on_progress is not None and not self._is_stale(task):
            task.on_progress(fraction, stage, values)
