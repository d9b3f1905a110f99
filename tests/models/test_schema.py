"""The schema is the same everywhere and safe for Georgian on MS SQL Server."""

from __future__ import annotations

import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Date, DateTime, inspect
from sqlalchemy.dialects import mssql
from sqlalchemy.schema import CreateIndex, CreateTable

from models.base import metadata
from models.db import Database
from models.migrate import offline_sql

MSSQL = mssql.dialect()
FORBIDDEN_TEXT = re.compile(r"\b(VARCHAR|CHAR|NTEXT|TEXT)\b")


def _mssql_ddl() -> dict[str, str]:
    return {name: str(CreateTable(t).compile(dialect=MSSQL)) for name, t in metadata.tables.items()}


@pytest.mark.parametrize("table", sorted(metadata.tables))
def test_no_varchar_char_or_ntext_on_mssql(table: str) -> None:
    ddl = _mssql_ddl()[table]
    # NVARCHAR contains "VARCHAR" only after an N; strip those before looking.
    stripped = re.sub(r"\bNVARCHAR\(", "(", ddl)
    assert not FORBIDDEN_TEXT.search(stripped), ddl


def test_every_text_column_is_nvarchar_and_dates_are_date_or_datetime2() -> None:
    for table in metadata.tables.values():
        for col in table.columns:
            compiled = col.type.compile(dialect=MSSQL)
            if isinstance(
                col.type.as_generic() if hasattr(col.type, "as_generic") else col.type, Date
            ):
                assert compiled == "DATE", (table.name, col.name, compiled)
            if col.type._type_affinity in (DateTime,):
                assert compiled == "DATETIME2", (table.name, col.name, compiled)
            if "CHAR" in compiled or "TEXT" in compiled:
                assert compiled.startswith("NVARCHAR("), (table.name, col.name, compiled)


def test_every_index_and_constraint_is_named() -> None:
    for table in metadata.tables.values():
        for idx in table.indexes:
            assert (
                idx.name
                and str(CreateIndex(idx).compile(dialect=MSSQL)).startswith(
                    f"CREATE INDEX {idx.name} "
                )
            ) or idx.unique
        for con in table.constraints:
            assert con.name, (table.name, con)
            assert len(str(con.name)) <= 128


def test_registry_and_search_indexes_exist() -> None:
    names = {i.name for t in metadata.tables.values() for i in t.indexes}
    for expected in (
        "ix_documents_kind_reg_date_id",
        "ix_documents_kind_status_due_date",
        "ix_documents_kind_department_id_reg_date",
        "ix_documents_due_date",
        "ix_documents_reg_number",
        "ix_correspondents_name_skeleton",
        "ix_correspondents_personal_id",
        "ix_correspondents_org_code",
    ):
        assert expected in names


def test_offline_mssql_script_is_go_separated_t_sql_with_nvarchar() -> None:
    script = offline_sql("mssql")
    assert "\nGO\n" in script
    assert "CREATE TABLE documents" in script
    assert "subject NVARCHAR(500) NOT NULL" in script
    assert "summary NVARCHAR(max) NOT NULL" in script
    assert "reg_date DATE NOT NULL" in script
    assert "created_at DATETIME2 NOT NULL" in script
    ours = script.split("CREATE TABLE", 1)[1]
    assert "NTEXT" not in ours
    for m in re.finditer(r"CREATE TABLE (\w+) \((.*?)\n\);", script, re.S):
        if m.group(1) != "alembic_version":
            assert not re.search(r"(?<!N)VARCHAR", m.group(2)), m.group(1)


def test_migrations_match_the_models(db: Database) -> None:
    """Upgrading from empty gives exactly the tables, columns and indexes of models/."""
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    assert set(inspect(db.engine).get_table_names()) >= set(metadata.tables)
