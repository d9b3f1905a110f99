"""Closing and cancelling a document send the card's version: a change another clerk saved
meanwhile is never overwritten silently — the dialog says who changed it and when, keeps
the text, and the second OK applies the change knowingly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app import documents
from app.registration import RegistrationInput, register
from models.tables import Document
from ui.context import AppContext
from ui.keys import type_text
from ui.routing import ReasonDialog
from ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    assert r.wait(10_000)


@pytest.mark.parametrize("action", ["close", "cancel"])
def test_a_change_saved_meanwhile_is_named_not_overwritten(
    qtbot, ctx: AppContext, runner: TaskRunner, action: str
) -> None:  # type: ignore[no-untyped-def]
    doc = register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type="foi", subject="ინფორმაცია", from_name="ია"),
        ctx.clock,
    )  # fmt: skip
    card = documents.get_card(ctx.db, ctx.actor, doc.id)
    dlg = ReasonDialog(ctx, runner, card, action)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(dlg.reason, "შეცდომით დარეგისტრირდა")

    # Another clerk saves a change to the document meanwhile (a new version of the row).
    with ctx.db.write() as s:
        s.get(Document, doc.id).under_control = True
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.notice.isVisible(), timeout=10_000)  # the version reloaded
    said = dlg.errors.general_text()
    assert "შეცვალა" in said and ctx.actor.full_name in said  # "changed by X at T"
    assert dlg.reason.text() == "შეცდომით დარეგისტრირდა"  # what was typed is kept
    assert documents.get_card(ctx.db, ctx.actor, doc.id).status == "registered"

    with qtbot.waitSignal(dlg.done, timeout=10_000):  # OK again: knowingly, on top of it
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    expected = "cancelled" if action == "cancel" else "closed"
    assert documents.get_card(ctx.db, ctx.actor, doc.id).status == expected
