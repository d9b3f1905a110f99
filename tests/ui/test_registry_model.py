"""The registry model: valid for Qt, lazy, sorted in SQL, superseded queries dropped."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.registration import RegistrationInput, register
from ui.registry.model import BLOCK, LOADING


@pytest.fixture
def filled(ctx):  # type: ignore[no-untyped-def]
    start = dt.date(2026, 1, 5)
    for i in range(BLOCK * 2 + 50):
        register(
            ctx.db,
            ctx.actor,
            RegistrationInput(
                kind="incoming",
                doc_type=("foi", "application", "letter")[i % 3],
                subject=f"წერილი {i}",
                from_name=f"კორესპონდენტი {i % 40}",
                reg_date=start + dt.timedelta(days=i % 300),
            ),
            ctx.clock,
        )
    return ctx


def test_model_passes_qt_model_tester(qtbot, qtmodeltester, window, filled) -> None:  # type: ignore[no-untyped-def]
    window.model.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 450, timeout=10_000)
    qtmodeltester.check(window.model)
    assert window.model.columnCount() == 9


def test_rows_are_fetched_a_block_at_a_time(qtbot, window, filled) -> None:  # type: ignore[no-untyped-def]
    m = window.model
    m.refresh()
    qtbot.waitUntil(lambda: m.rowCount() == 450, timeout=10_000)
    last = m.index(449, 0)
    assert m.row(449) is None  # only the first block is in memory
    assert m.data(last) == LOADING
    qtbot.waitUntil(lambda: m.row(449) is not None, timeout=10_000)
    dates = [m.row(r).reg_date for r in (0, 199, 449)]
    assert dates == sorted(dates, reverse=True)


def test_sorting_by_due_date_happens_in_sql(qtbot, window, filled) -> None:  # type: ignore[no-untyped-def]
    m = window.model
    m.refresh()
    qtbot.waitUntil(lambda: m.rowCount() == 450, timeout=10_000)
    with qtbot.waitSignal(m.loaded, timeout=10_000):
        window.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    assert m.query.sort == "due_date" and not m.query.descending
    dues = [m.row(r).due_date for r in range(BLOCK)]
    assert dues == sorted(dues)


def test_switching_journal_shows_only_that_kind(qtbot, window, filled) -> None:  # type: ignore[no-untyped-def]
    m = window.model
    with qtbot.waitSignal(m.loaded, timeout=10_000) as sig:
        window.show_page("outgoing")
    assert sig.args == [0]
    assert m.query.kind == "outgoing" and m.rowCount() == 0
    with qtbot.waitSignal(m.loaded, timeout=10_000):
        window.show_page("incoming")
        window.show_page("internal")  # the incoming query is superseded at once
    assert m.query.kind == "internal" and m.rowCount() == 0


def test_the_english_interface_names_document_types_in_english(
    qtbot, window, ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app import messages

    for doc_type in ("foi", "application"):
        register(
            ctx.db, ctx.actor,
            RegistrationInput(kind="incoming", doc_type=doc_type, subject="ს", from_name="ა"),
            ctx.clock,
        )  # fmt: skip
    model = window.model
    model.refresh()
    qtbot.waitUntil(lambda: model.ready and model.rowCount() == 2, timeout=10_000)
    types = {model.data(model.index(r, 4)) for r in range(2)}
    assert types == {"საჯარო ინფორმაციის გამოთხოვა", "განცხადება"}
    monkeypatch.setattr(messages, "_language", "en")  # as `install(app, "en")` sets it
    types = {model.data(model.index(r, 4)) for r in range(2)}
    assert types == {"Public-information request", "Application"}
