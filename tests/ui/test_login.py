"""Logging in: the first run creates the administrator; a wrong password says so in plain
words and writes nothing but the failed attempt; the last login is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app import users
from app.users import UserInput
from models.tables import AuditEntry
from ui.keys import type_text
from ui.login import FirstAdminDialog, LoginDialog, last_login


def test_first_run_sets_the_administrators_password(qtbot, ctx, cheap_hashing) -> None:  # type: ignore[no-untyped-def]
    assert users.needs_first_admin(ctx.db)
    dlg = FirstAdminDialog(ctx.db)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(dlg.password, "ძლიერი-პაროლი-1")
    type_text(dlg.repeat, "სხვა-პაროლი")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.errors.text("repeat")  # the two passwords differ: said under the field
    assert dlg.actor is None and users.needs_first_admin(ctx.db)
    dlg.repeat.clear()
    type_text(dlg.repeat, "ძლიერი-პაროლი-1")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.actor is not None, timeout=10_000)
    assert dlg.actor.role == "admin" and dlg.actor.login == "admin"
    assert not users.needs_first_admin(ctx.db)
    assert users.authenticate(ctx.db, "admin", "ძლიერი-პაროლი-1").login == "admin"


def test_wrong_password_is_refused_then_the_right_one_logs_in(qtbot, ctx, cheap_hashing) -> None:  # type: ignore[no-untyped-def]
    users.create_user(
        ctx.db, ctx.actor, UserInput("nino", "ნინო კაპანაძე", "registrar", None),
        "სწორი-პაროლი", clock=ctx.clock,
    )  # fmt: skip
    dlg = LoginDialog(ctx.db)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(dlg.login, "nino")
    type_text(dlg.password, "არასწორი")
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dlg.errors.general_text()), timeout=10_000)
    assert "პაროლი" in dlg.errors.general_text()
    assert dlg.password.text() == "" and dlg.actor is None
    with ctx.db.read() as s:
        failed = s.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.action == "login_failed")
        )
    assert failed == 1
    type_text(dlg.password, "სწორი-პაროლი")
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.actor is not None, timeout=10_000)
    assert dlg.actor.full_name == "ნინო კაპანაძე"
    assert last_login() == "nino"
    again = LoginDialog(ctx.db)  # the workstation remembers who worked last
    qtbot.addWidget(again)
    assert again.login.text() == "nino" and again.password.text() == ""


def test_the_demo_hint_is_shown_whole(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    logins = ["admin", "demo.registrar.1", "demo.adm.head", "demo.adm.1", "demo.soc.head"]
    monkeypatch.setattr(users, "demo_logins", lambda db: logins)
    dlg = LoginDialog(ctx.db)
    qtbot.addWidget(dlg)
    dlg.show()
    hint = dlg.hint

    def whole() -> bool:
        return hint.isVisible() and hint.height() >= hint.heightForWidth(hint.width())

    qtbot.waitUntil(whole, timeout=10_000)  # every wrapped line, in the window's height
    assert all(login in hint.text() for login in logins)
    assert hint.heightForWidth(hint.width()) > 2 * hint.fontMetrics().height()
    bottom = hint.mapTo(dlg, QPoint(0, hint.height())).y()
    assert bottom <= dlg.ok_button.mapTo(dlg, QPoint(0, 0)).y()
    assert bottom <= dlg.height()
