"""Resolution, queue, answer, close and cancel, called as each role (refusals included);
two clerks saving the same card; the task lists and their urgency colours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import extensions, links, routing
from app.auth import Actor
from app.clock import FixedClock
from app.errors import PermissionDenied, StaleRecord, UserError, ValidationError
from app.routing import AnswerInput, ResolutionInput
from models.db import Database, open_database
from models.tables import Assignment, ClockStop, Document, DocumentLink
from tests.app._routing_helpers import counts, make_office, new_request, version


@pytest.fixture
def office(db: Database, clock: FixedClock, cheap_hashing: None) -> dict[str, Actor]:
    return make_office(db, clock)


def _assigned(
    db: Database, office: dict[str, Actor], clock: FixedClock, start: bool = False
) -> int:
    doc = new_request(db, office["reg"], clock)
    routing.assign(db, office["head"], doc, ResolutionInput(office["exec"].user_id), clock)
    if start:
        routing.start(db, office["exec"], doc, clock)
    return doc


# --- permissions: every role on every use case -------------------------------------------

Call = Callable[[Database, Actor, int, FixedClock, dict[str, Actor]], object]
USE_CASES: dict[str, tuple[str, Call, set[str]]] = {
    # use case: (state it starts from, the call, the logins allowed to make it)
    "assign": ("registered", lambda db, who, doc, clock, o: routing.assign(
        db, who, doc, ResolutionInput(o["exec"].user_id), clock), {"admin", "head"}),
    "reassign": ("assigned", lambda db, who, doc, clock, o: routing.reassign(
        db, who, doc, o["co"].user_id, "შვებულებაშია", clock), {"admin", "head"}),
    "claim": ("registered", lambda db, who, doc, clock, o: routing.claim(db, who, doc, clock),
              {"exec", "co", "head"}),
    "start": ("assigned", lambda db, who, doc, clock, o: routing.start(db, who, doc, clock),
              {"exec"}),
    "answer": ("assigned", lambda db, who, doc, clock, o: routing.answer(
        db, who, doc, AnswerInput("granted", "პასუხი", "გიგზავნით"), clock),
        {"admin", "head", "exec"}),
    "close": ("registered", lambda db, who, doc, clock, o: routing.close(
        db, who, doc, "ინფორმაციისთვის", clock), {"admin", "reg", "head"}),
    "cancel": ("registered", lambda db, who, doc, clock, o: routing.cancel(
        db, who, doc, "შეცდომით", clock), {"admin", "reg"}),
}  # fmt: skip


@pytest.mark.parametrize("use_case", list(USE_CASES))
def test_every_role_on_every_routing_use_case_is_refused_or_allowed_in_the_app_layer(
    db: Database, clock: FixedClock, office: dict[str, Actor], use_case: str
) -> None:
    state, call, allowed = USE_CASES[use_case]
    assert allowed < set(office)
    for name, who in office.items():
        doc = _assigned(db, office, clock) if state == "assigned" else new_request(
            db, office["reg"], clock)  # fmt: skip
        if name in allowed:
            call(db, who, doc, clock, office)
            continue
        before, v = counts(db), version(db, doc)
        with pytest.raises(PermissionDenied) as err:
            call(db, who, doc, clock, office)
        assert err.value.message("ka") and "{" not in err.value.message("ka"), name
        assert (counts(db), version(db, doc)) == (before, v), f"{name} wrote something"


@pytest.mark.parametrize("login", ["reg", "exec", "viewer", "fin.head"])
def test_only_the_departments_head_or_admin_puts_a_resolution(
    db: Database, clock: FixedClock, office: dict[str, Actor], login: str
) -> None:
    doc = new_request(db, office["reg"], clock)
    before = counts(db)
    with pytest.raises(PermissionDenied) as err:
        routing.assign(db, office[login], doc, ResolutionInput(office["exec"].user_id), clock)
    assert err.value.message()
    assert counts(db) == before


def test_the_read_side_answers_every_role(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = _assigned(db, office, clock)
    new_request(db, office["reg"], clock)  # waits in the SOC queue
    for name, who in office.items():
        tasks = routing.my_tasks(db, who, clock=clock)
        queue = routing.department_queue(db, who)
        n = routing.task_counts(db, who, clock)
        assert (n.total, n.queue) == (len(tasks), len(queue)), name
        expected = {"exec": [doc], "head": [doc], "admin": [doc], "reg": [doc], "co": [],
                    "fin.head": [], "viewer": [doc]}[name]  # fmt: skip
        assert [t.id for t in tasks] == expected, name
        assert len(queue) == (0 if name in ("viewer", "fin.head") else 1), name


# --- resolution, answer, closing ----------------------------------------------------------


def test_resolution_answer_and_closing(
    db: Database, clock: FixedClock, office: dict[str, Actor], tmp_path: Path
) -> None:
    doc = new_request(db, office["reg"], clock)
    with db.read() as s:
        statutory = s.get(Document, doc).statutory_due_date
    assert statutory is not None
    late = statutory + dt.timedelta(days=5)
    with pytest.raises(ValidationError) as err:  # later than the law without a reason
        routing.assign(db, office["head"], doc, ResolutionInput(
            office["exec"].user_id, (office["co"].user_id,), due_date=late), clock)  # fmt: skip
    assert err.value.field == "override_reason"
    with pytest.raises(ValidationError) as err:
        routing.assign(db, office["head"], doc, ResolutionInput(
            office["exec"].user_id, due_date=clock.today() - dt.timedelta(days=1)), clock)  # fmt: skip
    assert err.value.key == "routing.due_before_registration"
    state = routing.assign(db, office["head"], doc, ResolutionInput(
        office["exec"].user_id, (office["co"].user_id,), "მოამზადეთ პასუხი", late,
        "მოთხოვნა მოცულობითია", under_control=True), clock)  # fmt: skip
    assert (state.status, state.due_date, state.executor) == ("assigned", late, "exec სახელი")
    with db.read() as s:
        d = s.get(Document, doc)
        assert (d.executor_id, d.under_control) == (office["exec"].user_id, True)
        assert d.due_override_reason == "მოთხოვნა მოცულობითია"
        parts = s.execute(select(Assignment.user_id, Assignment.role, Assignment.state).where(
            Assignment.document_id == doc).order_by(Assignment.id)).all()  # fmt: skip
    assert parts == [(office["exec"].user_id, "main", "open"), (office["co"].user_id, "co", "open")]
    with pytest.raises(ValidationError) as err:  # a second resolution: that is a reassignment
        routing.assign(db, office["head"], doc, ResolutionInput(office["co"].user_id), clock)
    assert err.value.key == "routing.already_assigned"
    tasks = routing.my_tasks(db, office["exec"], clock=clock)
    assert [(t.id, t.role) for t in tasks] == [(doc, "main")]
    assert [(t.id, t.role) for t in routing.my_tasks(db, office["co"], clock=clock)] == [
        (doc, "co")
    ]
    assert [t.id for t in routing.my_tasks(db, office["head"], clock=clock)] == [doc]
    assert routing.my_tasks(db, office["fin.head"], clock=clock) == []
    with pytest.raises(PermissionDenied):
        routing.start(db, office["reg"], doc, clock)
    assert routing.start(db, office["exec"], doc, clock).status == "in_progress"
    with pytest.raises(ValidationError) as err:
        routing.answer(db, office["exec"], doc, AnswerInput("refused", "პასუხი", "უარი"), clock)
    assert err.value.field == "ground"
    co = routing.answer(db, office["co"], doc, AnswerInput(
        "partly_granted", "პასუხი", "ჩემი ნაწილი"), clock)  # fmt: skip
    assert not co.incoming_closed and co.incoming_status == "in_progress"
    with db.read() as s:
        d = s.get(Document, doc)
        assert (d.outcome, d.closed_date) == (None, None)  # the main executor is not done
    main = routing.answer(db, office["exec"], doc, AnswerInput(
        "partly_granted", "პასუხი: ბიუჯეტი", "გიგზავნით\n\nპერსონალური ნაწილის გარეშე"), clock)  # fmt: skip
    assert main.incoming_closed and main.incoming_status == "answered"
    with db.read() as s:
        d = s.get(Document, doc)
        assert (d.outcome, d.closed_date) == ("partly_granted", clock.today())
        out = s.get(Document, main.outgoing_id)
        assert (out.kind, out.reg_number, out.due_date) == ("outgoing", main.outgoing_number, None)
        assert (out.correspondent_id, out.department_id) == (d.correspondent_id, d.department_id)
        assert out.subject == "პასუხი: ბიუჯეტი" and out.summary.startswith("გიგზავნით")
        replies = s.scalars(select(DocumentLink.from_id).where(
            DocumentLink.to_id == doc, DocumentLink.link_type == "reply_to")).all()  # fmt: skip
        assert sorted(replies) == sorted([co.outgoing_id, main.outgoing_id])
        assert set(s.scalars(select(Assignment.state).where(Assignment.document_id == doc))) == {
            "done"
        }
    seen = {(x.link_type, x.other_id) for x in links.links_of(db, office["exec"], doc)}
    assert ("replied_by", main.outgoing_id) in seen
    pdf = routing.reply_letter(db, office["exec"], main.outgoing_id, tmp_path / "reply.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    with pytest.raises(ValidationError) as err:  # the letter is the outgoing one
        routing.reply_letter(db, office["exec"], doc, tmp_path / "wrong.pdf")
    assert err.value.key == "routing.letter_outgoing_only"
    assert routing.close(db, office["reg"], doc, "", clock).status == "closed"
    with pytest.raises(ValidationError) as err:
        routing.cancel(db, office["admin"], doc, "გვიან", clock)
    assert err.value.key == "status.transition"


def test_reassignment_withdraws_the_previous_executors_part(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = _assigned(db, office, clock, start=True)
    with pytest.raises(ValidationError) as err:
        routing.reassign(db, office["head"], doc, office["co"].user_id, "  ", clock)
    assert err.value.field == "reason"
    state = routing.reassign(db, office["head"], doc, office["co"].user_id, "შვებულება", clock)
    assert (state.status, state.executor) == ("assigned", "co სახელი")
    with db.read() as s:
        parts = s.execute(select(Assignment.user_id, Assignment.state, Assignment.note).where(
            Assignment.document_id == doc).order_by(Assignment.id)).all()  # fmt: skip
    assert parts == [(office["exec"].user_id, "withdrawn", "შვებულება"),
                     (office["co"].user_id, "open", "შვებულება")]  # fmt: skip
    assert routing.my_tasks(db, office["exec"], clock=clock) == []
    with pytest.raises(PermissionDenied):  # no longer his to answer
        routing.answer(db, office["exec"], doc, AnswerInput("granted", "პ", "ტ"), clock)


def test_a_letter_asking_for_clarification_stops_the_clock_and_keeps_the_task_open(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = _assigned(db, office, clock, start=True)
    asked = routing.answer(db, office["exec"], doc, AnswerInput(
        "clarification_requested", "დაზუსტება", "გთხოვთ, დააზუსტოთ პერიოდი"), clock)  # fmt: skip
    assert (asked.incoming_status, asked.incoming_closed) == ("awaiting_clarification", False)
    with db.read() as s:
        d = s.get(Document, doc)
        assert (d.outcome, d.closed_date) == (None, None)
        stop = s.scalars(select(ClockStop).where(ClockStop.document_id == doc)).one()
        assert (stop.previous_status, stop.note, stop.resumed_on) == (
            "in_progress", asked.outgoing_number, None)  # fmt: skip
        assert s.scalars(select(Assignment.state).where(Assignment.document_id == doc)).all() == [
            "in_progress"
        ]
    assert [t.id for t in routing.my_tasks(db, office["exec"], clock=clock)] == [doc]
    with pytest.raises(ValidationError) as err:  # the citizen has not replied yet
        routing.answer(db, office["exec"], doc, AnswerInput("granted", "პასუხი", "ტექსტი"), clock)
    assert err.value.key == "routing.not_assigned"
    later = FixedClock(dt.datetime(2026, 11, 30, 9, 0))
    extensions.resume_clock(db, office["exec"], doc, None, later)
    final = routing.answer(db, office["exec"], doc, AnswerInput("granted", "პასუხი", "ტექსტი"),
                           later)  # fmt: skip
    assert (final.incoming_status, final.incoming_closed) == ("answered", True)
    with db.read() as s:
        assert s.get(Document, doc).outcome == "granted"


def test_without_a_deadline_a_clarification_letter_answers_the_document(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = new_request(db, office["reg"], clock, doc_type="memo")
    with db.read() as s:
        assert s.get(Document, doc).due_date is None
    routing.assign(db, office["head"], doc, ResolutionInput(office["exec"].user_id), clock)
    res = routing.answer(db, office["exec"], doc, AnswerInput(
        "clarification_requested", "დაზუსტება", "ტექსტი"), clock)  # fmt: skip
    assert (res.incoming_status, res.incoming_closed) == ("answered", True)


def test_forwarding_records_the_body_and_ends_in_forwarded(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = _assigned(db, office, clock)
    with pytest.raises(ValidationError) as err:
        routing.answer(db, office["exec"], doc, AnswerInput("forwarded", "გადაგზავნა", "ტ"), clock)
    assert err.value.field == "forward_to"
    res = routing.answer(db, office["exec"], doc, AnswerInput(
        "forwarded", "გადაგზავნა", "ტექსტი", forward_to="შსს"), clock)  # fmt: skip
    assert res.incoming_status == "forwarded"
    with db.read() as s:
        d = s.get(Document, doc)
        assert (d.outcome, d.outcome_ground) == ("forwarded", "შსს")
    assert routing.close(db, office["head"], doc, "", clock).status == "closed"


# --- two clerks, one card ----------------------------------------------------------------

STALE_CASES: dict[str, tuple[str, str, Callable[..., object]]] = {
    # use case: (state, who saves, the save given the version the card was opened at)
    "assign": ("registered", "head", lambda db, o, doc, clock, v: routing.assign(
        db, o["head"], doc, ResolutionInput(o["exec"].user_id, expected_version=v), clock)),
    "reassign": ("assigned", "head", lambda db, o, doc, clock, v: routing.reassign(
        db, o["head"], doc, o["co"].user_id, "შვებულება", clock, expected_version=v)),
    "claim": ("registered", "exec", lambda db, o, doc, clock, v: routing.claim(
        db, o["exec"], doc, clock, expected_version=v)),
    "start": ("assigned", "exec", lambda db, o, doc, clock, v: routing.start(
        db, o["exec"], doc, clock, expected_version=v)),
    "answer": ("in_progress", "exec", lambda db, o, doc, clock, v: routing.answer(
        db, o["exec"], doc, AnswerInput("granted", "პასუხი", "ტექსტი", expected_version=v), clock)),
    "close": ("registered", "admin", lambda db, o, doc, clock, v: routing.close(
        db, o["admin"], doc, "ინფორმაციისთვის", clock, expected_version=v)),
    "cancel": ("registered", "admin", lambda db, o, doc, clock, v: routing.cancel(
        db, o["admin"], doc, "შეცდომით", clock, expected_version=v)),
}  # fmt: skip


@pytest.mark.parametrize("use_case", list(STALE_CASES))
def test_the_second_save_gets_changed_by_writes_nothing_and_succeeds_after_reload(
    db: Database, clock: FixedClock, office: dict[str, Actor], use_case: str
) -> None:
    state, _who, save = STALE_CASES[use_case]
    if state == "registered":
        doc = new_request(db, office["reg"], clock)
    else:
        doc = _assigned(db, office, clock, start=state == "in_progress")
    with db.read() as first:  # clerk 1 opens the card in his session
        card = first.get(Document, doc)
        assert card is not None
        opened_at, due = card.version, card.due_date
    assert due is not None
    # clerk 2, in a session of his own, extends the deadline and saves first
    extensions.extend(db, office["reg"], doc, due + dt.timedelta(days=1), "ითხოვს მეტ დროს",
                      clock)  # fmt: skip
    before = counts(db)
    with pytest.raises(StaleRecord) as err:
        save(db, office, doc, clock, opened_at)
    text = err.value.message("ka")
    assert "reg სახელი" in text and "2026-11-25 13:00" in text  # who, and when (Tbilisi)
    assert counts(db) == before
    save(db, office, doc, clock, version(db, doc))  # reloaded: the same save goes through


@pytest.mark.pg
@pytest.mark.parametrize("use_case", ["claim", "assign", "answer"])
def test_two_transactions_at_once_on_the_server_the_later_gets_changed_by(
    pg_url: str, clock: FixedClock, cheap_hashing: None, monkeypatch: pytest.MonkeyPatch,
    use_case: str,
) -> None:  # fmt: skip
    """Clerk 1 has read the card inside his write transaction when clerk 2's save commits
    (READ COMMITTED, no lock taken by reading): clerk 1's versioned UPDATE matches no row."""
    db, other = open_database(pg_url), open_database(pg_url)
    try:
        office = make_office(db, clock)
        if use_case == "answer":
            doc = _assigned(db, office, clock)
            first: Callable[[], object] = lambda: routing.answer(  # noqa: E731
                db, office["head"], doc, AnswerInput("refused", "უარი", "ტ", "მუხლი 28"), clock
            )
            second: Callable[[], object] = lambda: routing.answer(  # noqa: E731
                other, office["exec"], doc, AnswerInput("granted", "პასუხი", "ტ"), clock
            )
            winner = "exec სახელი"
        elif use_case == "claim":
            doc = new_request(db, office["reg"], clock)
            first = lambda: routing.claim(db, office["exec"], doc, clock)  # noqa: E731
            second = lambda: routing.claim(other, office["co"], doc, clock)  # noqa: E731
            winner = "co სახელი"
        else:
            doc = new_request(db, office["reg"], clock)
            first = lambda: routing.assign(  # noqa: E731
                db, office["head"], doc, ResolutionInput(office["exec"].user_id), clock
            )
            second = lambda: routing.assign(  # noqa: E731
                other, office["admin"], doc, ResolutionInput(office["co"].user_id), clock
            )
            winner = office["admin"].full_name
        check = routing._check_version
        interleaved: list[object] = []

        def clerk_two_saves_meanwhile(s: Session, d: Document, expected: int | None) -> None:
            if not interleaved:  # once: clerk 1 holds the card he read, unlocked
                interleaved.append(d.id)
                second()
            check(s, d, expected)

        monkeypatch.setattr(routing, "_check_version", clerk_two_saves_meanwhile)
        before = counts(db)
        with pytest.raises(StaleRecord) as err:
            first()
        assert len(interleaved) == 1
        assert winner in err.value.message("ka")
        after = counts(db)
        assert after[0] - before[0] == (1 if use_case == "answer" else 0)  # only clerk 2's reply
        with db.read() as s:
            d = s.get(Document, doc)
            assert d is not None
            expected_exec = {
                "claim": office["co"],
                "assign": office["co"],
                "answer": office["exec"],
            }
            assert d.executor_id == expected_exec[use_case].user_id
            if use_case == "answer":
                assert d.outcome == "granted"
    finally:
        db.dispose()
        other.dispose()


@pytest.mark.pg
def test_an_answer_and_a_start_on_the_same_card_at_once_do_not_deadlock(
    pg_url: str, clock: FixedClock, cheap_hashing: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the load bench (bench/load.py): the co-executor's answer held the audit
    chain's lock (taken registering the reply) when the main executor's start updated the
    card and waited for that lock; the answer then waited for the card: deadlock. Now the
    answer takes the card first, and the start is told "changed by"."""
    import threading

    from sqlalchemy import text

    db, other, watch = open_database(pg_url), open_database(pg_url), open_database(pg_url)
    try:
        office = make_office(db, clock)
        doc = new_request(db, office["reg"], clock)
        routing.assign(db, office["head"], doc,
                       ResolutionInput(office["exec"].user_id, (office["co"].user_id,)), clock)  # fmt: skip
        opened_at = version(db, doc)
        outcome: list[object] = []

        def main_executor_starts() -> None:
            try:
                outcome.append(routing.start(other, office["exec"], doc, clock,
                                             expected_version=opened_at))  # fmt: skip
            except Exception as exc:
                outcome.append(exc)

        starter = threading.Thread(target=main_executor_starts)
        link = routing.link_in_session

        def start_meanwhile(*args: object, **kwargs: object) -> None:
            # The reply is registered (its number and the audit lock are held): the start
            # runs now, until it waits for a lock this transaction holds.
            starter.start()
            waiting = 0
            for _ in range(1000):
                with watch.engine.connect() as c:
                    waiting = int(c.execute(text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    )).scalar_one())  # fmt: skip
                if waiting or not starter.is_alive():
                    break
            assert waiting == 1 or not starter.is_alive(), "the start never reached the card"
            link(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(routing, "link_in_session", start_meanwhile)
        result = routing.answer(db, office["co"], doc, AnswerInput("granted", "პასუხი", "ტ",
                                                                   expected_version=opened_at),
                                clock)  # fmt: skip
        starter.join(timeout=30)
        assert not starter.is_alive()
        assert result.incoming_status == "assigned"  # the main executor's part is still open
        assert len(outcome) == 1 and isinstance(outcome[0], StaleRecord), outcome
        assert "co სახელი" in outcome[0].message("ka")
        with db.read() as s:
            d = s.get(Document, doc)
            assert d is not None and d.status == "assigned" and d.version == opened_at + 1
    finally:
        db.dispose()
        other.dispose()
        watch.dispose()


# --- queue, confidentiality, reports ------------------------------------------------------


def test_queue_claim_and_confidential_documents(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = new_request(db, office["reg"], clock)
    secret = new_request(db, office["reg"], clock, confidential=True)
    assert [t.id for t in routing.department_queue(db, office["exec"])] == [doc]
    assert routing.task_counts(db, office["exec"], clock).queue == 2
    state = routing.claim(db, office["exec"], doc, clock)
    assert (state.status, state.executor) == ("in_progress", "exec სახელი")
    with pytest.raises(UserError) as err:
        routing.claim(db, office["co"], doc, clock)
    assert err.value.key == "routing.not_in_queue"
    with pytest.raises(PermissionDenied):
        routing.claim(db, office["co"], secret, clock)  # not his to see
    counts_ = routing.task_counts(db, office["exec"], clock)
    assert (counts_.total, counts_.queue) == (1, 1)


def test_urgency_overdue_soon_and_normal(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    # today is Wednesday 25.11.2026: 3 working days ahead is Monday 30.11
    days = {"overdue": dt.date(2026, 11, 24), "soon": dt.date(2026, 11, 30),
            "normal": dt.date(2026, 12, 1)}  # fmt: skip
    ids = {}
    for urgency, due in days.items():
        ids[urgency] = doc = new_request(db, office["reg"], clock)
        routing.assign(db, office["head"], doc, ResolutionInput(office["exec"].user_id), clock)
        with db.write() as s:  # as if registered earlier
            d = s.get(Document, doc)
            assert d is not None
            d.due_date = due
    tasks = routing.my_tasks(db, office["exec"], clock=clock)
    assert [(t.id, t.urgency) for t in tasks] == [(ids[u], u) for u in days]  # due date order
    n = routing.task_counts(db, office["exec"], clock)
    assert (n.total, n.overdue, n.soon) == (3, 1, 1)


def test_the_annual_foi_report_counts_the_recorded_outcomes(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    from app.reporting import foi_annual

    for outcome, ground in (("granted", ""), ("refused", "სზაკ-ის 28-ე მუხლი"),
                            ("refused", "სზაკ-ის 28-ე მუხლი"), ("partly_granted", "")):  # fmt: skip
        doc = new_request(db, office["reg"], clock)
        routing.assign(db, office["head"], doc, ResolutionInput(office["exec"].user_id), clock)
        routing.answer(db, office["exec"], doc, AnswerInput(outcome, "პასუხი", "ტექსტი", ground),
                       clock)  # fmt: skip
    r = foi_annual(db, office["admin"], 2026, clock=clock)
    assert (r.received, r.granted_full, r.granted_partly, r.refused) == (4, 1, 1, 2)
    assert [(c.label, c.count) for c in r.refusals_by_ground] == [("სზაკ-ის 28-ე მუხლი", 2)]
    assert r.outcome_not_recorded == 0
    with db.read() as s:
        assert s.scalar(select(func.count(Document.id)).where(Document.kind == "outgoing")) == 4
