"""Registering a document: number, due date, validation, nothing written on error."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.errors import PermissionDenied, UserError, ValidationError
from app.registration import RegistrationInput, register
from models.db import Database, open_database
from models.tables import (
    AuditEntry,
    Correspondent,
    Document,
    DocumentType,
    Holiday,
    NumberCounter,
)
from tests.app import _calendar_worker
from tests.app._deadline_oracle import expected_due, is_day_off


def _admin(db: Database) -> Actor:
    with db.read() as s:
        actor = default_actor(s)
    assert actor is not None
    return actor


def _counts(db: Database) -> tuple[int, int, int, int]:
    with db.read() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Document, Correspondent, AuditEntry, NumberCounter)
        )


def test_foi_on_2_april_2026_is_due_14_april_with_reason(db: Database, clock: FixedClock) -> None:
    doc = register(
        db,
        _admin(db),
        RegistrationInput(
            kind="incoming",
            doc_type="foi",
            subject="ბიუჯეტის შესრულების ანგარიში",
            from_name="გიორგი გიგინეიშვილი",
            personal_id="01024012345",
            reg_date=dt.date(2026, 4, 2),
        ),
        clock,
    )
    assert doc.number == "შ-1/2026"
    assert doc.due_date == dt.date(2026, 4, 14)
    assert "აღდგომა" in doc.due_explanation
    assert "შავი ორშაბათი" in doc.due_explanation
    assert doc.due_explanation.endswith("14 აპრილი 2026")
    assert "Easter" not in doc.due_explanation_en or "14 April 2026" in doc.due_explanation_en


def test_numbers_follow_the_year_of_the_registration_date(db: Database, clock: FixedClock) -> None:
    admin = _admin(db)

    def reg(day: dt.date) -> str:
        return register(
            db,
            admin,
            RegistrationInput(
                kind="incoming",
                doc_type="letter",
                subject="წერილი",
                from_name="ნინო ბერიძე",
                reg_date=day,
            ),
            clock,
        ).number

    assert reg(dt.date(2026, 11, 2)) == "შ-1/2026"
    assert reg(dt.date(2026, 11, 3)) == "შ-2/2026"
    # back-dated into last year: next number of *its* year, not a reused one
    assert reg(dt.date(2025, 12, 30)) == "შ-1/2025"
    assert reg(dt.date(2026, 11, 25)) == "შ-3/2026"


def test_same_personal_number_reuses_the_correspondent(db: Database, clock: FixedClock) -> None:
    admin = _admin(db)
    a = register(
        db,
        admin,
        RegistrationInput(
            kind="incoming",
            doc_type="application",
            subject="ა",
            from_name="ლევან ჯაფარიძე",
            personal_id="61001012345",
        ),
        clock,
    )
    b = register(
        db,
        admin,
        RegistrationInput(
            kind="incoming",
            doc_type="application",
            subject="ბ",
            from_name="ლ. ჯაფარიძე",
            personal_id="61001012345",
        ),
        clock,
    )
    assert a.correspondent_id == b.correspondent_id


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"subject": "   "}, "subject"),
        ({"personal_id": "0102401234"}, "personal_id"),
        ({"personal_id": "0102401234x"}, "personal_id"),
        ({"doc_type": "nonsense"}, "doc_type"),
        ({"reg_date": "2026-02-30"}, "reg_date"),
        ({"reg_date": "2027-01-05"}, "reg_date"),
        ({"from_name": ""}, "from_name"),
        ({"subject": "x" * 501}, "subject"),
        ({"subject": "ნული\x00ბაიტი"}, "subject"),
        ({"channel": "pigeon"}, "channel"),
        ({"email": "not-an-address"}, "email"),
        ({"sheets": -1}, "sheets"),
        ({"department": "XYZ"}, "department"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    db: Database, clock: FixedClock, change: dict[str, object], field: str
) -> None:
    before = _counts(db)
    base: dict[str, object] = {
        "kind": "incoming",
        "doc_type": "foi",
        "subject": "თემა",
        "from_name": "მარიამ ხუციშვილი",
    }
    base.update(change)
    with pytest.raises(UserError) as err:
        register(db, _admin(db), RegistrationInput(**base), clock)  # type: ignore[arg-type]
    assert err.value.field == field
    assert err.value.message("ka")  # a Georgian sentence, not a key
    assert err.value.message("ka") != err.value.key
    assert _counts(db) == before


def test_a_viewer_may_not_register(db: Database, clock: FixedClock) -> None:
    viewer = Actor(user_id=1, login="v", full_name="V", role="viewer")
    before = _counts(db)
    with pytest.raises(PermissionDenied):
        register(
            db,
            viewer,
            RegistrationInput(kind="incoming", doc_type="foi", subject="ს", from_name="ა"),
            clock,
        )
    assert _counts(db) == before


def test_validation_error_is_a_user_error() -> None:
    assert issubclass(ValidationError, UserError)


# --- the calendar cannot run out ----------------------------------------------------------


def _holidays_in(db: Database, year: int) -> int:
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count(Holiday.id)).where(
                    Holiday.day >= dt.date(year, 1, 1), Holiday.day <= dt.date(year, 12, 31)
                )
            )
            or 0
        )


def test_a_request_of_22_december_2028_is_due_3_january_though_nobody_seeded_2029(
    db: Database,
) -> None:
    """The office installed in 2026 and never restarted: the calendar ends with 2028."""
    assert _holidays_in(db, 2028) > 10 and _holidays_in(db, 2029) == 0
    clock = FixedClock(dt.datetime(2028, 12, 31, 9, 0))
    doc = register(
        db,
        _admin(db),
        RegistrationInput(
            kind="incoming",
            doc_type="foi",
            subject="ინფორმაცია",
            from_name="ნინო ბერიძე",
            reg_date=dt.date(2028, 12, 22),
        ),
        clock,
    )
    # 10 days → Monday 1 January 2029 (New Year), 2 January (New Year) → Wednesday 3 January
    assert doc.due_date == dt.date(2029, 1, 3)
    assert "ახალი წელი" in doc.due_explanation
    with db.read() as s:
        stored = s.get(Document, doc.id)
        assert stored is not None
        assert (stored.due_date, stored.statutory_due_date) == (doc.due_date, doc.due_date)
    assert _holidays_in(db, 2029) > 10 and _holidays_in(db, 2030) > 10  # due year + 1


# Every deadline rule shape: (count, unit, shift), as types an administrator could define.
RULE_SHAPES = [
    (count, unit, shift)
    for unit, counts in (
        ("calendar_days", (0, 1, 10, 30)),
        ("working_days", (1, 5, 20)),
        ("months", (1, 3)),
    )
    for count in counts
    for shift in ("next", "previous", "none")
]


@pytest.fixture
def rule_types(sqlite_db: Database) -> Database:
    with sqlite_db.write() as s:
        for i, (count, unit, shift) in enumerate(RULE_SHAPES):
            s.add(
                DocumentType(
                    code=f"rule{i}", name=f"წესი {i}", name_en=f"rule {i}",
                    deadline_count=count, deadline_unit=unit, nonworking_shift=shift,
                    legal_ref="", max_extension_days=0, active=True,
                )
            )  # fmt: skip
    return sqlite_db


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one database, on purpose
)
@given(
    start=st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)),
    shape=st.integers(0, len(RULE_SHAPES) - 1),
)
def test_registration_over_2000_2100_never_lands_on_a_day_off(
    rule_types: Database, start: dt.date, shape: int
) -> None:
    """Whatever year the registration and its due date fall in, the calendar has it."""
    db = rule_types
    count, unit, shift = RULE_SHAPES[shape]
    doc = register(
        db,
        _admin(db),
        RegistrationInput(
            kind="incoming", doc_type=f"rule{shape}", subject="ს", from_name="ა", reg_date=start
        ),
        FixedClock(dt.datetime(2100, 12, 31, 9, 0)),
    )
    assert doc.due_date == expected_due(start, count, unit, shift)
    if shift != "none":
        assert not is_day_off(doc.due_date), f"{doc.due_date} is a day off"


CLERKS = 4


@pytest.mark.slow
def test_clerks_reaching_an_unseeded_year_at_once_seed_it_once(db_url: str) -> None:
    """Four workstations (processes) register into 2029 at the same moment: one seeds the
    year under the calendar's lock, the others wait for it and count with its days."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(CLERKS, timeout=120)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_calendar_worker.run, args=(db_url, w, 3, barrier, results))
        for w in range(CLERKS)
    ]
    for p in procs:
        p.start()
    got = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    errors = [e for _w, _d, errs in got for e in errs]
    assert not errors, errors[0]
    assert {d for _w, dues, _e in got for d in dues} == {"2029-01-03"}
    db = open_database(db_url)
    try:
        with db.read() as s:
            days_2029 = list(
                s.scalars(
                    select(Holiday.day).where(
                        Holiday.day >= dt.date(2029, 1, 1), Holiday.day <= dt.date(2029, 12, 31)
                    )
                )
            )
            seeds = list(
                s.scalars(
                    select(AuditEntry.new_value).where(
                        AuditEntry.action == "seed_calendar",
                        AuditEntry.field == "years",
                        AuditEntry.at > dt.datetime(2027, 1, 1),  # not the template's own
                    )
                )
            )
    finally:
        db.dispose()
    assert len(days_2029) == len(set(days_2029)) > 10
    assert seeds == ["2029–2030"]
