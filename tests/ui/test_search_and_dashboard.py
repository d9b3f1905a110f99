"""Ctrl+F search as you type, the filter bar, and the dashboard's numbers opening lists."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.registration import RegistrationInput, register
from ui.keys import type_text


def _reg(ctx, name: str, subject: str, doc_type: str = "letter", day: dt.date | None = None):  # type: ignore[no-untyped-def]
    return register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type=doc_type, subject=subject, from_name=name,
                          reg_date=day),
        ctx.clock,
    )  # fmt: skip


def test_latin_spelling_finds_the_georgian_surname_as_you_type(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    beridze = _reg(ctx, "ნინო ბერიძე", "წყალმომარაგება სოფელ ჩოჩხათში")
    _reg(ctx, "დავით კაკაბაძე", "გარე განათება")
    window.model.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    type_text(window.search, "beridze")
    qtbot.waitUntil(
        lambda: window.model.rowCount() == 1 and window.model.row(0) is not None, timeout=10_000
    )
    assert window.model.row(0).id == beridze.id
    assert window.status_count.text() == "ნაპოვნია: 1"
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    window.search.setText("არაფერი-ასეთი")
    qtbot.waitUntil(lambda: window.model.query.ids == (-1,) and window.model.ready, timeout=10_000)
    assert window.model.rowCount() == 0


def test_filter_bar_narrows_the_list_in_sql(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    _reg(ctx, "ლია გოგიბერიძე", "საჯარო ინფორმაცია", "foi", dt.date(2026, 10, 1))  # overdue
    _reg(ctx, "ლევან ჯაყელი", "წერილი", "letter")
    window.model.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.filters.overdue.setChecked(True)
    assert window.model.rowCount() == 1
    assert window.model.row(0).doc_type == "საჯარო ინფორმაციის გამოთხოვა"
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.filters.overdue.setChecked(False)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.filters.doc_type.setCurrentIndex(window.filters.doc_type.findData("letter"))
    assert window.model.rowCount() == 1 and window.model.row(0).subject == "წერილი"


def test_a_dashboard_number_opens_exactly_those_documents(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    late = _reg(ctx, "ლია გოგიბერიძე", "საჯარო ინფორმაცია", "foi", dt.date(2026, 10, 1))
    _reg(ctx, "ლევან ჯაყელი", "წერილი", "letter")
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.show_page("dashboard")
    assert window.pages.currentWidget() is window.dashboard
    table = window.dashboard.table
    assert table.item(0, 0).text() == "1"  # overdue in the whole office
    assert table.item(0, 4).text() == "1"  # received this month (November)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        table.cellClicked.emit(0, 0)
    assert window.pages.currentIndex() == 0
    assert window.model.rowCount() == 1
    qtbot.waitUntil(lambda: window.model.row(0) is not None, timeout=10_000)
    assert window.model.row(0).id == late.id


def test_a_saved_filter_comes_back_in_a_new_window(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    _reg(ctx, "ლია გოგიბერიძე", "საჯარო ინფორმაცია", "foi", dt.date(2026, 10, 1))  # overdue
    _reg(ctx, "ლევან ჯაყელი", "წერილი", "letter")
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.filters.overdue.setChecked(True)
    window.save_filter("ვადაგადაცილებული")
    qtbot.waitUntil(lambda: "ვადაგადაცილებული" in window.saved_filters, timeout=10_000)

    other = MainWindow(ctx)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.filters.saved.count() == 2, timeout=10_000)
    assert other.filters.saved.itemText(1) == "ვადაგადაცილებული"
    with qtbot.waitSignal(other.model.loaded, timeout=10_000):
        other.use_saved_filter("ვადაგადაცილებული")
    assert other.filters.overdue.isChecked()
    assert other.model.rowCount() == 1
    other.runner.wait(10_000)
