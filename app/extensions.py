"""Extensions of a due date and stop-the-clock (waiting for the citizen's clarification).

An extension moves ``due_date`` later, at most ``max_extension_days`` of the document
type past the *statutory* due date; a stop records how many days were left (working
days when the type counts working days, calendar days otherwise — months included) and
puts the document in ``awaiting_clarification``; resuming restores the previous status
and makes the due date the resume day plus the days that were left, moved off a
non-working day by the type's shift. Each step is a row of its own table and an audit
entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.access import acting_document, visible_document
from app.audit import Change, record, record_document_change
from app.auth import Actor, require
from app.calendar_sync import counted, ensure_years
from app.clock import Clock, SystemClock
from app.deadlines import DueDate, due_after
from app.errors import ValidationError
from app.refdata import STATUS_NAMES, label
from app.validation import clean_text, date_in_range, parse_date
from app.workdays import WorkCalendar, load_calendar
from app.workflow import OPEN_FOR_DEADLINE
from models.db import Database, unit_of_work
from models.tables import ClockStop, DeadlineExtension, Document, DocumentType, User

REASON_MAX = 2000
NOTE_MAX = 2000


@dataclass(frozen=True)
class ExtensionInfo:
    id: int
    document_id: int
    number: str
    old_due_date: dt.date
    new_due_date: dt.date
    statutory_due_date: dt.date | None
    limit_date: dt.date | None
    reason: str
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ClockStopInfo:
    id: int
    document_id: int
    number: str
    status: str  # the document's status now
    status_label: str
    stopped_on: dt.date
    previous_status: str
    count_unit: str  # calendar_days | working_days
    remaining_days: int
    due_date_at_stop: dt.date
    note: str
    stopped_by: str
    resumed_on: dt.date | None
    resumed_by: str
    due_date: dt.date | None  # the document's due date now
    due_explanation: str  # how the resumed due date was counted ("" while stopped)
    due_explanation_en: str


def clock_unit(deadline_unit: str) -> str:
    """Remaining days are counted in working days only for working-day rules."""
    return "working_days" if deadline_unit == "working_days" else "calendar_days"


def days_left(start: dt.date, due: dt.date, unit: str, cal: WorkCalendar) -> int:
    """Days from *start* to *due* in *unit* (negative when already overdue)."""
    if unit == "working_days":
        return cal.working_days_between(start, due)
    return (due - start).days


def extension_limit(statutory: dt.date, max_days: int) -> dt.date:
    return statutory + dt.timedelta(days=max_days)


def _require_open(doc: Document) -> None:
    if doc.status not in OPEN_FOR_DEADLINE:
        raise ValidationError(
            "document.not_open",
            field="document",
            number=doc.reg_number,
            status=label(STATUS_NAMES, doc.status),
        )


def _user_name(s: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    u = s.get(User, user_id)
    return u.full_name if u else ""


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def _required_date(value: dt.date | str | None, field: str) -> dt.date:
    day = parse_date(value, field)
    if day is None:
        raise ValidationError("field.required", field=field)
    return day


# --- extensions ---------------------------------------------------------------------


def _extension_info(
    s: Session, e: DeadlineExtension, doc: Document, max_days: int
) -> ExtensionInfo:
    base = doc.statutory_due_date
    return ExtensionInfo(
        id=e.id,
        document_id=doc.id,
        number=doc.reg_number,
        old_due_date=e.old_due_date,
        new_due_date=e.new_due_date,
        statutory_due_date=base,
        limit_date=extension_limit(base, max_days) if base else None,
        reason=e.reason,
        created_by=_user_name(s, e.created_by),
        created_at=e.created_at,
    )


@unit_of_work
def extend(
    db: Database,
    actor: Actor,
    doc_id: int,
    new_date: dt.date | str | None,
    reason: str,
    clock: Clock | None = None,
) -> ExtensionInfo:
    """Move the due date of an open document later, within the type's maximum."""
    require(actor, "extend_deadline")
    clock = clock or SystemClock()
    why = clean_text(reason, "reason", max_len=REASON_MAX, required=True, multiline=True)
    day = _required_date(new_date, "new_date")
    date_in_range(day, "new_date", clock.today(), allow_future=True)
    now = clock.now_utc()
    with db.write() as s:
        doc = acting_document(s, actor, doc_id, "extend_deadline")
        _require_open(doc)
        if doc.due_date is None:
            raise ValidationError("deadline.none", field="document", number=doc.reg_number)
        dtype = s.get(DocumentType, doc.doc_type_id)
        assert dtype is not None
        if dtype.max_extension_days <= 0:
            raise ValidationError("extension.not_allowed", field="new_date", doc_type=dtype.name)
        if day <= doc.due_date:
            raise ValidationError(
                "extension.not_later",
                field="new_date",
                got=day.isoformat(),
                due=doc.due_date.isoformat(),
            )
        base = doc.statutory_due_date or doc.due_date
        limit = extension_limit(base, dtype.max_extension_days)
        if day > limit:
            raise ValidationError(
                "extension.too_long",
                field="new_date",
                got=day.isoformat(),
                max=dtype.max_extension_days,
                statutory=base.isoformat(),
                limit=limit.isoformat(),
            )
        old = doc.due_date
        e = DeadlineExtension(
            document_id=doc.id,
            old_due_date=old,
            new_due_date=day,
            reason=why,
            created_by=actor.user_id,
            created_at=now,
        )
        s.add(e)
        doc.due_date = day
        record_document_change(
            s,
            doc,
            at=now,
            user_id=actor.user_id,
            action="extend",
            changes=[
                Change("due_date", old.isoformat(), day.isoformat()),
                Change("reason", "", why),
            ],
        )
        return _extension_info(s, e, doc, dtype.max_extension_days)


def list_extensions(db: Database, actor: Actor, doc_id: int) -> list[ExtensionInfo]:
    require(actor, "view_registry")
    with db.read() as s:
        doc = visible_document(s, actor, doc_id)
        dtype = s.get(DocumentType, doc.doc_type_id)
        assert dtype is not None
        rows = s.scalars(
            select(DeadlineExtension)
            .where(DeadlineExtension.document_id == doc_id)
            .order_by(DeadlineExtension.id)
        ).all()
        return [_extension_info(s, e, doc, dtype.max_extension_days) for e in rows]


@dataclass(frozen=True)
class ExtensionTerms:
    """What the extension form shows before the clerk picks a date."""

    document_id: int
    number: str
    status: str
    status_label: str
    due_date: dt.date | None
    statutory_due_date: dt.date | None
    max_extension_days: int
    limit_date: dt.date | None  # None: no deadline, or the type allows no extension


def extension_terms(db: Database, actor: Actor, doc_id: int) -> ExtensionTerms:
    require(actor, "view_registry")
    with db.read() as s:
        doc = visible_document(s, actor, doc_id)
        dtype = s.get(DocumentType, doc.doc_type_id)
        assert dtype is not None
        base = doc.statutory_due_date or doc.due_date
        allowed = base is not None and dtype.max_extension_days > 0
        return ExtensionTerms(
            document_id=doc.id,
            number=doc.reg_number,
            status=doc.status,
            status_label=label(STATUS_NAMES, doc.status, messages.current_language()),
            due_date=doc.due_date,
            statutory_due_date=doc.statutory_due_date,
            max_extension_days=dtype.max_extension_days,
            limit_date=extension_limit(base, dtype.max_extension_days)
            if allowed and base is not None
            else None,
        )


# --- stop-the-clock -----------------------------------------------------------------


def _stop_info(s: Session, st: ClockStop, doc: Document, why: DueDate | None) -> ClockStopInfo:
    return ClockStopInfo(
        id=st.id,
        document_id=doc.id,
        number=doc.reg_number,
        status=doc.status,
        status_label=label(STATUS_NAMES, doc.status, messages.current_language()),
        stopped_on=st.stopped_on,
        previous_status=st.previous_status,
        count_unit=st.count_unit,
        remaining_days=st.remaining_days,
        due_date_at_stop=st.due_date_at_stop,
        note=st.note,
        stopped_by=_user_name(s, st.stopped_by),
        resumed_on=st.resumed_on,
        resumed_by=_user_name(s, st.resumed_by),
        due_date=doc.due_date,
        due_explanation=why.explanation_ka if why else "",
        due_explanation_en=why.explanation_en if why else "",
    )


def open_stop(s: Session, doc_id: int) -> ClockStop | None:
    return s.scalar(
        select(ClockStop)
        .where(ClockStop.document_id == doc_id, ClockStop.resumed_on.is_(None))
        .order_by(ClockStop.id.desc())
        .limit(1)
    )


@unit_of_work
def stop_clock(
    db: Database,
    actor: Actor,
    doc_id: int,
    on_date: dt.date | str | None,
    note: str = "",
    clock: Clock | None = None,
) -> ClockStopInfo:
    """Suspend the deadline from *on_date* (default today) while waiting for the citizen."""
    require(actor, "stop_clock")
    clock = clock or SystemClock()
    text = clean_text(note, "note", max_len=NOTE_MAX, multiline=True)
    day = parse_date(on_date, "on_date") or clock.today()
    date_in_range(day, "on_date", clock.today())
    now = clock.now_utc()
    with db.write() as s:
        doc = acting_document(s, actor, doc_id, "stop_clock")
        st = stop_in_session(s, actor, doc, day, text, now)
        return _stop_info(s, st, doc, None)


def stop_in_session(
    s: Session, actor: Actor, doc: Document, day: dt.date, text: str, now: dt.datetime
) -> ClockStop:
    """Stop *doc*'s clock from *day* inside the caller's transaction (the answer asking the
    citizen for a clarification uses it too); *text* is already cleaned."""
    _require_open(doc)
    if doc.due_date is None:
        raise ValidationError("deadline.none", field="document", number=doc.reg_number)
    if day < doc.reg_date:
        raise ValidationError(
            "date.before_registration",
            field="on_date",
            got=day.isoformat(),
            lo=doc.reg_date.isoformat(),
        )
    dtype = s.get(DocumentType, doc.doc_type_id)
    assert dtype is not None
    ends = [day, doc.due_date, *([doc.statutory_due_date] if doc.statutory_due_date else [])]
    ensure_years(s, min(ends).year, max(ends).year + 1, now=now)  # the days left are counted
    cal = load_calendar(s)
    unit = clock_unit(dtype.deadline_unit)
    left = days_left(day, doc.due_date, unit, cal)
    stat_left = (
        days_left(day, doc.statutory_due_date, unit, cal) if doc.statutory_due_date else None
    )
    st = ClockStop(
        document_id=doc.id,
        stopped_on=day,
        previous_status=doc.status,
        count_unit=unit,
        remaining_days=left,
        statutory_remaining_days=stat_left,
        due_date_at_stop=doc.due_date,
        note=text,
        stopped_by=actor.user_id,
        stopped_at=now,
    )
    s.add(st)
    old_status = doc.status
    doc.status = "awaiting_clarification"
    record_document_change(
        s,
        doc,
        at=now,
        user_id=actor.user_id,
        action="stop_clock",
        changes=[
            Change("status", old_status, doc.status),
            Change("remaining_days", "", f"{left} {unit}"),
            Change("note", "", text),
        ],
    )
    return st


@unit_of_work
def resume_clock(
    db: Database,
    actor: Actor,
    doc_id: int,
    on_date: dt.date | str | None,
    clock: Clock | None = None,
) -> ClockStopInfo:
    """Restart the deadline on *on_date* (default today) for the days that were left."""
    require(actor, "stop_clock")
    clock = clock or SystemClock()
    day = parse_date(on_date, "on_date") or clock.today()
    date_in_range(day, "on_date", clock.today())
    now = clock.now_utc()
    with db.write() as s:
        doc = acting_document(s, actor, doc_id, "stop_clock")
        st = open_stop(s, doc.id) if doc.status == "awaiting_clarification" else None
        if st is None:
            raise ValidationError("clock.not_stopped", field="document", number=doc.reg_number)
        if day < st.stopped_on:
            raise ValidationError(
                "date.before_stop",
                field="on_date",
                got=day.isoformat(),
                lo=st.stopped_on.isoformat(),
            )
        dtype = s.get(DocumentType, doc.doc_type_id)
        assert dtype is not None
        unit, shift = st.count_unit, dtype.nonworking_shift

        def resumed(days: int) -> DueDate:
            # over a calendar that has every year the remaining days reach
            return counted(s, day, lambda cal: due_after(day, days, unit, shift, cal), now=now)

        why = resumed(st.remaining_days)
        new_stat = doc.statutory_due_date
        if st.statutory_remaining_days is not None:
            new_stat = resumed(st.statutory_remaining_days).due
        changes = [
            Change("status", doc.status, st.previous_status),
            Change("due_date", _iso(doc.due_date), _iso(why.due)),
        ]
        if new_stat != doc.statutory_due_date:
            changes.append(
                Change("statutory_due_date", _iso(doc.statutory_due_date), _iso(new_stat))
            )
        doc.status = st.previous_status
        doc.due_date = why.due
        doc.statutory_due_date = new_stat
        doc.updated_by = actor.user_id
        doc.updated_at = now
        st.resumed_on = day
        st.resumed_due_date = why.due
        st.resumed_by = actor.user_id
        st.resumed_at = now
        s.flush()
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="resume_clock",
            entity="document",
            entity_id=doc.id,
            changes=changes,
        )
        return _stop_info(s, st, doc, why)


def clock_history(db: Database, actor: Actor, doc_id: int) -> list[ClockStopInfo]:
    """Every stop of the document's clock, oldest first."""
    require(actor, "view_registry")
    with db.read() as s:
        doc = visible_document(s, actor, doc_id)
        rows = s.scalars(
            select(ClockStop).where(ClockStop.document_id == doc_id).order_by(ClockStop.id)
        ).all()
        return [_stop_info(s, st, doc, None) for st in rows]
