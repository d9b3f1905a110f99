"""The registry list: every filter in SQL, relative filters, visibility, saved filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from app.access import SYSTEM
from app.auth import Actor
from app.clock import FixedClock
from app.errors import NotFound, PermissionDenied, ValidationError
from app.registration import RegistrationInput, register
from app.registry import (
    FILTERS_PER_USER_MAX,
    RegistryQuery,
    count,
    delete_filter,
    list_filters,
    page,
    query_from_json,
    query_to_json,
    resolve,
    save_filter,
)
from models.db import Database
from models.tables import Department, Document, Setting
from tests.app._rules_helpers import admin, audit_count, user

TODAY = dt.date(2026, 11, 25)  # the test clock's day, a Wednesday


def dept_id(db: Database, code: str) -> int:
    with db.read() as s:
        found = s.scalar(select(Department.id).where(Department.code == code))
    assert found is not None
    return int(found)


def make(
    db: Database,
    clock: FixedClock,
    *,
    actor: Actor | None = None,
    kind: str = "incoming",
    day: dt.date = dt.date(2026, 11, 2),
    doc_type: str = "letter",
    department: str = "ADM",
    channel: str = "post",
    confidential: bool = False,
    **fields: Any,
) -> int:
    """Register a document, then set what later steps (resolution, execution) would."""
    doc = register(
        db,
        actor or admin(db),
        RegistrationInput(
            kind=kind,
            doc_type=doc_type,
            subject="განცხადება",
            from_name="ნინო ბერიძე",
            reg_date=day,
            channel=channel,
            department=department,
            confidential=confidential,
        ),
        clock,
    )
    if fields:
        with db.write() as s:
            row = s.get(Document, doc.id)
            assert row is not None
            for k, v in fields.items():
                setattr(row, k, v)
    return doc.id


def ids(db: Database, q: RegistryQuery) -> list[int]:
    rows = page(db, q, 0, 100)
    assert count(db, q) == len(rows)
    return [r.id for r in rows]


def test_every_filter_narrows_the_list_in_sql(db: Database, clock: FixedClock) -> None:
    me = admin(db)
    worker = user(db, "executor")
    a = make(db, clock, day=dt.date(2026, 10, 1), doc_type="foi", channel="email")
    b = make(db, clock, day=dt.date(2026, 11, 3), department="FIN", executor_id=worker.user_id)
    c = make(db, clock, day=dt.date(2026, 11, 20), under_control=True, status="in_progress")
    d = make(db, clock, day=dt.date(2026, 11, 21), status="closed", channel="portal")
    base = RegistryQuery(today=TODAY, viewer=SYSTEM)
    assert ids(db, base) == [d, c, b, a]  # newest first
    assert ids(db, replace(base, doc_type="foi")) == [a]
    assert ids(db, replace(base, department_id=dept_id(db, "FIN"))) == [b]
    assert ids(db, replace(base, executor_id=worker.user_id)) == [b]
    assert ids(db, replace(base, channel="email")) == [a]
    assert ids(db, replace(base, under_control=True)) == [c]
    assert ids(db, replace(base, under_control=False)) == [d, b, a]
    assert ids(db, replace(base, status=("closed",))) == [d]
    assert ids(db, replace(base, status=("closed", "in_progress"))) == [d, c]
    assert ids(
        db, replace(base, date_from=dt.date(2026, 11, 3), date_to=dt.date(2026, 11, 20))
    ) == [
        c,
        b,
    ]
    assert ids(db, replace(base, ids=(a, d))) == [d, a]
    assert ids(db, replace(base, kind="outgoing")) == []
    # filters combine
    assert ids(db, replace(base, channel="post", under_control=False)) == [b]
    assert ids(db, replace(base, sort="reg_date", descending=False)) == [a, b, c, d]
    assert page(db, base, 1, 2)[0].id == c
    assert page(db, base, 0, 1)[0].kind == "incoming"
    assert me.role == "admin"


def test_overdue_and_due_within_working_days(db: Database, clock: FixedClock) -> None:
    late = make(db, clock, due_date=dt.date(2026, 11, 24))
    late_closed = make(db, clock, due_date=dt.date(2026, 11, 20), status="closed")
    today = make(db, clock, due_date=TODAY)
    monday = make(db, clock, due_date=dt.date(2026, 11, 30))  # 3rd working day from Wed
    tuesday = make(db, clock, due_date=dt.date(2026, 12, 1))  # 4th
    base = RegistryQuery(today=TODAY, sort="due_date", descending=False, viewer=SYSTEM)
    assert ids(db, replace(base, overdue=True)) == [late]
    assert ids(db, replace(base, overdue_on=TODAY)) == [late]  # the absolute form
    assert ids(db, replace(base, due_within_days=3)) == [today, monday]
    assert ids(db, replace(base, due_within_days=4)) == [today, monday, tuesday]
    assert ids(db, replace(base, due_within_days=0)) == [today]
    assert ids(db, replace(base, due_from=dt.date(2026, 11, 26))) == [monday, tuesday]
    assert late_closed not in ids(db, replace(base, due_to=TODAY))


def test_resolve_turns_relative_filters_into_dates(db: Database) -> None:
    q = RegistryQuery(today=TODAY, overdue=True, due_within_days=3, viewer=SYSTEM)
    with db.read() as s:
        r = resolve(q, s)
    assert not r.relative and r.overdue_on == TODAY
    assert (r.due_from, r.due_to) == (TODAY, dt.date(2026, 11, 30))
    with pytest.raises(ValueError, match="session"):
        resolve(RegistryQuery(due_within_days=1))
    assert resolve(RegistryQuery(overdue=True)).overdue_on is not None  # the clock's today


def test_confidential_documents_follow_the_visibility_rule(db: Database, clock: FixedClock) -> None:
    registrar = user(db, "registrar", "r1")
    worker = user(db, "executor", "e1")
    viewer = user(db, "viewer", "v1")
    secret = make(db, clock, actor=registrar, confidential=True)
    assigned = make(db, clock, confidential=True, executor_id=worker.user_id)
    public = make(db, clock)
    everyone = [public, assigned, secret]
    q = RegistryQuery(today=TODAY)
    with pytest.raises(TypeError):  # a forgotten viewer is an error, never "everything"
        count(db, q)
    assert ids(db, replace(q, viewer=SYSTEM)) == everyone  # the program itself (reports)
    assert ids(db, replace(q, viewer=admin(db))) == everyone
    assert ids(db, replace(q, viewer=registrar)) == [public, secret]
    assert ids(db, replace(q, viewer=worker)) == [public, assigned]
    assert ids(db, replace(q, viewer=viewer)) == [public]


def test_saved_filters_round_trip_per_user(db: Database, clock: FixedClock) -> None:
    me = admin(db)
    other = user(db, "head")
    q = RegistryQuery(
        sort="due_date",
        descending=False,
        status=("registered", "assigned"),
        department_id=dept_id(db, "FIN"),
        date_from=dt.date(2026, 1, 1),
        doc_type="foi",
        channel="email",
        under_control=True,
        due_within_days=3,
        overdue=True,
        today=TODAY,  # not saved: relative filters count from the day they are opened
        ids=(1, 2),  # not saved: a result, not a filter
        viewer=me,
    )
    before = audit_count(db, "save_filter")
    saved = save_filter(db, me, "  ჩემი ვადები ", q, clock)
    assert saved.name == "ჩემი ვადები"
    assert audit_count(db, "save_filter") == before + 1
    save_filter(db, me, "ა-ყველა", RegistryQuery(), clock)
    got = list_filters(db, me)
    assert [f.name for f in got] == ["ა-ყველა", "ჩემი ვადები"]
    assert got[1].query == replace(q, today=None, ids=(), viewer=me)
    assert got[0].query == RegistryQuery(viewer=me)
    assert list_filters(db, other) == []
    # overwrite, then delete
    save_filter(db, me, "ჩემი ვადები", RegistryQuery(kind="outgoing"), clock)
    assert [f.query.kind for f in list_filters(db, me)] == ["incoming", "outgoing"]
    delete_filter(db, me, "ჩემი ვადები", clock)
    assert [f.name for f in list_filters(db, me)] == ["ა-ყველა"]
    with pytest.raises(NotFound) as err:
        delete_filter(db, me, "ჩემი ვადები", clock)
    assert err.value.field == "filter_name"
    with db.read() as s:
        names = set(s.scalars(select(Setting.name).where(Setting.name.startswith("filters."))))
    assert names == {f"filters.{me.user_id}"}


@pytest.mark.parametrize(
    ("name", "q", "field"),
    [
        ("", RegistryQuery(), "filter_name"),
        ("x" * 61, RegistryQuery(), "filter_name"),
        ("ok", RegistryQuery(sort="colour"), "sort"),
        ("ok", RegistryQuery(status=("lost",)), "status"),
        ("ok", RegistryQuery(kind="secret"), "kind"),
        ("ok", RegistryQuery(channel="pigeon"), "channel"),
    ],
)
def test_a_bad_saved_filter_is_refused_and_nothing_written(
    sqlite_db: Database, clock: FixedClock, name: str, q: RegistryQuery, field: str
) -> None:
    before = audit_count(sqlite_db)
    with pytest.raises(ValidationError) as err:
        save_filter(sqlite_db, admin(sqlite_db), name, q, clock)
    assert err.value.field == field
    assert err.value.message("ka") != err.value.key
    assert audit_count(sqlite_db) == before
    assert list_filters(sqlite_db, admin(sqlite_db)) == []


def test_saved_filters_are_limited_and_need_a_user_who_may_see_the_registry(
    sqlite_db: Database, clock: FixedClock
) -> None:
    me = admin(sqlite_db)
    for i in range(FILTERS_PER_USER_MAX):
        save_filter(sqlite_db, me, f"f{i}", RegistryQuery(), clock)
    with pytest.raises(ValidationError) as err:
        save_filter(sqlite_db, me, "one more", RegistryQuery(), clock)
    assert err.value.key == "filter.too_many"
    save_filter(sqlite_db, me, "f0", RegistryQuery(kind="internal"), clock)  # overwriting is fine
    nobody = Actor(999, "x", "x", "guest")
    with pytest.raises(PermissionDenied):
        list_filters(sqlite_db, nobody)
    with pytest.raises(PermissionDenied):
        save_filter(sqlite_db, nobody, "x", RegistryQuery(), clock)


def test_saved_form_ignores_fields_it_does_not_know() -> None:
    q = RegistryQuery(status=("closed",), date_to=dt.date(2026, 2, 1), executor_id=4)
    data = query_to_json(q)
    assert data == {"status": ["closed"], "date_to": "2026-02-01", "executor_id": 4}
    assert query_from_json({**data, "colour": "red"}) == q


def test_a_page_read_from_the_far_end_is_the_same_page(db, clock) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.auth import default_actor
    from app.registration import RegistrationInput, register
    from app.registry import RegistryQuery, count, page

    with db.read() as s:
        actor = default_actor(s)
    for i in range(23):
        register(
            db, actor,
            RegistrationInput(kind="incoming", doc_type="letter", subject=f"წერილი {i}",
                              from_name="ანა", reg_date=dt.date(2026, 11, 1 + i % 20)),
            clock,
        )  # fmt: skip
    for q in (RegistryQuery(viewer=actor), RegistryQuery(sort="due_date", descending=False, viewer=actor)):
        total = count(db, q)
        whole = [r.id for r in page(db, q, 0, total)]
        for offset in (0, 5, 12, 18, 20, 22):
            got = [r.id for r in page(db, q, offset, 5, total)]
            assert got == whole[offset : offset + 5], (q.sort, offset)
