"""Engine and session factory with per-dialect settings.

SQLite: WAL, foreign keys on, a busy timeout, and write transactions that start with
``BEGIN IMMEDIATE`` so that two clerks saving at once queue instead of failing with
"database is locked" when a reader upgrades to a writer.
PostgreSQL / MS SQL: ``pool_pre_ping`` so a dropped connection is replaced on the next
action; MS SQL also gets ``fast_executemany`` and NVARCHAR(MAX) for long text.

Connection loss: ``read()`` and ``write()`` establish their connection (and BEGIN) before
the caller's code runs, and on a server database try once more when that fails — nothing
has been read or written yet, so the retry is safe. A connection lost *inside* the block
is not retried (a write may be half-sent; the server rolls it back). Either way the error
goes through the translator the app layer installs (``set_error_translator``), which
turns it into a message the clerk can act on; ``read_retry`` re-runs a whole read once.
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
# How long a statement waits for another transaction's lock before giving up (server
# databases; SQL Server's default is to wait for ever). A profile sets its own.
LOCK_TIMEOUT_S = 30
# A statement may run this many times the lock timeout (a report over a million rows).
QUERY_TIMEOUT_FACTOR = 6
# FreeTDS without a TDS version ignores the login timeout against a server that accepts
# the connection and never answers (FreeTDS#733); 7.4 is SQL Server 2012 and newer.
FREETDS_VERSION = "7.4"


def default_data_dir() -> Path:
    """The user's data folder (XDG on Linux, %APPDATA% on Windows)."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "kantselaria"


def default_url() -> str:
    """``KANTSELARIA_DB`` if set, else the embedded SQLite file in the data folder."""
    env = os.environ.get("KANTSELARIA_DB")
    if env:
        return env
    return f"sqlite:///{default_data_dir() / 'kantselaria.sqlite3'}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("kantselaria_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _is_freetds(u: URL) -> bool:
    text = " ".join([str(u.query.get("driver", "")), str(u.query.get("odbc_connect", ""))])
    return "freetds" in text.lower() or "libtdsodbc" in text.lower()


def _with_tds_version(u: URL) -> URL:
    """A FreeTDS URL with ``TDS_Version`` pinned (kept when the URL names one)."""
    if not _is_freetds(u):
        return u
    odbc = str(u.query.get("odbc_connect", ""))
    if odbc:
        if "tds_version" in odbc.lower():
            return u
        return u.update_query_dict(
            {"odbc_connect": f"{odbc.rstrip(';')};TDS_Version={FREETDS_VERSION}"}
        )
    if any(k.lower() == "tds_version" for k in u.query):
        return u
    return u.update_query_dict({"TDS_Version": FREETDS_VERSION})


def _mssql_setup(engine: Engine, lock_timeout_s: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"SET LOCK_TIMEOUT {int(lock_timeout_s) * 1000}")
        cur.close()
        dbapi_conn.timeout = int(lock_timeout_s) * QUERY_TIMEOUT_FACTOR  # pyodbc query timeout


def make_engine(url: str | URL, lock_timeout_s: int = LOCK_TIMEOUT_S, **kwargs: Any) -> Engine:
    """Create an engine for *url* with the settings its dialect needs.

    On a server a statement waits at most *lock_timeout_s* for another transaction's lock
    (SQL Server ``SET LOCK_TIMEOUT``, PostgreSQL ``lock_timeout``) and then fails with
    "the database is busy" instead of hanging the clerk's action.
    """
    u = make_url(url)
    backend = u.get_backend_name()
    if backend == "sqlite":
        db = u.database
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("hide_parameters", True)  # no names or personal numbers in errors
        engine = create_engine(u, **kwargs)
        _sqlite_setup(engine)
        return engine
    connect_args = kwargs.setdefault("connect_args", {})
    if backend == "mssql":
        u = _with_tds_version(u)
        kwargs.setdefault("fast_executemany", True)
        kwargs.setdefault("deprecate_large_types", True)
        # pyodbc ignores LoginTimeout in the string; without this FreeTDS can hang.
        connect_args.setdefault("timeout", CONNECT_TIMEOUT_S)
    elif backend == "postgresql":
        connect_args.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        lock = f"-c lock_timeout={int(lock_timeout_s) * 1000}"
        options = connect_args.get("options", "")
        if "lock_timeout" not in options:
            connect_args["options"] = f"{options} {lock}".strip()
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("hide_parameters", True)  # no names or personal numbers in errors
    engine = create_engine(u, **kwargs)
    if backend == "mssql":
        _mssql_setup(engine, lock_timeout_s)
    return engine


# -- connection loss ----------------------------------------------------------------------

# Phases in which a connection error can reach the translator; BUSY: a lock timeout, or a
# deadlock / serialization failure still there after the unit of work was retried.
CONNECT, WORK, COMMIT, BUSY = "connect", "work", "commit", "busy"
ErrorTranslator = Callable[[BaseException, str], BaseException]
_translator: ErrorTranslator | None = None


def set_error_translator(fn: ErrorTranslator | None) -> None:
    """Install the function that turns a lost or refused connection into the exception the
    user sees (the app layer installs one producing Georgian messages)."""
    global _translator
    _translator = fn


def _reraise(exc: BaseException, phase: str) -> NoReturn:
    """Raise what the translator makes of *exc* (chained to it), or *exc* itself."""
    new = _translator(exc, phase) if _translator is not None else exc
    if new is exc:
        raise exc
    raise new from exc


def connection_lost(exc: BaseException) -> bool:
    """True when *exc* says the connection died (SQLAlchemy invalidated it)."""
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


# SQLSTATEs of a transaction the server chose to abort so that another can go on: retrying
# the whole unit of work is the remedy. PostgreSQL: serialization failure, deadlock; SQL
# Server's deadlock victim (error 1205) arrives through ODBC as 40001 too.
RETRYABLE_STATES = frozenset({"40001", "40P01"})
# Waited longer than the lock timeout: PostgreSQL 55P03, SQL Server error 1222.
LOCK_TIMEOUT_STATES = frozenset({"55P03"})
UNIT_ATTEMPTS = 3
QUICK_FAILURE_S = 1.0


def _states(exc: BaseException) -> set[str]:
    """The SQLSTATEs and SQL Server error numbers along *exc*'s chain."""
    found: set[str] = set()
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        orig = getattr(e, "orig", None)
        for candidate in (e, orig):
            if candidate is None:
                continue
            code = getattr(candidate, "pgcode", None)
            if code:
                found.add(str(code))
            args = getattr(candidate, "args", ())
            if args and isinstance(args[0], str) and len(args[0]) == 5:
                found.add(args[0])  # pyodbc: (SQLSTATE, message)
            text = " ".join(str(a) for a in args) if args else ""
            if "(1205)" in text:
                found.add("40001")
            if "(1222)" in text:
                found.add("55P03")
        e = e.__cause__ or e.__context__
    return found


def is_retryable(exc: BaseException) -> bool:
    """True when the server aborted the transaction as a deadlock victim or a serialization
    failure: nothing was written, and running the unit of work again is safe."""
    return bool(_states(exc) & RETRYABLE_STATES)


def is_lock_timeout(exc: BaseException) -> bool:
    return bool(_states(exc) & LOCK_TIMEOUT_STATES)


F = TypeVar("F", bound=Callable[..., Any])


def unit_of_work(fn: F) -> F:
    """Run the use case *fn* again (at most ``UNIT_ATTEMPTS`` times in all, after a short
    random pause) when the server chose its transaction as a deadlock victim or failed it
    for serialization; still failing, the clerk is told the database is busy.

    Only for functions whose whole effect is one database transaction: the failed attempt
    was rolled back by the server, so nothing happens twice.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for attempt in range(1, UNIT_ATTEMPTS + 1):
            try:
                return fn(*args, **kwargs)
            except DBAPIError as exc:
                if not is_retryable(exc):
                    raise
                if attempt == UNIT_ATTEMPTS:
                    _reraise(exc, BUSY)
            time.sleep(random.uniform(0.005, 0.05) * attempt)  # let the winner commit
        raise AssertionError("unreachable")

    return wrapper  # type: ignore[return-value]


def _rollback_quietly(s: Session) -> None:
    with contextlib.suppress(DBAPIError):  # the connection is gone; the server rolled back
        s.rollback()


@dataclass(frozen=True)
class Database:
    """One database: an engine plus read and write session factories."""

    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def _begin(self, factory: sessionmaker[Session]) -> Session:
        """A session with its connection checked out (pre-pinged) and its transaction begun.

        On a server database a failure here is tried once more: nothing has been sent yet.
        An embedded file has no connection to lose: its session begins lazily, as usual.
        """
        if self.backend == "sqlite":
            return factory()
        attempts = 2
        for attempt in range(1, attempts + 1):
            s = factory()
            started = time.monotonic()
            try:
                s.connection()
                return s
            except DBAPIError as exc:
                s.close()
                # A quick failure (a connection the server dropped) is worth one more try;
                # one that took the whole connect timeout is not: the clerk would wait twice.
                if attempt == attempts or time.monotonic() - started > QUICK_FAILURE_S:
                    _reraise(exc, CONNECT)
        raise AssertionError("unreachable")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end."""
        with self._begin(self._read) as s:
            try:
                yield s
            except DBAPIError as exc:
                _rollback_quietly(s)
                if connection_lost(exc):
                    _reraise(exc, WORK)
                raise
            finally:
                _rollback_quietly(s)

    def read_retry(self, fn: Callable[[Session], T]) -> T:
        """Run the read-only *fn* in a read session; if the connection is lost while it
        runs, run it once more on a fresh connection (reads are safe to repeat)."""
        try:
            with self.read() as s:
                return fn(s)
        except Exception as exc:
            cause = exc if connection_lost(exc) else exc.__cause__
            if cause is None or not connection_lost(cause):
                raise
        with self.read() as s:
            return fn(s)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls back on any exception.

        A connection lost inside the block or at COMMIT is reported through the translator;
        the server rolls the open transaction back, so nothing is half-written.
        """
        with self._begin(self._write) as s:
            try:
                yield s
            except DBAPIError as exc:
                _rollback_quietly(s)
                if connection_lost(exc):
                    _reraise(exc, WORK)
                if is_lock_timeout(exc):
                    _reraise(exc, BUSY)
                raise
            except BaseException:
                _rollback_quietly(s)
                raise
            try:
                s.commit()
            except DBAPIError as exc:
                _rollback_quietly(s)
                if connection_lost(exc):
                    _reraise(exc, COMMIT)
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    url: str | URL | None = None, *, lock_timeout_s: int = LOCK_TIMEOUT_S, **kwargs: Any
) -> Database:
    engine = make_engine(
        url if url is not None else default_url(), lock_timeout_s=lock_timeout_s, **kwargs
    )
    write_engine = engine.execution_options(kantselaria_write=True)
    return Database(
        engine=engine,
        _read=sessionmaker(engine, expire_on_commit=False),
        _write=sessionmaker(write_engine, expire_on_commit=False),
    )
