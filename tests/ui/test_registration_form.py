"""Register from the window: Ctrl+N, type in Georgian, save, see the number on top."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.registration import RegistrationInput, register
from models.tables import Correspondent, Document
from ui.keys import type_text


def _documents(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count(Document.id))) or 0)


def test_ctrl_n_registers_a_letter_and_shows_it_on_top(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = window.registration
    assert dlg is not None and dlg.isVisible()
    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("foi"))
    type_text(dlg.from_name, "მარიამ ბერიძე")
    type_text(dlg.subject, "ბიუჯეტის შესრულების ანგარიში 2025 წლისთვის")
    assert dlg.from_name.text() == "მარიამ ბერიძე"
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as sig:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    doc = sig.args[0]
    assert doc.number == "შ-1/2026"
    assert doc.due_date is not None  # 10 days for public information, shifted off holidays
    qtbot.waitUntil(lambda: window.model.row(0) is not None and window.model.row(0).id == doc.id)
    top = window.model.row(0)
    assert top.number == "შ-1/2026"
    assert top.correspondent == "მარიამ ბერიძე"
    assert "შ-1/2026" in window.statusBar().currentMessage()
    assert not dlg.isVisible()
    assert window.status_count.text().endswith("1")


def test_missing_subject_is_shown_under_the_field_and_nothing_is_written(
    qtbot, window, ctx
) -> None:  # type: ignore[no-untyped-def]
    dlg = window.open_registration()
    type_text(dlg.from_name, "ნინო კაპანაძე")
    dlg.save()
    qtbot.waitUntil(lambda: bool(dlg.field_error("subject")), timeout=10_000)
    assert "სავალდებულოა" in dlg.field_error("subject")
    assert dlg.isVisible()
    assert dlg.from_name.text() == "ნინო კაპანაძე"  # nothing typed is lost
    assert _documents(ctx.db) == 0


def test_bad_personal_number_points_at_its_field(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    dlg = window.open_registration()
    type_text(dlg.from_name, "ლევან გელაშვილი")
    type_text(dlg.personal_id, "0100112")
    type_text(dlg.subject, "განცხადება")
    dlg.save()
    qtbot.waitUntil(lambda: bool(dlg.field_error("personal_id")), timeout=10_000)
    assert "11 ციფრ" in dlg.field_error("personal_id")
    assert dlg.field_error("subject") == ""
    assert _documents(ctx.db) == 0


def test_a_known_correspondent_is_suggested_and_reused(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    first = register(
        ctx.db,
        ctx.actor,
        RegistrationInput(
            kind="incoming", doc_type="application", subject="პირველი განცხადება",
            from_name="ნინო ჭავჭავაძე", personal_id="01001012345", address="ლანჩხუთი",
        ),
        ctx.clock,
    )  # fmt: skip
    window.model.refresh()
    dlg = window.open_registration()
    type_text(dlg.from_name, "chavchav")  # Latin spelling finds the Georgian name
    qtbot.waitUntil(lambda: len(dlg._suggestions) == 1, timeout=10_000)
    dlg._pick_suggestion(dlg._suggestion_text(dlg._suggestions[0]))
    assert dlg.from_name.text() == "ნინო ჭავჭავაძე"
    assert dlg.personal_id.text() == "01001012345"
    type_text(dlg.subject, "მეორე განცხადება")
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as sig:
        dlg.save()
    assert sig.args[0].correspondent_id == first.correspondent_id
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(Correspondent.id))) == 1
