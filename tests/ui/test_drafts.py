"""Nothing typed is lost: the registration form's draft survives a crash and comes back."""

from __future__ import annotations

import json

from app.registration import RegistrationInput
from ui import drafts
from ui.forms.registration import DRAFT_NAME
from ui.keys import type_text


def test_typed_fields_survive_and_are_offered_back_then_cleared_on_save(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    dlg = window.open_registration()
    assert not dlg.restored_draft
    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("complaint"))
    type_text(dlg.from_name, "თეა მამალაძე")
    type_text(dlg.subject, "საჩივარი: ნაგავი არ გაიტანეს")
    qtbot.waitUntil(
        lambda: (
            drafts.path(DRAFT_NAME).exists()
            and "ნაგავი" in drafts.path(DRAFT_NAME).read_text(encoding="utf-8")
        ),
        timeout=5_000,
    )
    saved = json.loads(drafts.path(DRAFT_NAME).read_text(encoding="utf-8"))
    assert saved["from_name"] == "თეა მამალაძე" and saved["doc_type"] == "complaint"

    dlg.reject()  # a stray Esc, or the program killed: the file stays
    again = window.open_registration()
    assert again.restored_draft and again.draft_note.isVisible()
    assert again.from_name.text() == "თეა მამალაძე"
    assert again.subject.text() == "საჩივარი: ნაგავი არ გაიტანეს"
    assert again.doc_type.currentData() == "complaint"
    inp: RegistrationInput = again.collect()
    assert inp.subject == "საჩივარი: ნაგავი არ გაიტანეს"
    with qtbot.waitSignal(again.registered, timeout=10_000):
        again.save()
    assert not drafts.path(DRAFT_NAME).exists()
    third = window.open_registration()
    assert not third.restored_draft and third.subject.text() == ""


def test_discarding_a_draft_clears_the_form(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    drafts.save(DRAFT_NAME, {"from_name": "ძველი მონახაზი", "subject": "x"})
    dlg = window.open_registration()
    assert dlg.from_name.text() == "ძველი მონახაზი"
    dlg.discard_draft_button.click()
    assert dlg.from_name.text() == "" and not drafts.path(DRAFT_NAME).exists()
