"""Registration journal (PDF): the paper book's columns, A4 landscape, page X of Y."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from reports.data import JournalReport, JournalRow
from reports.pdf.common import Column, build_table_report, fmt_date
from reports.progress import CancelFn, ProgressFn, Ticker


def columns(report: JournalReport) -> tuple[Column, ...]:
    return (
        Column("რეგ. ნომერი", 20),
        Column("რეგ. თარიღი", 17, "CENTER"),
        Column(report.correspondent_label, 34),
        Column("კორესპ. ნომერი, თარიღი", 22),
        Column("მოკლე შინაარსი", 55),
        Column("რეზოლუცია", 24),
        Column("შემსრულებელი", 30),
        Column("ვადა", 17, "CENTER"),
        Column(report.answer_label, 24),
        Column("შენიშვნა", 29),
    )


def _joined(number: str, day: dt.date | None) -> str:
    if day is None:
        return number
    return f"{number}, {fmt_date(day)}" if number else fmt_date(day)


def _texts(rows: Iterable[JournalRow]) -> Iterator[list[str]]:
    for r in rows:
        yield [
            r.number, fmt_date(r.reg_date), r.correspondent,
            _joined(r.sender_number, r.sender_date), r.subject, r.resolution, r.executor,
            fmt_date(r.due_date), _joined(r.answer_number, r.answer_date), r.note,
        ]  # fmt: skip


def render_journal_pdf(
    report: JournalReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    tick = Ticker(report.row_count + 1, progress, cancel, every=50)
    return build_table_report(
        path, report.header, columns(report), _texts(report.rows), report.row_count,
        ticker=tick,
    )  # fmt: skip
