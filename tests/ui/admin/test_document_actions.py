"""The card's deadline actions (extend, stop, resume) and the links panel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from app.extensions import list_extensions
from app.links import links_of
from tests.app._rules_helpers import dates, reg
from ui.admin import document_actions as module
from ui.admin.document_actions import ExtendDialog, LinksPanel, ResumeClockDialog, StopClockDialog
from ui.keys import type_text


def _show(qtbot, w):  # type: ignore[no-untyped-def]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    return w


def test_extension_beyond_the_maximum_is_refused_then_a_valid_one_saved(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    doc = reg(ctx.db, ctx.clock, dt.date(2026, 11, 20))  # FOI: due 30 Nov, +10 days at most
    dlg = _show(qtbot, ExtendDialog(ctx, runner, doc.id))
    assert doc.number in dlg.info.text()
    assert "30.11.2026" in dlg.info.text() and "10.12.2026" in dlg.info.text()
    assert dlg.new_date.date() == QDate(2026, 12, 10)  # the limit is offered
    assert dlg.action_button.isEnabled()
    dlg.new_date.setDate(QDate(2026, 12, 15))
    type_text(dlg.reason, "საჭიროა დამატებითი ინფორმაციის მოძიება")
    qtbot.mouseClick(dlg.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("new_date")), timeout=10_000)
    assert "მაქსიმუმ 10" in dlg.errors.text("new_date")
    assert "2026-12-10" in dlg.errors.text("new_date")
    assert dates(ctx.db, doc.id)[0] == dt.date(2026, 11, 30)
    assert list_extensions(ctx.db, ctx.actor, doc.id) == []
    assert dlg.isVisible() and dlg.action_button.isEnabled()

    dlg.new_date.setDate(QDate(2026, 12, 8))
    with qtbot.waitSignal(dlg.extended, timeout=10_000) as sig:
        qtbot.mouseClick(dlg.action_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].new_due_date == dt.date(2026, 12, 8)
    assert dates(ctx.db, doc.id)[0] == dt.date(2026, 12, 8)
    assert not dlg.isVisible()

    again = _show(qtbot, ExtendDialog(ctx, runner, doc.id))
    assert "30.11.2026 → 08.12.2026" in again.history.text()
    qtbot.keyClick(again.reason, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_extension_needs_a_reason(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    doc = reg(ctx.db, ctx.clock, dt.date(2026, 11, 20))
    dlg = _show(qtbot, ExtendDialog(ctx, runner, doc.id))
    qtbot.mouseClick(dlg.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "სავალდებულო" in dlg.errors.text("reason"), timeout=10_000)
    assert dates(ctx.db, doc.id)[0] == dt.date(2026, 11, 30)


def test_a_memo_without_deadline_cannot_be_extended(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    doc = reg(ctx.db, ctx.clock, dt.date(2026, 11, 20), "memo", kind="internal")
    dlg = _show(qtbot, ExtendDialog(ctx, runner, doc.id))
    assert "არ გაგრძელდება" in dlg.info.text()
    assert not dlg.action_button.isEnabled()


def test_stop_and_resume_the_clock(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    doc = reg(ctx.db, ctx.clock, dt.date(2026, 11, 20))  # due 30 Nov
    stop = _show(qtbot, StopClockDialog(ctx, runner, doc.id))
    assert "30.11.2026" in stop.info.text()
    stop.on_date.setDate(QDate(2026, 11, 23))
    type_text(stop.note, "ეთხოვა პირადობის ასლი")
    with qtbot.waitSignal(stop.stopped, timeout=10_000) as sig:
        qtbot.mouseClick(stop.action_button, Qt.MouseButton.LeftButton)
    info = sig.args[0]
    assert (info.remaining_days, info.count_unit) == (7, "calendar_days")
    assert dates(ctx.db, doc.id)[2] == "awaiting_clarification"
    assert not stop.isVisible()

    again = _show(qtbot, StopClockDialog(ctx, runner, doc.id))  # already stopped: refused inline
    qtbot.mouseClick(again.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(again.errors.text("document")), timeout=10_000)
    assert doc.number in again.errors.text("document")

    resume = _show(qtbot, ResumeClockDialog(ctx, runner, doc.id))
    assert "23.11.2026" in resume.info.text()
    assert "7 კალენდარული დღე" in resume.info.text()
    assert "ეთხოვა პირადობის ასლი" in resume.info.text()
    assert resume.on_date.date() == QDate(2026, 11, 25)
    with qtbot.waitSignal(resume.resumed, timeout=10_000) as sig:
        qtbot.keyClick(resume.on_date, Qt.Key.Key_Return)
    assert sig.args[0].due_date == dt.date(2026, 12, 2)
    assert dates(ctx.db, doc.id)[0] == dt.date(2026, 12, 2)
    assert dates(ctx.db, doc.id)[2] == "registered"

    nothing = _show(qtbot, ResumeClockDialog(ctx, runner, doc.id))
    assert "შეჩერებული არ არის" in nothing.info.text()
    assert not nothing.action_button.isEnabled()


def test_links_both_ways_by_number_and_unlink(
    qtbot, ctx, runner, monkeypatch, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    first = reg(ctx.db, ctx.clock, dt.date(2026, 11, 2), "letter")
    answer = reg(ctx.db, ctx.clock, dt.date(2026, 11, 10), "letter", kind="outgoing")
    panel = _show(qtbot, LinksPanel(ctx, runner, answer.id))
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 0

    type_text(panel.number, "შ-999/2026")
    qtbot.keyClick(panel.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(panel.errors.text("number")), timeout=10_000)
    assert "შ-999/2026" in panel.errors.text("number")

    panel.link_type.setCurrentIndex(panel.link_type.findData("reply_to"))
    panel.number.clear()
    type_text(panel.number, first.number)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.ready and panel.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(panel.model)
    assert panel.model.data(panel.model.index(0, 0)) == "პასუხია დოკუმენტზე"
    assert panel.model.data(panel.model.index(0, 1)) == first.number
    assert panel.number.text() == "" and panel.errors.text("number") == ""

    other_side = _show(qtbot, LinksPanel(ctx, runner, first.id))
    assert other_side.model.data(other_side.model.index(0, 0)) == "პასუხი"
    assert other_side.model.data(other_side.model.index(0, 1)) == answer.number
    other_side.table.setFocus()
    other_side.table.selectRow(0)
    with qtbot.waitSignal(other_side.open_document, timeout=5_000) as sig:
        qtbot.keyClick(other_side.table, Qt.Key.Key_Return)
    assert sig.args == [answer.id]

    # the same link again is refused under the number
    type_text(panel.number, first.number)
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "უკვე დაკავშირებულია" in panel.errors.text("number"), timeout=10_000)

    monkeypatch.setattr(module, "confirm", lambda *a: True)
    panel.table.selectRow(0)
    assert panel.unlink_button.isEnabled()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.ready and panel.model.rowCount() == 0, timeout=10_000)
    assert links_of(ctx.db, ctx.actor, first.id) == []


def test_enter_in_the_links_panel_does_not_press_the_cards_buttons(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

    first = reg(ctx.db, ctx.clock, dt.date(2026, 11, 2), "letter")
    second = reg(ctx.db, ctx.clock, dt.date(2026, 11, 3), "letter")
    card = QDialog()
    qtbot.addWidget(card)
    panel = LinksPanel(ctx, runner, second.id, card)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close.rejected.connect(card.reject)
    close.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
    lay = QVBoxLayout(card)
    lay.addWidget(panel)
    lay.addWidget(close)
    card.show()
    qtbot.waitUntil(lambda: panel.ready, timeout=10_000)
    panel.link_type.setCurrentIndex(panel.link_type.findData("repeat_of"))
    type_text(panel.number, first.number)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.number, Qt.Key.Key_Return)
    assert card.isVisible()
    [ln] = links_of(ctx.db, ctx.actor, first.id)
    assert (ln.link_type, ln.other_id) == ("repeated_by", second.id)
