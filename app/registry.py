"""The registry list: count, a page of rows, sorting and filtering in SQL.

The GUI model asks for the count once and then for screenfuls of rows by position;
nothing here ever loads the whole registry into Python. Every sort key and every filter
is backed by an index that starts with ``kind`` (see ``Document.__table_args__``).

Filters saved by a user live in the settings table under ``filters.<user_id>`` (JSON);
relative filters (overdue, due within N working days) are saved as such and resolved
against the day the list is opened.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from app.access import visible_condition
from app.audit import Change, record
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.errors import NotFound, ValidationError
from app.refdata import STATUS_NAMES, label
from app.validation import clean_text, one_of
from app.workdays import load_calendar
from models.db import Database, unit_of_work
from models.tables import (
    CHANNELS,
    DOC_KINDS,
    DOC_STATUSES,
    Correspondent,
    Department,
    Document,
    DocumentType,
    Setting,
    User,
)

# Sort keys the GUI may ask for, each backed by an index that starts with ``kind``.
SORT_COLUMNS = {
    "reg_date": (Document.reg_date, Document.id),
    "due_date": (Document.due_date, Document.id),
    "status": (Document.status, Document.due_date, Document.id),
    "number": (Document.seq_year, Document.seq, Document.id),
}
OPEN_STATUSES = ("registered", "assigned", "in_progress", "awaiting_clarification")
# The same codes written into the SQL, as a hand-written query would: they are our own
# constants (no user text), and an inline list costs nothing to bind on every execution.
_OPEN_SQL: tuple[ColumnElement[str], ...] = tuple(
    literal_column(f"'{code}'") for code in OPEN_STATUSES
)
FILTER_NAME_MAX = 60
FILTERS_PER_USER_MAX = 50


@dataclass(frozen=True)
class RegistryQuery:
    """What the registry list shows. Every filter is optional and they all combine (AND).

    Absolute filters go straight into SQL. The relative ones — ``overdue`` and
    ``due_within_days`` — are turned into dates by :func:`resolve` against ``today``
    (the clock's day when None) and the office calendar. ``viewer`` applies the
    confidentiality rule of :func:`visible_condition`; None means unrestricted (system
    use: reports, the bench), so the GUI always sets it.
    """

    kind: str = "incoming"
    sort: str = "reg_date"
    descending: bool = True
    status: tuple[str, ...] = ()
    department_id: int | None = None
    date_from: dt.date | None = None  # registration date range, inclusive
    date_to: dt.date | None = None
    overdue_on: dt.date | None = None  # open and due before this day
    ids: tuple[int, ...] = field(default=())  # only these documents (at most ~2000)
    doc_type: str | None = None  # document type code (foi, application, ...)
    executor_id: int | None = None
    channel: str | None = None
    under_control: bool | None = None
    due_from: dt.date | None = None  # open and due in [due_from, due_to]
    due_to: dt.date | None = None
    overdue: bool = False  # open and due before today
    due_within_days: int | None = None  # open and due from today to N working days on
    today: dt.date | None = None
    viewer: Actor | None = None  # required when the query runs (app.access.SYSTEM: all)

    @property
    def relative(self) -> bool:
        return self.overdue or self.due_within_days is not None


@dataclass(frozen=True)
class RegistryRow:
    id: int
    number: str
    reg_date: dt.date
    correspondent: str
    subject: str
    doc_type: str
    status: str
    status_label: str
    due_date: dt.date | None
    department: str
    executor: str
    confidential: bool
    kind: str = ""
    doc_type_en: str = ""  # the type's English name ("" when none is set)


@dataclass(frozen=True)
class SavedFilter:
    name: str
    query: RegistryQuery


# --- visibility -------------------------------------------------------------------------


# sees_all_confidential and visible_condition live in app.access (one door).


# --- statements -------------------------------------------------------------------------


def resolve(q: RegistryQuery, session: Session | None = None) -> RegistryQuery:
    """*q* with its relative filters turned into dates (``overdue_on``, ``due_from/to``).

    *session* is needed (for the office calendar) only when ``due_within_days`` is set.
    """
    if not q.relative:
        return q
    today = q.today or SystemClock().today()
    overdue_on = q.overdue_on
    due_from, due_to = q.due_from, q.due_to
    if q.overdue:
        overdue_on = today if overdue_on is None else min(overdue_on, today)
    if q.due_within_days is not None:
        if session is None:
            raise ValueError("due_within_days needs a session to read the calendar")
        until = load_calendar(session).add_working_days(today, max(0, q.due_within_days))
        due_from = today if due_from is None else max(due_from, today)
        due_to = until if due_to is None else min(due_to, until)
    return replace(
        q,
        overdue=False,
        due_within_days=None,
        today=today,
        overdue_on=overdue_on,
        due_from=due_from,
        due_to=due_to,
    )


def conditions(q: RegistryQuery) -> list[ColumnElement[bool]]:
    """The WHERE terms of a resolved query (see :func:`resolve`)."""
    if q.relative:
        raise ValueError("resolve() the query first")
    where: list[ColumnElement[bool]] = [Document.kind == q.kind]
    if q.status:
        where.append(Document.status.in_(q.status))
    if q.department_id is not None:
        where.append(Document.department_id == q.department_id)
    if q.doc_type is not None:
        type_id = select(DocumentType.id).where(DocumentType.code == q.doc_type)
        where.append(Document.doc_type_id == type_id.scalar_subquery())
    if q.executor_id is not None:
        where.append(Document.executor_id == q.executor_id)
    if q.channel is not None:
        where.append(Document.channel == q.channel)
    if q.under_control is not None:
        where.append(Document.under_control == q.under_control)
    if q.date_from is not None:
        where.append(Document.reg_date >= q.date_from)
    if q.date_to is not None:
        where.append(Document.reg_date <= q.date_to)
    if q.overdue_on is not None or q.due_from is not None or q.due_to is not None:
        where.append(Document.status.in_(_OPEN_SQL))
    if q.overdue_on is not None:
        where.append(Document.due_date < q.overdue_on)
    if q.due_from is not None:
        where.append(Document.due_date >= q.due_from)
    if q.due_to is not None:
        where.append(Document.due_date <= q.due_to)
    if q.ids:
        where.append(Document.id.in_(q.ids))
    if q.viewer is None:  # never unrestricted by omission: app.access.SYSTEM says so
        raise TypeError("RegistryQuery.viewer is required (app.access.SYSTEM for the program)")
    visible = visible_condition(q.viewer)
    if visible is not None:
        where.append(visible)
    return where


def count_statement(q: RegistryQuery) -> Select[int]:
    return select(func.count()).select_from(Document).where(*conditions(q))


def order_by(q: RegistryQuery) -> list[ColumnElement[Any]]:
    cols = SORT_COLUMNS.get(q.sort, SORT_COLUMNS["reg_date"])
    return [c.desc() if q.descending else c.asc() for c in cols]


@cache
def row_statement() -> Select[*tuple[Any, ...]]:
    """The columns of a :class:`RegistryRow`, joined; callers add WHERE / ORDER BY.

    Built once: statements are immutable (each ``.where()`` returns a new one).
    """
    ex = aliased(User)
    return (
        select(
            Document.id,
            Document.reg_number,
            Document.reg_date,
            Correspondent.name,
            Document.subject,
            DocumentType.name,
            Document.status,
            Document.due_date,
            Department.code,
            ex.full_name,
            Document.confidential,
            Document.kind,
            DocumentType.name_en,
        )
        .select_from(Document)
        .join(DocumentType, DocumentType.id == Document.doc_type_id)
        .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
        .outerjoin(Department, Department.id == Document.department_id)
        .outerjoin(ex, ex.id == Document.executor_id)
    )


def to_row(r: Any) -> RegistryRow:
    return RegistryRow(
        id=r[0],
        number=r[1],
        reg_date=r[2],
        correspondent=r[3] or "",
        subject=r[4],
        doc_type=r[5],
        status=r[6],
        status_label=label(STATUS_NAMES, r[6]),
        due_date=r[7],
        department=r[8] or "",
        executor=r[9] or "",
        confidential=bool(r[10]),
        kind=r[11],
        doc_type_en=r[12] or "",
    )


def page_statement(q: RegistryQuery, offset: int, limit: int) -> Select[*tuple[Any, ...]]:
    """Ids of the page first (an index-only walk), then their rows joined."""
    order = order_by(q)
    ids = select(Document.id).where(*conditions(q)).order_by(*order).offset(offset).limit(limit)
    ids_sub = ids.subquery()
    return row_statement().join(ids_sub, ids_sub.c.id == Document.id).order_by(*order)


def count(db: Database, q: RegistryQuery) -> int:
    with db.read() as s:
        return int(s.scalar(count_statement(resolve(q, s))) or 0)


def page(
    db: Database, q: RegistryQuery, offset: int, limit: int, total: int | None = None
) -> list[RegistryRow]:
    """Rows *offset* … *offset + limit* of *q*.

    With *total* known (the GUI has the count), a page in the second half is read from
    the other end in the opposite order and turned round: the database then skips at
    most half the list, so the last screen of a million documents is as quick as the first.
    """
    if total is not None and offset > total // 2:
        upto = min(offset + limit, total)
        back = replace(q, descending=not q.descending)
        with db.read() as s:
            rows = s.execute(page_statement(resolve(back, s), total - upto, upto - offset)).all()
        return [to_row(r) for r in reversed(rows)]
    with db.read() as s:
        rows = s.execute(page_statement(resolve(q, s), offset, limit)).all()
    return [to_row(r) for r in rows]


# --- saved filters ----------------------------------------------------------------------

# Fields a saved filter keeps: not ``ids`` (a result, not a filter), ``today`` (relative
# filters count from the day they are opened) nor ``viewer`` (whoever opens it).
_SAVED_FIELDS = tuple(
    f.name for f in fields(RegistryQuery) if f.name not in ("ids", "today", "viewer")
)
_DATE_FIELDS = frozenset({"date_from", "date_to", "overdue_on", "due_from", "due_to"})
_DEFAULT = RegistryQuery()


def query_to_json(q: RegistryQuery) -> dict[str, Any]:
    """The saved form of *q*: only the fields that differ from the defaults."""
    out: dict[str, Any] = {}
    for name in _SAVED_FIELDS:
        value = getattr(q, name)
        if value == getattr(_DEFAULT, name):
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def query_from_json(data: Mapping[str, Any]) -> RegistryQuery:
    """A query from its saved form; fields this version does not know are ignored."""
    values: dict[str, Any] = {}
    for name in _SAVED_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if name in _DATE_FIELDS and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        elif name == "status":
            value = tuple(str(v) for v in value)
        values[name] = value
    return RegistryQuery(**values)


def _filters_name(actor: Actor) -> str:
    return f"filters.{actor.user_id}"


def _load_filters(
    s: Session, actor: Actor, lock: bool = False
) -> tuple[Setting | None, dict[str, Any]]:
    stmt = select(Setting).where(Setting.name == _filters_name(actor))
    if lock:
        # SQL Server ignores FOR UPDATE (the dialect drops it): lock the row with a hint.
        stmt = stmt.with_for_update().with_hint(Setting, "WITH (UPDLOCK, ROWLOCK)", "mssql")
    row = s.scalar(stmt)
    if row is None or not row.content:
        return row, {}
    try:
        data = json.loads(row.content)
    except ValueError:
        return row, {}
    saved = data.get("filters") if isinstance(data, dict) else None
    return row, dict(saved) if isinstance(saved, dict) else {}


def _dump(saved: Mapping[str, Any]) -> str:
    return json.dumps({"version": 1, "filters": dict(saved)}, ensure_ascii=False, sort_keys=True)


def list_filters(db: Database, actor: Actor) -> list[SavedFilter]:
    """The acting user's saved filters, by name."""
    require(actor, "view_registry")
    with db.read() as s:
        _row, saved = _load_filters(s, actor)
    out = []
    for name in sorted(saved):
        try:
            out.append(SavedFilter(name, replace(query_from_json(saved[name]), viewer=actor)))
        except (TypeError, ValueError, AttributeError):
            continue  # a filter written by a newer program in a shape we cannot read
    return out


@unit_of_work
def save_filter(
    db: Database, actor: Actor, name: str, q: RegistryQuery, clock: Clock | None = None
) -> SavedFilter:
    """Save (or overwrite) the acting user's filter *name*."""
    require(actor, "view_registry")
    name = clean_text(name, "filter_name", max_len=FILTER_NAME_MAX, required=True)
    one_of(q.kind, "kind", DOC_KINDS, "kind.unknown")
    if q.channel is not None:
        one_of(q.channel, "channel", CHANNELS, "channel.unknown")
    for status in q.status:
        one_of(status, "status", DOC_STATUSES, "status.unknown")
    one_of(q.sort, "sort", tuple(SORT_COLUMNS), "filter.bad_sort")
    data = query_to_json(q)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        row, saved = _load_filters(s, actor, lock=True)
        if name not in saved and len(saved) >= FILTERS_PER_USER_MAX:
            raise ValidationError("filter.too_many", field="filter_name", max=FILTERS_PER_USER_MAX)
        old = json.dumps(saved.get(name, ""), ensure_ascii=False, sort_keys=True)
        saved[name] = data
        if row is None:
            row = Setting(name=_filters_name(actor), content=_dump(saved))
            s.add(row)
        else:
            row.content = _dump(saved)
        s.flush()
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="save_filter",
            entity="setting",
            entity_id=row.id,
            changes=[Change(name, old, json.dumps(data, ensure_ascii=False, sort_keys=True))],
        )
    return SavedFilter(name, replace(query_from_json(data), viewer=actor))


@unit_of_work
def delete_filter(db: Database, actor: Actor, name: str, clock: Clock | None = None) -> None:
    require(actor, "view_registry")
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        row, saved = _load_filters(s, actor, lock=True)
        if row is None or name not in saved:
            raise NotFound("filter.unknown", field="filter_name", got=name[:FILTER_NAME_MAX])
        old = json.dumps(saved.pop(name), ensure_ascii=False, sort_keys=True)
        row.content = _dump(saved)
        s.flush()
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="delete_filter",
            entity="setting",
            entity_id=row.id,
            changes=[Change(name, old, "")],
        )
