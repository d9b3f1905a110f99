"""SQL Server DDL the way its DBAs need it: named default constraints, and scripts that
stop at the first error.

SQL Server turns ``ADD col … NOT NULL DEFAULT ''`` into a default *constraint* and, unless
it is given a name, invents one (``DF__documents__outco__3B75D760``) that differs in every
database; ``DROP COLUMN`` then fails until that constraint is dropped, and no migration can
name it. Here every default gets the name ``df_<table>_<column>`` (the naming convention
of :mod:`models.base` has no key for defaults), and dropping a column first drops that
constraint when it exists. Importing this module registers the compilers (the migration
environment does), online and offline alike.
"""

from __future__ import annotations

import re
from typing import Any

from alembic.ddl.base import AddColumn, DropColumn, alter_table
from alembic.ddl.mssql import visit_add_column as _alembic_add_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import Column, CreateColumn

# Stops the script at the first error in sqlcmd and in SSMS alike: XACT_ABORT rolls the
# whole transaction back on any error; every later batch then finds no open transaction
# and turns NOEXEC on, so it is only compiled — the version stamp and COMMIT never run.
XACT_ABORT_HEADER = (
    "-- Stops at the first error (sqlcmd and SSMS): the transaction is rolled back and\n"
    "-- every later batch is only compiled, so a half-made schema is never stamped.\n"
    "SET XACT_ABORT ON;\n\nGO\n\n"
)
BATCH_GUARD = "IF @@TRANCOUNT = 0 SET NOEXEC ON;\n"
FOOTER = "SET NOEXEC OFF;\n\nGO\n\n"


def default_name(table: str, column: str) -> str:
    return f"df_{table}_{column}"[:128]


def _named(spec: str, table: str, column: str) -> str:
    return re.sub(
        r" DEFAULT ", f" CONSTRAINT {default_name(table, column)} DEFAULT ", spec, count=1
    )


@compiles(CreateColumn, "mssql")
def _create_column(element: CreateColumn, compiler: Any, **kw: Any) -> str:
    spec = str(compiler.visit_create_column(element, **kw))
    column: Column[Any] = element.element
    if column.server_default is None or column.table is None:
        return spec
    return _named(spec, column.table.name, column.name)


@compiles(AddColumn, "mssql")
def _add_column(element: AddColumn, compiler: Any, **kw: Any) -> str:
    spec = str(_alembic_add_column(element, compiler, **kw))
    if element.column.server_default is None:
        return spec
    return _named(spec, element.table_name, element.column.name)


@compiles(DropColumn, "mssql")
def _drop_column(element: DropColumn, compiler: Any, **kw: Any) -> str:
    alter = alter_table(compiler, element.table_name, element.schema)
    table = alter.removeprefix("ALTER TABLE ")
    prefix = table.rsplit(".", 1)[0] + "." if "." in table else ""
    constraint = default_name(element.table_name, element.column.name)
    drop_default = (
        f"IF OBJECT_ID(N'{prefix}{constraint}', N'D') IS NOT NULL "
        f"{alter} DROP CONSTRAINT {constraint};\n"
    )
    return f"{drop_default}{alter} DROP COLUMN {compiler.preparer.format_column(element.column)}"


def guarded_script(script: str) -> str:
    """The offline T-SQL *script* made to stop at its first error (see the header)."""
    batches = script.split("\nGO\n")
    out: list[str] = []
    opened = False
    for batch in batches:
        body = batch.strip("\n")
        if not body:
            continue
        if opened:
            body = BATCH_GUARD + body
        if "BEGIN TRANSACTION" in body:
            opened = True
        out.append(body + "\n\nGO\n\n")
    return XACT_ABORT_HEADER + "".join(out) + FOOTER
