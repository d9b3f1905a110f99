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
import os
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


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """Create an engine for *url* with the settings its dialect needs."""
    u = make_url(url)
    backend = u.get_backend_name()
    if backend == "sqlite":
        db = u.database
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, **kwargs)
        _sqlite_setup(engine)
        return engine
    connect_args = kwargs.setdefault("connect_args", {})
    if backend == "mssql":
        kwargs.setdefault("fast_executemany", True)
        kwargs.setdefault("deprecate_large_types", True)
        # pyodbc ignores LoginTimeout in the string; without this FreeTDS can hang.
        connect_args.setdefault("timeout", CONNECT_TIMEOUT_S)
    elif backend == "postgresql":
        connect_args.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(u, **kwargs)


# -- connection loss ----------------------------------------------------------------------

# Phases in which a connection error can reach the translator.
CONNECT, WORK, COMMIT = "connect", "work", "commit"
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
            try:
                s.connection()
                return s
            except DBAPIError as exc:
                s.close()
                if attempt == attempts:
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


def open_database(url: str | URL | None = None, **kwargs: Any) -> Database:
    engine = make_engine(url if url is not None else default_url(), **kwargs)
    write_engine = engine.execution_options(kantselaria_write=True)
    return Database(
        engine=engine,
        _read=sessionmaker(engine, expire_on_commit=False),
        _write=sessionmaker(write_engine, expire_on_commit=False),
    )
