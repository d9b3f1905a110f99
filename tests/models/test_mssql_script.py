"""The T-SQL script a DBA reviews: a snapshot, upgrades from a released revision, and the
tables in a schema of the DBA's choice (compiled offline; run online on PostgreSQL)."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from app.auth import default_actor
from app.cli import run
from app.clock import FixedClock
from app.connection import ConnectionProfile, open_profile
from app.registration import RegistrationInput, register
from app.setup import prepare, schema_state
from models.base import metadata
from models.db import Database, open_database
from models.migrate import head_revision, offline_sql, revisions
from tests.conftest import pg_server_url

SNAPSHOT = Path(__file__).parent / "snapshots" / "mssql.sql"
UPDATE_ENV = "KANTSELARIA_UPDATE_SNAPSHOTS"


def test_the_mssql_script_matches_its_snapshot() -> None:
    """A change to the schema shows up here as a diff of the DBA's script.

    After an intended change: ``KANTSELARIA_UPDATE_SNAPSHOTS=1 pytest tests/models`` and
    review the diff of tests/models/snapshots/mssql.sql in the commit.
    """
    script = offline_sql("mssql")
    if os.environ.get(UPDATE_ENV) == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(script, encoding="utf-8")
    assert SNAPSHOT.exists(), f"no snapshot yet: run with {UPDATE_ENV}=1"
    expected = SNAPSHOT.read_text(encoding="utf-8")
    assert script == expected, (
        f"the T-SQL migration changed; if intended, regenerate with {UPDATE_ENV}=1 "
        "and review the diff"
    )
    # what the DBA relies on, independent of the snapshot's details
    assert script.count("\nGO\n") >= len(metadata.tables)
    assert f"UPDATE alembic_version SET version_num='{head_revision()}'" in script


def test_upgrade_script_from_each_released_revision_has_only_the_later_steps() -> None:
    known = revisions()
    assert known[-1] == head_revision()
    for i, base in enumerate(known[:-1]):
        script = offline_sql("mssql", base=base)
        steps = re.findall(r"-- Running upgrade (\S*) -> (\S+)", script)
        assert [to for _frm, to in steps] == known[i + 1 :]
        assert "CREATE TABLE alembic_version" not in script  # the database already has it
        assert f"WHERE alembic_version.version_num = '{base}'" in script


def test_every_table_index_and_reference_goes_into_the_dbas_schema() -> None:
    script = offline_sql("mssql", schema="kants")
    created = set(re.findall(r"CREATE TABLE (\S+) \(", script))
    assert created == {f"kants.{t}" for t in metadata.tables} | {"kants.alembic_version"}
    for target in re.findall(r"REFERENCES (\S+) \(", script):
        assert target.startswith("kants."), target
    indexes = re.findall(r"CREATE (?:UNIQUE )?INDEX (\S+) ON (\S+) ", script)
    assert indexes and all(table.startswith("kants.") for _name, table in indexes)
    for stmt in re.findall(r"^(?:INSERT INTO|UPDATE) (\S+)", script, re.M):
        assert stmt == "kants.alembic_version"
    # the same statements as the default script, only qualified
    plain = offline_sql("mssql")
    assert script.split("\n", 2)[2].replace("kants.", "") == plain


def test_cli_prints_the_script_with_schema_and_base(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["db", "sql", "--dialect", "mssql", "--schema", "kants"]) == 0
    assert capsys.readouterr().out == offline_sql("mssql", schema="kants")
    base = revisions()[0]
    assert run(["db", "sql", "--from", base]) == 0
    assert capsys.readouterr().out == offline_sql("mssql", base=base)


@pytest.mark.parametrize("args", [["--schema", "dbo; DROP TABLE x"], ["--from", "9999_nope"]])
def test_cli_refuses_a_bad_schema_or_revision(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["db", "sql", *args])
    assert exc.value.code == 2
    assert capsys.readouterr().out == ""


# -- the same on a real server -------------------------------------------------------------


@pytest.fixture
def empty_pg() -> Iterator[str]:
    """An empty database (no tables) with the schema ``kants`` on the test server."""
    base = pg_server_url()
    if base is None:
        pytest.skip("PostgreSQL server not configured (KANTSELARIA_TEST_PG unset)")
    name = f"k_schema_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    url = make_url(base).set(database=name)
    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("CREATE SCHEMA kants"))
    engine.dispose()
    yield url.render_as_string(hide_password=False)
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def _tables(url: str, schema: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names(schema=schema))
    finally:
        engine.dispose()


def _use_it(db: Database, clock: FixedClock) -> str:
    state = prepare(db, clock)
    assert state.up_to_date and schema_state(db).status == "current"
    assert prepare(db, clock).up_to_date  # idempotent: the version table is found there
    with db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    doc = register(db, admin, RegistrationInput(kind="incoming", doc_type="letter",
                   subject="სქემის შემოწმება", from_name="ნინო ბერიძე"), clock)  # fmt: skip
    return doc.number


@pytest.mark.pg
def test_schema_translate_map_puts_everything_in_the_schema_online(
    empty_pg: str, clock: FixedClock
) -> None:
    """What an MS SQL profile with a schema does (``schema_translate_map``), on a server."""
    db = open_database(empty_pg, execution_options={"schema_translate_map": {None: "kants"}})
    try:
        assert _use_it(db, clock) == "შ-1/2026"
    finally:
        db.dispose()
    assert _tables(empty_pg, "kants") >= set(metadata.tables) | {"alembic_version"}
    assert _tables(empty_pg, "public") == set()


@pytest.mark.pg
def test_postgresql_profile_with_a_schema_uses_it(empty_pg: str, clock: FixedClock) -> None:
    u = make_url(empty_pg)
    p = ConnectionProfile(kind="postgresql", server=f"{u.host}:{u.port}",
                          database=u.database or "", username=u.username or "", schema="kants")  # fmt: skip
    db = open_profile(p)
    try:
        assert _use_it(db, clock) == "შ-1/2026"
    finally:
        db.dispose()
    assert "documents" in _tables(empty_pg, "kants")
    assert _tables(empty_pg, "public") == set()


# -- what a DBA running it in SSMS relies on ----------------------------------------------


def _batches(script: str) -> list[str]:
    return [b.strip("\n") for b in script.split("\nGO\n") if b.strip()]


@pytest.mark.parametrize(
    "kwargs", [{}, {"schema": "kants"}, {"downgrade_to": "base"}], ids=["up", "schema", "down"]
)
def test_every_batch_of_the_script_is_valid_t_sql(kwargs: dict[str, str]) -> None:
    """Parsed batch by batch with sqlfluff's strict T-SQL grammar (tests/_tsql.py)."""
    from tests._tsql import CHECKER

    errors = {b[:120]: e for b in _batches(offline_sql("mssql", **kwargs))
              if (e := CHECKER._parse_errors(b))}  # fmt: skip
    assert errors == {}


def test_the_script_stops_at_its_first_error_in_ssms_too() -> None:
    """XACT_ABORT rolls back at the first error; every later batch then sees no open
    transaction and turns NOEXEC on, so neither the version stamp nor COMMIT runs."""
    batches = _batches(offline_sql("mssql"))
    assert batches[0].endswith("SET XACT_ABORT ON;")
    assert batches[1].startswith("BEGIN TRANSACTION;")
    guarded = batches[2:-1]
    assert guarded and all(b.startswith("IF @@TRANCOUNT = 0 SET NOEXEC ON;\n") for b in guarded)
    assert guarded[-1].endswith("COMMIT;") and batches[-1] == "SET NOEXEC OFF;"


def test_every_default_constraint_has_a_name_and_a_downgrade_drops_it() -> None:
    """An unnamed default gets a generated name (DF__documents__…), different in every
    database, and DROP COLUMN fails until it is dropped: name them all."""
    up = offline_sql("mssql")
    defaults = re.findall(r"(\S+ \S+ )?DEFAULT ", up)
    assert defaults and all(prefix.startswith("CONSTRAINT df_") for prefix in defaults), defaults
    down = offline_sql("mssql", downgrade_to="base")
    for table, column in re.findall(r"ALTER TABLE (\w+) ADD (\w+) [^;]*CONSTRAINT df_", up):
        drop_default = down.index(f"ALTER TABLE {table} DROP CONSTRAINT df_{table}_{column};")
        assert drop_default < down.index(f"ALTER TABLE {table} DROP COLUMN {column};")
    assert "DROP TABLE documents" in down and "DELETE FROM alembic_version" in down


def test_cli_prints_the_downgrade_script(capsys: pytest.CaptureFixture[str]) -> None:
    base = revisions()[0]
    assert run(["db", "sql", "--downgrade-to", base]) == 0
    out = capsys.readouterr().out
    assert out == offline_sql("mssql", downgrade_to=base)
    assert f"UPDATE alembic_version SET version_num='{base}'" in out
    with pytest.raises(SystemExit):
        run(["db", "sql", "--downgrade-to", "9999_nope"])


def test_the_audit_triggers_are_valid_t_sql_inside_their_exec() -> None:
    """``CREATE TRIGGER`` must open its batch, so 0006 runs it through ``EXEC (N'…')``
    (after the batch's NOEXEC guard); the text inside is checked as T-SQL on its own."""
    from tests._tsql import CHECKER

    for schema in (None, "kants"):
        script = offline_sql("mssql", schema=schema)
        bodies = [b.replace("''", "'") for b in re.findall(r"EXEC \(N'(.*?)'\);\n", script, re.S)]
        prefix = f"{schema}." if schema else ""
        assert [b.split("\n", 1)[0] for b in bodies] == [
            f"CREATE TRIGGER {prefix}audit_log_append_only ON {prefix}audit_log",
            f"CREATE TRIGGER {prefix}number_counters_audit_tail ON {prefix}number_counters",
        ]
        assert "INSTEAD OF UPDATE, DELETE" in bodies[0] and "THROW" in bodies[0]
        assert {b[:60]: e for b in bodies if (e := CHECKER._parse_errors(b))} == {}
    down = offline_sql("mssql", downgrade_to="0005_decree_days")
    assert "DROP TRIGGER audit_log_append_only;" in down
