"""Numbering templates: the live preview, the inline error, saving and restarting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.rules import list_templates
from models.tables import NumberTemplate
from tests.app._rules_helpers import reg
from ui.admin.templates import TemplatesDialog
from ui.keys import type_text


def _open(qtbot, ctx, runner) -> TemplatesDialog:  # type: ignore[no-untyped-def]
    dlg = TemplatesDialog(ctx, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    return dlg


def _patterns(db) -> dict[tuple[str, int | None], str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return {(t.kind, t.department_id): t.pattern for t in s.scalars(select(NumberTemplate))}


def test_lists_templates_and_previews_as_you_type(qtbot, ctx, runner, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner)
    qtmodeltester.check(dlg.model)
    assert dlg.model.rowCount() == 3
    first = dlg.model.row(0)
    assert dlg.pattern.text() == first.pattern
    dlg.kind.setCurrentIndex(dlg.kind.findData("incoming"))
    assert dlg.pattern.text() == "{kind}-{seq}/{yyyy}"
    assert dlg.preview.text().startswith("შ-1/2026, შ-2/2026")
    dlg.pattern.clear()
    qtbot.keyClicks(dlg.pattern, "IN-{seq:05d}/{yy}")
    assert dlg.preview.text() == "IN-00001/26, IN-00002/26, IN-00125/26 …"
    dlg.department.setCurrentIndex(dlg.department.findData("FIN"))
    # no FIN template yet: the form starts from the general one and says it is new
    assert dlg.pattern.text() == "{kind}-{seq}/{yyyy}"
    dlg.pattern.clear()
    qtbot.keyClicks(dlg.pattern, "{dept}-{seq}")
    assert dlg.preview.text().startswith("FIN-1, FIN-2")


def test_pattern_without_seq_is_refused_inline_and_nothing_is_saved(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner)
    before = _patterns(ctx.db)
    dlg.kind.setCurrentIndex(dlg.kind.findData("outgoing"))
    dlg.pattern.clear()
    qtbot.keyClicks(dlg.pattern, "OUT/{yyyy}")
    assert "{seq}" in dlg.preview.text()  # the live preview already explains it
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("pattern")), timeout=10_000)
    assert "ნომრის შაბლონი" in dlg.errors.text("pattern")
    assert "{seq}" in dlg.errors.text("pattern")
    assert _patterns(ctx.db) == before
    assert dlg.save_button.isEnabled()


def test_save_keeps_the_sequence_and_restart_starts_at_one(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    reg(ctx.db, ctx.clock, dt.date(2026, 11, 2))
    reg(ctx.db, ctx.clock, dt.date(2026, 11, 3))
    dlg = _open(qtbot, ctx, runner)
    dlg.kind.setCurrentIndex(dlg.kind.findData("incoming"))
    assert "შ-3/2026" in dlg.state.text()
    dlg.pattern.clear()
    type_text(dlg.pattern, "შემ-{seq}/{yyyy}")
    with qtbot.waitSignal(dlg.saved, timeout=10_000) as sig:
        qtbot.keyClick(dlg.pattern, Qt.Key.Key_Return)
    assert sig.args[0].next_number == "შემ-3/2026"
    assert "შემ-3/2026" in dlg.notice.text()
    qtbot.waitUntil(lambda: any(t.pattern == "შემ-{seq}/{yyyy}" for t in dlg.model.rows))
    dlg.restart.setChecked(True)
    dlg.pattern.clear()
    type_text(dlg.pattern, "ახ-{seq}/{yyyy}")
    with qtbot.waitSignal(dlg.saved, timeout=10_000) as sig:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].next_number == "ახ-1/2026"
    got = {t.kind: t.next_number for t in list_templates(ctx.db, ctx.actor, ctx.clock)}
    assert got["incoming"] == "ახ-1/2026"


def test_escape_closes_and_a_viewer_cannot_edit(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    dlg = _open(qtbot, replace(ctx, actor=replace(ctx.actor, role="viewer")), runner)
    assert not dlg.pattern.isEnabled() and not dlg.save_button.isEnabled()
    assert "ადმინისტრატორი" in dlg.state.text()
    qtbot.keyClick(dlg.table, Qt.Key.Key_Escape)
    assert not dlg.isVisible()


def test_tab_walks_the_form_in_reading_order(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner)
    dlg.activateWindow()
    dlg.kind.setFocus()
    qtbot.waitUntil(dlg.kind.hasFocus)
    seen = [dlg.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dlg.focusWidget())
    assert seen == [dlg.kind, dlg.department, dlg.pattern, dlg.restart, dlg.save_button]
