"""A document's History tab: every audited step on it, who and when, oldest first.

Actions, fields and the coded values (status, outcome, department, dates, yes/no) are
shown in the interface language; free text (reasons, notes, numbers) as it was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.access import visible_document
from app.auth import Actor, require
from app.calendar_sync import REASON_FIELD, describe
from app.links import LINK_NAMES
from app.refdata import ACTION_LABELS, COUNT_UNIT_NAMES, OUTCOME_NAMES, STATUS_NAMES, label
from models.db import Database
from models.tables import AuditEntry, Correspondent, Department, User

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "status": ("სტატუსი", "Status"),
    "executor": ("შემსრულებელი", "Executor"),
    "co_executor": ("თანაშემსრულებელი", "Co-executor"),
    "instruction": ("დავალება", "Instruction"),
    "due_date": ("ვადა", "Due date"),
    "statutory_due_date": ("კანონით დადგენილი ვადა", "Statutory due date"),
    REASON_FIELD: ("ვადის ცვლილების მიზეზი", "Why the due date moved"),
    "due_override_reason": ("ვადის საფუძველი", "Reason for the due date"),
    "remaining_days": ("დარჩენილი დღეები", "Days left"),
    "under_control": ("კონტროლი", "Under control"),
    "department_id": ("სამსახური", "Department"),
    "correspondent_id": ("კორესპონდენტი", "Correspondent"),
    "reason": ("მიზეზი", "Reason"),
    "note": ("შენიშვნა", "Note"),
    "reply": ("პასუხის ნომერი", "Reply number"),
    "outcome": ("შედეგი", "Outcome"),
    "reg_number": ("ნომერი", "Number"),
    "attachment": ("დანართი", "Attachment"),
    "email": ("ადრესატი", "Sent to"),
    **LINK_NAMES,  # link / unlink: the kind of link, seen from this document
}
YES_NO: dict[str, tuple[str, str]] = {"True": ("კი", "Yes"), "False": ("არა", "No")}
DATE_FIELDS = frozenset({"due_date", "statutory_due_date"})


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


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def _days(value: str, lang: str) -> str:
    """``"12 working_days"`` → ``"12 სამუშაო დღე"``."""
    count, _, unit = value.partition(" ")
    return f"{count} {label(COUNT_UNIT_NAMES, unit, lang)}" if unit else value


def _names(
    s: Session, model: type[Department] | type[Correspondent], ids: set[str]
) -> dict[str, str]:
    numbers = [int(i) for i in ids if i.isdigit()]
    if not numbers:
        return {}
    rows = s.execute(select(model.id, model.name).where(model.id.in_(numbers)))
    return {str(i): name for i, name in rows if name}


def _value_shower(
    s: Session, entries: Iterable[AuditEntry], lang: str
) -> Callable[[str, str], str]:
    """A function (field, stored value) → the value as the History tab shows it."""
    ids: dict[str, set[str]] = {"department_id": set(), "correspondent_id": set()}
    for e in entries:
        if e.field in ids:
            ids[e.field].update((e.old_value, e.new_value))
    names = {
        "department_id": _names(s, Department, ids["department_id"]),
        "correspondent_id": _names(s, Correspondent, ids["correspondent_id"]),
    }
    coded = {"status": STATUS_NAMES, "outcome": OUTCOME_NAMES, "under_control": YES_NO}

    def show(field: str, value: str) -> str:
        if not value:
            return ""
        if field in coded:
            return label(coded[field], value, lang)
        if field in names:
            return names[field].get(value, value)
        if field in DATE_FIELDS:
            return _date(value)
        if field == "remaining_days":
            return _days(value, lang)
        if field == REASON_FIELD:  # a calendar change, in words, in the reader's language
            return describe(value, lang)
        return value

    return show


def history(db: Database, actor: Actor, doc_id: int) -> list[HistoryEntry]:
    """Every audit row of the document (its steps, assignments, links, files), oldest first."""
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
        show = _value_shower(s, (e for e, _who in rows), lang)
        return [
            HistoryEntry(
                at=e.at,
                who=who or "",
                action=e.action,
                action_label=label(ACTION_LABELS, e.action, lang),
                field=e.field,
                field_label=label(FIELD_LABELS, e.field, lang) if e.field else "",
                old=show(e.field, e.old_value),
                new=show(e.field, e.new_value),
            )
            for e, who in rows
        ]
