"""Alembic, driven from code: upgrade, current/head revisions, offline SQL."""

from __future__ import annotations

import io
import re
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# A schema name a DBA may give: a plain identifier (no quoting needed on any server).
SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")


def translated_schema(conn: Connection) -> str | None:
    """The schema a connection puts unqualified tables in (its ``schema_translate_map``)."""
    mapping = conn.get_execution_options().get("schema_translate_map") or {}
    schema = mapping.get(None)
    return str(schema) if schema else None


def alembic_config(url: str | None = None, output: io.StringIO | None = None) -> Config:
    cfg = Config(output_buffer=output) if output is not None else Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str | None) -> bool:
    if revision is None:
        return True
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises its own CommandError/ResolutionError subclasses
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        opts = {"version_table_schema": translated_schema(conn)}
        return MigrationContext.configure(conn, opts=opts).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to *revision* inside one transaction where the DB allows it."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def offline_sql(
    dialect: str,
    revision: str = "head",
    base: str | None = None,
    schema: str | None = None,
    downgrade_to: str | None = None,
) -> str:
    """The migration script as SQL text (T-SQL with GO separators for mssql).

    *base*: the revision the database is at (upgrade from it; default: empty database).
    *schema*: put every table (and the version table) into this schema instead of the
    login's default one; the schema must exist (the DBA creates it).
    *downgrade_to*: instead, the script that takes a database at *revision* back to this
    revision (``base`` for nothing at all).
    On mssql the script stops at its first error, in SSMS too (:mod:`models.mssql_ddl`).
    """
    urls = {
        "mssql": "mssql+pyodbc://",
        "postgresql": "postgresql+psycopg2://",
        "sqlite": "sqlite://",
    }
    if dialect not in urls:
        raise ValueError(dialect)
    if schema is not None and not SCHEMA_NAME.match(schema):
        raise ValueError(schema)
    out = io.StringIO()
    cfg = alembic_config(urls[dialect], output=out)
    if schema:
        cfg.attributes["schema"] = schema
    if downgrade_to is not None:
        command.downgrade(cfg, f"{revision}:{downgrade_to}", sql=True)
    else:
        command.upgrade(cfg, f"{base}:{revision}" if base else revision, sql=True)
    script = out.getvalue()
    if dialect == "mssql":
        from models.mssql_ddl import guarded_script

        script = guarded_script(script)
    if schema:
        script = f"-- Kantselaria schema in the schema {schema} (create it first).\n\n" + script
    return script


def revisions() -> list[str]:
    """Every released revision, oldest first (what ``db sql --from`` accepts)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]
