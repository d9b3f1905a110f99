"""Registering a document: number, due date, validation, nothing written on error."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.errors import PermissionDenied, UserError, ValidationError
from app.registration import RegistrationInput, register
from models.db import Database
from models.tables import AuditEntry, Correspondent, Document, NumberCounter


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
