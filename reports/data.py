"""Plain data the renderers take. app/ fills these; renderers never count or query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Letterhead:
    office_name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""


@dataclass(frozen=True)
class AcknowledgmentSlip:
    """ცნობა მიღების შესახებ — handed to a citizen who brings a document in person."""

    letterhead: Letterhead
    number: str
    reg_date: dt.date
    reg_date_text: str
    doc_type: str
    correspondent: str
    subject: str
    due_date_text: str
    due_explanation: str
    clerk: str


# --- Shared pieces of the tabular reports -----------------------------------------------


@dataclass(frozen=True)
class Signature:
    """The line a head signs: "სამსახურის უფროსი ______ / name /"."""

    title: str
    name: str = ""


@dataclass(frozen=True)
class ReportHeader:
    """What every report prints above its table (all text prepared by app/)."""

    letterhead: Letterhead
    title: str
    lines: tuple[str, ...]  # period, department, "as of" — one line each
    generated_on: dt.date
    generated_text: str  # "შედგენილია: 25 ნოემბერი 2026"


# --- Monthly execution discipline ------------------------------------------------------


@dataclass(frozen=True)
class DisciplineFigures:
    """One line of the execution-discipline report.

    ``received`` = ``on_time + late + overdue_open + open_not_due`` (cancelled
    registrations are not counted at all). ``avg_days`` is the mean number of calendar
    days from registration to answer over the answered documents (None when none).
    """

    received: int
    on_time: int
    late: int
    overdue_open: int
    open_not_due: int
    avg_days: float | None

    @property
    def answered(self) -> int:
        return self.on_time + self.late


@dataclass(frozen=True)
class ExecutorDiscipline:
    name: str
    figures: DisciplineFigures


@dataclass(frozen=True)
class DepartmentDiscipline:
    code: str
    name: str
    executors: tuple[ExecutorDiscipline, ...]
    totals: DisciplineFigures


@dataclass(frozen=True)
class ChartBar:
    label: str
    figures: DisciplineFigures


@dataclass(frozen=True)
class MonthlyReport:
    header: ReportHeader
    departments: tuple[DepartmentDiscipline, ...]
    totals: DisciplineFigures
    chart_title: str
    chart: tuple[ChartBar, ...]  # per department, or per executor for one department
    signature: Signature


# --- Registration journal ----------------------------------------------------------------


@dataclass(frozen=True)
class JournalRow:
    """One line of the paper registration book."""

    number: str
    reg_date: dt.date
    correspondent: str  # sender (incoming) or addressee (outgoing)
    sender_number: str
    sender_date: dt.date | None
    subject: str
    resolution: str
    executor: str
    due_date: dt.date | None
    answer_number: str  # the answer (incoming) or the letter answered (outgoing)
    answer_date: dt.date | None
    note: str


@dataclass(frozen=True)
class JournalReport:
    """``rows`` may be lazy (app/ fetches them in chunks); ``row_count`` is exact."""

    header: ReportHeader
    correspondent_label: str
    answer_label: str
    row_count: int
    rows: Iterable[JournalRow]


# --- Overdue / under control ------------------------------------------------------------


@dataclass(frozen=True)
class OverdueRow:
    number: str
    reg_date: dt.date
    correspondent: str
    subject: str
    doc_type: str
    department: str
    executor: str
    due_date: dt.date | None
    days_overdue: int  # 0 when not (yet) overdue
    under_control: bool
    status: str


@dataclass(frozen=True)
class OverdueReport:
    header: ReportHeader
    overdue_count: int
    under_control_count: int
    rows: tuple[OverdueRow, ...]
    signature: Signature


# --- Annual public-information report (GAC Art. 49) -------------------------------------


@dataclass(frozen=True)
class CountLine:
    label: str
    count: int


@dataclass(frozen=True)
class FoiAnnualReport:
    """Figures of the annual report; see app.reporting.foi_annual for their definitions."""

    header: ReportHeader
    year: int
    received: int
    granted_full: int
    granted_partly: int
    refused: int
    refusals_by_ground: tuple[CountLine, ...]
    refused_by_official: tuple[CountLine, ...]
    forwarded: int
    outcome_not_recorded: int
    pending: int
    answered_on_time: int
    answered_late: int
    overdue: int
    appealed: int
    appeals_upheld: int
    appeals_rejected: int
    appeals_pending: int
    fees_tetri: int
    recipients: tuple[str, ...]
    due_text: str
    notes: tuple[str, ...]
    signature: Signature


# --- Open data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenDataRow:
    """One public-information request, without personal data."""

    number: str
    reg_date: dt.date
    channel: str
    requester_kind: str
    subject: str
    department: str
    status: str
    due_date: dt.date | None
    answer_date: dt.date | None
    days_to_answer: int | None
    on_time: str  # "კი" / "არა" / "" while open
    outcome: str


@dataclass(frozen=True)
class OpenDataExport:
    title: str
    row_count: int
    rows: Iterable[OpenDataRow]


# --- Reply letter ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyLetter:
    """An answer on the municipality's letterhead (same template as the slip)."""

    letterhead: Letterhead
    number: str
    date_text: str
    addressee: str
    addressee_address: str
    in_reply_to: str  # "თქვენი 20 ნოემბერი 2026 წლის N შ-15/2026 განცხადების პასუხად"
    subject: str
    body: tuple[str, ...]  # paragraphs
    signer_title: str
    signer_name: str
    executor: str = ""  # small print at the foot: who prepared it, phone
