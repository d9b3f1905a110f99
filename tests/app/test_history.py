"""The History tab: every step of a request's life, who and when, oldest first, in words."""

from __future__ import annotations

import datetime as dt

import pytest

from app import attachments, extensions, messages, routing
from app.auth import Actor
from app.clock import FixedClock
from app.errors import PermissionDenied
from app.history import HistoryEntry, history
from app.refdata import STATUS_NAMES, label
from app.routing import AnswerInput, ResolutionInput
from models.db import Database
from tests.app._routing_helpers import make_office, new_request


@pytest.fixture
def office(db: Database, clock: FixedClock, cheap_hashing: None) -> dict[str, Actor]:
    return make_office(db, clock)


def _life(db: Database, o: dict[str, Actor], clock: FixedClock) -> tuple[int, int]:
    """Register → resolution → start → file → clarification asked → clock resumed → both
    executors answer → closed. Returns the request and the main executor's reply."""
    doc = new_request(db, o["reg"], clock)
    due = routing.assign(db, o["head"], doc, ResolutionInput(
        o["exec"].user_id, (o["co"].user_id,), "მოამზადეთ პასუხი", under_control=True), clock
    ).due_date  # fmt: skip
    assert due is not None
    routing.start(db, o["exec"], doc, clock)
    attachments.add_attachment(db, o["exec"], doc, "სკანი.pdf", b"%PDF-1.4 scan", clock=clock)
    routing.answer(db, o["exec"], doc, AnswerInput(
        "clarification_requested", "დაზუსტება", "დააზუსტეთ პერიოდი"), clock)  # fmt: skip
    later = FixedClock(dt.datetime(2026, 11, 30, 8, 0))
    extensions.resume_clock(db, o["exec"], doc, None, later)
    routing.answer(db, o["co"], doc, AnswerInput("partly_granted", "პასუხი", "ნაწილი"), later)
    reply = routing.answer(db, o["exec"], doc, AnswerInput(
        "partly_granted", "პასუხი", "გიგზავნით"), later)  # fmt: skip
    routing.close(db, o["reg"], doc, "", later)
    return doc, reply.outgoing_id


def _steps(entries: list[HistoryEntry]) -> list[tuple[str, str]]:
    """(action, who) once per step (an action writes one row per changed field)."""
    out: list[tuple[str, str]] = []
    for e in entries:
        if not out or out[-1] != (e.action, e.who):
            out.append((e.action, e.who))
    return out


def test_every_step_with_who_and_when_oldest_first(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc, _reply = _life(db, office, clock)
    entries = history(db, office["head"], doc)
    reg, head, ex, co = (office[k].full_name for k in ("reg", "head", "exec", "co"))
    assert _steps(entries) == [
        ("register", reg),
        ("assign", head),
        ("start", ex),
        ("attach", ex),
        ("link", ex), ("answer", ex), ("stop_clock", ex),  # the clarification letter
        ("resume_clock", ex),
        ("link", co), ("answer", co),
        ("link", ex), ("answer", ex),
        ("close", reg),
    ]  # fmt: skip
    times = [e.at for e in entries]
    assert times == sorted(times) and times[0] == clock.now_utc()  # UTC, as stored
    assert times[-1] == dt.datetime(2026, 11, 30, 8, 0)
    statuses = [(e.old, e.new) for e in entries if e.field == "status"]
    ka = [label(STATUS_NAMES, s) for s in ("registered", "assigned", "in_progress",
                                            "awaiting_clarification", "answered", "closed")]  # fmt: skip
    assert statuses == [(ka[0], ka[1]), (ka[1], ka[2]), (ka[2], ka[3]), (ka[3], ka[2]),
                        (ka[2], ka[4]), (ka[4], ka[5])]  # fmt: skip


def test_actions_fields_and_coded_values_are_shown_in_words(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc, reply = _life(db, office, clock)
    entries = history(db, office["exec"], doc)
    for e in entries:
        assert e.action_label and e.action_label != e.action, e
        assert (e.field_label != e.field) if e.field else e.field_label == "", e
    by_field = {e.field: e for e in entries}
    assert by_field["under_control"].new == "კი"
    assert by_field["outcome"].new == "დაკმაყოფილდა ნაწილობრივ"
    assert by_field["executor"].new == office["exec"].full_name
    assert by_field["co_executor"].new == office["co"].full_name
    assert by_field["instruction"].new == "მოამზადეთ პასუხი"
    assert by_field["attachment"].new == "სკანი.pdf"
    assert by_field["remaining_days"].new.endswith("კალენდარული დღე")  # a FOI counts calendar days
    assert by_field["replied_by"].field_label == "პასუხი"
    due = [e for e in entries if e.field == "due_date"]
    assert due and all(e.new.count(".") == 2 for e in due)  # 07.12.2026, not 2026-12-07
    messages.set_language("en")
    english = history(db, office["exec"], doc)
    assert [e.action_label for e in english][:2] == ["Registered", "Resolution"]
    assert {e.field: e for e in english}["outcome"].new == "Partly granted"
    assert {e.field: e for e in english}["under_control"].field_label == "Under control"
    out = history(db, office["exec"], reply)  # the reply letter's own history
    assert [(e.action, e.field_label) for e in out] == [
        ("register", "Number"),
        ("link", "Reply to"),
    ]


def test_a_confidential_documents_history_is_for_those_who_may_see_it(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = new_request(db, office["reg"], clock, confidential=True)
    routing.assign(db, office["admin"], doc, ResolutionInput(office["exec"].user_id), clock)
    # administrator, registering clerk, the department's head, executor (app.access)
    for login in ("admin", "reg", "head", "exec"):
        assert {e.action for e in history(db, office[login], doc)} == {"register", "assign"}, login
    for login in ("co", "viewer", "fin.head"):
        with pytest.raises(PermissionDenied):
            history(db, office[login], doc)
