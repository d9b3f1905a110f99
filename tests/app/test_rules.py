"""Numbering templates, deadline rules and the holiday calendar (with recomputation)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, select

from app import messages
from app.auth import Actor
from app.clock import FixedClock
from app.errors import PermissionDenied, ValidationError
from app.extensions import extend, stop_clock
from app.history import history
from app.registration import RegistrationInput, register
from app.rules import (
    add_day_off,
    ensure_calendar_years,
    list_deadline_rules,
    list_holidays,
    list_templates,
    preview,
    remove_day_off,
    save_template,
    update_deadline_rule,
)
from app.setup import prepare
from app.workdays import seed_holidays
from models.db import Database
from models.tables import AuditEntry, Document, DocumentType, Holiday, NumberTemplate
from tests.app._rules_helpers import admin, audit_count, dates, reg, set_status, user

NOV_20 = dt.date(2026, 11, 20)  # a Friday: FOI due ten days later, Monday 30 November


def test_foi_on_2_april_2026_is_due_14_april_because_of_easter(
    db: Database, clock: FixedClock
) -> None:
    doc = reg(db, clock, dt.date(2026, 4, 2))
    assert doc.due_date == dt.date(2026, 4, 14)
    assert "აღდგომა" in doc.due_explanation
    assert "Easter" in doc.due_explanation_en or "აღდგომა" in doc.due_explanation_en


# --- templates ----------------------------------------------------------------------


def test_a_template_change_mid_year_keeps_the_sequence(db: Database, clock: FixedClock) -> None:
    assert reg(db, clock, dt.date(2026, 11, 2)).number == "შ-1/2026"
    assert reg(db, clock, dt.date(2026, 11, 3)).number == "შ-2/2026"
    info = save_template(db, admin(db), "incoming", "{kind}-{seq:05d}/{yy}", clock=clock)
    assert info.counter_scope == "incoming"
    assert info.next_number == "შ-00003/26"
    assert reg(db, clock, dt.date(2026, 11, 4)).number == "შ-00003/26"
    assert audit_count(db, "template_edit") == 1


def test_restart_gives_a_new_scope_that_starts_at_one(db: Database, clock: FixedClock) -> None:
    reg(db, clock, dt.date(2026, 11, 2))
    reg(db, clock, dt.date(2026, 11, 3))
    info = save_template(
        db, admin(db), "incoming", "{kind}/{seq}/{yyyy}", restart=True, clock=clock
    )
    assert info.counter_scope == "incoming:*:1"
    assert info.next_number == "შ/1/2026"
    assert reg(db, clock, dt.date(2026, 11, 4)).number == "შ/1/2026"
    assert reg(db, clock, dt.date(2026, 11, 5)).number == "შ/2/2026"
    again = save_template(
        db, admin(db), "incoming", "{kind}.{seq}.{yyyy}", restart=True, clock=clock
    )
    assert again.counter_scope == "incoming:*:2"


def test_restart_with_a_pattern_that_repeats_issued_numbers_is_refused(
    db: Database, clock: FixedClock
) -> None:
    reg(db, clock, dt.date(2026, 11, 2))
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        save_template(db, admin(db), "incoming", "{kind}-{seq}/{yyyy}", restart=True, clock=clock)
    assert err.value.field == "pattern"
    assert "შ-1/2026" in err.value.message("ka")
    assert audit_count(db) == before


def test_a_department_template_that_repeats_the_general_numbers_is_refused(
    db: Database, clock: FixedClock
) -> None:
    with pytest.raises(ValidationError) as err:
        save_template(db, admin(db), "incoming", "{kind}-{seq}/{yyyy}", "FIN", clock=clock)
    assert err.value.field == "pattern"
    info = save_template(db, admin(db), "incoming", "01-{dept}/{seq}", "FIN", clock=clock)
    assert info.department_code == "FIN"
    assert info.next_number == "01-FIN/1"
    listed = list_templates(db, admin(db), clock)
    assert [(t.kind, t.department_code) for t in listed][:2] == [
        ("incoming", ""),
        ("incoming", "FIN"),
    ]


@pytest.mark.parametrize("pattern", ["{kind}-{yyyy}", "", "{kind}-{seq", "{nonsense}-{seq}"])
def test_a_pattern_that_could_repeat_numbers_is_refused_and_nothing_written(
    db: Database, clock: FixedClock, pattern: str
) -> None:
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        save_template(db, admin(db), "incoming", pattern, clock=clock)
    assert err.value.field == "pattern"
    ka = err.value.message("ka")
    assert "შაბლონ" in ka and ka != err.value.key
    assert audit_count(db) == before
    with db.read() as s:
        patterns = set(s.scalars(select(NumberTemplate.pattern)))
    assert patterns == {"{kind}-{seq}/{yyyy}"}


def test_preview_renders_or_raises() -> None:
    day = dt.date(2026, 4, 2)
    assert preview("01-{dept}/{seq:03d}-{yy}", "incoming", "FIN", day) == "01-FIN/001-26"
    assert preview("{kind}-{seq}/{yyyy}", "outgoing", None, day, seq=17) == "გ-17/2026"
    with pytest.raises(ValidationError) as err:
        preview("{kind}", "incoming", None, day)
    assert err.value.field == "pattern"
    assert "{seq}" in err.value.message("ka")


def test_only_an_administrator_edits_templates(db: Database, clock: FixedClock) -> None:
    registrar = Actor(user_id=1, login="r", full_name="R", role="registrar")
    with pytest.raises(PermissionDenied):
        save_template(db, registrar, "incoming", "X-{seq}", clock=clock)


# --- deadline rules -----------------------------------------------------------------


def test_a_negative_deadline_count_is_refused_naming_the_field(
    db: Database, clock: FixedClock
) -> None:
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        update_deadline_rule(
            db,
            admin(db),
            "foi",
            count=-3,
            unit="calendar_days",
            shift="next",
            legal_ref="სზაკ, მუხ. 40",
            max_extension_days=10,
            clock=clock,
        )
    assert err.value.field == "deadline_count"
    assert "ვადის ხანგრძლივობა" in err.value.message("ka")
    assert "-3" in err.value.message("ka")
    assert audit_count(db) == before
    with db.read() as s:
        assert s.scalar(select(DocumentType.deadline_count).where(DocumentType.code == "foi")) == 10


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"unit": "weeks"}, "deadline_unit"),
        ({"shift": "sideways"}, "nonworking_shift"),
        ({"max_extension_days": "-1"}, "max_extension_days"),
        ({"count": "ათი"}, "deadline_count"),
        ({"legal_ref": "x" * 201}, "legal_ref"),
    ],
)
def test_bad_deadline_rules_name_the_field(
    db: Database, clock: FixedClock, change: dict[str, object], field: str
) -> None:
    args: dict[str, object] = {
        "count": 10,
        "unit": "calendar_days",
        "shift": "next",
        "legal_ref": "",
        "max_extension_days": 10,
    }
    args.update(change)
    with pytest.raises(ValidationError) as err:
        update_deadline_rule(db, admin(db), "foi", clock=clock, **args)  # type: ignore[arg-type]
    assert err.value.field == field


def test_editing_a_deadline_rule_is_audited(db: Database, clock: FixedClock) -> None:
    info = update_deadline_rule(
        db,
        admin(db),
        "letter",
        count="15",
        unit="working_days",
        shift="previous",
        legal_ref="სზაკ",
        max_extension_days=5,
        clock=clock,
    )
    assert (info.count, info.unit, info.shift, info.max_extension_days) == (
        15,
        "working_days",
        "previous",
        5,
    )
    with db.read() as s:
        fields = set(
            s.scalars(select(AuditEntry.field).where(AuditEntry.action == "edit_deadline_rule"))
        )
    assert fields == {"deadline_count", "deadline_unit", "nonworking_shift", "max_extension_days"}
    rules = {r.code: r for r in list_deadline_rules(db, admin(db))}
    assert rules["letter"].count == 15
    reg_doc = reg(db, clock, dt.date(2026, 11, 2), "letter")
    assert reg_doc.due_date == dt.date(2026, 11, 24)  # 15 working days, Giorgoba skipped


# --- holiday calendar ---------------------------------------------------------------


def test_a_decree_day_off_moves_open_due_dates_and_leaves_closed_ones(
    db: Database, clock: FixedClock
) -> None:
    open_doc = reg(db, clock, NOV_20)
    closed_doc = reg(db, clock, NOV_20)
    waiting_doc = reg(db, clock, NOV_20)
    assert open_doc.due_date == dt.date(2026, 11, 30)
    set_status(db, closed_doc.id, "closed")
    stop_clock(db, admin(db), waiting_doc.id, dt.date(2026, 11, 24), "დაზუსტება", clock)
    before = audit_count(db, "recompute_due")

    change = add_day_off(db, admin(db), dt.date(2026, 11, 30), "მთავრობის დადგენილება", clock)

    assert [c.doc_id for c in change.recomputed] == [open_doc.id]
    assert dates(db, open_doc.id)[:2] == (dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    assert dates(db, closed_doc.id)[:2] == (dt.date(2026, 11, 30), dt.date(2026, 11, 30))
    assert dates(db, waiting_doc.id)[:2] == (dt.date(2026, 11, 30), dt.date(2026, 11, 30))
    # due_date, statutory_due_date and why, in words
    assert audit_count(db, "recompute_due") == before + 3
    assert audit_count(db, "add_day_off") > 0
    days = {h.day: h for h in list_holidays(db, admin(db), 2026)}
    assert days[dt.date(2026, 11, 30)].source == "decree"
    # the explanation now names the decree
    later = reg(db, clock, NOV_20)
    assert later.due_date == dt.date(2026, 12, 1)
    assert "მთავრობის დადგენილება" in later.due_explanation

    back = remove_day_off(db, admin(db), dt.date(2026, 11, 30), clock)
    assert {c.doc_id for c in back.recomputed} == {open_doc.id, later.id}
    assert dates(db, open_doc.id)[:2] == (dt.date(2026, 11, 30), dt.date(2026, 11, 30))


def test_an_extended_due_date_stays_unless_the_statutory_one_is_later(
    db: Database, clock: FixedClock
) -> None:
    a = reg(db, clock, NOV_20)
    b = reg(db, clock, NOV_20)
    extend(db, admin(db), a.id, dt.date(2026, 12, 5), "დიდი მოცულობა", clock)
    extend(db, admin(db), b.id, dt.date(2026, 12, 1), "დიდი მოცულობა", clock)
    add_day_off(db, admin(db), dt.date(2026, 11, 30), "დადგენილება", clock)
    add_day_off(db, admin(db), dt.date(2026, 12, 1), "დადგენილება", clock)
    assert dates(db, a.id)[:2] == (dt.date(2026, 12, 5), dt.date(2026, 12, 2))
    assert dates(db, b.id)[:2] == (dt.date(2026, 12, 2), dt.date(2026, 12, 2))


def test_adding_an_existing_day_off_is_refused(db: Database, clock: FixedClock) -> None:
    with pytest.raises(ValidationError) as err:
        add_day_off(db, admin(db), dt.date(2026, 11, 23), "გიორგობა", clock)
    assert err.value.field == "day"
    with pytest.raises(ValidationError) as err:
        add_day_off(db, admin(db), "2026-13-01", "x", clock)
    assert err.value.field == "day"
    with pytest.raises(ValidationError) as err:
        add_day_off(db, admin(db), dt.date(2026, 12, 2), "  ", clock)
    assert err.value.field == "holiday_name"
    with pytest.raises(PermissionDenied):
        add_day_off(db, user(db, "registrar"), dt.date(2026, 12, 2), "x", clock)


def test_a_removed_package_day_is_kept_and_not_reseeded(db: Database, clock: FixedClock) -> None:
    giorgoba = dt.date(2026, 11, 23)
    doc = reg(db, clock, dt.date(2026, 11, 13))  # due 23 Nov, a holiday → 24 Nov
    assert doc.due_date == dt.date(2026, 11, 24)
    change = remove_day_off(db, admin(db), giorgoba, clock)
    assert [c.new_due for c in change.recomputed] == [giorgoba]
    with db.write() as s:
        assert seed_holidays(s, clock.today()) == 0
    listed = list_holidays(db, admin(db), 2026, include_removed=True)
    assert [h.day_off for h in listed if h.day == giorgoba] == [False]
    assert giorgoba not in {h.day for h in list_holidays(db, admin(db), 2026)}


def test_reaching_a_new_year_seeds_the_missing_years(db: Database) -> None:
    with db.write() as s:
        assert ensure_calendar_years(s, dt.date(2026, 11, 25)) == 0
        added = ensure_calendar_years(s, dt.date(2030, 1, 2))
        assert added > 0
        assert ensure_calendar_years(s, dt.date(2030, 1, 2)) == 0
        n = s.scalar(
            select(func.count(Holiday.id)).where(
                Holiday.day >= dt.date(2032, 1, 1), Holiday.day <= dt.date(2032, 12, 31)
            )
        )
    assert n and n > 10


def test_register_still_works_after_template_edit_for_a_department(
    db: Database, clock: FixedClock
) -> None:
    save_template(db, admin(db), "outgoing", "გ-{dept}-{seq:04d}/{yy}", "LEG", clock=clock)
    doc = register(
        db,
        admin(db),
        RegistrationInput(
            kind="outgoing",
            doc_type="letter",
            subject="პასუხი",
            from_name="შპს ალფა",
            department="LEG",
            reg_date=dt.date(2026, 11, 24),
        ),
        clock,
    )
    assert doc.number == "გ-LEG-0001/26"


# --- the calendar over the years: decree days, seeding later ------------------------------

NEW_YEAR_2029 = FixedClock(dt.datetime(2028, 12, 31, 9, 0))
DECREE = "მთავრობის განკარგულება №2385, 28.12.2028"
EXTRA_DAY = "ახალი წლის დამატებითი დასვენების დღე"


def _reasons(db: Database, doc_id: int) -> list[str]:
    return [e.new for e in history(db, admin(db), doc_id) if e.field == "due_reason"]


def test_a_decree_day_moves_open_due_dates_in_words_and_removing_it_moves_them_back(
    db: Database,
) -> None:
    clock = NEW_YEAR_2029
    day = dt.date(2029, 1, 5)  # a Friday; 6–7 January: weekend (and Christmas)
    docs = [reg(db, clock, dt.date(2028, 12, 26)) for _ in range(5)]  # FOI: due 5 January
    open_doc, closed_doc, answered_doc, waiting_doc, extended_doc = docs
    assert {d.due_date for d in docs} == {day}
    set_status(db, closed_doc.id, "closed")
    set_status(db, answered_doc.id, "answered")
    stop_clock(db, admin(db), waiting_doc.id, dt.date(2028, 12, 29), "დაზუსტება", clock)
    extend(db, admin(db), extended_doc.id, dt.date(2029, 1, 10), "დიდი მოცულობა", clock)

    change = add_day_off(db, admin(db), day, EXTRA_DAY, clock, decree=DECREE)

    assert change.decree_ref == DECREE
    assert [c.doc_id for c in change.recomputed] == [open_doc.id, extended_doc.id]
    assert dates(db, open_doc.id)[:2] == (dt.date(2029, 1, 8), dt.date(2029, 1, 8))
    # an extension is a promise: it stays; its statutory date moves
    assert dates(db, extended_doc.id)[:2] == (dt.date(2029, 1, 10), dt.date(2029, 1, 8))
    for untouched in (closed_doc, answered_doc, waiting_doc):
        assert dates(db, untouched.id)[:2] == (day, day)
        assert _reasons(db, untouched.id) == []
    assert _reasons(db, open_doc.id) == [
        "ვადა გადაიწია 05.01.2029-დან 08.01.2029-მდე: დაემატა უქმე დღე 05.01.2029 — "
        f"{EXTRA_DAY} ({DECREE})"
    ]
    assert _reasons(db, extended_doc.id) == [
        "კანონით დადგენილი ვადა გადაიწია 05.01.2029-დან 08.01.2029-მდე, დოკუმენტის ვადა "
        f"(10.01.2029) არ შეცვლილა: დაემატა უქმე დღე 05.01.2029 — {EXTRA_DAY} ({DECREE})"
    ]
    messages.set_language("en")
    assert _reasons(db, open_doc.id) == [
        "due date moved from 05.01.2029 to 08.01.2029: a day off was added on 05.01.2029 — "
        f"{EXTRA_DAY} ({DECREE})"
    ]
    messages.set_language("ka")
    listed = {h.day: h for h in list_holidays(db, admin(db), 2029)}
    assert (listed[day].source, listed[day].decree_ref) == ("decree", DECREE)
    with db.read() as s:
        audited = set(
            s.execute(
                select(AuditEntry.field, AuditEntry.new_value).where(
                    AuditEntry.action == "add_day_off"
                )
            )
        )
    assert ("decree_ref", DECREE) in audited

    back = remove_day_off(db, admin(db), day, clock)
    assert [c.doc_id for c in back.recomputed] == [open_doc.id, extended_doc.id]
    assert dates(db, open_doc.id)[:2] == (day, day)
    assert dates(db, extended_doc.id)[:2] == (dt.date(2029, 1, 10), day)
    assert _reasons(db, open_doc.id)[-1] == (
        f"ვადა გადაიწია 08.01.2029-დან 05.01.2029-მდე: 05.01.2029 ({EXTRA_DAY}) აღარ არის "
        f"უქმე დღე ({DECREE})"
    )
    for untouched in (closed_doc, answered_doc, waiting_doc):
        assert dates(db, untouched.id)[:2] == (day, day)


def test_a_date_set_by_hand_leaves_a_day_that_becomes_a_day_off_forward_only(
    db: Database,
) -> None:
    clock = NEW_YEAR_2029
    doc = reg(db, clock, dt.date(2028, 12, 26))  # due 5 January 2029
    extend(db, admin(db), doc.id, dt.date(2029, 1, 9), "დიდი მოცულობა", clock)  # a Tuesday
    change = add_day_off(db, admin(db), dt.date(2029, 1, 9), EXTRA_DAY, clock, decree=DECREE)
    assert [(c.old_due, c.new_due) for c in change.recomputed] == [
        (dt.date(2029, 1, 9), dt.date(2029, 1, 10))
    ]
    assert dates(db, doc.id)[:2] == (dt.date(2029, 1, 10), dt.date(2029, 1, 5))
    # the day becomes a working day again: a date set by hand is not pulled earlier
    assert remove_day_off(db, admin(db), dt.date(2029, 1, 9), clock).recomputed == ()
    assert dates(db, doc.id)[:2] == (dt.date(2029, 1, 10), dt.date(2029, 1, 5))


def test_seeding_a_year_later_moves_due_dates_counted_without_it(db: Database) -> None:
    """A registry kept by the program before the calendar extended itself: due dates in a
    year nobody had seeded. Start-up (prepare) seeds the year and moves them, in words."""
    clock = NEW_YEAR_2029
    open_doc = reg(db, clock, dt.date(2028, 12, 22))
    closed_doc = reg(db, clock, dt.date(2028, 12, 22))
    assert open_doc.due_date == dt.date(2029, 1, 3)
    jan_1 = dt.date(2029, 1, 1)
    with db.write() as s:  # as the earlier program left it: no 2029, due on New Year's Day
        s.execute(delete(Holiday).where(Holiday.day >= jan_1))
        for d in s.scalars(select(Document).where(Document.id.in_([open_doc.id, closed_doc.id]))):
            d.due_date = d.statutory_due_date = jan_1
    set_status(db, closed_doc.id, "closed")
    before = audit_count(db, "seed_calendar")

    prepare(db, clock)

    assert audit_count(db, "seed_calendar") == before + 2  # years, days
    assert dates(db, open_doc.id)[:2] == (dt.date(2029, 1, 3), dt.date(2029, 1, 3))
    assert dates(db, closed_doc.id)[:2] == (jan_1, jan_1)
    assert _reasons(db, open_doc.id) == [
        "ვადა გადაიწია 01.01.2029-დან 03.01.2029-მდე: კალენდარს დაემატა 2029–2030 წლის "
        "კანონით დადგენილი უქმე დღეები"
    ]
    messages.set_language("en")
    assert _reasons(db, open_doc.id) == [
        "due date moved from 01.01.2029 to 03.01.2029: the public holidays of 2029–2030 were "
        "added to the calendar"
    ]
    messages.set_language("ka")
    with db.write() as s:  # nothing left to seed: nothing moves again
        assert ensure_calendar_years(s, clock.today(), clock.now_utc()) == 0


def test_a_decree_day_in_a_year_not_yet_seeded_is_counted_with_that_years_holidays(
    db: Database, clock: FixedClock
) -> None:
    """An administrator enters a decree day years ahead: the year gets its package days
    first, so the decree day does not make the year look seeded."""
    add_day_off(db, admin(db), dt.date(2031, 4, 7), EXTRA_DAY, clock, decree=DECREE)
    days = {h.day: h.source for h in list_holidays(db, admin(db), 2031)}
    assert days[dt.date(2031, 4, 7)] == "decree"
    assert days[dt.date(2031, 1, 1)] == "package" and len(days) > 10
