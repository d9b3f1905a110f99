"""Links between documents (answers, repeats, forwards) and repeat-letter warnings.

A link is stored once, from one document to another ("B reply_to A"); seen from A it
reads with the inverse label ("replied_by B").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app import messages
from app.access import (
    acting_document,
    handles,
    visibility_filter,
    visible_condition,
    visible_document,
)
from app.audit import Change, record
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.errors import NotFound, PermissionDenied, ValidationError
from app.refdata import STATUS_NAMES, label
from app.validation import clean_text
from models.db import Database, unit_of_work
from models.tables import LINK_TYPES, Correspondent, Document, DocumentLink, DocumentType

INVERSE = {
    "reply_to": "replied_by",
    "repeat_of": "repeated_by",
    "related": "related",
    "forwarded_from": "forwarded_to",
}
LINK_NAMES: dict[str, tuple[str, str]] = {
    "reply_to": ("პასუხია დოკუმენტზე", "Reply to"),
    "replied_by": ("პასუხი", "Replied by"),
    "repeat_of": ("განმეორებითია", "Repeat of"),
    "repeated_by": ("განმეორებით შემოვიდა", "Repeated by"),
    "related": ("დაკავშირებული", "Related"),
    "forwarded_from": ("გადმოგზავნილია", "Forwarded from"),
    "forwarded_to": ("გადაგზავნილია", "Forwarded to"),
}
# Documents a repeat letter is warned about: still open, or registered recently.
OPEN_STATUSES = ("registered", "assigned", "in_progress", "awaiting_clarification")
REPEAT_WINDOW_DAYS = 30
REPEAT_LIMIT = 20


@dataclass(frozen=True)
class LinkedDocument:
    link_id: int
    link_type: str  # as seen from the document asked about (e.g. replied_by)
    label: str
    label_en: str
    outgoing: bool  # True when stored from the document asked about
    other_id: int
    other_number: str
    other_kind: str
    other_reg_date: dt.date
    other_subject: str
    other_status: str
    other_status_label: str
    created_at: dt.datetime


@dataclass(frozen=True)
class RepeatWarning:
    doc_id: int
    number: str
    reg_date: dt.date
    status: str
    status_label: str
    subject: str
    due_date: dt.date | None


def _seen(s: Session, ln: DocumentLink, from_doc: int) -> LinkedDocument:
    outgoing = ln.from_id == from_doc
    kind = ln.link_type if outgoing else INVERSE[ln.link_type]
    other = s.get(Document, ln.to_id if outgoing else ln.from_id)
    assert other is not None
    ka, en = LINK_NAMES[kind]
    return LinkedDocument(
        link_id=ln.id,
        link_type=kind,
        label=ka,
        label_en=en,
        outgoing=outgoing,
        other_id=other.id,
        other_number=other.reg_number,
        other_kind=other.kind,
        other_reg_date=other.reg_date,
        other_subject=other.subject,
        other_status=other.status,
        other_status_label=label(STATUS_NAMES, other.status, messages.current_language()),
        created_at=ln.created_at,
    )


@unit_of_work
def link(
    db: Database,
    actor: Actor,
    from_id: int,
    to_id: int,
    link_type: str,
    clock: Clock | None = None,
) -> LinkedDocument:
    """Link *from_id* to *to_id* ("from reply_to to"); returns the link seen from *from_id*."""
    require(actor, "link_documents")
    if link_type not in LINK_TYPES:
        raise ValidationError(
            "field.unknown_choice",
            field="link_type",
            got=str(link_type)[:40],
            allowed=", ".join(LINK_TYPES),
        )
    if from_id == to_id:
        raise ValidationError("link.self", field="link")
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        a = acting_document(s, actor, from_id, "link_documents")
        b = visible_document(s, actor, to_id)
        ln = link_in_session(s, actor, a, b, link_type, now)
        return _seen(s, ln, a.id)


def link_in_session(
    s: Session, actor: Actor, a: Document, b: Document, link_type: str, now: dt.datetime
) -> DocumentLink:
    """Link *a* to *b* inside the caller's transaction (the answer links its reply so),
    audited on both documents; a link that exists already is refused."""
    same = and_(DocumentLink.from_id == a.id, DocumentLink.to_id == b.id)
    if link_type == "related":  # symmetric: b related a is the same link
        same = or_(same, and_(DocumentLink.from_id == b.id, DocumentLink.to_id == a.id))
    if s.scalar(select(DocumentLink.id).where(same, DocumentLink.link_type == link_type).limit(1)):
        raise ValidationError(
            "link.exists",
            field="link",
            a=a.reg_number,
            b=b.reg_number,
            link=LINK_NAMES[link_type][0],
        )
    ln = DocumentLink(
        from_id=a.id, to_id=b.id, link_type=link_type, created_by=actor.user_id, created_at=now
    )
    s.add(ln)
    s.flush()
    for doc, kind, other in ((a, link_type, b), (b, INVERSE[link_type], a)):
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="link",
            entity="document",
            entity_id=doc.id,
            changes=[Change(kind, "", other.reg_number)],
        )
    return ln


@unit_of_work
def unlink(db: Database, actor: Actor, link_id: int, clock: Clock | None = None) -> None:
    require(actor, "link_documents")
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        ln = s.get(DocumentLink, link_id)
        if ln is None:
            raise NotFound("link.unknown", field="link", got=link_id)
        # whoever handles either end may remove the link; both ends must be visible
        a = visible_document(s, actor, ln.from_id)
        b = visible_document(s, actor, ln.to_id)
        if not (handles(s, actor, a) or handles(s, actor, b)):
            raise PermissionDenied("access.not_handling", number=a.reg_number)
        for doc, kind, other in ((a, ln.link_type, b), (b, INVERSE[ln.link_type], a)):
            record(
                s,
                at=now,
                user_id=actor.user_id,
                action="unlink",
                entity="document",
                entity_id=doc.id,
                changes=[Change(kind, other.reg_number, "")],
            )
        s.delete(ln)


def links_of(db: Database, actor: Actor, doc_id: int) -> list[LinkedDocument]:
    """Every link of the document, both directions, with the label as seen from it."""
    require(actor, "view_registry")
    with db.read() as s:
        visible_document(s, actor, doc_id)
        rows = s.scalars(
            select(DocumentLink)
            .where(or_(DocumentLink.from_id == doc_id, DocumentLink.to_id == doc_id))
            .order_by(DocumentLink.id)
        ).all()
        # a linked document the actor may not see is not shown (nor its subject)
        hidden = _invisible(s, actor, {ln.from_id for ln in rows} | {ln.to_id for ln in rows})
        return [
            _seen(s, ln, doc_id)
            for ln in rows
            if (ln.to_id if ln.from_id == doc_id else ln.from_id) not in hidden
        ]


def _invisible(s: Session, actor: Actor, ids: set[int]) -> set[int]:
    cond = visible_condition(actor)
    if cond is None or not ids:
        return set()
    seen = set(s.scalars(select(Document.id).where(Document.id.in_(ids), cond)))
    return ids - seen


def find_by_number(db: Database, actor: Actor, number: str) -> int:
    """The id of the document registered as *number* (the newest, should a template
    without a year repeat it); "link to…" on the card types a number, not an id.
    """
    require(actor, "view_registry")
    text = clean_text(number, "number", max_len=60, required=True)
    with db.read() as s:
        doc_id = s.scalar(
            select(Document.id)
            .where(Document.reg_number == text)
            .order_by(Document.reg_date.desc(), Document.id.desc())
            .limit(1)
        )
    if doc_id is None:
        raise NotFound("document.number_unknown", field="number", got=text)
    return int(doc_id)


def _ids_or_none(value: str | None, length: int) -> str | None:
    text = (value or "").strip().replace(" ", "")
    return text if len(text) == length and text.isascii() and text.isdigit() else None


def repeat_warnings(
    db: Database,
    actor: Actor,
    *,
    doc_type: str,
    reg_date: dt.date,
    correspondent_id: int | None = None,
    personal_id: str | None = None,
    org_code: str | None = None,
    window_days: int = REPEAT_WINDOW_DAYS,
) -> list[RepeatWarning]:
    """The same correspondent's documents of the same type that are open or recent.

    The registration form calls this before saving (with whichever of the correspondent
    id, personal number or organisation code it has) to warn about a repeat letter.
    Incomplete numbers give no warning rather than an error.
    """
    require(actor, "view_registry")
    pid = _ids_or_none(personal_id, 11)
    code = _ids_or_none(org_code, 9)
    who = []
    if correspondent_id is not None:
        who.append(Correspondent.id == correspondent_id)
    if pid:
        who.append(Correspondent.personal_id == pid)
    if code:
        who.append(Correspondent.org_code == code)
    if not who:
        return []
    # A date typed near year 1 has no "30 days before": count from the first day there is.
    window = dt.timedelta(days=window_days)
    since = reg_date - window if reg_date - dt.date.min >= window else dt.date.min
    with db.read() as s:
        type_id = s.scalar(select(DocumentType.id).where(DocumentType.code == doc_type))
        if type_id is None:
            return []
        corr_ids = list(s.scalars(select(Correspondent.id).where(or_(*who))))
        if not corr_ids:
            return []
        rows = s.scalars(
            select(Document)
            .where(
                Document.correspondent_id.in_(corr_ids),
                Document.doc_type_id == type_id,
                Document.status != "cancelled",
                or_(Document.status.in_(OPEN_STATUSES), Document.reg_date >= since),
                *visibility_filter(actor),
            )
            .order_by(Document.reg_date.desc(), Document.id.desc())
            .limit(REPEAT_LIMIT)
        ).all()
        return [
            RepeatWarning(
                doc_id=d.id,
                number=d.reg_number,
                reg_date=d.reg_date,
                status=d.status,
                status_label=label(STATUS_NAMES, d.status, messages.current_language()),
                subject=d.subject,
                due_date=d.due_date,
            )
            for d in rows
        ]
