"""The registry list: count, a page of rows, sorting and filtering in SQL.

The GUI model asks for the count once and then for screenfuls of rows by position;
nothing here ever loads the whole registry into Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from app.refdata import STATUS_NAMES, label
from models.db import Database
from models.tables import Correspondent, Department, Document, DocumentType, User

# Sort keys the GUI may ask for, each backed by an index that starts with ``kind``.
SORT_COLUMNS = {
    "reg_date": (Document.reg_date, Document.id),
    "due_date": (Document.due_date, Document.id),
    "status": (Document.status, Document.due_date, Document.id),
    "number": (Document.seq_year, Document.seq, Document.id),
}
OPEN_STATUSES = ("registered", "assigned", "in_progress", "awaiting_clarification")


@dataclass(frozen=True)
class RegistryQuery:
    kind: str = "incoming"
    sort: str = "reg_date"
    descending: bool = True
    status: tuple[str, ...] = ()
    department_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    overdue_on: dt.date | None = None
    ids: tuple[int, ...] = field(default=())


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


def _filtered(q: RegistryQuery, stmt: Select) -> Select:  # type: ignore[type-arg]
    stmt = stmt.where(Document.kind == q.kind)
    if q.status:
        stmt = stmt.where(Document.status.in_(q.status))
    if q.department_id is not None:
        stmt = stmt.where(Document.department_id == q.department_id)
    if q.date_from is not None:
        stmt = stmt.where(Document.reg_date >= q.date_from)
    if q.date_to is not None:
        stmt = stmt.where(Document.reg_date <= q.date_to)
    if q.overdue_on is not None:
        stmt = stmt.where(Document.status.in_(OPEN_STATUSES), Document.due_date < q.overdue_on)
    return stmt


def count_statement(q: RegistryQuery) -> Select:  # type: ignore[type-arg]
    return _filtered(q, select(func.count(Document.id)))


def page_statement(q: RegistryQuery, offset: int, limit: int) -> Select:  # type: ignore[type-arg]
    cols = SORT_COLUMNS.get(q.sort, SORT_COLUMNS["reg_date"])
    order = [c.desc() if q.descending else c.asc() for c in cols]
    ids = _filtered(q, select(Document.id)).order_by(*order).offset(offset).limit(limit)
    ids_sub = ids.subquery()
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
        )
        .join(ids_sub, ids_sub.c.id == Document.id)
        .join(DocumentType, DocumentType.id == Document.doc_type_id)
        .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
        .outerjoin(Department, Department.id == Document.department_id)
        .outerjoin(ex, ex.id == Document.executor_id)
        .order_by(*order)
    )


def count(db: Database, q: RegistryQuery) -> int:
    with db.read() as s:
        return int(s.scalar(count_statement(q)) or 0)


def page(db: Database, q: RegistryQuery, offset: int, limit: int) -> list[RegistryRow]:
    with db.read() as s:
        rows = s.execute(page_statement(q, offset, limit)).all()
    return [
        RegistryRow(
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
        )
        for r in rows
    ]
