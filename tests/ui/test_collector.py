"""Garbage is collected on the GUI thread only (ui/collector.py), and the GUI tests catch
SQL that our GUI code runs on the GUI thread (tests/ui/sqlguard.py)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from tests.ui import sqlguard
from tests.ui.sqlguard import allow_gui_sql
from ui import collector
from ui.choices import load_choices
from ui.context import AppContext
from ui.tasks import Control, TaskRunner


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycles(n: int, _c: Control) -> int:
    for _ in range(n):
        a, b = _Node(), _Node()
        a.other, b.other = b, a
    return n


@pytest.fixture
def collections() -> Iterator[list[str]]:
    """The thread of every collection while the test runs, with thresholds at their
    lowest: an automatic collection, were it on, would run at every allocation."""
    seen: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    before = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)
    gc.set_threshold(*before)


def test_cyclic_widgets_die_on_the_gui_thread_while_workers_allocate(
    qtbot, collections: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled() and collector.installed() is not None
    runner = TaskRunner()
    destroyed: list[str] = []
    label = QLabel("in a cycle")
    label.myself = label  # only the cyclic collector can free it
    label.destroyed.connect(lambda: destroyed.append(threading.current_thread().name))
    del label
    done: list[int] = []
    for _ in range(4):
        runner.run(_cycles, 20_000, done.append)
    qtbot.waitUntil(lambda: len(done) == 4 and bool(destroyed), timeout=10_000)  # the timer
    assert runner.wait(10_000)
    main = threading.main_thread().name
    assert destroyed == [main]
    assert collections and set(collections) == {main}  # never on a worker


def test_an_idle_point_collects_soon(qtbot) -> None:  # type: ignore[no-untyped-def]
    installed = collector.installed()
    assert installed is not None
    before = installed.collections
    collector.collect_soon()
    collector.collect_soon()  # one collection for both
    qtbot.waitUntil(lambda: installed.collections > before, timeout=5_000)
    assert installed.collections == before + 1


def test_sql_from_gui_code_on_the_gui_thread_is_caught(ctx: AppContext) -> None:
    with ctx.db.read() as s:  # the test's own query: not counted
        s.execute(text("SELECT 1"))
    assert load_choices(ctx.db).doc_types  # a worker function called on the GUI thread
    caught = list(sqlguard._seen)
    sqlguard._seen.clear()  # (else this test fails at teardown, as it should)
    assert caught and all("ui/choices.py" in line for line in caught)
    with allow_gui_sql():
        load_choices(ctx.db)
    assert not sqlguard._seen
