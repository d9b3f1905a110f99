"""Column titles and line labels shared by the PDF and Excel renderers (one wording)."""

from __future__ import annotations

from reports.data import FoiAnnualReport, JournalReport, OverdueReport

MONTHLY_HEADERS = (
    "სამსახური / შემსრულებელი",
    "შემოსული",
    "შესრულდა ვადაში",
    "შესრულდა ვადის დარღვევით",
    "ვადაგადაცილებული, შეუსრულებელი",
    "შესრულების პროცესში, ვადა არ გასულა",
    "შესრულების საშუალო ვადა (დღე)",
)
CHART_SERIES = (
    "შესრულდა ვადაში",
    "შესრულდა ვადის დარღვევით",
    "ვადაგადაცილებული",
    "ვადა არ გასულა",
)


def journal_headers(report: JournalReport) -> tuple[str, ...]:
    return (
        "რეგ. ნომერი",
        "რეგ. თარიღი",
        report.correspondent_label,
        "კორესპონდენტის ნომერი",
        "კორესპონდენტის თარიღი",
        "მოკლე შინაარსი",
        "რეზოლუცია",
        "შემსრულებელი",
        "შესრულების ვადა",
        f"{report.answer_label} — ნომერი",
        f"{report.answer_label} — თარიღი",
        "შენიშვნა",
    )


def overdue_counts(report: OverdueReport) -> tuple[tuple[str, int], ...]:
    """The count line both formats print above the overdue list."""
    return (
        ("ვადაგადაცილებული", report.overdue_count),
        ("კონტროლზე", report.under_control_count),
        ("სულ სიაში", len(report.rows)),
    )


OVERDUE_HEADERS = (
    "რეგ. ნომერი",
    "რეგ. თარიღი",
    "კორესპონდენტი",
    "მოკლე შინაარსი",
    "ტიპი",
    "სამსახური",
    "შემსრულებელი",
    "შესრულების ვადა",
    "დაგვიანება (დღე)",
    "კონტროლზე",
    "სტატუსი",
)

OPEN_DATA_HEADERS = (
    "რეგისტრაციის ნომერი",
    "რეგისტრაციის თარიღი",
    "მიღების არხი",
    "მომთხოვნი",
    "მოთხოვნილი ინფორმაცია",
    "სამსახური",
    "სტატუსი",
    "პასუხის ვადა",
    "პასუხის თარიღი",
    "პასუხის დღეები",
    "ვადაში",
    "შედეგი",
)


def foi_lines(r: FoiAnnualReport) -> list[tuple[str, int, int]]:
    """(label, value, indent) of the annual public-information report, in order.

    Fees are in tetri in the data; the line shows lari with two decimals, so it is
    not in this list (see :func:`foi_fee_text`).
    """
    return [
        ("მიღებული საჯარო ინფორმაციის მოთხოვნები", r.received, 0),
        ("სრულად დაკმაყოფილდა", r.granted_full, 1),
        ("ნაწილობრივ დაკმაყოფილდა", r.granted_partly, 1),
        ("უარი ეთქვა", r.refused, 1),
        ("გადაეგზავნა კომპეტენტურ დაწესებულებას", r.forwarded, 1),
        ("პასუხი გაცემულია, შედეგი არ არის აღრიცხული", r.outcome_not_recorded, 1),
        ("განხილვის პროცესშია", r.pending, 1),
        ("პასუხი გაცემულია კანონით დადგენილ ვადაში", r.answered_on_time, 0),
        ("პასუხი გაცემულია ვადის დარღვევით", r.answered_late, 0),
        ("ვადაგადაცილებული მოთხოვნები (სულ)", r.overdue, 0),
        ("გასაჩივრებული გადაწყვეტილებები", r.appealed, 0),
        ("საჩივარი დაკმაყოფილდა", r.appeals_upheld, 1),
        ("საჩივარი არ დაკმაყოფილდა", r.appeals_rejected, 1),
        ("საჩივარი განხილვის პროცესშია", r.appeals_pending, 1),
    ]


FOI_FEE_LABEL = "ინფორმაციის ასლების გადაღებისთვის დაკისრებული საფასური (ლარი)"


def foi_fee_text(tetri: int) -> str:
    return f"{tetri // 100},{tetri % 100:02d}"
