"""One door for every permission on a document: who may see it, who may act on it.

Roles decide *what kind* of action a user may take (:func:`app.auth.require`, the table
``PERMISSIONS``); this module decides *on which documents*:

- **seeing** — a confidential document is seen by the roles with ``view_confidential``,
  by the clerk who registered it, by the head of its department (who resolves it) and by
  the people assigned to it; every other document by
  every user with ``view_registry``. Personal data (a correspondent's personal number,
  address, phone, e-mail) only by the roles with ``view_personal_data``.
- **acting** (stop or resume the clock, extend, link, close, cancel) — only by those who
  *handle* the document: the administrator, the head of its department (or any head while
  it has none), its executors (main or co-executor), and the registrar who registered it.

Every use case takes the acting user as a required argument and asks here. System use
(reports over the whole registry, the bench) passes :data:`SYSTEM` explicitly; nothing
is ever unrestricted by forgetting an argument.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from app.auth import PERMISSIONS, Actor, require
from app.errors import NotFound, PermissionDenied
from models.tables import Assignment, Document

# The program itself, for work done on behalf of the office (reports, the bench): sees
# everything, acts on nothing.
SYSTEM = Actor(user_id=0, login="", full_name="", role="system")


def sees_all_confidential(actor: Actor) -> bool:
    return actor is SYSTEM or actor.role in PERMISSIONS["view_confidential"]


def sees_personal_data(actor: Actor) -> bool:
    return actor is SYSTEM or actor.role in PERMISSIONS["view_personal_data"]


def visible_condition(viewer: Actor) -> ColumnElement[bool] | None:
    """The SQL condition on ``documents`` for what *viewer* may see; None: everything."""
    if not isinstance(viewer, Actor):
        raise TypeError("a viewer is required (app.access.SYSTEM for the program itself)")
    if sees_all_confidential(viewer):
        return None
    own_department = (
        [Document.department_id == viewer.department_id]
        if viewer.role == "head" and viewer.department_id is not None
        else []
    )
    return or_(
        ~Document.confidential,
        Document.created_by == viewer.user_id,
        *own_department,
        Document.executor_id == viewer.user_id,
        exists().where(  # a co-executor (app.routing); evaluated for confidential rows only
            Assignment.document_id == Document.id, Assignment.user_id == viewer.user_id
        ),
    )


def visibility_filter(viewer: Actor) -> list[ColumnElement[bool]]:
    """:func:`visible_condition` as a list of WHERE terms (none when all is visible)."""
    cond = visible_condition(viewer)
    return [] if cond is None else [cond]


def visible_document(s: Session, actor: Actor, doc_id: int) -> Document:
    """The document, if it exists and *actor* may see it."""
    doc = s.get(Document, doc_id)
    if doc is None:
        raise NotFound("document.unknown", field="document", got=doc_id)
    cond = visible_condition(actor)
    if (
        cond is not None
        and s.scalar(select(Document.id).where(Document.id == doc_id, cond)) is None
    ):
        raise PermissionDenied("document.confidential", number=doc.reg_number)
    return doc


def heads(actor: Actor, doc: Document) -> bool:
    """The administrator heads every document; a head his department's (or an unrouted
    one). Resolutions and reassignments are theirs."""
    if actor.role == "admin":
        return True
    return actor.role == "head" and doc.department_id in (None, actor.department_id)


def handles(s: Session, actor: Actor, doc: Document) -> bool:
    """Whether *actor* handles *doc* (see the module's docstring)."""
    if actor.role in ("admin", "head"):
        return heads(actor, doc)
    if actor.role == "registrar":
        return doc.created_by == actor.user_id
    if actor.role == "executor":
        if doc.executor_id == actor.user_id:
            return True
        return (
            s.scalar(
                select(Assignment.id).where(
                    Assignment.document_id == doc.id, Assignment.user_id == actor.user_id
                )
            )
            is not None
        )
    return False


def acting_document(s: Session, actor: Actor, doc_id: int, action: str) -> Document:
    """The document *actor* may take *action* on: his role allows the action, he may see
    the document and he handles it; otherwise a message saying which of these failed."""
    require(actor, action)
    doc = visible_document(s, actor, doc_id)
    if not handles(s, actor, doc):
        raise PermissionDenied("access.not_handling", number=doc.reg_number)
    return doc
