"""Create or upgrade a database and give it the reference data an office starts with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal_column, select, table
from sqlalchemy.orm import Session

from app import messages
from app.audit import Change, record
from app.auth import require
from app.calendar_sync import ensure_years
from app.clock import Clock, SystemClock
from app.errors import DatabaseUnavailable
from app.refdata import DEPARTMENTS, DOCUMENT_TYPES, NUMBER_TEMPLATES, OFFICE_SETTINGS
from app.users import authenticate
from app.workdays import YEARS_AHEAD, YEARS_BACK
from models import migrate
from models.db import Database
from models.tables import (
    Department,
    Document,
    DocumentType,
    DocumentWord,
    NumberTemplate,
    Setting,
    User,
)

# Databases at these revisions have documents but no search words yet.
PRE_SEARCH_REVISIONS = ("0001_v1", "0002_rules")  # before 0003_search


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    known: bool = True  # False when the database was upgraded by a newer program

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def status(self) -> str:
        """current | old | new | empty."""
        if self.current is None:
            return "empty"
        if self.current == self.head:
            return "current"
        return "old" if self.known else "new"


class SchemaMismatch(DatabaseUnavailable):
    """The database's schema is not this program's: newer (update the program) or older
    (an administrator upgrades it). The CLI exits 3, the window says so in Georgian."""


# SQL Server: is READ_COMMITTED_SNAPSHOT on for the current database? Without it a clerk's
# list waits behind every other clerk's save (readers block behind writers).
RCSI_QUERY: Select[tuple[Any]] = (
    select(literal_column("is_read_committed_snapshot_on"))
    .select_from(table("databases", schema="sys"))
    .where(literal_column("name") == func.db_name())
)


def snapshot_reads_warning(db: Database) -> str | None:
    """On SQL Server without READ_COMMITTED_SNAPSHOT: the warning with its one-line remedy
    (the DBA's ``ALTER DATABASE``); None elsewhere, or when it is on."""
    if db.backend != "mssql":
        return None
    with db.read() as s:
        on = s.scalar(RCSI_QUERY)
        name = s.scalar(select(func.db_name()))
    return rcsi_warning(str(name), bool(on))


def rcsi_warning(database: str, on: bool) -> str | None:
    if on:
        return None
    return messages.render("db.rcsi_off", {"database": database.replace("]", "]]")})


def schema_state(db: Database) -> SchemaState:
    current = migrate.current_revision(db.engine)
    return SchemaState(current, migrate.head_revision(), migrate.is_known_revision(current))


def _seed_reference(s: Session, clock: Clock) -> None:
    if not s.scalar(select(func.count(Department.id))):
        for code, name, name_en in DEPARTMENTS:
            s.add(Department(code=code, name=name, name_en=name_en, active=True))
    known_types = set(s.scalars(select(DocumentType.code)))
    for t in DOCUMENT_TYPES:
        if t.code not in known_types:
            s.add(
                DocumentType(
                    code=t.code,
                    name=t.name,
                    name_en=t.name_en,
                    deadline_count=t.count,
                    deadline_unit=t.unit,
                    nonworking_shift=t.shift,
                    legal_ref=t.legal_ref,
                    max_extension_days=t.max_extension_days,
                    active=True,
                )
            )
    known_kinds = set(
        s.scalars(select(NumberTemplate.kind).where(NumberTemplate.department_id.is_(None)))
    )
    for kind, pattern in NUMBER_TEMPLATES.items():
        if kind not in known_kinds:
            s.add(
                NumberTemplate(kind=kind, department_id=None, pattern=pattern, counter_scope=kind)
            )
    known_settings = set(s.scalars(select(Setting.name)))
    for name, content in OFFICE_SETTINGS.items():
        if name not in known_settings:
            s.add(Setting(name=name, content=content))
    if not s.scalar(select(func.count(User.id))):
        s.add(
            User(
                login="admin",
                full_name="ადმინისტრატორი",
                role="admin",
                department_id=None,
                password_hash="",
                active=True,
                created_at=clock.now_utc(),
            )
        )
    # the calendar five years back and two ahead; days added move open due dates
    today = clock.today()
    ensure_years(s, today.year - YEARS_BACK, today.year + YEARS_AHEAD, now=clock.now_utc())


def _index_missing(db: Database) -> bool:
    """Documents but no search words: an upgrade whose re-indexing was interrupted."""
    with db.read() as s:
        has_docs = s.scalar(select(Document.id).limit(1)) is not None
        return has_docs and s.scalar(select(DocumentWord.word).limit(1)) is None


def prepare(db: Database, clock: Clock | None = None) -> SchemaState:
    """Upgrade the schema to head and seed reference data (idempotent).

    A database upgraded by a newer program (a revision this one does not know) is left
    alone: ``SchemaMismatch("db.schema_new")`` says to update the program.
    """
    before = migrate.current_revision(db.engine)
    if not migrate.is_known_revision(before):
        raise SchemaMismatch("db.schema_new", current=before)
    migrate.upgrade(db.engine)
    if before in PRE_SEARCH_REVISIONS or _index_missing(db):
        from app.search import reindex_all  # the word tables came with 0003_search

        reindex_all(db)
    with db.write() as s:
        _seed_reference(s, clock or SystemClock())
    return schema_state(db)


def upgrade_as_admin(
    db: Database, login: str, password: str, clock: Clock | None = None
) -> SchemaState:
    """Upgrade an older schema from the window: only after an administrator logs in.

    The login is checked against the database as it is (the users table is the same in
    every released schema); the upgrade is one audit entry (revision before → after).
    """
    clock = clock or SystemClock()
    actor = authenticate(db, login, password, clock)
    require(actor, "admin")
    before = schema_state(db)
    state = prepare(db, clock)
    if before.current != state.current:
        with db.write() as s:
            record(
                s,
                at=clock.now_utc(),
                user_id=actor.user_id,
                action="schema_upgrade",
                entity="schema",
                entity_id=None,
                changes=[Change("revision", before.current or "", state.current or "")],
            )
    return state


def document_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(Document.id))) or 0)
