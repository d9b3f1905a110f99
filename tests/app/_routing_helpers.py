"""The office the routing and history tests work in: one user per role, a request to route."""

from __future__ import annotations

from sqlalchemy import func, select

from app import users
from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.registration import RegistrationInput, register
from app.users import UserInput
from models.db import Database
from models.tables import Assignment, AuditEntry, Department, Document

# login → (role, department code); "fin.head" heads another department than the request's.
STAFF = (
    ("reg", "registrar", None),
    ("head", "head", "SOC"),
    ("exec", "executor", "SOC"),
    ("co", "executor", "SOC"),
    ("fin.head", "head", "FIN"),
    ("viewer", "viewer", None),
)


def make_office(db: Database, clock: FixedClock) -> dict[str, Actor]:
    """The seeded administrator plus one user per STAFF row (call with cheap hashing)."""
    with db.read() as s:
        admin = default_actor(s)
        depts = {code: i for code, i in s.execute(select(Department.code, Department.id))}
    assert admin is not None
    people = {"admin": admin}
    for login, role, dept in STAFF:
        row = users.create_user(
            db,
            admin,
            UserInput(login, f"{login} სახელი", role, depts[dept] if dept else None),
            "პაროლი-12345",
            clock=clock,
        )
        people[login] = Actor(row.id, row.login, row.full_name, row.role, row.department_id)
    return people


def new_request(
    db: Database,
    who: Actor,
    clock: FixedClock,
    confidential: bool = False,
    doc_type: str = "foi",
) -> int:
    """A public-information request (or *doc_type*) for the SOC department; its id."""
    doc = register(
        db,
        who,
        RegistrationInput(
            kind="incoming",
            doc_type=doc_type,
            subject="საჯარო ინფორმაცია ბიუჯეტზე",
            from_name="მარიამ ბერიძე",
            department="SOC",
            confidential=confidential,
        ),
        clock,
    )
    return doc.id


def counts(db: Database) -> tuple[int, int, int]:
    """Documents, assignments and audit rows: a refused call must change none of them."""
    with db.read() as s:
        return (
            int(s.scalar(select(func.count(Document.id))) or 0),
            int(s.scalar(select(func.count(Assignment.id))) or 0),
            int(s.scalar(select(func.count(AuditEntry.id))) or 0),
        )


def version(db: Database, doc_id: int) -> int:
    with db.read() as s:
        v = s.scalar(select(Document.version).where(Document.id == doc_id))
    assert v is not None
    return v
