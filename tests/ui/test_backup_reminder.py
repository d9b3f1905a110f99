"""The backup reminder: a bar (not a box) on the main window when the embedded file's last
backup is over a week old (fixed clock: 2026-11-25 09:00 UTC); "Back up now…" writes the
copy off the GUI thread and says where; never for a server database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.auth import default_actor
from app.backup import LAST_BACKUP, last_backup
from models.db import Database
from models.tables import Setting
from ui import backup as backup_module
from ui.context import AppContext
from ui.main_window import MainWindow


def _window(qtbot, ctx: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.backup_reminder.checked and w.ready, timeout=10_000)
    return w


def _backed_up(ctx: AppContext, days_ago: int) -> None:
    stamp = (ctx.clock.now_utc() - dt.timedelta(days=days_ago)).isoformat(timespec="seconds")
    with ctx.db.write() as s:
        s.add(Setting(name=LAST_BACKUP, content=stamp))


def test_never_backed_up_shows_the_bar_and_back_up_now_writes_the_copy(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    w = _window(qtbot, ctx)
    bar = w.backup_reminder
    assert bar.isVisible() and bar.backup_button.isVisible()
    assert "ჯერ არ შექმნილა" in bar.message.text()
    dest = tmp_path / "copies" / "kantselaria-copy.sqlite3"
    asked: list[Path] = []

    def choose(parent: object, suggested: Path) -> Path:
        asked.append(suggested)
        return dest

    monkeypatch.setattr(backup_module, "choose_backup_path", choose)
    with qtbot.waitSignal(bar.backed_up, timeout=30_000) as done:
        qtbot.mouseClick(bar.backup_button, Qt.MouseButton.LeftButton)
    assert asked[0].name == "kantselaria-2026-11-25.sqlite3"
    assert done.args[0].path == dest and dest.stat().st_size > 0
    assert not dest.with_name(dest.name + ".part").exists()
    assert bar.isVisible() and str(dest) in bar.message.text()  # says where the copy is
    assert "✔" in bar.message.text() and not bar.backup_button.isVisible()
    assert last_backup(ctx.db) == ctx.clock.now_utc()

    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    again = _window(qtbot, ctx)  # backed up today: no reminder next time
    assert not again.backup_reminder.isVisible()


def test_a_backup_of_three_days_ago_is_enough_and_one_of_eight_days_is_not(
    qtbot, ctx: AppContext
) -> None:  # type: ignore[no-untyped-def]
    _backed_up(ctx, days_ago=3)
    assert not _window(qtbot, ctx).backup_reminder.isVisible()
    with ctx.db.write() as s:
        row = s.scalar(select(Setting).where(Setting.name == LAST_BACKUP))
        assert row is not None
        row.content = (ctx.clock.now_utc() - dt.timedelta(days=8)).isoformat(timespec="seconds")
    bar = _window(qtbot, ctx).backup_reminder
    assert bar.isVisible()
    assert "17.11.2026" in bar.message.text() and "კვირაზე მეტი" in bar.message.text()


def test_a_destination_that_cannot_be_written_is_said_in_the_bar(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(
        backup_module, "choose_backup_path", lambda parent, suggested: blocker / "x.sqlite3"
    )
    bar = _window(qtbot, ctx).backup_reminder
    qtbot.mouseClick(bar.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.running, timeout=30_000)
    assert "ვერ ჩაიწერა" in bar.message.text() and bar.isVisible()
    assert bar.backup_button.isVisible() and bar.backup_button.isEnabled()  # try elsewhere
    assert last_backup(ctx.db) is None


def test_a_cancelled_choice_of_destination_writes_nothing(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(backup_module, "choose_backup_path", lambda parent, suggested: None)
    bar = _window(qtbot, ctx).backup_reminder
    qtbot.mouseClick(bar.backup_button, Qt.MouseButton.LeftButton)
    assert not bar.running and bar.backup_button.isEnabled()
    assert last_backup(ctx.db) is None


@pytest.fixture
def server_ctx(pg_db: Database, pg_url: str, clock) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    with pg_db.read() as s:
        actor = default_actor(s)
    assert actor is not None
    yield AppContext(db=pg_db, actor=actor, clock=clock, url=pg_url)


@pytest.mark.pg
def test_a_server_database_gets_no_reminder(qtbot, server_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    w = _window(qtbot, server_ctx)
    assert last_backup(server_ctx.db) is None  # never backed up by the program, and yet
    assert not w.backup_reminder.isVisible()
    w.close()
