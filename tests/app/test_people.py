"""The correspondents directory: search, edit with optimistic locking, duplicates, merge."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.clock import FixedClock
from app.errors import PermissionDenied, StaleRecord, ValidationError
from app.people import (
    CorrespondentInput,
    create_correspondent,
    get_correspondent,
    merge,
    possible_duplicates,
    search_correspondents,
    update_correspondent,
)
from models.db import Database
from models.tables import AuditEntry, Correspondent, Document
from tests.app._rules_helpers import admin, audit_count, reg, user


def _new(db: Database, clock: FixedClock, name: str, **kw: str) -> int:
    return create_correspondent(db, admin(db), CorrespondentInput(name=name, **kw), clock).id


def test_search_by_word_prefix_in_any_script_and_by_numbers(
    db: Database, clock: FixedClock
) -> None:
    a = _new(db, clock, "გიორგი გიგინეიშვილი", personal_id="01024012345")
    b = _new(db, clock, "ნინო ყვარაცხელია")
    c = _new(db, clock, "შპს ალფა", kind="organisation", org_code="204567891")
    for i in range(5):
        _new(db, clock, f"ლევან ბერიძე {i}")
    me = admin(db)
    assert [r.id for r in search_correspondents(db, me, "Gigin").rows] == [a]
    assert [r.id for r in search_correspondents(db, me, "გიორ გიგ").rows] == [a]
    assert [r.id for r in search_correspondents(db, me, "kvarats").rows] == [b]
    assert [r.id for r in search_correspondents(db, me, "0102401").rows] == [a]
    assert [r.id for r in search_correspondents(db, me, "2045").rows] == [c]
    assert search_correspondents(db, me, "ineishvili").rows == ()  # prefixes of words only
    page = search_correspondents(db, me, "berid", offset=2, limit=2)
    assert page.total == 5 and len(page.rows) == 2
    assert search_correspondents(db, me).total == 8


def test_personal_numbers_are_masked_for_roles_that_do_not_need_them(
    db: Database, clock: FixedClock
) -> None:
    a = _new(db, clock, "გიორგი გიგინეიშვილი", personal_id="01024012345")
    assert get_correspondent(db, user(db, "executor"), a).personal_id == "01*******45"
    assert get_correspondent(db, admin(db), a).personal_id == "01024012345"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"personal_id": "0102401234"}, "personal_id"),
        ({"org_code": "12345678a"}, "org_code"),
        ({"name": "  "}, "name"),
        ({"kind": "robot"}, "kind"),
        ({"email": "no"}, "email"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    db: Database, clock: FixedClock, change: dict[str, str], field: str
) -> None:
    before = audit_count(db)
    args = {"name": "მარიამ ხუციშვილი", **change}
    with pytest.raises(ValidationError) as err:
        create_correspondent(db, admin(db), CorrespondentInput(**args), clock)
    assert err.value.field == field
    assert err.value.message("ka") != err.value.key
    assert audit_count(db) == before


def test_a_taken_personal_number_is_refused(db: Database, clock: FixedClock) -> None:
    _new(db, clock, "გიორგი გიგინეიშვილი", personal_id="01024012345")
    with pytest.raises(ValidationError) as err:
        _new(db, clock, "გ. გიგინეიშვილი", personal_id="01024012345")
    assert err.value.field == "personal_id"
    assert "გიორგი გიგინეიშვილი" in err.value.message("ka")


def test_a_stale_update_says_who_changed_it_and_when(db: Database, clock: FixedClock) -> None:
    a = create_correspondent(db, admin(db), CorrespondentInput(name="ნინო ბერიძე"), clock)
    registrar = user(db, "registrar")
    later = FixedClock(dt.datetime(2026, 11, 25, 10, 30))
    first = update_correspondent(
        db,
        registrar,
        a.id,
        a.version,
        CorrespondentInput(name="ნინო ბერიძე", phone="+995 555 12 34 56"),
        later,
    )
    assert first.version == a.version + 1
    before = audit_count(db)
    with pytest.raises(StaleRecord) as err:
        update_correspondent(
            db, admin(db), a.id, a.version, CorrespondentInput(name="ნინო ბერიძე-ხუციშვილი"), clock
        )
    assert err.value.key == "stale.changed_by"
    msg = err.value.message("ka")
    assert "registrar მომხმარებელი" in msg and "2026-11-25 14:30" in msg
    assert audit_count(db) == before
    assert get_correspondent(db, admin(db), a.id).name == "ნინო ბერიძე"


def test_possible_duplicates(db: Database, clock: FixedClock) -> None:
    a = _new(db, clock, "გიორგი გიგინეიშვილი")
    b = _new(db, clock, "Giorgi Gigineishvili")
    _new(db, clock, "ნინო ბერიძე")
    with db.write() as s:  # an old import left two records with one personal number
        for name in ("ლევან ჯაფარიძე", "ლ. ჯაფარიძე"):
            s.add(
                Correspondent(
                    kind="person",
                    name=name,
                    name_skeleton=name,
                    personal_id="61001012345",
                    created_at=clock.now_utc(),
                    updated_at=clock.now_utc(),
                )
            )
    groups = possible_duplicates(db, admin(db))
    assert {(g.reason, len(g.members)) for g in groups} == {("name", 2), ("personal_id", 2)}
    mine = possible_duplicates(db, admin(db), a)
    assert [{m.id for m in g.members} for g in mine] == [{a, b}]


def test_merge_repoints_documents_and_is_audited(db: Database, clock: FixedClock) -> None:
    d1 = reg(db, clock, dt.date(2026, 11, 2), name="გიორგი გიგინეიშვილი")
    d2 = reg(
        db, clock, dt.date(2026, 11, 3), name="Giorgi Gigineishvili", personal_id="01024012345"
    )
    d3 = reg(db, clock, dt.date(2026, 11, 4), name="გ. გიგინეიშვილი")
    keep = d1.correspondent_id
    gone = [d2.correspondent_id, d3.correspondent_id]
    assert keep is not None and None not in gone and len({keep, *gone}) == 3
    result = merge(db, admin(db), keep, gone, clock)  # type: ignore[arg-type]
    assert result.documents_moved == 2
    assert result.kept.personal_id == "01024012345"  # filled from the merged record
    assert result.kept.documents == 3
    with db.read() as s:
        assert set(s.scalars(select(Document.correspondent_id))) == {keep}
        assert s.scalar(select(func.count(Correspondent.id)).where(Correspondent.id.in_(gone))) == 0
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("merge%"))))
    assert actions.count("merge_correspondent") == 2
    assert actions.count("merge_delete") == 8  # four fields for each deleted record


def test_a_registrar_may_not_merge_and_nothing_is_written(db: Database, clock: FixedClock) -> None:
    d1 = reg(db, clock, dt.date(2026, 11, 2), name="გიორგი გიგინეიშვილი")
    d2 = reg(db, clock, dt.date(2026, 11, 3), name="Giorgi Gigineishvili")
    before = audit_count(db)
    with pytest.raises(PermissionDenied) as err:
        merge(db, user(db, "registrar"), d1.correspondent_id, [d2.correspondent_id], clock)  # type: ignore[arg-type,list-item]
    assert "გაერთიანება" in err.value.message("ka")
    assert audit_count(db) == before
    with db.read() as s:
        assert s.scalar(select(func.count(Correspondent.id))) == 2
    with pytest.raises(ValidationError) as verr:
        merge(db, admin(db), 1, [1], clock)
    assert verr.value.field == "keep_id"
    with pytest.raises(ValidationError) as verr:
        merge(db, admin(db), 1, [], clock)
    assert verr.value.field == "merge_ids"


def test_saving_a_masked_personal_number_keeps_the_stored_one(
    db: Database, clock: FixedClock
) -> None:
    a = create_correspondent(
        db, admin(db), CorrespondentInput(name="ნინო ბერიძე", personal_id="01024012345"), clock
    )
    registrar_row = get_correspondent(db, user(db, "executor"), a.id)
    assert registrar_row.personal_id == "01*******45"
    saved = update_correspondent(
        db,
        admin(db),
        a.id,
        a.version,
        CorrespondentInput(name="ნინო ბერიძე", personal_id=registrar_row.personal_id, phone="1"),
        clock,
    )
    assert saved.personal_id == "01024012345" and saved.phone == "1"
