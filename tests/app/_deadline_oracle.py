"""An independent, straightforward due-date computation for property tests.

Written from domain.md, not from app/: days off are Saturdays, Sundays and the `holidays`
package's Georgian holidays; count calendar days, working days or months (clamped to the
month's last day); a non-working last day moves to the next working day ("next") or the
previous one ("previous" — but never before the registration: then the next one).
"""

from __future__ import annotations

import calendar
import datetime as dt

import holidays

GEORGIA = holidays.country_holidays("GE", years=range(1990, 2102))
ONE_DAY = dt.timedelta(days=1)


def is_day_off(day: dt.date) -> bool:
    return day.weekday() >= 5 or day in GEORGIA


def expected_due(start: dt.date, count: int, unit: str, shift: str) -> dt.date:
    if unit == "calendar_days":
        raw = start + dt.timedelta(days=count)
    elif unit == "working_days":
        raw, left = start, count
        while left:
            raw += ONE_DAY
            if not is_day_off(raw):
                left -= 1
    elif unit == "months":
        month0 = start.month - 1 + count
        year, month = start.year + month0 // 12, month0 % 12 + 1
        raw = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    else:
        raise AssertionError(unit)
    if shift == "none":
        return raw
    day = raw
    while is_day_off(day):
        day += ONE_DAY if shift == "next" else -ONE_DAY
    if day < start:  # counting back never lands before the registration
        day = raw
        while is_day_off(day):
            day += ONE_DAY
    return day
