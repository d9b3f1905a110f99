"""No SQL on the GUI thread: a ``before_cursor_execute`` listener on every Engine.

A statement counts when it runs on the main (Qt GUI) thread and the nearest of our frames
above the domain code (``app/``, ``models/``, libraries) is in ``ui/`` — the window or a
dialog querying instead of its worker. When it is in ``tests/`` (a test's own set-up, check
or stand-in), it does not count; ``allow_gui_sql()`` lets a test call GUI-layer code that
queries directly on purpose.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

import ui

_UI_DIR = str(Path(ui.__file__).resolve().parent) + "/"
_APP_DIR = str(Path(ui.__file__).resolve().parent.parent / "app") + "/"
_TESTS_DIR = str(Path(__file__).resolve().parent.parent) + "/"
_allowed = 0
_seen: list[str] = []


@contextmanager
def allow_gui_sql() -> Iterator[None]:
    """A test calls GUI-layer code that queries directly on the main thread on purpose
    (a worker function tested on its own, a scripted helper)."""
    global _allowed
    _allowed += 1
    try:
        yield
    finally:
        _allowed -= 1


def _before_cursor_execute(
    conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool
) -> None:
    if _allowed or threading.current_thread() is not threading.main_thread():
        return
    ui_frame = app_frame = None
    frame = sys._getframe(1)
    while frame is not None:  # from the statement outwards: who asked for it?
        name = frame.f_code.co_filename
        if name.startswith(_UI_DIR):
            ui_frame = frame
            break
        if name.startswith(_TESTS_DIR):
            return  # the test's own set-up, check or stand-in, not the code under test
        if app_frame is None and name.startswith(_APP_DIR):
            app_frame = frame
        frame = frame.f_back  # type: ignore[assignment]
    if ui_frame is None:
        return  # no GUI code involved (a fixture, a library)
    where = f"{ui_frame.f_code.co_filename}:{ui_frame.f_lineno} in {ui_frame.f_code.co_name}"
    if app_frame is not None:
        where += f" → {app_frame.f_code.co_filename}:{app_frame.f_lineno}"
    where += " → " + statement.strip().split("\n")[0][:80]
    if where not in _seen:
        _seen.append(where)


@contextmanager
def armed() -> Iterator[list[str]]:
    """Listen while the block runs; the list holds where SQL ran on the GUI thread."""
    _seen.clear()
    event.listen(Engine, "before_cursor_execute", _before_cursor_execute)
    try:
        yield _seen
    finally:
        event.remove(Engine, "before_cursor_execute", _before_cursor_execute)
