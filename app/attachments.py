"""Files kept with a document, stored in the database with their SHA-256 and size.

The size limit is the office setting ``attachments.max_mb`` (megabytes, default 20).
Adding and removing a file is audited on the document (actions ``attach`` / ``detach``)
without touching the document row itself, so a clerk editing the card at the same time
is not told that someone else changed it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import visible_document
from app.audit import Change, record
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.eml import EmlDraft, parse_eml
from app.errors import NotFound, PermissionDenied, UserError, ValidationError
from app.registration import RegisteredDocument, RegistrationInput, register_in_session
from app.validation import clean_text
from models.db import Database, unit_of_work
from models.tables import Attachment, Document, Setting, User

MAX_MB_SETTING = "attachments.max_mb"
DEFAULT_MAX_MB = 20.0
MB = 1024 * 1024
NAME_MAX = 260
MIME_MAX = 100
DEFAULT_MIME = "application/octet-stream"

# Characters Windows refuses in file names, and its reserved device names.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    document_id: int
    file_name: str
    mime_type: str
    size_bytes: int
    sha256: str
    created_at: dt.datetime  # UTC
    created_by: str  # full name of the uploader ("" when unknown)
    created_by_id: int | None = None


# --- helpers ------------------------------------------------------------------------------


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def mb_text(size_bytes: int | float) -> str:
    """Megabytes for messages: ``20``, ``20.4``, ``1.25``, ``0.01`` (never ``0``)."""
    mb = size_bytes / MB
    if mb == int(mb):
        return str(int(mb))
    text = f"{mb:.1f}" if mb >= 10 else f"{mb:.2f}".rstrip("0").rstrip(".")
    return text if text != "0" else "0.01"


def limit_bytes(s: Session) -> int:
    """The size limit in bytes from the office setting (the default when unset or invalid)."""
    raw = s.scalar(select(Setting.content).where(Setting.name == MAX_MB_SETTING))
    try:
        mb = float((raw or "").strip().replace(",", "."))
    except ValueError:
        mb = DEFAULT_MAX_MB
    if not mb > 0:
        mb = DEFAULT_MAX_MB
    return int(mb * MB)


def max_bytes(db: Database) -> int:
    with db.read() as s:
        return limit_bytes(s)


def check_size(file_name: str, size: int, limit: int) -> None:
    if size > limit:
        raise ValidationError(
            "attachment.too_large",
            field="file",
            name=file_name,
            size=mb_text(size),
            limit=mb_text(limit),
        )


def base_name(file_name: str) -> str:
    """The last component of a path written with either separator."""
    return re.split(r"[/\\]", file_name or "")[-1]


# Bidirectional controls make "invoice\u202efdp.exe" read as "invoiceexe.pdf".
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
READ_CHUNK = 1 << 20


def clean_name(file_name: str) -> str:
    """The name stored: no folders, NFC, no control characters (bidirectional ones
    included), not empty."""
    name = base_name(file_name)
    if any(ch in BIDI_CONTROLS for ch in name):
        raise ValidationError("attachment.bidi_name", field="file_name")
    return clean_text(name, "file_name", max_len=NAME_MAX, required=True)


def safe_file_name(file_name: str) -> str:
    """A name every file system accepts (Windows' rules are the strictest)."""
    name = unicodedata.normalize("NFC", base_name(file_name))
    name = _UNSAFE.sub("_", name).strip().rstrip(". ")
    if not name.strip("._ "):
        name = "attachment"
    stem, dot, ext = name.partition(".")
    if stem.upper().strip() in _RESERVED:
        name = f"_{name}"
    if len(name) > 200:  # leave room for the folder and a " (2)" suffix
        ext = ext[-20:] if dot else ""
        name = name[: 200 - len(ext) - 1].rstrip(". ") + (f".{ext}" if ext else "")
    return name


def guess_mime(file_name: str) -> str:
    mime, _enc = mimetypes.guess_type(file_name, strict=False)
    if file_name.lower().endswith(".eml"):
        return "message/rfc822"
    return mime or DEFAULT_MIME


def _row(a: Attachment, who: str) -> AttachmentRow:
    return AttachmentRow(
        id=a.id,
        document_id=a.document_id,
        file_name=a.file_name,
        mime_type=a.mime_type,
        size_bytes=a.size_bytes,
        sha256=a.sha256,
        created_at=a.created_at,
        created_by=who,
        created_by_id=a.created_by,
    )


def _full_name(s: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return s.scalar(select(User.full_name).where(User.id == user_id)) or ""


def store(
    s: Session,
    actor: Actor,
    doc: Document,
    file_name: str,
    content: bytes,
    mime_type: str,
    now: dt.datetime,
) -> AttachmentRow:
    """Insert one attachment and its audit row in the caller's transaction (no checks)."""
    a = Attachment(
        document_id=doc.id,
        file_name=file_name,
        mime_type=mime_type,
        size_bytes=len(content),
        sha256=sha256_hex(content),
        content=content,
        created_by=actor.user_id,
        created_at=now,
    )
    s.add(a)
    s.flush()
    record(
        s,
        at=now,
        user_id=actor.user_id,
        action="attach",
        entity="document",
        entity_id=doc.id,
        changes=[Change("attachment", "", file_name)],
    )
    return _row(a, actor.full_name)


def _clean_mime(mime_type: str, file_name: str) -> str:
    mime = (mime_type or "").strip().lower()
    if not mime or len(mime) > MIME_MAX or not re.fullmatch(r"[a-z0-9.+-]+/[a-z0-9.+-]+", mime):
        return guess_mime(file_name)
    return mime


# --- use cases ------------------------------------------------------------------------------


@unit_of_work
def add_attachment(
    db: Database,
    actor: Actor,
    doc_id: int,
    file_name: str,
    content: bytes,
    mime_type: str = "",
    clock: Clock | None = None,
) -> AttachmentRow:
    """Store *content* as a file of document *doc_id*."""
    require(actor, "attach")
    name = clean_name(file_name)
    mime = _clean_mime(mime_type, name)
    data = bytes(content)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        check_size(name, len(data), limit_bytes(s))
        doc = visible_document(s, actor, doc_id)
        return store(s, actor, doc, name, data, mime, now)


def _check_sizes(s: Session, files: list[tuple[str, str, bytes]]) -> None:
    limit = limit_bytes(s)
    for name, _mime, data in files:
        check_size(name, len(data), limit)


@unit_of_work
def add_many(
    db: Database,
    actor: Actor,
    doc_id: int,
    files: list[tuple[str, str, bytes]],
    clock: Clock | None = None,
) -> list[AttachmentRow]:
    """Store several ``(name, mime, content)`` files at once: all of them or none."""
    require(actor, "attach")
    cleaned = [(clean_name(n), m, bytes(c)) for n, m, c in files]
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        _check_sizes(s, cleaned)
        doc = visible_document(s, actor, doc_id)
        return [
            store(s, actor, doc, name, data, _clean_mime(mime, name), now)
            for name, mime, data in cleaned
        ]


def _unreadable(path: Path, exc: OSError | ValueError) -> UserError:
    detail = getattr(exc, "strerror", None) or str(exc)
    return UserError("attachment.unreadable", field="file", name=path.name, detail=detail)


def _read_file(path: Path, limit: int) -> bytes:
    """The file's bytes: a regular file only (a device such as /dev/zero says size 0 and
    never ends; a FIFO blocks), read in chunks and refused as soon as it passes *limit*,
    whatever its size said."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ValidationError("attachment.not_a_file", field="file", name=path.name)
        check_size(path.name, st.st_size, limit)
        chunks: list[bytes] = []
        read = 0
        with path.open("rb") as f:
            while chunk := f.read(READ_CHUNK):
                read += len(chunk)
                check_size(path.name, read, limit)
                chunks.append(chunk)
        return b"".join(chunks)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        if isinstance(exc, UserError):
            raise
        raise _unreadable(path, exc) from exc


def add_file(
    db: Database, actor: Actor, doc_id: int, path: Path, clock: Clock | None = None
) -> AttachmentRow:
    """Store the file at *path* (refused before reading when it is over the limit)."""
    require(actor, "attach")
    path = Path(path)
    try:  # a name no file system holds (longer than 255 bytes, a NUL) is not a folder either
        folder = path.is_dir()
    except (OSError, ValueError) as exc:
        raise _unreadable(path, exc) from exc
    if folder:
        raise ValidationError("attachment.is_folder", field="file", name=path.name)
    content = _read_file(path, max_bytes(db))
    return add_attachment(db, actor, doc_id, path.name, content, guess_mime(path.name), clock)


def add_eml(
    db: Database,
    actor: Actor,
    doc_id: int,
    file_name: str,
    data: bytes,
    clock: Clock | None = None,
) -> list[AttachmentRow]:
    """Store an e-mail message (the .eml itself first) and every file attached to it."""
    return add_many(db, actor, doc_id, eml_files(file_name, data), clock)


@unit_of_work
def register_with_files(
    db: Database,
    actor: Actor,
    inp: RegistrationInput,
    files: list[tuple[str, str, bytes]],
    clock: Clock | None = None,
) -> RegisteredDocument:
    """Register a document and store its files (an e-mail dropped on the form: the .eml and
    what it carried) in one transaction: the number exists only with every file."""
    require(actor, "register")
    if files:
        require(actor, "attach")
    cleaned = [(clean_name(n), m, bytes(c)) for n, m, c in files]
    clk = clock or SystemClock()
    with db.write() as s:
        _check_sizes(s, cleaned)
        reg = register_in_session(s, actor, inp, clk)
        doc = s.get(Document, reg.id)
        assert doc is not None
        now = clk.now_utc()
        for name, mime, data in cleaned:
            store(s, actor, doc, name, data, _clean_mime(mime, name), now)
        return reg


def eml_files(
    file_name: str, data: bytes, draft: EmlDraft | None = None
) -> list[tuple[str, str, bytes]]:
    """The files an e-mail message brings: the message itself first, then its attachments."""
    draft = draft or parse_eml(data)
    name = base_name(file_name) or "message.eml"
    return [(name, "message/rfc822", bytes(data)), *draft.attachments]


@dataclass(frozen=True)
class EmlIntake:
    """An e-mail message read for the registration form: what fills the fields, and the
    files stored with the document when it is registered."""

    draft: EmlDraft
    files: tuple[tuple[str, str, bytes], ...]


def read_eml(db: Database, path: Path) -> EmlIntake:
    """Read and parse the .eml at *path* (refused before reading when over the size limit)."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError("attachment.is_folder", field="file", name=path.name)
    data = _read_file(path, max_bytes(db))
    draft = parse_eml(data)
    return EmlIntake(draft, tuple(eml_files(path.name, data, draft)))


def list_attachments(db: Database, actor: Actor, doc_id: int) -> list[AttachmentRow]:
    """The document's files, oldest first (without their content)."""
    require(actor, "view_registry")
    with db.read() as s:
        visible_document(s, actor, doc_id)
        rows = s.execute(
            select(
                Attachment.id,
                Attachment.document_id,
                Attachment.file_name,
                Attachment.mime_type,
                Attachment.size_bytes,
                Attachment.sha256,
                Attachment.created_at,
                User.full_name,
                Attachment.created_by,
            )
            .outerjoin(User, User.id == Attachment.created_by)
            .where(Attachment.document_id == doc_id)
            .order_by(Attachment.created_at, Attachment.id)
        ).all()
        return [
            AttachmentRow(
                id=r[0],
                document_id=r[1],
                file_name=r[2],
                mime_type=r[3],
                size_bytes=r[4],
                sha256=r[5],
                created_at=r[6],
                created_by=r[7] or "",
                created_by_id=r[8],
            )
            for r in rows
        ]


def _load(s: Session, actor: Actor, attachment_id: int) -> Attachment:
    a = s.get(Attachment, attachment_id)
    if a is None:
        raise NotFound("attachment.unknown", field="attachment", got=attachment_id)
    visible_document(s, actor, a.document_id)
    return a


def _verified(a: Attachment) -> bytes:
    content = bytes(a.content)
    if len(content) != a.size_bytes or sha256_hex(content) != a.sha256:
        raise UserError("attachment.corrupt", name=a.file_name)
    return content


def attachment_content(db: Database, actor: Actor, attachment_id: int) -> bytes:
    """The stored bytes, checked against the SHA-256 recorded when the file was added."""
    require(actor, "view_registry")
    with db.read() as s:
        return _verified(_load(s, actor, attachment_id))


def export_attachment(db: Database, actor: Actor, attachment_id: int, folder: Path) -> Path:
    """Write the file into *folder* under a safe name (``name (2).ext`` when taken)."""
    require(actor, "view_registry")
    with db.read() as s:
        a = _load(s, actor, attachment_id)
        content = _verified(a)
        name = safe_file_name(a.file_name)
    folder = Path(folder)
    stem, dot, ext = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            candidate = name if n == 1 else f"{stem} ({n}){dot}{ext}"
            target = folder / candidate
            try:
                with target.open("xb") as f:
                    f.write(content)
            except FileExistsError:
                continue
            return target
    except OSError as exc:
        raise UserError(
            "attachment.write_failed",
            name=name,
            folder=str(folder),
            detail=exc.strerror or str(exc),
        ) from exc
    raise UserError("attachment.write_failed", name=name, folder=str(folder), detail="exists")


@unit_of_work
def remove_attachment(
    db: Database, actor: Actor, attachment_id: int, clock: Clock | None = None
) -> None:
    """Delete a file: the administrator, or the clerk who added it. Audited."""
    require(actor, "attach")
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        a = _load(s, actor, attachment_id)
        if actor.role != "admin" and a.created_by != actor.user_id:
            raise PermissionDenied("attachment.remove_denied", name=a.file_name)
        doc_id, name = a.document_id, a.file_name
        s.delete(a)
        s.flush()
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="detach",
            entity="document",
            entity_id=doc_id,
            changes=[Change("attachment", name, "")],
        )
