"""Every figure of every report, on a small registry with known outcomes.

The registry (registered through app.registration.register with the FixedClock; statuses,
executors, due and answer dates then set directly, as routing has no use case yet):

    key  reg date    dept  executor  due         status                  answered
    d1   01.10.2026  FIN   nino      11.10.2026  answered                05.10 (on time, 4 d)
    d2   02.10.2026  FIN   nino      12.10.2026  answered                20.10 (late, 18 d)
    d3   05.10.2026  FIN   nino      05.11.2026  in_progress             — overdue
    d14  05.10.2026  SOC   —         —           cancelled               (journal only)
    d4   30.10.2026  FIN   nino      30.11.2026  assigned                — not yet due
    d5   10.10.2026  FIN   giorgi    20.10.2026  closed                  20.10 (on time, 10 d)
    d6   15.10.2026  FIN   giorgi    10.11.2026  awaiting_clarification  — clock stopped: not due
    d7   20.10.2026  FIN   —         20.11.2026  registered, confidential — overdue
    d8   03.10.2026  SOC   levan     13.10.2026  forwarded               08.10 (on time, 5 d)
    d9   31.10.2026  SOC   levan     30.11.2026  in_progress, control    — not yet due
    d10  07.10.2026  SOC   levan     07.11.2026  cancelled               (journal only)
    d11  12.10.2026  —     —         22.10.2026  answered, no date       on time, not in average
    d12  30.09.2026  FIN   nino      (September)
    d13  02.11.2026  FIN   nino      10.11.2026  in_progress             (November) overdue
    o1   06.10.2026  outgoing, reply_to d1
    f1…f7 public-information requests (see test_foi_annual_counts_every_figure)
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.dialects import mssql, postgresql

from app import reporting
from app.auth import Actor, actor_from_user, default_actor
from app.cli import EXIT_OK, EXIT_USER, run
from app.clock import FixedClock
from app.errors import ValidationError
from app.registration import RegisteredDocument, RegistrationInput, register
from app.reporting import ReportRequest, generate, parse_period
from models.db import Database
from models.tables import Department, Document, DocumentLink, User
from reports.data import DisciplineFigures as F
from reports.progress import Cancelled
from tests.app._cli_login import login, with_admin

D = dt.date
TODAY = D(2026, 11, 25)


@dataclass(frozen=True)
class Registry:
    db: Database
    admin: Actor
    viewer: Actor
    docs: dict[str, RegisteredDocument]


# key: reg date, type, department, executor, due, status, answer day, extras
PLAN: list[tuple[str, D, str, str, str, D | None, str, D | None, dict[str, Any]]] = [
    ("d1", D(2026, 10, 1), "letter", "FIN", "nino", D(2026, 10, 11), "answered", D(2026, 10, 5),
     {"sender_number": "123", "sender_date": D(2026, 9, 29), "subject": "ქუჩის განათება"}),
    ("d2", D(2026, 10, 2), "letter", "FIN", "nino", D(2026, 10, 12), "answered", D(2026, 10, 20), {}),
    ("d3", D(2026, 10, 5), "letter", "FIN", "nino", D(2026, 11, 5), "in_progress", None, {}),
    ("d14", D(2026, 10, 5), "letter", "SOC", "", None, "cancelled", None, {}),
    ("d4", D(2026, 10, 30), "letter", "FIN", "nino", D(2026, 11, 30), "assigned", None, {}),
    ("d5", D(2026, 10, 10), "letter", "FIN", "giorgi", D(2026, 10, 20), "closed", D(2026, 10, 20), {}),
    ("d6", D(2026, 10, 15), "letter", "FIN", "giorgi", D(2026, 11, 10), "awaiting_clarification",
     None, {}),
    ("d7", D(2026, 10, 20), "letter", "FIN", "", D(2026, 11, 20), "registered", None,
     {"confidential": True, "from_name": "საიდუმლო პირი", "subject": "კონფიდენციალური საქმე"}),
    ("d8", D(2026, 10, 3), "letter", "SOC", "levan", D(2026, 10, 13), "forwarded", D(2026, 10, 8), {}),
    ("d9", D(2026, 10, 31), "letter", "SOC", "levan", D(2026, 11, 30), "in_progress", None,
     {"control": True}),
    ("d10", D(2026, 10, 7), "letter", "SOC", "levan", D(2026, 11, 7), "cancelled", None, {}),
    ("d11", D(2026, 10, 12), "letter", "", "", D(2026, 10, 22), "answered", None, {}),
    ("d12", D(2026, 9, 30), "letter", "FIN", "nino", D(2026, 10, 10), "answered", D(2026, 10, 2), {}),
    ("d13", D(2026, 11, 2), "letter", "FIN", "nino", D(2026, 11, 10), "in_progress", None, {}),
    ("o1", D(2026, 10, 6), "letter", "FIN", "", None, "registered", None,
     {"kind": "outgoing", "subject": "პასუხი განათებაზე"}),
    ("f1", D(2026, 3, 2), "foi", "ADM", "", D(2026, 3, 12), "answered", D(2026, 3, 10),
     {"from_name": "ნინო ბერიძე", "personal_id": "01001012345",
      "subject": "ბიუჯეტის შესრულება, ტელ. 599 12 34 56, პ/ნ 01001012345, nino@mail.ge"}),
    ("f2", D(2026, 4, 1), "foi", "ADM", "", D(2026, 4, 13), "closed", D(2026, 4, 20),
     {"from_name": "ნინო ბერიძე", "personal_id": "01001012345",
      "subject": "ნინო ბერიძის მოთხოვნა ტენდერზე"}),
    ("f3", D(2026, 5, 5), "foi", "ADM", "", D(2026, 5, 15), "forwarded", D(2026, 5, 7),
     {"from_name": "შპს ალფა", "org_code": "204567891",
      "subject": '=HYPERLINK("x") სამშენებლო ნებართვები'}),
    ("f4", D(2026, 11, 10), "foi", "ADM", "", D(2026, 11, 20), "in_progress", None, {}),
    ("f5", D(2026, 11, 20), "foi", "ADM", "", D(2026, 11, 30), "registered", None, {}),
    ("f6", D(2026, 6, 1), "foi", "ADM", "", D(2026, 6, 11), "cancelled", None, {}),
    ("f7", D(2025, 12, 20), "foi", "ADM", "", D(2025, 12, 30), "answered", D(2025, 12, 25), {}),
]  # fmt: skip
PEOPLE = [
    ("nino", "ნინო ბერიძე", "executor", "FIN"),
    ("giorgi", "გიორგი კაპანაძე", "executor", "FIN"),
    ("levan", "ლევან წიკლაური", "executor", "SOC"),
    ("tamar", "თამარ ჯაფარიძე", "head", "FIN"),
    ("viewer", "ვიქტორ ნაყოფია", "viewer", ""),
]


def build_registry(db: Database, clock: FixedClock) -> Registry:
    with db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    users: dict[str, int] = {}
    with db.write() as s:
        dept = {code: id_ for id_, code in s.execute(select(Department.id, Department.code))}
        for login, name, role, code in PEOPLE:
            u = User(login=login, full_name=name, role=role, department_id=dept.get(code),
                     created_at=clock.now_utc())  # fmt: skip
            s.add(u)
            s.flush()
            users[login] = u.id
        viewer = actor_from_user(u)
    docs: dict[str, RegisteredDocument] = {}
    for key, day, dtype, dept_code, _, _, _, _, extra in PLAN:
        docs[key] = register(
            db, admin,
            RegistrationInput(
                kind=extra.get("kind", "incoming"), doc_type=dtype,
                subject=extra.get("subject", f"საქმე {key}"),
                from_name=extra.get("from_name", "ოთარ მესხი"),
                personal_id=extra.get("personal_id", ""), org_code=extra.get("org_code", ""),
                reg_date=day, department=dept_code, channel="post",
                sender_number=extra.get("sender_number", ""),
                sender_date=extra.get("sender_date"),
            ),
            clock,
        )  # fmt: skip
    with db.write() as s:
        for key, _, _, _, executor, due, status, answered, extra in PLAN:
            d = s.get(Document, docs[key].id)
            assert d is not None
            d.status, d.due_date, d.closed_date = status, due, answered
            d.executor_id = users[executor] if executor else None
            d.under_control = bool(extra.get("control"))
            d.confidential = bool(extra.get("confidential"))
        s.add(DocumentLink(from_id=docs["o1"].id, to_id=docs["d1"].id, link_type="reply_to",
                           created_at=clock.now_utc()))  # fmt: skip
    return Registry(db, admin, viewer, docs)


@pytest.fixture
def registry(db: Database, clock: FixedClock) -> Registry:
    return build_registry(db, clock)


@pytest.fixture
def sqlite_registry(sqlite_db: Database, clock: FixedClock) -> Registry:
    return build_registry(sqlite_db, clock)


def number(r: Registry, key: str) -> str:
    return r.docs[key].number


# --- Periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "start", "end", "label"),
    [
        ("2026-10", "2026-10", D(2026, 10, 1), D(2026, 10, 31), "ოქტომბერი 2026"),
        (" 2026-2 ", "2026-02", D(2026, 2, 1), D(2026, 2, 28), "თებერვალი 2026"),
        ("2028-02", "2028-02", D(2028, 2, 1), D(2028, 2, 29), "თებერვალი 2028"),
        ("2026-12", "2026-12", D(2026, 12, 1), D(2026, 12, 31), "დეკემბერი 2026"),
        ("2026", "2026", D(2026, 1, 1), D(2026, 12, 31), "2026 წელი"),
    ],
)
def test_period_is_a_month_or_a_year_with_a_georgian_title(
    text: str, code: str, start: D, end: D, label: str
) -> None:
    p = parse_period(text)
    assert (p.code, p.start, p.end, p.label) == (code, start, end, label)
    assert p.is_year == (len(code) == 4)


@pytest.mark.parametrize(
    "text", ["", "2026-13", "2026-0", "26-10", "1999", "oct 2026", "2026-10-01"]
)
def test_a_bad_period_is_a_georgian_validation_error(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_period(text)
    assert err.value.field == "period"
    assert "პერიოდი" in err.value.message("ka")


# --- 1. Monthly execution discipline ---------------------------------------------------------

ZERO = F(0, 0, 0, 0, 0, None)


def test_monthly_counts_every_figure(registry: Registry, clock: FixedClock) -> None:
    m = reporting.monthly(registry.db, registry.admin, "2026-10", clock=clock)
    got = {b.code: (b.totals, [(e.name, e.figures) for e in b.executors]) for b in m.departments}
    assert got == {
        "ADM": (ZERO, []),
        "FIN": (F(7, 2, 1, 2, 2, 10.7), [
            ("გიორგი კაპანაძე", F(2, 1, 0, 0, 1, 10.0)),
            ("ნინო ბერიძე", F(4, 1, 1, 1, 1, 11.0)),
            ("შემსრულებელი დანიშნული არ არის", F(1, 0, 0, 1, 0, None)),
        ]),
        "INF": (ZERO, []),
        "SOC": (F(2, 1, 0, 0, 1, 5.0), [("ლევან წიკლაური", F(2, 1, 0, 0, 1, 5.0))]),
        "LEG": (ZERO, []),
        "ARC": (ZERO, []),
        "EDU": (ZERO, []),
        "": (F(1, 1, 0, 0, 0, None), [("შემსრულებელი დანიშნული არ არის", F(1, 1, 0, 0, 0, None))]),
    }  # fmt: skip
    assert [b.code for b in m.departments] == ["ADM", "FIN", "INF", "SOC", "LEG", "ARC", "EDU", ""]
    assert m.departments[-1].name == "სამსახური მითითებული არ არის"
    # (4 + 18 + 10 + 5) / 4 = 9.25 → 9.3: halves round up, as on paper.
    assert m.totals == F(10, 4, 1, 2, 3, 9.3)
    assert m.totals.answered == 5
    assert m.chart_title == "შესრულება სამსახურების მიხედვით"
    assert [(c.label, c.figures.received) for c in m.chart][:4] == [
        ("ადმინისტრაციული", 0), ("საფინანსო-საბიუჯეტო", 7), ("ინფრასტრუქტურის", 0),
        ("სოციალური", 2),
    ]  # fmt: skip
    assert m.header.title == "შესრულების დისციპლინის ანგარიში"
    assert m.header.lines == (
        "პერიოდი: ოქტომბერი 2026",
        "სამსახური: ყველა სამსახური",
        "დოკუმენტები: შემოსული",
        "მონაცემები 25 ნოემბერი 2026-ის მდგომარეობით",
    )
    assert m.header.generated_text == "შედგენილია: 25 ნოემბერი 2026"
    assert m.header.letterhead.office_name == "ლანჩხუთის მუნიციპალიტეტის მერია"
    assert m.signature.title == "ხელმძღვანელი"


def test_monthly_for_one_department_as_of_a_past_day(registry: Registry, clock: FixedClock) -> None:
    """As of 15 October: d2 and d5 were answered later, so they were open then; d4 (30.10)
    did not exist yet; d2 was already past its due date (12.10)."""
    m = reporting.monthly(
        registry.db, registry.admin, "2026-10", department="FIN", as_of=D(2026, 10, 15),
        clock=clock,
    )  # fmt: skip
    assert [b.code for b in m.departments] == ["FIN"]
    assert [(e.name, e.figures) for e in m.departments[0].executors] == [
        ("გიორგი კაპანაძე", F(2, 0, 0, 0, 2, None)),
        ("ნინო ბერიძე", F(3, 1, 0, 1, 1, 4.0)),
    ]
    assert m.totals == F(5, 1, 0, 1, 3, 4.0)
    assert m.chart_title.startswith("საფინანსო-საბიუჯეტო სამსახური")
    assert [c.label for c in m.chart] == ["გიორგი კაპანაძე", "ნინო ბერიძე"]
    assert m.signature.title == "სამსახურის უფროსი"
    assert m.signature.name == "თამარ ჯაფარიძე"  # the department's one head
    assert "სამსახური: საფინანსო-საბიუჯეტო სამსახური" in m.header.lines


def test_monthly_for_a_year_and_for_outgoing(registry: Registry, clock: FixedClock) -> None:
    year = reporting.monthly(registry.db, registry.admin, "2026", clock=clock)
    # October's ten; d12 on time (2 d); d13 overdue; f1 on time (8 d), f2 late (19 d),
    # f3 on time (2 d), f4 overdue, f5 open. Days: 4+18+10+5+2+8+19+2 = 68 over 8.
    assert year.totals == F(17, 7, 2, 4, 4, 8.5)
    assert year.header.lines[0] == "პერიოდი: 2026 წელი"
    out = reporting.monthly(registry.db, registry.admin, "2026-10", kind="outgoing", clock=clock)
    assert out.totals == F(1, 0, 0, 0, 1, None)
    fin = next(b for b in out.departments if b.code == "FIN")
    assert [(e.name, e.figures) for e in fin.executors] == [
        ("შემსრულებელი დანიშნული არ არის", F(1, 0, 0, 0, 1, None))
    ]


# --- 2. Registration journal ----------------------------------------------------------------


def test_journal_has_the_paper_book_columns_in_book_order(
    registry: Registry, clock: FixedClock
) -> None:
    j = reporting.journal(registry.db, registry.admin, "2026-10", clock=clock)
    rows = list(j.rows)
    order = ["d1", "d2", "d8", "d3", "d14", "d10", "d5", "d11", "d6", "d7", "d4", "d9"]
    assert [r.number for r in rows] == [number(registry, k) for k in order]
    assert j.row_count == 12
    assert j.header.title == "შემოსული დოკუმენტების რეგისტრაციის ჟურნალი"
    assert j.header.lines == ("პერიოდი: ოქტომბერი 2026", "ჩანაწერები: 12")
    assert (j.correspondent_label, j.answer_label) == ("გამგზავნი", "პასუხი")
    first = rows[0]
    assert first.reg_date == D(2026, 10, 1)
    assert first.correspondent == "ოთარ მესხი"
    assert (first.sender_number, first.sender_date) == ("123", D(2026, 9, 29))
    assert first.subject == "ქუჩის განათება"
    assert first.resolution == ""  # not routed through a resolution
    assert first.executor == "ნინო ბერიძე"
    assert first.due_date == D(2026, 10, 11)
    assert (first.answer_number, first.answer_date) == (number(registry, "o1"), D(2026, 10, 6))
    notes = {r.number: r.note for r in rows if r.note}
    assert notes == {
        number(registry, "d8"): "გადაგზავნილი",
        number(registry, "d14"): "გაუქმებული",
        number(registry, "d10"): "გაუქმებული",
        number(registry, "d6"): "ელოდება დაზუსტებას",
        number(registry, "d7"): "კონფიდენციალური",
    }
    d7 = rows[9]
    assert (d7.correspondent, d7.subject, d7.executor) == (
        "საიდუმლო პირი",
        "კონფიდენციალური საქმე",
        "საფინანსო-საბიუჯეტო სამსახური",
    )
    # Iterating again reads again: the same rows (two formats read the same data).
    assert [r.number for r in j.rows] == [r.number for r in rows]


def test_the_journal_prints_the_resolution(
    sqlite_db: Database, clock: FixedClock, cheap_hashing: None
) -> None:
    """The resolution column was always empty although resolutions are stored."""
    from app.routing import ResolutionInput, assign
    from tests.app._routing_helpers import make_office, new_request

    o = make_office(sqlite_db, clock)
    doc = new_request(sqlite_db, o["reg"], clock)
    assign(sqlite_db, o["head"], doc, ResolutionInput(o["exec"].user_id,
           instruction="მოამზადეთ პასუხი 5 დღეში"), clock)  # fmt: skip
    secret = new_request(sqlite_db, o["reg"], clock, confidential=True)
    assign(sqlite_db, o["head"], secret, ResolutionInput(o["exec"].user_id,
           instruction="საიდუმლო მითითება"), clock)  # fmt: skip
    rows = list(reporting.journal(sqlite_db, o["admin"], "2026-11", clock=clock).rows)
    assert [r.resolution for r in rows] == ["მოამზადეთ პასუხი 5 დღეში", "საიდუმლო მითითება"]
    seen = list(reporting.journal(sqlite_db, o["viewer"], "2026-11", clock=clock).rows)
    assert [r.resolution for r in seen] == ["მოამზადეთ პასუხი 5 დღეში", ""]  # hidden with it


def test_journal_hides_confidential_documents_from_a_viewer(
    registry: Registry, clock: FixedClock
) -> None:
    j = reporting.journal(registry.db, registry.viewer, "2026-10", department="FIN", clock=clock)
    d7 = next(r for r in j.rows if r.number == number(registry, "d7"))
    assert (d7.correspondent, d7.subject) == ("***", "კონფიდენციალური დოკუმენტი")
    assert j.row_count == 7
    assert "სამსახური: საფინანსო-საბიუჯეტო სამსახური" in j.header.lines


def test_outgoing_journal_shows_the_letter_it_answers(
    registry: Registry, clock: FixedClock
) -> None:
    j = reporting.journal(registry.db, registry.admin, "2026", kind="outgoing", clock=clock)
    (row,) = list(j.rows)
    assert row.number == number(registry, "o1")
    assert (row.answer_number, row.answer_date) == (number(registry, "d1"), D(2026, 10, 1))
    assert (j.correspondent_label, j.answer_label) == ("ადრესატი", "პასუხია დოკუმენტზე")
    assert j.header.title == "გასული დოკუმენტების რეგისტრაციის ჟურნალი"


def test_journal_pages_through_ties_on_the_date_without_loss(
    sqlite_registry: Registry, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = sqlite_registry
    whole = [x.number for x in reporting.journal(r.db, r.admin, "2026", clock=clock).rows]
    monkeypatch.setattr(reporting, "CHUNK", 2)  # d3 and d14 share 05.10 across a chunk edge
    paged = [x.number for x in reporting.journal(r.db, r.admin, "2026", clock=clock).rows]
    assert paged == whole and len(whole) == len(set(whole)) == 20


# --- 3. Overdue / under control --------------------------------------------------------------


def test_overdue_list_all_departments(registry: Registry, clock: FixedClock) -> None:
    o = reporting.overdue(registry.db, registry.admin, clock=clock)
    assert [(r.number, r.days_overdue, r.under_control) for r in o.rows] == [
        (number(registry, "d3"), 20, False),
        (number(registry, "d13"), 15, False),
        (number(registry, "d7"), 5, False),
        (number(registry, "f4"), 5, False),
        (number(registry, "d9"), 0, True),
    ]
    assert (o.overdue_count, o.under_control_count) == (4, 1)
    d3 = o.rows[0]
    assert (d3.reg_date, d3.correspondent, d3.subject, d3.doc_type) == (
        D(2026, 10, 5),
        "ოთარ მესხი",
        "საქმე d3",
        "წერილი",
    )
    assert (d3.department, d3.executor, d3.due_date, d3.status) == (
        "საფინანსო-საბიუჯეტო სამსახური",
        "ნინო ბერიძე",
        D(2026, 11, 5),
        "შესრულების პროცესში",
    )
    assert o.header.title == "ვადაგადაცილებული და კონტროლზე მყოფი დოკუმენტები"


def test_overdue_list_for_one_department_and_a_past_day(
    registry: Registry, clock: FixedClock
) -> None:
    fin = reporting.overdue(registry.db, registry.admin, department="FIN", clock=clock)
    assert [r.number for r in fin.rows] == [number(registry, k) for k in ("d3", "d13", "d7")]
    assert fin.signature.name == "თამარ ჯაფარიძე"
    # 15 October: d2 (due 12.10, answered 20.10) was overdue then; d13 did not exist.
    past = reporting.overdue(
        registry.db, registry.admin, department="FIN", as_of=D(2026, 10, 15), clock=clock
    )
    assert [(r.number, r.days_overdue) for r in past.rows] == [(number(registry, "d2"), 3)]


# --- 4. Annual public-information report -----------------------------------------------------


def test_foi_annual_counts_every_figure(registry: Registry, clock: FixedClock) -> None:
    """2026: f1 answered on time, f2 closed late, f3 forwarded on time, f4 open and overdue,
    f5 open; f6 cancelled and f7 (2025) are not counted."""
    r = reporting.foi_annual(registry.db, registry.admin, 2026, clock=clock)
    assert r.year == 2026
    assert r.received == 5
    assert r.forwarded == 1
    assert r.outcome_not_recorded == 2
    assert r.pending == 2
    assert (r.answered_on_time, r.answered_late) == (2, 1)
    assert r.overdue == 2
    # Not in the schema until routing records answers: 0, with the structure ready.
    assert (r.granted_full, r.granted_partly, r.refused) == (0, 0, 0)
    assert (r.refusals_by_ground, r.refused_by_official) == ((), ())
    assert (r.appealed, r.appeals_upheld, r.appeals_rejected, r.appeals_pending) == (0, 0, 0, 0)
    assert r.fees_tetri == 0
    assert r.due_text == "წარედგინება არაუგვიანეს 10 დეკემბერი 2026"
    assert r.recipients == ("საქართველოს პრეზიდენტი", "საქართველოს პარლამენტი")
    assert r.notes == (
        "2 მოთხოვნაზე პასუხის შედეგი (დაკმაყოფილდა, ნაწილობრივ, უარი) სისტემაში არ არის აღრიცხული.",
    )
    assert r.header.lines[1] == "საანგარიშო პერიოდი: 1 იანვარი 2026 – 25 ნოემბერი 2026"
    old = reporting.foi_annual(registry.db, registry.admin, "2025", clock=clock)
    assert (old.received, old.answered_on_time, old.pending) == (1, 1, 0)


def test_foi_annual_needs_a_year(registry: Registry, clock: FixedClock) -> None:
    with pytest.raises(ValidationError) as err:
        reporting.foi_annual(registry.db, registry.admin, "2026-10", clock=clock)
    assert err.value.key == "period.year_required"


# --- 5. Open data ------------------------------------------------------------------------------


def test_open_data_rows_carry_no_personal_data(registry: Registry, clock: FixedClock) -> None:
    export = reporting.open_data(registry.db, registry.admin, "2026", clock=clock)
    rows = list(export.rows)
    assert export.row_count == len(rows) == 5
    assert [r.number for r in rows] == [number(registry, f"f{i}") for i in range(1, 6)]
    f1, f2, f3, f4, _ = rows
    assert f1.subject == "ბიუჯეტის შესრულება, ტელ. […], პ/ნ […], […]"
    assert f2.subject == "[…] […] მოთხოვნა ტენდერზე"
    assert f3.subject == '=HYPERLINK("x") სამშენებლო ნებართვები'  # an organisation: kept
    assert [r.requester_kind for r in rows[:3]] == ["ფიზიკური პირი", "ფიზიკური პირი",
                                                    "იურიდიული პირი"]  # fmt: skip
    assert (f1.answer_date, f1.days_to_answer, f1.on_time, f1.outcome) == (
        D(2026, 3, 10),
        8,
        "კი",
        "",
    )
    assert (f2.days_to_answer, f2.on_time, f2.status) == (19, "არა", "დახურული")
    assert (f3.days_to_answer, f3.on_time, f3.outcome) == (2, "კი", "გადაგზავნილი")
    assert (f4.answer_date, f4.days_to_answer, f4.on_time) == (None, None, "")
    assert (f1.channel, f1.department, f1.due_date) == (
        "ფოსტა",
        "ადმინისტრაციული სამსახური",
        D(2026, 3, 12),
    )
    flat = repr(rows)
    for personal in ("ბერიძე", "ოთარ", "01001012345", "599", "nino@"):
        assert personal not in flat


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("პ/ნ 01001012345 და 010010123456", "", "პ/ნ […] და 010010123456"),
        ("ტელ: +995 599 12 34 56; 555123456", "", "ტელ: […]; […]"),
        ("მისწერეთ a.b-c@gov.ge-ზე", "", "მისწერეთ […]-ზე"),
        ("გიორგი ბერიძის და ბერიძისთვის", "გიორგი ბერიძე", "[…] […] და […]"),
        ("ბიუჯეტი 2026", "ეკა ჩხაიძე", "ბიუჯეტი 2026"),
    ],
)
def test_redact_removes_numbers_contacts_and_the_requesters_name(
    text: str, name: str, expected: str
) -> None:
    assert reporting.redact(text, name) == expected


# --- Generating files ------------------------------------------------------------------------


def pdf_rows(path: Path) -> dict[str, list[str]]:
    """Each text line of the PDF (layout mode): first cell → the other cells."""
    out: dict[str, list[str]] = {}
    for page in PdfReader(str(path)).pages:
        for line in page.extract_text(extraction_mode="layout").splitlines():
            cells = [c.strip() for c in line.strip().split("  ") if c.strip()]
            if cells:
                out.setdefault(cells[0], cells[1:])
    return out


def test_monthly_pdf_and_excel_show_the_same_figures(
    sqlite_registry: Registry, clock: FixedClock, tmp_path: Path
) -> None:
    r = sqlite_registry
    req = ReportRequest("monthly", "2026-10", ("pdf", "xlsx"))
    pdf, xlsx = generate(r.db, r.admin, req, tmp_path / "out", clock=clock)
    assert (pdf.name, xlsx.name) == ("monthly-2026-10.pdf", "monthly-2026-10.xlsx")
    rows = pdf_rows(pdf)
    assert rows["ნინო ბერიძე"] == ["4", "1", "1", "1", "1", "11,0"]
    assert rows["გიორგი კაპანაძე"] == ["2", "1", "0", "0", "1", "10,0"]
    assert rows["ლევან წიკლაური"] == ["2", "1", "0", "0", "1", "5,0"]
    assert rows["საფინანსო-საბიუჯეტო სამსახური"] == ["7", "2", "1", "2", "2", "10,7"]
    assert rows["სოციალური სამსახური"] == ["2", "1", "0", "0", "1", "5,0"]
    assert rows["ადმინისტრაციული სამსახური"] == ["0", "0", "0", "0", "0"]
    assert rows["სულ"] == ["10", "4", "1", "2", "3", "9,3"]
    assert rows["შესრულების დისციპლინის ანგარიში"] == []
    sheet = openpyxl.load_workbook(xlsx)["შესრულება"]
    data = {
        (row[0], row[1]): row[2:]
        for row in sheet.iter_rows(min_row=10, values_only=True)
        if isinstance(row[2], int)
    }
    assert data[("საფინანსო-საბიუჯეტო სამსახური", "ნინო ბერიძე")] == (4, 1, 1, 1, 1, 11)
    assert data[("საფინანსო-საბიუჯეტო სამსახური", "სულ სამსახური")] == (7, 2, 1, 2, 2, 10.7)
    assert data[("სამსახური მითითებული არ არის", "სულ სამსახური")] == (1, 1, 0, 0, 0, None)
    assert data[("სულ", None)] == (10, 4, 1, 2, 3, 9.3)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [pdf.name, xlsx.name]


def test_every_report_generates_in_every_format(
    sqlite_registry: Registry, clock: FixedClock, tmp_path: Path
) -> None:
    r = sqlite_registry
    made = []
    for code, period in [("journal", "2026-10"), ("overdue", None), ("foi-annual", "2026"),
                         ("open-data", "2026")]:  # fmt: skip
        made += generate(r.db, r.admin, ReportRequest(code, period), tmp_path, clock=clock)
    assert sorted(p.name for p in made) == sorted([
        "journal-2026-10.pdf", "journal-2026-10.xlsx", "overdue-2026-11-25.pdf",
        "overdue-2026-11-25.xlsx", "foi-annual-2026.pdf", "foi-annual-2026.xlsx",
        "open-data-2026.csv", "open-data-2026.xlsx",
    ])  # fmt: skip
    journal_rows = pdf_rows(tmp_path / "journal-2026-10.pdf")
    assert journal_rows[number(r, "d1")][:2] == ["01.10.2026", "ოთარ მესხი"]
    assert (
        "გვერდი 1 / 1"
        in journal_rows["შემოსული დოკუმენტების რეგისტრაციის ჟურნალი · შედგენილია: 25 ნოემბერი 2026"]
    )
    foi = pdf_rows(tmp_path / "foi-annual-2026.pdf")
    assert foi["მიღებული საჯარო ინფორმაციის მოთხოვნები"] == ["5"]
    assert foi["გადაეგზავნა კომპეტენტურ დაწესებულებას"] == ["1"]
    assert foi["პასუხი გაცემულია კანონით დადგენილ ვადაში"] == ["2"]
    assert foi["პასუხი გაცემულია ვადის დარღვევით"] == ["1"]
    assert foi["ვადაგადაცილებული მოთხოვნები (სულ)"] == ["2"]
    assert foi["სრულად დაკმაყოფილდა"] == ["0"]
    overdue = pdf_rows(tmp_path / "overdue-2026-11-25.pdf")
    assert overdue[number(r, "d3")][-3:-1] == ["05.11.2026", "20"]
    ws = openpyxl.load_workbook(tmp_path / "foi-annual-2026.xlsx")["ანგარიში"]
    values = {row[0].strip(): row[1] for row in ws.iter_rows(min_row=7, values_only=True) if row[0]}
    assert values["მიღებული საჯარო ინფორმაციის მოთხოვნები"] == 5
    assert values["პასუხი გაცემულია, შედეგი არ არის აღრიცხული"] == 2
    assert values["განხილვის პროცესშია"] == 2
    with (tmp_path / "open-data-2026.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    assert len(table) == 6 and table[1][:2] == [number(r, "f1"), "2026-03-02"]
    assert "ბერიძე" not in (tmp_path / "open-data-2026.csv").read_text(encoding="utf-8")


def test_cancel_leaves_no_file_at_all(
    sqlite_registry: Registry, clock: FixedClock, tmp_path: Path
) -> None:
    r = sqlite_registry
    seen: list[int] = []

    def cancel() -> bool:
        return bool(seen) and seen[-1] >= 50  # after the PDF, while the Excel is written

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        generate(r.db, r.admin, ReportRequest("monthly", "2026-10"), out, clock=clock,
                 progress=lambda done, total: seen.append(done), cancel=cancel)  # fmt: skip
    assert seen and max(seen) >= 50
    assert list(out.iterdir()) == []


def test_a_failed_format_leaves_no_file(
    sqlite_registry: Registry, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reports.xlsx.monthly

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(reports.xlsx.monthly, "render_monthly_xlsx", broken)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        generate(sqlite_registry.db, sqlite_registry.admin, ReportRequest("monthly", "2026-10"),
                 out, clock=clock)  # fmt: skip
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("request_", "key"),
    [
        (ReportRequest("weekly", "2026-10"), "report.unknown"),
        (ReportRequest("monthly", "2026-10", ("pdf", "docx")), "report.format_unknown"),
        (ReportRequest("open-data", "2026", ("pdf",)), "report.format_unknown"),
        (ReportRequest("journal"), "period.required"),
        (ReportRequest("foi-annual", "2026-10"), "period.year_required"),
        (ReportRequest("monthly", "2026-10", department="XYZ"), "department.unknown"),
        (ReportRequest("journal", "2026-10", kind="inbound"), "kind.unknown"),
    ],
)
def test_bad_requests_are_refused_before_anything_is_written(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path, request_: ReportRequest, key: str
) -> None:
    with sqlite_db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    out = tmp_path / "out"
    with pytest.raises(ValidationError) as err:
        generate(sqlite_db, admin, request_, out, clock=clock)
    assert err.value.key == key
    assert not out.exists() or list(out.iterdir()) == []


def test_cli_report_prints_the_written_paths(
    sqlite_registry: Registry, sqlite_url: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cheap_hashing: None,
) -> None:  # fmt: skip
    with_admin(sqlite_url)
    rc = run(["--db", sqlite_url, "report", "monthly", "--period", "2026-10", "--department",
              "FIN", "--format", "pdf,xlsx", "--out", str(tmp_path), "--as-of", "2026-11-25",
              *login(monkeypatch)])  # fmt: skip
    assert rc == EXIT_OK
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "monthly-2026-10-FIN.pdf"),
                       str(tmp_path / "monthly-2026-10-FIN.xlsx")]  # fmt: skip
    assert pdf_rows(tmp_path / "monthly-2026-10-FIN.pdf")["ნინო ბერიძე"] == [
        "4", "1", "1", "1", "1", "11,0"
    ]  # fmt: skip
    rc = run(["--db", sqlite_url, "report", "journal", "--period", "2026-13", "--out",
              str(tmp_path / "x"), *login(monkeypatch)])  # fmt: skip
    assert rc == EXIT_USER
    assert "პერიოდი" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_queries_compile_for_ms_sql_and_postgresql() -> None:
    stmt = select(*reporting._figure_columns(TODAY)).where(Document.kind == "incoming")
    tsql = str(stmt.compile(dialect=mssql.dialect()))
    assert "DATEDIFF(day, documents.reg_date, documents.closed_date)" in tsql
    pg = str(stmt.compile(dialect=postgresql.dialect()))
    assert "(documents.closed_date - documents.reg_date)" in pg
