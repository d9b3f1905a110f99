"""Database roles for a server deployment (models/roles.py): valid T-SQL for the DBA, and on
a real PostgreSQL server a clerk's login does the clerk's work — and nothing more: never an
UPDATE or DELETE of the audit log; the reports login reads no password hash."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app.auth import default_actor
from app.cli import run
from app.registration import RegistrationInput, register
from app.users import UserInput, authenticate, create_user, set_password
from models.base import metadata
from models.db import open_database
from models.roles import ADMIN, CLERK, HEAD, REPORTS, ROLES, grants, roles_script
from tests.conftest import drop_pg_database


def _batches(script: str) -> list[str]:
    return [b.strip("\n") for b in script.split("\nGO\n") if b.strip()]


@pytest.mark.parametrize("schema", [None, "kants"])
def test_the_mssql_roles_script_is_valid_t_sql(schema: str | None) -> None:
    from tests._tsql import CHECKER

    script = roles_script("mssql", schema)
    batches = _batches(script)
    assert {b[:80]: e for b in batches if (e := CHECKER._parse_errors(b))} == {}
    for role in ROLES:
        assert f"IF DATABASE_PRINCIPAL_ID(N'{role}') IS NULL CREATE ROLE {role};" in script
    prefix = f"{schema}." if schema else ""
    assert f"DENY UPDATE, DELETE ON {prefix}audit_log TO {', '.join(ROLES)};" in script
    tables = set(re.findall(r" ON (\S+) TO ", script))
    assert tables == {f"{prefix}{t}" for t in [*metadata.tables, "alembic_version"]}


def test_least_privilege() -> None:
    every = grants()
    for g in every:
        if g.table == "audit_log":
            assert set(g.privileges) <= {"SELECT", "INSERT"}, g
        if g.role == REPORTS:
            assert g.privileges == ("SELECT",), g
            assert g.table not in ("audit_log", "attachments", "document_words"), g
            assert "password_hash" not in g.columns and "personal_id" not in g.columns
    writes = {(g.role, g.table) for g in every if "UPDATE" in g.privileges and not g.columns}
    assert (CLERK, "users") not in writes and (HEAD, "departments") not in writes
    assert (CLERK, "documents") in writes and (ADMIN, "users") in writes
    clerk_users = [g for g in every if (g.role, g.table) == (CLERK, "users") and g.columns]
    assert [(g.privileges, g.columns) for g in clerk_users] == [(("UPDATE",), ("password_hash",))]


def test_cli_prints_the_roles_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["db", "sql", "--dialect", "mssql", "--roles", "--schema", "kants"]) == 0
    assert capsys.readouterr().out == roles_script("mssql", "kants")
    assert run(["db", "sql", "--dialect", "postgresql", "--roles"]) == 0
    assert capsys.readouterr().out == roles_script("postgresql")
    assert run(["--lang", "en", "db", "sql", "--dialect", "sqlite", "--roles"]) == 2
    assert "no roles" in capsys.readouterr().err


@pytest.mark.pg
def test_a_clerks_login_does_a_clerks_work_and_no_more(pg_url: str, cheap_hashing: None) -> None:
    """The roles script run on a real server; the program connected as a clerk's login
    registers, indexes, audits and changes its user's own password; the audit log and the
    staff table are out of its reach, and the reports login reads no password hash."""
    owner = create_engine(pg_url)
    tag = uuid.uuid4().hex[:8]
    clerk_login, reports_login = f"k_clerk_{tag}", f"k_reports_{tag}"
    db = open_database(pg_url)
    with db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    nino = create_user(db, admin, UserInput("nino", "ნინო კაპანაძე", "registrar", None),
                       "ნინოს-პაროლი-1")  # fmt: skip
    db.dispose()
    try:
        with owner.begin() as c:
            c.exec_driver_sql(roles_script("postgresql"))
            c.exec_driver_sql(f"CREATE ROLE {clerk_login} LOGIN IN ROLE {CLERK}")
            c.exec_driver_sql(f"CREATE ROLE {reports_login} LOGIN IN ROLE {REPORTS}")
        as_clerk = open_database(make_url(pg_url).set(username=clerk_login))
        try:
            actor = authenticate(as_clerk, "nino", "ნინოს-პაროლი-1")
            doc = register(as_clerk, actor, RegistrationInput(
                kind="incoming", doc_type="letter", subject="როლების შემოწმება",
                from_name="ილია ჭავჭავაძე"))  # fmt: skip
            assert doc.number.startswith("შ-")
            set_password(as_clerk, actor, nino.id, "ნინოს-ახალი-პაროლი")
            for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log",
                        "UPDATE users SET role = 'admin'", "DELETE FROM documents",
                        "TRUNCATE audit_log"):  # fmt: skip
                denied = pytest.raises(ProgrammingError, match="permission denied")
                with denied, as_clerk.engine.begin() as c:
                    c.exec_driver_sql(sql)
        finally:
            as_clerk.dispose()
        reader = create_engine(make_url(pg_url).set(username=reports_login))
        try:
            with reader.connect() as c:
                assert c.execute(text("SELECT count(*) FROM documents")).scalar() == 1
                assert c.execute(text("SELECT login FROM users WHERE login = 'nino'")).scalar()
            for sql in ("SELECT password_hash FROM users", "SELECT count(*) FROM audit_log",
                        "SELECT personal_id FROM correspondents",
                        "INSERT INTO settings (name, content) VALUES ('x', 'y')"):  # fmt: skip
                denied = pytest.raises(ProgrammingError, match="permission denied")
                with denied, reader.connect() as c:
                    c.execute(text(sql))
        finally:
            reader.dispose()
    finally:
        owner.dispose()
        drop_pg_database(pg_url)  # the grants go with it; then the roles can go
        admin_engine = create_engine(make_url(pg_url).set(database="postgres"),
                                     isolation_level="AUTOCOMMIT")  # fmt: skip
        with admin_engine.connect() as c:
            for role in (clerk_login, reports_login, *ROLES):
                c.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        admin_engine.dispose()
