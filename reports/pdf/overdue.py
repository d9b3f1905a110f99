"""Overdue / under-control list (PDF)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportlab.platypus import Paragraph, Spacer

from reports.data import OverdueReport
from reports.layout import OVERDUE_HEADERS, overdue_counts
from reports.pdf.common import (
    Column,
    build_table_report,
    fmt_date,
    signature_flowables,
    styles,
)
from reports.progress import CancelFn, ProgressFn, Ticker

WIDTHS_MM = (22, 17, 30, 41, 24, 28, 28, 20, 18, 19, 25)
ALIGN = {1: "CENTER", 7: "CENTER", 8: "RIGHT", 9: "CENTER"}
COLUMNS = tuple(
    Column(title, w, ALIGN.get(i, "LEFT"))
    for i, (title, w) in enumerate(zip(OVERDUE_HEADERS, WIDTHS_MM, strict=True))
)


def _texts(report: OverdueReport) -> Iterator[list[str]]:
    for r in report.rows:
        yield [
            r.number, fmt_date(r.reg_date), r.correspondent, r.subject, r.doc_type,
            r.department, r.executor, fmt_date(r.due_date),
            str(r.days_overdue) if r.days_overdue else "", "კი" if r.under_control else "",
            r.status,
        ]  # fmt: skip


def render_overdue_pdf(
    report: OverdueReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    st = styles()
    tick = Ticker(len(report.rows) + 1, progress, cancel, every=50)
    summary = Paragraph(
        " · ".join(f"{label}: <b>{n}</b>" for label, n in overdue_counts(report)), st["base"]
    )
    return build_table_report(
        path, report.header, COLUMNS, _texts(report), len(report.rows),
        before=[summary, Spacer(1, 4)],
        after=signature_flowables(report.signature, report.header.generated_text),
        empty_text="ვადაგადაცილებული და კონტროლზე მყოფი დოკუმენტები არ არის.",
        ticker=tick,
    )  # fmt: skip
