"""Register from the window: Ctrl+N, type in Georgian, save, see the number on top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from app.links import links_of
from app.registration import RegistrationInput, register
from models.tables import Correspondent, Document
from ui.dialogs import card as card_module
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
    notice = window.notice  # the number, shown big, with the slip one key away
    assert notice is not None and notice.isVisible()
    assert notice.findChild(QLabel, "number").text() == "შ-1/2026"


def test_foi_of_2_april_2026_is_due_14_april_with_the_reason_on_the_card(
    qtbot, window, ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[Path] = []
    monkeypatch.setattr(card_module, "open_file", opened.append)
    dlg = window.open_registration()
    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("foi"))
    dlg.reg_date.setDate(QDate(2026, 4, 2))
    type_text(dlg.from_name, "ეკა გოგუაძე")
    type_text(dlg.subject, "საჯარო ინფორმაცია: მერიის 2025 წლის ხარჯები")
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as sig:
        qtbot.keyClick(dlg.subject, Qt.Key.Key_Return)  # Enter saves
    assert sig.args[0].due_date.isoformat() == "2026-04-14"
    notice = window.notice
    qtbot.keyClick(notice, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
    assert opened[0].read_bytes().startswith(b"%PDF")
    notice.close()
    qtbot.waitUntil(
        lambda: window.model.row(0) is not None and window.model.row(0).id == sig.args[0].id
    )
    window.table.selectRow(0)
    window.open_current()
    qtbot.waitUntil(lambda: window.card is not None and window.card.isVisible(), timeout=10_000)
    labels = [w.text() for w in window.card.findChildren(QLabel)]
    assert "14.04.2026" in labels
    assert (
        "10 დღე 2 აპრილი 2026-დან (სზაკ, მუხ. 40) → 12 აპრილი — აღდგომა, "
        "13 აპრილი — შავი ორშაბათი → 14 აპრილი 2026"
    ) in labels


def test_repeat_letter_is_warned_and_linked(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    first = register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type="complaint", subject="გზის შეკეთება",
                          from_name="ზურაბ ნაკაშიძე", personal_id="33001012345"),
        ctx.clock,
    )  # fmt: skip
    dlg = window.open_registration()
    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("complaint"))
    type_text(dlg.from_name, "ზურაბ ნაკაშიძე")
    type_text(dlg.personal_id, "33001012345")
    qtbot.waitUntil(lambda: dlg.repeat_warning.isVisible(), timeout=10_000)
    assert first.number in dlg.repeat_warning.text()
    dlg.link_repeat.setChecked(True)
    type_text(dlg.subject, "გზის შეკეთება — განმეორებით")
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as sig:
        dlg.save()
    links = links_of(ctx.db, ctx.actor, sig.args[0].id)
    assert [(ln.other_number, ln.outgoing) for ln in links] == [(first.number, True)]


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


def _drop(dlg, path: Path) -> bool:  # type: ignore[no-untyped-def]
    """Drag *path* from a file manager onto the form; whether the form took it."""
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    at = QPoint(dlg.width() // 2, dlg.height() // 2)
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, actions, mime, buttons, mods)
    QApplication.sendEvent(dlg, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(at.toPointF(), actions, mime, buttons, mods)
    QApplication.sendEvent(dlg, drop)
    return drop.isAccepted()


def test_an_eml_dropped_on_the_form_fills_it_and_its_files_are_attached(
    qtbot, window, ctx, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from email import policy
    from email.message import EmailMessage

    from app.attachments import attachment_content, list_attachments

    msg = EmailMessage()
    msg["From"] = "ნინო ბერიძე <nino.beridze@example.ge>"
    msg["To"] = "info@lanchkhuti.gov.ge"
    msg["Subject"] = "საჯარო ინფორმაციის მოთხოვნა — 2025 წლის ბიუჯეტი"
    msg["Date"] = "Mon, 23 Nov 2026 22:30:00 +0000"  # already the 24th in Tbilisi
    msg.set_content("გთხოვთ, მომაწოდოთ 2025 წლის ბიუჯეტის შესრულების ანგარიში.")
    msg.add_attachment(
        b"%PDF-1.4 x", maintype="application", subtype="pdf", filename="განცხადება.pdf"
    )
    eml = tmp_path / "მოთხოვნა.eml"
    eml.write_bytes(msg.as_bytes(policy=policy.SMTP))
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8")

    dlg = window.open_registration()
    assert not _drop(dlg, other)  # only e-mail messages are taken
    assert _drop(dlg, eml)
    qtbot.waitUntil(lambda: dlg.subject.text() != "", timeout=10_000)
    assert dlg.from_name.text() == "ნინო ბერიძე"
    assert dlg.email.text() == "nino.beridze@example.ge"
    assert dlg.subject.text() == "საჯარო ინფორმაციის მოთხოვნა — 2025 წლის ბიუჯეტი"
    assert dlg.sender_date.text() == "24.11.2026"
    assert dlg.channel.currentData() == "email"
    assert dlg.summary.toPlainText().startswith("გთხოვთ, მომაწოდოთ")
    note = dlg.eml_note.text()
    assert "(2)" in note and "„მოთხოვნა.eml“" in note and "„განცხადება.pdf“" in note
    assert dlg.eml_remove.isVisible()

    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("foi"))
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as sig:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    doc = sig.args[0]
    rows = list_attachments(ctx.db, ctx.actor, doc.id)
    assert [(r.file_name, r.mime_type) for r in rows] == [
        ("მოთხოვნა.eml", "message/rfc822"),
        ("განცხადება.pdf", "application/pdf"),
    ]
    assert attachment_content(ctx.db, ctx.actor, rows[0].id) == eml.read_bytes()
    with ctx.db.read() as s:
        stored = s.get(Document, doc.id)
        assert stored is not None and stored.channel == "email"


def test_a_broken_eml_is_explained_and_the_form_is_untouched(qtbot, window, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.eml"
    bad.write_bytes(b"\x00\x01 not a message")
    dlg = window.open_registration()
    type_text(dlg.subject, "ხელით აკრეფილი")
    assert _drop(dlg, bad)
    qtbot.waitUntil(lambda: dlg.general_error.isVisible(), timeout=10_000)
    assert dlg.general_error.text() == "ფაილი არ არის ელ. წერილი (.eml)."  # not a traceback
    assert dlg.subject.text() == "ხელით აკრეფილი" and dlg.eml is None
    assert not dlg.eml_remove.isVisible()
    dlg.reject()
