"""ui.tasks: results on the GUI thread, errors to the handler, progress dialog and cancel."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QDate, QThread
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from ui.tasks import Control, TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    seen: list[tuple[int, bool]] = []
    worker_threads: list[bool] = []

    def work(n: int, c: Control) -> int:
        worker_threads.append(QThread.currentThread() is QApplication.instance().thread())
        return n

    runner.run(
        work,
        42,
        lambda r: seen.append((r, QThread.currentThread() is QApplication.instance().thread())),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [(42, True)]
    assert worker_threads == [False]


def test_errors_go_to_the_handler(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors: list[BaseException] = []
    done: list[object] = []
    runner.run(lambda _p, c: 1 / 0, None, done.append, on_error=errors.append)
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

    def work(_p: None, c: Control) -> str:
        n = 0
        while not c.cancelled and not release.is_set():
            n += 1
            if not c.cancelled:
                c.progress(n % 100, 100)
            release.wait(0.01)
        stopped.append(c.cancelled)
        return "finished"

    task = runner.run(work, None, done.append, label="ანგარიში…")
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5_000)
    cancel = task.dialog.findChild(QPushButton)
    assert cancel.text() == "გაუქმება"
    cancel.click()
    qtbot.waitUntil(lambda: task.finished, timeout=5_000)
    assert stopped == [True]
    assert done == []  # a cancelled task's result is never delivered
    assert task.dialog is None
    release.set()


# --- workers never touch Qt: the runner refuses what would -------------------------------------


class _Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit("ტექსტი")

    def work(self, _p: None, _c: Control) -> str:
        return self.edit.text()


@dataclass(frozen=True)
class _Input:
    text: str
    widget: object = None


class _Helper:
    """Plain Python, but holding a widget (like InlineErrors)."""

    def __init__(self, label: QLabel) -> None:
        self.label = label


def test_the_runner_refuses_work_that_would_touch_qt_objects(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    form = _Form()
    qtbot.addWidget(form)
    edit = form.edit
    helper = _Helper(QLabel())
    refused = [
        (form.work, None),  # a bound method of a QObject
        (lambda _p, _c: form.edit.text(), None),  # a closure over a widget's owner
        (lambda _p, _c: edit.text(), None),  # a closure over a widget
        (lambda _p, _c, e=edit: e.text(), None),  # a default argument
        (functools.partial(lambda e, _p, _c: e.text(), edit), None),
        (lambda _p, _c: helper.label.text(), None),  # through our own plain object
        (lambda p, _c: p, _Input("ა", widget=edit)),  # a payload holding a widget
        (lambda p, _c: p, (1, [edit])),
        (lambda p, _c: p, {"date": QDate(2026, 1, 1)}),  # any shiboken object
    ]
    for fn, payload in refused:
        with pytest.raises(TypeError, match="Qt"):
            runner.run(fn, payload, print)
    assert not runner.busy()  # nothing was started

    done: list[str] = []
    text = edit.text()  # collected on the GUI thread
    runner.run(lambda p, _c: p.text + "!", _Input(text), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert done == ["ტექსტი!"]
