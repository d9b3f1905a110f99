"""The one place where work leaves the GUI thread (after Anki's QueryOp/CollectionOp).

``runner.run(fn, payload, on_done)`` calls ``fn(payload, control)`` on a pool thread;
``on_done(result)`` or the error handler runs back on the GUI thread. A progress dialog
with a Cancel button appears only when the task is still running after
``PROGRESS_DELAY_MS``. A task whose owner went away or was superseded is simply ignored
when it finishes.

Workers never touch Qt. A dialog *collects* what its widgets hold into plain data (a
frozen dataclass, a string, a tuple…) on the GUI thread and passes only that as
*payload*; *fn* turns it into a result. ``run`` refuses (``TypeError``) a payload that
holds a Qt object, and an *fn* that is a Qt object's method or a closure over one (say a
lambda reading ``self.line_edit.text()``): such a worker would read widgets off the GUI
thread, or drop the last reference to one there and run its C++ destructor on the wrong
thread (see :mod:`ui.collector` for the freeze that caused).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import threading
import types
import weakref
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui import collector

log = logging.getLogger("kantselaria.ui.tasks")

PROGRESS_DELAY_MS = 500
P = TypeVar("P")
R = TypeVar("R")

_QtObject = shiboken6.Shiboken.Object
_PLAIN = (type(None), bool, int, float, complex, str, bytes, bytearray, range)
# Objects of our own GUI code that are not Qt objects may still hold widgets (a helper
# keeping labels): their attributes are looked into. Domain, model and library objects
# (Database, a clock, an engine) have no Qt by the import contracts and are not.
_OWN_MODULES = ("ui.", "tests.", "bench.", "__main__")
_MAX_DEPTH = 12


def _own(obj: object) -> bool:
    return type(obj).__module__.startswith(_OWN_MODULES)


def find_qt(obj: object, where: str = "payload") -> str | None:
    """Where a Qt (shiboken) object is reachable from *obj*, or None.

    Looks through dataclass fields, tuples, lists, sets, dicts, functions (closure cells,
    defaults), bound methods, ``functools.partial`` and our own GUI code's plain objects.
    """
    seen: set[int] = set()

    def walk(o: object, path: str, depth: int) -> str | None:
        if isinstance(o, _PLAIN):
            return None
        if isinstance(o, _QtObject):
            return f"{path} ({type(o).__name__})"
        if id(o) in seen or depth > _MAX_DEPTH:
            return None
        seen.add(id(o))
        found: str | None = None
        if isinstance(o, (tuple, list, set, frozenset)):
            for i, item in enumerate(o):
                if found := walk(item, f"{path}[{i}]", depth + 1):
                    return found
        elif isinstance(o, dict):
            for k, v in o.items():
                if (found := walk(k, f"{path} key", depth + 1)) or (
                    found := walk(v, f"{path}[{k!r}]", depth + 1)
                ):
                    return found
        elif isinstance(o, types.MethodType):
            return walk(o.__self__, f"{path}.__self__", depth + 1) or walk(
                o.__func__, path, depth + 1
            )
        elif isinstance(o, types.FunctionType):
            names = o.__code__.co_freevars
            for name, cell in zip(names, o.__closure__ or (), strict=False):
                try:
                    value = cell.cell_contents
                except ValueError:  # an empty cell (a name not bound yet)
                    continue
                if found := walk(value, f"{path}: closure variable {name!r}", depth + 1):
                    return found
            for i, d in enumerate(o.__defaults__ or ()):
                if found := walk(d, f"{path}: default #{i}", depth + 1):
                    return found
            for k, d in (o.__kwdefaults__ or {}).items():
                if found := walk(d, f"{path}: default {k!r}", depth + 1):
                    return found
        elif isinstance(o, functools.partial):
            return (
                walk(o.func, f"{path}.func", depth + 1)
                or walk(o.args, f"{path}.args", depth + 1)
                or walk(o.keywords, f"{path}.keywords", depth + 1)
            )
        elif dataclasses.is_dataclass(o) and not isinstance(o, type):
            for f in dataclasses.fields(o):
                if found := walk(getattr(o, f.name, None), f"{path}.{f.name}", depth + 1):
                    return found
        elif _own(o) and hasattr(o, "__dict__"):
            for k, v in vars(o).items():
                if found := walk(v, f"{path}.{k}", depth + 1):
                    return found
        return None

    return walk(obj, where, 0)


def check_worker_call(fn: Callable[..., Any], payload: object) -> None:
    """Refuse (``TypeError``) work that would touch a Qt object off the GUI thread."""
    self_ = getattr(fn, "__self__", None)
    if isinstance(self_, _QtObject):
        raise TypeError(
            f"a worker function must not be a method of a Qt object "
            f"({type(self_).__name__}.{getattr(fn, '__name__', '?')}): collect the widgets' "
            f"values into the payload on the GUI thread"
        )
    name = getattr(fn, "__qualname__", repr(fn))
    found = find_qt(fn, name)
    if found is not None:
        raise TypeError(
            f"a worker function must not reach a Qt object: {found}; collect the widgets' "
            f"values into the payload on the GUI thread"
        )
    found = find_qt(payload)
    if found is not None:
        raise TypeError(f"a task's payload must be plain data, not Qt objects: {found}")


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Control:
    """What a running task sees: progress reporting and the cancel flag."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int) -> None:
        self._report(done, total)

    def cancel(self) -> None:
        self._cancel.set()


class Task:
    """A handle on one running task (lives on the GUI thread)."""

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        report: Callable[[int, int], None],
    ) -> None:
        self.control = Control(report)
        self.on_done = on_done
        self.on_failed = on_failed
        self.on_progress: Callable[[int, int], None] | None = None
        self.on_cancel: Callable[[], None] | None = None
        self.finished = False
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self.control.cancel()


ErrorHandler = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs callables on a thread pool and delivers their results on the GUI thread.

    The worker only ever emits this runner's own signals (queued to the GUI thread); no
    QObject is created or freed off the GUI thread: ``run`` refuses work reaching a Qt
    object, and the garbage collector runs on the GUI thread only (:mod:`ui.collector`). Pass ``owner`` (usually the dialog
    asking) to ``run``: when the owner is destroyed first, the result is dropped.
    """

    _done = Signal(int, object)
    _failed = Signal(int, object)
    _progress = Signal(int, int, int)
    _instances: ClassVar[weakref.WeakSet[TaskRunner]] = weakref.WeakSet()

    def __init__(self, parent: QWidget | None = None, on_error: ErrorHandler | None = None):
        super().__init__(parent)
        if QCoreApplication.instance() is not None:
            collector.install()  # no automatic garbage collection on the workers
        TaskRunner._instances.add(self)
        self._parent = parent
        self._pool = QThreadPool()  # not a child: outlives this object while tasks finish
        self._pool.setMaxThreadCount(2)
        self._tasks: dict[int, Task] = {}
        self._ids = itertools.count(1)
        self._alive = threading.Event()
        self._alive.set()
        self._on_error = on_error
        self._done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._deliver_failed, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(self._alive.clear)

    def run(
        self,
        fn: Callable[[P, Control], R],
        payload: P,
        on_done: Callable[[R], None],
        *,
        on_error: ErrorHandler | None = None,
        label: str | None = None,
        owner: QObject | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Task:
        """Start ``fn(payload, control)`` on a pool thread; ``on_done(result)`` runs on the
        GUI thread. With *label*, a cancellable progress dialog shows after 0.5 s.

        *payload* is plain data (no Qt object inside), *fn* neither a Qt object's method
        nor a closure over one — else ``TypeError``, before anything runs.
        """
        check_worker_call(fn, payload)
        task_id = next(self._ids)
        handler = on_error or self._on_error

        def failed(exc: BaseException) -> None:
            if handler is None:
                log.error("background task failed", exc_info=exc)
            else:
                handler(exc)

        alive = self._alive
        emit_progress = self._progress.emit

        def report(done: int, total: int) -> None:
            if alive.is_set():
                emit_progress(task_id, done, total)

        task = Task(on_done, failed, report)
        task.on_cancel = on_cancel
        self._tasks[task_id] = task
        if owner is not None:
            owner.destroyed.connect(task.control.cancel)
        if label is not None:
            self._progress_after_delay(task, label)
        control, emit_done, emit_failed = task.control, self._done.emit, self._failed.emit

        def work() -> None:
            try:
                result = fn(payload, control)
            except BaseException as exc:  # reported on the GUI thread
                if alive.is_set():
                    emit_failed(task_id, exc)
            else:
                if alive.is_set():
                    emit_done(task_id, result)

        self._pool.start(work)
        return task

    def _finish(self, task_id: int) -> Task | None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return None
        task.finished = True
        if task.dialog is not None:
            task.dialog.reset()
            task.dialog.deleteLater()
            task.dialog = None
        return task

    @Slot(int, object)
    def _deliver_done(self, task_id: int, result: Any) -> None:
        task = self._finish(task_id)
        if task is None:
            return
        if task.control.cancelled:
            if task.on_cancel is not None:
                task.on_cancel()
            return
        task.on_done(result)

    @Slot(int, object)
    def _deliver_failed(self, task_id: int, exc: BaseException) -> None:
        task = self._finish(task_id)
        if task is None:
            return
        if task.control.cancelled or isinstance(exc, Cancelled):
            if task.on_cancel is not None:
                task.on_cancel()
            return
        task.on_failed(exc)

    @Slot(int, int, int)
    def _deliver_progress(self, task_id: int, done: int, total: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.on_progress is not None:
            task.on_progress(done, total)

    def _progress_after_delay(self, task: Task, label: str) -> None:
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

            task.on_progress = show_progress
            task.dialog = dlg
            dlg.show()

        QTimer.singleShot(PROGRESS_DELAY_MS, self, show)

    def busy(self) -> bool:
        return bool(self._tasks)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)

    @classmethod
    def wait_all(cls, msecs: int = 30_000) -> bool:
        """Wait for every runner's pool (test teardown: no task outlives its database)."""
        return all(r.wait(msecs) for r in list(cls._instances) if shiboken6.isValid(r))
