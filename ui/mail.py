"""Send an outgoing letter by e-mail through the office's SMTP server (settings), with the
reply letter as PDF attached; the sent message is kept on the card as an attachment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import mail, routing
from app.documents import DocumentCard
from app.mail import SentMessage
from ui.admin.common import InlineErrors, failure_handler
from ui.context import AppContext
from ui.routing import reply_letter_path
from ui.tasks import TaskRunner


class SendDialog(QDialog):
    sent = Signal(object)  # SentMessage

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, card: DocumentCard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._runner, self.card = ctx, runner, card
        self.result_message: SentMessage | None = None
        self.setWindowTitle(self.tr("ელფოსტით გაგზავნა — %1").replace("%1", card.number))
        self.setMinimumWidth(520)
        self.to = QLineEdit(card.correspondent_email)
        self.to.setObjectName("to")
        self.body = QPlainTextEdit(
            self.tr(
                "გიგზავნით პასუხს თქვენს მიმართვაზე (თან ერთვის).\n\nპატივისცემით,\n%1"
            ).replace("%1", ctx.actor.full_name)
        )
        self.body.setObjectName("body")
        self.with_letter = QCheckBox(self.tr("წერილის &PDF დაერთოს"))
        self.with_letter.setChecked(True)
        self.password = QLineEdit()
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("თუ სერვერი პაროლს ითხოვს"))
        self.errors = InlineErrors()
        form = QFormLayout()
        for title, name, widget in (
            (self.tr("&ვის"), "to", self.to),
            (self.tr("&ტექსტი"), "body", self.body),
            (self.tr("SMTP &პაროლი"), "password", self.password),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(name, widget))
        form.addRow("", self.with_letter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("გაგზავნა"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("გაუქმება"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(buttons)
        self.to.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        ctx, doc_id = self._ctx, self.card.id
        to, body = self.to.text().strip(), self.body.toPlainText()
        password = self.password.text() or None
        letter = self.with_letter.isChecked()
        self.ok_button.setEnabled(False)
        on_error = failure_handler(self, self.errors)

        def work(_p: None, _c: object) -> SentMessage:
            pdf = None
            if letter:
                pdf = routing.reply_letter(ctx.db, ctx.actor, doc_id, reply_letter_path(doc_id))
            return mail.send_document(
                ctx.db, ctx.actor, doc_id, to, body, pdf, clock=ctx.clock, password=password
            )

        def done(msg: SentMessage) -> None:
            self.ok_button.setEnabled(True)
            self.result_message = msg
            self.sent.emit(msg)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            on_error(exc)

        self._runner.run(work, None, done, on_error=failed, label=self.tr("იგზავნება…"), owner=self)
