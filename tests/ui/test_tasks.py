"""ui.tasks: results on the GUI thread, errors to the handler, progress dialog and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from ui.tasks import Control, TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    seen: list[tuple[int, bool]] = []
    worker_threads: list[bool] = []

    def work(c: Control) -> int:
        worker_threads.append(QThread.currentThread() is QApplication.instance().thread())
        return 42

    runner.run(
        work,
        lambda r: seen.append((r, QThread.currentThread() is QApplication.instance().thread())),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [(42, True)]
    assert worker_threads == [False]


def test_errors_go_to_the_handler(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors: list[BaseException] = []
    done: list[object] = []
    runner.run(lambda c: 1 / 0, done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], ZeroDivisionError)
    assert done == []


def test_long_task_shows_progress_and_cancel_stops_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    release = threading.Event()
    done: list[object] = []
    stopped: list[bool] = []

    def work(c: Control) -> str:
        n = 0
        while not c.cancelled and not release.is_set():
            n += 1
            if not c.cancelled:
                c.progress(n % 100, 100)
            release.wait(0.01)
        stopped.append(c.cancelled)
        return "finished"

    task = runner.run(work, done.append, label="ანგარიში…")
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5_000)
    cancel = task.dialog.findChild(QPushButton)
    assert cancel.text() == "გაუქმება"
    cancel.click()
    qtbot.waitUntil(lambda: task.finished, timeout=5_000)
    assert stopped == [True]
    assert done == []  # a cancelled task's result is never delivered
    assert task.dialog is None
    release.set()
