"""Append-only, hash-chained audit log.

Each row's hash covers its own fields and the previous row's hash, so a row edited or
deleted by hand breaks the chain at that point. Writers serialise on one counter row
(scope ``__audit__``) so that two transactions never chain onto the same predecessor.

The database refuses UPDATE and DELETE on ``audit_log`` and any lowering of the tail
pointer (triggers, migration 0006). Whoever can drop those triggers can also recompute
every hash; :func:`take_checkpoint` writes the chain's head to a file kept outside the
database, and :func:`verify` with that checkpoint catches such a rewrite. :func:`verify`
also lists stamps that go backwards (:data:`TIME_TOLERANCE`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.errors import UserError, ValidationError
from app.numbering import next_seq
from models.db import Database, unit_of_work
from models.tables import AuditEntry, Document, NumberCounter, User

AUDIT_SCOPE = "__audit__"
# The id of the chain's last row, kept beside the chain: rows deleted from its end leave
# no broken link behind, but they do leave this pointer beyond the last row.
TAIL_SCOPE = "__audit_tail__"
# The previous-hash of a row written after the chain's end was found deleted, + the tail id.
TAIL_MISSING = "tail-missing:#"


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
    prev = session.execute(
        select(AuditEntry.id, AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    prev_hash = prev.row_hash if prev else ""
    tail = _tail(session)
    if tail is not None and (prev is None or prev.id != tail):
        # The chain's last rows were deleted: chaining onto what is left would hide that.
        # The new row links to a mark no hash can equal, which verify() reports.
        prev_hash = f"{TAIL_MISSING}{tail}"
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


def _tail(session: Session) -> int | None:
    return session.scalar(
        select(NumberCounter.last_value).where(
            NumberCounter.scope == TAIL_SCOPE, NumberCounter.year == 0
        )
    )


def _set_tail(session: Session, last_id: int) -> None:
    done = session.execute(
        update(NumberCounter)
        .where(NumberCounter.scope == TAIL_SCOPE, NumberCounter.year == 0)
        .values(last_value=last_id)
    )
    if not getattr(done, "rowcount", 0):  # the first row since this check was introduced
        session.add(NumberCounter(scope=TAIL_SCOPE, year=0, last_value=last_id))
        session.flush()


# A row stamped earlier than the row before it by more than this is flagged (and so is a
# row stamped later than the verifier's "now" by more than this). Stamps come from the
# server's clock on a server database (app.clock.ServerClock), so rows are written in
# order up to: a unit of work that took its "now" before a slow step (an import, the
# argon2 hash), and two workstations of an embedded file each within the 5 minutes of
# app.clock.SKEW_TOLERANCE in opposite directions. Ten minutes covers both.
TIME_TOLERANCE = dt.timedelta(minutes=10)
MAX_TIME_WARNINGS = 100


@dataclass(frozen=True)
class TimeWarning:
    row_id: int
    at: dt.datetime
    before: dt.datetime | None  # the previous row's stamp ("backwards"), or the verifier's now
    kind: str  # backwards | future


@dataclass(frozen=True)
class Checkpoint:
    """The chain's head at one moment, to be kept outside the database (a file, a mail)."""

    rows: int
    last_id: int | None
    last_hash: str
    at: dt.datetime  # UTC, from the clock of the database server when it has one
    database: str = ""
    by: str = ""

    def to_json(self) -> str:
        return json.dumps(
            {
                CHECKPOINT_FORMAT: 1,
                "database": self.database,
                "rows": self.rows,
                "last_id": self.last_id,
                "last_hash": self.last_hash,
                "at": self.at.isoformat(timespec="seconds") + "Z",
                "by": self.by,
            },
            ensure_ascii=False,
            indent=2,
        )

    @staticmethod
    def from_json(text: str) -> Checkpoint:
        """The checkpoint in *text*; ValueError when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get(CHECKPOINT_FORMAT) != 1:
            raise ValueError("not a Kantselaria audit checkpoint")
        rows, last_id, last_hash = data["rows"], data["last_id"], data["last_hash"]
        if not isinstance(rows, int) or rows < 0 or not isinstance(last_hash, str):
            raise ValueError("bad rows or hash")
        if not (last_id is None or isinstance(last_id, int)) or (last_id is None) != (rows == 0):
            raise ValueError("bad last id")
        at = dt.datetime.fromisoformat(str(data["at"]).removesuffix("Z"))
        return Checkpoint(rows, last_id, last_hash, at.replace(tzinfo=None),
                          str(data.get("database", "")), str(data.get("by", "")))  # fmt: skip


CHECKPOINT_FORMAT = "kantselaria_audit_checkpoint"


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""
    # broken_link | broken_row | missing_tail | checkpoint_mismatch | checkpoint_missing
    kind: str = ""
    time_warnings: tuple[TimeWarning, ...] = ()
    checkpoint_verified: bool = False  # a checkpoint was given and the chain extends it


def head(session: Session) -> tuple[int, int | None, str]:
    """(rows, the last row's id, its hash) of the chain as the session sees it."""
    rows = int(session.scalar(select(func.count(AuditEntry.id))) or 0)
    last = session.execute(
        select(AuditEntry.id, AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return (rows, int(last.id), str(last.row_hash)) if last else (rows, None, "")


def verify(
    session: Session,
    *,
    now: dt.datetime | None = None,
    checkpoint: Checkpoint | None = None,
    tolerance: dt.timedelta = TIME_TOLERANCE,
) -> VerifyResult:
    """Walk the chain: every row's link and hash, the tail pointer, and (given) that the
    chain still passes through *checkpoint*'s row with the hash it had then — a chain
    rewritten and re-hashed from the start agrees with itself but not with a checkpoint.

    Stamps that go backwards by more than *tolerance* (or lie beyond *now* by more) are
    listed in ``time_warnings``; they do not make ``ok`` false (the chain is intact), but
    the command line reports them (a workstation's clock was wrong, or a row was backdated).
    """
    prev_hash = ""
    prev_at: dt.datetime | None = None
    n = 0
    last_id: int | None = None
    warnings: list[TimeWarning] = []
    seen_checkpoint = checkpoint is None or checkpoint.last_id is None
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(2000):
        if e.prev_hash != prev_hash:
            gone = e.prev_hash.removeprefix(TAIL_MISSING)
            if gone != e.prev_hash and gone.isdigit():  # written after the end was deleted
                return VerifyResult(
                    False, n, int(gone), "rows missing at the end of the log", "missing_tail"
                )
            return VerifyResult(False, n, e.id, "previous row missing or changed", "broken_link")
        if _digest(prev_hash, e) != e.row_hash:
            return VerifyResult(False, n, e.id, "row content changed", "broken_row")
        if len(warnings) < MAX_TIME_WARNINGS:
            if prev_at is not None and e.at < prev_at - tolerance:
                warnings.append(TimeWarning(e.id, e.at, prev_at, "backwards"))
            elif now is not None and e.at > now + tolerance:
                warnings.append(TimeWarning(e.id, e.at, now, "future"))
        prev_hash, prev_at = e.row_hash, e.at
        last_id = e.id
        n += 1
        if checkpoint is not None and e.id == checkpoint.last_id:
            seen_checkpoint = True
            if e.row_hash != checkpoint.last_hash or n != checkpoint.rows:
                return VerifyResult(
                    False, n, e.id, "differs from the checkpoint", "checkpoint_mismatch",
                    tuple(warnings),
                )  # fmt: skip
    tail = _tail(session)
    if tail is not None and tail != last_id:
        return VerifyResult(
            False, n, tail, "rows missing at the end of the log", "missing_tail", tuple(warnings)
        )
    if not seen_checkpoint:
        assert checkpoint is not None
        return VerifyResult(
            False, n, checkpoint.last_id, "the checkpoint's row is missing",
            "checkpoint_missing", tuple(warnings),
        )  # fmt: skip
    return VerifyResult(True, n, time_warnings=tuple(warnings),
                        checkpoint_verified=checkpoint is not None)  # fmt: skip


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


# -- checkpoints: the chain's head, kept outside the database -------------------------------


@unit_of_work
def take_checkpoint(db: Database, actor: Actor, clock: Clock | None = None) -> Checkpoint:
    """The chain's head now, after one audit row saying that a checkpoint was taken (so
    the checkpoint covers itself). Administrators only. *clock* should be the server's
    (app.clock.clock_for): the time in the file is then not the workstation's."""
    require(actor, "admin")
    now = (clock or SystemClock()).now_utc().replace(microsecond=0)
    with db.write() as s:
        record(s, at=now, user_id=actor.user_id, action="audit_checkpoint", entity="audit",
               entity_id=None)  # fmt: skip
        rows, last_id, last_hash = head(s)
    return Checkpoint(rows, last_id, last_hash, now, database_label(db), actor.login)


def database_label(db: Database) -> str:
    """Which database a checkpoint belongs to, for the reader (no password, no options)."""
    u = db.engine.url
    where = "/".join(p for p in (u.host or "", u.database or "") if p)
    return f"{db.backend}:{where}"


def save_checkpoint(cp: Checkpoint, path: Path) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(cp.to_json() + "\n", encoding="utf-8")
    except OSError as exc:
        raise ValidationError("audit.checkpoint_unwritable", field="out", path=str(path)[:200],
                              detail=exc.strerror or str(exc)) from exc  # fmt: skip
    return path


def load_checkpoint(path: Path) -> Checkpoint:
    try:
        return Checkpoint.from_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError("audit.checkpoint_unreadable", field="checkpoint",
                              path=str(path)[:200]) from exc  # fmt: skip


def mail_checkpoint(db: Database, actor: Actor, cp: Checkpoint, password: str | None = None) -> str:
    """E-mail *cp* (as a JSON attachment) to *actor*'s own address through the office's
    SMTP server (app.mail); the address it went to."""
    from email.message import EmailMessage

    from app.mail import MAIL_POLICY, _deliver, _settings

    require(actor, "admin")
    with db.read() as s:
        cfg = _settings(s)
        to = s.scalar(select(User.email).where(User.id == actor.user_id)) or ""
    if not to:
        raise UserError("audit.checkpoint_no_email", login=actor.login)
    if not cfg.host:
        raise UserError("mail.not_configured")
    if not cfg.from_address:
        raise UserError("mail.no_sender")
    if cfg.user and not password:
        raise ValidationError("mail.password_required", field="password", user=cfg.user)
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["From"] = cfg.from_address
    msg["To"] = to
    msg["Subject"] = f"Kantselaria audit checkpoint {cp.at:%Y-%m-%d %H:%M} UTC ({cp.rows} rows)"
    msg.set_content(
        "აუდიტის ჟურნალის საკონტროლო წერტილი — შეინახეთ ბაზის გარეთ.\n"
        "The audit log's checkpoint — keep it outside the database.\n\n"
        "kantselaria-cli audit verify --checkpoint FILE\n\n" + cp.to_json() + "\n"
    )
    name = f"audit-checkpoint-{cp.at:%Y%m%d-%H%M%S}.json"
    msg.add_attachment(cp.to_json().encode("utf-8"), maintype="application",
                       subtype="json", filename=name)  # fmt: skip
    _deliver(cfg, cfg.from_address, [to], msg.as_bytes(policy=MAIL_POLICY), password)
    return to
