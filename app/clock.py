"""Time, injected. Registration dates are the clerk's day in Tbilisi; stamps are UTC.

On a server database "now" is the server's (:class:`ServerClock`, chosen by
:func:`clock_for`): a workstation whose clock says 2031 registers today's number and writes
audit rows in order all the same; :func:`clock_skew` tells how far off it is.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select

from models.db import CONNECT_TIMEOUT_S, Database

log = logging.getLogger("kantselaria.clock")

# Georgia has kept UTC+4 without daylight saving since 2005; a fixed offset avoids a
# dependency on the tz database, which Windows workstations lack.
TBILISI = dt.timezone(dt.timedelta(hours=4), "Asia/Tbilisi")


class Clock(Protocol):
    def now_utc(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    def now_utc(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC).replace(tzinfo=None)

    def today(self) -> dt.date:
        return dt.datetime.now(TBILISI).date()


@dataclass
class FixedClock:
    """A clock for tests and the demo generator."""

    instant: dt.datetime

    def now_utc(self) -> dt.datetime:
        return self.instant

    def today(self) -> dt.date:
        return (self.instant.replace(tzinfo=dt.UTC)).astimezone(TBILISI).date()


# -- the database server's clock ------------------------------------------------------------

# A workstation clock further than this from the server's is reported (app.clock.clock_skew).
SKEW_TOLERANCE = dt.timedelta(minutes=5)
# How long the server's time, once asked, is carried forward on this machine's monotonic
# clock before it is asked again (a monotonic clock drifts by well under a second a day).
SERVER_REFRESH_S = 600.0
# How long the GUI thread waits for the server's first answer before it takes its own clock.
GUI_WAIT_S = 0.1


def server_now_utc(db: Database) -> dt.datetime | None:
    """The database server's current time in UTC (naive, like every stamp we store);
    None for the embedded file, whose "server" is this workstation."""
    if db.backend == "sqlite":
        return None
    stmt = select(func.sysutcdatetime()) if db.backend == "mssql" else select(func.now())
    with db.read() as s:
        value = s.scalar(stmt)
    if not isinstance(value, dt.datetime):  # a driver that returns text
        value = dt.datetime.fromisoformat(str(value))
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.replace(tzinfo=None)


class ServerClock:
    """The database server's "now" and "today", not the workstation's.

    The server is asked once (``SYSUTCDATETIME()`` on SQL Server, ``now()`` on PostgreSQL),
    then its answer is carried forward on this machine's monotonic clock, and asked again
    every :data:`SERVER_REFRESH_S` seconds. When the server cannot be asked (the connection
    is down) the last answer is carried forward; before any answer, the workstation's clock
    stands in (the write that follows fails anyway while the server is away). Changing the
    workstation's clock changes neither.

    *background* (the window): the server is asked on a thread of its own, started at once,
    never on the caller's — the GUI thread runs no SQL. A caller on the main (GUI) thread
    waits at most :data:`GUI_WAIT_S` for the first answer (its dates only pre-fill forms;
    the use case in the worker checks them again), any other thread up to the connect
    timeout. Without *background* (the command line) the caller asks the server itself.
    """

    def __init__(
        self, db: Database, refresh_s: float = SERVER_REFRESH_S, *, background: bool = False
    ) -> None:
        self._db = db
        self._refresh_s = refresh_s
        self._background = background
        self._lock = threading.Lock()
        self._base: dt.datetime | None = None
        self._mono = 0.0
        self._asking = False
        self._answered = threading.Event()  # the first attempt is over (either way)
        if background:
            self._ask_soon()

    def sync(self) -> dt.datetime:
        """Ask the server now (on this thread); its time (UTC)."""
        t0 = time.monotonic()
        value = server_now_utc(self._db)
        t1 = time.monotonic()
        if value is None:  # not a server after all
            value = SystemClock().now_utc()
        with self._lock:
            # the answer was true somewhere between t0 and t1: take the middle
            self._base, self._mono = value, (t0 + t1) / 2
        return value

    def _ask_quietly(self) -> None:
        try:
            self.sync()
        except Exception:  # the server is away: keep what we had
            log.warning("the database server's time could not be read", exc_info=True)
        finally:
            with self._lock:
                self._asking = False
            self._answered.set()

    def _ask_soon(self) -> None:
        with self._lock:
            if self._asking:
                return
            self._asking = True
        threading.Thread(target=self._ask_quietly, name="server-clock", daemon=True).start()

    def _read(self) -> tuple[dt.datetime | None, float]:
        with self._lock:
            return self._base, self._mono

    def now_utc(self) -> dt.datetime:
        base, mono = self._read()
        if base is None or time.monotonic() - mono > self._refresh_s:
            if self._background:
                self._ask_soon()
                if base is None:
                    gui = threading.current_thread() is threading.main_thread()
                    self._answered.wait(GUI_WAIT_S if gui else CONNECT_TIMEOUT_S)
            else:
                self._ask_quietly()
            base, mono = self._read()
            if base is None:
                return SystemClock().now_utc()
        return base + dt.timedelta(seconds=time.monotonic() - mono)

    def today(self) -> dt.date:
        return self.now_utc().replace(tzinfo=dt.UTC).astimezone(TBILISI).date()


def clock_for(db: Database, *, background: bool = False) -> Clock:
    """The clock a program working on *db* uses: the server's on PostgreSQL and SQL Server,
    this workstation's for the embedded file (which lives on it). The window passes
    *background* (see :class:`ServerClock`)."""
    return SystemClock() if db.backend == "sqlite" else ServerClock(db, background=background)


def clock_skew(db: Database, local: Clock | None = None) -> dt.timedelta | None:
    """How far this workstation's clock is from the database server's (local minus server),
    when that is more than :data:`SKEW_TOLERANCE`; None when it is closer, or for the
    embedded file. The window shows it; ``kantselaria-cli db check`` prints it."""
    t0 = time.monotonic()
    server = server_now_utc(db)
    elapsed = dt.timedelta(seconds=time.monotonic() - t0)
    if server is None:
        return None
    skew = (local or SystemClock()).now_utc() - (server + elapsed / 2)
    return skew if abs(skew) > SKEW_TOLERANCE else None
