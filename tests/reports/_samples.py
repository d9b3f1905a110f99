"""Plain report data for the renderer tests (no database: renderers take data, not rows)."""

from __future__ import annotations

import datetime as dt

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
    ReplyLetter,
    ReportHeader,
    Signature,
)

D = dt.date
LETTERHEAD = Letterhead(
    office_name="ლანჩხუთის მუნიციპალიტეტის მერია",
    address="ლანჩხუთი, ჟორდანიას ქ. N 72",
    phone="+995 494 22 22 22",
    email="info@lanchkhuti.gov.ge",
)


def header(title: str, *lines: str) -> ReportHeader:
    return ReportHeader(LETTERHEAD, title, lines, D(2026, 11, 25), "შედგენილია: 25 ნოემბერი 2026")


def monthly() -> MonthlyReport:
    nino = DisciplineFigures(4, 1, 1, 1, 1, 11.0)
    giorgi = DisciplineFigures(2, 1, 0, 0, 1, 10.0)
    fin = DisciplineFigures(6, 2, 1, 1, 2, 10.7)
    soc = DisciplineFigures(3, 3, 0, 0, 0, 2.5)
    total = DisciplineFigures(9, 5, 1, 1, 2, 6.2)
    return MonthlyReport(
        header=header("შესრულების დისციპლინის ანგარიში", "პერიოდი: ოქტომბერი 2026"),
        departments=(
            DepartmentDiscipline(
                "FIN",
                "საფინანსო-საბიუჯეტო სამსახური",
                (
                    ExecutorDiscipline("გიორგი კაპანაძე", giorgi),
                    ExecutorDiscipline("ნინო ბერიძე", nino),
                ),
                fin,
            ),
            DepartmentDiscipline(
                "SOC", "სოციალური სამსახური", (ExecutorDiscipline("ლევან წიკლაური", soc),), soc
            ),
        ),
        totals=total,
        chart_title="შესრულება სამსახურების მიხედვით",
        chart=(ChartBar("საფინანსო-საბიუჯეტო", fin), ChartBar("სოციალური", soc)),
        signature=Signature("სამსახურის უფროსი", "თამარ ჯაფარიძე"),
    )


def journal_rows(n: int) -> list[JournalRow]:
    start = D(2026, 1, 1)
    return [
        JournalRow(
            number=f"შ-{i}/2026",
            reg_date=start + dt.timedelta(days=i % 300),
            correspondent=f"მოქალაქე {i} გიგინეიშვილი",
            sender_number=str(i) if i % 3 == 0 else "",
            sender_date=start if i % 3 == 0 else None,
            subject=("ქუჩის განათების აღდგენა სოფელ ჩოჩხათში " * (1 + i % 3)).strip(),
            resolution="",
            executor="ნინო ბერიძე",
            due_date=start + dt.timedelta(days=i % 300 + 30),
            answer_number=f"გ-{i}/2026" if i % 2 else "",
            answer_date=start + dt.timedelta(days=i % 300 + 5) if i % 2 else None,
            note="გაუქმებული" if i % 50 == 0 else "",
        )
        for i in range(1, n + 1)
    ]


def journal(n: int) -> JournalReport:
    rows = journal_rows(n)
    return JournalReport(
        header=header("შემოსული დოკუმენტების რეგისტრაციის ჟურნალი", "პერიოდი: 2026 წელი"),
        correspondent_label="გამგზავნი",
        answer_label="პასუხი",
        row_count=len(rows),
        rows=rows,
    )


def overdue(rows: int = 2) -> OverdueReport:
    out = tuple(
        OverdueRow(
            number=f"შ-{i}/2026",
            reg_date=D(2026, 10, 5),
            correspondent="ოთარ მესხი",
            subject="გზის შეკეთება",
            doc_type="წერილი",
            department="ინფრასტრუქტურის სამსახური",
            executor="ლევან წიკლაური",
            due_date=D(2026, 11, 5),
            days_overdue=20 if i % 2 else 0,
            under_control=not i % 2,
            status="შესრულების პროცესში",
        )
        for i in range(1, rows + 1)
    )
    return OverdueReport(
        header=header("ვადაგადაცილებული და კონტროლზე მყოფი დოკუმენტები"),
        overdue_count=sum(1 for r in out if r.days_overdue),
        under_control_count=sum(1 for r in out if r.under_control),
        rows=out,
        signature=Signature("ხელმძღვანელი"),
    )


def foi() -> FoiAnnualReport:
    return FoiAnnualReport(
        header=header("ანგარიში საჯარო ინფორმაციის გაცემის შესახებ — 2026 წელი"),
        year=2026, received=41, granted_full=20, granted_partly=7, refused=5,
        refusals_by_ground=(CountLine("სზაკ, მუხ. 44 — პერსონალური მონაცემები", 3),
                            CountLine("კომერციული საიდუმლოება", 2)),
        refused_by_official=(CountLine("გიორგი კაპანაძე", 5),),
        forwarded=4, outcome_not_recorded=0, pending=5, answered_on_time=33, answered_late=3,
        overdue=4, appealed=2, appeals_upheld=1, appeals_rejected=1, appeals_pending=0,
        fees_tetri=1250, recipients=("საქართველოს პრეზიდენტი", "საქართველოს პარლამენტი"),
        due_text="წარედგინება არაუგვიანეს 10 დეკემბერი 2026", notes=(),
        signature=Signature("საჯარო ინფორმაციის გაცემაზე პასუხისმგებელი პირი"),
    )  # fmt: skip


def open_data(n: int = 3) -> OpenDataExport:
    rows = [
        OpenDataRow(
            number=f"შ-{i}/2026",
            reg_date=D(2026, 3, i),
            channel="ფოსტა",
            requester_kind="ფიზიკური პირი",
            subject="=1+2 ბიუჯეტი" if i == 1 else ("-ხარჯები" if i == 2 else "ტენდერი, 2026"),
            department="ადმინისტრაციული სამსახური",
            status="პასუხგაცემული",
            due_date=D(2026, 3, i + 10),
            answer_date=D(2026, 3, i + 5),
            days_to_answer=5,
            on_time="კი",
            outcome="",
        )
        for i in range(1, n + 1)
    ]
    return OpenDataExport("საჯარო ინფორმაციის მოთხოვნების რეესტრი — 2026 წელი", len(rows), rows)


def letter() -> ReplyLetter:
    return ReplyLetter(
        letterhead=LETTERHEAD,
        number="გ-15/2026",
        date_text="25 ნოემბერი 2026",
        addressee="ბატონ ოთარ მესხს",
        addressee_address="ლანჩხუთი, რუსთაველის ქ. 5",
        in_reply_to="თქვენი 20 ნოემბერი 2026 წლის N შ-120/2026 განცხადების პასუხად",
        subject="ქუჩის განათება",
        body=("გაცნობებთ, რომ ქუჩის განათება აღდგება დეკემბრის ბოლომდე.",
              "დამატებითი კითხვებისთვის მიმართეთ ინფრასტრუქტურის სამსახურს."),
        signer_title="მერი",
        signer_name="გიორგი ნინიძე",
        executor="ლევან წიკლაური, ტელ. 599 000 000",
    )  # fmt: skip
