"""The whole life of a public-information request, through the windows of three people.

A registrar logs in and registers the request → the head of the department puts a
resolution on it → the executor finds it in "My tasks", takes it into work and answers
"partly granted" with a reply letter → the head files it as closed. The History tab shows
each step; ``kantselaria-cli audit verify`` passes, and fails once an audit row is edited
by hand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, text

from app import cli, users
from app.auth import Actor
from app.users import UserInput
from models.tables import Department, Document
from tests.app._audit_helpers import drop_audit_guard, refused
from tests.app._cli_login import login as cli_login
from tests.app._cli_login import with_admin
from ui.context import AppContext
from ui.dialogs import card as card_module
from ui.dialogs.card import CardDialog
from ui.keys import type_text
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.routing import AnswerDialog, ReasonDialog, ResolutionDialog

PASSWORD = "ნინო-2026-პაროლი"


@pytest.fixture
def staff(ctx: AppContext, cheap_hashing: None) -> dict[str, int]:
    with ctx.db.read() as s:
        soc = s.scalar(select(Department.id).where(Department.code == "SOC"))
        adm = s.scalar(select(Department.id).where(Department.code == "ADM"))
    ids = {}
    for login, name, role, dept in (
        ("nino", "ნინო კაპანაძე", "registrar", adm),
        ("head.soc", "დავით ჩხეიძე", "head", soc),
        ("exec.soc", "თამარ ხარაიშვილი", "executor", soc),
    ):
        row = users.create_user(
            ctx.db, ctx.actor, UserInput(login, name, role, dept), PASSWORD, clock=ctx.clock
        )
        ids[login] = row.id
    return ids


def log_in(qtbot, ctx: AppContext, login: str) -> Actor:  # type: ignore[no-untyped-def]
    dlg = LoginDialog(ctx.db)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.login.clear()
    type_text(dlg.login, login)
    type_text(dlg.password, PASSWORD)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.actor is not None, timeout=10_000)
    assert dlg.actor is not None and dlg.actor.login == login
    return dlg.actor


def window_of(qtbot, ctx: AppContext, actor: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(replace(ctx, actor=actor))
    qtbot.addWidget(w)
    w.show()
    return w


def open_card(qtbot, w: MainWindow, doc_id: int) -> CardDialog:  # type: ignore[no-untyped-def]
    before = w.card
    w.open_document(doc_id)
    qtbot.waitUntil(lambda: w.card is not None and w.card is not before, timeout=10_000)
    assert w.card is not None
    return w.card


def reopened(qtbot, w: MainWindow, card: CardDialog) -> CardDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.card is not None and w.card is not card, timeout=10_000)
    assert w.card is not None
    return w.card


def test_request_registered_assigned_answered_and_closed(  # type: ignore[no-untyped-def]
    qtbot, ctx, staff, monkeypatch, tmp_path
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(card_module, "open_file", opened.append)

    # 1. The registrar registers the request (Ctrl+N) and gets its number.
    registrar = window_of(qtbot, ctx, log_in(qtbot, ctx, "nino"))
    qtbot.waitUntil(lambda: registrar.ready, timeout=10_000)
    qtbot.keyClick(registrar.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = registrar.registration
    assert form is not None
    form.doc_type.setCurrentIndex(form.doc_type.findData("foi"))
    form.department.setCurrentIndex(form.department.findData("SOC"))
    type_text(form.from_name, "მარიამ ბერიძე")
    type_text(form.subject, "ინფორმაცია 2026 წლის სოციალური პროგრამების შესახებ")
    with qtbot.waitSignal(form.registered, timeout=10_000) as sig:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    doc = sig.args[0]
    assert doc.number == "შ-1/2026"

    # 2. The head sees it on the card and puts a resolution on it.
    head = window_of(qtbot, ctx, log_in(qtbot, ctx, "head.soc"))
    card = open_card(qtbot, head, doc.id)
    assert card.assign_button.isVisible()
    card.assign_button.click()
    res = card.action_dialog
    assert isinstance(res, ResolutionDialog)
    qtbot.waitUntil(lambda: res.executor.count() > 0, timeout=10_000)
    res.executor.setCurrentIndex(res.executor.findData(staff["exec.soc"]))
    offered = [res.co_executors.item(i) for i in range(res.co_executors.count())]
    hidden = {int(it.data(Qt.ItemDataRole.UserRole)) for it in offered if it.isHidden()}
    assert hidden == {staff["exec.soc"]}  # the main executor is not his own co-executor
    type_text(res.instruction, "მოამზადეთ პასუხი, პერსონალური მონაცემების გარეშე")
    res.control.setChecked(True)
    with qtbot.waitSignal(res.done, timeout=10_000):
        qtbot.mouseClick(res.ok_button, Qt.MouseButton.LeftButton)
    card = reopened(qtbot, head, card)
    assert card.card.status == "assigned"
    assert card.card.executor == "თამარ ხარაიშვილი"

    # 3. The executor starts on "My tasks", where the request waits; takes it into work.
    executor = window_of(qtbot, ctx, log_in(qtbot, ctx, "exec.soc"))
    assert executor.page() == "tasks"
    qtbot.waitUntil(lambda: executor.tasks.ready, timeout=10_000)
    assert [t.id for t in executor.tasks.model.rows] == [doc.id]
    assert "(1)" in executor.tasks_item.text()
    executor.tasks.table.selectRow(0)
    executor.tasks.open_current()
    qtbot.waitUntil(lambda: executor.card is not None, timeout=10_000)
    card = executor.card
    assert card.start_button.isVisible()
    card.start_button.click()
    card = reopened(qtbot, executor, card)
    assert card.card.status == "in_progress"

    # 4. … and answers "partly granted"; the reply is registered as an outgoing letter.
    card.answer_button.click()
    ans = card.action_dialog
    assert isinstance(ans, AnswerDialog)
    ans.outcome.setCurrentIndex(ans.outcome.findData("partly_granted"))
    type_text(ans.body, "გიგზავნით პროგრამების ჩამონათვალს; ბენეფიციართა სია პერსონალურია.")
    with qtbot.waitSignal(ans.done, timeout=10_000) as answered:
        qtbot.mouseClick(ans.ok_button, Qt.MouseButton.LeftButton)
    result = answered.args[0]
    assert result.outgoing_number.startswith("გ-")
    reply = reopened(qtbot, executor, card)  # the reply letter's card opens
    qtbot.waitUntil(lambda: executor.card.card.id == result.outgoing_id, timeout=10_000)
    reply = executor.card
    assert reply.letter_button.isVisible()
    reply.letter_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
    assert opened[-1].read_bytes().startswith(b"%PDF")

    # 5. The head files the answered request: closed.
    card = open_card(qtbot, head, doc.id)
    assert card.card.status == "answered"
    assert card.card.outcome == "partly_granted"
    card.finish_button.click()
    fin = card.action_dialog
    assert isinstance(fin, ReasonDialog)
    type_text(fin.reason, "პასუხი გაგზავნილია")
    with qtbot.waitSignal(fin.done, timeout=10_000):
        qtbot.mouseClick(fin.ok_button, Qt.MouseButton.LeftButton)
    card = reopened(qtbot, head, card)
    assert card.card.status == "closed"

    # 6. History: every step with who did it.
    card.tabs.setCurrentWidget(card.history)
    qtbot.waitUntil(lambda: card.history.ready, timeout=10_000)
    steps = [(e.action, e.who) for e in card.history.model.rows]
    actions = [a for a, _ in steps]
    for step in ("register", "assign", "start", "answer", "close"):
        assert step in actions, (step, steps)
    assert ("register", "ნინო კაპანაძე") in steps
    assert ("assign", "დავით ჩხეიძე") in steps
    assert ("answer", "თამარ ხარაიშვილი") in steps
    assert card.history.table.model().rowCount() == len(steps)

    # 7. The audit chain is intact (5: intact, though the windows' fixed test day lies
    # before the logins' real time); the database refuses a row edited by hand, and one
    # edited by a DBA who dropped that guard first breaks the chain.
    with_admin(ctx.url)
    verify = ["--db", ctx.url, "audit", "verify"]
    assert cli.run([*verify, *cli_login(monkeypatch)]) in (cli.EXIT_OK, cli.EXIT_AUDIT_TIME)
    tamper = "UPDATE audit_log SET new_value = 'closed?' WHERE id = (SELECT MAX(id) FROM audit_log)"
    with refused(), ctx.db.write() as s:
        s.execute(text(tamper))
    drop_audit_guard(ctx.db)
    with ctx.db.write() as s:
        s.execute(text(tamper))
    assert cli.run([*verify, *cli_login(monkeypatch)]) == cli.EXIT_AUDIT
    with ctx.db.read() as s:
        assert s.get(Document, doc.id).status == "closed"
