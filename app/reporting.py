"""Every figure of every report, counted here and only here (renderers never count).

Reports: monthly execution discipline, registration journal, overdue / under control,
the annual public-information report (GAC Art. 49) and the open-data export.
:func:`monthly`, :func:`journal`, :func:`overdue`, :func:`foi_annual` and
:func:`open_data` validate, read (the long lists in keyset-ordered chunks, as the
renderer pulls them) and return the plain dataclasses of :mod:`reports.data`;
:func:`generate` turns a :class:`ReportRequest` into files, with progress and cancel —
that is what the Reports screen and ``kantselaria-cli report`` call.

How a document is counted (the same rules in every report), *as of* a day (default
today):

* cancelled registrations are not counted anywhere but the journal;
* **answered** — status answered / forwarded / closed with ``closed_date`` (the answer
  day) on or before the as-of day; **on time** when ``closed_date <= due_date`` (or it
  has no due date), otherwise **late**; days to answer = ``closed_date - reg_date``.
  A finished document without a ``closed_date`` counts as answered on time and is left
  out of the average;
* **overdue and still open** — not answered, its deadline running (not waiting for the
  citizen's clarification: the clock is stopped then) and ``due_date`` before the as-of
  day;
* **open, not yet due** — everything else that is not answered.

The answer outcomes (granted, partly, refused with its ground, appeals, fees) are not
in the schema yet (they come with routing): :func:`foi_annual` returns them as 0 and
counts the answered requests under ``outcome_not_recorded``; only "forwarded" comes
from the status.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, func, not_, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.access import sees_all_confidential
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.dates import long_date, month_name
from app.documents import letterhead
from app.errors import ValidationError
from app.refdata import CHANNEL_NAMES, KIND_NAMES, STATUS_NAMES, label
from models.db import Database
from models.tables import (
    DOC_KINDS,
    Assignment,
    Correspondent,
    Department,
    Document,
    DocumentLink,
    DocumentType,
    User,
)
from reports.data import (
    ChartBar,
    CountLine,
    DepartmentDiscipline,
    DisciplineFigures,
    ExecutorDiscipline,
    FoiAnnualReport,
    JournalReport,
    JournalRow,
    Letterhead,
    MonthlyReport,
    OpenDataExport,
    OpenDataRow,
    OverdueReport,
    OverdueRow,
    ReportHeader,
    Signature,
)
from reports.progress import CancelFn, Cancelled, ProgressFn

__all__ = [
    "REPORTS",
    "Cancelled",
    "Period",
    "ReportKind",
    "ReportRequest",
    "foi_annual",
    "generate",
    "journal",
    "monthly",
    "open_data",
    "output_name",
    "overdue",
    "parse_period",
]

DONE_STATUSES = ("answered", "forwarded", "closed")
CLOCK_STOPPED = "awaiting_clarification"
FOI_TYPE = "foi"
CHUNK = 1000
NO_DEPARTMENT = "სამსახური მითითებული არ არის"
NO_EXECUTOR = "შემსრულებელი დანიშნული არ არის"
CONFIDENTIAL_SUBJECT = "კონფიდენციალური დოკუმენტი"
FOI_RECIPIENTS = ("საქართველოს პრეზიდენტი", "საქართველოს პარლამენტი")
FOI_DUE_MONTH_DAY = (12, 10)  # GAC Art. 49: by 10 December


# --- Periods -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A calendar month ("2026-10") or year ("2026")."""

    code: str
    start: dt.date
    end: dt.date
    label: str  # "ოქტომბერი 2026" / "2026 წელი"

    @property
    def is_year(self) -> bool:
        return len(self.code) == 4


_PERIOD = re.compile(r"^\s*(\d{4})(?:\s*-\s*(\d{1,2}))?\s*$")


def parse_period(text: str | Period) -> Period:
    """ "2026-10" → October 2026, "2026" → the year; anything else is a ValidationError."""
    if isinstance(text, Period):
        return text
    m = _PERIOD.match(text or "")
    year = int(m.group(1)) if m else 0
    month = int(m.group(2)) if m and m.group(2) else None
    if m is None or not 2000 <= year <= 2100 or (month is not None and not 1 <= month <= 12):
        raise ValidationError("period.invalid", field="period", got=str(text)[:20])
    if month is None:
        return Period(f"{year}", dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year} წელი")
    start = dt.date(year, month, 1)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return Period(
        f"{year}-{month:02d}", start, nxt - dt.timedelta(days=1), f"{month_name(month)} {year}"
    )


# --- Dialect-neutral day difference --------------------------------------------------------


class days_between(FunctionElement[int]):
    """Whole days from the first date to the second, in SQL on every dialect."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_default(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    a, b = list(element.clauses)
    return f"({compiler.process(b, **kw)} - {compiler.process(a, **kw)})"  # PostgreSQL: int


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    a, b = list(element.clauses)
    return (
        f"CAST(julianday({compiler.process(b, **kw)}) - "
        f"julianday({compiler.process(a, **kw)}) AS INTEGER)"
    )


@compiles(days_between, "mssql")
def _days_mssql(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    a, b = list(element.clauses)
    return f"DATEDIFF(day, {compiler.process(a, **kw)}, {compiler.process(b, **kw)})"


# --- The counting rules, as SQL conditions ---------------------------------------------------


def _answered(as_of: dt.date) -> ColumnElement[bool]:
    return and_(
        Document.status.in_(DONE_STATUSES),
        or_(Document.closed_date.is_(None), Document.closed_date <= as_of),
    )


def _on_time(as_of: dt.date) -> ColumnElement[bool]:
    return and_(
        _answered(as_of),
        or_(
            Document.due_date.is_(None),
            Document.closed_date.is_(None),
            Document.closed_date <= Document.due_date,
        ),
    )


def _late(as_of: dt.date) -> ColumnElement[bool]:
    return and_(_answered(as_of), Document.closed_date > Document.due_date)


def _overdue_open(as_of: dt.date) -> ColumnElement[bool]:
    return and_(not_(_answered(as_of)), Document.status != CLOCK_STOPPED, Document.due_date < as_of)


def _timed(as_of: dt.date) -> ColumnElement[bool]:
    return and_(_answered(as_of), Document.closed_date.is_not(None))


def _count_if(cond: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _figure_columns(as_of: dt.date) -> list[Any]:
    days = days_between(Document.reg_date, Document.closed_date)
    return [
        func.count(Document.id),
        _count_if(_on_time(as_of)),
        _count_if(_late(as_of)),
        _count_if(_overdue_open(as_of)),
        func.coalesce(func.sum(case((_timed(as_of), days), else_=0)), 0),
        _count_if(_timed(as_of)),
    ]


def _average(total: int, count: int) -> float | None:
    """total / count to one decimal, halves rounded up (9.25 → 9.3, as on paper)."""
    if not count:
        return None
    q = (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(q)


@dataclass
class _Acc:
    received: int = 0
    on_time: int = 0
    late: int = 0
    overdue_open: int = 0
    days: int = 0
    timed: int = 0

    def add(self, other: _Acc) -> None:
        self.received += other.received
        self.on_time += other.on_time
        self.late += other.late
        self.overdue_open += other.overdue_open
        self.days += other.days
        self.timed += other.timed

    def figures(self) -> DisciplineFigures:
        return DisciplineFigures(
            received=self.received,
            on_time=self.on_time,
            late=self.late,
            overdue_open=self.overdue_open,
            open_not_due=self.received - self.on_time - self.late - self.overdue_open,
            avg_days=_average(self.days, self.timed),
        )


# --- Shared helpers --------------------------------------------------------------------------


def _today(clock: Clock | None) -> dt.date:
    return (clock or SystemClock()).today()


def _header(lh: Letterhead, title: str, lines: Sequence[str], today: dt.date) -> ReportHeader:
    return ReportHeader(
        letterhead=lh,
        title=title,
        lines=tuple(lines),
        generated_on=today,
        generated_text=f"შედგენილია: {long_date(today)}",
    )


@dataclass(frozen=True)
class _Dept:
    id: int
    code: str
    name: str


def _department(s: Session, code: str) -> _Dept | None:
    if not code:
        return None
    row = s.execute(
        select(Department.id, Department.code, Department.name).where(Department.code == code)
    ).first()
    if row is None:
        raise ValidationError("department.unknown", field="department", got=code[:20])
    return _Dept(*row)


def _kind(kind: str) -> str:
    if kind not in DOC_KINDS:
        raise ValidationError(
            "kind.unknown", field="kind", got=str(kind)[:20], allowed=", ".join(DOC_KINDS)
        )
    return kind


def _head_of(s: Session, dept: _Dept | None) -> str:
    """The name of the department's head when there is exactly one active head."""
    if dept is None:
        return ""
    names = list(
        s.scalars(
            select(User.full_name).where(
                User.department_id == dept.id, User.role == "head", User.active
            )
        )
    )
    return names[0] if len(names) == 1 else ""


def _sees_confidential(actor: Actor) -> bool:
    """Confidential rows are printed in full only for those who see every confidential
    document (not for every role that sees personal data: a registrar, a head)."""
    return sees_all_confidential(actor)


def _as_of_line(as_of: dt.date) -> str:
    return f"მონაცემები {long_date(as_of)}-ის მდგომარეობით"


# --- 1. Monthly execution discipline -----------------------------------------------------


def monthly(
    db: Database,
    actor: Actor,
    period: str | Period,
    *,
    department: str = "",
    kind: str = "incoming",
    as_of: dt.date | None = None,
    clock: Clock | None = None,
) -> MonthlyReport:
    """Execution discipline of the documents received in *period*, per department and
    executor, as of *as_of* (default today)."""
    require(actor, "view_registry")
    per = parse_period(period)
    kind = _kind(kind)
    today = _today(clock)
    as_of = as_of or today
    lh = letterhead(db)
    with db.read() as s:
        dept = _department(s, department)
        where = [
            Document.kind == kind,
            Document.reg_date >= per.start,
            Document.reg_date <= min(per.end, as_of),
            Document.status != "cancelled",
        ]
        if dept is not None:
            where.append(Document.department_id == dept.id)
        rows = s.execute(
            select(Document.department_id, Document.executor_id, *_figure_columns(as_of))
            .where(*where)
            .group_by(Document.department_id, Document.executor_id)
        ).all()
        depts = {
            d.id: d
            for d in (
                _Dept(*r)
                for r in s.execute(
                    select(Department.id, Department.code, Department.name).where(
                        or_(Department.active, Department.id.in_({r[0] for r in rows}))
                    )
                )
            )
        }
        users = dict(
            s.execute(
                select(User.id, User.full_name).where(User.id.in_({r[1] for r in rows if r[1]}))
            ).all()
        )
        signer = _head_of(s, dept)

    per_dept: dict[int | None, dict[int | None, _Acc]] = {}
    for dept_id, exec_id, *nums in rows:
        per_dept.setdefault(dept_id, {})[exec_id] = _Acc(*(int(n or 0) for n in nums))
    order: list[int | None] = [dept.id] if dept is not None else list(sorted(depts))
    if None in per_dept and dept is None:
        order.append(None)
    blocks: list[DepartmentDiscipline] = []
    grand = _Acc()
    for dept_id in order:
        execs = per_dept.get(dept_id, {})
        total = _Acc()
        lines = []
        for exec_id, acc in execs.items():
            total.add(acc)
            name = users.get(exec_id, NO_EXECUTOR) if exec_id is not None else NO_EXECUTOR
            lines.append(ExecutorDiscipline(name, acc.figures()))
        lines.sort(key=lambda e: (e.name == NO_EXECUTOR, e.name))
        grand.add(total)
        d = depts.get(dept_id) if dept_id is not None else None
        blocks.append(
            DepartmentDiscipline(
                code=d.code if d else "",
                name=d.name if d else NO_DEPARTMENT,
                executors=tuple(lines),
                totals=total.figures(),
            )
        )
    if dept is not None:
        chart_title = f"{dept.name}: შესრულება შემსრულებლების მიხედვით"
        chart = tuple(ChartBar(e.name, e.figures) for e in blocks[0].executors)
    else:
        chart_title = "შესრულება სამსახურების მიხედვით"
        chart = tuple(ChartBar(b.name.removesuffix(" სამსახური"), b.totals) for b in blocks)
    header = _header(
        lh,
        "შესრულების დისციპლინის ანგარიში",
        [
            f"პერიოდი: {per.label}",
            f"სამსახური: {dept.name if dept else 'ყველა სამსახური'}",
            f"დოკუმენტები: {label(KIND_NAMES, kind)}",
            _as_of_line(as_of),
        ],
        today,
    )
    return MonthlyReport(
        header=header,
        departments=tuple(blocks),
        totals=grand.figures(),
        chart_title=chart_title,
        chart=chart,
        signature=Signature("სამსახურის უფროსი" if dept else "ხელმძღვანელი", signer),
    )


# --- 2. Registration journal --------------------------------------------------------------


def _journal_where(kind: str, per: Period, dept: _Dept | None) -> list[Any]:
    where = [Document.kind == kind, Document.reg_date >= per.start, Document.reg_date <= per.end]
    if dept is not None:
        where.append(Document.department_id == dept.id)
    return where


def _note(status: str, confidential: bool) -> str:
    parts = []
    if status in ("cancelled", "forwarded", CLOCK_STOPPED):
        parts.append(label(STATUS_NAMES, status))
    if confidential:
        parts.append("კონფიდენციალური")
    return "; ".join(parts)


@dataclass(frozen=True)
class _JournalRows:
    """The journal's rows, fetched in keyset-ordered chunks each time it is iterated."""

    db: Database
    actor: Actor
    kind: str
    where: tuple[Any, ...] = field(default=())

    def __iter__(self) -> Iterator[JournalRow]:
        after: tuple[dt.date, int] | None = None
        ex = aliased(User)
        answer = aliased(Document)
        see_all = _sees_confidential(self.actor)
        while True:
            stmt = (
                select(
                    Document.id,
                    Document.reg_number,
                    Document.reg_date,
                    Correspondent.name,
                    Document.sender_number,
                    Document.sender_date,
                    Document.subject,
                    ex.full_name,
                    Department.name,
                    Document.due_date,
                    Document.status,
                    Document.confidential,
                    Document.created_by,
                    Document.executor_id,
                )
                .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
                .outerjoin(ex, ex.id == Document.executor_id)
                .outerjoin(Department, Department.id == Document.department_id)
                .where(*self.where)
                .order_by(Document.reg_date, Document.id)
                .limit(CHUNK)
            )
            if after is not None:
                stmt = stmt.where(
                    or_(
                        Document.reg_date > after[0],
                        and_(Document.reg_date == after[0], Document.id > after[1]),
                    )
                )
            with self.db.read() as s:
                rows = s.execute(stmt).all()
                ids = [r[0] for r in rows]
                answers: dict[int, list[tuple[str, dt.date]]] = {}
                resolutions: dict[int, str] = {}
                if ids:
                    # Incoming/internal: the answers to it; outgoing: the letter it answers.
                    mine, other = (
                        (DocumentLink.from_id, DocumentLink.to_id)
                        if self.kind == "outgoing"
                        else (DocumentLink.to_id, DocumentLink.from_id)
                    )
                    for doc_id, number, day in s.execute(
                        select(mine, answer.reg_number, answer.reg_date)
                        .join(answer, answer.id == other)
                        .where(DocumentLink.link_type == "reply_to", mine.in_(ids))
                        .order_by(answer.reg_date, answer.id)
                    ):
                        answers.setdefault(doc_id, []).append((number, day))
                    # the resolution: the instruction of the latest main assignment
                    for doc_id, instruction in s.execute(
                        select(Assignment.document_id, Assignment.instruction)
                        .where(Assignment.document_id.in_(ids), Assignment.role == "main")
                        .order_by(Assignment.id)
                    ):
                        resolutions[doc_id] = instruction or ""
            for r in rows:
                hidden = bool(r[11]) and not (see_all or self.actor.user_id in (r[12], r[13]))
                replies = answers.get(r[0], [])
                yield JournalRow(
                    number=r[1],
                    reg_date=r[2],
                    correspondent="***" if hidden else (r[3] or ""),
                    sender_number=r[4] or "",
                    sender_date=r[5],
                    subject=CONFIDENTIAL_SUBJECT if hidden else r[6],
                    resolution="" if hidden else resolutions.get(r[0], ""),
                    executor=r[7] or r[8] or "",
                    due_date=r[9],
                    answer_number="; ".join(n for n, _ in replies),
                    answer_date=replies[-1][1] if replies else None,
                    note=_note(r[10], bool(r[11])),
                )
            if len(rows) < CHUNK:
                return
            after = (rows[-1][2], rows[-1][0])


def journal(
    db: Database,
    actor: Actor,
    period: str | Period,
    *,
    kind: str = "incoming",
    department: str = "",
    clock: Clock | None = None,
) -> JournalReport:
    """The registration journal of *kind* for *period* (rows are fetched lazily)."""
    require(actor, "view_registry")
    per = parse_period(period)
    kind = _kind(kind)
    today = _today(clock)
    lh = letterhead(db)
    with db.read() as s:
        dept = _department(s, department)
        where = _journal_where(kind, per, dept)
        count = int(s.scalar(select(func.count(Document.id)).where(*where)) or 0)
    title = f"{label(KIND_NAMES, kind)} დოკუმენტების რეგისტრაციის ჟურნალი"
    lines = [f"პერიოდი: {per.label}"]
    if dept is not None:
        lines.append(f"სამსახური: {dept.name}")
    lines.append(f"ჩანაწერები: {count}")
    return JournalReport(
        header=_header(lh, title, lines, today),
        correspondent_label="ადრესატი" if kind == "outgoing" else "გამგზავნი",
        answer_label="პასუხია დოკუმენტზე" if kind == "outgoing" else "პასუხი",
        row_count=count,
        rows=_JournalRows(db, actor, kind, tuple(where)),
    )


# --- 3. Overdue / under control -------------------------------------------------------------


def overdue(
    db: Database,
    actor: Actor,
    *,
    department: str = "",
    kind: str = "incoming",
    as_of: dt.date | None = None,
    clock: Clock | None = None,
) -> OverdueReport:
    """Open documents that are overdue or under control, as of *as_of* (default today)."""
    require(actor, "view_registry")
    kind = _kind(kind)
    today = _today(clock)
    as_of = as_of or today
    lh = letterhead(db)
    late = _overdue_open(as_of)
    ex = aliased(User)
    see_all = _sees_confidential(actor)
    with db.read() as s:
        dept = _department(s, department)
        where = [
            Document.kind == kind,
            Document.status != "cancelled",
            Document.reg_date <= as_of,
            not_(_answered(as_of)),
            or_(late, Document.under_control),
        ]
        if dept is not None:
            where.append(Document.department_id == dept.id)
        rows = s.execute(
            select(
                Document.reg_number,
                Document.reg_date,
                Correspondent.name,
                Document.subject,
                DocumentType.name,
                Department.name,
                ex.full_name,
                Document.due_date,
                case((late, 1), else_=0),
                Document.under_control,
                Document.status,
                Document.confidential,
                Document.created_by,
                Document.executor_id,
            )
            .join(DocumentType, DocumentType.id == Document.doc_type_id)
            .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
            .outerjoin(Department, Department.id == Document.department_id)
            .outerjoin(ex, ex.id == Document.executor_id)
            .where(*where)
            .order_by(
                case((Document.due_date.is_(None), 1), else_=0),
                Document.due_date,
                Document.reg_date,
                Document.id,
            )
        ).all()
        signer = _head_of(s, dept)
    out = []
    for r in rows:
        hidden = bool(r[11]) and not (see_all or actor.user_id in (r[12], r[13]))
        is_late = bool(r[8])
        out.append(
            OverdueRow(
                number=r[0],
                reg_date=r[1],
                correspondent="***" if hidden else (r[2] or ""),
                subject=CONFIDENTIAL_SUBJECT if hidden else r[3],
                doc_type=r[4],
                department=r[5] or "",
                executor=r[6] or "",
                due_date=r[7],
                days_overdue=(as_of - r[7]).days if is_late and r[7] else 0,
                under_control=bool(r[9]),
                status=label(STATUS_NAMES, r[10]),
            )
        )
    lines = [
        f"სამსახური: {dept.name if dept else 'ყველა სამსახური'}",
        f"დოკუმენტები: {label(KIND_NAMES, kind)}",
        _as_of_line(as_of),
    ]
    return OverdueReport(
        header=_header(lh, "ვადაგადაცილებული და კონტროლზე მყოფი დოკუმენტები", lines, today),
        overdue_count=sum(1 for r in out if r.days_overdue > 0),
        under_control_count=sum(1 for r in out if r.under_control),
        rows=tuple(out),
        signature=Signature("სამსახურის უფროსი" if dept else "ხელმძღვანელი", signer),
    )


# --- 4. Annual public-information report (GAC Art. 49) -----------------------------------


def _foi_where(per: Period, as_of: dt.date) -> list[Any]:
    foi_type = select(DocumentType.id).where(DocumentType.code == FOI_TYPE).scalar_subquery()
    return [
        Document.kind == "incoming",
        Document.doc_type_id == foi_type,
        Document.reg_date >= per.start,
        Document.reg_date <= min(per.end, as_of),
        Document.status != "cancelled",
    ]


def foi_annual(
    db: Database,
    actor: Actor,
    year: int | str | Period,
    *,
    as_of: dt.date | None = None,
    clock: Clock | None = None,
) -> FoiAnnualReport:
    """The public-information report for a calendar year, as of *as_of* (default today).

    Figures: ``received`` (registered public-information requests, not cancelled);
    ``forwarded`` (status forwarded); ``granted_full`` / ``granted_partly`` / ``refused``
    (the answer's outcome, refusals also by their legal ground); ``outcome_not_recorded``
    (answered or closed without an outcome: closed before routing existed); ``pending``;
    ``answered_on_time`` / ``answered_late`` (forwarded included); ``overdue`` (answered
    late + still open past the due date). Appeals and fees are 0 until the schema records
    them.
    """
    require(actor, "view_registry")
    per = parse_period(str(year) if isinstance(year, int) else year)
    if not per.is_year:
        raise ValidationError("period.year_required", field="period", got=per.code)
    today = _today(clock)
    as_of = as_of or today
    lh = letterhead(db)
    answered = _answered(as_of)
    with db.read() as s:
        r = s.execute(
            select(
                func.count(Document.id),
                _count_if(and_(answered, Document.status == "forwarded")),
                _count_if(
                    and_(
                        answered,
                        Document.status.in_(("answered", "closed")),
                        Document.outcome.is_(None),
                    )
                ),
                _count_if(and_(answered, Document.outcome == "granted")),
                _count_if(and_(answered, Document.outcome == "partly_granted")),
                _count_if(and_(answered, Document.outcome == "refused")),
                _count_if(not_(answered)),
                _count_if(_on_time(as_of)),
                _count_if(_late(as_of)),
                _count_if(_overdue_open(as_of)),
            ).where(*_foi_where(per, as_of))
        ).one()
        grounds = s.execute(
            select(Document.outcome_ground, func.count(Document.id))
            .where(*_foi_where(per, as_of), answered, Document.outcome == "refused")
            .group_by(Document.outcome_ground)
            .order_by(func.count(Document.id).desc(), Document.outcome_ground)
        ).all()
    (received, forwarded, not_recorded, granted, partly, refused,
     pending, on_time, late, open_late) = (int(x) for x in r)  # fmt: skip
    end = min(per.end, as_of)
    due = dt.date(per.start.year, *FOI_DUE_MONTH_DAY)
    notes = []
    if not_recorded:
        notes.append(
            f"{not_recorded} მოთხოვნაზე პასუხის შედეგი (დაკმაყოფილდა, ნაწილობრივ, უარი) "
            "სისტემაში არ არის აღრიცხული."
        )
    header = _header(
        lh,
        f"ანგარიში საჯარო ინფორმაციის გაცემის შესახებ — {per.label}",
        [
            "საქართველოს ზოგადი ადმინისტრაციული კოდექსის 49-ე მუხლის შესაბამისად",
            f"საანგარიშო პერიოდი: {long_date(per.start)} – {long_date(end)}",
        ],
        today,
    )
    return FoiAnnualReport(
        header=header,
        year=per.start.year,
        received=received,
        granted_full=granted,
        granted_partly=partly,
        refused=refused,
        refusals_by_ground=tuple(
            CountLine(ground or "საფუძველი არ არის მითითებული", int(n)) for ground, n in grounds
        ),
        refused_by_official=(),
        forwarded=forwarded,
        outcome_not_recorded=not_recorded,
        pending=pending,
        answered_on_time=on_time,
        answered_late=late,
        overdue=late + open_late,
        appealed=0,
        appeals_upheld=0,
        appeals_rejected=0,
        appeals_pending=0,
        fees_tetri=0,
        recipients=FOI_RECIPIENTS,
        due_text=f"წარედგინება არაუგვიანეს {long_date(due)}",
        notes=tuple(notes),
        signature=Signature("საჯარო ინფორმაციის გაცემაზე პასუხისმგებელი პირი"),
    )


# --- 5. Open data ----------------------------------------------------------------------------

_PERSONAL_ID = re.compile(r"(?<!\d)\d{11}(?!\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?:\+?995[\s-]?)?(?<!\d)5\d{2}(?:[\s-]?\d){6}(?!\d)")
_VOWELS = "აეიოუ"
REDACTED = "[…]"


def redact(text: str, person_name: str = "") -> str:
    """Remove personal data from a subject: personal numbers, e-mails, mobile numbers and
    the requester's own name (any declined form: "ბერიძე" also removes "ბერიძის")."""
    text = _PERSONAL_ID.sub(REDACTED, text)
    text = _EMAIL.sub(REDACTED, text)
    text = _PHONE.sub(REDACTED, text)
    for word in person_name.split():
        stem = word.rstrip(_VOWELS) if len(word) > 4 else word
        if len(stem) >= 3:
            text = re.sub(rf"(?<!\w){re.escape(stem)}\w*", REDACTED, text, flags=re.IGNORECASE)
    return text


REQUESTER_KINDS = {"person": "ფიზიკური პირი", "organisation": "იურიდიული პირი"}


@dataclass(frozen=True)
class _OpenRows:
    db: Database
    where: tuple[Any, ...]
    as_of: dt.date

    def __iter__(self) -> Iterator[OpenDataRow]:
        after: tuple[dt.date, int] | None = None
        while True:
            stmt = (
                select(
                    Document.id,
                    Document.reg_number,
                    Document.reg_date,
                    Document.channel,
                    Correspondent.kind,
                    Correspondent.name,
                    Document.subject,
                    Department.name,
                    Document.status,
                    Document.due_date,
                    Document.closed_date,
                    Document.confidential,
                )
                .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
                .outerjoin(Department, Department.id == Document.department_id)
                .where(*self.where)
                .order_by(Document.reg_date, Document.id)
                .limit(CHUNK)
            )
            if after is not None:
                stmt = stmt.where(
                    or_(
                        Document.reg_date > after[0],
                        and_(Document.reg_date == after[0], Document.id > after[1]),
                    )
                )
            with self.db.read() as s:
                rows = s.execute(stmt).all()
            for r in rows:
                status, due, closed = r[8], r[9], r[10]
                done = status in DONE_STATUSES and (closed is None or closed <= self.as_of)
                if r[11]:
                    subject = CONFIDENTIAL_SUBJECT
                else:
                    subject = redact(r[6], (r[5] or "") if r[4] == "person" else "")
                yield OpenDataRow(
                    number=r[1],
                    reg_date=r[2],
                    channel=label(CHANNEL_NAMES, r[3]),
                    requester_kind=REQUESTER_KINDS.get(r[4] or "", ""),
                    subject=subject,
                    department=r[7] or "",
                    status=label(STATUS_NAMES, status),
                    due_date=due,
                    answer_date=closed if done else None,
                    days_to_answer=(closed - r[2]).days if done and closed else None,
                    on_time=(
                        ("კი" if due is None or closed is None or closed <= due else "არა")
                        if done
                        else ""
                    ),
                    outcome=label(STATUS_NAMES, "forwarded")
                    if done and status == "forwarded"
                    else "",
                )
            if len(rows) < CHUNK:
                return
            after = (rows[-1][2], rows[-1][0])


def open_data(
    db: Database,
    actor: Actor,
    period: str | Period,
    *,
    as_of: dt.date | None = None,
    clock: Clock | None = None,
) -> OpenDataExport:
    """The public-information register of *period* without personal data."""
    require(actor, "view_registry")
    per = parse_period(period)
    as_of = as_of or _today(clock)
    where = _foi_where(per, as_of)
    with db.read() as s:
        count = int(s.scalar(select(func.count(Document.id)).where(*where)) or 0)
    return OpenDataExport(
        title=f"საჯარო ინფორმაციის მოთხოვნების რეესტრი — {per.label}",
        row_count=count,
        rows=_OpenRows(db, tuple(where), as_of),
    )


# --- Generating files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportKind:
    code: str
    name: str
    name_en: str
    formats: tuple[str, ...]
    needs_period: bool = True
    year_only: bool = False


REPORTS: dict[str, ReportKind] = {
    k.code: k
    for k in (
        ReportKind("monthly", "შესრულების დისციპლინა", "Execution discipline", ("pdf", "xlsx")),
        ReportKind("journal", "რეგისტრაციის ჟურნალი", "Registration journal", ("pdf", "xlsx")),
        ReportKind(
            "overdue",
            "ვადაგადაცილებული / კონტროლზე",
            "Overdue / under control",
            ("pdf", "xlsx"),
            needs_period=False,
        ),
        ReportKind(
            "foi-annual",
            "საჯარო ინფორმაციის წლიური ანგარიში",
            "Annual public-information report",
            ("pdf", "xlsx"),
            year_only=True,
        ),
        ReportKind("open-data", "ღია მონაცემები", "Open data", ("csv", "xlsx")),
    )
}


@dataclass(frozen=True)
class ReportRequest:
    """What the Reports screen (or the CLI) asks for."""

    report: str  # a key of REPORTS
    period: str | Period | None = None  # "2026-10" / "2026"; overdue: optional (as of its end)
    formats: tuple[str, ...] = ()  # () = every format of the report
    department: str = ""  # department code, "" = all
    kind: str = "incoming"
    as_of: dt.date | None = None


def _validate(req: ReportRequest) -> tuple[ReportKind, Period | None, tuple[str, ...]]:
    spec = REPORTS.get(req.report)
    if spec is None:
        raise ValidationError(
            "report.unknown", field="report", got=str(req.report)[:30], allowed=", ".join(REPORTS)
        )
    formats = tuple(dict.fromkeys(f.strip().lower() for f in req.formats if f.strip()))
    formats = formats or spec.formats
    bad = [f for f in formats if f not in spec.formats]
    if bad:
        raise ValidationError(
            "report.format_unknown",
            field="format",
            got=bad[0][:10],
            allowed=", ".join(spec.formats),
        )
    per: Period | None = None
    if req.period:
        per = parse_period(req.period)
    elif spec.needs_period:
        raise ValidationError("period.required", field="period")
    if spec.year_only and per is not None and not per.is_year:
        raise ValidationError("period.year_required", field="period", got=per.code)
    _kind(req.kind)
    return spec, per, formats


def output_name(req: ReportRequest, fmt: str, today: dt.date) -> str:
    """monthly-2026-10-FIN.pdf, journal-2026-outgoing.xlsx, overdue-2026-11-25.pdf …"""
    spec, per, _ = _validate(req)
    parts = [spec.code]
    if spec.code == "overdue" and per is None:
        parts.append((req.as_of or today).isoformat())
    elif per is not None:
        parts.append(per.code)
    if req.kind != "incoming" and spec.code in ("monthly", "journal", "overdue"):
        parts.append(req.kind)
    if req.department and spec.code in ("monthly", "journal", "overdue"):
        parts.append(re.sub(r"[^\w-]", "_", req.department))
    return "-".join(parts) + "." + fmt


def build(
    db: Database, actor: Actor, req: ReportRequest, *, clock: Clock | None = None
) -> MonthlyReport | JournalReport | OverdueReport | FoiAnnualReport | OpenDataExport:
    """The plain data of a request (what the renderers take)."""
    spec, per, _ = _validate(req)
    if spec.code == "monthly":
        assert per is not None
        return monthly(
            db, actor, per, department=req.department, kind=req.kind, as_of=req.as_of, clock=clock
        )
    if spec.code == "journal":
        assert per is not None
        return journal(db, actor, per, kind=req.kind, department=req.department, clock=clock)
    if spec.code == "overdue":
        as_of = req.as_of
        if as_of is None and per is not None:
            as_of = min(per.end, _today(clock))
        return overdue(
            db, actor, department=req.department, kind=req.kind, as_of=as_of, clock=clock
        )
    assert per is not None
    if spec.code == "foi-annual":
        return foi_annual(db, actor, per, as_of=req.as_of, clock=clock)
    return open_data(db, actor, per, as_of=req.as_of, clock=clock)


def _renderer(data: object, fmt: str) -> Any:
    from reports.pdf.foi import render_foi_pdf
    from reports.pdf.journal import render_journal_pdf
    from reports.pdf.monthly import render_monthly_pdf
    from reports.pdf.overdue import render_overdue_pdf
    from reports.xlsx.foi import render_foi_xlsx
    from reports.xlsx.journal import render_journal_xlsx
    from reports.xlsx.monthly import render_monthly_xlsx
    from reports.xlsx.opendata import render_open_data_csv, render_open_data_xlsx
    from reports.xlsx.overdue import render_overdue_xlsx

    table: dict[tuple[type, str], Any] = {
        (MonthlyReport, "pdf"): render_monthly_pdf,
        (MonthlyReport, "xlsx"): render_monthly_xlsx,
        (JournalReport, "pdf"): render_journal_pdf,
        (JournalReport, "xlsx"): render_journal_xlsx,
        (OverdueReport, "pdf"): render_overdue_pdf,
        (OverdueReport, "xlsx"): render_overdue_xlsx,
        (FoiAnnualReport, "pdf"): render_foi_pdf,
        (FoiAnnualReport, "xlsx"): render_foi_xlsx,
        (OpenDataExport, "csv"): render_open_data_csv,
        (OpenDataExport, "xlsx"): render_open_data_xlsx,
    }
    return table[(type(data), fmt)]


def generate(
    db: Database,
    actor: Actor,
    req: ReportRequest,
    out_dir: Path,
    *,
    clock: Clock | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> list[Path]:
    """Write the report in each requested format into *out_dir*; return the paths.

    Safe to run off the GUI thread. ``progress(done, 100)`` reports percent;
    ``cancel()`` returning True stops it with :class:`Cancelled`. Files appear only when
    every format is complete: a cancelled or failed request leaves no file behind.
    """
    _, _, formats = _validate(req)
    today = _today(clock)
    if cancel is not None and cancel():
        raise Cancelled
    data = build(db, actor, req, clock=clock)
    if progress is not None:
        progress(5, 100)
    out_dir = Path(out_dir)
    try:
        if out_dir.exists() and not out_dir.is_dir():
            raise ValidationError("report.out_not_folder", field="out", path=str(out_dir)[:200])
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(
            "report.out_not_folder", field="out", path=str(out_dir)[:200]
        ) from exc
    tag = uuid.uuid4().hex[:8]
    done: list[tuple[Path, Path]] = []
    try:
        for i, fmt in enumerate(formats):
            final = out_dir / output_name(req, fmt, today)
            partial = out_dir / f".partial-{tag}-{final.name}"

            def step(d: int, total: int, i: int = i) -> None:
                if progress is not None:
                    share = 95 / len(formats)
                    progress(int(5 + share * i + share * d / max(total, 1)), 100)

            _renderer(data, fmt)(data, partial, progress=step, cancel=cancel)
            done.append((partial, final))
        for partial, final in done:
            os.replace(partial, final)
    except BaseException:
        for partial, _ in done:
            partial.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(100, 100)
    return [final for _, final in done]
