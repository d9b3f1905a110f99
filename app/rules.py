"""Rules the administrator edits: numbering templates, deadline rules, the holiday calendar.

A calendar change recomputes the due dates of open documents it affects (each change
audited); editing a template keeps its counter unless a restart is asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, select, true
from sqlalchemy.orm import Session

from app import messages, numbering
from app.audit import Change, record
from app.auth import Actor, require
from app.calendar_sync import Cause, DueDateChange, ensure_years, recompute_due_dates
from app.clock import Clock, SystemClock
from app.deadlines import SHIFTS
from app.errors import NotFound, StaleRecord, ValidationError
from app.refdata import KIND_NAMES, label
from app.validation import clean_text, date_in_range, one_of, parse_date
from app.workdays import YEARS_AHEAD, YEARS_BACK, WorkCalendar, load_calendar
from models.db import Database, unit_of_work
from models.tables import (
    DEADLINE_UNITS,
    DOC_KINDS,
    AuditEntry,
    Department,
    Document,
    DocumentType,
    Holiday,
    NumberCounter,
    NumberTemplate,
    User,
)

PATTERN_MAX = 100  # number_templates.pattern
COUNT_MAX = 3650
# How many future numbers of a template are compared with other templates' numbers.
COLLISION_SAMPLE = 1000


# --- numbering templates ------------------------------------------------------------


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    kind: str
    kind_label: str
    department_code: str  # "" for the kind's general template
    department_name: str
    pattern: str
    counter_scope: str
    version: int
    next_number: str  # what the next registration today would get (not reserved)


def _pattern_error(err: ValidationError) -> ValidationError:
    params = {k: v for k, v in err.params.items() if k != "field"}
    return ValidationError(err.key, field="pattern", **params)


def _clean_pattern(pattern: str) -> str:
    text = clean_text(pattern, "pattern", max_len=PATTERN_MAX, required=True)
    try:
        numbering.check_pattern(text)
    except ValidationError as err:
        raise _pattern_error(err) from None
    return text


def preview(pattern: str, kind: str, dept_code: str | None, date: dt.date, seq: int = 1) -> str:
    """The number *pattern* would give the *seq*-th document of *date*'s year.

    Raises ValidationError (field ``pattern``) for a template that cannot be saved.
    """
    one_of(kind, "kind", DOC_KINDS, "kind.unknown")
    text = _clean_pattern(pattern)
    return numbering.render(
        text, numbering.NumberParts(seq=seq, year=date.year, dept=dept_code or "", kind=kind)
    )


def _template_info(s: Session, t: NumberTemplate, today: dt.date) -> TemplateInfo:
    dept = s.get(Department, t.department_id) if t.department_id is not None else None
    code = dept.code if dept else ""
    nxt = numbering.peek(s, t.counter_scope, today.year)
    return TemplateInfo(
        id=t.id,
        kind=t.kind,
        kind_label=label(KIND_NAMES, t.kind, messages.current_language()),
        department_code=code,
        department_name=dept.name if dept else "",
        pattern=t.pattern,
        counter_scope=t.counter_scope,
        version=t.version,
        next_number=numbering.render(
            t.pattern, numbering.NumberParts(seq=nxt, year=today.year, dept=code, kind=t.kind)
        ),
    )


def list_templates(db: Database, actor: Actor, clock: Clock | None = None) -> list[TemplateInfo]:
    """Every template, general ones first, with the next number each would give today."""
    require(actor, "view_registry")
    today = (clock or SystemClock()).today()
    with db.read() as s:
        rows = s.scalars(
            select(NumberTemplate).order_by(
                NumberTemplate.kind,
                # general templates first; a CASE, since T-SQL cannot sort by a predicate
                case((NumberTemplate.department_id.is_(None), 0), else_=1),
                NumberTemplate.department_id,
            )
        ).all()
        return [_template_info(s, t, today) for t in rows]


def _new_scope(s: Session, kind: str, dept_code: str) -> str:
    """A counter scope never used before: ``kind:dept:n`` with the next free *n*."""
    prefix = f"{kind}:{dept_code or '*'}:"
    used = set(
        s.scalars(
            select(NumberCounter.scope).where(
                NumberCounter.scope.startswith(prefix, autoescape=True)
            )
        )
    )
    used |= set(
        s.scalars(
            select(NumberTemplate.counter_scope).where(
                NumberTemplate.counter_scope.startswith(prefix, autoescape=True)
            )
        )
    )
    taken = [int(x[len(prefix) :]) for x in used if x[len(prefix) :].isdigit()]
    return f"{prefix}{max(taken, default=0) + 1}"


def _dept_code(s: Session, dept_id: int | None) -> str:
    if dept_id is None:
        return ""
    d = s.get(Department, dept_id)
    return d.code if d else ""


def _check_collisions(
    s: Session, pattern: str, scope: str, kind: str, dept_code: str, today: dt.date
) -> None:
    """Refuse a template whose numbers another template, or an existing document, has.

    Compares the first ``COLLISION_SAMPLE`` numbers of every other counter (a set
    intersection: equal shapes collide at once, "A{seq}" and "A1{seq}" at A15), and
    looks up the next hundred numbers this scope will issue this year and last year
    among the documents other scopes already numbered.
    """

    def render(p: str, seq: int, year: int, dept: str, k: str) -> str:
        return numbering.render(p, numbering.NumberParts(seq=seq, year=year, dept=dept, kind=k))

    year = today.year
    ours = {render(pattern, n, year, dept_code, kind) for n in range(1, COLLISION_SAMPLE + 1)}
    others = s.scalars(select(NumberTemplate).where(NumberTemplate.counter_scope != scope)).all()
    for other in others:
        code = _dept_code(s, other.department_id)
        for n in range(1, COLLISION_SAMPLE + 1):
            number = render(other.pattern, n, year, code, other.kind)
            if number in ours:
                raise ValidationError(
                    "number.template_collides", field="pattern", pattern=pattern, number=number
                )
    wanted: list[str] = []
    for y in (year, year - 1):
        start = numbering.peek(s, scope, y)
        wanted += [render(pattern, n, y, dept_code, kind) for n in range(start, start + 100)]
    clash = s.scalar(
        select(Document.reg_number)
        .where(Document.reg_number.in_(wanted), Document.counter_scope != scope)
        .limit(1)
    )
    if clash is not None:
        raise ValidationError(
            "number.template_collides", field="pattern", pattern=pattern, number=clash
        )


def stale_error(
    s: Session, entity: str, entity_id: int, fallback: dt.datetime | None
) -> StaleRecord:
    """'Changed by X at T' from the last audit entry of the record."""
    last = s.execute(
        select(AuditEntry.user_id, AuditEntry.at)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    who = "სხვა მომხმარებელი"
    when = fallback
    if last is not None:
        user = s.get(User, last.user_id) if last.user_id is not None else None
        who = user.full_name if user else who
        when = last.at
    shown = (
        when.replace(tzinfo=dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=4))) if when else None
    )
    return StaleRecord(
        "stale.changed_by", who=who, when=shown.strftime("%Y-%m-%d %H:%M") if shown else "?"
    )


@unit_of_work
def save_template(
    db: Database,
    actor: Actor,
    kind: str,
    pattern: str,
    dept_code: str | None = None,
    *,
    restart: bool = False,
    expected_version: int | None = None,
    clock: Clock | None = None,
) -> TemplateInfo:
    """Create or change the template of *kind* (and *dept_code*, if given).

    The sequence continues unless *restart* is true, which gives the template a new
    counter scope (the next number is 1). A pattern that could repeat a number is
    refused with a message naming the field ``pattern``; *expected_version* (the version
    the form loaded) turns a concurrent edit into StaleRecord.
    """
    require(actor, "edit_templates")
    clock = clock or SystemClock()
    one_of(kind, "kind", DOC_KINDS, "kind.unknown")
    text = _clean_pattern(pattern)
    code = clean_text(dept_code, "department", max_len=20)
    today, now = clock.today(), clock.now_utc()
    with db.write() as s:
        dept = None
        if code:
            dept = s.scalar(select(Department).where(Department.code == code))
            if dept is None:
                raise ValidationError("department.unknown", field="department", got=code)
        dept_id = dept.id if dept else None
        t = s.scalar(
            select(NumberTemplate).where(
                NumberTemplate.kind == kind,
                NumberTemplate.department_id == dept_id
                if dept_id is not None
                else NumberTemplate.department_id.is_(None),
            )
        )
        if t is not None and expected_version is not None and t.version != expected_version:
            raise stale_error(s, "number_template", t.id, None)
        old_pattern = t.pattern if t else ""
        old_scope = t.counter_scope if t else ""
        scope = _new_scope(s, kind, code) if t is None or restart else t.counter_scope
        if t is not None and text == old_pattern and scope == old_scope:
            return _template_info(s, t, today)
        _check_collisions(s, text, scope, kind, code, today)
        if t is None:
            t = NumberTemplate(kind=kind, department_id=dept_id, pattern=text, counter_scope=scope)
            s.add(t)
            action = "template_create"
        else:
            t.pattern = text
            t.counter_scope = scope
            action = "template_restart" if restart else "template_edit"
        s.flush()
        changes = []
        if text != old_pattern:
            changes.append(Change("pattern", old_pattern, text))
        if scope != old_scope:
            changes.append(Change("counter_scope", old_scope, scope))
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action=action,
            entity="number_template",
            entity_id=t.id,
            changes=changes,
        )
        return _template_info(s, t, today)


@unit_of_work
def delete_template(
    db: Database, actor: Actor, template_id: int, clock: Clock | None = None
) -> None:
    """Remove a department's own template (its documents then use the kind's general one)."""
    require(actor, "edit_templates")
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        t = s.get(NumberTemplate, template_id)
        if t is None:
            raise NotFound("template.unknown", field="template", got=template_id)
        if t.department_id is None:
            raise ValidationError("template.general_required", field="template")
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="template_delete",
            entity="number_template",
            entity_id=t.id,
            changes=[
                Change("pattern", t.pattern, ""),
                Change("counter_scope", t.counter_scope, ""),
            ],
        )
        s.delete(t)


# --- deadline rules -----------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineRuleInfo:
    code: str
    name: str
    name_en: str
    count: int
    unit: str
    shift: str
    legal_ref: str
    max_extension_days: int
    active: bool


def _rule_info(t: DocumentType) -> DeadlineRuleInfo:
    return DeadlineRuleInfo(
        code=t.code,
        name=t.name,
        name_en=t.name_en,
        count=t.deadline_count,
        unit=t.deadline_unit,
        shift=t.nonworking_shift,
        legal_ref=t.legal_ref,
        max_extension_days=t.max_extension_days,
        active=t.active,
    )


def list_deadline_rules(db: Database, actor: Actor) -> list[DeadlineRuleInfo]:
    require(actor, "view_registry")
    with db.read() as s:
        return [_rule_info(t) for t in s.scalars(select(DocumentType).order_by(DocumentType.id))]


def whole_number(value: int | str, field: str, *, lo: int = 0, hi: int = COUNT_MAX) -> int:
    """An integer in [lo, hi] from a spin box or a typed string; errors name the field."""
    if isinstance(value, bool):
        raise ValidationError("field.not_integer", field=field, got=str(value))
    try:
        n = int(str(value).strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        raise ValidationError("field.not_integer", field=field, got=str(value)[:20]) from None
    if n < lo:
        raise ValidationError("field.negative", field=field, got=n)
    if n > hi:
        raise ValidationError("field.too_large", field=field, got=n, max=hi)
    return n


@unit_of_work
def update_deadline_rule(
    db: Database,
    actor: Actor,
    code: str,
    *,
    count: int | str,
    unit: str,
    shift: str,
    legal_ref: str,
    max_extension_days: int | str,
    clock: Clock | None = None,
) -> DeadlineRuleInfo:
    """Change the deadline rule of a document type (applies to new registrations)."""
    require(actor, "edit_deadline_rules")
    n = whole_number(count, "deadline_count")
    unit = one_of(unit, "deadline_unit", DEADLINE_UNITS, "field.unknown_choice")
    shift = one_of(shift, "nonworking_shift", SHIFTS, "field.unknown_choice")
    ref = clean_text(legal_ref, "legal_ref", max_len=200)
    ext = whole_number(max_extension_days, "max_extension_days")
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        t = s.scalar(select(DocumentType).where(DocumentType.code == code))
        if t is None:
            allowed = ", ".join(s.scalars(select(DocumentType.code)))
            raise NotFound("doc_type.unknown", field="doc_type", got=code, allowed=allowed)
        new = {
            "deadline_count": n,
            "deadline_unit": unit,
            "nonworking_shift": shift,
            "legal_ref": ref,
            "max_extension_days": ext,
        }
        changes = [
            Change(name, str(getattr(t, name)), str(value))
            for name, value in new.items()
            if getattr(t, name) != value
        ]
        if changes:
            for name, value in new.items():
                setattr(t, name, value)
            s.flush()
            record(
                s,
                at=now,
                user_id=actor.user_id,
                action="edit_deadline_rule",
                entity="document_type",
                entity_id=t.id,
                changes=changes,
            )
        return _rule_info(t)


# --- holiday calendar and due-date recomputation -------------------------------------


@dataclass(frozen=True)
class HolidayInfo:
    day: dt.date
    name: str
    day_off: bool
    source: str  # package | decree
    decree_ref: str = ""  # the Government decree that declared a decree day


@dataclass(frozen=True)
class CalendarChange:
    day: dt.date
    name: str
    day_off: bool
    recomputed: tuple[DueDateChange, ...]
    decree_ref: str = ""


def list_holidays(
    db: Database, actor: Actor, year: int, *, include_removed: bool = False
) -> list[HolidayInfo]:
    """The year's days off (and, with *include_removed*, package days an admin cancelled)."""
    require(actor, "view_registry")
    if not dt.MINYEAR <= year <= dt.MAXYEAR:  # no such calendar year: no days off
        return []
    cond = [Holiday.day >= dt.date(year, 1, 1), Holiday.day <= dt.date(year, 12, 31)]
    if not include_removed:
        cond.append(Holiday.day_off == true())  # T-SQL: day_off = 1 (never IS 1)
    with db.read() as s:
        rows = s.scalars(select(Holiday).where(*cond).order_by(Holiday.day)).all()
        return [HolidayInfo(h.day, h.name, h.day_off, h.source, h.decree_ref) for h in rows]


def _calendar_day(value: dt.date | str | None, today: dt.date) -> dt.date:
    day = parse_date(value, "day")
    if day is None:
        raise ValidationError("field.required", field="day")
    date_in_range(day, "day", today, allow_future=True)
    return day


def _around(s: Session, day: dt.date, now: dt.datetime) -> None:
    """The package's holidays of *day*'s year and its neighbours, before a calendar
    change around *day* is counted against them (seeding moves due dates on its own)."""
    ensure_years(s, day.year - 1, day.year + 1, now=now)


@unit_of_work
def add_day_off(
    db: Database,
    actor: Actor,
    day: dt.date | str | None,
    name: str,
    clock: Clock | None = None,
    *,
    decree: str = "",
) -> CalendarChange:
    """Declare *day* a day off (a Government decree: *decree* is its reference, e.g.
    "მთავრობის განკარგულება №2385, 28.12.2028") and move the open due dates it affects,
    each with a History entry naming the day and the decree (app.calendar_sync)."""
    require(actor, "edit_calendar")
    clock = clock or SystemClock()
    d = _calendar_day(day, clock.today())
    title = clean_text(name, "holiday_name", max_len=200, required=True)
    ref = clean_text(decree, "decree_ref", max_len=200)
    now = clock.now_utc()
    with db.write() as s:
        _around(s, d, now)
        old_cal = load_calendar(s)
        h = s.scalar(select(Holiday).where(Holiday.day == d))
        if h is not None and h.day_off:
            raise ValidationError("holiday.exists", field="day", day=d.isoformat(), name=h.name)
        old_name, old_ref = (h.name, h.decree_ref) if h else ("", "")
        if h is None:
            h = Holiday(day=d, name=title, day_off=True, source="decree", decree_ref=ref)
            s.add(h)
        else:
            h.name = title
            h.day_off = True
            h.decree_ref = ref
        s.flush()
        changes = [Change("day_off", d.isoformat(), "true"), Change("name", old_name, title)]
        if ref != old_ref:
            changes.append(Change("decree_ref", old_ref, ref))
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="add_day_off",
            entity="holiday",
            entity_id=h.id,
            changes=changes,
        )
        new_cal = WorkCalendar({**old_cal.days_off, d: title})
        moved = recompute_due_dates(
            s,
            user_id=actor.user_id,
            now=now,
            old_cal=old_cal,
            new_cal=new_cal,
            first=d,
            last=d,
            cause=Cause("day_off_added", day=d, name=title, decree=ref),
        )
        return CalendarChange(d, title, True, tuple(moved), ref)


@unit_of_work
def remove_day_off(
    db: Database, actor: Actor, day: dt.date | str | None, clock: Clock | None = None
) -> CalendarChange:
    """Make *day* a working day again and move the open due dates it affects back, each
    with a History entry (app.calendar_sync; dates set by hand are not pulled earlier).

    A package-seeded day is kept with ``day_off = false`` so re-seeding does not bring
    it back; a decree day is deleted.
    """
    require(actor, "edit_calendar")
    clock = clock or SystemClock()
    d = _calendar_day(day, clock.today())
    now = clock.now_utc()
    with db.write() as s:
        _around(s, d, now)
        old_cal = load_calendar(s)
        h = s.scalar(select(Holiday).where(Holiday.day == d))
        if h is None or not h.day_off:
            raise ValidationError("holiday.not_off", field="day", day=d.isoformat())
        name, ref = h.name, h.decree_ref
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="remove_day_off",
            entity="holiday",
            entity_id=h.id,
            changes=[
                Change("day_off", d.isoformat(), "false"),
                Change("name", name, ""),
                *([Change("decree_ref", ref, "")] if ref else []),
            ],
        )
        if h.source == "package":
            h.day_off = False
            h.decree_ref = ""
        else:
            s.delete(h)
        s.flush()
        days = dict(old_cal.days_off)
        days.pop(d, None)
        moved = recompute_due_dates(
            s,
            user_id=actor.user_id,
            now=now,
            old_cal=old_cal,
            new_cal=WorkCalendar(days),
            first=d,
            last=d,
            cause=Cause("day_off_removed", day=d, name=name, decree=ref),
        )
        return CalendarChange(d, name, False, tuple(moved), ref)


def ensure_calendar_years(session: Session, today: dt.date, now: dt.datetime | None = None) -> int:
    """Seed the holiday table for any missing day of the window around *today* (five
    years back, two ahead) and move the open due dates the new days change.

    Called at start-up (:func:`app.setup.prepare`); every use case that counts a due
    date also ensures the years it touches (:func:`app.calendar_sync.counted`). Days an
    administrator edited are kept. Returns the number of days added.
    """
    return ensure_years(
        session,
        today.year - YEARS_BACK,
        today.year + YEARS_AHEAD,
        now=now or SystemClock().now_utc(),
    ).days_added
