"""The window never freezes (issue #16): many user switches, dialogs opened and closed,
widgets left in reference cycles, while worker tasks allocate heavily — no hang, no Qt
warning, memory bounded. The long form (200 switches) runs in ``make bench``."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from app import users
from app.users import UserInput
from bench.gui_stress import run_stress
from tests.app.test_setup import set_admin_password
from ui import collector
from ui.context import AppContext
from ui.main import WindowHost
from ui.main_window import MainWindow

PASSWORD = "ნინო-2026-პაროლი"
SWITCHES = 50
RSS_GROWTH_MB = 80.0  # generous: a leak of a window per switch would pass it quickly


def test_switching_users_while_workers_allocate_never_hangs_and_memory_stays_bounded(
    qtbot, ctx: AppContext, cheap_hashing: None
) -> None:  # type: ignore[no-untyped-def]
    set_admin_password(ctx.db, PASSWORD)
    for login, name, role in (
        ("nino", "ნინო კაპანაძე", "registrar"),
        ("head", "დავით ჩხეიძე", "head"),
        ("exec", "თამარ ხარაიშვილი", "executor"),
    ):
        users.create_user(
            ctx.db, ctx.actor, UserInput(login, name, role, 1), PASSWORD, clock=ctx.clock
        )
    host = WindowHost(ctx)
    host.window.show()

    def wait(ready):  # type: ignore[no-untyped-def]
        qtbot.waitUntil(ready, timeout=20_000)

    result = run_stress(host, ["nino", "head", "exec", "admin"], PASSWORD, SWITCHES, wait)

    assert result.switches == SWITCHES
    assert host.ctx.actor.login == ["nino", "head", "exec", "admin"][(SWITCHES - 1) % 4]
    assert not result.gc_enabled and not gc.isenabled()  # collection stays on the GUI thread
    assert result.collections > 0
    growth = result.rss_end_mb - result.rss_start_mb
    print(f"stress: {result}")
    assert growth < RSS_GROWTH_MB, result
    collector.collect_now()
    QApplication.sendPostedEvents()
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows == [host.window]  # the replaced windows are gone, not piling up
    host.window.close()
