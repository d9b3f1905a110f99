"""The main window's menus and the card's deadline actions, as a clerk reaches them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from app.registration import RegistrationInput, register
from ui.admin.document_actions import ExtendDialog
from ui.keys import type_text


@pytest.mark.parametrize("key", ["templates", "deadlines", "calendar", "correspondents", "reports"])
def test_every_directory_and_admin_dialog_opens_from_the_menu(qtbot, window, key) -> None:  # type: ignore[no-untyped-def]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&დოკუმენტი", "ა&ნგარიშები", "&ცნობარები", "&ადმინისტრირება"]
    dlg = window.open_dialog(key)
    assert dlg.isVisible()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()


def test_extending_from_the_card_moves_the_due_date_and_reloads_it(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    doc = register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type="foi", subject="ინფორმაცია ტენდერებზე",
                          from_name="გიორგი ლომიძე"),
        ctx.clock,
    )  # fmt: skip
    window.open_document(doc.id)
    qtbot.waitUntil(lambda: window.card is not None and window.card.isVisible(), timeout=10_000)
    card = window.card
    assert card.extend_button.isVisible() and not card.resume_button.isVisible()
    card.extend_button.click()
    dlg = card.action_dialog
    assert isinstance(dlg, ExtendDialog)
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    dlg.new_date.setDate(QDate(2026, 12, 10))
    type_text(dlg.reason, "საჭიროა სხვა სამსახურის პასუხი")
    with qtbot.waitSignal(card.changed, timeout=10_000):
        qtbot.mouseClick(dlg.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.card is not card and window.card is not None, timeout=10_000)
    assert window.card.card.due_date.isoformat() == "2026-12-10"


def test_monthly_report_from_the_reports_screen(qtbot, window, ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs import card as desktop

    opened: list[Path] = []
    monkeypatch.setattr(desktop, "open_file", opened.append)
    register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type="application", subject="სოციალური დახმარება",
                          from_name="ნანა ბოლქვაძე", department="SOC"),
        ctx.clock,
    )  # fmt: skip
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = window.dialogs["reports"]
    dlg.report.setCurrentIndex(dlg.report.findData("monthly"))
    assert dlg.period.text() == "2026-10"  # last month by default
    dlg.period.setText("2026-13")
    dlg.folder.setText(str(tmp_path / "out"))
    dlg.generate()
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=10_000)
    assert "2026-13" in dlg.error.text()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    dlg.period.setText("2026-11")
    with qtbot.waitSignal(dlg.generated, timeout=30_000) as sig:
        dlg.generate()
    paths = sig.args[0]
    assert sorted(p.suffix for p in paths) == [".pdf", ".xlsx"]
    assert paths[0].read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert opened == [paths[0]]


def test_settings_open_from_the_document_menu(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "პარამეტრები (&ენა)…" in texts
    dlg = window.open_settings()
    assert dlg.isVisible()
    dlg.close()


def _open_card(qtbot, window, doc_id: int):  # type: ignore[no-untyped-def]
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: window.card is not None and window.card.isVisible(), timeout=10_000)
    card = window.card
    qtbot.waitUntil(lambda: card.links.ready, timeout=10_000)
    return card


def test_the_card_heads_its_linked_documents_once(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    doc = register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type="letter", subject="წერილი", from_name="ნინო"),
        ctx.clock,
    )  # fmt: skip
    card = _open_card(qtbot, window, doc.id)
    texts = [w.text().replace("&", "") for w in card.findChildren(QLabel)]
    assert texts.count("დაკავშირებული დოკუმენტები") == 1


def test_the_english_card_shows_no_georgian_type_or_status(qtbot, window, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app import messages
    from app.links import link

    first, answer = (
        register(ctx.db, ctx.actor, RegistrationInput(kind=kind, doc_type="letter",
                 subject="წერილი", from_name="ნინო"), ctx.clock)
        for kind in ("incoming", "outgoing")
    )  # fmt: skip
    link(ctx.db, ctx.actor, answer.id, first.id, "reply_to", ctx.clock)
    monkeypatch.setattr(messages, "_language", "en")  # as `install(app, "en")` sets it
    card = _open_card(qtbot, window, answer.id)
    assert card.card.doc_type_name == "Letter"
    links = card.links.model
    qtbot.waitUntil(lambda: links.rowCount() == 1, timeout=10_000)
    assert links.data(links.index(0, 4)) == "Registered"


def test_my_tasks_with_overdue_counts_reads_whole_in_the_navigation(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from app.routing import TaskCounts

    window.tasks.counts_changed.emit(TaskCounts(total=32, overdue=18, soon=0, queue=0))
    text = window.tasks_item.text()
    assert text.splitlines() == ["ჩემი დავალებები (32)", "18 ვადაგადაცილებული"]
    qtbot.waitUntil(lambda: window.nav.width() >= window.nav.minimumWidth())
    for i in range(window.nav.count()):
        item = window.nav.item(i)
        rect = window.nav.visualItemRect(item)
        assert rect.width() <= window.nav.viewport().width(), item.text()
    assert not window.nav.horizontalScrollBar().isVisible()


def test_the_filter_bar_shows_its_labels_whole_at_its_narrowest(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    window.resize(600, 700)  # as narrow as the window lets itself be
    bar = window.filters
    qtbot.waitUntil(lambda: window.width() < 1280 and bar.width() > 0)
    for combo in (bar.status, bar.doc_type, bar.department, bar.channel, bar.saved):
        opt = QStyleOptionComboBox()
        combo.initStyleOption(opt)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        text = combo.itemText(0)
        assert combo.fontMetrics().horizontalAdvance(text) <= field.width(), text
    spin = bar.soon_days
    spin.setValue(60)
    assert spin.fontMetrics().horizontalAdvance(spin.text()) <= spin.lineEdit().width()
