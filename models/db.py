"""Engine and session factory with per-dialect settings.

SQLite: WAL, foreign keys on, a busy timeout, and write transactions that start with
``BEGIN IMMEDIATE`` so that two clerks saving at once queue instead of failing with
"database is locked" when a reader upgrades to a writer.
PostgreSQL / MS SQL: ``pool_pre_ping`` so a dropped connection is replaced on the next
action; MS SQL also gets ``fast_executemany`` and NVARCHAR(MAX) for long text.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

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


@dataclass(frozen=True)
class Database:
    """One database: an engine plus read and write session factories."""

    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end."""
        with self._read() as s:
            try:
                yield s
            finally:
                s.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls back on any exception."""
        with self._write() as s, s.begin():
            yield s

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
