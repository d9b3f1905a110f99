"""Python's cyclic garbage collector, run on the GUI thread only.

Why: CPython's automatic collection runs on whichever thread happens to allocate. When that
is a :class:`ui.tasks.TaskRunner` worker and the garbage holds Qt widgets (a closed dialog
in a reference cycle), their C++ destructors run on that worker: ``~QObject`` takes Qt's
connection mutex and then waits for the GIL, while the GUI thread holds the GIL and waits
for that mutex (``QObject::connect`` building a window) — the window freezes for good.
This froze *Switch user* and ``make test`` (issue #16).

So the GUI process turns automatic collection off (``gc.disable()``) and collects from a
QTimer on the GUI thread instead, generation by generation when the allocation counts pass
the thresholds — the pattern of calibre's and Camelot's ``GarbageCollector``. Reference
counting still frees acyclic objects at once on any thread; only cycles wait for the
timer (at most :data:`INTERVAL_MS`), and the natural idle points (a dialog closed, a user
switched) call :func:`collect_soon` so the memory of a closed window comes back promptly
(a full collection at most every :data:`FULL_INTERVAL_S`, the young generations between).
What exists when the collector starts (modules, classes, the libraries' tables) is moved
out of the collector's sight with ``gc.freeze()``, so a full collection only walks what
the session made since.
Workers never hold Qt objects (:meth:`ui.tasks.TaskRunner.run` checks it), so nothing Qt
is ever freed off the GUI thread.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 1000  # a cheap check: gc.get_count() against gc.get_threshold()
FULL_INTERVAL_S = 5.0  # idle points run a full collection at most this often

_instance: GarbageCollector | None = None


class GarbageCollector(QObject):
    """Disables automatic collection and collects from a timer on the GUI thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.collections = 0  # how many collections this object ran (tests, bench)
        self.pending = False  # collect_soon() asked, not run yet
        self.last_full = 0.0  # time.monotonic() of the last full collection
        gc.disable()
        gc.freeze()  # what exists now lives as long as the program: never walked again
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        _assert_gui_thread()
        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        if c0 <= t0:
            return
        generation = 0
        if c1 > t1:
            generation = 2 if c2 > t2 else 1
        self._collect(generation)

    def collect(self) -> None:
        """A full collection now (an idle point, the end of a test)."""
        _assert_gui_thread()
        self.pending = False
        self._collect(2)

    def collect_idle(self) -> None:
        """An idle point: a full collection unless one ran in the last FULL_INTERVAL_S."""
        _assert_gui_thread()
        self.pending = False
        recent = time.monotonic() - self.last_full < FULL_INTERVAL_S
        self._collect(1 if recent else 2)

    def _collect(self, generation: int) -> None:
        gc.collect(generation)
        self.collections += 1
        if generation == 2:
            self.last_full = time.monotonic()

    def stop(self) -> None:
        self.timer.stop()


def _assert_gui_thread() -> None:
    app = QCoreApplication.instance()
    if app is not None and QThread.currentThread() is not app.thread():
        raise RuntimeError("garbage collection belongs to the GUI thread")


def install() -> GarbageCollector:
    """Turn automatic collection off and collect from the GUI thread (idempotent).

    Needs the QCoreApplication; call it on the GUI thread. Every TaskRunner calls it, so a
    process with worker threads never collects on them.
    """
    global _instance
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install the garbage collector after the QApplication exists")
    _assert_gui_thread()
    if _instance is not None:
        try:
            _instance.timer.isActive()  # still alive (not destroyed with an old application)
        except RuntimeError:
            _instance = None
    if _instance is None:
        _instance = GarbageCollector(app)
    gc.disable()  # also when something turned it back on meanwhile
    return _instance


def installed() -> GarbageCollector | None:
    return _instance


def collect_now() -> None:
    """A full collection at an idle point, on the GUI thread (no-op before install)."""
    if _instance is not None:
        _instance.collect()


def collect_soon(*_args: object) -> None:
    """A full collection once the event loop is idle again (a window or dialog closed);
    requests until then are one collection. Connect it to ``finished``/``destroyed``."""
    collector = _instance
    if collector is None or collector.pending:
        return
    collector.pending = True
    QTimer.singleShot(0, collector, collector.collect_idle)


def uninstall() -> None:
    """Back to automatic collection (the end of a test session)."""
    global _instance
    collector, _instance = _instance, None
    if collector is not None:
        try:
            collector.stop()
            collector.deleteLater()
        except RuntimeError:
            pass
    gc.unfreeze()
    gc.collect()
    gc.enable()
