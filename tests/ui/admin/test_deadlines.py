"""Deadline rules: edit and save; a negative count is refused under the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.rules import list_deadline_rules
from models.tables import DocumentType
from ui.admin.deadlines import DeadlineRulesDialog
from ui.keys import type_text


def _open(qtbot, ctx, runner) -> DeadlineRulesDialog:  # type: ignore[no-untyped-def]
    dlg = DeadlineRulesDialog(ctx, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    return dlg


def _select(dlg: DeadlineRulesDialog, code: str) -> None:
    for i, r in enumerate(dlg.model.rows):
        if r.code == code:
            dlg.table.selectRow(i)
            return
    raise AssertionError(code)


def _rule(ctx, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in list_deadline_rules(ctx.db, ctx.actor) if r.code == code)


def test_rules_are_listed_and_edited(qtbot, ctx, runner, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner)
    qtmodeltester.check(dlg.model)
    codes = [r.code for r in dlg.model.rows]
    assert codes[:3] == ["foi", "application", "complaint"]
    foi = dlg.model.index(0, 0)
    assert dlg.model.data(foi) == "საჯარო ინფორმაციის გამოთხოვა"
    assert dlg.model.data(dlg.model.index(0, 1)) == "10"
    assert dlg.model.data(dlg.model.index(0, 2)) == "კალენდარული დღე"
    assert dlg.title.text() == "საჯარო ინფორმაციის გამოთხოვა"
    assert dlg.count.text() == "10"
    dlg.count.clear()
    qtbot.keyClicks(dlg.count, "15")
    dlg.unit.setCurrentIndex(dlg.unit.findData("working_days"))
    dlg.shift.setCurrentIndex(dlg.shift.findData("previous"))
    dlg.legal_ref.clear()
    type_text(dlg.legal_ref, "სზაკ, მუხ. 40, პ. 1")
    dlg.max_extension.clear()
    qtbot.keyClicks(dlg.max_extension, "20")
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        qtbot.keyClick(dlg.max_extension, Qt.Key.Key_Return)
    r = _rule(ctx, "foi")
    assert (r.count, r.unit, r.shift, r.legal_ref, r.max_extension_days) == (
        15,
        "working_days",
        "previous",
        "სზაკ, მუხ. 40, პ. 1",
        20,
    )
    qtbot.waitUntil(lambda: dlg.model.data(dlg.model.index(0, 1)) == "15")
    assert dlg.model.data(dlg.model.index(0, 3)) == "წინა სამუშაო დღეზე"


def test_negative_count_is_shown_under_the_field_and_nothing_is_saved(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        before = [(t.code, t.deadline_count) for t in s.scalars(select(DocumentType))]
    dlg = _open(qtbot, ctx, runner)
    _select(dlg, "application")
    assert dlg.count.text() == "1"
    dlg.count.clear()
    qtbot.keyClicks(dlg.count, "-3")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("deadline_count")), timeout=10_000)
    assert "ვადის ხანგრძლივობა" in dlg.errors.text("deadline_count")
    assert "უარყოფითი" in dlg.errors.text("deadline_count")
    assert dlg.count.hasFocus()
    with ctx.db.read() as s:
        assert [(t.code, t.deadline_count) for t in s.scalars(select(DocumentType))] == before
    dlg.count.clear()
    qtbot.keyClicks(dlg.count, "abc")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "მთელი რიცხვი" in dlg.errors.text("deadline_count"), timeout=10_000)


def test_a_rule_without_deadline_disables_the_count(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner)
    _select(dlg, "memo")
    assert dlg.unit.currentData() == "none"
    assert not dlg.count.isEnabled()
    dlg.unit.setCurrentIndex(dlg.unit.findData("calendar_days"))
    assert dlg.count.isEnabled()
