"""Append-only, hash-chained audit log.

Each row's hash covers its own fields and the previous row's hash, so a row edited or
deleted by hand breaks the chain at that point. Writers serialise on one counter row
(scope ``__audit__``) so that two transactions never chain onto the same predecessor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.numbering import next_seq
from models.tables import AuditEntry, Document, NumberCounter

AUDIT_SCOPE = "__audit__"
# The id of the chain's last row, kept beside the chain: rows deleted from its end leave
# no broken link behind, but they do leave this pointer beyond the last row.
TAIL_SCOPE = "__audit_tail__"


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def _digest(prev_hash: str, e: AuditEntry) -> str:
    payload = json.dumps(
        [
            prev_hash,
            e.at.isoformat(timespec="microseconds"),
            e.user_id,
            e.workstation,
            e.action,
            e.entity,
            e.entity_id,
            e.field,
            e.old_value,
            e.new_value,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    at: dt.datetime,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: list[Change] | None = None,
) -> None:
    """Append one row per change (or one row for the action) to the chain.

    The time is stored, and so hashed, in whole seconds: a precision every SQL Server driver
    keeps (FreeTDS and the legacy driver bind milliseconds at most, pyodbc#353), so what
    :func:`verify` reads back is what was hashed. Rows written before this rule kept their
    microseconds, which SQLite and PostgreSQL return exactly, so they verify unchanged.
    """
    at = at.replace(microsecond=0)
    next_seq(session, AUDIT_SCOPE, 0)  # takes the chain's lock until commit
    prev = session.scalar(select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1))
    prev_hash = prev or ""
    for ch in changes or [Change("", "", "")]:
        e = AuditEntry(
            at=at,
            user_id=user_id,
            workstation=platform.node()[:100],
            action=action,
            entity=entity,
            entity_id=entity_id,
            field=ch.field,
            old_value=ch.old,
            new_value=ch.new,
            prev_hash=prev_hash,
        )
        e.row_hash = _digest(prev_hash, e)
        session.add(e)
        prev_hash = e.row_hash
    session.flush()
    _set_tail(session, e.id)


def _set_tail(session: Session, last_id: int) -> None:
    done = session.execute(
        update(NumberCounter)
        .where(NumberCounter.scope == TAIL_SCOPE, NumberCounter.year == 0)
        .values(last_value=last_id)
    )
    if not getattr(done, "rowcount", 0):  # the first row since this check was introduced
        session.add(NumberCounter(scope=TAIL_SCOPE, year=0, last_value=last_id))
        session.flush()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""


def verify(session: Session) -> VerifyResult:
    prev_hash = ""
    n = 0
    last_id: int | None = None
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(2000):
        if e.prev_hash != prev_hash:
            return VerifyResult(False, n, e.id, "previous row missing or changed")
        if _digest(prev_hash, e) != e.row_hash:
            return VerifyResult(False, n, e.id, "row content changed")
        prev_hash = e.row_hash
        last_id = e.id
        n += 1
    tail = session.scalar(
        select(NumberCounter.last_value).where(
            NumberCounter.scope == TAIL_SCOPE, NumberCounter.year == 0
        )
    )
    if tail is not None and tail != last_id:
        return VerifyResult(False, n, tail, "rows missing at the end of the log")
    return VerifyResult(True, n)


def record_document_change(
    session: Session,
    doc: Document,
    *,
    at: dt.datetime,
    user_id: int | None,
    action: str,
    changes: list[Change],
) -> None:
    """Stamp *doc* as updated by *user_id*, flush it, and audit *changes* in one go."""
    doc.updated_by = user_id
    doc.updated_at = at
    session.flush()
    record(
        session, at=at, user_id=user_id, action=action, entity="document", entity_id=doc.id,
        changes=changes,
    )  # fmt: skip
