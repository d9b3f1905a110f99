"""The home screen for heads and registrars: what is overdue, due today, due soon, and
what came in this week and this month — per department, each number with the registry
query that lists exactly the documents it counts.

Every number is ``app.registry.count_statement(cell.query)``, so it always equals what
the list shows; all of them go to the database as one statement of scalar subqueries,
each an index range scan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.registry import RegistryQuery, count_statement
from app.workdays import load_calendar
from models.db import Database
from models.tables import Department

SOON_WORKING_DAYS = 3


@dataclass(frozen=True)
class Cell:
    """One number on the dashboard and the registry list it opens."""

    value: int
    query: RegistryQuery


@dataclass(frozen=True)
class DepartmentCounts:
    department_id: int | None  # None: the whole office
    code: str
    name: str
    name_en: str
    overdue: Cell  # open, due before today
    due_today: Cell  # open, due today
    due_soon: Cell  # open, due after today within SOON_WORKING_DAYS working days
    received_week: Cell  # registered since Monday
    received_month: Cell  # registered since the first of the month


@dataclass(frozen=True)
class Dashboard:
    kind: str
    today: dt.date
    soon_until: dt.date
    week_from: dt.date
    month_from: dt.date
    total: DepartmentCounts
    departments: tuple[DepartmentCounts, ...]


@dataclass(frozen=True)
class _Window:
    kind: str
    today: dt.date
    soon_until: dt.date
    week_from: dt.date
    month_from: dt.date


def _window(s: Session, kind: str, today: dt.date) -> _Window:
    # Three working days never span more than a month, however many holidays fall in it.
    near = load_calendar(s, between=(today, today + dt.timedelta(days=31)))
    return _Window(
        kind=kind,
        today=today,
        soon_until=near.add_working_days(today, SOON_WORKING_DAYS),
        week_from=today - dt.timedelta(days=today.weekday()),
        month_from=today.replace(day=1),
    )


MEASURES = ("overdue", "due_today", "due_soon", "received_week", "received_month")


def _queries(w: _Window, viewer: Actor, dept: int | None) -> dict[str, RegistryQuery]:
    base = RegistryQuery(kind=w.kind, department_id=dept, viewer=viewer, today=w.today)
    by_due = replace(base, sort="due_date", descending=False)
    return {
        "overdue": replace(by_due, overdue_on=w.today),
        "due_today": replace(by_due, due_from=w.today, due_to=w.today),
        "due_soon": replace(by_due, due_from=w.today + dt.timedelta(days=1), due_to=w.soon_until),
        "received_week": replace(base, date_from=w.week_from, date_to=w.today),
        "received_month": replace(base, date_from=w.month_from, date_to=w.today),
    }


def counts_statement(queries: Sequence[RegistryQuery]) -> Select[*tuple[Any, ...]]:
    """One row: the count of each query, each an index range scan of its own.

    Not a GROUP BY department: that makes SQLite walk the whole kind in department order.
    """
    return select(*(count_statement(q).scalar_subquery() for q in queries))


@lru_cache(maxsize=16)
def _plan(
    w: _Window, viewer: Actor, rows: tuple[tuple[int | None, str, str, str], ...]
) -> tuple[tuple[tuple[int | None, str, RegistryQuery], ...], Select[*tuple[Any, ...]]]:
    """The cells and their statement, built once per day, viewer and department list:
    building forty filtered statements costs more than running them.
    """
    cells = tuple((r[0], m, q) for r in rows for m, q in _queries(w, viewer, r[0]).items())
    return cells, counts_statement([q for _d, _m, q in cells])


def dashboard(
    db: Database, actor: Actor, clock: Clock | None = None, kind: str = "incoming"
) -> Dashboard:
    """The counts *actor* may see (confidential documents follow the registry's rule)."""
    require(actor, "view_registry")
    today = (clock or SystemClock()).today()
    with db.read() as s:
        w = _window(s, kind, today)
        depts = s.execute(
            select(Department.id, Department.code, Department.name, Department.name_en)
            .where(Department.active)
            .order_by(Department.id)
        ).all()
        rows: tuple[tuple[int | None, str, str, str], ...] = (
            (None, "", "ყველა სამსახური", "All departments"),
            *((int(d[0]), str(d[1]), str(d[2]), str(d[3])) for d in depts),
        )
        plan, stmt = _plan(w, actor, rows)
        values = s.execute(stmt).one()
    cells: dict[int | None, dict[str, Cell]] = {}
    for (dept, m, q), v in zip(plan, values, strict=True):
        cells.setdefault(dept, {})[m] = Cell(int(v or 0), q)
    out = [DepartmentCounts(r[0], r[1], r[2], r[3], **cells[r[0]]) for r in rows]
    return Dashboard(kind, today, w.soon_until, w.week_from, w.month_from, out[0], tuple(out[1:]))
