"""Route, execute and answer: the head's resolution, the executors' work, the answer.

Every function takes the acting user explicitly and checks the permission here (a hidden
button is never the only guard); validates first, then writes in one transaction with
its audit rows; refuses a move the status machine (app.workflow) does not allow; and,
given ``expected_version``, refuses to overwrite a change another clerk saved meanwhile
("changed by X at T").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, and_, case, exists, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import messages
from app.access import acting_document, heads, visibility_filter, visible_document
from app.audit import Change, record_document_change
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.dates import long_date
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import stop_in_session
from app.links import link_in_session
from app.refdata import OUTCOME_NAMES, STATUS_NAMES, label
from app.registration import RegistrationInput, register_in_session
from app.rules import stale_error
from app.validation import clean_text
from app.workdays import load_calendar
from app.workflow import OPEN, check_transition
from models.db import Database, unit_of_work
from models.tables import (
    OUTCOMES,
    Assignment,
    Correspondent,
    Department,
    Document,
    DocumentLink,
    User,
)
from reports.data import ReplyLetter
from reports.pdf.letter import render_reply_letter

SOON_WORKING_DAYS = 3
ACTIVE = ("open", "in_progress")
TASK_LIMIT = 500  # rows a task list shows; the registry's filters reach the rest
INSTRUCTION_MAX = 2000
REASON_MAX = 500
BODY_MAX = 20_000


@dataclass(frozen=True)
class DocumentState:
    id: int
    number: str
    status: str
    status_label: str
    version: int
    executor: str
    due_date: dt.date | None


@dataclass(frozen=True)
class ResolutionInput:
    main_executor_id: int
    co_executor_ids: tuple[int, ...] = ()
    instruction: str = ""
    due_date: dt.date | None = None  # None: the document's current due date
    override_reason: str = ""
    under_control: bool = False
    expected_version: int | None = None


@dataclass(frozen=True)
class TaskRow:
    id: int
    number: str
    reg_date: dt.date
    subject: str
    correspondent: str
    status: str
    status_label: str
    due_date: dt.date | None
    urgency: str  # overdue | soon | normal
    role: str  # main | co | "" (a head's or registrar's view)
    executor: str
    department: str


@dataclass(frozen=True)
class TaskCounts:
    total: int
    overdue: int
    soon: int
    queue: int


@dataclass(frozen=True)
class AnswerInput:
    outcome: str
    subject: str
    body: str
    ground: str = ""  # the legal ground of a refusal
    addressee: str = ""  # default: the incoming document's correspondent
    forward_to: str = ""  # the body a request was forwarded to
    expected_version: int | None = None


@dataclass(frozen=True)
class AnswerResult:
    outgoing_id: int
    outgoing_number: str
    incoming_status: str
    incoming_closed: bool


# --- shared checks -----------------------------------------------------------------------


# Documents without a due date go last. T-SQL has no boolean values, so the sort key is a
# CASE, not the predicate itself (``ORDER BY due_date IS NULL`` is refused by SQL Server).
_UNDATED_LAST = case((Document.due_date.is_(None), 1), else_=0)


def _now(clock: Clock | None) -> tuple[Clock, dt.datetime]:
    c = clock or SystemClock()
    return c, c.now_utc()


def _check_version(s: Session, doc: Document, expected: int | None) -> None:
    if expected is not None and doc.version != expected:
        raise stale_error(s, "document", doc.id, doc.updated_at)


def _lock_card(s: Session, doc: Document) -> None:
    """Take the document's row lock now (an UPDATE that changes nothing), refusing a card
    changed since it was read. Every other save takes the card's lock before the audit
    chain's; an answer, which registers its reply (and so takes the chain's lock) first,
    must take the card's lock before that too, or it deadlocks with, say, a start saved
    on the same card at the same moment (found by the load bench)."""
    done = s.execute(
        update(Document)
        .where(Document.id == doc.id, Document.version == doc.version)
        .values(version=Document.version)
        .execution_options(synchronize_session=False)
    )
    if not getattr(done, "rowcount", 0):
        raise StaleDataError(f"document {doc.id} changed since it was read")


@contextmanager
def _writing(db: Database, doc_id: int) -> Iterator[Session]:
    """``db.write()``, where a concurrent save that slipped in between reading the card and
    writing it (the versioned UPDATE matched no row: a server database, two transactions at
    once) gets the same "changed by X at T" as a stale ``expected_version``."""
    try:
        with db.write() as s:
            yield s
    except StaleDataError:
        with db.read() as s:
            raise stale_error(s, "document", doc_id, None) from None


def _require_head(actor: Actor, doc: Document, action: str) -> None:
    require(actor, action)
    if not heads(actor, doc):
        raise PermissionDenied("routing.other_department")


def _user(s: Session, user_id: int, field: str) -> User:
    u = s.get(User, user_id)
    if u is None or not u.active:
        raise NotFound("user.unknown", field=field, got=user_id)
    if u.role not in ("head", "executor", "admin"):
        raise ValidationError("routing.not_an_executor", field=field, name=u.full_name)
    return u


def _state(s: Session, doc: Document) -> DocumentState:
    ex = s.get(User, doc.executor_id) if doc.executor_id else None
    return DocumentState(
        id=doc.id,
        number=doc.reg_number,
        status=doc.status,
        status_label=label(STATUS_NAMES, doc.status, messages.current_language()),
        version=doc.version,
        executor=ex.full_name if ex else "",
        due_date=doc.due_date,
    )


def _move(doc: Document, new: str, changes: list[Change]) -> None:
    check_transition(doc.status, new)
    changes.append(Change("status", doc.status, new))
    doc.status = new


# --- resolution ----------------------------------------------------------------------------


@unit_of_work
def assign(
    db: Database, actor: Actor, doc_id: int, inp: ResolutionInput, clock: Clock | None = None
) -> DocumentState:
    """The head's resolution: main executor, co-executors, instruction, due date, control."""
    instruction = clean_text(
        inp.instruction, "instruction", max_len=INSTRUCTION_MAX, multiline=True
    )
    reason = clean_text(inp.override_reason, "override_reason", max_len=REASON_MAX)
    if inp.main_executor_id in inp.co_executor_ids:
        raise ValidationError("routing.main_is_co", field="co_executors")
    _c, now = _now(clock)
    with _writing(db, doc_id) as s:
        doc = visible_document(s, actor, doc_id)
        _require_head(actor, doc, "assign")
        _check_version(s, doc, inp.expected_version)
        if doc.status != "registered":
            raise ValidationError(
                "routing.already_assigned", field="executor",
                status=label(STATUS_NAMES, doc.status, messages.current_language()),
            )  # fmt: skip
        main = _user(s, inp.main_executor_id, "executor")
        co = [_user(s, uid, "co_executors") for uid in dict.fromkeys(inp.co_executor_ids)]
        due = inp.due_date or doc.due_date
        if due is not None and due < doc.reg_date:
            raise ValidationError("routing.due_before_registration", field="due_date",
                                  date=long_date(doc.reg_date))  # fmt: skip
        limit = doc.statutory_due_date
        # A date the head sets past the statutory one needs a reason; keeping the current
        # due date (already extended through app.extensions, with its own reason) does not.
        overrides = (
            inp.due_date is not None and due != doc.due_date
            and due is not None and limit is not None and due > limit
        )  # fmt: skip
        if overrides and not reason:
            assert limit is not None
            raise ValidationError(
                "routing.due_after_statutory", field="override_reason", date=long_date(limit)
            )
        changes: list[Change] = []
        if doc.department_id is None and main.department_id is not None:
            changes.append(Change("department_id", "", str(main.department_id)))
            doc.department_id = main.department_id
        changes.append(Change("executor", "", main.full_name))
        doc.executor_id = main.id
        for u in co:
            changes.append(Change("co_executor", "", u.full_name))
        if instruction:
            changes.append(Change("instruction", "", instruction))
        if due != doc.due_date:
            changes.append(Change("due_date", str(doc.due_date or ""), str(due or "")))
            doc.due_date = due
        if overrides:
            changes.append(Change("due_override_reason", doc.due_override_reason, reason))
            doc.due_override_reason = reason
        if inp.under_control != doc.under_control:
            changes.append(Change("under_control", str(doc.under_control), str(inp.under_control)))
            doc.under_control = inp.under_control
        _move(doc, "assigned", changes)
        for u, role in [(main, "main"), *((u, "co") for u in co)]:
            s.add(Assignment(
                document_id=doc.id, user_id=u.id, role=role, instruction=instruction,
                due_date=due, assigned_by=actor.user_id, assigned_at=now, state="open", note="",
            ))  # fmt: skip
        record_document_change(s, doc, at=now, user_id=actor.user_id, action="assign",
                               changes=changes)  # fmt: skip
        return _state(s, doc)


@unit_of_work
def reassign(
    db: Database,
    actor: Actor,
    doc_id: int,
    new_user_id: int,
    reason: str,
    clock: Clock | None = None,
    expected_version: int | None = None,
) -> DocumentState:
    """Another main executor, with the reason; the previous one's part is withdrawn."""
    why = clean_text(reason, "reason", max_len=REASON_MAX, required=True)
    _c, now = _now(clock)
    with _writing(db, doc_id) as s:
        doc = visible_document(s, actor, doc_id)
        _require_head(actor, doc, "assign")
        _check_version(s, doc, expected_version)
        if doc.status not in ("assigned", "in_progress"):
            raise ValidationError(
                "routing.not_assigned", field="executor",
                status=label(STATUS_NAMES, doc.status, messages.current_language()),
            )  # fmt: skip
        new = _user(s, new_user_id, "executor")
        if new.id == doc.executor_id:
            raise ValidationError("routing.same_executor", field="executor", name=new.full_name)
        old = s.get(User, doc.executor_id) if doc.executor_id else None
        previous = s.scalars(
            select(Assignment).where(
                Assignment.document_id == doc.id, Assignment.role == "main",
                Assignment.state.in_(ACTIVE),
            )
        ).all()  # fmt: skip
        instruction, due = "", doc.due_date
        for a in previous:
            a.state, a.note, a.done_at = "withdrawn", why, now
            instruction = a.instruction
        s.add(Assignment(
            document_id=doc.id, user_id=new.id, role="main", instruction=instruction,
            due_date=due, assigned_by=actor.user_id, assigned_at=now, state="open", note=why,
        ))  # fmt: skip
        doc.executor_id = new.id
        changes = [Change("executor", old.full_name if old else "", new.full_name),
                   Change("reason", "", why)]  # fmt: skip
        if doc.status == "in_progress":
            doc.status = "assigned"  # the new executor has not started yet
            changes.append(Change("status", "in_progress", "assigned"))
        record_document_change(s, doc, at=now, user_id=actor.user_id, action="reassign",
                               changes=changes)  # fmt: skip
        return _state(s, doc)


# --- the executor's side -------------------------------------------------------------------


def _my_assignment(s: Session, actor: Actor, doc: Document) -> Assignment | None:
    return s.scalar(
        select(Assignment)
        .where(Assignment.document_id == doc.id, Assignment.user_id == actor.user_id,
               Assignment.state.in_(ACTIVE))
        .order_by(Assignment.role.desc(), Assignment.id)  # "main" before "co"
        .limit(1)
    )  # fmt: skip


@unit_of_work
def start(
    db: Database, actor: Actor, doc_id: int, clock: Clock | None = None,
    expected_version: int | None = None,
) -> DocumentState:  # fmt: skip
    """The executor takes the document into work: assigned → in progress."""
    require(actor, "answer")
    _c, now = _now(clock)
    with _writing(db, doc_id) as s:
        doc = visible_document(s, actor, doc_id)
        mine = _my_assignment(s, actor, doc)
        if mine is None:
            raise PermissionDenied("routing.not_your_task")
        _check_version(s, doc, expected_version)
        changes: list[Change] = []
        _move(doc, "in_progress", changes)
        mine.state = "in_progress"
        record_document_change(s, doc, at=now, user_id=actor.user_id, action="start",
                               changes=changes)  # fmt: skip
        return _state(s, doc)


@unit_of_work
def claim(
    db: Database, actor: Actor, doc_id: int, clock: Clock | None = None,
    expected_version: int | None = None,
) -> DocumentState:  # fmt: skip
    """An executor takes a document from his department's queue: he becomes its executor."""
    require(actor, "claim")
    _c, now = _now(clock)
    with _writing(db, doc_id) as s:
        doc = visible_document(s, actor, doc_id)
        _check_version(s, doc, expected_version)
        if doc.kind != "incoming" or doc.status != "registered" or doc.executor_id is not None:
            raise ValidationError("routing.not_in_queue", field="document", number=doc.reg_number)
        if doc.department_id is None or doc.department_id != actor.department_id:
            raise PermissionDenied("routing.other_department")
        changes = [Change("executor", "", actor.full_name)]
        doc.executor_id = actor.user_id
        check_transition("registered", "assigned")
        _move(doc, "in_progress", changes)
        s.add(Assignment(
            document_id=doc.id, user_id=actor.user_id, role="main", instruction="",
            due_date=doc.due_date, assigned_by=actor.user_id, assigned_at=now,
            state="in_progress", note="",
        ))  # fmt: skip
        record_document_change(s, doc, at=now, user_id=actor.user_id, action="claim",
                               changes=changes)  # fmt: skip
        return _state(s, doc)


def _urgency(due: dt.date | None, today: dt.date, soon_until: dt.date) -> str:
    if due is None:
        return "normal"
    if due < today:
        return "overdue"
    return "soon" if due <= soon_until else "normal"


def _task_scope(actor: Actor) -> tuple[ColumnElement[bool], bool]:
    """Which open documents are *actor*'s tasks, and whether they come through assignments."""
    if actor.role == "executor":
        mine = exists().where(
            Assignment.document_id == Document.id, Assignment.user_id == actor.user_id,
            Assignment.state.in_(ACTIVE),
        )  # fmt: skip
        return mine, True
    if actor.role == "head":
        return Document.department_id == actor.department_id, False
    return Document.executor_id.is_not(None), False


def _open_tasks(scope: ColumnElement[bool], personal: bool) -> list[ColumnElement[bool]]:
    conds = [Document.status.in_(OPEN), scope]
    if not personal:  # a head's list: routed documents (the queue shows the unrouted ones)
        conds.append(Document.status != "registered")
    return conds


def _task_rows(s: Session, actor: Actor, today: dt.date) -> list[TaskRow]:
    cal = load_calendar(s)
    soon_until = cal.add_working_days(today, SOON_WORKING_DAYS)
    scope, personal = _task_scope(actor)
    lang = messages.current_language()
    rows = s.execute(
        select(Document, Correspondent.name, User.full_name, Department.name)
        .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
        .outerjoin(User, User.id == Document.executor_id)
        .outerjoin(Department, Department.id == Document.department_id)
        .where(*_open_tasks(scope, personal), *visibility_filter(actor))
        .order_by(_UNDATED_LAST, Document.due_date, Document.reg_date, Document.id)
        .limit(TASK_LIMIT)
    ).all()  # fmt: skip
    roles: dict[int, str] = {}
    if personal and rows:
        ids = [r[0].id for r in rows]
        for doc_id, role in s.execute(
            select(Assignment.document_id, Assignment.role).where(
                Assignment.document_id.in_(ids), Assignment.user_id == actor.user_id,
                Assignment.state.in_(ACTIVE),
            )
        ):  # fmt: skip
            roles[doc_id] = "main" if "main" in (role, roles.get(doc_id)) else role
    return [
        TaskRow(
            id=d.id,
            number=d.reg_number,
            reg_date=d.reg_date,
            subject=d.subject,
            correspondent=corr or "",
            status=d.status,
            status_label=label(STATUS_NAMES, d.status, lang),
            due_date=d.due_date,
            urgency=_urgency(d.due_date, today, soon_until),
            role=roles.get(d.id, ""),
            executor=ex or "",
            department=dept or "",
        )
        for d, corr, ex, dept in rows
    ]


def my_tasks(
    db: Database, actor: Actor, today: dt.date | None = None, clock: Clock | None = None
) -> list[TaskRow]:
    """Executor: his open parts; head: his department's routed documents; others: all routed."""
    require(actor, "view_registry")
    day = today or (clock or SystemClock()).today()
    with db.read() as s:
        return _task_rows(s, actor, day)


def _queue_condition(actor: Actor, department_id: int | None) -> ColumnElement[bool]:
    cond = and_(Document.kind == "incoming", Document.status == "registered",
                Document.executor_id.is_(None))  # fmt: skip
    dept = department_id
    if actor.role in ("executor", "head") or dept is None:
        dept = actor.department_id
    if dept is None:
        return and_(cond, Document.department_id.is_not(None))
    return and_(cond, Document.department_id == dept)


def department_queue(db: Database, actor: Actor, department_id: int | None = None) -> list[TaskRow]:
    """Incoming documents of the department nobody has taken yet (oldest due first)."""
    require(actor, "view_registry")
    if actor.role == "viewer":
        return []
    today = SystemClock().today()
    with db.read() as s:
        cal = load_calendar(s)
        soon_until = cal.add_working_days(today, SOON_WORKING_DAYS)
        lang = messages.current_language()
        rows = s.execute(
            select(Document, Correspondent.name)
            .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
            .where(_queue_condition(actor, department_id), ~Document.confidential)
            .order_by(_UNDATED_LAST, Document.due_date, Document.id)
            .limit(TASK_LIMIT)
        ).all()
        return [
            TaskRow(
                id=d.id,
                number=d.reg_number,
                reg_date=d.reg_date,
                subject=d.subject,
                correspondent=corr or "",
                status=d.status,
                status_label=label(STATUS_NAMES, d.status, lang),
                due_date=d.due_date,
                urgency=_urgency(d.due_date, today, soon_until),
                role="",
                executor="",
                department="",
            )
            for d, corr in rows
        ]


def _count_if(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def task_counts(db: Database, actor: Actor, clock: Clock | None = None) -> TaskCounts:
    """The numbers in the navigation: open tasks, overdue, due within 3 working days, queue."""
    require(actor, "view_registry")
    today = (clock or SystemClock()).today()
    with db.read() as s:
        soon_until = load_calendar(s).add_working_days(today, SOON_WORKING_DAYS)
        scope, personal = _task_scope(actor)
        base = _open_tasks(scope, personal)
        total, overdue, soon = s.execute(
            select(
                func.count(Document.id),
                _count_if(Document.due_date < today),
                _count_if(and_(Document.due_date >= today, Document.due_date <= soon_until)),
            ).where(*base)
        ).one()  # fmt: skip
        queue = 0
        if actor.role != "viewer":
            queue = int(s.scalar(
                select(func.count(Document.id)).where(_queue_condition(actor, None))
            ) or 0)  # fmt: skip
        return TaskCounts(int(total), int(overdue), int(soon), queue)


# --- answer, close, cancel ----------------------------------------------------------------


def _validate_answer(inp: AnswerInput) -> tuple[str, str, str, str, str]:
    if inp.outcome not in OUTCOMES:
        raise ValidationError("field.unknown_choice", field="outcome", got=str(inp.outcome)[:40],
                              allowed=", ".join(OUTCOMES))  # fmt: skip
    subject = clean_text(inp.subject, "subject", max_len=500, required=True)
    body = clean_text(inp.body, "body", max_len=BODY_MAX, required=True, multiline=True)
    ground = clean_text(inp.ground, "ground", max_len=500)
    forward_to = clean_text(inp.forward_to, "forward_to", max_len=200)
    addressee = clean_text(inp.addressee, "addressee", max_len=300)
    if inp.outcome == "refused" and not ground:
        raise ValidationError("routing.ground_required", field="ground")
    if inp.outcome == "forwarded" and not forward_to:
        raise ValidationError("routing.forward_to_required", field="forward_to")
    return subject, body, ground or forward_to, addressee, inp.outcome


@unit_of_work
def answer(
    db: Database, actor: Actor, doc_id: int, inp: AnswerInput, clock: Clock | None = None
) -> AnswerResult:
    """Register the reply as an outgoing document linked to the request; the executor's part
    is done; when every part is done the request is answered (or forwarded) and closed.
    A letter asking for a clarification instead stops the request's clock
    (awaiting_clarification) and leaves the parts open for the answer that follows."""
    require(actor, "answer")
    subject, body, ground, addressee, outcome = _validate_answer(inp)
    c, now = _now(clock)
    today = c.today()
    with _writing(db, doc_id) as s:
        doc = visible_document(s, actor, doc_id)
        _check_version(s, doc, inp.expected_version)
        if doc.kind != "incoming":
            raise ValidationError("routing.answer_incoming_only", field="document")
        if doc.status not in ("assigned", "in_progress"):
            raise ValidationError(
                "routing.not_assigned", field="document",
                status=label(STATUS_NAMES, doc.status, messages.current_language()),
            )  # fmt: skip
        mine = _my_assignment(s, actor, doc)
        if mine is None and not heads(actor, doc):
            raise PermissionDenied("routing.not_your_task")
        _lock_card(s, doc)
        corr = s.get(Correspondent, doc.correspondent_id) if doc.correspondent_id else None
        dept = s.get(Department, doc.department_id) if doc.department_id else None
        reply = register_in_session(
            s, actor,
            RegistrationInput(
                kind="outgoing", doc_type="letter", subject=subject, summary=body,
                correspondent_id=corr.id if corr else None,
                from_name="" if corr else (addressee or "—"),
                channel="post", department=dept.code if dept else "",
                confidential=doc.confidential, reg_date=today,
            ),
            c, authorised=True,
        )  # fmt: skip
        out = s.get(Document, reply.id)
        assert out is not None
        out.due_date = out.statutory_due_date = None  # a sent letter has no deadline
        link_in_session(s, actor, out, doc, "reply_to", now)
        # Asking the citizen for a clarification stops the clock (app.extensions) and leaves
        # every part open: the real answer follows when the citizen replies and the clock is
        # resumed. A document without a deadline has no clock to stop: its letter answers it.
        clarify = outcome == "clarification_requested" and doc.due_date is not None
        if clarify:
            check_transition(doc.status, "awaiting_clarification")
        parts = [] if clarify else [mine] if mine is not None else list(s.scalars(
            select(Assignment).where(Assignment.document_id == doc.id,
                                     Assignment.state.in_(ACTIVE))))  # fmt: skip
        for a in parts:
            a.state, a.done_at = "done", now
        s.flush()
        still_open = s.scalar(
            select(func.count(Assignment.id)).where(
                Assignment.document_id == doc.id, Assignment.state.in_(ACTIVE)
            )
        )
        changes = [Change("reply", "", reply.number)]
        closed = not still_open and not clarify
        if closed:
            changes.append(Change("outcome", doc.outcome or "", outcome))
            doc.outcome, doc.outcome_ground = outcome, ground
            _move(doc, "forwarded" if outcome == "forwarded" else "answered", changes)
            doc.closed_date = today
        record_document_change(s, doc, at=now, user_id=actor.user_id, action="answer",
                               changes=changes)  # fmt: skip
        if clarify:
            stop_in_session(s, actor, doc, today, reply.number, now)
        return AnswerResult(reply.id, reply.number, doc.status, closed)


@unit_of_work
def close(
    db: Database, actor: Actor, doc_id: int, note: str = "", clock: Clock | None = None,
    expected_version: int | None = None,
) -> DocumentState:  # fmt: skip
    """File the document: answered/forwarded → closed, or registered → closed (no answer needed)."""
    require(actor, "close")
    text = clean_text(note, "note", max_len=REASON_MAX)
    c, now = _now(clock)
    with _writing(db, doc_id) as s:
        doc = acting_document(s, actor, doc_id, "close")
        _check_version(s, doc, expected_version)
        if doc.outcome is None and not text:
            # filed without an answer (whatever the clock's state): say why, in the note
            raise ValidationError("close.reason_needed", field="note", number=doc.reg_number)
        changes: list[Change] = []
        _move(doc, "closed", changes)
        if doc.closed_date is None:
            doc.closed_date = c.today()
        if text:
            changes.append(Change("note", "", text))
        record_document_change(s, doc, at=now, user_id=actor.user_id, action="close",
                               changes=changes)  # fmt: skip
        return _state(s, doc)


@unit_of_work
def cancel(
    db: Database, actor: Actor, doc_id: int, reason: str, clock: Clock | None = None,
    expected_version: int | None = None,
) -> DocumentState:  # fmt: skip
    """Cancel a registration made in error; its number stays taken (never reused)."""
    require(actor, "cancel")
    why = clean_text(reason, "reason", max_len=REASON_MAX, required=True)
    _c, now = _now(clock)
    with _writing(db, doc_id) as s:
        doc = acting_document(s, actor, doc_id, "cancel")
        _check_version(s, doc, expected_version)
        changes: list[Change] = []
        _move(doc, "cancelled", changes)
        changes.append(Change("reason", "", why))
        for a in s.scalars(select(Assignment).where(Assignment.document_id == doc.id,
                                                    Assignment.state.in_(ACTIVE))):  # fmt: skip
            a.state, a.note, a.done_at = "withdrawn", why, now
        record_document_change(s, doc, at=now, user_id=actor.user_id, action="cancel",
                               changes=changes)  # fmt: skip
        return _state(s, doc)


# --- the reply letter --------------------------------------------------------------------


def reply_letter(db: Database, actor: Actor, outgoing_id: int, path: Path) -> Path:
    """The outgoing letter on the municipality's letterhead, as a PDF at *path*."""
    from app.documents import letterhead
    from app.lookups import office_settings

    require(actor, "view_registry")
    cfg = office_settings(db)
    with db.read() as s:
        out = visible_document(s, actor, outgoing_id)
        if out.kind != "outgoing":
            raise ValidationError("routing.letter_outgoing_only", field="document")
        corr = s.get(Correspondent, out.correspondent_id) if out.correspondent_id else None
        ex = s.get(User, out.created_by) if out.created_by else None
        req = s.execute(
            select(Document.reg_number, Document.reg_date, Document.outcome_ground)
            .join(DocumentLink, DocumentLink.to_id == Document.id)
            .where(DocumentLink.from_id == out.id, DocumentLink.link_type == "reply_to")
            .limit(1)
        ).first()
        in_reply = (
            f"თქვენი {long_date(req.reg_date)} წლის N {req.reg_number} განცხადების პასუხად"
            if req else ""
        )  # fmt: skip
        letter = ReplyLetter(
            letterhead=letterhead(db),
            number=out.reg_number,
            date_text=long_date(out.reg_date),
            addressee=corr.name if corr else "",
            addressee_address=(corr.address or "") if corr else "",
            in_reply_to=in_reply,
            subject=out.subject,
            body=tuple(p.strip() for p in out.summary.split("\n\n") if p.strip()),
            signer_title=cfg.get("office.signer_title", ""),
            signer_name=cfg.get("office.signer_name", ""),
            executor=ex.full_name if ex else "",
        )
    return render_reply_letter(letter, path)


def outcome_label(code: str | None) -> str:
    return label(OUTCOME_NAMES, code, messages.current_language()) if code else ""
