"""The connection dialog: profiles edited, tested, saved and activated; passwords kept
only in the keyring (a memory keyring stands for the operating system's here)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy.engine import make_url

from app import profiles
from app.connection import explain
from ui import connection as connection_module
from ui.connection import ConnectionDialog, PasswordDialog, where
from ui.keys import type_text
from ui.tasks import TaskRunner

SECRET = "სა;იდ}უმლო-42"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict (stands for the OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(profiles.CONFIG_ENV, str(tmp_path / "config"))
    monkeypatch.delenv(profiles.DB_ENV, raising=False)
    return tmp_path / "config"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    assert r.wait(10_000)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


def _open(qtbot, runner: TaskRunner, current_url: str = "") -> ConnectionDialog:  # type: ignore[no-untyped-def]
    dlg = ConnectionDialog(runner, current_url=current_url)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready and dlg.drivers_ready and not dlg.busy, timeout=10_000)
    return dlg


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _new(qtbot, dlg: ConnectionDialog, name: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, dlg.new_button)
    dlg.name.clear()
    type_text(dlg.name, name)
    dlg.kind.setCurrentIndex(dlg.kind.findData(kind))


def _mssql(qtbot, dlg: ConnectionDialog, port: int) -> None:  # type: ignore[no-untyped-def]
    _new(qtbot, dlg, "მერიის სერვერი", "mssql")
    qtbot.keyClicks(dlg.server, f"127.0.0.1,{port}")
    dlg.database.setText("kants")
    dlg.auth.setCurrentIndex(dlg.auth.findData("sql"))
    qtbot.keyClicks(dlg.username, "sa")
    dlg.driver.setCurrentIndex(dlg.driver.findText("FreeTDS"))
    dlg.timeout.setValue(3)


def _tested(qtbot, dlg: ConnectionDialog, seconds: int = 10) -> None:  # type: ignore[no-untyped-def]
    dlg.last_report = None
    _click(qtbot, dlg.test_button)
    qtbot.waitUntil(lambda: dlg.last_report is not None and not dlg.busy, timeout=seconds * 1000)


def test_an_embedded_profile_is_created_tested_upgraded_and_activated(
    qtbot, runner, config: Path, memory_keyring: MemoryKeyring, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, runner, current_url=f"sqlite:///{tmp_path / 'open.sqlite3'}")
    assert dlg.profile_names() == [profiles.DEFAULT_PROFILE.name]
    assert str(tmp_path / "open.sqlite3") in dlg.current.text()
    assert not dlg.delete_button.isEnabled()  # the active profile cannot be deleted

    _new(qtbot, dlg, "არქივი 2019", "embedded")
    assert dlg.file.isVisibleTo(dlg) and not dlg.server.isVisibleTo(dlg)
    assert not dlg.password.isVisibleTo(dlg) and not dlg.driver.isVisibleTo(dlg)
    archive = tmp_path / "archive" / "2019.sqlite3"
    dlg.file.setText(str(archive))
    assert dlg.list.currentItem().data(Qt.ItemDataRole.UserRole) is None  # "new (unsaved)"
    dlg.list.setFocus()  # moving around the dialog keeps the unsaved profile
    assert (dlg.name.text(), dlg.file.text()) == ("არქივი 2019", str(archive))

    _tested(qtbot, dlg)
    assert dlg.last_report is not None and dlg.last_report.ok
    assert dlg.last_state is not None and dlg.last_state.status == "empty"
    assert "✔ კავშირი დამყარდა" in dlg.test_result.text()
    assert "ბაზა ცარიელია" in dlg.test_result.text()
    assert dlg.upgrade_button.isVisibleTo(dlg)

    _click(qtbot, dlg.upgrade_button)
    qtbot.waitUntil(lambda: dlg.last_state is not None and dlg.last_state.up_to_date)
    assert "სქემა შექმნილია" in dlg.test_result.text()
    assert not dlg.upgrade_button.isVisibleTo(dlg)

    with qtbot.waitSignal(dlg.saved, timeout=10_000) as saved:
        _click(qtbot, dlg.save_button)
    assert saved.args == ["არქივი 2019"]
    qtbot.waitUntil(lambda: not dlg.busy)
    assert dlg.profile_names() == [profiles.DEFAULT_PROFILE.name, "არქივი 2019"]
    stored = profiles.load()
    assert stored.active == profiles.DEFAULT_PROFILE.name
    assert stored.get("არქივი 2019") is not None
    assert stored.get("არქივი 2019").file == str(archive)  # type: ignore[union-attr]

    with qtbot.waitSignal(dlg.activated, timeout=10_000) as activated:
        _click(qtbot, dlg.activate_button)
    url = make_url(activated.args[0])
    assert (url.get_backend_name(), url.database) == ("sqlite", str(archive))
    assert profiles.load().active == "არქივი 2019"
    qtbot.waitUntil(lambda: not dlg.busy)
    assert "(აქტიური)" in dlg.list.currentItem().text()
    assert str(archive) in dlg.current.text()
    assert "აქტიური კავშირია" in dlg.notice.text()

    # The first profile can go now (it is no longer active)
    asked: list[str] = []
    monkeypatch.setattr(connection_module, "confirm", lambda p, t, text: asked.append(text) or True)
    dlg.select_profile(profiles.DEFAULT_PROFILE.name)
    _click(qtbot, dlg.delete_button)
    qtbot.waitUntil(lambda: dlg.profile_names() == ["არქივი 2019"])
    assert profiles.DEFAULT_PROFILE.name in asked[0]
    assert profiles.load().names() == ["არქივი 2019"]


def test_mssql_with_freetds_against_a_closed_port_reports_the_remedy_within_the_timeout(
    qtbot, runner, config: Path, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, runner)
    assert "FreeTDS" in dlg.drivers()
    assert "პაროლების საცავში" in dlg.password_note.text()
    _mssql(qtbot, dlg, _closed_port())
    for w in (dlg.server, dlg.database, dlg.username, dlg.password, dlg.driver, dlg.encrypt):
        assert w.isVisibleTo(dlg)
    assert not dlg.file.isVisibleTo(dlg) and not dlg.port.isVisibleTo(dlg)

    # no password yet: asked for inline, nothing runs
    _click(qtbot, dlg.test_button)
    assert "საჭიროა პაროლი" in dlg.errors.text("password")
    assert dlg.last_report is None

    type_text(dlg.password, SECRET)
    _tested(qtbot, dlg, seconds=3 + 5)
    report = dlg.last_report
    assert report is not None and not report.ok
    assert report.error is not None and report.error.key == "db.server_not_found"
    assert report.seconds < 3 + 2
    assert "სერვერი ვერ მოიძებნა" in dlg.test_result.text()
    assert SECRET not in dlg.test_result.text()

    # Windows authentication hides the login and password
    dlg.auth.setCurrentIndex(dlg.auth.findData("windows"))
    assert not dlg.username.isVisibleTo(dlg) and not dlg.password.isVisibleTo(dlg)
    dlg.auth.setCurrentIndex(dlg.auth.findData("sql"))

    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        _click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: not dlg.busy)
    assert "პაროლი შენახულია პაროლების საცავში" in dlg.notice.text()
    assert list(memory_keyring.items.values()) == [SECRET]
    saved = (config / profiles.FILE_NAME).read_text(encoding="utf-8")
    assert SECRET not in saved
    assert [p["name"] for p in json.loads(saved)["profiles"]][-1] == "მერიის სერვერი"
    assert dlg.password.text() == "" and "შენახულია" in dlg.password.placeholderText()

    # Activate without retyping: the keyring's password goes into the URL
    with qtbot.waitSignal(dlg.activated, timeout=10_000) as activated:
        _click(qtbot, dlg.activate_button)
    url = activated.args[0]
    odbc = str(make_url(url).query["odbc_connect"])
    assert "DRIVER={FreeTDS}" in odbc and "PWD={" + SECRET.replace("}", "}}") + "}" in odbc
    assert where(url).endswith("/kants") and SECRET not in dlg.current.text()


def test_without_a_keyring_the_password_is_kept_only_for_this_session(
    qtbot, runner, config: Path, no_keyring: None
) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, runner)
    assert "ყოველ გახსნაზე გკითხავთ" in dlg.password_note.text()
    _mssql(qtbot, dlg, _closed_port())
    type_text(dlg.password, SECRET)
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        _click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: not dlg.busy)
    assert "პაროლი არ შეინახა" in dlg.notice.text()
    assert SECRET not in (config / profiles.FILE_NAME).read_text(encoding="utf-8")
    with qtbot.waitSignal(dlg.activated, timeout=10_000) as activated:
        _click(qtbot, dlg.activate_button)
    odbc = str(make_url(activated.args[0]).query["odbc_connect"])
    assert "PWD={" + SECRET.replace("}", "}}") + "}" in odbc
    assert dlg.active_password == SECRET


def test_a_missing_odbc_driver_manager_is_named_in_georgian(
    qtbot, runner, config: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def no_manager() -> list[str]:
        raise explain(ImportError("libodbc.so.2: cannot open shared object file"))

    monkeypatch.setattr(connection_module, "check_odbc", no_manager)
    dlg = _open(qtbot, runner)
    dlg.kind.setCurrentIndex(dlg.kind.findData("mssql"))
    assert dlg.driver_error.isVisibleTo(dlg)
    assert "ODBC დრაივერების მენეჯერი არ არის დაყენებული" in dlg.driver_error.text()
    assert dlg.drivers() == []


def test_a_new_profile_gets_driver_18_then_17_never_the_legacy_one(
    qtbot, runner, config: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A Windows workstation often has the legacy "SQL Server" driver listed first."""
    windows = ["SQL Server", "ODBC Driver 17 for SQL Server", "FreeTDS"]
    monkeypatch.setattr(connection_module, "check_odbc", lambda: list(windows))
    dlg = _open(qtbot, runner)
    _new(qtbot, dlg, "სერვერი", "mssql")
    assert dlg.drivers() == ["ODBC Driver 17 for SQL Server", "FreeTDS", "SQL Server"]
    assert dlg.driver.currentText() == "ODBC Driver 17 for SQL Server"
    assert not dlg.driver_legacy.isVisibleTo(dlg)
    dlg.driver.setCurrentIndex(dlg.driver.findText("SQL Server"))  # chosen by hand: warned
    assert dlg.driver_legacy.isVisibleTo(dlg) and "Driver 18" in dlg.driver_legacy.text()


def test_a_profile_without_a_name_is_refused_inline(
    qtbot, runner, config: Path, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, runner)
    _new(qtbot, dlg, "", "postgresql")
    _click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("profile_name")))
    assert not (config / profiles.FILE_NAME).exists()


@pytest.mark.pg
def test_a_postgresql_profile_connects_to_the_test_server(
    qtbot, runner, config: Path, memory_keyring: MemoryKeyring, pg_url: str
) -> None:  # type: ignore[no-untyped-def]
    u = make_url(pg_url)
    dlg = _open(qtbot, runner)
    _new(qtbot, dlg, "PostgreSQL", "postgresql")
    assert dlg.port.isVisibleTo(dlg) and not dlg.driver.isVisibleTo(dlg)
    qtbot.keyClicks(dlg.server, u.host or "")
    dlg.port.setValue(u.port or 5432)
    dlg.database.setText(u.database or "")
    qtbot.keyClicks(dlg.username, u.username or "")
    qtbot.keyClicks(dlg.password, u.password or "unused-by-trust-auth")
    dlg.timeout.setValue(5)
    _tested(qtbot, dlg)
    assert dlg.last_report is not None and dlg.last_report.ok, dlg.test_result.text()
    assert dlg.last_state is not None and dlg.last_state.status == "current"
    assert "სქემა აქტუალურია" in dlg.test_result.text()
    assert not dlg.upgrade_button.isVisibleTo(dlg)
    assert dlg.profile().server == f"{u.host}:{u.port}"


def test_the_password_dialog_returns_what_was_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = PasswordDialog("მერიის სერვერი", can_remember=True)
    qtbot.addWidget(dlg)
    dlg.show()
    assert any("„მერიის სერვერი“" in lbl.text() for lbl in dlg.findChildren(QLabel))
    type_text(dlg.password_edit, SECRET)
    dlg.remember_box.setChecked(True)
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.password_edit, Qt.Key.Key_Return)
    assert (dlg.password(), dlg.remember()) == (SECRET, True)
    plain = PasswordDialog("x")
    qtbot.addWidget(plain)
    assert not plain.remember_box.isVisibleTo(plain) and not plain.remember()


@pytest.mark.parametrize("ring", ["memory_keyring", "no_keyring"])
def test_the_keyring_note_sits_between_the_password_and_the_driver(
    qtbot, runner, config: Path, ring: str, request: pytest.FixtureRequest
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QRect

    request.getfixturevalue(ring)
    dlg = _open(qtbot, runner)
    _new(qtbot, dlg, "მერიის სერვერი", "mssql")  # the rows appear after the window opened
    dlg.auth.setCurrentIndex(dlg.auth.findData("sql"))
    note = dlg.password_note

    def box(w: QWidget) -> QRect:
        return QRect(w.mapTo(dlg, QPoint(0, 0)), w.size())

    def settled() -> bool:
        return note.isVisible() and note.height() >= note.heightForWidth(note.width())

    qtbot.waitUntil(settled, timeout=5_000)  # all its wrapped lines, not one line's height
    assert note.heightForWidth(note.width()) > note.fontMetrics().height()  # two lines or more
    assert box(dlg.password).bottom() < box(note).top()
    assert box(note).bottom() < box(dlg.driver).top()
    assert box(dlg.schema).bottom() < box(dlg.test_button).top()  # nothing squeezed below


@pytest.mark.pg
def test_an_older_server_schema_is_upgraded_only_through_the_administrators_login(
    qtbot,
    runner,
    config: Path,
    memory_keyring: MemoryKeyring,
    pg_url: str,
    cheap_hashing,
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.setup import upgrade_as_admin
    from models.db import open_database
    from models.tables import AuditEntry
    from tests.app.test_setup import ADMIN_PASSWORD, OLD_REVISION, make_older, set_admin_password

    db = open_database(pg_url)
    set_admin_password(db)
    make_older(db)
    asked: list[str] = []

    def administrator_logs_in(target, state, parent=None):  # type: ignore[no-untyped-def]
        asked.append(state.current)
        return upgrade_as_admin(target, "admin", ADMIN_PASSWORD)

    monkeypatch.setattr(connection_module, "ask_schema_upgrade", administrator_logs_in)
    u = make_url(pg_url)
    dlg = _open(qtbot, runner)
    _new(qtbot, dlg, "PostgreSQL", "postgresql")
    qtbot.keyClicks(dlg.server, u.host or "")
    dlg.port.setValue(u.port or 5432)
    dlg.database.setText(u.database or "")
    qtbot.keyClicks(dlg.username, u.username or "")
    qtbot.keyClicks(dlg.password, u.password or "unused-by-trust-auth")
    _tested(qtbot, dlg)
    assert dlg.last_state is not None and dlg.last_state.status == "old"
    assert dlg.upgrade_button.isVisibleTo(dlg)

    _click(qtbot, dlg.upgrade_button)
    assert asked == [OLD_REVISION]
    assert dlg.last_state.up_to_date and not dlg.upgrade_button.isVisibleTo(dlg)
    assert "სქემა შექმნილია / განახლებულია" in dlg.test_result.text()
    with db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "schema")).all()
    assert actions == ["schema_upgrade"]  # audited in that database, by its administrator
    db.dispose()
