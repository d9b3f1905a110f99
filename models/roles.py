"""Database roles for a server deployment: least privilege per kind of user.

``kantselaria-cli db sql --dialect mssql --roles`` (or ``postgresql``) prints the script a
DBA runs once after the schema script; logins (Windows accounts or groups on SQL Server,
login roles on PostgreSQL) are then made members of one role each (docs/guide/admin-guide).

- ``kantselaria_clerk`` — registrars, executors, viewers working in the program: read
  everything, write what their work writes, never change the audit log (INSERT only) and
  of ``users`` only ``password_hash`` (their own password, re-hashed at login; the program
  checks whose).
- ``kantselaria_head`` — heads of departments: what clerks may, at the table level (a
  head's extra rights — resolutions on his department — are rules inside the program).
- ``kantselaria_admin`` — the program's administrators: also staff, departments, numbering
  templates, document types, the calendar and deleting what the program deletes; still
  never UPDATE or DELETE on ``audit_log``. Schema changes stay with the DBA.
- ``kantselaria_reports`` — read-only for reporting tools: no audit log, no attachments,
  no search words, no password hashes, no personal data of correspondents.

The program's users log in with their own account and password *inside* the program as
well: the database role limits what any client of that login can do; the program limits
what each staff role may do on which document.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.base import metadata
from models.migrate import SCHEMA_NAME

CLERK, HEAD, ADMIN, REPORTS = (
    "kantselaria_clerk",
    "kantselaria_head",
    "kantselaria_admin",
    "kantselaria_reports",
)
ROLES = (CLERK, HEAD, ADMIN, REPORTS)

_NAMES = {"S": "SELECT", "I": "INSERT", "U": "UPDATE", "D": "DELETE"}

# What the program writes for a clerk's or head's work, table by table (S I U D).
_WORK: dict[str, str] = {
    "departments": "S",
    "users": "S",  # + UPDATE (password_hash): see COLUMN_UPDATES
    "correspondents": "SIU",
    "document_types": "S",
    "number_templates": "S",
    "number_counters": "SIU",  # numbers, and the audit chain's lock and tail
    "documents": "SIU",
    "holidays": "SI",  # registration adds a year's public holidays when it first needs them
    "audit_log": "SI",
    "settings": "SIU",  # each user's saved registry filters
    "attachments": "SID",
    "deadline_extensions": "SI",
    "clock_stops": "SIU",
    "document_links": "SID",
    "assignments": "SIU",
    "correspondent_words": "SID",
    "document_words": "SID",
    "alembic_version": "S",
}
_ADMIN_EXCEPTIONS = {"audit_log": "SI", "number_counters": "SIU", "alembic_version": "S"}
# Columns a reporting tool never reads.
_HIDDEN_FROM_REPORTS: dict[str, tuple[str, ...]] = {
    "users": ("password_hash",),
    "correspondents": ("personal_id", "address", "phone", "email"),
}
_NOT_FOR_REPORTS = ("audit_log", "attachments", "correspondent_words", "document_words",
                    "number_counters")  # fmt: skip
COLUMN_UPDATES: dict[str, dict[str, tuple[str, ...]]] = {
    CLERK: {"users": ("password_hash",)},
    HEAD: {"users": ("password_hash",)},
}


@dataclass(frozen=True)
class Grant:
    role: str
    table: str
    privileges: tuple[str, ...]  # SELECT, INSERT, UPDATE, DELETE
    columns: tuple[str, ...] = ()  # a column-level grant (one privilege)


def _tables() -> list[str]:
    return [*sorted(metadata.tables), "alembic_version"]


def grants() -> list[Grant]:
    """Every grant of every role, in a stable order."""
    out: list[Grant] = []
    tables = _tables()
    missing = set(tables) - set(_WORK)
    if missing:  # a new table must be given its rights here
        raise AssertionError(f"no rights defined for {sorted(missing)}")
    for role in (CLERK, HEAD):
        for t in tables:
            out.append(Grant(role, t, tuple(_NAMES[c] for c in _WORK[t])))
        for t, cols in COLUMN_UPDATES[role].items():
            out.append(Grant(role, t, ("UPDATE",), cols))
    for t in tables:
        out.append(Grant(ADMIN, t, tuple(_NAMES[c] for c in _ADMIN_EXCEPTIONS.get(t, "SIUD"))))
    for t in tables:
        if t in _NOT_FOR_REPORTS:
            continue
        hidden = _HIDDEN_FROM_REPORTS.get(t)
        if hidden:
            cols = tuple(c.name for c in metadata.tables[t].columns if c.name not in hidden)
            out.append(Grant(REPORTS, t, ("SELECT",), cols))
        else:
            out.append(Grant(REPORTS, t, ("SELECT",)))
    return out


def _grant_sql(g: Grant, prefix: str) -> str:
    privs = ", ".join(g.privileges)
    if g.columns:
        privs = f"{privs} ({', '.join(g.columns)})"
    return f"GRANT {privs} ON {prefix}{g.table} TO {g.role};"


def roles_script(dialect: str, schema: str | None = None) -> str:
    """The roles and their grants as SQL for *dialect* (mssql: GO-separated T-SQL)."""
    if schema is not None and not SCHEMA_NAME.match(schema):
        raise ValueError(schema)
    if dialect not in ("mssql", "postgresql"):
        raise ValueError(dialect)
    prefix = f"{schema}." if schema else ""
    where = f" in the schema {schema}" if schema else ""
    head = (
        f"-- Kantselaria database roles (least privilege){where}. Run once as the database\n"
        "-- owner, after the schema script; then make each login a member of one role.\n"
    )
    all_grants = grants()
    if dialect == "mssql":
        batches = [
            "\n".join(f"IF DATABASE_PRINCIPAL_ID(N'{r}') IS NULL CREATE ROLE {r};" for r in ROLES)
        ]
        for role in ROLES:
            batches.append("\n".join(_grant_sql(g, prefix) for g in all_grants if g.role == role))
        # An explicit DENY wins over any grant, db_datawriter's included.
        batches.append(
            f"DENY UPDATE, DELETE ON {prefix}audit_log TO {', '.join(ROLES)};\n"
            f"DENY DELETE ON {prefix}number_counters TO {', '.join(ROLES)};"
        )
        return head + "\n" + "".join(b + "\n\nGO\n\n" for b in batches)
    lines = [
        f"DO $$ BEGIN CREATE ROLE {r} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
        for r in ROLES
    ]
    lines.append(f"GRANT USAGE ON SCHEMA {schema or 'public'} TO {', '.join(ROLES)};")
    lines += [_grant_sql(g, prefix) for g in all_grants]
    writers = ", ".join((CLERK, HEAD, ADMIN))
    lines.append(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema or 'public'} TO {writers};"
    )
    lines.append(f"REVOKE UPDATE, DELETE, TRUNCATE ON {prefix}audit_log FROM {', '.join(ROLES)};")
    return head + "\n" + "\n".join(lines) + "\n"
