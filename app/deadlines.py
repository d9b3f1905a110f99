"""Statutory deadlines: count + unit from the document type, shifted off non-working days.

The rule lives in the ``document_types`` row; this module only does the arithmetic and
explains it in words ("10 days from 2 April 2026 (GAC Art. 40) → 12 April is Easter
Sunday, 13 April Easter Monday → 14 April 2026").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from app.dates import long_date, short_day
from app.workdays import WorkCalendar


@dataclass(frozen=True)
class DeadlineRule:
    count: int
    unit: str  # calendar_days | working_days | months | none
    shift: str = "next"  # next | previous | none
    legal_ref: str = ""


@dataclass(frozen=True)
class DueDate:
    due: dt.date | None
    explanation_ka: str
    explanation_en: str


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day *months* later; clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_UNIT_WORDS = {
    "calendar_days": ("დღე", "days", "days"),
    "working_days": ("სამუშაო დღე", "working day", "working days"),
    "months": ("თვე", "month", "months"),
}


SHIFTS = ("next", "previous", "none")

# Georgian legal abbreviations in a type's ``legal_ref`` and their English (domain.md):
# "სზაკ, მუხ. 40" → "GAC, Art. 40"; "სზაკ-ის 40-ე მუხლი" → "GAC Art. 40".
_LEGAL_WORDS_EN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:მე-)?(\d+)(?:-ე)?\s+მუხლის?\b"), r"Art. \1"),
    (re.compile(r"\b(?:მე-)?(\d+)(?:-ე)?\s+ნაწილის?\b"), r"Part \1"),
    (re.compile(r"\bსზაკ(?:-ის|-ით|-ი)?\b"), "GAC"),
    (re.compile(r"\bმუხ\."), "Art."),
    (re.compile(r"\bნაწ\."), "Part"),
    (re.compile(r"\bპუნქ?\."), "para."),
)


def legal_ref_en(ref: str) -> str:
    """*ref* (as typed by the administrator, in Georgian) with the abbreviations of the
    General Administrative Code in English; words it does not know stay as they are."""
    for pattern, english in _LEGAL_WORDS_EN:
        ref = pattern.sub(english, ref)
    return ref


def compute_due(start: dt.date, rule: DeadlineRule, cal: WorkCalendar) -> DueDate:
    """The due date of a document registered on *start*, with the reasoning in words.

    Guarantees (for a non-negative count): the due date is never before *start*; with
    shift ``next`` or ``previous`` it is a working day (unless the calendar has no
    working day for a whole year, when the raw date is kept); with ``previous``, when
    counting back would land before *start*, the deadline moves forward instead.
    """
    if rule.unit == "none":
        return DueDate(None, "ვადა განისაზღვრება რეზოლუციით", "deadline set by resolution")
    if rule.count < 0:
        raise ValueError(f"negative deadline count {rule.count}")
    if rule.shift not in SHIFTS:
        raise ValueError(f"unknown non-working-day shift {rule.shift!r}")
    if rule.unit == "calendar_days":
        raw = start + dt.timedelta(days=rule.count)
    elif rule.unit == "working_days":
        raw = cal.add_working_days(start, rule.count)
    elif rule.unit == "months":
        raw = add_months(start, rule.count)
    else:
        raise ValueError(f"unknown deadline unit {rule.unit!r}")

    skipped: list[dt.date] = []
    due = raw
    turned = False
    if rule.shift != "none":
        step = 1 if rule.shift == "next" else -1
        found = cal.nearest_working(raw, step)
        if step < 0 and (found is None or found < start):
            # Counting back must never land before the registration itself: then the
            # deadline goes to the next working day instead.
            step = 1
            found = cal.nearest_working(raw, step)
            turned = found is not None
        if found is not None:
            due = found
            skipped = [raw + dt.timedelta(days=k * step) for k in range(abs((due - raw).days))]

    ka_unit, en_one, en_many = _UNIT_WORDS[rule.unit]
    ref_ka = f" ({rule.legal_ref})" if rule.legal_ref else ""
    ref_en = f" ({legal_ref_en(rule.legal_ref)})" if rule.legal_ref else ""
    head_ka = f"{rule.count} {ka_unit} {long_date(start)}-დან{ref_ka}"
    head_en = (
        f"{rule.count} {en_one if rule.count == 1 else en_many} from "
        f"{long_date(start, 'en')}{ref_en}"
    )
    parts_ka = [head_ka]
    parts_en = [head_en]
    if turned:
        parts_ka.append("წინა სამუშაო დღე რეგისტრაციამდეა, ამიტომ ვადა გადადის შემდეგზე")
        parts_en.append("the previous working day is before registration, so the next one is taken")
    if skipped:
        parts_ka.append(", ".join(f"{short_day(d)} — {cal.reason_off(d)}" for d in skipped))
        parts_en.append(
            ", ".join(
                f"{short_day(d, 'en')} is a day off ({cal.reason_off(d, 'en')})" for d in skipped
            )
        )
    parts_ka.append(long_date(due))
    parts_en.append(long_date(due, "en"))
    return DueDate(due, " → ".join(parts_ka), " → ".join(parts_en))


def due_after(start: dt.date, days: int, unit: str, shift: str, cal: WorkCalendar) -> DueDate:
    """*start* + *days* in *unit*, moved off a non-working day by *shift*, with reasons
    (a resumed clock: the days that were left when it stopped)."""
    if days >= 0:
        return compute_due(start, DeadlineRule(days, unit, shift), cal)
    # Stopped when already overdue: it stays overdue by the same amount, unshifted.
    if unit == "working_days":
        raw = cal.add_working_days(start, days)
    else:
        raw = start + dt.timedelta(days=days)
    return DueDate(raw, "", "")
