"""The one place where work leaves the GUI thread (after Anki's QueryOp/CollectionOp).

``runner.run(fn, on_done)`` calls ``fn(control)`` on a pool thread; ``on_done(result)``
or the error handler runs back on the GUI thread. A progress dialog with a Cancel
button appears only when the task is still running after ``PROGRESS_DELAY_MS``.
A task whose owner went away or was superseded is simply ignored when it finishes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("kantselaria.ui.tasks")

PROGRESS_DELAY_MS = 500


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Control:
    """What a running task sees: progress reporting and the cancel flag."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Relay(QObject):
    """Lives on the GUI thread, so signals from the pool arrive there (queued)."""

    def __init__(
        self,
        parent: QObject,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_failed = on_failed
        self.on_progress: Callable[[int, int], None] | None = None

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)

    @Slot(object)
    def done(self, result: Any) -> None:
        self._on_done(result)
        self.deleteLater()

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        self._on_failed(exc)
        self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Control], Any], control: Control, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._control = control
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._control)
        except BaseException as exc:  # reported on the GUI thread
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class Task:
    """A handle on one running task."""

    def __init__(self, control: Control, signals: _Signals) -> None:
        self.control = control
        self.signals = signals
        self.finished = False
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self.control.cancel()


ErrorHandler = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs callables on a thread pool and delivers their results on the GUI thread."""

    def __init__(self, parent: QWidget | None = None, on_error: ErrorHandler | None = None):
        super().__init__(parent)
        self._parent = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[Task] = set()
        self._on_error = on_error

    def run(
        self,
        fn: Callable[[Control], Any],
        on_done: Callable[[Any], None],
        *,
        on_error: ErrorHandler | None = None,
        label: str | None = None,
    ) -> Task:
        """Start *fn*; with *label*, a cancellable progress dialog shows after 0.5 s."""
        signals = _Signals()
        task = Task(Control(signals), signals)
        self._running.add(task)

        def finish() -> None:
            task.finished = True
            self._running.discard(task)
            if task.dialog is not None:
                task.dialog.reset()
                task.dialog.deleteLater()
                task.dialog = None

        def done(result: Any) -> None:
            finish()
            if not task.control.cancelled:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled):
                return
            handler = on_error or self._on_error
            if handler is None:
                log.error("background task failed", exc_info=exc)
            else:
                handler(exc)

        relay = _Relay(self, done, failed)
        signals.done.connect(relay.done, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(relay.failed, Qt.ConnectionType.QueuedConnection)
        signals.progress.connect(relay.progress, Qt.ConnectionType.QueuedConnection)
        if label is not None:
            self._progress_after_delay(task, relay, label)
        self._pool.start(_Runnable(fn, task.control, signals))
        return task

    def _progress_after_delay(self, task: Task, relay: _Relay, label: str) -> None:
        def show() -> None:
            if task.finished:
                return
            dlg = QProgressDialog(label, self.tr("გაუქმება"), 0, 0, self._parent)
            dlg.setWindowTitle(self.tr("მიმდინარეობს…"))
            dlg.setMinimumDuration(0)
            dlg.canceled.connect(task.cancel)

            def show_progress(done: int, total: int) -> None:
                if not task.finished:
                    dlg.setMaximum(total)
                    dlg.setValue(done)

            relay.on_progress = show_progress
            task.dialog = dlg
            dlg.show()

        QTimer.singleShot(PROGRESS_DELAY_MS, self, show)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)
