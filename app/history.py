"""A document's History tab: every audited step on it, who and when, oldest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app import messages
from app.attachments import visible_document
from app.auth import Actor, require
from app.refdata import ACTION_LABELS, label
from models.db import Database
from models.tables import AuditEntry, User

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "status": ("სტატუსი", "Status"),
    "executor": ("შემსრულებელი", "Executor"),
    "co_executor": ("თანაშემსრულებელი", "Co-executor"),
    "instruction": ("დავალება", "Instruction"),
    "due_date": ("ვადა", "Due date"),
    "due_override_reason": ("ვადის საფუძველი", "Reason for the due date"),
    "under_control": ("კონტროლი", "Under control"),
    "department_id": ("სამსახური", "Department"),
    "reason": ("მიზეზი", "Reason"),
    "note": ("შენიშვნა", "Note"),
    "reply": ("პასუხის ნომერი", "Reply number"),
    "outcome": ("შედეგი", "Outcome"),
    "reg_number": ("ნომერი", "Number"),
}


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime  # UTC
    who: str
    action: str
    action_label: str
    field: str
    field_label: str
    old: str
    new: str


def history(db: Database, actor: Actor, doc_id: int) -> list[HistoryEntry]:
    require(actor, "view_registry")
    lang = messages.current_language()
    with db.read() as s:
        visible_document(s, actor, doc_id)
        rows = s.execute(
            select(AuditEntry, User.full_name)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.entity == "document", AuditEntry.entity_id == doc_id)
            .order_by(AuditEntry.id)
        ).all()
        return [
            HistoryEntry(
                at=e.at,
                who=who or "",
                action=e.action,
                action_label=label(ACTION_LABELS, e.action, lang),
                field=e.field,
                field_label=label(FIELD_LABELS, e.field, lang) if e.field else "",
                old=e.old_value,
                new=e.new_value,
            )
            for e, who in rows
        ]
