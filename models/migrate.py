"""Alembic, driven from code: upgrade, current/head revisions, offline SQL."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


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
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to *revision* inside one transaction where the DB allows it."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def offline_sql(dialect: str, revision: str = "head", base: str | None = None) -> str:
    """The migration script as SQL text (T-SQL with GO separators for mssql)."""
    urls = {
        "mssql": "mssql+pyodbc://",
        "postgresql": "postgresql+psycopg2://",
        "sqlite": "sqlite://",
    }
    if dialect not in urls:
        raise ValueError(dialect)
    out = io.StringIO()
    cfg = alembic_config(urls[dialect], output=out)
    rng = f"{base}:{revision}" if base else revision
    command.upgrade(cfg, rng, sql=True)
    return out.getvalue()
