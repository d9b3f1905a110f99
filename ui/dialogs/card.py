"""The document card (Enter on a row): every field, why the deadline is what it is, print."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import messages, routing
from app.documents import DocumentCard, print_slip
from app.registration import RegisteredDocument
from app.registry import OPEN_STATUSES
from app.routing import AnswerResult
from ui.admin.common import may
from ui.admin.document_actions import ExtendDialog, LinksPanel, ResumeClockDialog, StopClockDialog
from ui.context import AppContext
from ui.dialogs.history import AttachmentsPanel, HistoryPanel
from ui.errors import show_error
from ui.layout import scrollable
from ui.registry.model import day
from ui.routing import AnswerDialog, ReasonDialog, ResolutionDialog, reply_letter_path
from ui.tasks import TaskRunner


def open_file(path: Path) -> None:
    """Open *path* in the system viewer (tests replace this)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CardDialog(QDialog):
    changed = Signal(int)  # the document's deadline or links changed: reload it
    open_document = Signal(int)  # a linked document asked for

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, card: DocumentCard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.card = card
        self.setWindowTitle(self.tr("დოკუმენტი %1").replace("%1", card.number))
        self.setMinimumWidth(560)
        form = QFormLayout()
        en = messages.current_language() == "en"
        due = card.due_explanation_en if en else card.due_explanation
        rows = [
            (
                self.tr("ნომერი"),
                card.number + (self.tr(" (კონფიდენციალური)") if card.confidential else ""),
            ),
            (self.tr("სახე"), card.kind_label),
            (self.tr("თარიღი"), day(card.reg_date)),
            (self.tr("ტიპი"), card.doc_type_name),
            (self.tr("კორესპონდენტი"), card.correspondent),
            (self.tr("შინაარსი"), card.subject),
            (self.tr("მოკლე შინაარსი"), card.summary),
            (self.tr("მიღების არხი"), card.channel_label),
            (self.tr("გამგზავნის ნომერი"), card.sender_number),
            (self.tr("გამგზავნის თარიღი"), day(card.sender_date)),
            (self.tr("ფურცლები"), str(card.sheets)),
            (self.tr("სტატუსი"), card.status_label),
            (self.tr("ვადა"), day(card.due_date)),
            (self.tr("ვადის გაანგარიშება"), due),
            (self.tr("სამსახური"), card.department),
            (self.tr("შემსრულებელი"), card.executor),
            (self.tr("დაარეგისტრირა"), card.created_by),
        ]
        if card.assignees:
            rows.append((self.tr("რეზოლუცია"), "\n".join(card.assignees)))
        if card.under_control:
            rows.append((self.tr("კონტროლი"), self.tr("კონტროლზეა")))
        if card.outcome:
            ground = f" — {card.outcome_ground}" if card.outcome_ground else ""
            rows.append((self.tr("შედეგი"), card.outcome_label + ground))
        for title, value in rows:
            v = QLabel(value)
            v.setWordWrap(True)
            v.setTextInteractionFlags(
                v.textInteractionFlags() | v.textInteractionFlags().TextSelectableByMouse
            )
            form.addRow(QLabel(title), v)
        self.print_button = QPushButton(self.tr("ბარათის &ბეჭდვა (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_slip)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_slip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        # Deadline actions for an open document: extend, stop the clock, resume it.
        self.extend_button = QPushButton(self.tr("ვადის &გაგრძელება…"))
        self.stop_button = QPushButton(self.tr("ვადის &შეჩერება…"))
        self.resume_button = QPushButton(self.tr("ვადის გან&ახლება…"))
        self.extend_button.clicked.connect(lambda: self._action(ExtendDialog, "extended"))
        self.stop_button.clicked.connect(lambda: self._action(StopClockDialog, "stopped"))
        self.resume_button.clicked.connect(lambda: self._action(ResumeClockDialog, "resumed"))
        waiting = card.status == "awaiting_clarification"
        is_open = card.status in OPEN_STATUSES and card.due_date is not None
        self.extend_button.setVisible(is_open and not waiting)
        self.stop_button.setVisible(is_open and not waiting)
        self.resume_button.setVisible(waiting)
        actions = QHBoxLayout()
        for b in (self.extend_button, self.stop_button, self.resume_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.links = LinksPanel(ctx, runner, card.id, self)
        self.links.changed.connect(lambda: self.changed.emit(card.id))
        self.links.open_document.connect(self.open_document.emit)
        self.action_dialog: QDialog | None = None
        self._build_routing(buttons)

        details = QWidget()
        dl = QVBoxLayout(details)
        dl.addLayout(form)
        dl.addLayout(actions)
        dl.addLayout(self.routing_row)
        dl.addWidget(self.links)  # headed by its own "Linked documents" label
        self.history = HistoryPanel(ctx, runner, card.id, self)
        self.attachments = AttachmentsPanel(ctx, runner, card.id, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("card_tabs")
        self.tabs.addTab(scrollable(details), self.tr("&დეტალები"))
        self.tabs.addTab(self.history, self.tr("&ისტორია"))
        self.tabs.addTab(self.attachments, self.tr("დანარ&თები"))
        self.tabs.currentChanged.connect(self._tab_chosen)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(buttons)
        self.slip_path: Path | None = None

    def _action(self, cls: type[QDialog], signal: str) -> None:
        dlg = cls(self._ctx, self._runner, self.card.id, self)  # type: ignore[call-arg]
        getattr(dlg, signal).connect(lambda _info: self.changed.emit(self.card.id))
        self.action_dialog = dlg
        dlg.open()

    def print_slip(self) -> None:
        """The acknowledgment slip as PDF, opened in the system viewer (print from there)."""

        def done(path: Path) -> None:
            self.slip_path = path

        print_slip_async(self._ctx, self._runner, self.card.id, self, done)

    # --- routing: resolution, take into work, answer, close, cancel -------------------
    def _build_routing(self, buttons: QDialogButtonBox) -> None:
        card, actor = self.card, self._ctx.actor
        st = card.status
        mine = actor.user_id == card.executor_id or actor.user_id in card.assignee_ids
        incoming = card.kind == "incoming"
        self.assign_button = QPushButton(self.tr("&რეზოლუცია…"))
        self.reassign_button = QPushButton(self.tr("შემსრულებლის შე&ცვლა…"))
        self.start_button = QPushButton(self.tr("შესრულების და&წყება"))
        self.answer_button = QPushButton(self.tr("პასუ&ხი…"))
        self.finish_button = QPushButton(self.tr("საქმის და&სრულება…"))
        self.cancel_button = QPushButton(self.tr("ანუ&ლირება…"))
        self.letter_button = QPushButton(self.tr("წერილის &PDF"))
        self.email_button = QPushButton(self.tr("ელ&ფოსტით გაგზავნა…"))
        visible = {
            self.assign_button: incoming and st == "registered" and may(actor, "assign"),
            self.reassign_button: st in ("assigned", "in_progress") and may(actor, "assign"),
            self.start_button: st == "assigned" and mine,
            self.answer_button: incoming
            and st in ("assigned", "in_progress")
            and (mine or may(actor, "assign")),
            self.finish_button: st in ("registered", "answered", "forwarded")
            and may(actor, "close"),
            self.cancel_button: st in ("registered", "assigned") and may(actor, "cancel"),
            self.letter_button: card.kind == "outgoing",
            self.email_button: card.kind == "outgoing" and may(actor, "attach"),
        }
        self.routing_row = QHBoxLayout()
        for b, show in visible.items():
            b.setVisible(bool(show))
            self.routing_row.addWidget(b)
        self.routing_row.addStretch(1)
        self.assign_button.clicked.connect(lambda: self._routing(ResolutionDialog(
            self._ctx, self._runner, self.card, self)))  # fmt: skip
        self.reassign_button.clicked.connect(lambda: self._routing(ResolutionDialog(
            self._ctx, self._runner, self.card, self, reassign=True)))  # fmt: skip
        self.answer_button.clicked.connect(self.open_answer)
        self.finish_button.clicked.connect(lambda: self._routing(ReasonDialog(
            self._ctx, self._runner, self.card, "close", self)))  # fmt: skip
        self.cancel_button.clicked.connect(lambda: self._routing(ReasonDialog(
            self._ctx, self._runner, self.card, "cancel", self)))  # fmt: skip
        self.start_button.clicked.connect(self.start_work)
        self.letter_button.clicked.connect(self.reply_letter)
        self.email_button.clicked.connect(self.open_email)

    def _routing(self, dlg: QDialog) -> QDialog:
        dlg.done.connect(lambda _value: self.changed.emit(self.card.id))  # type: ignore[attr-defined]
        self.action_dialog = dlg
        dlg.open()
        return dlg

    def open_answer(self) -> QDialog:
        dlg = AnswerDialog(self._ctx, self._runner, self.card, self)
        dlg.done.connect(self._answered)
        self.action_dialog = dlg
        dlg.open()
        return dlg

    def _answered(self, result: AnswerResult) -> None:
        self.answer_result = result
        self.changed.emit(self.card.id)
        self.open_document.emit(result.outgoing_id)  # the reply: print it, send it

    def start_work(self) -> None:
        ctx, doc_id = self._ctx, self.card.id
        self._runner.run(
            lambda _p, c: routing.start(ctx.db, ctx.actor, doc_id, clock=ctx.clock),
            None,
            lambda _state: self.changed.emit(doc_id),
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    def reply_letter(self) -> None:
        """The reply on the letterhead as PDF, opened in the system viewer."""
        ctx, doc_id = self._ctx, self.card.id
        target = reply_letter_path(doc_id)

        def done(path: Path) -> None:
            self.letter_path = path
            open_file(path)

        self._runner.run(
            lambda _p, c: routing.reply_letter(ctx.db, ctx.actor, doc_id, target),
            None,
            done,
            on_error=lambda exc: show_error(self, exc),
            label=self.tr("წერილის მომზადება…"),
            owner=self,
        )

    def open_email(self) -> QDialog:
        from ui.mail import SendDialog

        dlg = SendDialog(self._ctx, self._runner, self.card, self)
        dlg.sent.connect(lambda _m: (self.attachments.reload(), self.history.reload()))
        self.action_dialog = dlg
        dlg.open()
        return dlg

    def _tab_chosen(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.history:
            self.history.reload()
        elif page is self.attachments:
            self.attachments.reload()


def print_slip_async(
    ctx: AppContext,
    runner: TaskRunner,
    doc_id: int,
    parent: QWidget,
    on_done: Callable[[Path], None] | None = None,
) -> None:
    """Render the slip off the GUI thread, then open it in the system PDF viewer."""
    folder = Path(tempfile.gettempdir()) / "kantselaria"
    folder.mkdir(exist_ok=True)
    target = folder / f"slip-{doc_id}.pdf"

    def done(path: Path) -> None:
        open_file(path)
        if on_done is not None:
            on_done(path)

    runner.run(
        lambda _p, c: print_slip(ctx.db, ctx.actor, doc_id, target),
        None,
        done,
        on_error=lambda exc: show_error(parent, exc),
        label=parent.tr("ბარათის მომზადება…"),
        owner=parent,
    )


class RegisteredNotice(QDialog):
    """Shown right after Save: the number, the due date and why, and the slip to print."""

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        doc: RegisteredDocument,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(self.tr("დოკუმენტი დარეგისტრირდა"))
        number = QLabel(doc.number)
        number.setObjectName("number")
        number.setStyleSheet("font-size: 22px; font-weight: bold;")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        en = messages.current_language() == "en"
        lines = [self.tr("რეგისტრაციის თარიღი: %1").replace("%1", day(doc.reg_date))]
        if doc.due_date is not None:
            lines.append(self.tr("შესრულების ვადა: %1").replace("%1", day(doc.due_date)))
            lines.append(doc.due_explanation_en if en else doc.due_explanation)
        info = QLabel("\n".join(lines))
        info.setWordWrap(True)
        self.slip_path: Path | None = None
        self.print_button = QPushButton(self.tr("ბარათის &ბეჭდვა (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_slip)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_slip)
        self._ctx, self._runner = ctx, runner
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("სარეგისტრაციო ნომერი:")))
        lay.addWidget(number)
        lay.addWidget(info)
        lay.addWidget(buttons)
        self.print_button.setFocus()

    def print_slip(self) -> None:
        def done(path: Path) -> None:
            self.slip_path = path

        print_slip_async(self._ctx, self._runner, self.doc.id, self, done)
