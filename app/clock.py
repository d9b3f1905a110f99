"""Time, injected. Registration dates are the clerk's day in Tbilisi; stamps are UTC."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

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
