"""Shared fixtures: databases (SQLite file and the PostgreSQL server `make test` starts).

``KANTSELARIA_TEST_PG`` holds a server URL (``postgresql+psycopg2://…/postgres``). Without
it PostgreSQL tests are skipped with the reason shown — and with ``CI=true`` a skip of a
PostgreSQL test fails the run (see ``pytest_terminal_summary`` below).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.clock import FixedClock
from app.setup import prepare
from models.db import Database, open_database

# The day the tests live on: a Wednesday, so "today" never depends on the machine.
TEST_NOW = dt.datetime(2026, 11, 25, 9, 0, 0)
PG_ENV = "KANTSELARIA_TEST_PG"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@pytest.fixture(autouse=True)
def _georgian_messages() -> Iterator[None]:
    """Georgian is the default language; a test that switches to English (the CLI's
    ``--lang en``, the settings dialog) does not leak it into the next test."""
    from app import messages

    messages.set_language("ka")
    yield
    messages.set_language("ka")


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with minimal cost: tests check our logic, not the library's slowness."""
    from argon2 import PasswordHasher

    from app import users

    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(f"sqlite:///{path}")
    prepare(db, FixedClock(TEST_NOW))
    db.dispose()
    return path


def new_sqlite_db(template: Path, target: Path) -> Database:
    shutil.copy(template, target)
    return open_database(f"sqlite:///{target}")


@pytest.fixture
def sqlite_url(_sqlite_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "kantselaria.sqlite3"
    shutil.copy(_sqlite_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[Database]:
    db = open_database(sqlite_url)
    yield db
    db.dispose()


def pg_server_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture(scope="session")
def _pg_template() -> str:
    base = pg_server_url()
    if base is None:
        pytest.skip(f"PostgreSQL server not configured ({PG_ENV} unset; `make test` starts one)")
    name = "kantselaria_template"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        c.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    admin.dispose()
    db = open_database(make_url(base).set(database=name))
    prepare(db, FixedClock(TEST_NOW))
    db.dispose()
    return name


def new_pg_database(template: str) -> str:
    """A fresh database cloned from the migrated template; returns its URL."""
    base = pg_server_url()
    assert base is not None
    name = f"k_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    base = pg_server_url()
    assert base is not None
    name = make_url(url).database
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def pg_url(_pg_template: str) -> Iterator[str]:
    url = new_pg_database(_pg_template)
    yield url
    drop_pg_database(url)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    db = open_database(pg_url)
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh, migrated and seeded database URL on each backend."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


_pg_skips: list[str] = []


def _is_pg_test(report: pytest.TestReport) -> bool:
    return "postgresql" in report.nodeid or "pg" in report.keywords


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and _is_pg_test(report):
        _pg_skips.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With CI=true, a skipped PostgreSQL test is a failure."""
    if os.environ.get("CI", "").lower() == "true" and _pg_skips:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    c = _tsql.CHECKER
    terminalreporter.write_line(
        f"T-SQL conformance: {c.executed} statements executed, {len(c.checked)} distinct "
        f"checked as SQL Server 2016 T-SQL, from {len(c.sites)} call sites "
        f"({sum(c.grammar_per_site.values())} parsed by the grammar, {c.grammar_skipped} by the "
        f"rules only: over {_tsql.GRAMMAR_PER_SITE} at one site)"
    )
    if os.environ.get("CI", "").lower() == "true" and _pg_skips:
        terminalreporter.write_line(
            f"CI=true: {len(_pg_skips)} PostgreSQL test(s) were skipped — that is a failure.",
            red=True,
        )


# -- T-SQL conformance: every executed statement is also checked as SQL Server's ------------

from tests import _tsql  # noqa: E402

_tsql.install()


@pytest.fixture(autouse=True)
def _valid_tsql(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test whose code executed a statement SQL Server would refuse."""
    _tsql.CHECKER.take()
    yield
    found = _tsql.CHECKER.take()
    if found:
        unique = list(dict.fromkeys(str(v) for v in found))
        pytest.fail(
            f"{len(unique)} statement(s) SQL Server would refuse (tests/_tsql.py):\n"
            + "\n".join(unique[:10]),
            pytrace=False,
        )
