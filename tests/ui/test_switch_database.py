"""From the GUI to the PostgreSQL server and back to the embedded file, without restarting."""

from __future__ import annotations

import pytest

from app.registration import RegistrationInput, register


@pytest.mark.pg
def test_switching_to_the_server_and_back_reopens_the_window(qtbot, ctx, pg_url) -> None:  # type: ignore[no-untyped-def]
    from ui.main import WindowHost

    host = WindowHost(ctx)
    host.window.show()
    qtbot.waitUntil(lambda: host.window.ready, timeout=10_000)
    first_window = host.window

    with qtbot.waitSignal(host.reopened, timeout=30_000) as reopened:
        host.reopen(pg_url)  # what the connection dialog's "activated" signal does
    assert reopened.args == [True]
    assert host.window is not first_window and not first_window.isVisible()
    assert host.ctx.db.backend == "postgresql"
    register(
        host.ctx.db, host.ctx.actor,
        RegistrationInput(kind="incoming", doc_type="letter", subject="სერვერზე", from_name="ია"),
        host.ctx.clock,
    )  # fmt: skip
    host.window.model.refresh()
    qtbot.waitUntil(lambda: host.window.model.rowCount() == 1, timeout=10_000)
    assert "მონაცემთა ბაზა: 127.0.0.1/" in host.window.status_db.text()

    with qtbot.waitSignal(host.reopened, timeout=30_000) as reopened:
        host.reopen(ctx.url)
    assert reopened.args == [True]
    assert host.ctx.db.backend == "sqlite"
    qtbot.waitUntil(lambda: host.window.ready, timeout=10_000)
    assert host.window.model.rowCount() == 0  # the embedded file never saw that letter
    host.window.close()
    host.ctx.db.dispose()


def test_an_unreachable_database_keeps_the_current_window(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from ui.main import WindowHost

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    host = WindowHost(ctx)
    window = host.window
    with qtbot.waitSignal(host.reopened, timeout=30_000) as reopened:
        host.reopen("postgresql+psycopg2://nobody@127.0.0.1:9/none")
    assert reopened.args == [False]
    assert host.window is window and host.ctx is ctx
    assert shown and "სერვერ" in shown[0]
    window.close()
