"""The office calendar: weekends plus the holidays table (seeded from `holidays`)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

import holidays as holidays_lib
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.tables import Holiday

YEARS_BACK = 5
YEARS_AHEAD = 2
# No real calendar has a year without a working day; one that does is broken data, and
# walking it must stop instead of looping for ever.
MAX_DAYS_WITHOUT_WORK = 366


WEEKEND_NAMES = (("შაბათი", "Saturday"), ("კვირა", "Sunday"))


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are off. Saturdays and Sundays always; holidays by name."""

    days_off: dict[dt.date, str] = field(default_factory=dict)

    def is_working(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.days_off

    def reason_off(self, day: dt.date, lang: str = "ka") -> str | None:
        """The holiday's name, Saturday/Sunday (in *lang*) for weekends, None for working days.

        Holiday names are the calendar's own (Georgian, as the administrator keeps them).
        """
        if day in self.days_off:
            return self.days_off[day]
        if day.weekday() >= 5:
            return WEEKEND_NAMES[day.weekday() - 5][0 if lang == "ka" else 1]
        return None

    def nearest_working(
        self, day: dt.date, step: int = 1, limit: int = MAX_DAYS_WITHOUT_WORK
    ) -> dt.date | None:
        """*day* if it is a working day, else the first one walking by *step* (±1) days.

        None when no working day lies within *limit* days (a broken calendar) or the walk
        would leave the range of dates.
        """
        if step not in (1, -1):
            raise ValueError("step must be 1 or -1")
        d = day
        for _ in range(limit + 1):
            if self.is_working(d):
                return d
            try:
                d += dt.timedelta(days=step)
            except OverflowError:
                return None
        return None

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The *n*-th working day after *start* (before it when *n* is negative).

        Raises ValueError if the calendar has no working day for a whole year.
        """
        d = start
        step = 1 if n >= 0 else -1
        left = abs(n)
        idle = 0
        while left:
            d += dt.timedelta(days=step)
            if self.is_working(d):
                left -= 1
                idle = 0
            else:
                idle += 1
                if idle > MAX_DAYS_WITHOUT_WORK:
                    raise ValueError(
                        f"the calendar has no working day for {idle} days after {start}"
                    )
        return d

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        n, d = 0, start
        while d < end:
            d += dt.timedelta(days=1)
            if self.is_working(d):
                n += 1
        return n


# The years the `holidays` package knows Georgia's holidays for (outside them it has none,
# so there is nothing to seed).
_GEORGIA = holidays_lib.country_holidays("GE")
PACKAGE_YEARS = range(_GEORGIA.start_year, _GEORGIA.end_year + 1)


def package_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    got = holidays_lib.country_holidays("GE", years=list(years), language="ka")
    return {day: str(name) for day, name in got.items()}


@functools.lru_cache(maxsize=256)
def _package_year(year: int) -> tuple[tuple[dt.date, str], ...]:
    """One year of the package's calendar (the package's data does not change while the
    program runs; counting it again for every registration would)."""
    if year not in PACKAGE_YEARS:
        return ()
    return tuple(sorted(package_holidays([year]).items()))


def missing_package_days(session: Session, years: Iterable[int]) -> dict[dt.date, str]:
    """The package's holidays of *years* the table has no row for (a row an administrator
    made a working day again counts: it is kept so that seeding does not bring it back)."""
    wanted = sorted({y for y in years if y in PACKAGE_YEARS})
    if not wanted:
        return {}
    package = {day: name for y in wanted for day, name in _package_year(y)}
    known = set(
        session.scalars(
            select(Holiday.day).where(
                Holiday.day >= dt.date(wanted[0], 1, 1), Holiday.day <= dt.date(wanted[-1], 12, 31)
            )
        )
    )
    return {day: name for day, name in package.items() if day not in known}


def seed_years(session: Session, years: Iterable[int]) -> int:
    """Insert the package's holidays of *years*; keep edits.

    Days already in the table (added by decree or removed by an administrator) are left
    as they are. Returns the number of rows inserted. The program's use cases go through
    :func:`app.calendar_sync.ensure_years`, which also takes the calendar's lock and moves
    the open due dates the new days change.
    """
    missing = missing_package_days(session, years)
    for day, name in sorted(missing.items()):
        session.add(Holiday(day=day, name=name[:200], day_off=True, source="package"))
    session.flush()
    return len(missing)


def seed_holidays(session: Session, today: dt.date) -> int:
    """Insert the package's holidays for five years back and two ahead (see seed_years)."""
    return seed_years(session, range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1))


def load_calendar(session: Session, between: tuple[dt.date, dt.date] | None = None) -> WorkCalendar:
    """The days off; with *between*, only those in that range (a calendar for counting a
    few working days from a date reads a handful of rows, not decades of holidays)."""
    stmt = select(Holiday.day, Holiday.name).where(Holiday.day_off)
    if between is not None:
        stmt = stmt.where(Holiday.day >= between[0], Holiday.day <= between[1])
    return WorkCalendar({d: n for d, n in session.execute(stmt)})
