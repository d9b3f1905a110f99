"""A registry of 100 000 rows in the list: valid for Qt, and its last row reached."""

from __future__ import annotations

import pytest

from app.demo import generate


@pytest.mark.slow
def test_scrolling_a_100000_row_registry_to_the_end(qtbot, qtmodeltester, ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    generate(ctx.db, 168_000, seed=5, clock=ctx.clock)  # ~60 % incoming: ≥ 100 000 rows
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    model = window.model
    qtbot.waitUntil(lambda: model.ready and model.rowCount() >= 100_000, timeout=30_000)
    rows = model.rowCount()
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.row(rows - 1) is not None, timeout=30_000)
    first, last = model.row(0), model.row(rows - 1)
    assert first.reg_date >= last.reg_date  # newest first, oldest at the end
    qtmodeltester.check(model)
    window.runner.wait(30_000)
