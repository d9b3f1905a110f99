"""One document's card: everything the clerk sees when opening it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.access import visible_document
from app.audit import record
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.dates import long_date
from app.errors import NotFound
from app.lookups import office_settings
from app.refdata import CHANNEL_NAMES, KIND_NAMES, OUTCOME_NAMES, STATUS_NAMES, label
from app.registration import due_for
from models.db import Database, unit_of_work
from models.tables import Assignment, Correspondent, Department, Document, DocumentType, User
from reports.data import AcknowledgmentSlip, Letterhead
from reports.pdf.slip import render_slip


@dataclass(frozen=True)
class DocumentCard:
    id: int
    kind: str
    kind_label: str
    number: str
    reg_date: dt.date
    doc_type: str
    doc_type_name: str
    subject: str
    summary: str
    channel_label: str
    sender_number: str
    sender_date: dt.date | None
    correspondent_id: int | None
    correspondent: str
    status: str
    status_label: str
    due_date: dt.date | None
    due_explanation: str
    due_explanation_en: str
    department: str
    executor: str
    confidential: bool
    sheets: int
    created_by: str
    version: int
    department_id: int | None = None
    executor_id: int | None = None
    statutory_due_date: dt.date | None = None
    under_control: bool = False
    correspondent_email: str = ""
    outcome: str = ""
    outcome_label: str = ""
    outcome_ground: str = ""
    assignee_ids: tuple[int, ...] = ()  # main and co-executors (open or done)
    assignees: tuple[str, ...] = ()  # "name — instruction" lines for the card


def _load(s: Session, doc_id: int) -> Document:
    doc = s.get(Document, doc_id)
    if doc is None:
        raise NotFound("document.unknown", field="document", got=doc_id)
    return doc


@unit_of_work
def get_card(db: Database, actor: Actor, doc_id: int, clock: Clock | None = None) -> DocumentCard:
    """The card of *doc_id*; a confidential one only for those who may see it, and its
    opening is written to the audit log."""
    require(actor, "view_registry")
    with db.read() as s:
        d = visible_document(s, actor, doc_id)
        confidential = d.confidential
    if confidential:
        with db.write() as s:
            record(
                s, at=(clock or SystemClock()).now_utc(), user_id=actor.user_id,
                action="open_confidential", entity="document", entity_id=doc_id,
            )  # fmt: skip
    with db.read() as s:
        d = _load(s, doc_id)
        dtype = s.get(DocumentType, d.doc_type_id)
        assert dtype is not None
        corr = s.get(Correspondent, d.correspondent_id) if d.correspondent_id else None
        dept = s.get(Department, d.department_id) if d.department_id else None
        ex = s.get(User, d.executor_id) if d.executor_id else None
        creator = s.get(User, d.created_by) if d.created_by else None
        why = due_for(s, dtype, d.reg_date)
        lang = messages.current_language()
        parts = s.execute(
            select(Assignment, User.full_name)
            .join(User, User.id == Assignment.user_id)
            .where(Assignment.document_id == d.id)
            .order_by(Assignment.id)
        ).all()
        return DocumentCard(
            id=d.id,
            kind=d.kind,
            kind_label=label(KIND_NAMES, d.kind, lang),
            number=d.reg_number,
            reg_date=d.reg_date,
            doc_type=dtype.code,
            doc_type_name=dtype.name_en if lang == "en" and dtype.name_en else dtype.name,
            subject=d.subject,
            summary=d.summary,
            channel_label=label(CHANNEL_NAMES, d.channel, lang),
            sender_number=d.sender_number,
            sender_date=d.sender_date,
            correspondent_id=d.correspondent_id,
            correspondent=corr.name if corr else "",
            status=d.status,
            status_label=label(STATUS_NAMES, d.status, lang),
            due_date=d.due_date,
            due_explanation=why.explanation_ka if why.due == d.due_date else "",
            due_explanation_en=why.explanation_en if why.due == d.due_date else "",
            department=(dept.name_en if lang == "en" and dept.name_en else dept.name)
            if dept
            else "",
            executor=ex.full_name if ex else "",
            confidential=d.confidential,
            sheets=d.sheets,
            created_by=creator.full_name if creator else "",
            version=d.version,
            department_id=d.department_id,
            executor_id=d.executor_id,
            statutory_due_date=d.statutory_due_date,
            under_control=d.under_control,
            correspondent_email=corr.email if corr else "",
            outcome=d.outcome or "",
            outcome_label=label(OUTCOME_NAMES, d.outcome, lang) if d.outcome else "",
            outcome_ground=d.outcome_ground,
            assignee_ids=tuple(a.user_id for a, _n in parts),
            assignees=tuple(_assignee_line(a, name, lang) for a, name in parts),
        )


_PART_WORDS = {
    "main": ("მთავარი", "main"),
    "co": ("თანაშემსრულებელი", "co-executor"),
    "done": ("შესრულდა", "done"),
    "withdrawn": ("მოხსნილია", "withdrawn"),
}


def _assignee_line(a: Assignment, name: str, lang: str) -> str:
    """ "თამარ ხარაიშვილი (მთავარი, შესრულდა) — the instruction" for the card."""
    words = [label(_PART_WORDS, a.role, lang)]
    if a.state in ("done", "withdrawn"):
        words.append(label(_PART_WORDS, a.state, lang))
    line = f"{name} ({', '.join(words)})"
    return f"{line} — {a.instruction}" if a.instruction and a.role == "main" else line


def letterhead(db: Database) -> Letterhead:
    cfg = office_settings(db)
    return Letterhead(
        office_name=cfg.get("office.name", ""),
        address=cfg.get("office.address", ""),
        phone=cfg.get("office.phone", ""),
        email=cfg.get("office.email", ""),
        logo_path=cfg.get("office.logo_path", ""),
    )


def print_slip(db: Database, actor: Actor, doc_id: int, path: Path) -> Path:
    """The acknowledgment slip of a registered document as a PDF at *path*."""
    card = get_card(db, actor, doc_id)
    slip = AcknowledgmentSlip(
        letterhead=letterhead(db),
        number=card.number,
        reg_date=card.reg_date,
        reg_date_text=long_date(card.reg_date),
        doc_type=card.doc_type_name,
        correspondent=card.correspondent,
        subject=card.subject,
        due_date_text=long_date(card.due_date) if card.due_date else "—",
        due_explanation=card.due_explanation,
        clerk=card.created_by,
    )
    return render_slip(slip, path)
