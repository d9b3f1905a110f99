"""Helpers shared by the registration-rules tests (templates, extensions, people, links)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.auth import Actor, actor_from_user, default_actor
from app.clock import FixedClock
from app.registration import RegisteredDocument, RegistrationInput, register
from models.db import Database
from models.tables import AuditEntry, Document, User


def admin(db: Database) -> Actor:
    with db.read() as s:
        actor = default_actor(s)
    assert actor is not None
    return actor


def user(db: Database, role: str, login: str | None = None) -> Actor:
    with db.write() as s:
        u = User(
            login=login or role,
            full_name=f"{role} მომხმარებელი",
            role=role,
            department_id=None,
            password_hash="",
            active=True,
            created_at=dt.datetime(2026, 1, 1),
        )
        s.add(u)
        s.flush()
        return actor_from_user(u)


def reg(
    db: Database,
    clock: FixedClock,
    day: dt.date,
    doc_type: str = "foi",
    *,
    name: str = "გიორგი გიგინეიშვილი",
    personal_id: str = "",
    org_code: str = "",
    correspondent_id: int | None = None,
    kind: str = "incoming",
    by: Actor | None = None,
) -> RegisteredDocument:
    return register(
        db,
        by or admin(db),
        RegistrationInput(
            kind=kind,
            doc_type=doc_type,
            subject="საჯარო ინფორმაცია",
            from_name=name,
            personal_id=personal_id,
            org_code=org_code,
            correspondent_id=correspondent_id,
            reg_date=day,
        ),
        clock,
    )


def audit_count(db: Database, action: str | None = None) -> int:
    stmt = select(func.count(AuditEntry.id))
    if action is not None:
        stmt = stmt.where(AuditEntry.action == action)
    with db.read() as s:
        return int(s.scalar(stmt) or 0)


def set_status(db: Database, doc_id: int, status: str) -> None:
    with db.write() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        doc.status = status


def dates(db: Database, doc_id: int) -> tuple[dt.date | None, dt.date | None, str]:
    with db.read() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        return doc.due_date, doc.statutory_due_date, doc.status
