"""Who is working: the login dialog, and the administrator's password on the first run.

The workstation remembers the last login (QSettings ``login/last``), never the password.
Checking a password takes argon2's deliberate ~50–100 ms, so it runs off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import users
from app.auth import Actor
from app.errors import UserError
from models.db import Database
from ui.admin.common import InlineErrors, error_label, failure_handler
from ui.connection import WrappedLabel
from ui.tasks import TaskRunner

LAST_LOGIN_KEY = "login/last"


def last_login() -> str:
    return str(QSettings().value(LAST_LOGIN_KEY, "") or "")


class LoginDialog(QDialog):
    """User name and password; accepted with ``self.actor`` set."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("კანცელარია — შესვლა"))
        self.setMinimumWidth(380)
        self.login = QLineEdit(last_login())
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = InlineErrors(error_label("login_error"))
        form = QFormLayout()
        form.addRow(self.tr("&მომხმარებელი:"), self.errors.field("login", self.login))
        form.addRow(self.tr("&პაროლი:"), self.errors.field("password", self.password))
        self.hint = WrappedLabel()  # the window grows to all its lines when it appears
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet("color: #555;")
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("შესვლა"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("გაუქმება"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.hint)
        lay.addWidget(buttons)
        (self.password if self.login.text() else self.login).setFocus()
        self.runner.run(lambda _p, c: users.demo_logins(db), None, self._show_hint, owner=self)

    def _show_hint(self, logins: list[str]) -> None:
        if not logins:
            return
        self.hint.setText(
            self.tr("სადემონსტრაციო ბაზა: მომხმარებლები %1, პაროლი „demo“.").replace(
                "%1", ", ".join(logins)
            )
        )
        self.hint.show()

    def submit(self) -> None:
        self.errors.clear()
        db, login, password = self._db, self.login.text().strip(), self.password.text()
        self.ok_button.setEnabled(False)

        def done(actor: Actor) -> None:
            self.ok_button.setEnabled(True)
            QSettings().setValue(LAST_LOGIN_KEY, actor.login)
            self.actor = actor
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.password.clear()
            failure_handler(self, self.errors)(exc)
            if isinstance(exc, UserError) and exc.field is None:
                self.password.setFocus()

        self.runner.run(
            lambda _p, c: users.authenticate(db, login, password),
            None,
            done,
            on_error=failed,
            owner=self,
        )


class FirstAdminDialog(QDialog):
    """The first start on a new database: the administrator chooses a password."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("კანცელარია — პირველი გაშვება"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "ეს ბაზა ახალია. შექმენით ადმინისტრატორის ანგარიში: ის დაამატებს "
                "თანამშრომლებს, სამსახურებს და მათ როლებს."
            )
        )
        intro.setWordWrap(True)
        self.login = QLineEdit("admin")
        self.login.setObjectName("login")
        self.full_name = QLineEdit(self.tr("ადმინისტრატორი"))
        self.full_name.setObjectName("full_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = InlineErrors(error_label("first_admin_error"))
        form = QFormLayout()
        form.addRow(self.tr("&მომხმარებელი:"), self.errors.field("login", self.login))
        form.addRow(self.tr("სახელი და &გვარი:"), self.errors.field("full_name", self.full_name))
        form.addRow(self.tr("&პაროლი:"), self.errors.field("password", self.password))
        form.addRow(self.tr("პაროლი &კიდევ ერთხელ:"), self.errors.field("repeat", self.repeat))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("შექმნა"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("გაუქმება"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(buttons)
        self.password.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.errors.show(UserError("user.password_mismatch", field="repeat"))
            return
        db = self._db
        login, name, password = (
            self.login.text().strip(),
            self.full_name.text().strip(),
            self.password.text(),
        )
        self.ok_button.setEnabled(False)

        def done(actor: Actor) -> None:
            self.ok_button.setEnabled(True)
            QSettings().setValue(LAST_LOGIN_KEY, actor.login)
            self.actor = actor
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            failure_handler(self, self.errors)(exc)

        self.runner.run(
            lambda _p, c: users.create_first_admin(db, login, name, password),
            None,
            done,
            on_error=failed,
            owner=self,
        )


def login_dialog(
    db: Database, first_admin: bool, parent: QWidget | None = None
) -> LoginDialog | FirstAdminDialog:
    """Who acts on *db*: the first-run creation (*first_admin*, from
    ``users.needs_first_admin`` asked off the GUI thread) or the login dialog. Show it with
    ``open()``; accepted with ``actor`` set."""
    return FirstAdminDialog(db, parent) if first_admin else LoginDialog(db, parent)
