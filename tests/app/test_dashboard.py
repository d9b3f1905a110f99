"""The dashboard: counts per department, each the size of the list it opens."""

from __future__ import annotations

import datetime as dt

import pytest

from app.auth import Actor
from app.clock import FixedClock
from app.dashboard import Dashboard, DepartmentCounts, dashboard
from app.errors import PermissionDenied
from app.registry import count, page
from models.db import Database
from tests.app._rules_helpers import admin, user
from tests.app.test_registry import TODAY, make

MEASURES = ("overdue", "due_today", "due_soon", "received_week", "received_month")


def _values(row: DepartmentCounts) -> tuple[int, ...]:
    return tuple(getattr(row, m).value for m in MEASURES)


def _by_code(board: Dashboard) -> dict[str, tuple[int, ...]]:
    return {r.code: _values(r) for r in board.departments}


def _fill(db: Database, clock: FixedClock) -> None:
    # ADM: overdue, due today, due in 3 working days (Monday 30th), due too late to count
    make(db, clock, day=dt.date(2026, 10, 1), due_date=dt.date(2026, 11, 24))
    make(db, clock, day=dt.date(2026, 10, 25), due_date=TODAY)
    make(db, clock, day=dt.date(2026, 11, 24), due_date=dt.date(2026, 11, 30))
    make(db, clock, day=dt.date(2026, 11, 24), due_date=dt.date(2026, 12, 1))
    # FIN: overdue but answered (not counted), one received on Monday 23rd, one on the 2nd
    make(db, clock, department="FIN", due_date=dt.date(2026, 11, 2), status="answered")
    make(db, clock, department="FIN", day=dt.date(2026, 11, 23), due_date=dt.date(2026, 12, 23))
    # an outgoing letter is not on the incoming dashboard
    make(db, clock, kind="outgoing", day=TODAY, due_date=dt.date(2026, 11, 2))


def test_counts_per_department_and_in_total(db: Database, clock: FixedClock) -> None:
    _fill(db, clock)
    board = dashboard(db, admin(db), clock)
    assert (board.today, board.soon_until) == (TODAY, dt.date(2026, 11, 30))
    assert (board.week_from, board.month_from) == (dt.date(2026, 11, 23), dt.date(2026, 11, 1))
    by_code = _by_code(board)
    assert by_code["ADM"] == (1, 1, 1, 2, 2)
    assert by_code["FIN"] == (0, 0, 0, 1, 2)
    assert by_code["LEG"] == (0, 0, 0, 0, 0)
    assert len(board.departments) == 7
    assert _values(board.total) == (1, 1, 1, 3, 4)


def test_each_count_opens_exactly_the_documents_it_counts(db: Database, clock: FixedClock) -> None:
    _fill(db, clock)
    board = dashboard(db, admin(db), clock)
    for row in (board.total, *board.departments):
        for m in MEASURES:
            cell = getattr(row, m)
            assert count(db, cell.query) == cell.value, (row.code, m)
            assert len(page(db, cell.query, 0, 50)) == cell.value
            assert cell.query.department_id == row.department_id
    overdue = page(db, board.total.overdue.query, 0, 10)
    assert [r.due_date for r in overdue] == [dt.date(2026, 11, 24)]


def test_confidential_documents_count_only_for_those_who_see_them(
    db: Database, clock: FixedClock
) -> None:
    make(db, clock, day=dt.date(2026, 11, 24), due_date=TODAY, confidential=True)
    make(db, clock, day=dt.date(2026, 11, 24), due_date=TODAY)
    viewer = user(db, "viewer")
    mine = dashboard(db, viewer, clock)
    assert mine.total.due_today.value == 1
    assert count(db, mine.total.due_today.query) == 1
    assert dashboard(db, admin(db), clock).total.due_today.value == 2


def test_dashboard_needs_the_right_to_see_the_registry(
    sqlite_db: Database, clock: FixedClock
) -> None:
    with pytest.raises(PermissionDenied):
        dashboard(sqlite_db, Actor(1, "x", "x", "nobody"), clock)
