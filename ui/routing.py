"""Resolution, reassignment, answer and the short "why" dialogs of a document's life.

Each dialog sends the card's version with its change: when another clerk saved the
document in between, the app layer refuses with "changed by X at T"; the dialog then
shows that message, reloads the version and keeps everything typed, so pressing Save
again applies the clerk's change on top of the other one knowingly.

OK first *collects* the widgets into a frozen request on the GUI thread; only that
request goes to the worker, which calls the use case.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import documents, messages, routing, users
from app.documents import DocumentCard
from app.errors import UserError
from app.refdata import OUTCOME_NAMES, label
from ui import drafts
from ui.admin.common import (
    InlineErrors,
    failure_handler,
    from_qdate,
    notice_label,
    to_qdate,
)
from ui.context import AppContext
from ui.tasks import Control, TaskRunner

CHANGED = "stale.changed_by"
DRAFT_DELAY_MS = 700


# --- what the workers get: plain requests, collected from the widgets on the GUI thread ---


@dataclass(frozen=True)
class CardRequest:
    ctx: AppContext
    doc_id: int


def load_card(r: CardRequest, _c: Control) -> DocumentCard:
    return documents.get_card(r.ctx.db, r.ctx.actor, r.doc_id)


@dataclass(frozen=True)
class AssignRequest:
    ctx: AppContext
    doc_id: int
    inp: routing.ResolutionInput


def assign(r: AssignRequest, _c: Control) -> routing.DocumentState:
    return routing.assign(r.ctx.db, r.ctx.actor, r.doc_id, r.inp, clock=r.ctx.clock)


@dataclass(frozen=True)
class ReassignRequest:
    ctx: AppContext
    doc_id: int
    executor_id: int
    reason: str
    expected_version: int


def reassign(r: ReassignRequest, _c: Control) -> routing.DocumentState:
    return routing.reassign(
        r.ctx.db, r.ctx.actor, r.doc_id, r.executor_id, r.reason,
        clock=r.ctx.clock, expected_version=r.expected_version,
    )  # fmt: skip


@dataclass(frozen=True)
class AnswerRequest:
    ctx: AppContext
    doc_id: int
    inp: routing.AnswerInput


def answer(r: AnswerRequest, _c: Control) -> routing.AnswerResult:
    return routing.answer(r.ctx.db, r.ctx.actor, r.doc_id, r.inp, clock=r.ctx.clock)


@dataclass(frozen=True)
class ReasonRequest:
    ctx: AppContext
    doc_id: int
    action: str  # close | cancel
    text: str
    expected_version: int


def close_or_cancel(r: ReasonRequest, _c: Control) -> routing.DocumentState:
    ctx = r.ctx
    if r.action == "cancel":
        return routing.cancel(
            ctx.db, ctx.actor, r.doc_id, r.text, clock=ctx.clock,
            expected_version=r.expected_version,
        )  # fmt: skip
    return routing.close(
        ctx.db, ctx.actor, r.doc_id, note=r.text, clock=ctx.clock,
        expected_version=r.expected_version,
    )  # fmt: skip


@dataclass(frozen=True)
class ExecutorsRequest:
    ctx: AppContext
    department_id: int | None


def executors(r: ExecutorsRequest, _c: Control) -> list[users.UserChoice]:
    return users.executors(r.ctx.db, r.ctx.actor, r.department_id)


Work = Callable[[Any, Control], Any]


class _DocumentAction(QDialog):
    """A dialog that changes one document: OK collects the widgets into a request
    (``collect(version)``, GUI thread) and runs the use case on it off the GUI thread."""

    done = Signal(object)  # what the use case returned

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, card: DocumentCard, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.card = card
        self.version = card.version
        self.result_value: Any = None
        self.errors = InlineErrors()
        self.notice = notice_label("notice")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("გაუქმება"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self, form: QFormLayout, *top: QWidget) -> None:
        lay = QVBoxLayout(self)
        for w in top:
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.notice)
        lay.addWidget(self.buttons)

    def collect(self, version: int) -> tuple[Work, Any]:
        """The worker function and its request, read from the widgets (GUI thread)."""
        raise NotImplementedError

    def submit(self) -> None:
        self.errors.clear()
        self.notice.hide()
        on_error = failure_handler(self, self.errors)
        try:
            work, request = self.collect(self.version)
        except UserError as exc:
            on_error(exc)
            return
        self.ok_button.setEnabled(False)

        def done(value: Any) -> None:
            self.ok_button.setEnabled(True)
            self.result_value = value
            self.succeeded(value)
            self.done.emit(value)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            on_error(exc)
            if isinstance(exc, UserError) and exc.key == CHANGED:
                self._reload_version()

        self._runner.run(work, request, done, on_error=failed, owner=self)

    def succeeded(self, value: Any) -> None:
        """Hook: after the change was written (before ``done`` is emitted)."""

    def _reload_version(self) -> None:
        """Another clerk changed the document: take its new version, keep what was typed."""

        def fresh(card: DocumentCard) -> None:
            self.card = card
            self.version = card.version
            self.notice.setText(
                self.tr(
                    "დოკუმენტი ხელახლა ჩაიტვირთა (ახლა: %1). თქვენი ტექსტი შენარჩუნებულია — "
                    "შეამოწმეთ და დააჭირეთ „კარგი“-ს ხელახლა."
                ).replace("%1", card.status_label)
            )
            self.notice.show()

        self._runner.run(load_card, CardRequest(self._ctx, self.card.id), fresh, owner=self)


class ResolutionDialog(_DocumentAction):
    """The head's resolution: main executor, co-executors, instruction, due date, control."""

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        card: DocumentCard,
        parent: QWidget | None = None,
        reassign: bool = False,
    ) -> None:
        super().__init__(ctx, runner, card, parent)
        self.reassign = reassign
        self.setWindowTitle(
            (
                self.tr("შემსრულებლის შეცვლა — %1") if reassign else self.tr("რეზოლუცია — %1")
            ).replace("%1", card.number)
        )
        self.setMinimumWidth(520)
        self.ok_button.setText(self.tr("შეცვლა") if reassign else self.tr("რეზოლუციის დადება"))
        self.executor = QComboBox()
        self.executor.setObjectName("executor")
        self.co_executors = QListWidget()
        self.co_executors.setObjectName("co_executors")
        self.co_executors.setMaximumHeight(110)
        self.instruction = QPlainTextEdit()
        self.instruction.setObjectName("instruction")
        self.instruction.setMaximumHeight(90)
        self.due = QDateEdit()
        self.due.setObjectName("due_date")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd.MM.yyyy")
        start = card.due_date or ctx.clock.today()
        self.due.setDate(to_qdate(start))
        self.override = QLineEdit()
        self.override.setObjectName("override_reason")
        self.override.setPlaceholderText(self.tr("რატომ აღემატება კანონით დადგენილ ვადას"))
        self.control = QCheckBox(self.tr("&კონტროლზე აყვანა"))
        self.control.setChecked(card.under_control)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        statutory = card.statutory_due_date
        law = QLabel(
            self.tr("კანონით დადგენილი ვადა: %1").replace(
                "%1", statutory.strftime("%d.%m.%Y") if statutory else "—"
            )
        )
        law.setObjectName("statutory")
        form = QFormLayout()
        if reassign:
            rows: list[tuple[str, str, QWidget]] = [
                (self.tr("ახალი &შემსრულებელი"), "executor", self.executor),
                (self.tr("&მიზეზი"), "reason", self.reason),
            ]
        else:
            rows = [
                (self.tr("მთავარი &შემსრულებელი"), "executor", self.executor),
                (self.tr("&თანაშემსრულებლები"), "co_executors", self.co_executors),
                (self.tr("&დავალება"), "instruction", self.instruction),
                (self.tr("შესრულების &ვადა"), "due_date", self.due),
                (self.tr("ვადის გადაცილების &საფუძველი"), "override_reason", self.override),
            ]
        for title, name, widget in rows:
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(name, widget))
        if not reassign:
            form.addRow("", law)
            form.addRow("", self.control)
        self._finish_layout(form)
        self.due.dateChanged.connect(self._due_changed)
        self._due_changed()
        actor = ctx.actor
        dept = card.department_id if actor.role != "admin" or card.department_id else None
        runner.run(
            executors,
            ExecutorsRequest(ctx, dept),
            self._people_loaded,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )
        self.executor.setFocus()

    def _due_changed(self) -> None:
        s = self.card.statutory_due_date
        self.override.setEnabled(s is None or from_qdate(self.due.date()) > s)

    def _people_loaded(self, people: list[users.UserChoice]) -> None:
        self.executor.clear()
        self.co_executors.clear()
        for p in people:
            if self.reassign and p.id == self.card.executor_id:
                continue
            self.executor.addItem(p.full_name, p.id)
            item = QListWidgetItem(p.full_name)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.co_executors.addItem(item)
        self.executor.currentIndexChanged.connect(self._main_changed)
        self._main_changed()
        self.ready = True

    def _main_changed(self) -> None:
        """The main executor is not offered as his own co-executor."""
        main = self.executor.currentData()
        for i in range(self.co_executors.count()):
            item = self.co_executors.item(i)
            is_main = item.data(Qt.ItemDataRole.UserRole) == main
            if is_main:
                item.setCheckState(Qt.CheckState.Unchecked)
            item.setHidden(is_main)

    def co_ids(self) -> tuple[int, ...]:
        main = self.executor.currentData()
        out = []
        for i in range(self.co_executors.count()):
            item = self.co_executors.item(i)
            uid = int(item.data(Qt.ItemDataRole.UserRole))
            if item.checkState() == Qt.CheckState.Checked and uid != main:
                out.append(uid)
        return tuple(out)

    def collect(self, version: int) -> tuple[Work, Any]:
        ctx, doc_id = self._ctx, self.card.id
        main = self.executor.currentData()
        if main is None:
            raise UserError("routing.executor_required", field="executor")
        if self.reassign:
            reason = self.reason.text().strip()
            return reassign, ReassignRequest(ctx, doc_id, int(main), reason, version)
        inp = routing.ResolutionInput(
            main_executor_id=int(main),
            co_executor_ids=self.co_ids(),
            instruction=self.instruction.toPlainText().strip(),
            due_date=from_qdate(self.due.date()),
            override_reason=self.override.text().strip() if self.override.isEnabled() else "",
            under_control=self.control.isChecked(),
            expected_version=version,
        )
        return assign, AssignRequest(ctx, doc_id, inp)


class AnswerDialog(_DocumentAction):
    """The executor's answer: outcome, ground, the reply letter's subject and text.

    What is typed is kept as a draft (per document) until the answer is saved.
    """

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, card: DocumentCard, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, runner, card, parent)
        self.setWindowTitle(self.tr("პასუხი — %1").replace("%1", card.number))
        self.setMinimumWidth(600)
        self.ok_button.setText(self.tr("პასუხის რეგისტრაცია"))
        lang = messages.current_language()
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for code in OUTCOME_NAMES:
            self.outcome.addItem(label(OUTCOME_NAMES, code, lang), code)
        self.ground = QLineEdit()
        self.ground.setObjectName("ground")
        self.ground.setPlaceholderText(self.tr("მაგ.: სზაკ-ის 28-ე მუხლი (პერსონალური მონაცემები)"))
        self.forward_to = QLineEdit()
        self.forward_to.setObjectName("forward_to")
        self.addressee = QLineEdit(card.correspondent)
        self.addressee.setObjectName("addressee")
        self.subject = QLineEdit(self.tr("პასუხი: %1").replace("%1", card.subject)[:500])
        self.subject.setObjectName("subject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.body.setMinimumHeight(160)
        form = QFormLayout()
        for title, name, widget in (
            (self.tr("&შედეგი"), "outcome", self.outcome),
            (self.tr("უარის &საფუძველი"), "ground", self.ground),
            (self.tr("&გადაგზავნილია"), "forward_to", self.forward_to),
            (self.tr("&ადრესატი"), "addressee", self.addressee),
            (self.tr("&თემა"), "subject", self.subject),
            (self.tr("პასუხის &ტექსტი"), "body", self.body),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(name, widget))
        self.draft_note = notice_label("draft_note")
        self._finish_layout(form, self.draft_note)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.draft_name = f"answer-{card.id}"
        self._restore_draft()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        for w in (self.ground, self.forward_to, self.addressee, self.subject):
            w.textChanged.connect(lambda *_a: self._draft_timer.start())
        self.body.textChanged.connect(self._draft_timer.start)
        self.outcome.currentIndexChanged.connect(lambda *_a: self._draft_timer.start())
        self.outcome.setFocus()

    def _outcome_changed(self) -> None:
        code = self.outcome.currentData()
        self.ground.setEnabled(code == "refused")
        self.forward_to.setEnabled(code == "forwarded")

    def draft_fields(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.currentData(),
            "ground": self.ground.text(),
            "forward_to": self.forward_to.text(),
            "addressee": self.addressee.text(),
            "subject": self.subject.text(),
            "body": self.body.toPlainText(),
        }

    def save_draft(self) -> None:
        if self.result_value is None and self.body.toPlainText().strip():
            drafts.save(self.draft_name, self.draft_fields())

    def _restore_draft(self) -> None:
        data = drafts.load(self.draft_name)
        self.restored_draft = data is not None
        if data is None:
            return
        i = self.outcome.findData(data.get("outcome"))
        if i >= 0:
            self.outcome.setCurrentIndex(i)
        for key in ("ground", "forward_to", "addressee", "subject"):
            getattr(self, key).setText(str(data.get(key, "")))
        self.body.setPlainText(str(data.get("body", "")))
        self.draft_note.setText(self.tr("აღდგენილია შეუნახავი პასუხის მონახაზი."))
        self.draft_note.show()

    def reject(self) -> None:
        self.save_draft()
        super().reject()

    def collect(self, version: int) -> tuple[Work, Any]:
        inp = routing.AnswerInput(
            outcome=str(self.outcome.currentData()),
            ground=self.ground.text().strip() if self.ground.isEnabled() else "",
            subject=self.subject.text().strip(),
            body=self.body.toPlainText().strip(),
            addressee=self.addressee.text().strip(),
            forward_to=self.forward_to.text().strip() if self.forward_to.isEnabled() else "",
            expected_version=version,
        )
        return answer, AnswerRequest(self._ctx, self.card.id, inp)

    def succeeded(self, value: Any) -> None:
        self._draft_timer.stop()
        drafts.discard(self.draft_name)


class ReasonDialog(_DocumentAction):
    """Close (file) or cancel a document, with a note that goes to its history."""

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        card: DocumentCard,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, runner, card, parent)
        self.action = action
        titles = {
            "close": (self.tr("საქმის დასრულება — %1"), self.tr("დასრულება"), self.tr("&შენიშვნა")),
            "cancel": (
                self.tr("რეგისტრაციის ანულირება — %1"),
                self.tr("ანულირება"),
                self.tr("&მიზეზი"),
            ),
        }
        title, ok, field = titles[action]
        self.setWindowTitle(title.replace("%1", card.number))
        self.ok_button.setText(ok)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        form = QFormLayout()
        lbl = QLabel(field)
        lbl.setBuddy(self.reason)
        form.addRow(lbl, self.errors.field("reason", self.reason))
        self.errors.alias("note", "reason")
        note = QLabel(
            self.tr("ნომერი არ გამოიყენება ხელახლა: ანულირებული დოკუმენტი ჟურნალში რჩება.")
            if action == "cancel"
            else self.tr("დასრულებული დოკუმენტი აღარ ჩანს ღია დავალებებში.")
        )
        note.setWordWrap(True)
        self._finish_layout(form, note)
        self.reason.setFocus()

    def collect(self, version: int) -> tuple[Work, Any]:
        text = self.reason.text().strip()
        return close_or_cancel, ReasonRequest(self._ctx, self.card.id, self.action, text, version)


def reply_letter_path(doc_id: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "kantselaria"
    folder.mkdir(exist_ok=True)
    return folder / f"reply-{doc_id}.pdf"
