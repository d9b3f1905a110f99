"""The holiday calendar: a decree day off moves an open document's due date, and back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from app.rules import list_holidays
from tests.app._rules_helpers import dates, reg
from ui.admin import calendar as calendar_module
from ui.admin.calendar import CalendarDialog
from ui.keys import type_text


def _open(qtbot, ctx, runner) -> CalendarDialog:  # type: ignore[no-untyped-def]
    dlg = CalendarDialog(ctx, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    return dlg


def test_the_years_days_off_are_listed_and_highlighted(qtbot, ctx, runner, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner)
    qtmodeltester.check(dlg.model)
    days = [h.day for h in dlg.model.rows]
    assert dt.date(2026, 1, 1) in days and dt.date(2026, 4, 12) in days  # Easter 2026
    assert all(d.year == 2026 for d in days)
    assert QDate(2026, 5, 26) in dlg.highlighted()  # Independence Day
    assert len(dlg.highlighted()) == len(days)
    dlg.year.setValue(2025)
    qtbot.waitUntil(lambda: dlg.model.rowCount() > 0 and dlg.model.row(0).day.year == 2025)
    assert dlg.calendar.yearShown() == 2025
    assert QDate(2025, 4, 20) in dlg.highlighted()  # Easter 2025
    assert QDate(2026, 5, 26) not in dlg.highlighted()


def test_decree_day_off_moves_an_open_due_date_and_removing_it_moves_it_back(
    qtbot, ctx, runner, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    doc = reg(ctx.db, ctx.clock, dt.date(2026, 11, 20))  # FOI: 10 days → Monday 30 Nov
    assert doc.due_date == dt.date(2026, 11, 30)
    dlg = _open(qtbot, ctx, runner)
    dlg.calendar.setSelectedDate(QDate(2026, 11, 30))
    dlg.calendar.clicked.emit(QDate(2026, 11, 30))
    assert dlg.new_day.date() == QDate(2026, 11, 30)
    type_text(dlg.new_name, "მთავრობის დადგენილება №1234")
    with qtbot.waitSignal(dlg.changed, timeout=10_000) as sig:
        qtbot.keyClick(dlg.new_name, Qt.Key.Key_Return)
    change = sig.args[0]
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10_000)
    # Enter added the day once and pressed no button (a second add would be refused)
    assert dlg.errors.text("day") == "" and dlg.errors.general_text() == ""
    assert [c.doc_id for c in change.recomputed] == [doc.id]
    assert dates(ctx.db, doc.id)[0] == dt.date(2026, 12, 1)
    assert "ხელახლა დაითვალა ღია დოკუმენტების ვადები: 1." in dlg.notice.text()
    assert f"{doc.number}: 30.11.2026 → 01.12.2026" in dlg.notice.text()
    qtbot.waitUntil(lambda: QDate(2026, 11, 30) in dlg.highlighted())
    assert dlg.new_name.text() == ""
    decree = [h for h in list_holidays(ctx.db, ctx.actor, 2026) if h.source == "decree"]
    assert [(h.day, h.name) for h in decree] == [
        (dt.date(2026, 11, 30), "მთავრობის დადგენილება №1234")
    ]

    # the same day again: an inline error, nothing changes
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("holiday_name")), timeout=10_000)
    type_text(dlg.new_name, "მეორედ")
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "უკვე დასვენების დღეა" in dlg.errors.text("day"), timeout=10_000)

    asked: list[str] = []
    monkeypatch.setattr(calendar_module, "confirm", lambda p, t, text: asked.append(text) or True)
    row = next(i for i, h in enumerate(dlg.model.rows) if h.day == dt.date(2026, 11, 30))
    dlg.table.selectRow(row)
    assert dlg.remove_button.isEnabled()
    with qtbot.waitSignal(dlg.changed, timeout=10_000):
        qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert "30.11.2026" in asked[0]
    assert dates(ctx.db, doc.id)[0] == dt.date(2026, 11, 30)
    assert "ახლა სამუშაო დღეა" in dlg.notice.text()
    qtbot.waitUntil(lambda: QDate(2026, 11, 30) not in dlg.highlighted())


def test_declining_the_confirmation_removes_nothing(qtbot, ctx, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(calendar_module, "confirm", lambda *a: False)
    dlg = _open(qtbot, ctx, runner)
    before = list_holidays(ctx.db, ctx.actor, 2026)
    dlg.table.selectRow(0)
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert runner.wait(5_000)
    assert list_holidays(ctx.db, ctx.actor, 2026) == before


def test_a_decree_day_is_added_with_its_decree_and_the_note_says_to_add_them(
    qtbot, ctx, runner
) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner)
    assert "განკარგულებით" in dlg.decree_note.text()
    dlg.new_day.setDate(QDate(2026, 12, 31))
    type_text(dlg.new_name, "ახალი წლის დამატებითი დასვენების დღე")
    type_text(dlg.new_decree, "მთავრობის განკარგულება №2385")
    with qtbot.waitSignal(dlg.changed, timeout=10_000) as sig:
        qtbot.keyClick(dlg.new_decree, Qt.Key.Key_Return)
    assert sig.args[0].decree_ref == "მთავრობის განკარგულება №2385"
    assert dlg.new_decree.text() == ""
    qtbot.waitUntil(
        lambda: any(h.day == dt.date(2026, 12, 31) for h in dlg.model.rows), timeout=10_000
    )
    row = next(h for h in dlg.model.rows if h.day == dt.date(2026, 12, 31))
    assert row.decree_ref == "მთავრობის განკარგულება №2385"
    shown = [dlg.model.index(dlg.model.rows.index(row), c).data() for c in range(4)]
    assert shown[3] == "მთავრობის განკარგულება №2385"
