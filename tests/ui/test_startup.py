"""Opening the first database: a profile that does not open leads to the connection dialog
(not to an exit); a schema newer than the program says "update the program"; an older
schema on a server is upgraded only after an administrator logs in, the embedded file
silently."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app import profiles
from app.connection import ConnectionProfile
from app.setup import SchemaMismatch, schema_state
from models import migrate
from models.db import Database, open_database
from tests.app.test_setup import (
    ADMIN_PASSWORD,
    FUTURE_REVISION,
    OLD_REVISION,
    make_newer,
    make_older,
    set_admin_password,
)
from tests.ui.sqlguard import allow_gui_sql
from ui import connection as connection_module
from ui.connection import SchemaUpgradeDialog
from ui.context import AppContext
from ui.keys import type_text
from ui.main import EXIT_DB, Opener, Startup, WindowHost, default_db_url, open_context
from ui.tasks import TaskRunner


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the error boxes (QMessageBox.critical would block the test)."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: texts.append(text))
    return texts


@pytest.fixture
def unreachable_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The workstation's active profile is a PostgreSQL server on a closed port."""
    monkeypatch.setenv(profiles.CONFIG_ENV, str(tmp_path / "config"))
    monkeypatch.delenv(profiles.DB_ENV, raising=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = ConnectionProfile(
        name="მერიის სერვერი", kind="postgresql", server=f"127.0.0.1:{port}", timeout=3
    )
    profiles.put(server, activate=True)
    url = default_db_url()
    assert url is not None
    return url


@pytest.fixture
def startup(qtbot) -> Iterator[Startup]:  # type: ignore[no-untyped-def]
    s = Startup(login=False)
    yield s
    assert s.runner.wait(10_000)
    if s.ctx is not None:
        s.ctx.db.dispose()


def _dialog_ready(qtbot, startup: Startup):  # type: ignore[no-untyped-def]
    dlg = startup.dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.ready and dlg.drivers_ready and not dlg.busy, timeout=10_000)
    return dlg


def test_an_unreachable_profile_opens_the_connection_dialog_and_another_one_is_used(
    qtbot, startup: Startup, unreachable_profile: str, shown: list[str]
) -> None:  # type: ignore[no-untyped-def]
    startup.open(unreachable_profile)  # off the GUI thread: the window never waits for it
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30_000)
    assert not startup.done  # no exit: the clerk chooses
    assert "სერვერი ვერ მოიძებნა" in shown[0]  # the reason with its remedy, in Georgian
    assert "აირჩიეთ სხვა კავშირი" in shown[0]  # and what to do now
    dlg = _dialog_ready(qtbot, startup)
    assert dlg.isVisible()
    assert "ბაზა არ არის გახსნილი" in dlg.current.text()

    dlg.select_profile(profiles.DEFAULT_PROFILE.name)
    with qtbot.waitSignal(startup.finished, timeout=30_000) as finished:
        qtbot.mouseClick(dlg.activate_button, Qt.MouseButton.LeftButton)
    ctx = finished.args[0]
    assert ctx is startup.ctx and ctx.db.backend == "sqlite"
    assert startup.dialog is None and not dlg.isVisible()
    assert profiles.load().active == profiles.DEFAULT_PROFILE.name  # used next time too
    assert len(shown) == 1

    host = WindowHost(ctx)
    host.window.show()
    qtbot.waitUntil(lambda: host.window.ready, timeout=10_000)
    assert host.window.isVisible()
    assert "kantselaria.sqlite3" in host.window.status_db.text()
    host.window.close()


def test_a_profile_that_fails_again_keeps_the_dialog_and_closing_it_gives_up(
    qtbot, startup: Startup, unreachable_profile: str, shown: list[str]
) -> None:  # type: ignore[no-untyped-def]
    startup.open(unreachable_profile)
    qtbot.waitUntil(lambda: startup.dialog is not None, timeout=30_000)
    dlg = _dialog_ready(qtbot, startup)
    qtbot.mouseClick(dlg.activate_button, Qt.MouseButton.LeftButton)  # the same server again
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30_000)
    assert startup.dialog is dlg and dlg.isVisible() and not startup.done
    assert "ბაზა არ არის გახსნილი" in dlg.current.text()  # so it may be retried once fixed
    with qtbot.waitSignal(startup.finished) as finished:
        dlg.reject()  # "Close"
    assert finished.args == [None]
    assert startup.code == EXIT_DB


def test_a_newer_schema_says_update_the_program(
    qtbot, ctx, sqlite_url: str, shown: list[str]
) -> None:  # type: ignore[no-untyped-def]
    other = sqlite_url.replace(".sqlite3", "-newer.sqlite3")
    db = open_database(other)
    from app.setup import prepare

    prepare(db)
    make_newer(db)
    db.dispose()
    with allow_gui_sql(), pytest.raises(SchemaMismatch) as err:
        open_context(other)  # the scripts' way (screenshots, bench)
    assert "განაახლეთ პროგრამა" in err.value.message()

    host = WindowHost(ctx)  # switching to it from the window says the same
    window = host.window
    with qtbot.waitSignal(host.reopened, timeout=30_000) as reopened:
        host.reopen(other)
    assert reopened.args == [False]
    assert host.window is window
    assert "განაახლეთ პროგრამა" in shown[-1] and "Can't locate" not in shown[-1]
    window.close()


def open_with(qtbot, url: str, login: bool = False) -> object:  # type: ignore[no-untyped-def]
    """What an Opener ends with: the AppContext, the exception, or None (cancelled)."""
    runner = TaskRunner()
    opener = Opener(runner, url, login=login)
    seen: list[object] = []
    opener.opened.connect(seen.append)
    opener.failed.connect(seen.append)
    opener.cancelled.connect(lambda: seen.append(None))
    opener.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert runner.wait(10_000)
    return seen[0]


def test_an_older_embedded_file_is_upgraded_silently(
    qtbot, sqlite_db: Database, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    make_older(sqlite_db)
    asked: list[object] = []
    monkeypatch.setattr(connection_module, "ask_schema_upgrade", lambda *a: asked.append(a))
    ctx = open_with(qtbot, sqlite_url)
    assert isinstance(ctx, AppContext)
    assert schema_state(ctx.db).up_to_date and not asked
    ctx.db.dispose()


@pytest.fixture
def old_server(pg_url: str, cheap_hashing: None) -> Iterator[str]:
    db = open_database(pg_url)
    set_admin_password(db)
    make_older(db)
    db.dispose()
    yield pg_url


@pytest.mark.pg
def test_an_older_server_schema_is_not_upgraded_without_an_administrator(
    qtbot, old_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    err = open_with(qtbot, old_server)  # the smoke test / no one to ask
    assert isinstance(err, SchemaMismatch)
    assert OLD_REVISION in err.message() and "kantselaria-cli db upgrade" in err.message()
    asked: list[str] = []

    def refuse(db: Database, state: object, parent: object = None) -> None:
        asked.append(str(getattr(state, "current", "")))

    monkeypatch.setattr(connection_module, "ask_schema_upgrade", refuse)
    # the clerk cancelled the upgrade
    assert isinstance(open_with(qtbot, old_server, login=True), SchemaMismatch)
    assert asked == [OLD_REVISION]
    db = open_database(old_server)
    assert schema_state(db).current == OLD_REVISION  # nothing upgraded silently
    db.dispose()


@pytest.mark.pg
def test_the_administrator_upgrades_an_older_server_schema_from_the_dialog(
    qtbot, old_server: str
) -> None:  # type: ignore[no-untyped-def]
    db = open_database(old_server)
    state = schema_state(db)
    dlg = SchemaUpgradeDialog(db, state)
    qtbot.addWidget(dlg)
    dlg.show()
    intro = dlg.findChild(QLabel, "intro")
    assert intro is not None
    assert OLD_REVISION in intro.text() and migrate.head_revision() in intro.text()

    type_text(dlg.login, "admin")
    type_text(dlg.password, "არასწორი")
    qtbot.mouseClick(dlg.upgrade_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.general_text()), timeout=10_000)
    assert "პაროლი" in dlg.errors.general_text() and dlg.password.text() == ""
    assert schema_state(db).current == OLD_REVISION

    type_text(dlg.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=30_000):
        qtbot.mouseClick(dlg.upgrade_button, Qt.MouseButton.LeftButton)
    assert dlg.state is not None and dlg.state.up_to_date
    assert schema_state(db).up_to_date
    db.dispose()


@pytest.mark.pg
def test_a_newer_server_schema_is_refused(qtbot, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    db = open_database(pg_url)
    make_newer(db)
    db.dispose()
    err = open_with(qtbot, pg_url, login=True)
    assert isinstance(err, SchemaMismatch)
    assert err.key == "db.schema_new" and FUTURE_REVISION in err.message()


def test_a_slow_database_opens_behind_a_progress_window_and_cancel_offers_another(
    qtbot, startup: Startup, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A server that does not answer keeps only the worker waiting: the progress window
    shows, Cancel gives up on it and the connection dialog offers another database."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from ui import main as main_module
    from ui.tasks import Cancelled

    gave_up = threading.Event()

    def unanswered(request, control):  # type: ignore[no-untyped-def]
        while not control.cancelled:  # a connect timeout that never ends
            gave_up.wait(0.01)
        gave_up.set()
        raise Cancelled

    monkeypatch.setattr(main_module, "bring_up", unanswered)
    startup.open(sqlite_url)

    def progress() -> QProgressDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        return next((w for w in found if w.isVisible()), None)

    qtbot.waitUntil(lambda: progress() is not None, timeout=10_000)
    box = progress()
    assert box is not None and box.labelText() == "მონაცემთა ბაზის გახსნა…"
    box.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: startup.dialog is not None, timeout=10_000)
    assert gave_up.is_set() and not startup.done and startup.ctx is None
