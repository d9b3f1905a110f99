"""Register a document: validate everything first, then one transaction.

The number is drawn inside the same transaction that inserts the document, so a number
shown to the clerk is a number that exists, and a failed save leaves no gap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import numbering, search
from app.audit import Change, record
from app.auth import Actor, require
from app.calendar_sync import due_counted
from app.clock import Clock, SystemClock
from app.deadlines import DeadlineRule, DueDate, compute_due
from app.errors import NotFound, ValidationError
from app.text import skeleton
from app.validation import clean_text, date_in_range, digits_id, email, one_of, parse_date
from app.workdays import load_calendar
from models.db import Database, unit_of_work
from models.tables import (
    CHANNELS,
    DOC_KINDS,
    Correspondent,
    Department,
    Document,
    DocumentType,
    NumberTemplate,
)

SUBJECT_MAX = 500
SUMMARY_MAX = 20_000
NAME_MAX = 300


@dataclass(frozen=True)
class RegistrationInput:
    """What the clerk typed (the form and the CLI both build one of these)."""

    kind: str
    doc_type: str
    subject: str
    from_name: str = ""
    correspondent_id: int | None = None
    personal_id: str = ""
    org_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    reg_date: dt.date | str | None = None
    sender_number: str = ""
    sender_date: dt.date | str | None = None
    channel: str = "in_person"
    summary: str = ""
    sheets: int | str = 1
    confidential: bool = False
    department: str = ""


@dataclass(frozen=True)
class RegisteredDocument:
    id: int
    kind: str
    number: str
    reg_date: dt.date
    due_date: dt.date | None
    due_explanation: str
    due_explanation_en: str
    correspondent_id: int | None
    doc_type: str
    subject: str


@dataclass(frozen=True)
class _Clean:
    kind: str
    doc_type: str
    subject: str
    summary: str
    from_name: str
    correspondent_id: int | None
    personal_id: str | None
    org_code: str | None
    address: str
    phone: str
    email: str
    reg_date: dt.date
    sender_number: str
    sender_date: dt.date | None
    channel: str
    sheets: int
    confidential: bool
    department: str


def _validate(inp: RegistrationInput, today: dt.date) -> _Clean:
    kind = one_of(inp.kind, "kind", DOC_KINDS, "kind.unknown")
    subject = clean_text(inp.subject, "subject", max_len=SUBJECT_MAX, required=True)
    summary = clean_text(inp.summary, "summary", max_len=SUMMARY_MAX, multiline=True)
    from_name = clean_text(
        inp.from_name,
        "from_name",
        max_len=NAME_MAX,
        required=inp.correspondent_id is None and kind == "incoming",
    )
    personal_id = digits_id(inp.personal_id, "personal_id", 11)
    org_code = digits_id(inp.org_code, "org_code", 9)
    reg_date = parse_date(inp.reg_date, "reg_date") or today
    date_in_range(reg_date, "reg_date", today)
    sender_date = parse_date(inp.sender_date, "sender_date")
    if sender_date is not None:
        date_in_range(sender_date, "sender_date", today)
    channel = one_of(inp.channel, "channel", CHANNELS, "channel.unknown")
    try:
        sheets = int(inp.sheets)
    except (TypeError, ValueError):
        raise ValidationError("sheets.invalid", field="sheets", got=str(inp.sheets)[:20]) from None
    if not 0 <= sheets <= 10_000:
        raise ValidationError("sheets.invalid", field="sheets", got=sheets)
    return _Clean(
        kind=kind,
        doc_type=clean_text(inp.doc_type, "doc_type", max_len=30, required=True),
        subject=subject,
        summary=summary,
        from_name=from_name,
        correspondent_id=inp.correspondent_id,
        personal_id=personal_id,
        org_code=org_code,
        address=clean_text(inp.address, "address", max_len=400),
        phone=clean_text(inp.phone, "phone", max_len=40),
        email=email(inp.email),
        reg_date=reg_date,
        sender_number=clean_text(inp.sender_number, "sender_number", max_len=60),
        sender_date=sender_date,
        channel=channel,
        sheets=sheets,
        confidential=bool(inp.confidential),
        department=clean_text(inp.department, "department", max_len=20),
    )


def _correspondent(s: Session, c: _Clean, now: dt.datetime) -> Correspondent | None:
    if c.correspondent_id is not None:
        found = s.get(Correspondent, c.correspondent_id)
        if found is None:
            raise NotFound("correspondent.unknown", field="correspondent", got=c.correspondent_id)
        return found
    if c.personal_id:
        found = s.scalar(select(Correspondent).where(Correspondent.personal_id == c.personal_id))
        if found is not None:
            return found
    if c.org_code:
        found = s.scalar(select(Correspondent).where(Correspondent.org_code == c.org_code))
        if found is not None:
            return found
    if not c.from_name:
        return None
    new = Correspondent(
        kind="organisation" if c.org_code else "person",
        name=c.from_name,
        name_skeleton=skeleton(c.from_name)[:300],
        personal_id=c.personal_id,
        org_code=c.org_code,
        address=c.address,
        phone=c.phone,
        email=c.email,
        created_at=now,
        updated_at=now,
    )
    s.add(new)
    s.flush()
    search.index_correspondents(s, [(new.id, new.name)])
    return new


def template_for(s: Session, kind: str, department_id: int | None) -> NumberTemplate | None:
    """The department's own template if it has one, else the kind's general one."""
    if department_id is not None:
        own = s.scalar(
            select(NumberTemplate).where(
                NumberTemplate.kind == kind, NumberTemplate.department_id == department_id
            )
        )
        if own is not None:
            return own
    return s.scalar(
        select(NumberTemplate).where(
            NumberTemplate.kind == kind, NumberTemplate.department_id.is_(None)
        )
    )


def deadline_rule(dtype: DocumentType) -> DeadlineRule:
    return DeadlineRule(
        dtype.deadline_count, dtype.deadline_unit, dtype.nonworking_shift, dtype.legal_ref
    )


def due_for(s: Session, dtype: DocumentType, start: dt.date) -> DueDate:
    """The due date over the calendar as it is (a read: the card's explanation). Counting
    one to store goes through :func:`app.calendar_sync.due_counted`, which first gives
    the calendar the years the count touches."""
    return compute_due(start, deadline_rule(dtype), load_calendar(s))


def register_in_session(
    s: Session, actor: Actor, inp: RegistrationInput, clock: Clock, authorised: bool = False
) -> RegisteredDocument:
    """The use case inside a caller's transaction (the demo generator batches many).

    *authorised*: the caller already checked a permission that includes registering this
    document (an executor's answer registers its reply letter).
    """
    if not authorised:
        require(actor, "register")
    c = _validate(inp, clock.today())
    now = clock.now_utc()

    dtype = s.scalar(select(DocumentType).where(DocumentType.code == c.doc_type))
    if dtype is None or not dtype.active:
        allowed = list(s.scalars(select(DocumentType.code).where(DocumentType.active)))
        raise ValidationError(
            "doc_type.unknown", field="doc_type", got=c.doc_type, allowed=", ".join(allowed)
        )
    dept: Department | None = None
    if c.department:
        dept = s.scalar(select(Department).where(Department.code == c.department))
        if dept is None:
            raise ValidationError("department.unknown", field="department", got=c.department)
    template = template_for(s, c.kind, dept.id if dept else None)
    if template is None:
        raise ValidationError("number.template_missing", field="kind", kind=c.kind)

    corr = _correspondent(s, c, now)
    due = due_counted(s, c.reg_date, deadline_rule(dtype), now=now, user_id=None)

    year = c.reg_date.year
    seq = numbering.next_seq(s, template.counter_scope, year)
    number = numbering.render(
        template.pattern,
        numbering.NumberParts(seq=seq, year=year, dept=dept.code if dept else "", kind=c.kind),
    )
    doc = Document(
        kind=c.kind,
        reg_number=number,
        seq=seq,
        seq_year=year,
        counter_scope=template.counter_scope,
        reg_date=c.reg_date,
        sender_number=c.sender_number,
        sender_date=c.sender_date,
        correspondent_id=corr.id if corr else None,
        doc_type_id=dtype.id,
        channel=c.channel,
        subject=c.subject,
        summary=c.summary,
        sheets=c.sheets,
        confidential=c.confidential,
        status="registered",
        due_date=due.due,
        statutory_due_date=due.due,
        department_id=dept.id if dept else None,
        created_by=actor.user_id,
        created_at=now,
        updated_by=actor.user_id,
        updated_at=now,
    )
    s.add(doc)
    s.flush()
    search.index_documents(s, [(doc.id, doc.subject, doc.summary)])
    record(
        s,
        at=now,
        user_id=actor.user_id,
        action="register",
        entity="document",
        entity_id=doc.id,
        changes=[Change("reg_number", "", number)],
    )
    return RegisteredDocument(
        id=doc.id,
        kind=doc.kind,
        number=number,
        reg_date=c.reg_date,
        due_date=due.due,
        due_explanation=due.explanation_ka,
        due_explanation_en=due.explanation_en,
        correspondent_id=doc.correspondent_id,
        doc_type=dtype.code,
        subject=c.subject,
    )


@unit_of_work
def register(
    db: Database, actor: Actor, inp: RegistrationInput, clock: Clock | None = None
) -> RegisteredDocument:
    """Register one document in its own transaction."""
    with db.write() as s:
        return register_in_session(s, actor, inp, clock or SystemClock())
