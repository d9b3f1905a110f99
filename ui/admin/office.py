"""The municipality's letterhead (name, address, coat of arms, signer) and its outgoing mail
server — what the slip and the reply letter print and how letters leave by e-mail."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import mail, office
from app.mail import SmtpSettings
from app.office import OfficeSettings
from ui.admin.common import InlineErrors, failure_handler, notice_label
from ui.context import AppContext
from ui.tasks import TaskRunner


class OfficeDialog(QDialog):
    saved = Signal(object)  # OfficeSettings

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._runner = ctx, runner
        self.ready = False
        self.setWindowTitle(self.tr("ბლანკი და ელფოსტა"))
        self.setMinimumWidth(560)
        self.errors = InlineErrors()
        self.fields: dict[str, QLineEdit] = {}
        head = QFormLayout()
        for name, title in (
            ("office_name", self.tr("დაწესებულება")),
            ("address", self.tr("მისამართი")),
            ("phone", self.tr("ტელეფონი")),
            ("email", self.tr("ელფოსტა")),
            ("logo_path", self.tr("გერბი / ლოგო (PNG, JPEG)")),
            ("signer_title", self.tr("ხელმომწერის თანამდებობა")),
            ("signer_name", self.tr("ხელმომწერი")),
        ):
            edit = QLineEdit()
            edit.setObjectName(name)
            self.fields[name] = edit
            widget: QWidget = edit
            if name == "logo_path":
                row = QWidget()
                rl = QHBoxLayout(row)
                rl.setContentsMargins(0, 0, 0, 0)
                rl.addWidget(edit)
                browse = QPushButton(self.tr("არჩევა…"))
                browse.clicked.connect(self.choose_logo)
                rl.addWidget(browse)
                widget = row
            lbl = QLabel(title)
            lbl.setBuddy(edit)
            head.addRow(lbl, self.errors.field(name, widget))
        self.limit = QSpinBox()
        self.limit.setObjectName("attachments_max_mb")
        self.limit.setRange(1, office.MAX_ATTACHMENT_MB)
        self.limit.setSuffix(self.tr(" მბ"))
        head.addRow(self.tr("დანართის ზღვარი"), self.errors.field("attachments_max_mb", self.limit))
        letter_box = QGroupBox(self.tr("ბლანკი"))
        letter_box.setLayout(head)

        smtp = QFormLayout()
        for name, title in (
            ("smtp_host", self.tr("SMTP სერვერი")),
            ("smtp_user", self.tr("მომხმარებელი")),
            ("smtp_from", self.tr("გამგზავნის მისამართი")),
        ):
            edit = QLineEdit()
            edit.setObjectName(name)
            self.fields[name] = edit
            smtp.addRow(title, self.errors.field(name, edit))
        self.port = QSpinBox()
        self.port.setObjectName("smtp_port")
        self.port.setRange(1, 65535)
        smtp.addRow(self.tr("პორტი"), self.errors.field("smtp_port", self.port))
        self.starttls = QCheckBox(self.tr("დაშიფრული კავშირი (STARTTLS)"))
        smtp.addRow("", self.starttls)
        mail_box = QGroupBox(self.tr("ელფოსტის სერვერი"))
        mail_box.setLayout(smtp)

        self.notice = notice_label("notice")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("შენახვა"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(letter_box)
        lay.addWidget(mail_box)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.notice)
        lay.addWidget(buttons)
        db = ctx.db
        runner.run(
            lambda _p, c: (office.office_settings(db), mail.smtp_settings(db)),
            None,
            self._loaded,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def _loaded(self, values: tuple[OfficeSettings, SmtpSettings]) -> None:
        o, m = values
        for name, value in (
            ("office_name", o.name), ("address", o.address), ("phone", o.phone),
            ("email", o.email), ("logo_path", o.logo_path), ("signer_title", o.signer_title),
            ("signer_name", o.signer_name), ("smtp_host", m.host), ("smtp_user", m.user),
            ("smtp_from", m.sender),
        ):  # fmt: skip
            self.fields[name].setText(value)
        self.limit.setValue(o.attachments_max_mb)
        self.port.setValue(m.port)
        self.starttls.setChecked(m.starttls)
        self.ready = True

    def choose_logo(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self, self.tr("გერბი / ლოგო"), "", "PNG, JPEG (*.png *.jpg *.jpeg)"
        )
        if name:
            self.fields["logo_path"].setText(name)

    def save(self) -> None:
        self.errors.clear()
        self.notice.hide()
        f = {k: w.text() for k, w in self.fields.items()}
        inp = OfficeSettings(
            name=f["office_name"], address=f["address"], phone=f["phone"], email=f["email"],
            logo_path=f["logo_path"], signer_title=f["signer_title"],
            signer_name=f["signer_name"], attachments_max_mb=self.limit.value(),
        )  # fmt: skip
        port, tls = self.port.value(), self.starttls.isChecked()
        ctx = self._ctx
        on_error = failure_handler(self, self.errors)

        def work(_p: None, _c: object) -> OfficeSettings:
            saved = office.save_office_settings(ctx.db, ctx.actor, inp, clock=ctx.clock)
            mail.save_smtp_settings(
                ctx.db, ctx.actor, f["smtp_host"], port, f["smtp_user"], tls, f["smtp_from"],
                clock=ctx.clock,
            )  # fmt: skip
            return saved

        def done(saved: OfficeSettings) -> None:
            self.notice.setText(self.tr("შენახულია."))
            self.notice.show()
            self.saved.emit(saved)

        self._runner.run(work, None, done, on_error=on_error, owner=self)
