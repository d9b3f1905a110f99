"""Connection profiles (embedded file, MS SQL Server, PostgreSQL) and errors a clerk can act on.

A profile is per workstation (stored by :mod:`app.profiles` as JSON in the user's
configuration folder); the password is never part of it — it goes to the operating
system's keyring when there is one (see :mod:`app.profiles`).
URLs are built with ``URL.create`` and ``odbc_connect``, never by string concatenation,
because passwords contain ``;`` and ``}``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import URL

from app.errors import DatabaseUnavailable, UserError
from app.privacy import scrub
from models.db import Database, default_data_dir, open_database

KINDS = ("embedded", "mssql", "postgresql")
DEFAULT_TIMEOUT = 10


@dataclass(frozen=True)
class ConnectionProfile:
    name: str = "ჩაშენებული ბაზა"
    kind: str = "embedded"
    # embedded
    file: str = ""
    # servers
    server: str = ""  # MS SQL: host\instance or host,port; PostgreSQL: host[:port]
    database: str = "kantselaria"
    auth: str = "sql"  # sql | windows (MS SQL integrated security)
    username: str = ""
    driver: str = ""  # an entry of pyodbc.drivers() or an absolute path to the driver
    encrypt: bool = True
    trust_server_certificate: bool = False
    timeout: int = DEFAULT_TIMEOUT
    schema: str = ""  # a non-default schema the DBA asked for (MS SQL / PostgreSQL)
    extra: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConnectionProfile:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def describe(self) -> str:
        """What the status bar shows: the file name, or server/database."""
        if self.kind == "embedded":
            return f"ჩაშენებული: {Path(self.file or default_file()).name}"
        return f"{self.server}/{self.database}"


def default_file() -> str:
    return str(default_data_dir() / "kantselaria.sqlite3")


def _odbc_value(value: str) -> str:
    """Quote an ODBC connection-string value: braces when it has ; { } or spaces."""
    if any(ch in value for ch in ";{}= ") or value != value.strip():
        return "{" + value.replace("}", "}}") + "}"
    return value


def odbc_connection_string(p: ConnectionProfile, password: str | None) -> str:
    driver = p.driver or "ODBC Driver 18 for SQL Server"
    parts = {
        "DRIVER": "{" + driver.replace("}", "}}") + "}",
        "SERVER": _odbc_value(p.server),
        "DATABASE": _odbc_value(p.database),
        "Encrypt": "yes" if p.encrypt else "no",
        "TrustServerCertificate": "yes" if p.trust_server_certificate else "no",
        "APP": "Kantselaria",
    }
    if p.auth == "windows":
        parts["Trusted_Connection"] = "yes"
    else:
        parts["UID"] = _odbc_value(p.username)
        parts["PWD"] = _odbc_value(password or "")
    if "freetds" in driver.lower() or "libtdsodbc" in driver.lower():
        parts["TDS_Version"] = "7.4"
        parts.pop("Encrypt")
        parts.pop("TrustServerCertificate")
    parts.update(p.extra)
    return ";".join(f"{k}={v}" for k, v in parts.items())


def profile_url(p: ConnectionProfile, password: str | None = None) -> URL:
    if p.kind == "embedded":
        return URL.create("sqlite", database=p.file or default_file())
    if p.kind == "mssql":
        return URL.create(
            "mssql+pyodbc", query={"odbc_connect": odbc_connection_string(p, password)}
        )
    if p.kind == "postgresql":
        host, _, port = p.server.partition(":")
        return URL.create(
            "postgresql+psycopg2",
            username=p.username or None,
            password=password or None,
            host=host or None,
            port=int(port) if port.isdigit() else None,
            database=p.database,
        )
    raise UserError("connection.kind_unknown", field="kind", got=p.kind)


def connect_args(p: ConnectionProfile) -> dict[str, Any]:
    """Driver-level connect timeouts (pyodbc ignores LoginTimeout in the string)."""
    if p.kind == "mssql":
        return {"timeout": p.timeout}
    if p.kind == "postgresql":
        args: dict[str, Any] = {"connect_timeout": p.timeout}
        if p.schema:
            args["options"] = f"-c search_path={p.schema}"
        return args
    return {}


def open_profile(p: ConnectionProfile, password: str | None = None) -> Database:
    kwargs: dict[str, Any] = {"connect_args": connect_args(p)}
    if p.kind == "mssql" and p.schema:
        kwargs["execution_options"] = {"schema_translate_map": {None: p.schema}}
    return open_database(profile_url(p, password), **kwargs)


# -- errors a clerk can act on ----------------------------------------------------------

_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("libodbc.so", "odbc driver manager", "libodbc"), "odbc.manager_missing"),
    (("im002", "can't open lib", "data source name not found", "file not found"),
     "odbc.driver_missing"),
    (("certificate", "ssl provider", "ssl routines", "tls"), "db.certificate"),
    (("28000", "login failed", "password authentication failed", "authentication failed"),
     "db.login_failed"),
    (("hyt00", "08001", "08s01", "login timeout", "timeout expired", "unable to connect",
      "could not connect", "connection refused", "adaptive server is unavailable", "could not translate host", "server is unavailable",
      "name or service not known", "timed out"),
     "db.server_not_found"),
    (("4060", "cannot open database", "does not exist"), "db.missing"),
)  # fmt: skip


def explain(exc: BaseException) -> UserError:
    """Turn a driver's exception into a Georgian message with the remedy."""
    raw = scrub(str(getattr(exc, "orig", None) or exc))  # shown and logged: no personal data
    low = raw.lower()
    for needles, key in _RULES:
        if any(n in low for n in needles):
            return DatabaseUnavailable(key, detail=raw[:300])
    return DatabaseUnavailable("db.unreachable", detail=raw[:300])


# The ODBC drivers in the order the program prefers them. The old driver called plainly
# "SQL Server" (and the Native Clients) predate TLS 1.2 and DATETIME2: offered last, marked
# legacy, never chosen by default.
DRIVER_PREFERENCE = (
    "ODBC Driver 18 for SQL Server",
    "ODBC Driver 17 for SQL Server",
    "FreeTDS",
)
LEGACY_DRIVERS = frozenset(
    {"SQL Server", "SQL Native Client", "SQL Server Native Client 10.0",
     "SQL Server Native Client 11.0", "ODBC Driver 11 for SQL Server",
     "ODBC Driver 13 for SQL Server", "ODBC Driver 13.1 for SQL Server"}
)  # fmt: skip


def is_legacy_driver(name: str) -> bool:
    return name.strip() in LEGACY_DRIVERS


def sorted_drivers(found: list[str]) -> list[str]:
    """*found* with the preferred drivers first, then the others, the legacy ones last."""

    def rank(name: str) -> tuple[int, int, str]:
        if name in DRIVER_PREFERENCE:
            return (0, DRIVER_PREFERENCE.index(name), name)
        return (2 if is_legacy_driver(name) else 1, 0, name.lower())

    return sorted(found, key=rank)


def preferred_driver(found: list[str]) -> str:
    """The driver a new profile gets: Driver 18, 17, FreeTDS, another modern one; never a
    legacy one by itself ("" when only legacy drivers are installed)."""
    for name in sorted_drivers(found):
        if not is_legacy_driver(name):
            return name
    return ""


def check_odbc() -> list[str]:
    """The installed ODBC drivers; raises the 'driver manager missing' message if none."""
    try:
        import pyodbc
    except ImportError as exc:
        raise explain(exc) from exc
    return list(pyodbc.drivers())


@dataclass(frozen=True)
class ConnectionReport:
    ok: bool
    seconds: float
    message: str
    schema: str  # current | old | new | empty | unknown
    error: UserError | None = None


def try_profile(
    p: ConnectionProfile,
    password: str | None = None,
    schema_state: Callable[[Database], str] | None = None,
) -> ConnectionReport:
    """Connect once (within the profile's timeout), run SELECT 1, read the schema state."""
    t0 = time.monotonic()
    db: Database | None = None
    try:
        if p.kind == "mssql":
            check_odbc()
        db = open_profile(p, password)
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        state = schema_state(db) if schema_state else "unknown"
        return ConnectionReport(True, time.monotonic() - t0, "კავშირი დამყარდა", state)
    except UserError as err:
        return ConnectionReport(False, time.monotonic() - t0, err.message(), "unknown", err)
    except Exception as exc:  # driver errors of every kind become a message
        explained = explain(exc)
        return ConnectionReport(
            False, time.monotonic() - t0, explained.message(), "unknown", explained
        )
    finally:
        if db is not None:
            db.dispose()
