"""Extensions of due dates and stop-the-clock."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.clock import FixedClock
from app.errors import PermissionDenied, ValidationError
from app.extensions import (
    clock_history,
    extend,
    extension_terms,
    list_extensions,
    resume_clock,
    stop_clock,
)
from app.rules import update_deadline_rule
from models.db import Database
from models.tables import ClockStop, DeadlineExtension
from tests.app._rules_helpers import admin, audit_count, dates, reg, set_status, user

NOV_20 = dt.date(2026, 11, 20)  # FOI due Monday 30 November; max extension 10 days


def _extensions(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(DeadlineExtension.id))) or 0)


def test_an_extension_is_limited_by_the_types_maximum(db: Database, clock: FixedClock) -> None:
    registrar = user(db, "registrar")
    doc = reg(db, clock, NOV_20, by=registrar)  # the registrar who registered it extends it
    with pytest.raises(ValidationError) as err:
        extend(db, registrar, doc.id, dt.date(2026, 12, 11), "მოცულობითი პასუხი", clock)
    assert err.value.key == "extension.too_long"
    assert err.value.field == "new_date"
    assert "2026-12-10" in err.value.message("ka")
    assert _extensions(db) == 0

    info = extend(db, registrar, doc.id, "2026-12-10", "მოცულობითი პასუხი", clock)
    assert (info.old_due_date, info.new_due_date, info.limit_date) == (
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 10),
        dt.date(2026, 12, 10),
    )
    assert info.created_by == "registrar მომხმარებელი"
    assert dates(db, doc.id)[:2] == (dt.date(2026, 12, 10), dt.date(2026, 11, 30))
    assert [e.reason for e in list_extensions(db, admin(db), doc.id)] == ["მოცულობითი პასუხი"]
    assert audit_count(db, "extend") == 2  # due_date and reason


@pytest.mark.parametrize(
    ("new_date", "reason", "field"),
    [
        (dt.date(2026, 11, 30), "მიზეზი", "new_date"),  # not after the current due date
        (dt.date(2026, 11, 25), "მიზეზი", "new_date"),
        (dt.date(2026, 12, 3), "   ", "reason"),
        (None, "მიზეზი", "new_date"),
        ("2026-13-03", "მიზეზი", "new_date"),  # not a date
    ],
)
def test_bad_extensions_name_the_field_and_write_nothing(
    db: Database, clock: FixedClock, new_date: object, reason: str, field: str
) -> None:
    doc = reg(db, clock, NOV_20)
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        extend(db, admin(db), doc.id, new_date, reason, clock)  # type: ignore[arg-type]
    assert err.value.field == field
    assert audit_count(db) == before
    assert _extensions(db) == 0


def test_no_extension_for_closed_documents_or_types_without_one(
    db: Database, clock: FixedClock
) -> None:
    doc = reg(db, clock, NOV_20)
    set_status(db, doc.id, "closed")
    with pytest.raises(ValidationError) as err:
        extend(db, admin(db), doc.id, dt.date(2026, 12, 3), "მიზეზი", clock)
    assert err.value.key == "document.not_open"
    update_deadline_rule(
        db,
        admin(db),
        "foi",
        count=10,
        unit="calendar_days",
        shift="next",
        legal_ref="",
        max_extension_days=0,
        clock=clock,
    )
    other = reg(db, clock, NOV_20)
    with pytest.raises(ValidationError) as err:
        extend(db, admin(db), other.id, dt.date(2026, 12, 3), "მიზეზი", clock)
    assert err.value.key == "extension.not_allowed"
    with pytest.raises(PermissionDenied):
        extend(db, user(db, "viewer"), other.id, dt.date(2026, 12, 3), "მიზეზი", clock)


def test_stop_and_resume_the_clock_for_the_remaining_calendar_days(
    db: Database, clock: FixedClock
) -> None:
    doc = reg(db, clock, dt.date(2026, 11, 16))  # due Thursday 26 November
    assert doc.due_date == dt.date(2026, 11, 26)
    stopped = stop_clock(db, admin(db), doc.id, dt.date(2026, 11, 20), "აკლია საბუთი", clock)
    assert (stopped.remaining_days, stopped.count_unit) == (6, "calendar_days")
    assert stopped.status == "awaiting_clarification"
    assert dates(db, doc.id)[2] == "awaiting_clarification"

    resumed = resume_clock(db, admin(db), doc.id, dt.date(2026, 11, 25), clock)
    # 25 Nov + 6 days = Tuesday 1 December
    assert resumed.due_date == dt.date(2026, 12, 1)
    assert resumed.status == "registered"
    assert dates(db, doc.id) == (dt.date(2026, 12, 1), dt.date(2026, 12, 1), "registered")
    assert "1 დეკემბერი 2026" in resumed.due_explanation
    assert audit_count(db, "stop_clock") == 3 and audit_count(db, "resume_clock") >= 2
    history = clock_history(db, admin(db), doc.id)
    assert [(h.stopped_on, h.resumed_on) for h in history] == [
        (dt.date(2026, 11, 20), dt.date(2026, 11, 25))
    ]


def test_resumed_due_date_moves_off_a_weekend(db: Database, clock: FixedClock) -> None:
    doc = reg(db, clock, dt.date(2026, 11, 16))  # due 26 Nov
    stop_clock(db, admin(db), doc.id, dt.date(2026, 11, 23), "", clock)  # 3 days left
    resumed = resume_clock(db, admin(db), doc.id, dt.date(2026, 11, 25), clock)
    assert resumed.due_date == dt.date(2026, 11, 30)  # 28 Nov is a Saturday


def test_working_day_rules_count_remaining_working_days(db: Database, clock: FixedClock) -> None:
    update_deadline_rule(
        db,
        admin(db),
        "application",
        count=10,
        unit="working_days",
        shift="next",
        legal_ref="",
        max_extension_days=10,
        clock=clock,
    )
    doc = reg(db, clock, dt.date(2026, 11, 16), "application")
    assert doc.due_date == dt.date(2026, 12, 1)  # Giorgoba (23 Nov) skipped
    stopped = stop_clock(db, admin(db), doc.id, dt.date(2026, 11, 20), "", clock)
    assert (stopped.remaining_days, stopped.count_unit) == (6, "working_days")
    resumed = resume_clock(db, admin(db), doc.id, dt.date(2026, 11, 25), clock)
    assert resumed.due_date == dt.date(2026, 12, 3)


def test_clock_errors(db: Database, clock: FixedClock) -> None:
    doc = reg(db, clock, dt.date(2026, 11, 16))
    with pytest.raises(ValidationError) as err:
        resume_clock(db, admin(db), doc.id, dt.date(2026, 11, 25), clock)
    assert err.value.key == "clock.not_stopped"
    with pytest.raises(ValidationError) as err:
        stop_clock(db, admin(db), doc.id, dt.date(2026, 11, 10), "", clock)
    assert err.value.field == "on_date"
    with pytest.raises(ValidationError) as err:
        stop_clock(db, admin(db), doc.id, dt.date(2026, 12, 10), "", clock)
    assert err.value.field == "on_date"
    stop_clock(db, admin(db), doc.id, dt.date(2026, 11, 20), "", clock)
    with pytest.raises(ValidationError) as err:
        stop_clock(db, admin(db), doc.id, dt.date(2026, 11, 21), "", clock)
    assert err.value.key == "document.not_open"
    with pytest.raises(ValidationError) as err:
        resume_clock(db, admin(db), doc.id, dt.date(2026, 11, 19), clock)
    assert err.value.key == "date.before_stop"
    with db.read() as s:
        assert s.scalar(select(func.count(ClockStop.id))) == 1


def test_extension_terms_show_the_limit_before_extending(db: Database, clock: FixedClock) -> None:
    doc = reg(db, clock, dt.date(2026, 11, 20))  # FOI: due 30 Nov, at most 10 days more
    t = extension_terms(db, admin(db), doc.id)
    assert (t.number, t.status, t.due_date, t.statutory_due_date) == (
        doc.number,
        "registered",
        dt.date(2026, 11, 30),
        dt.date(2026, 11, 30),
    )
    assert (t.max_extension_days, t.limit_date) == (10, dt.date(2026, 12, 10))
    extend(db, admin(db), doc.id, dt.date(2026, 12, 4), "მიზეზი", clock)
    t = extension_terms(db, admin(db), doc.id)
    assert (t.due_date, t.limit_date) == (dt.date(2026, 12, 4), dt.date(2026, 12, 10))
    memo = reg(db, clock, dt.date(2026, 11, 20), "memo", kind="internal")
    assert extension_terms(db, admin(db), memo.id).limit_date is None


def test_a_date_written_as_clerks_do_is_accepted(db: Database, clock: FixedClock) -> None:
    doc = reg(db, clock, NOV_20)
    info = extend(db, admin(db), doc.id, "08.12.2026", "საჭიროა დამატებითი დრო", clock)
    assert info.new_due_date == dt.date(2026, 12, 8)
