"""Deadline and link actions of the document card: extend the due date, stop and resume
the clock while waiting for the citizen, and the document's links both ways.

Each dialog takes the document id, loads what it shows off the GUI thread and writes
through ``app.extensions`` / ``app.links``; a refused input appears under its field
and nothing is written. The card connects the signals to reload itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import messages
from app.extensions import (
    ClockStopInfo,
    ExtensionInfo,
    ExtensionTerms,
    clock_history,
    extend,
    extension_terms,
    list_extensions,
    resume_clock,
    stop_clock,
)
from app.links import INVERSE, LINK_NAMES, LinkedDocument, find_by_number, link, links_of, unlink
from app.refdata import STATUS_NAMES, label
from app.validation import MIN_DATE
from ui.admin.common import (
    EnterLineEdit,
    InlineErrors,
    RowsModel,
    confirm,
    day,
    failure_handler,
    from_qdate,
    may,
    tab_chain,
    to_qdate,
)
from ui.context import AppContext
from ui.tasks import Control, TaskRunner

YEARS_AHEAD = 5


def _date_edit(today: dt.date, *, future: bool) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    last = QDate(today.year + YEARS_AHEAD, 12, 31) if future else to_qdate(today)
    edit.setDateRange(to_qdate(MIN_DATE), last)
    edit.setDate(to_qdate(today))
    return edit


def _note_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


class _ActionDialog(QDialog):
    """A small form with an info line, fields with inline errors and one action button."""

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        doc_id: int,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.doc_id = doc_id
        self.ready = False
        self.setMinimumWidth(480)
        self.info = QLabel()
        self.info.setObjectName("info")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors = InlineErrors()
        self.form = QFormLayout()
        self.action_button = QPushButton()
        self.action_button.setDefault(True)
        self.action_button.setEnabled(False)  # until the document is loaded
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("DocumentActions", "გაუქმება")
        )
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addLayout(self.form)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.buttons)

    def add_field(self, title: str, name: str, widget: QWidget) -> None:
        lbl = QLabel(title)
        lbl.setBuddy(widget)
        self.form.addRow(lbl, self.errors.field(name, widget))

    def run_action(self, fn: Callable[[], object], done: Callable[[object], None]) -> None:
        self.errors.clear()
        self.action_button.setEnabled(False)
        on_error = failure_handler(self, self.errors)

        def failed(exc: BaseException) -> None:
            self.action_button.setEnabled(True)
            on_error(exc)

        def finished(result: object) -> None:
            self.action_button.setEnabled(True)
            done(result)

        self._runner.run(lambda _p, c: fn(), None, finished, on_error=failed, owner=self)

    def submit(self) -> None:
        raise NotImplementedError


class ExtendDialog(_ActionDialog):
    """Move the due date later, within the document type's maximum extension."""

    extended = Signal(object)  # ExtensionInfo

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, doc_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, runner, doc_id, parent)
        self.setWindowTitle(self.tr("ვადის გაგრძელება"))
        self.action_button.setText(self.tr("ვადის &გაგრძელება"))
        self.terms: ExtensionTerms | None = None
        self.result_info: ExtensionInfo | None = None
        self.new_date = _date_edit(ctx.clock.today(), future=True)
        self.reason = _note_edit()
        self.add_field(self.tr("ახალი &ვადა"), "new_date", self.new_date)
        self.add_field(self.tr("&მიზეზი"), "reason", self.reason)
        self.errors.alias("document", "new_date")
        self.history = QLabel()
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.form.addRow(self.history)
        tab_chain(self, self.new_date, self.reason, self.action_button)
        db, actor = ctx.db, ctx.actor
        self._runner.run(
            lambda _p, c: (extension_terms(db, actor, doc_id), list_extensions(db, actor, doc_id)),
            None,
            self._loaded,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )
        self.new_date.setFocus()

    def _loaded(self, loaded: tuple[ExtensionTerms, list[ExtensionInfo]]) -> None:
        terms, history = loaded
        self.terms = terms
        lines = [
            self.tr("დოკუმენტი %1 · ვადა: %2")
            .replace("%1", terms.number)
            .replace("%2", day(terms.due_date) or self.tr("არ აქვს"))
        ]
        if terms.limit_date is not None:
            lines.append(
                self.tr("კანონით ვადა %1; გაგრძელება შეიძლება მაქსიმუმ %2 დღით — არაუგვიანეს %3.")
                .replace("%1", day(terms.statutory_due_date or terms.due_date))
                .replace("%2", str(terms.max_extension_days))
                .replace("%3", day(terms.limit_date))
            )
            self.new_date.setDate(to_qdate(terms.limit_date))
        else:
            lines.append(self.tr("ამ დოკუმენტის ვადა არ გაგრძელდება."))
        self.info.setText("\n".join(lines))
        if history:
            self.history.setText(
                self.tr("წინა გაგრძელებები:")
                + "\n"
                + "\n".join(
                    f"{day(e.old_due_date)} → {day(e.new_due_date)}: {e.reason} ({e.created_by})"
                    for e in history
                )
            )
        self.action_button.setEnabled(
            terms.limit_date is not None and may(self._ctx.actor, "extend_deadline")
        )
        self.ready = True

    def submit(self) -> None:
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        doc_id, new_date = self.doc_id, from_qdate(self.new_date.date())
        reason = self.reason.toPlainText()

        def done(info: object) -> None:
            assert isinstance(info, ExtensionInfo)
            self.result_info = info
            self.extended.emit(info)
            self.accept()

        self.run_action(lambda: extend(db, actor, doc_id, new_date, reason, clock), done)


class StopClockDialog(_ActionDialog):
    """Stop the deadline while waiting for the citizen's clarification."""

    stopped = Signal(object)  # ClockStopInfo

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, doc_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, runner, doc_id, parent)
        self.setWindowTitle(self.tr("ვადის შეჩერება"))
        self.action_button.setText(self.tr("ვადის &შეჩერება"))
        self.result_info: ClockStopInfo | None = None
        self.on_date = _date_edit(ctx.clock.today(), future=False)
        self.note = _note_edit()
        self.note.setPlaceholderText(self.tr("მაგ. მოქალაქეს ეთხოვა დოკუმენტის ასლი"))
        self.add_field(self.tr("შეჩერების &თარიღი"), "on_date", self.on_date)
        self.add_field(self.tr("შე&ნიშვნა"), "note", self.note)
        self.errors.alias("document", "on_date")
        tab_chain(self, self.on_date, self.note, self.action_button)
        db, actor = ctx.db, ctx.actor
        self._runner.run(
            lambda _p, c: extension_terms(db, actor, doc_id),
            None,
            self._loaded,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )
        self.on_date.setFocus()

    def _loaded(self, terms: ExtensionTerms) -> None:
        self.info.setText(
            self.tr(
                "დოკუმენტი %1 · %2 · ვადა: %3\nდარჩენილი დღეები შეინახება; როცა დაზუსტება "
                "შემოვა, ვადა გაგრძელდება განახლების დღიდან."
            )
            .replace("%1", terms.number)
            .replace("%2", terms.status_label)
            .replace("%3", day(terms.due_date) or self.tr("არ აქვს"))
        )
        self.action_button.setEnabled(may(self._ctx.actor, "stop_clock"))
        self.ready = True

    def submit(self) -> None:
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        doc_id, on_date, note = (
            self.doc_id,
            from_qdate(self.on_date.date()),
            self.note.toPlainText(),
        )

        def done(info: object) -> None:
            assert isinstance(info, ClockStopInfo)
            self.result_info = info
            self.stopped.emit(info)
            self.accept()

        self.run_action(lambda: stop_clock(db, actor, doc_id, on_date, note, clock), done)


class ResumeClockDialog(_ActionDialog):
    """The clarification arrived: the deadline runs again for the days that were left."""

    resumed = Signal(object)  # ClockStopInfo, with due_date and due_explanation

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, doc_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, runner, doc_id, parent)
        self.setWindowTitle(self.tr("ვადის განახლება"))
        self.action_button.setText(self.tr("ვადის &განახლება"))
        self.result_info: ClockStopInfo | None = None
        self.stop: ClockStopInfo | None = None
        self.on_date = _date_edit(ctx.clock.today(), future=False)
        self.add_field(self.tr("დაზუსტება შემოვიდა (&თარიღი)"), "on_date", self.on_date)
        self.errors.alias("document", "on_date")
        tab_chain(self, self.on_date, self.action_button)
        db, actor = ctx.db, ctx.actor
        self._runner.run(
            lambda _p, c: clock_history(db, actor, doc_id),
            None,
            self._loaded,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )
        self.on_date.setFocus()

    def _loaded(self, history: list[ClockStopInfo]) -> None:
        open_stops = [st for st in history if st.resumed_on is None]
        if not open_stops:
            self.info.setText(self.tr("ამ დოკუმენტის ვადა შეჩერებული არ არის."))
            self.ready = True
            return
        st = self.stop = open_stops[-1]
        units = {
            "working_days": self.tr("სამუშაო დღე"),
            "calendar_days": self.tr("კალენდარული დღე"),
        }
        unit = units.get(st.count_unit, st.count_unit)
        self.info.setText(
            self.tr("დოკუმენტი %1 · ვადა შეჩერდა %2 (%3)\nდარჩენილი იყო: %4 %5. %6")
            .replace("%1", st.number)
            .replace("%2", day(st.stopped_on))
            .replace("%3", st.stopped_by)
            .replace("%4", str(st.remaining_days))
            .replace("%5", unit)
            .replace("%6", st.note)
            .strip()
        )
        self.action_button.setEnabled(may(self._ctx.actor, "stop_clock"))
        self.ready = True

    def submit(self) -> None:
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        doc_id, on_date = self.doc_id, from_qdate(self.on_date.date())

        def done(info: object) -> None:
            assert isinstance(info, ClockStopInfo)
            self.result_info = info
            self.resumed.emit(info)
            self.accept()

        self.run_action(lambda: resume_clock(db, actor, doc_id, on_date, clock), done)


class LinksPanel(QWidget):
    """The document's links both ways, "link to…" a number, and unlink."""

    changed = Signal()  # a link was added or removed
    open_document = Signal(int)  # Enter / double-click on a link: the other document's id

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, doc_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.doc_id = doc_id
        self._gen = 0
        self.ready = False
        lang = messages.current_language()
        en = lang == "en"

        self.model = RowsModel(
            [
                (self.tr("კავშირი"), lambda ln: ln.label_en if en else ln.label),
                (self.tr("ნომერი"), lambda ln: ln.other_number),
                (self.tr("თარიღი"), lambda ln: day(ln.other_reg_date)),
                (self.tr("შინაარსი"), lambda ln: ln.other_subject),
                (self.tr("სტატუსი"), lambda ln: label(STATUS_NAMES, ln.other_status, lang)),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        list_label = QLabel(self.tr("დაკავშირებული დოკუმენ&ტები"))
        list_label.setBuddy(self.table)

        self.link_type = QComboBox()
        for code in INVERSE:  # the stored types, read from this document
            ka, en_name = LINK_NAMES[code]
            self.link_type.addItem(en_name if en else ka, code)
        self.number = EnterLineEdit()
        self.number.setObjectName("link_number")
        self.number.setPlaceholderText(self.tr("რეგისტრაციის ნომერი, მაგ. შ-12/2026"))
        self.link_button = QPushButton(self.tr("და&კავშირება"))
        self.link_button.clicked.connect(self.add_link)
        self.number.returnPressed.connect(self.add_link)
        self.unlink_button = QPushButton(self.tr("კავშირის &წაშლა"))
        self.unlink_button.clicked.connect(self.remove_link)
        self.unlink_button.setEnabled(False)

        self.errors = InlineErrors()
        row = QHBoxLayout()
        type_box = self.errors.field("link_type", self.link_type)
        number_box = self.errors.field("number", self.number)
        self.errors.alias("link", "number")
        self.errors.alias("document", "number")
        number_label = QLabel(self.tr("&ეს დოკუმენტი"))
        number_label.setBuddy(self.link_type)
        row.addWidget(number_label)
        row.addWidget(type_box)
        to_label = QLabel(self.tr("&ნომერი"))
        to_label.setBuddy(self.number)
        row.addWidget(to_label)
        row.addWidget(number_box, 1)
        row.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignTop)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(list_label)
        lay.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.unlink_button)
        lay.addLayout(bottom)
        lay.addLayout(row)
        lay.addWidget(self.errors.general)
        tab_chain(
            self, self.table, self.unlink_button, self.link_type, self.number, self.link_button
        )
        self._editable = may(ctx.actor, "link_documents")
        if not self._editable:
            for w in (self.link_type, self.number, self.link_button):
                w.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        self._gen += 1
        gen = self._gen
        db, actor, doc_id = self._ctx.db, self._ctx.actor, self.doc_id

        def done(rows: list[LinkedDocument]) -> None:
            if gen != self._gen:
                return
            self.model.set_rows(rows)
            self._selection_changed()
            self.ready = True

        self.ready = False
        self._runner.run(
            lambda _p, c: links_of(db, actor, doc_id),
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def current_link(self) -> LinkedDocument | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selection_changed(self, *_args: object) -> None:
        self.unlink_button.setEnabled(self._editable and self.current_link() is not None)

    def _activated(self) -> None:
        ln = self.current_link()
        if ln is not None:
            self.open_document.emit(ln.other_id)

    def add_link(self) -> None:
        self.errors.clear()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        doc_id, kind, number = self.doc_id, str(self.link_type.currentData()), self.number.text()
        self.link_button.setEnabled(False)
        on_error = failure_handler(self, self.errors)

        def work(_p: None, c: Control) -> LinkedDocument:
            other = find_by_number(db, actor, number)
            return link(db, actor, doc_id, other, kind, clock)

        def done(_: LinkedDocument) -> None:
            self.link_button.setEnabled(True)
            self.number.clear()
            self.changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self.link_button.setEnabled(True)
            on_error(exc)

        self._runner.run(work, None, done, on_error=failed, owner=self)

    def remove_link(self) -> None:
        ln = self.current_link()
        if ln is None:
            return
        if not confirm(
            self,
            self.tr("კავშირის წაშლა"),
            self.tr("წაიშალოს კავშირი „%1“ დოკუმენტთან %2?")
            .replace("%1", ln.label_en if messages.current_language() == "en" else ln.label)
            .replace("%2", ln.other_number),
        ):
            return
        self.errors.clear()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        self.unlink_button.setEnabled(False)

        def done(_: object) -> None:
            self.changed.emit()
            self.reload()

        self._runner.run(
            lambda _p, c: unlink(db, actor, ln.link_id, clock),
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )
