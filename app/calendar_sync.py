"""The office calendar kept whole, and the open due dates kept in step with it.

* **It cannot run out.** Every use case that counts a due date — registration (also the
  reply an answer registers, the .eml form, the CLI), resuming a stopped clock, the demo
  generator — does it through :func:`counted` inside its own transaction, and stopping
  the clock ensures the years it counts the days left over: the years the count touches
  — from the year it starts in to the year after the due date — get the `holidays`
  package's Georgian holidays first (:func:`ensure_years`), so a request registered on
  22 December is not due on 1 January because nobody seeded the next year. Start-up and
  ``db upgrade`` (app.setup.prepare) ensure five years back and two ahead. (The import
  takes due dates from the spreadsheet and counts none.)
* **A change moves the open due dates it reaches.** Whenever days off are added or removed
  — package days seeded here, a decree day added or removed in :mod:`app.rules` —
  :func:`recompute_due_dates` recounts the open documents the change can reach, in the
  same transaction, each with a History entry in words (:func:`describe`).

Seeding takes the calendar's lock (a counter row, as the audit chain does) so that two
clerks who both reach an unseeded year queue instead of inserting the same days twice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app import messages
from app.audit import Change, record, record_document_change
from app.deadlines import DeadlineRule, DueDate, compute_due, due_after
from app.numbering import next_seq
from app.workdays import WorkCalendar, load_calendar, missing_package_days
from app.workflow import OPEN_FOR_DEADLINE
from models.tables import ClockStop, Document, DocumentType, Holiday

CALENDAR_LOCK = "__calendar__"
# How far a day off can lie after a due date it still moves (a "previous" shift walks
# back over a run of days off; no run is this long).
SHIFT_WINDOW_DAYS = 60
IN_CHUNK = 1000
REASON_FIELD = "due_reason"  # the History row that says, in words, why a due date moved


@dataclass(frozen=True)
class DueDateChange:
    doc_id: int
    number: str
    old_due: dt.date | None
    new_due: dt.date | None
    old_statutory: dt.date | None
    new_statutory: dt.date | None


@dataclass(frozen=True)
class Cause:
    """What changed in the calendar (the History sentence names it)."""

    kind: str  # day_off_added | day_off_removed | days_seeded
    day: dt.date | None = None
    name: str = ""
    decree: str = ""
    years: str = ""  # days_seeded: "2029" or "2029–2030"


@dataclass(frozen=True)
class YearsEnsured:
    days_added: int
    years: tuple[int, ...]  # the years that got days
    recomputed: tuple[DueDateChange, ...]


NOTHING_ADDED = YearsEnsured(0, (), ())


def years_label(years: Iterable[int]) -> str:
    """``[2021, 2029, 2030]`` → ``"2021, 2029–2030"``."""
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def ensure_years(
    s: Session, first: int, last: int, *, now: dt.datetime, user_id: int | None = None
) -> YearsEnsured:
    """Give the table every package holiday of the years *first*…*last* it lacks, and
    move the open due dates the added days change (audited as the program's, *user_id*
    None, unless a user's own action asked for it).

    Cheap when nothing is missing (one small SELECT); otherwise takes the calendar's lock
    for the rest of the caller's transaction. Days an administrator made working days
    again keep their row and are not brought back.
    """
    years = range(first, last + 1)
    if not missing_package_days(s, years):
        return NOTHING_ADDED
    next_seq(s, CALENDAR_LOCK, 0)  # one seeder at a time; the next one sees its rows
    missing = missing_package_days(s, years)
    if not missing:
        return NOTHING_ADDED
    old_cal = load_calendar(s)
    for day, name in sorted(missing.items()):
        s.add(Holiday(day=day, name=name[:200], day_off=True, source="package"))
    s.flush()
    new_cal = WorkCalendar({**old_cal.days_off, **{d: n[:200] for d, n in missing.items()}})
    seeded = tuple(sorted({d.year for d in missing}))
    label = years_label(seeded)
    record(
        s,
        at=now,
        user_id=user_id,
        action="seed_calendar",
        entity="holiday",
        entity_id=None,
        changes=[Change("years", "", label), Change("days", "", str(len(missing)))],
    )
    moved = recompute_due_dates(
        s,
        user_id=user_id,
        now=now,
        old_cal=old_cal,
        new_cal=new_cal,
        first=min(missing),
        last=max(missing),
        cause=Cause("days_seeded", years=label),
    )
    return YearsEnsured(len(missing), seeded, tuple(moved))


def counted(
    s: Session,
    start: dt.date,
    count: Callable[[WorkCalendar], DueDate],
    *,
    now: dt.datetime,
    user_id: int | None = None,
) -> DueDate:
    """``count(calendar)`` over a calendar that has every year the count touches.

    A first count over the table as it is tells which years the due date reaches; those
    — from *start*'s (or the due date's, for an overdue resumed clock) to the one after
    the due date — are ensured, and the count is made again over a calendar read *after*
    that (another clerk may have just seeded them). When the due date then reaches
    further, the span grows and the count repeats.
    """

    def span(got: DueDate) -> tuple[int, int]:
        ends = [start] if got.due is None else [start, got.due]
        return max(min(ends).year, dt.MINYEAR), min(max(ends).year + 1, dt.MAXYEAR)

    def calendar(lo: int, hi: int) -> WorkCalendar:
        return load_calendar(s, between=(dt.date(lo, 1, 1), dt.date(hi, 12, 31)))

    lo, hi = span(count(calendar(start.year, min(start.year + 1, dt.MAXYEAR))))  # a guess
    while True:
        ensure_years(s, lo, hi, now=now, user_id=user_id)
        got = count(calendar(lo, hi))
        need_lo, need_hi = span(got)
        if lo <= need_lo and need_hi <= hi:
            return got
        lo, hi = min(lo, need_lo), max(hi, need_hi)


def due_counted(
    s: Session, start: dt.date, rule: DeadlineRule, *, now: dt.datetime, user_id: int | None
) -> DueDate:
    """The due date of a document registered on *start* (:func:`counted` over
    :func:`app.deadlines.compute_due`)."""
    return counted(s, start, lambda cal: compute_due(start, rule, cal), now=now, user_id=user_id)


# --- recomputation ----------------------------------------------------------------------


def _statutory(
    doc: Document, dtype: DocumentType, stop: ClockStop | None, cal: WorkCalendar
) -> dt.date | None:
    """The statutory due date under *cal*: from the last resumed clock stop, if any."""
    if (
        stop is not None
        and stop.resumed_on is not None
        and stop.statutory_remaining_days is not None
    ):
        return due_after(
            stop.resumed_on,
            stop.statutory_remaining_days,
            stop.count_unit,
            dtype.nonworking_shift,
            cal,
        ).due
    rule = DeadlineRule(
        dtype.deadline_count, dtype.deadline_unit, dtype.nonworking_shift, dtype.legal_ref
    )
    return compute_due(doc.reg_date, rule, cal).due


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), IN_CHUNK):
        yield ids[i : i + IN_CHUNK]


def moved_due(
    old_due: dt.date | None,
    old_stat: dt.date | None,
    new_stat: dt.date | None,
    old_cal: WorkCalendar,
    new_cal: WorkCalendar,
) -> dt.date | None:
    """The document's due date after its statutory one moved from *old_stat* to *new_stat*.

    What a careful clerk expects:

    * a due date that *is* the statutory one follows it;
    * a due date set **later** by hand (an extension, or a resolution's later date with
      its reason) is a promise to the citizen and stays — unless the law now gives more
      (the new statutory date is later: then that one), or the day itself has just become
      a day off (then the next working day: the office is closed that day; it never moves
      earlier);
    * a due date set **earlier** by a resolution (an internal deadline) stays, moved off a
      day that has just become a day off like the above, but never past the new statutory
      date;
    * a resolution's date where the type has no statutory deadline (a memo) is moved off a
      day that has just become a day off, like the above.

    Removing a day off never pulls a date set by hand earlier: only statutory dates come
    back.
    """
    if old_due is None:
        return None
    if old_stat is not None and old_due == old_stat:
        return new_stat
    due = old_due
    if old_cal.is_working(due) and not new_cal.is_working(due):
        due = new_cal.nearest_working(due, 1) or due
    if old_stat is None or new_stat is None:
        return due
    if old_due > old_stat:
        return max(due, new_stat)
    return min(due, new_stat)


def recompute_due_dates(
    s: Session,
    *,
    user_id: int | None,
    now: dt.datetime,
    old_cal: WorkCalendar,
    new_cal: WorkCalendar,
    first: dt.date,
    last: dt.date,
    cause: Cause,
) -> list[DueDateChange]:
    """Recount the open documents whose due date the days off changed in *first*…*last*
    (between *old_cal* and *new_cal*) can move, and audit each move in words.

    Touched: documents whose deadline is running (registered, assigned, in progress —
    ``awaiting_clarification`` has its clock stopped and is recounted with the calendar
    of the day it resumes): their statutory date is recounted when it is the one the
    type's rule gives under *old_cal*, and their due date moves as :func:`moved_due`
    says. Left alone: closed, answered, forwarded and cancelled documents, and a
    statutory date the rule does not give (imported from a paper registry, or counted
    under a deadline rule that has changed since) — the program cannot know what it was
    counted from.
    """
    candidates = s.execute(
        select(Document, DocumentType)
        .join(DocumentType, DocumentType.id == Document.doc_type_id)
        .where(
            Document.status.in_(OPEN_FOR_DEADLINE),
            or_(
                and_(
                    Document.statutory_due_date.is_not(None),
                    Document.reg_date <= last,
                    Document.statutory_due_date >= first - dt.timedelta(days=SHIFT_WINDOW_DAYS),
                ),
                # a date set by hand on a day that has just become a day off
                and_(Document.due_date >= first, Document.due_date <= last),
            ),
        )
        .order_by(Document.id)
    ).all()
    ids = [d.id for d, _t in candidates]
    stops: dict[int, ClockStop] = {}
    for chunk in _chunks(ids):
        for st in s.scalars(
            select(ClockStop)
            .where(ClockStop.document_id.in_(chunk), ClockStop.resumed_on.is_not(None))
            .order_by(ClockStop.id)
        ):
            stops[st.document_id] = st  # the last resumed stop wins
    out: list[DueDateChange] = []
    for doc, dtype in candidates:
        stop = stops.get(doc.id)
        old_stat, old_due = doc.statutory_due_date, doc.due_date
        after = old_stat
        if old_stat is not None and _statutory(doc, dtype, stop, old_cal) == old_stat:
            # counted by this program's rule (anything else is not ours to recount)
            after = _statutory(doc, dtype, stop, new_cal) or old_stat
        new_due = moved_due(old_due, old_stat, after, old_cal, new_cal)
        if new_due == old_due and after == old_stat:
            continue
        changes = []
        if new_due != old_due:
            changes.append(Change("due_date", _iso(old_due), _iso(new_due)))
        if after != old_stat:
            changes.append(Change("statutory_due_date", _iso(old_stat), _iso(after)))
        changes.append(Change(REASON_FIELD, "", _reason(cause, old_due, new_due, old_stat, after)))
        doc.due_date = new_due
        doc.statutory_due_date = after
        record_document_change(
            s, doc, at=now, user_id=user_id, action="recompute_due", changes=changes
        )
        out.append(DueDateChange(doc.id, doc.reg_number, old_due, new_due, old_stat, after))
    return out


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def _reason(
    cause: Cause,
    old_due: dt.date | None,
    new_due: dt.date | None,
    old_stat: dt.date | None,
    new_stat: dt.date | None,
) -> str:
    """The stored form of the History sentence: the catalogue's parameters, not its text,
    so it is shown in the language of whoever reads it."""
    data = {
        "cause": cause.kind,
        "day": _iso(cause.day),
        "name": cause.name,
        "decree": cause.decree,
        "years": cause.years,
        "old": _iso(old_due),
        "new": _iso(new_due),
        "stat_old": _iso(old_stat),
        "stat_new": _iso(new_stat),
    }
    return json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False, sort_keys=True)


def _shown(value: object) -> str:
    try:
        return dt.date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    except ValueError:
        return str(value or "")


def describe(stored: str, lang: str | None = None) -> str:
    """The History sentence for a stored reason, e.g. "ვადა გადაიწია 05.01.2029-დან
    08.01.2029-მდე: დაემატა უქმე დღე 05.01.2029 — … (მთავრობის განკარგულება №…)";
    text that is not a stored reason is returned as it is."""
    try:
        data = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(data, dict) or "cause" not in data:
        return stored
    decree = str(data.get("decree", ""))
    cause = messages.render(
        f"calendar.{data['cause']}",
        {
            "day": _shown(data.get("day", "")),
            "name": data.get("name", ""),
            "decree": f" ({decree})" if decree else "",
            "years": data.get("years", ""),
        },
        lang,
    )
    if data.get("old", "") != data.get("new", ""):
        return messages.render(
            "due.moved",
            {"old": _shown(data.get("old", "")), "new": _shown(data.get("new", "")),
             "cause": cause},
            lang,
        )  # fmt: skip
    return messages.render(
        "due.statutory_moved",
        {"old": _shown(data.get("stat_old", "")), "new": _shown(data.get("stat_new", "")),
         "due": _shown(data.get("old", "")), "cause": cause},
        lang,
    )  # fmt: skip
