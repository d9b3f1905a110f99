"""The correspondents directory: search with paging, edit with optimistic locking,
possible duplicates, and merging duplicates (administrators only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, and_, false, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import search
from app.audit import Change, record
from app.auth import PERMISSIONS, Actor, require
from app.clock import Clock, SystemClock
from app.errors import NotFound, ValidationError
from app.rules import stale_error
from app.text import fold, skeleton
from app.validation import clean_text, digits_id, email, one_of
from models.db import Database, unit_of_work
from models.tables import CORRESPONDENT_KINDS, Correspondent, Document

NAME_MAX = 300
PAGE_MAX = 500
DUPLICATE_GROUPS_MAX = 200
SEARCH_WORDS_MAX = 20


@dataclass(frozen=True)
class CorrespondentInput:
    """What the directory form holds."""

    kind: str = "person"
    name: str = ""
    personal_id: str = ""
    org_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CorrespondentRow:
    id: int
    kind: str
    name: str
    personal_id: str  # masked ("01*******45") for roles without view_personal_data
    org_code: str
    address: str
    phone: str
    email: str
    version: int  # pass back to update_correspondent as expected_version
    updated_at: dt.datetime
    documents: int  # how many documents name this correspondent


@dataclass(frozen=True)
class CorrespondentPage:
    rows: tuple[CorrespondentRow, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str  # personal_id | org_code | name
    key: str
    members: tuple[CorrespondentRow, ...]


@dataclass(frozen=True)
class MergeResult:
    kept: CorrespondentRow
    merged_ids: tuple[int, ...]
    documents_moved: int


def mask_personal_id(value: str) -> str:
    return value[:2] + "*" * (len(value) - 4) + value[-2:] if len(value) > 4 else value


def _may_see_personal(actor: Actor) -> bool:
    return actor.role in PERMISSIONS["view_personal_data"]


def _doc_counts(s: Session, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = s.execute(
        select(Document.correspondent_id, func.count(Document.id))
        .where(Document.correspondent_id.in_(list(ids)))
        .group_by(Document.correspondent_id)
    ).all()
    return {int(cid): int(n) for cid, n in rows if cid is not None}


def _rows(s: Session, actor: Actor, items: Sequence[Correspondent]) -> list[CorrespondentRow]:
    counts = _doc_counts(s, [c.id for c in items])
    full = _may_see_personal(actor)
    return [
        CorrespondentRow(
            id=c.id,
            kind=c.kind,
            name=c.name,
            personal_id=(c.personal_id or "") if full else mask_personal_id(c.personal_id or ""),
            org_code=c.org_code or "",
            address=c.address,
            phone=c.phone,
            email=c.email,
            version=c.version,
            updated_at=c.updated_at,
            documents=counts.get(c.id, 0),
        )
        for c in items
    ]


def _search_condition(text: str, *, personal: bool) -> ColumnElement[bool] | None:
    """*personal*: the searcher may see personal numbers. Without it a personal number is
    found only when typed whole: a prefix search would give a masked number away digit
    by digit (one query per digit)."""
    typed = fold(text)
    digits = typed.replace(" ", "")
    if digits.isdigit():
        if len(digits) > 11:  # longer than any personal number or code: nobody
            return false()
        by_person = (
            Correspondent.personal_id.startswith(digits)
            if personal
            else Correspondent.personal_id == digits
        )
        return or_(by_person, Correspondent.org_code.startswith(digits))
    # Distinct words, a sensible number of them, no longer than a stored skeleton: a
    # pasted page must not build an SQL expression or LIKE pattern the database refuses.
    words = [w[:NAME_MAX] for w in dict.fromkeys(skeleton(typed).split())][:SEARCH_WORDS_MAX]
    if not words:
        return None
    # Every typed word must start some word of the name ("gig" finds "გიორგი გიგინეიშვილი").
    return and_(
        *(
            or_(
                Correspondent.name_skeleton.startswith(w, autoescape=True),
                Correspondent.name_skeleton.contains(" " + w, autoescape=True),
            )
            for w in words
        )
    )


def search_correspondents(
    db: Database, actor: Actor, text: str = "", offset: int = 0, limit: int = 50
) -> CorrespondentPage:
    """A page of the directory, by name, filtered by name words or a number prefix."""
    require(actor, "view_registry")
    offset = max(0, int(offset))
    limit = max(1, min(int(limit), PAGE_MAX))
    cond = _search_condition(text, personal=_may_see_personal(actor))
    base = select(Correspondent)
    count = select(func.count(Correspondent.id))
    if cond is not None:
        base = base.where(cond)
        count = count.where(cond)
    with db.read() as s:
        total = int(s.scalar(count) or 0)
        items = s.scalars(
            base.order_by(Correspondent.name, Correspondent.id).offset(offset).limit(limit)
        ).all()
        return CorrespondentPage(tuple(_rows(s, actor, items)), total, offset, limit)


def _load(s: Session, corr_id: int) -> Correspondent:
    c = s.get(Correspondent, corr_id)
    if c is None:
        raise NotFound("correspondent.unknown", field="correspondent", got=corr_id)
    return c


def get_correspondent(db: Database, actor: Actor, corr_id: int) -> CorrespondentRow:
    require(actor, "view_registry")
    with db.read() as s:
        return _rows(s, actor, [_load(s, corr_id)])[0]


@dataclass(frozen=True)
class _Clean:
    kind: str
    name: str
    personal_id: str | None
    org_code: str | None
    address: str
    phone: str
    email: str


def _validate(inp: CorrespondentInput) -> _Clean:
    return _Clean(
        kind=one_of(inp.kind, "kind", CORRESPONDENT_KINDS, "kind.unknown"),
        name=clean_text(inp.name, "name", max_len=NAME_MAX, required=True),
        personal_id=digits_id(inp.personal_id, "personal_id", 11),
        org_code=digits_id(inp.org_code, "org_code", 9),
        address=clean_text(inp.address, "address", max_len=400),
        phone=clean_text(inp.phone, "phone", max_len=40),
        email=email(inp.email),
    )


def _refuse_taken_ids(s: Session, c: _Clean, own_id: int | None) -> None:
    for field, column, value in (
        ("personal_id", Correspondent.personal_id, c.personal_id),
        ("org_code", Correspondent.org_code, c.org_code),
    ):
        if not value:
            continue
        stmt = select(Correspondent).where(column == value)
        if own_id is not None:
            stmt = stmt.where(Correspondent.id != own_id)
        other = s.scalar(stmt.limit(1))
        if other is not None:
            raise ValidationError(
                "correspondent.duplicate_id",
                field=field,
                got=value,
                name=other.name,
                other=other.id,
            )


_FIELDS = ("kind", "name", "personal_id", "org_code", "address", "phone", "email")


@unit_of_work
def create_correspondent(
    db: Database, actor: Actor, inp: CorrespondentInput, clock: Clock | None = None
) -> CorrespondentRow:
    require(actor, "edit_correspondents")
    c = _validate(inp)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        _refuse_taken_ids(s, c, None)
        row = Correspondent(
            kind=c.kind,
            name=c.name,
            name_skeleton=skeleton(c.name)[:NAME_MAX],
            personal_id=c.personal_id,
            org_code=c.org_code,
            address=c.address,
            phone=c.phone,
            email=c.email,
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        s.flush()
        search.index_correspondent(s, row.id, row.name)
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="create",
            entity="correspondent",
            entity_id=row.id,
            changes=[Change(f, "", getattr(c, f) or "") for f in _FIELDS if getattr(c, f)],
        )
        return _rows(s, actor, [row])[0]


@unit_of_work
def update_correspondent(
    db: Database,
    actor: Actor,
    corr_id: int,
    expected_version: int,
    inp: CorrespondentInput,
    clock: Clock | None = None,
) -> CorrespondentRow:
    """Save the form; StaleRecord ("changed by X at T") if someone saved it first.

    A masked personal number (as shown to a role without the right to see it) is left
    unchanged.
    """
    require(actor, "edit_correspondents")
    if "*" in inp.personal_id:
        inp = replace(inp, personal_id="")
        keep_personal = True
    else:
        keep_personal = False
    c = _validate(inp)
    now = (clock or SystemClock()).now_utc()
    try:
        with db.write() as s:
            row = _load(s, corr_id)
            if row.version != expected_version:
                raise stale_error(s, "correspondent", row.id, row.updated_at)
            if keep_personal:
                c = replace(c, personal_id=row.personal_id)
            _refuse_taken_ids(s, c, row.id)
            changes = [
                Change(f, getattr(row, f) or "", getattr(c, f) or "")
                for f in _FIELDS
                if (getattr(row, f) or "") != (getattr(c, f) or "")
            ]
            if not changes:
                return _rows(s, actor, [row])[0]
            for f in _FIELDS:
                setattr(row, f, getattr(c, f))
            row.name_skeleton = skeleton(c.name)[:NAME_MAX]
            row.updated_at = now
            s.flush()
            search.index_correspondent(s, row.id, row.name)
            record(
                s,
                at=now,
                user_id=actor.user_id,
                action="edit",
                entity="correspondent",
                entity_id=row.id,
                changes=changes,
            )
            return _rows(s, actor, [row])[0]
    except StaleDataError:
        with db.read() as s:
            raise stale_error(s, "correspondent", corr_id, None) from None


def possible_duplicates(
    db: Database, actor: Actor, correspondent_id: int | None = None
) -> list[DuplicateGroup]:
    """Groups of correspondents sharing a personal number, an organisation code or a
    name skeleton — of the whole directory, or only those involving *correspondent_id*.
    """
    require(actor, "view_registry")
    groups: list[DuplicateGroup] = []
    with db.read() as s:
        own = _load(s, correspondent_id) if correspondent_id is not None else None
        for reason, column in (
            ("personal_id", Correspondent.personal_id),
            ("org_code", Correspondent.org_code),
            ("name", Correspondent.name_skeleton),
        ):
            stmt = (
                select(column)
                .where(column.is_not(None), column != "")
                .group_by(column)
                .having(func.count(Correspondent.id) > 1)
                .order_by(column)
                .limit(DUPLICATE_GROUPS_MAX)
            )
            if own is not None:
                value = getattr(own, column.key)
                if not value:
                    continue
                stmt = stmt.where(column == value)
            for key in s.scalars(stmt).all():
                members = s.scalars(
                    select(Correspondent).where(column == key).order_by(Correspondent.id)
                ).all()
                text = str(key)
                if reason == "personal_id" and not _may_see_personal(actor):
                    text = mask_personal_id(text)
                groups.append(DuplicateGroup(reason, text, tuple(_rows(s, actor, members))))
    return groups


@unit_of_work
def merge(
    db: Database,
    actor: Actor,
    keep_id: int,
    merge_ids: Sequence[int],
    clock: Clock | None = None,
) -> MergeResult:
    """Re-point the documents of *merge_ids* to *keep_id* and delete those records.

    Blank fields of the kept record are filled from the merged ones. Every moved
    document, the kept record's changes and each deletion are audited.
    """
    require(actor, "merge_correspondents")
    ids = tuple(dict.fromkeys(int(i) for i in merge_ids))
    if not ids:
        raise ValidationError("merge.nothing", field="merge_ids")
    if keep_id in ids:
        raise ValidationError("merge.keep_in_list", field="keep_id", got=keep_id)
    now = (clock or SystemClock()).now_utc()
    moved = 0
    with db.write() as s:
        keep = _load(s, keep_id)
        gone = [_load(s, i) for i in ids]
        fills: list[Change] = []
        for m in gone:
            doc_ids = list(
                s.scalars(
                    select(Document.id)
                    .where(Document.correspondent_id == m.id)
                    .order_by(Document.id)
                )
            )
            if doc_ids:
                s.execute(
                    update(Document)
                    .where(Document.correspondent_id == m.id)
                    .values(
                        correspondent_id=keep.id,
                        version=Document.version + 1,
                        updated_by=actor.user_id,
                        updated_at=now,
                    )
                    .execution_options(synchronize_session=False)
                )
            for doc_id in doc_ids:
                record(
                    s,
                    at=now,
                    user_id=actor.user_id,
                    action="merge_correspondent",
                    entity="document",
                    entity_id=doc_id,
                    changes=[Change("correspondent_id", str(m.id), str(keep.id))],
                )
            moved += len(doc_ids)
            for f in ("personal_id", "org_code", "address", "phone", "email"):
                if not getattr(keep, f) and getattr(m, f):
                    fills.append(Change(f, "", getattr(m, f)))
                    setattr(keep, f, getattr(m, f))
            record(
                s,
                at=now,
                user_id=actor.user_id,
                action="merge_delete",
                entity="correspondent",
                entity_id=m.id,
                changes=[
                    Change("name", m.name, ""),
                    Change("personal_id", m.personal_id or "", ""),
                    Change("org_code", m.org_code or "", ""),
                    Change("merged_into", "", str(keep.id)),
                ],
            )
        for m in gone:
            search.forget_correspondent(s, m.id)
            s.delete(m)
        s.flush()
        keep.updated_at = now
        s.flush()
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="merge_keep",
            entity="correspondent",
            entity_id=keep.id,
            changes=[*fills, Change("merged", "", ", ".join(str(i) for i in ids))],
        )
        return MergeResult(_rows(s, actor, [keep])[0], ids, moved)
