"""Resolution, queue, answer, close and cancel, called as each role (refusals included);
two clerks saving the same card; the task lists and their urgency colours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import routing, users
from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.errors import PermissionDenied, StaleRecord, UserError, ValidationError
from app.registration import RegistrationInput, register
from app.routing import AnswerInput, ResolutionInput
from app.users import UserInput
from models.db import Database
from models.tables import Assignment, AuditEntry, Department, Document, DocumentLink


@pytest.fixture
def office(db: Database, clock: FixedClock, cheap_hashing: None) -> dict[str, Actor]:
    with db.read() as s:
        admin = default_actor(s)
        soc = s.scalar(select(Department.id).where(Department.code == "SOC"))
        fin = s.scalar(select(Department.id).where(Department.code == "FIN"))
    assert admin is not None
    people = {"admin": admin}
    for login, role, dept in (("reg", "registrar", None), ("head", "head", soc),
                              ("exec", "executor", soc), ("co", "executor", soc),
                              ("fin.head", "head", fin), ("viewer", "viewer", None)):  # fmt: skip
        row = users.create_user(db, admin, UserInput(login, f"{login} სახელი", role, dept),
                                "პაროლი-12345", clock=clock)  # fmt: skip
        people[login] = Actor(row.id, row.login, row.full_name, row.role, row.department_id)
    return people


def _request(db: Database, who: Actor, clock: FixedClock, confidential: bool = False) -> int:
    doc = register(db, who, RegistrationInput(
        kind="incoming", doc_type="foi", subject="საჯარო ინფორმაცია ბიუჯეტზე",
        from_name="მარიამ ბერიძე", department="SOC", confidential=confidential,
    ), clock)  # fmt: skip
    return doc.id


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            int(s.scalar(select(func.count(Document.id))) or 0),
            int(s.scalar(select(func.count(Assignment.id))) or 0),
            int(s.scalar(select(func.count(AuditEntry.id))) or 0),
        )


@pytest.mark.parametrize("role", ["reg", "exec", "viewer", "fin.head"])
def test_only_the_departments_head_or_admin_puts_a_resolution(
    db: Database, clock: FixedClock, office: dict[str, Actor], role: str
) -> None:
    doc = _request(db, office["reg"], clock)
    before = _counts(db)
    with pytest.raises(PermissionDenied) as err:
        routing.assign(db, office[role], doc, ResolutionInput(office["exec"].user_id), clock)
    assert err.value.message()
    assert _counts(db) == before


@pytest.mark.parametrize(
    ("use_case", "allowed"),
    [
        ("claim", {"exec", "co", "head"}),
        ("close", {"admin", "reg", "head"}),
        ("cancel", {"admin", "reg"}),
    ],
)
def test_each_role_is_refused_or_allowed_by_the_app_layer(
    db: Database, clock: FixedClock, office: dict[str, Actor], use_case: str, allowed: set[str]
) -> None:
    for name, who in office.items():
        if name == "fin.head":
            continue
        doc = _request(db, office["reg"], clock)
        call = {
            "claim": lambda who=who, doc=doc: routing.claim(db, who, doc, clock),
            "close": lambda who=who, doc=doc: routing.close(db, who, doc, "ინფორმაცია", clock),
            "cancel": lambda who=who, doc=doc: routing.cancel(db, who, doc, "შეცდომით", clock),
        }[use_case]
        if name in allowed:
            assert call().id == doc, name
        else:
            before = _counts(db)
            with pytest.raises(PermissionDenied):
                call()
            assert _counts(db) == before, name


def test_resolution_answer_and_closing(
    db: Database, clock: FixedClock, office: dict[str, Actor], tmp_path: Path
) -> None:
    doc = _request(db, office["reg"], clock)
    with db.read() as s:
        statutory = s.get(Document, doc).statutory_due_date
    assert statutory is not None
    late = statutory + dt.timedelta(days=5)
    with pytest.raises(ValidationError) as err:  # later than the law without a reason
        routing.assign(db, office["head"], doc, ResolutionInput(
            office["exec"].user_id, (office["co"].user_id,), due_date=late), clock)  # fmt: skip
    assert err.value.field == "override_reason"
    state = routing.assign(db, office["head"], doc, ResolutionInput(
        office["exec"].user_id, (office["co"].user_id,), "მოამზადეთ პასუხი", late,
        "მოთხოვნა მოცულობითია", under_control=True), clock)  # fmt: skip
    assert (state.status, state.due_date) == ("assigned", late)
    tasks = routing.my_tasks(db, office["exec"], clock=clock)
    assert [(t.id, t.role) for t in tasks] == [(doc, "main")]
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
    main = routing.answer(db, office["exec"], doc, AnswerInput(
        "partly_granted", "პასუხი: ბიუჯეტი", "გიგზავნით\n\nპერსონალური ნაწილის გარეშე"), clock)  # fmt: skip
    assert main.incoming_closed and main.incoming_status == "answered"
    with db.read() as s:
        d = s.get(Document, doc)
        assert (d.outcome, d.closed_date) == ("partly_granted", clock.today())
        out = s.get(Document, main.outgoing_id)
        assert out.kind == "outgoing" and out.due_date is None
        assert s.scalar(select(func.count(DocumentLink.id)).where(
            DocumentLink.to_id == doc, DocumentLink.link_type == "reply_to")) == 2  # fmt: skip
    pdf = routing.reply_letter(db, office["exec"], main.outgoing_id, tmp_path / "reply.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert routing.close(db, office["reg"], doc, "", clock).status == "closed"
    with pytest.raises(ValidationError) as err:
        routing.cancel(db, office["admin"], doc, "გვიან", clock)
    assert err.value.key == "status.transition"


def test_second_save_gets_changed_by_and_writes_nothing(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = _request(db, office["reg"], clock)
    with db.read() as s:
        seen = s.get(Document, doc).version  # both clerks opened the card at this version
    routing.assign(db, office["head"], doc, ResolutionInput(
        office["exec"].user_id, expected_version=seen), clock)  # fmt: skip
    before = _counts(db)
    with pytest.raises(StaleRecord) as err:
        routing.cancel(db, office["admin"], doc, "შეცდომით", clock, expected_version=seen)
    assert "head სახელი" in err.value.message()
    assert _counts(db) == before


def test_queue_claim_and_confidential_documents(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    doc = _request(db, office["reg"], clock)
    secret = _request(db, office["reg"], clock, confidential=True)
    assert [t.id for t in routing.department_queue(db, office["exec"])] == [doc]
    assert routing.task_counts(db, office["exec"], clock).queue == 2
    routing.claim(db, office["exec"], doc, clock)
    with pytest.raises(UserError) as err:
        routing.claim(db, office["co"], doc, clock)
    assert err.value.key == "routing.not_in_queue"
    with pytest.raises(PermissionDenied):
        routing.claim(db, office["co"], secret, clock)  # not his to see
    counts = routing.task_counts(db, office["exec"], clock)
    assert (counts.total, counts.queue) == (1, 1)


def test_the_annual_foi_report_counts_the_recorded_outcomes(
    db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    from app.reporting import foi_annual

    for outcome, ground in (("granted", ""), ("refused", "სზაკ-ის 28-ე მუხლი"),
                            ("refused", "სზაკ-ის 28-ე მუხლი"), ("partly_granted", "")):  # fmt: skip
        doc = _request(db, office["reg"], clock)
        routing.assign(db, office["head"], doc, ResolutionInput(office["exec"].user_id), clock)
        routing.answer(db, office["exec"], doc, AnswerInput(outcome, "პასუხი", "ტექსტი", ground),
                       clock)  # fmt: skip
    r = foi_annual(db, office["admin"], 2026, clock=clock)
    assert (r.received, r.granted_full, r.granted_partly, r.refused) == (4, 1, 1, 2)
    assert [(c.label, c.count) for c in r.refusals_by_ground] == [("სზაკ-ის 28-ე მუხლი", 2)]
    assert r.outcome_not_recorded == 0
