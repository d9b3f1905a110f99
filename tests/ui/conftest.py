"""GUI fixtures: a real main window over a real (SQLite) database, offscreen.

The GUI tests run the way the program does: automatic garbage collection is off and a
timer on the GUI thread collects (:mod:`ui.collector`), and no SQL statement may run on
the GUI thread from our GUI code — a test that makes one fails at teardown, naming the
line (``tests/ui/sqlguard.py``). A test's own set-up and checks may query on the main
thread (no ``ui/`` frame on the stack), or wrap a direct call of GUI-layer code in
``with allow_gui_sql():``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from app.auth import default_actor
from app.clock import FixedClock
from app.setup import prepare
from models.db import Database
from tests.ui import sqlguard
from ui import collector
from ui.context import AppContext
from ui.tasks import TaskRunner


@pytest.fixture(scope="package", autouse=True)
def _gc_on_the_gui_thread(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """No automatic collection while GUI tests run: the GUI-thread timer collects.

    Package-scoped, so tests outside tests/ui interleaved by random ordering collect as
    usual (a full collection with no worker running comes first).
    """
    collector.install()
    yield
    TaskRunner.wait_all()
    collector.uninstall()


@pytest.fixture(autouse=True)
def _no_sql_on_the_gui_thread() -> Iterator[None]:
    """Fails the test (at teardown) when our GUI code ran SQL on the GUI thread."""
    with sqlguard.armed() as seen:
        yield
    if seen:
        pytest.fail("SQL on the GUI thread:\n  " + "\n  ".join(seen), pytrace=False)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and logs of a test never touch the developer's own."""
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    QCoreApplication.setOrganizationName("KantselariaTest")
    QCoreApplication.setApplicationName("KantselariaTest")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def _collect_qt_garbage(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Destroy each test's Qt objects while the application still lives.

    Left to interpreter shutdown, PySide objects die in arbitrary order and the process
    can crash after the last test passed.
    """
    yield
    TaskRunner.wait_all()
    QApplication.sendPostedEvents()  # deliver the results while their widgets live
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ctx(sqlite_db: Database, sqlite_url: str, clock: FixedClock) -> Iterator[AppContext]:
    prepare(sqlite_db, clock)
    with sqlite_db.read() as s:
        actor = default_actor(s)
    assert actor is not None
    yield AppContext(db=sqlite_db, actor=actor, clock=clock, url=sqlite_url)
    # No background task may outlive the database it reads (it is disposed next).
    TaskRunner.wait_all()
    QApplication.sendPostedEvents()


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.runner.wait(10_000)
