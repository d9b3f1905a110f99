"""Data model v1.

Column names avoid reserved words across SQLite, PostgreSQL and T-SQL (`number`,
`user`, `date`, `key`, `value` are spelt out). Every constraint and index is named by
the convention in :mod:`models.base`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    UniqueConstraint,
)
from sqlalchemy.dialects import mssql
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Day, LongText, Text, Timestamp

# Enumerations are stored as short text codes; the allowed values are checked by
# named CHECK constraints so a hand-edited row cannot smuggle in an unknown status.
DOC_KINDS = ("incoming", "outgoing", "internal")
DOC_STATUSES = (
    "registered",
    "assigned",
    "in_progress",
    "awaiting_clarification",
    "answered",
    "forwarded",
    "closed",
    "cancelled",
)
CHANNELS = ("post", "in_person", "email", "portal", "fax", "courier", "internal")
ROLES = ("admin", "registrar", "head", "executor", "viewer")
CORRESPONDENT_KINDS = ("person", "organisation")
DEADLINE_UNITS = ("calendar_days", "working_days", "months", "none")
NONWORKING_SHIFTS = ("next", "previous", "none")
# How a request was answered (revision 0004_routing).
OUTCOMES = (
    "granted",
    "partly_granted",
    "refused",
    "forwarded",
    "clarification_requested",
    "left_without_consideration",
)
ASSIGNMENT_ROLES = ("main", "co")
ASSIGNMENT_STATES = ("open", "in_progress", "done", "withdrawn")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(Text(20), unique=True)
    name: Mapped[str] = mapped_column(Text(200))
    name_en: Mapped[str] = mapped_column(Text(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(Text(60), unique=True)
    full_name: Mapped[str] = mapped_column(Text(200))
    role: Mapped[str] = mapped_column(Text(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    password_hash: Mapped[str] = mapped_column(Text(200), default="")
    email: Mapped[str] = mapped_column(Text(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp())


class Correspondent(Base):
    """A citizen or an organisation that writes to the office or is written to."""

    __tablename__ = "correspondents"
    __table_args__ = (
        CheckConstraint(_in("kind", CORRESPONDENT_KINDS), name="kind"),
        Index(None, "name_skeleton"),
        Index(None, "personal_id"),
        Index(None, "org_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Text(20))
    name: Mapped[str] = mapped_column(Text(300))
    # Romanised, apostrophe-free, casefolded and coarsened name (see app.text).
    name_skeleton: Mapped[str] = mapped_column(Text(300))
    personal_id: Mapped[str | None] = mapped_column(Text(11))
    org_code: Mapped[str | None] = mapped_column(Text(9))
    address: Mapped[str] = mapped_column(Text(400), default="")
    phone: Mapped[str] = mapped_column(Text(40), default="")
    email: Mapped[str] = mapped_column(Text(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DocumentType(Base):
    """A type of document with its statutory deadline rule (administrator-editable)."""

    __tablename__ = "document_types"
    __table_args__ = (
        CheckConstraint(_in("deadline_unit", DEADLINE_UNITS), name="deadline_unit"),
        CheckConstraint(_in("nonworking_shift", NONWORKING_SHIFTS), name="nonworking_shift"),
        CheckConstraint("deadline_count >= 0", name="deadline_count"),
        CheckConstraint("max_extension_days >= 0", name="max_extension_days"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(Text(30), unique=True)
    name: Mapped[str] = mapped_column(Text(200))
    name_en: Mapped[str] = mapped_column(Text(200), default="")
    deadline_count: Mapped[int] = mapped_column(Integer, default=0)
    deadline_unit: Mapped[str] = mapped_column(Text(20), default="none")
    nonworking_shift: Mapped[str] = mapped_column(Text(20), default="next")
    legal_ref: Mapped[str] = mapped_column(Text(200), default="")
    max_extension_days: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class NumberTemplate(Base):
    """How registration numbers of one kind (optionally one department) look.

    ``counter_scope`` names the sequence the template draws from: editing the pattern
    keeps the scope (the sequence continues); restarting gives a new scope.
    """

    __tablename__ = "number_templates"
    __table_args__ = (
        CheckConstraint(_in("kind", DOC_KINDS), name="kind"),
        UniqueConstraint("kind", "department_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Text(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    pattern: Mapped[str] = mapped_column(Text(100))
    counter_scope: Mapped[str] = mapped_column(Text(60))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class NumberCounter(Base):
    """The last number issued in one scope and year. Incremented atomically."""

    __tablename__ = "number_counters"
    __table_args__ = (UniqueConstraint("scope", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(Text(60))
    year: Mapped[int] = mapped_column(Integer)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(_in("kind", DOC_KINDS), name="kind"),
        CheckConstraint(_in("status", DOC_STATUSES), name="status"),
        CheckConstraint(_in("channel", CHANNELS), name="channel"),
        CheckConstraint("sheets >= 0", name="sheets"),
        UniqueConstraint("counter_scope", "seq_year", "seq"),
        # The registry list: newest first within a kind, and the common filters.
        Index(None, "kind", "reg_date", "id"),
        Index(None, "kind", "status", "due_date"),
        Index(None, "kind", "department_id", "reg_date"),
        Index(None, "due_date"),
        Index(None, "reg_number"),
        Index(None, "correspondent_id"),
        Index(None, "executor_id"),
        # Revision 0003_search: sorting by due date / number, search by number, and one
        # index per registry filter (see app.registry).
        Index(None, "kind", "due_date", "id"),
        Index(None, "reg_date", "id"),  # search results across kinds, newest first
        Index(None, "kind", "seq_year", "seq"),
        Index(None, "seq", "seq_year"),
        Index(None, "kind", "department_id", "status", "due_date"),
        Index(None, "kind", "doc_type_id", "reg_date"),
        Index(None, "kind", "executor_id", "reg_date"),
        Index(None, "kind", "channel", "reg_date"),
        Index(None, "kind", "under_control", "status", "due_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Text(20))
    reg_number: Mapped[str] = mapped_column(Text(60))
    seq: Mapped[int] = mapped_column(Integer)
    seq_year: Mapped[int] = mapped_column(Integer)
    counter_scope: Mapped[str] = mapped_column(Text(60))
    reg_date: Mapped[dt.date] = mapped_column(Day())
    sender_number: Mapped[str] = mapped_column(Text(60), default="")
    sender_date: Mapped[dt.date | None] = mapped_column(Day())
    correspondent_id: Mapped[int | None] = mapped_column(ForeignKey("correspondents.id"))
    doc_type_id: Mapped[int] = mapped_column(ForeignKey("document_types.id"))
    channel: Mapped[str] = mapped_column(Text(20))
    subject: Mapped[str] = mapped_column(Text(500))
    summary: Mapped[str] = mapped_column(LongText(), default="")
    sheets: Mapped[int] = mapped_column(Integer, default=1)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(Text(30))
    due_date: Mapped[dt.date | None] = mapped_column(Day())
    statutory_due_date: Mapped[dt.date | None] = mapped_column(Day())
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    executor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    under_control: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_date: Mapped[dt.date | None] = mapped_column(Day())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp())
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp())
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Revision 0004_routing: how it was answered, and why a resolution's due date may
    # lie beyond the statutory one.
    outcome: Mapped[str | None] = mapped_column(Text(30))
    outcome_ground: Mapped[str] = mapped_column(Text(500), server_default="")
    due_override_reason: Mapped[str] = mapped_column(Text(500), server_default="")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Holiday(Base):
    """One calendar day that is (or, when ``day_off`` is false, is declared not) off.

    Seeded from the ``holidays`` package; administrators add decree days or remove a
    seeded one (kept with ``day_off = false`` so re-seeding does not bring it back). The
    package's days of every year a due date is counted in are inserted on the way
    (app.calendar_sync), so the table never runs out.
    """

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Day(), unique=True)
    name: Mapped[str] = mapped_column(Text(200))
    day_off: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(Text(20), default="package")
    # The Government's decree (or ordinance) that declared a ``decree`` day, as typed.
    decree_ref: Mapped[str] = mapped_column(Text(200), default="", server_default="")


class AuditEntry(Base):
    """Append-only log of every change; hash-chained (see app.audit)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(Timestamp())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    workstation: Mapped[str] = mapped_column(Text(100), default="")
    action: Mapped[str] = mapped_column(Text(40))
    entity: Mapped[str] = mapped_column(Text(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(Text(60), default="")
    old_value: Mapped[str] = mapped_column(LongText(), default="")
    new_value: Mapped[str] = mapped_column(LongText(), default="")
    prev_hash: Mapped[str] = mapped_column(Text(64), default="")
    row_hash: Mapped[str] = mapped_column(Text(64), default="")


class Setting(Base):
    """Office-wide settings shared by every workstation (name, address, limits…)."""

    __tablename__ = "settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text(100), unique=True)
    content: Mapped[str] = mapped_column(LongText(), default="")


class Attachment(Base):
    __tablename__ = "attachments"
    __table_args__ = (Index(None, "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    file_name: Mapped[str] = mapped_column(Text(260))
    mime_type: Mapped[str] = mapped_column(Text(100), default="")
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(Text(64))
    content: Mapped[bytes] = mapped_column(
        LargeBinary().with_variant(mssql.VARBINARY("max"), "mssql")  # type: ignore[no-untyped-call]
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp())


# --- Registration rules (revision 0002_rules) -------------------------------------------

LINK_TYPES = ("reply_to", "repeat_of", "related", "forwarded_from")
CLOCK_UNITS = ("calendar_days", "working_days")


class DeadlineExtension(Base):
    """One extension of a document's due date: who, when, from what to what, and why."""

    __tablename__ = "deadline_extensions"
    __table_args__ = (Index(None, "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    old_due_date: Mapped[dt.date] = mapped_column(Day())
    new_due_date: Mapped[dt.date] = mapped_column(Day())
    reason: Mapped[str] = mapped_column(LongText())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp())


class ClockStop(Base):
    """The deadline suspended while the office waits for the citizen (stop-the-clock).

    ``remaining_days`` (and ``statutory_remaining_days``) are counted in ``count_unit``
    from ``stopped_on`` to the due (statutory due) date; on resume the due date becomes
    ``resumed_on`` + the remaining days, shifted off non-working days.
    """

    __tablename__ = "clock_stops"
    __table_args__ = (
        CheckConstraint(_in("count_unit", CLOCK_UNITS), name="count_unit"),
        Index(None, "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    stopped_on: Mapped[dt.date] = mapped_column(Day())
    previous_status: Mapped[str] = mapped_column(Text(30))
    count_unit: Mapped[str] = mapped_column(Text(20))
    remaining_days: Mapped[int] = mapped_column(Integer)
    statutory_remaining_days: Mapped[int | None] = mapped_column(Integer)
    due_date_at_stop: Mapped[dt.date] = mapped_column(Day())
    note: Mapped[str] = mapped_column(LongText(), default="")
    stopped_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    stopped_at: Mapped[dt.datetime] = mapped_column(Timestamp())
    resumed_on: Mapped[dt.date | None] = mapped_column(Day())
    resumed_due_date: Mapped[dt.date | None] = mapped_column(Day())
    resumed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resumed_at: Mapped[dt.datetime | None] = mapped_column(Timestamp())


class DocumentLink(Base):
    """A typed link between two documents (an answer to a letter, a repeat, …)."""

    __tablename__ = "document_links"
    __table_args__ = (
        CheckConstraint(_in("link_type", LINK_TYPES), name="link_type"),
        CheckConstraint("from_id <> to_id", name="not_self"),
        UniqueConstraint("from_id", "to_id", "link_type"),
        Index(None, "to_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    to_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    link_type: Mapped[str] = mapped_column(Text(20))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp())


# --- Routing (revision 0004_routing) ----------------------------------------------------


class Assignment(Base):
    """One person's part in executing a document: the main executor or a co-executor."""

    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint(_in("role", ASSIGNMENT_ROLES), name="role"),
        CheckConstraint(_in("state", ASSIGNMENT_STATES), name="state"),
        Index(None, "document_id"),
        Index(None, "user_id", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    role: Mapped[str] = mapped_column(Text(10))
    instruction: Mapped[str] = mapped_column(LongText(), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Day())
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    assigned_at: Mapped[dt.datetime] = mapped_column(Timestamp())
    state: Mapped[str] = mapped_column(Text(15), default="open")
    done_at: Mapped[dt.datetime | None] = mapped_column(Timestamp())
    note: Mapped[str] = mapped_column(Text(500), default="")


# --- Search (revision 0003_search) -------------------------------------------------------

SEARCH_WORD_MAX = 40


class CorrespondentWord(Base):
    """One skeleton word of a correspondent's name (see app.search).

    The primary key (word, correspondent_id) is the search index: a typed word is a range
    scan ``word >= 'berid' AND word < 'berie'``. Without rowid on SQLite (the key is the
    table), clustered on MS SQL.
    """

    __tablename__ = "correspondent_words"
    __table_args__ = (Index(None, "correspondent_id"), {"sqlite_with_rowid": False})

    word: Mapped[str] = mapped_column(Text(SEARCH_WORD_MAX), primary_key=True)
    correspondent_id: Mapped[int] = mapped_column(
        ForeignKey("correspondents.id"), primary_key=True, autoincrement=False
    )


class DocumentWord(Base):
    """One skeleton word of a document's subject or summary (see app.search)."""

    __tablename__ = "document_words"
    __table_args__ = (Index(None, "document_id"), {"sqlite_with_rowid": False})

    word: Mapped[str] = mapped_column(Text(SEARCH_WORD_MAX), primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id"), primary_key=True, autoincrement=False
    )
