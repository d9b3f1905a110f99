"""The T-SQL conformance layer itself (tests/_tsql.py): it catches what SQL Server refuses,
names the call site, fails the test that ran it, and lets valid T-SQL through."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import case, func, literal_column, select, text

from models.db import Database
from models.tables import Document, Setting, User
from tests import _tsql

ROOT = Path(__file__).resolve().parent.parent

BROKEN = [
    (select(User.id).where(User.active.is_(True)), "IS with something other than NULL"),
    (select(User.id).where(User.active.is_(False)), "IS with something other than NULL"),
    (select(Document.id).order_by(Document.due_date.is_(None)), "as a sort key"),
    (select(Document.id).order_by(Document.department_id == Document.id), "as a sort key"),
    (select(Document.id, Document.due_date.is_(None)), "in the SELECT list"),
    (select(func.sum(Document.id > 5)), "as an argument of sum()"),
    (select(Setting).with_for_update(), "with_for_update() is dropped on mssql"),
    (select(User.id).where(User.id.in_(range(2500))), "2500 bound parameters"),
    (text("SELECT id FROM users LIMIT 5"), "LIMIT"),
    (text("SELECT id FROM users WHERE login ILIKE 'a%'"), "ILIKE"),
    (text("SELECT id FROM users ORDER BY id NULLS FIRST"), "NULLS FIRST"),
    (text("SELECT id FROM users WHERE active = true"), "boolean literal"),
    (text("SELECT id FROM users WHERE id = 1 FOR UPDATE"), "FOR UPDATE"),
    (text("SELECT id FROM users WHERE id = 1 AND"), "not valid T-SQL"),
]

FIXED = [
    select(User.id).where(User.active),
    select(User.id).where(~User.active),
    select(Document.id).order_by(case((Document.due_date.is_(None), 1), else_=0)),
    select(Document.id, case((Document.due_date.is_(None), 1), else_=0)),
    select(func.sum(case((Document.id > 5, 1), else_=0))),
    select(Setting).with_for_update().with_hint(Setting, "WITH (UPDLOCK, ROWLOCK)", "mssql"),
    select(User.id).where(User.id.in_(range(1500))),
    select(User.id).order_by(User.id).limit(5).offset(10),
    select(literal_column("N'ქართული'")).where(User.login.like("is 1%")),
]


@pytest.mark.parametrize(("stmt", "rule"), BROKEN, ids=[r for _s, r in BROKEN])
def test_what_sql_server_refuses_is_caught(stmt: object, rule: str) -> None:
    _sql, found = _tsql.CHECKER.rules_for(stmt)  # type: ignore[arg-type]
    assert any(rule in f for f in found), found


@pytest.mark.parametrize("stmt", FIXED, ids=range(len(FIXED)))
def test_the_t_sql_way_of_writing_it_passes(stmt: object) -> None:
    sql, found = _tsql.CHECKER.rules_for(stmt)  # type: ignore[arg-type]
    assert found == [], (sql, found)


def test_an_executed_statement_is_checked_with_its_call_site(sqlite_db: Database) -> None:
    """A statement the program runs (here through ``Database.read_retry``) is compiled for
    SQL Server; the violation names the program's file and line, and is recorded for the
    test's teardown to fail on. The corrected statement records nothing."""
    bad = select(User.id).where(User.active.is_(True))
    assert sqlite_db.read_retry(lambda s: s.execute(bad).all())  # SQLite accepts it
    found = _tsql.CHECKER.take()
    assert found and found[0].site.startswith("models/db.py:")
    assert "IS with something other than NULL" in found[0].rule
    assert "users.active IS 1" in found[0].sql

    good = select(User.id).where(User.active)
    assert sqlite_db.read_retry(lambda s: s.execute(good).all())
    assert _tsql.CHECKER.take() == []


def test_a_test_that_runs_a_refused_statement_fails(tmp_path: Path) -> None:
    """The whole mechanism, end to end: a test session whose code runs `IS 1` fails."""
    (tmp_path / "test_inner.py").write_text(
        textwrap.dedent(
            """
            from sqlalchemy import select
            from models.tables import User

            def test_broken(sqlite_db):
                sqlite_db.read_retry(
                    lambda s: s.execute(select(User.id).where(User.active.is_(True))).all()
                )

            def test_fixed(sqlite_db):
                sqlite_db.read_retry(
                    lambda s: s.execute(select(User.id).where(User.active)).all()
                )
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KANTSELARIA_TEST_PG": ""}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), "-c", os.devnull, str(tmp_path / "test_inner.py")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=240,
    )  # fmt: skip
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "2 passed, 1 error" in out and "ERROR test_inner.py::test_broken" in out, out
    assert "statement(s) SQL Server would refuse" in out and "models/db.py:" in out, out


# -- the source itself -------------------------------------------------------------------

FORBIDDEN_CALLS = {"is_", "is_not", "isnot"}


def _bool_comparisons(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in FORBIDDEN_CALLS
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, bool)
        ):
            found.append(
                f"{path.relative_to(root)}:{node.lineno}: .{node.func.attr}({node.args[0].value})"
            )
    return found


def test_no_source_compares_a_boolean_with_is() -> None:
    """``.is_(True)`` renders ``IS 1`` on SQL Server ("Incorrect syntax near '1'"): write
    the column itself, or ``~column``."""
    found = [
        hit
        for folder in ("app", "models", "ui", "reports", "bench")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for hit in _bool_comparisons(path)
    ]
    assert found == []


def test_the_source_rule_sees_what_it_forbids(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("q = x.where(User.active.is_(True), Doc.c.is_not(False))\n", encoding="utf-8")
    hits = [h.split(": ", 1)[1] for h in _bool_comparisons(sample, tmp_path)]
    assert hits == [".is_(True)", ".is_not(False)"]
