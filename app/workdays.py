"""The office calendar: weekends plus the holidays table (seeded from `holidays`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import holidays as holidays_lib
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.tables import Holiday

YEARS_BACK = 5
YEARS_AHEAD = 2


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are off. Saturdays and Sundays always; holidays by name."""

    days_off: dict[dt.date, str] = field(default_factory=dict)

    def is_working(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.days_off

    def reason_off(self, day: dt.date) -> str | None:
        """The holiday's name, 'შაბათი'/'კვირა' for weekends, None for working days."""
        if day in self.days_off:
            return self.days_off[day]
        if day.weekday() == 5:
            return "შაბათი"
        if day.weekday() == 6:
            return "კვირა"
        return None

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        d = start
        step = 1 if n >= 0 else -1
        left = abs(n)
        while left:
            d += dt.timedelta(days=step)
            if self.is_working(d):
                left -= 1
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


def package_holidays(years: range) -> dict[dt.date, str]:
    got = holidays_lib.country_holidays("GE", years=list(years), language="ka")
    return {day: str(name) for day, name in got.items()}


def seed_holidays(session: Session, today: dt.date) -> int:
    """Insert the package's holidays for five years back and two ahead; keep edits.

    Days already in the table (added by decree or removed by an administrator) are left
    as they are. Returns the number of rows inserted.
    """
    years = range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1)
    known = set(session.scalars(select(Holiday.day)))
    added = 0
    for day, name in sorted(package_holidays(years).items()):
        if day not in known:
            session.add(Holiday(day=day, name=name[:200], day_off=True, source="package"))
            added += 1
    session.flush()
    return added


def load_calendar(session: Session) -> WorkCalendar:
    rows = session.execute(select(Holiday.day, Holiday.name).where(Holiday.day_off.is_(True)))
    return WorkCalendar({d: n for d, n in rows})
