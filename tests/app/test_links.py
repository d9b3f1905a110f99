"""Links between documents and repeat-letter warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from app import messages
from app.clock import FixedClock
from app.errors import NotFound, PermissionDenied, ValidationError
from app.links import find_by_number, link, links_of, repeat_warnings, unlink
from models.db import Database
from tests.app._rules_helpers import admin, audit_count, reg, set_status, user


def test_links_are_shown_both_ways_with_the_inverse_label(db: Database, clock: FixedClock) -> None:
    incoming = reg(db, clock, dt.date(2026, 11, 2))
    answer = reg(db, clock, dt.date(2026, 11, 10), "letter", kind="outgoing")
    executor = user(db, "head")  # handles the unrouted documents (app.access)
    seen = link(db, executor, answer.id, incoming.id, "reply_to", clock)
    assert (seen.link_type, seen.other_number, seen.outgoing) == ("reply_to", incoming.number, True)
    [back] = links_of(db, admin(db), incoming.id)
    assert (back.link_type, back.other_id, back.outgoing) == ("replied_by", answer.id, False)
    assert back.label == "პასუხი"
    [fwd] = links_of(db, admin(db), answer.id)
    assert fwd.link_type == "reply_to" and fwd.label_en == "Reply to"
    assert audit_count(db, "link") == 2

    with pytest.raises(ValidationError) as err:
        link(db, executor, answer.id, incoming.id, "reply_to", clock)
    assert err.value.key == "link.exists"
    link(db, executor, incoming.id, answer.id, "related", clock)
    with pytest.raises(ValidationError):
        link(db, executor, answer.id, incoming.id, "related", clock)
    with pytest.raises(ValidationError) as err:
        link(db, executor, answer.id, answer.id, "related", clock)
    assert err.value.key == "link.self"
    with pytest.raises(ValidationError) as err:
        link(db, executor, answer.id, incoming.id, "cousin_of", clock)
    assert err.value.field == "link_type"
    with pytest.raises(PermissionDenied):
        link(db, user(db, "viewer"), answer.id, incoming.id, "repeat_of", clock)

    unlink(db, admin(db), seen.link_id, clock)
    assert [x.link_type for x in links_of(db, admin(db), incoming.id)] == ["related"]


def test_repeat_warnings_for_the_same_correspondent_and_type(
    db: Database, clock: FixedClock
) -> None:
    pid = "01024012345"
    recent = reg(db, clock, dt.date(2026, 11, 2), personal_id=pid)
    old_open = reg(db, clock, dt.date(2026, 6, 1), personal_id=pid)
    old_closed = reg(db, clock, dt.date(2026, 6, 2), personal_id=pid)
    set_status(db, old_closed.id, "closed")
    recent_closed = reg(db, clock, dt.date(2026, 11, 5), personal_id=pid)
    set_status(db, recent_closed.id, "answered")
    other_type = reg(db, clock, dt.date(2026, 11, 3), "application", personal_id=pid)
    reg(db, clock, dt.date(2026, 11, 4), name="ნინო ბერიძე")  # another person
    me = admin(db)
    today = dt.date(2026, 11, 25)

    by_pid = repeat_warnings(db, me, doc_type="foi", reg_date=today, personal_id=pid)
    assert [w.doc_id for w in by_pid] == [recent_closed.id, recent.id, old_open.id]
    assert by_pid[1].number == recent.number and by_pid[1].status == "registered"
    assert by_pid[1].status_label == "რეგისტრირებული"
    messages.set_language("en")  # the status in the interface's language
    try:
        english = repeat_warnings(db, me, doc_type="foi", reg_date=today, personal_id=pid)
    finally:
        messages.set_language("ka")
    assert english[1].status_label == "Registered"
    by_id = repeat_warnings(
        db, me, doc_type="foi", reg_date=today, correspondent_id=recent.correspondent_id
    )
    assert [w.doc_id for w in by_id] == [w.doc_id for w in by_pid]
    apps = repeat_warnings(db, me, doc_type="application", reg_date=today, personal_id=pid)
    assert [w.doc_id for w in apps] == [other_type.id]
    assert repeat_warnings(db, me, doc_type="letter", reg_date=today, personal_id=pid) == []
    assert repeat_warnings(db, me, doc_type="foi", reg_date=today, personal_id="0102") == []
    assert repeat_warnings(db, me, doc_type="foi", reg_date=today) == []


def test_find_by_number_gives_the_document_id(db: Database, clock: FixedClock) -> None:
    doc = reg(db, clock, dt.date(2026, 11, 2))
    assert find_by_number(db, admin(db), f"  {doc.number} ") == doc.id
    with pytest.raises(NotFound) as err:
        find_by_number(db, admin(db), "შ-999/2026")
    assert (err.value.field, err.value.params["got"]) == ("number", "შ-999/2026")
    assert "შ-999/2026" in err.value.message("ka")
    with pytest.raises(ValidationError) as verr:
        find_by_number(db, admin(db), "  ")
    assert verr.value.field == "number"
