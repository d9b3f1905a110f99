"""Alembic environment: online with a connection passed in, or offline to SQL text."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from models import mssql_ddl, tables  # noqa: F401  (named defaults; the tables on the metadata)
from models.base import metadata
from models.migrate import translated_schema

config = context.config


def _compile_into(dialect: Any, schema: str) -> None:
    """Offline: render every table the script names as ``schema.table``.

    The same ``schema_translate_map`` an engine applies online, applied here at compile
    time (alembic's offline mode does not take one): the dialect's compilers are replaced
    by subclasses that pass the map and render it into the text.
    """
    translate = {None: schema}
    ddl_base, sql_base = dialect.ddl_compiler, dialect.statement_compiler

    class DDLCompiler(ddl_base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kw: Any) -> None:
            kw.update(schema_translate_map=translate, render_schema_translate=True)
            super().__init__(*args, **kw)

    class SQLCompiler(sql_base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kw: Any) -> None:
            kw.update(schema_translate_map=translate, render_schema_translate=True)
            super().__init__(*args, **kw)

    dialect.ddl_compiler = DDLCompiler
    dialect.statement_compiler = SQLCompiler


def run_offline() -> None:
    schema = config.attributes.get("schema") or None
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=True,
        version_table_schema=schema,
    )
    if schema:
        _compile_into(context.get_context().dialect, schema)
    with context.begin_transaction():
        context.run_migrations()


def _configure_online(conn: Connection) -> None:
    # A connection translating the default schema (MS SQL in the DBA's schema) keeps the
    # version table there too, and alembic must look for it there.
    context.configure(
        connection=conn,
        target_metadata=metadata,
        render_as_batch=True,
        version_table_schema=translated_schema(conn),
    )


def run_online() -> None:
    conn = config.attributes.get("connection")
    if conn is None:
        from models.db import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as c:
            _configure_online(c)
            with context.begin_transaction():
                context.run_migrations()
        return
    _configure_online(conn)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
