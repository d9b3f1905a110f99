"""Register a document (Ctrl+N): the form a clerk fills for every letter that arrives.

Everything is checked by ``app.registration`` (the same rules as the CLI); an error is
shown under the field it concerns and nothing is written. On success the dialog shows
the registration number and closes; the registry shows the new document on top.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import attachments, lookups, messages
from app.attachments import EmlIntake
from app.errors import DatabaseUnavailable, UserError
from app.links import RepeatWarning, link, repeat_warnings
from app.lookups import Choice, CorrespondentInfo
from app.refdata import CHANNEL_NAMES, KIND_NAMES, label
from app.registration import (
    NAME_MAX,
    SUBJECT_MAX,
    RegisteredDocument,
    RegistrationInput,
    register,
)
from ui import drafts
from ui.choices import Choices, load_choices
from ui.context import AppContext
from ui.errors import show_error
from ui.layout import scrollable
from ui.tasks import Control, TaskRunner

SUGGEST_DELAY_MS = 250
DRAFT_DELAY_MS = 400
DRAFT_NAME = "registration"
TYPED_FIELDS = ("from_name", "personal_id", "org_code", "subject", "summary", "sender_number")
ERROR_STYLE = "color: #b3261e;"
SUMMARY_FROM_EMAIL_MAX = 2_000  # the start of the message's text; the whole is attached
# Connection messages that already say what became of the save ("commit_lost": unknown).
SAYS_WHAT_IS_KEPT = ("db.connection_lost", "db.commit_lost")


def eml_paths(urls: list[Any]) -> list[Path]:
    """The local .eml files among dropped URLs."""
    found = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == ".eml":
                found.append(path)
    return found


def _name(c: Choice) -> str:
    return c.name if messages.current_language() == "ka" or not c.name_en else c.name_en


class RegistrationDialog(QDialog):
    registered = Signal(object)  # RegisteredDocument

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        kind: str = "incoming",
        parent: QWidget | None = None,
        choices: Choices | None = None,
    ) -> None:
        """*choices*: the lists the main window has read; without them the form reads
        them itself (off the GUI thread) and Save waits for them (``ready``)."""
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._correspondent: CorrespondentInfo | None = None
        self._suggestions: list[CorrespondentInfo] = []
        self._suggest_gen = 0
        self.result_doc: RegisteredDocument | None = None
        self.setWindowTitle(self.tr("დოკუმენტის რეგისტრაცია"))
        self.setMinimumWidth(640)

        self.kind = QComboBox()
        for code in KIND_NAMES:
            self.kind.addItem(label(KIND_NAMES, code, messages.current_language()), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.doc_type = QComboBox()
        self.ready = False  # the types and departments are listed
        self.reg_date = QDateEdit()
        self.reg_date.setCalendarPopup(True)
        self.reg_date.setDisplayFormat("dd.MM.yyyy")
        today = ctx.clock.today()
        self.reg_date.setDate(QDate(today.year, today.month, today.day))
        self.from_name = QLineEdit()
        self.from_name.setPlaceholderText(self.tr("სახელი და გვარი ან ორგანიზაცია"))
        self.personal_id = QLineEdit()
        self.personal_id.setPlaceholderText(self.tr("11 ციფრი"))
        self.personal_id.setMaxLength(11)
        self.org_code = QLineEdit()
        self.org_code.setPlaceholderText(self.tr("9 ციფრი"))
        self.org_code.setMaxLength(9)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.channel = QComboBox()
        for code in CHANNEL_NAMES:
            self.channel.addItem(label(CHANNEL_NAMES, code, messages.current_language()), code)
        self.channel.setCurrentIndex(self.channel.findData("in_person"))
        self.sender_number = QLineEdit()
        self.sender_date = QLineEdit()
        self.sender_date.setPlaceholderText(self.tr("დდ.თთ.წწწწ"))
        self.subject = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(70)
        self.sheets = QSpinBox()
        self.sheets.setRange(0, 10_000)
        self.sheets.setValue(1)
        self.department = QComboBox()
        self.department.addItem(self.tr("— არ არის მითითებული —"), "")
        self.confidential = QCheckBox(self.tr("კონფიდენ&ციალური"))

        # An e-mail message (.eml) dropped on the form, or chosen with the button, fills
        # the sender, subject and date; the message and its files are stored on registration.
        self.eml: EmlIntake | None = None
        self.eml_note = QLabel()
        self.eml_note.setObjectName("eml_note")
        self.eml_note.setWordWrap(True)
        self.eml_button = QPushButton(self.tr("ელფოსტის ფაილი (.eml)…"))
        self.eml_button.clicked.connect(self.choose_eml)
        self.eml_remove = QPushButton(self.tr("ფაილების მოხსნა"))
        self.eml_remove.clicked.connect(self.clear_eml)
        self.clear_eml()
        self.setAcceptDrops(True)

        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("kind", self.tr("&სახე"), self.kind),
            ("doc_type", self.tr("დოკუმენტის &ტიპი"), self.doc_type),
            ("reg_date", self.tr("რეგისტრაციის &თარიღი"), self.reg_date),
            ("from_name", self.tr("&კორესპონდენტი"), self.from_name),
            ("personal_id", self.tr("&პირადი ნომერი"), self.personal_id),
            ("org_code", self.tr("საიდენტ. კო&დი"), self.org_code),
            ("address", self.tr("&მისამართი"), self.address),
            ("phone", self.tr("ტელე&ფონი"), self.phone),
            ("email", self.tr("ელ. ფ&ოსტა"), self.email),
            ("channel", self.tr("მიღების &არხი"), self.channel),
            ("sender_number", self.tr("გამგზავნის &ნომერი"), self.sender_number),
            ("sender_date", self.tr("გამგზავნის თარი&ღი"), self.sender_date),
            ("subject", self.tr("&შინაარსი"), self.subject),
            ("summary", self.tr("მოკლე შინაარსი"), self.summary),
            ("sheets", self.tr("ფურც&ლები"), self.sheets),
            ("department", self.tr("სამსა&ხური"), self.department),
        ]
        self._fields: dict[str, QWidget] = {}
        for name, title, widget in rows:
            self._fields[name] = widget
            err = QLabel()
            err.setStyleSheet(ERROR_STYLE)
            err.setWordWrap(True)
            err.hide()
            err.setObjectName(f"error_{name}")
            self._errors[name] = err
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(widget)
            lay.addWidget(err)
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, box)
        self._fields["correspondent"] = self.from_name
        self._errors["correspondent"] = self._errors["from_name"]
        form.addRow("", self.confidential)

        # Repeat letters: the same correspondent's open or recent document of this type.
        self.repeat_warning = QLabel()
        self.repeat_warning.setObjectName("repeat_warning")
        self.repeat_warning.setWordWrap(True)
        self.repeat_warning.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b84a; padding: 4px;"
        )
        self.repeat_warning.hide()
        self.link_repeat = QCheckBox(self.tr("დაკავშირდეს, როგორც &განმეორებითი წერილი"))
        self.link_repeat.hide()
        self.repeats: list[RepeatWarning] = []
        self._repeat_gen = 0
        self._repeat_timer = QTimer(self)
        self._repeat_timer.setSingleShot(True)
        self._repeat_timer.setInterval(SUGGEST_DELAY_MS)
        self._repeat_timer.timeout.connect(self._check_repeats)
        for sig in (
            self.personal_id.textChanged,
            self.org_code.textChanged,
            self.doc_type.currentIndexChanged,
            self.reg_date.dateChanged,
        ):
            sig.connect(self._repeat_timer.start)

        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("რეგისტრაცია"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("გაუქმება"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.draft_note = QLabel()
        self.draft_note.setObjectName("draft_note")
        self.draft_note.setStyleSheet("background: #e8f0fe; padding: 4px;")
        self.draft_note.hide()
        self.discard_draft_button = QPushButton(self.tr("მონახაზის &გასუფთავება"))
        self.discard_draft_button.hide()
        self.discard_draft_button.clicked.connect(self.discard_draft)
        outer = QVBoxLayout(self)
        draft_row = QHBoxLayout()
        draft_row.addWidget(self.draft_note, 1)
        draft_row.addWidget(self.discard_draft_button)
        outer.addLayout(draft_row)
        eml_row = QHBoxLayout()
        eml_row.addWidget(self.eml_note, 1)
        eml_row.addWidget(self.eml_remove)
        eml_row.addWidget(self.eml_button)
        outer.addLayout(eml_row)
        outer.addWidget(scrollable(form), 1)
        outer.addWidget(self.repeat_warning)
        outer.addWidget(self.link_repeat)
        outer.addWidget(self.general_error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)

        # Suggestions of known correspondents while the name is typed (debounced).
        self._completer_model = QStringListModel(self)
        self._completer = QCompleter(self._completer_model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.from_name.setCompleter(self._completer)
        self._completer.activated[str].connect(self._pick_suggestion)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGEST_DELAY_MS)
        self._suggest_timer.timeout.connect(self._suggest)
        self.from_name.textEdited.connect(self._name_edited)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if choices is not None:
            self._choices_loaded(choices)
        else:
            self.save_button.setEnabled(False)
            runner.run(load_choices, ctx.db, self._choices_loaded, owner=self)
        self._kind_changed()
        self._draft_banner()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        for w in self._fields.values():
            for sig_name in ("textChanged", "currentIndexChanged", "dateChanged", "valueChanged"):
                sig = getattr(w, sig_name, None)
                if sig is not None:
                    sig.connect(lambda *_a: self._draft_timer.start())
        self.confidential.toggled.connect(lambda *_a: self._draft_timer.start())
        self.from_name.setFocus()

    def _choices_loaded(self, choices: Choices) -> None:
        for combo in (self.doc_type, self.department):
            combo.blockSignals(True)
        for c in choices.doc_types:
            self.doc_type.addItem(_name(c), c.code)
        for c in choices.departments:
            self.department.addItem(f"{c.code} — {_name(c)}", c.code)
        # A draft restored before the lists came (the async path) gets its choices now.
        data = drafts.load(DRAFT_NAME) if getattr(self, "restored_draft", False) else None
        for combo, key in ((self.doc_type, "doc_type"), (self.department, "department")):
            i = combo.findData(data.get(key)) if data else -1
            if i >= 0:
                combo.setCurrentIndex(i)
            combo.blockSignals(False)
        self.ready = True
        self.save_button.setEnabled(True)

    # --- drafts: nothing typed is lost ---------------------------------------------------
    def draft_fields(self) -> dict[str, Any]:
        d = self.reg_date.date()
        return {
            "kind": self.kind.currentData(),
            "doc_type": self.doc_type.currentData(),
            "reg_date": f"{d.year():04d}-{d.month():02d}-{d.day():02d}",
            "from_name": self.from_name.text(),
            "personal_id": self.personal_id.text(),
            "org_code": self.org_code.text(),
            "address": self.address.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "channel": self.channel.currentData(),
            "sender_number": self.sender_number.text(),
            "sender_date": self.sender_date.text(),
            "subject": self.subject.text(),
            "summary": self.summary.toPlainText(),
            "sheets": self.sheets.value(),
            "department": self.department.currentData(),
            "confidential": self.confidential.isChecked(),
        }

    def _typed_anything(self) -> bool:
        f = self.draft_fields()
        return any(str(f[k]).strip() for k in TYPED_FIELDS)

    def save_draft(self) -> None:
        if self.result_doc is None and self._typed_anything():
            drafts.save(DRAFT_NAME, self.draft_fields())

    def _draft_banner(self) -> None:
        data = drafts.load(DRAFT_NAME)
        self.restored_draft = data is not None
        if data is None:
            return
        for key in ("from_name", "personal_id", "org_code", "address", "phone", "email",
                    "sender_number", "sender_date", "subject"):  # fmt: skip
            widget = self._fields[key]
            assert isinstance(widget, QLineEdit)
            widget.setText(str(data.get(key, "")))
        self.summary.setPlainText(str(data.get("summary", "")))
        for combo, key in ((self.kind, "kind"), (self.doc_type, "doc_type"),
                           (self.channel, "channel"), (self.department, "department")):  # fmt: skip
            i = combo.findData(data.get(key))
            if i >= 0:
                combo.setCurrentIndex(i)
        try:
            y, m, d = (int(x) for x in str(data.get("reg_date", "")).split("-"))
            self.reg_date.setDate(QDate(y, m, d))
        except ValueError:
            pass
        self.sheets.setValue(int(data.get("sheets", 1) or 0))
        self.confidential.setChecked(bool(data.get("confidential")))
        self.draft_note.setText(
            self.tr("აღდგენილია შეუნახავი მონახაზი — შეამოწმეთ და დაარეგისტრირეთ.")
        )
        self.draft_note.show()
        self.discard_draft_button.show()

    def discard_draft(self) -> None:
        drafts.discard(DRAFT_NAME)
        for key in ("from_name", "personal_id", "org_code", "address", "phone", "email",
                    "sender_number", "sender_date", "subject"):  # fmt: skip
            widget = self._fields[key]
            assert isinstance(widget, QLineEdit)
            widget.clear()
        self.summary.clear()
        self._draft_timer.stop()
        self.draft_note.hide()
        self.discard_draft_button.hide()

    # --- correspondent suggestions ---------------------------------------------------
    def _name_edited(self, text: str) -> None:
        if self._correspondent is not None and text != self._correspondent.name:
            self._correspondent = None
        self._suggest_timer.start()

    def _suggest(self) -> None:
        text = self.from_name.text()
        self._suggest_gen += 1
        gen, db = self._suggest_gen, self._ctx.db

        def done(found: list[CorrespondentInfo]) -> None:
            if gen != self._suggest_gen:
                return  # superseded by a newer keystroke
            self._suggestions = found
            self._completer_model.setStringList([self._suggestion_text(c) for c in found])
            if found and self.from_name.hasFocus():
                self._completer.complete()

        self._runner.run(
            lambda _p, c: lookups.suggest_correspondents(db, text), None, done, owner=self
        )

    @staticmethod
    def _suggestion_text(c: CorrespondentInfo) -> str:
        ident = c.personal_id or c.org_code
        return f"{c.name} ({ident})" if ident else c.name

    def _pick_suggestion(self, text: str) -> None:
        for c in self._suggestions:
            if self._suggestion_text(c) == text:
                self.use_correspondent(c)
                return

    def use_correspondent(self, c: CorrespondentInfo) -> None:
        self._correspondent = c
        self.from_name.setText(c.name)
        self.personal_id.setText(c.personal_id)
        self.org_code.setText(c.org_code)
        self.address.setText(c.address)
        self.phone.setText(c.phone)
        self.email.setText(c.email)
        self._check_repeats()

    def _check_repeats(self) -> None:
        self._repeat_gen += 1
        gen, db, actor = self._repeat_gen, self._ctx.db, self._ctx.actor
        d = self.reg_date.date()
        kwargs: dict[str, Any] = {
            "doc_type": str(self.doc_type.currentData() or ""),
            "reg_date": dt.date(d.year(), d.month(), d.day()),
            "correspondent_id": self._correspondent.id if self._correspondent else None,
            "personal_id": self.personal_id.text(),
            "org_code": self.org_code.text(),
        }

        def done(found: list[RepeatWarning]) -> None:
            if gen != self._repeat_gen:
                return
            self.repeats = found
            if not found:
                self.repeat_warning.hide()
                self.link_repeat.hide()
                self.link_repeat.setChecked(False)
                return
            items = ", ".join(
                f"{w.number} ({w.reg_date:%d.%m.%Y}, {w.status_label})" for w in found[:3]
            )
            self.repeat_warning.setText(
                self.tr(
                    "ამ კორესპონდენტს უკვე აქვს იგივე ტიპის ღია ან ბოლო 30 დღის დოკუმენტი: %1"
                ).replace("%1", items)
            )
            self.repeat_warning.show()
            self.link_repeat.show()

        self._runner.run(lambda _p, c: repeat_warnings(db, actor, **kwargs), None, done, owner=self)

    def _kind_changed(self) -> None:
        internal = self.kind.currentData() == "internal"
        self.channel.setCurrentIndex(self.channel.findData("internal" if internal else "in_person"))

    # --- an e-mail message dropped on the form --------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and eml_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = eml_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.load_eml(paths[0])

    def choose_eml(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("ელფოსტის წერილი"),
            "",
            self.tr("ელფოსტის წერილი (*.eml)"),
        )
        if name:
            self.load_eml(Path(name))

    def load_eml(self, path: Path) -> None:
        """Read the message off the GUI thread, then fill the form from it."""
        db = self._ctx.db
        self.clear_errors()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.general_error.setText(exc.message())
                self.general_error.show()
            else:
                show_error(self, exc)

        self._runner.run(
            lambda _p, c: attachments.read_eml(db, path),
            None,
            self.use_eml,
            on_error=failed,
            owner=self,
        )

    def use_eml(self, intake: EmlIntake) -> None:
        """Fill the fields the message knows; the clerk checks them and registers."""
        d = intake.draft
        self.eml = intake
        name = d.sender_name or d.sender_email
        if name:
            self._correspondent = None
            self.from_name.setText(name[:NAME_MAX])
        if d.sender_email:
            self.email.setText(d.sender_email)
        if d.subject:
            self.subject.setText(d.subject[:SUBJECT_MAX])
        if d.sent_date is not None:
            self.sender_date.setText(f"{d.sent_date:%d.%m.%Y}")
        if d.body_text and not self.summary.toPlainText().strip():
            self.summary.setPlainText(d.body_text[:SUMMARY_FROM_EMAIL_MAX])
        if self.kind.currentData() != "internal":
            self.channel.setCurrentIndex(self.channel.findData("email"))
        files = ", ".join(f"„{n}“" for n, _m, _c in intake.files)
        self.eml_note.setText(
            self.tr("რეგისტრაციისას დოკუმენტს დაერთვება ფაილები (%1): ").replace(
                "%1", str(len(intake.files))
            )
            + files
        )
        self.eml_remove.show()
        self._check_repeats()

    def clear_eml(self) -> None:
        """Keep the filled fields but do not attach the message."""
        self.eml = None
        self.eml_note.setText(self.tr("ელფოსტით მიღებული წერილი? ჩააგდეთ .eml ფაილი ფორმაზე."))
        self.eml_remove.hide()

    # --- saving ----------------------------------------------------------------------
    def collect(self) -> RegistrationInput:
        d = self.reg_date.date()
        return RegistrationInput(
            kind=str(self.kind.currentData()),
            doc_type=str(self.doc_type.currentData() or ""),
            subject=self.subject.text(),
            from_name=self.from_name.text(),
            correspondent_id=self._correspondent.id if self._correspondent else None,
            personal_id=self.personal_id.text(),
            org_code=self.org_code.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            reg_date=dt.date(d.year(), d.month(), d.day()),
            sender_number=self.sender_number.text(),
            sender_date=self.sender_date.text(),
            channel=str(self.channel.currentData()),
            summary=self.summary.toPlainText(),
            sheets=self.sheets.value(),
            confidential=self.confidential.isChecked(),
            department=str(self.department.currentData() or ""),
        )

    def clear_errors(self) -> None:
        for name, err in self._errors.items():
            err.hide()
            err.clear()
            self._fields[name].setStyleSheet("")
        self.general_error.hide()

    def show_user_error(self, exc: UserError) -> None:
        self.clear_errors()
        field = exc.field or ""
        err = self._errors.get(field)
        if err is None:
            self.general_error.setText(exc.message())
            self.general_error.show()
            return
        err.setText(exc.message())
        err.show()
        widget = self._fields[field]
        widget.setStyleSheet("border: 1px solid #b3261e;")
        widget.setFocus()

    def field_error(self, field: str) -> str:
        err = self._errors.get(field)
        return err.text() if err is not None and not err.isHidden() else ""

    def save(self) -> None:
        self.clear_errors()
        inp = self.collect()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        self.save_button.setEnabled(False)

        repeat_of = (
            self.repeats[0].doc_id if self.link_repeat.isChecked() and self.repeats else None
        )

        files = list(self.eml.files) if self.eml is not None else []

        def work(_p: None, c: Control) -> RegisteredDocument:
            if files:
                doc = attachments.register_with_files(db, actor, inp, files, clock)
            else:
                doc = register(db, actor, inp, clock)
            if repeat_of is not None:
                link(db, actor, doc.id, repeat_of, "repeat_of", clock)
            return doc

        def done(doc: RegisteredDocument) -> None:
            self.result_doc = doc
            self._draft_timer.stop()
            drafts.discard(DRAFT_NAME)
            self.save_button.setEnabled(True)
            self.registered.emit(doc)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, DatabaseUnavailable):  # the server is away: say what is kept
                self.clear_errors()
                kept = self.tr("შენახვა ვერ მოხერხდა; შეყვანილი მონაცემები ფორმაში დარჩა.")
                says_it = exc.key in SAYS_WHAT_IS_KEPT
                self.general_error.setText(exc.message() if says_it else f"{kept} {exc.message()}")
                self.general_error.show()
            elif isinstance(exc, UserError):
                self.show_user_error(exc)
            else:  # the form keeps everything typed; the error is explained
                self.general_error.setText(
                    self.tr("შენახვა ვერ მოხერხდა; შეყვანილი მონაცემები ფორმაში დარჩა.")
                )
                self.general_error.show()
                show_error(self, exc)

        self._runner.run(work, None, done, on_error=failed, owner=self)

    def fields(self) -> dict[str, Any]:
        return dict(self._fields)
